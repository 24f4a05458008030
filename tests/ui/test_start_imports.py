"""A warm start loads only what home needs (issue 13: the start must not get slower).

Not a timing test (timings depend on the machine's load): a child process starts the real
kiosk to ready and reports which modules it had imported by then. Each module listed here
cost the start tens of milliseconds or megabytes when it was imported there by accident.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Not needed until someone does something beyond looking at home.
NOT_AT_START = (
    "sqlalchemy.dialects.postgresql",  # the backend's database; the kiosk is SQLite
    "alembic",                         # only when the schema is not at its newest revision
    "rapidfuzz",                       # typo search: loaded when the search screen opens
    "qrcode",                          # a QR code's matrix, made when a screen shows one
    "requests", "urllib3",             # HTTP: --exit-when-ready starts no sync worker, nothing else sends
    "jwt", "cryptography",             # the phone key's token check
    "PySide6.QtMultimedia",            # the session warning's sound
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",  # the video call
    "kiosk.catalogue.importer",        # a warm start has its catalogue already
    "sync.server", "fastapi", "pydantic",  # the backend
    "ui.screens.browse", "ui.screens.search", "ui.screens.service", "ui.screens.booking",
    "ui.screens.queue", "ui.screens.staff_queue", "ui.screens.participation", "ui.screens.video",
    "ui.screens.login", "ui.widgets.pin_pad",  # the login covers: built once the loop is idle
)
# Loaded at every start, so an empty answer above cannot come from a start that did nothing.
AT_START = ("PySide6.QtWidgets", "sqlalchemy", "kiosk.catalogue.service", "ui.screens.home")

_CHILD = textwrap.dedent("""
    import json, sys
    import ui.app
    at_ready = []
    rss_kb = ui.app.rss_kb

    def rss_and_modules():
        # Called where the KIOSK_READY line is printed: what was loaded when home was ready
        # (work left for after the first paint may still run before the loop ends).
        at_ready.extend(sorted(sys.modules))
        return rss_kb()
    ui.app.rss_kb = rss_and_modules
    rc = ui.app.main(sys.argv[1:])
    print("MODULES " + json.dumps(at_ready))
    sys.exit(rc)
""")


def _start(device: Path) -> tuple[str, set[str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", _CHILD, "--demo", "--exit-when-ready", "--config", str(device)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    modules = next(line for line in lines if line.startswith("MODULES "))
    return "\n".join(lines), set(json.loads(modules.removeprefix("MODULES ")))


@pytest.mark.slow
def test_a_warm_start_imports_only_what_home_needs(tmp_path):
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n', encoding="utf-8")
    _start(device)  # the first start imports the demo catalogue; the kiosk's normal morning is the next one
    out, modules = _start(device)
    assert "KIOSK_READY" in out
    assert modules, "the ready line was printed without rss_kb(): see _CHILD"
    assert set(AT_START) <= modules, set(AT_START) - modules

    def loaded(name: str) -> bool:
        return name in modules or any(m.startswith(name + ".") for m in modules)

    assert [name for name in NOT_AT_START if loaded(name)] == []
