"""Each answer's shape is declared once (sync/protocol.py): the backend's response models
and the OpenAPI document are built from it, the kiosk checks answers against it without
pydantic, and the kiosk's errors still say where in the answer the problem is (issue 13)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sync import protocol
from tests.conftest import REPO

SHAPES = [protocol.ENROL_ANSWER, protocol.ITEM_RESULT, protocol.PUSH_ANSWER, protocol.HEARTBEAT_ANSWER,
          protocol.CATALOGUE_CHANGE, protocol.CATALOGUE_PAGE]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.model)
def test_the_backend_model_is_the_declared_shape(shape):
    from sync.server.cli import openapi_document

    schema = openapi_document()["components"]["schemas"][shape.model]
    assert set(schema.get("required", [])) == set(shape.required)
    assert set(schema["properties"]) == set(shape.required) | set(shape.optional)
    for key, note in shape.notes.items():
        assert schema["properties"][key]["description"] == note


def test_what_the_backend_answers_passes_the_kiosk_check():
    from sync.server.wire import CataloguePage, PushAnswer

    page = CataloguePage.model_validate({"site": "s", "cursor": "7", "more": False, "changes": [
        {"kind": "service", "id": "a", "deleted": False, "data": {"names": {"fi": "A"}}},
        {"kind": "slot", "id": "b", "deleted": True}]}).model_dump()
    assert protocol.check_catalogue_page(page)["changes"][1]["data"] is None
    answer = PushAnswer.model_validate({"results": [{"id": "x", "status": "rejected", "reason": "unknown_kind",
                                                     "detail": "kind: not known"}]}).model_dump()
    assert protocol.check_push_results(answer, ["x"])[0]["reason"] == "unknown_kind"


def test_the_kiosk_names_where_an_answer_is_wrong():
    with pytest.raises(protocol.ProtocolError, match=r"results\[1\]: missing status"):
        protocol.check_push_results({"results": [{"id": "a", "status": "accepted"}, {"id": "b"}]}, ["a", "b"])
    with pytest.raises(protocol.ProtocolError, match=r"changes\[0\]\.deleted: wrong type str"):
        protocol.check_catalogue_page({"site": "s", "cursor": "1", "more": False,
                                       "changes": [{"kind": "slot", "id": "b", "deleted": "no"}]})
    with pytest.raises(protocol.ProtocolError, match=r"enrolment: missing token"):
        protocol.check_enrolment({"device_id": "x", "site": "s"})


def test_the_kiosk_side_does_not_load_pydantic():
    """pydantic would cost the kiosk's start 0.2-0.4 s of imports and 18 MB (measured with -X importtime):
    the protocol module and the sync client stay plain Python."""
    probe = subprocess.run([sys.executable, "-c", "import sys, sync.protocol, sync.client, sync.worker; "
                            "print('pydantic' in sys.modules)"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "False"
