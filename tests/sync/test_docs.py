"""The protocol documents say what the code does."""

import json
import subprocess
import sys

import requests

from sync import protocol
from sync.server.cli import openapi_document
from tests.conftest import REPO

DOCS = REPO / "docs"


def test_openapi_json_is_up_to_date():
    on_disk = json.loads((DOCS / "openapi.json").read_text(encoding="utf-8"))
    assert on_disk == openapi_document(), "docs/openapi.json is stale: run `welfare-backend openapi > docs/openapi.json`"


def test_the_running_server_serves_the_documented_openapi(backend):
    assert requests.get(backend.url + "/openapi.json", timeout=10).json() == openapi_document()


def test_openapi_command_prints_the_document():
    out = subprocess.run([sys.executable, "-m", "sync.server.cli", "openapi"], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out) == openapi_document()


def test_protocol_md_names_every_kind_reason_and_endpoint():
    text = (DOCS / "protocol.md").read_text(encoding="utf-8")
    sync_paths = ["/api/v1/health", "/api/v1/enrol", "/api/v1/outbox", "/api/v1/heartbeat", "/api/v1/catalogue/changes"]
    assert set(sync_paths) <= set(openapi_document()["paths"])
    for name in list(protocol.ITEM_KINDS) + list(protocol.REASONS) + sync_paths + list(protocol.ERRORS):
        assert f"`{name}" in text, name
    for kind, spec in protocol.ITEM_KINDS.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{kind}` |"))
        for field in spec.personal:
            assert f"`{field}`" in row.rsplit("|", 2)[-2], (kind, field)
