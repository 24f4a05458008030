"""Fuzz the reference backend from its own OpenAPI document (schemathesis), on SQLite and
on PostgreSQL: whatever a client sends, the answer is never a 5xx and the server keeps
running.

Examples per operation: FUZZ_EXAMPLES (default 120). With 19 operations on two databases
that is about 2.5 minutes on two cores; raise it for a long run on a spare machine."""

import os

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

from sync.server import identity as server_identity
from sync.server.cli import openapi_document
from tests.identity.staff_data import TEST_HASHER

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))


@pytest.fixture(scope="module")
def fuzz_target(any_backend):
    proc = any_backend
    site = proc.new_site()
    # A resident card made with cheap test parameters: an unknown card is then checked
    # against a dummy hash of the same (cheap) cost, as the backend does in production.
    server_identity.add_resident_card(proc.sessions, "9246000000000001", "1357", subject="res-fuzz", name="Fuzz",
                                      hasher=TEST_HASHER)
    token = requests.post(proc.url + "/api/v1/enrol", json={"code": proc.enrolment_code(site), "name": "fuzz"},
                          timeout=10).json()["token"]
    return proc, token


# The schema is the server's own document, loaded in-process (the same one the running
# server serves, checked by test_docs.py). Operations are driven with Hypothesis directly
# because schemathesis' pytest plugin does not work with pytest 9 yet.
SCHEMA = schemathesis.openapi.from_dict(openapi_document())
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_input_makes_the_server_fail(label, fuzz_target):
    proc, token = fuzz_target
    session = requests.Session()

    @given(case=OPERATIONS[label].as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def fuzz(case):
        # A valid device token, so the fuzzing reaches past authentication.
        response = case.call(base_url=proc.url, session=session,
                             headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert response.status_code < 500, f"{label}: {response.status_code} {response.text[:500]}"

    fuzz()
    assert proc.proc.poll() is None, "the backend process died"


def test_garbage_bodies_get_clear_4xx_answers(fuzz_target):
    proc, token = fuzz_target
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for body in (b"", b"{", b"null", b"[]", b'{"items": 5}', b'{"items": [{"id": 1}]}', "\x00\xff".encode("latin-1"),
                 b'{"items": [' + b'{"id": "x", "kind": "vote", "created_at": "x", "payload": {}},' * 501 + b'{}]}'):
        r = requests.post(proc.url + "/api/v1/outbox", data=body, headers=auth, timeout=10)
        assert 400 <= r.status_code < 500, (body[:40], r.status_code, r.text[:200])
        assert r.json()["error"] in ("invalid_request", "batch_too_large")
    bad_items = {"items": [{"id": "not-a-uuid", "kind": "vote", "created_at": "2026-01-01T00:00:00+00:00",
                            "payload": {"poll_id": "p"}},
                           {"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "kind": "teleport",
                            "created_at": "2026-01-01T00:00:00+00:00", "payload": {}}]}
    r = requests.post(proc.url + "/api/v1/outbox", json=bad_items, headers=auth, timeout=10)
    assert r.status_code == 200
    assert [(x["status"], x["reason"]) for x in r.json()["results"]] == [("rejected", "invalid_payload"),
                                                                          ("rejected", "unknown_kind")]
