"""Fuzz the console's routes from the console's own OpenAPI document (schemathesis), signed
in as an admin so the fuzzing reaches past the sign-in: never a 5xx."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from sqlalchemy.orm import sessionmaker

from sync.server.console.app import console_app

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
SCHEMA = schemathesis.openapi.from_dict(console_app(sessionmaker()).openapi())
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}


@pytest.fixture(scope="module")
def admin_cookie(console_backend):
    from tests.console.conftest import Staff

    s = Staff(console_backend.url)
    s.sign_in("admin")
    return "; ".join(f"{k}={v}" for k, v in s.cookies.items())


def test_the_console_has_operations_to_fuzz():
    assert {"GET /reports", "GET /fleet", "POST /fleet/enrolment-codes", "GET /callback"} <= set(OPERATIONS)


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_input_makes_the_console_fail(label, console_backend, admin_cookie):
    import requests

    session = requests.Session()

    @given(case=OPERATIONS[label].as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def fuzz(case):
        response = case.call(base_url=console_backend.url + "/console", session=session,
                             headers={"Cookie": admin_cookie}, timeout=20)
        assert response.status_code < 500, f"{label}: {response.status_code} {response.text[:500]}"

    fuzz()
    assert console_backend.proc.poll() is None
