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
          protocol.CATALOGUE_CHANGE, protocol.CATALOGUE_PAGE,
          protocol.ENROL_REQUEST, protocol.PUSH_ITEM, protocol.PUSH_REQUEST, protocol.HEARTBEAT_REQUEST]


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


ITEM = {"id": "0b6a6d0e-2f7b-4c1e-9a55-3a1f3f0e9c11", "kind": "feedback", "created_at": "2026-12-02T10:00:00+00:00",
        "payload": {"smiley": 3}}
BEAT = {"app_version": "1.0", "outbox_depth": 0}
# (shape, body, refused?): the backend's model and the kiosk's check must give the same verdict.
REQUESTS = [
    (protocol.ENROL_REQUEST, {"code": "ABC", "name": "kontula-1"}, False),
    (protocol.ENROL_REQUEST, {"code": "ABC", "name": "kontula-1", "request_id": "a" * 43}, False),
    (protocol.ENROL_REQUEST, {"code": "ABC", "name": "kontula-1", "request_id": "a" * 42}, True),
    (protocol.ENROL_REQUEST, {"code": "ABC", "name": "kontula-1", "request_id": "a" * 42 + "!"}, True),
    (protocol.ENROL_REQUEST, {"code": "", "name": "kontula-1"}, True),
    (protocol.ENROL_REQUEST, {"code": "ABC", "name": "k" * 65}, True),
    (protocol.ENROL_REQUEST, {"code": "ABC", "name": "kontula-1", "site": "x"}, True),
    (protocol.PUSH_REQUEST, {"items": [ITEM]}, False),
    (protocol.PUSH_REQUEST, {"items": [ITEM] * protocol.MAX_BATCH_ITEMS}, False),
    (protocol.PUSH_REQUEST, {"items": [ITEM] * (protocol.MAX_BATCH_ITEMS + 1)}, True),
    (protocol.PUSH_REQUEST, {"items": [{k: v for k, v in ITEM.items() if k != "payload"}]}, True),
    (protocol.PUSH_REQUEST, {"items": [dict(ITEM, payload=[1])]}, True),
    (protocol.HEARTBEAT_REQUEST, BEAT, False),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, oldest_pending_age_s=3, last_error="e" * 500, quarantined=2), False),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, update={"state": "idle", "pending": ["a"], "n": 1, "ok": True,
                                                    "age": 1.5, "gone": None}), False),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, last_error="e" * 501), True),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, outbox_depth=-1), True),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, quarantined=None), True),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, update={"state": {"nested": 1}}), True),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, update={f"k{i}": 1 for i in range(33)}), True),
    (protocol.HEARTBEAT_REQUEST, dict(BEAT, extra=1), True),
]


@pytest.mark.parametrize("shape, body, refused", REQUESTS,
                         ids=[f"{s.model}-{i}" for i, (s, _b, _r) in enumerate(REQUESTS)])
def test_the_kiosk_and_the_backend_refuse_the_same_requests(shape, body, refused):
    from pydantic import ValidationError

    from sync.server import wire

    model = wire.model_of(shape)
    try:
        model.model_validate(body)
        backend_refuses = False
    except ValidationError:
        backend_refuses = True
    assert backend_refuses == refused
    assert (protocol.request_problems(shape, body) is not None) == refused, protocol.request_problems(shape, body)


def test_the_kiosk_does_not_send_what_the_backend_would_refuse_and_says_which_field():
    from sync.client import BackendClient, Refused

    client = BackendClient("http://127.0.0.1:9")  # nothing listens: a request sent would fail differently
    with pytest.raises(Refused, match=r"heartbeat\.last_error: longer than 500"):
        client.heartbeat(dict(BEAT, last_error="e" * 501))
    with pytest.raises(Refused, match=r"push\.items: longer than 500"):
        client.push_batch([ITEM] * 501)
    with pytest.raises(Refused, match=r"items\[1\]: missing payload"):
        client.push_batch([ITEM, {k: v for k, v in ITEM.items() if k != "payload"}])
    with pytest.raises(Refused, match=r"enrolment request\.request_id: shorter than 43"):
        client.enrol("ABC", "kontula-1", request_id="short")
