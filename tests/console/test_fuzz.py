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
    # The editing pages (tests/console/test_authorisation.py lists each) are fuzzed too.
    assert {"POST /announcements/new", "POST /announcements/{announcement_id}", "POST /participation/{question_id}/{action}",
            "POST /participation/ideas/{idea_id}/{action}", "GET /catalogue/{site}/{kind}/{entry_id}",
            "POST /catalogue/{site}/channel/{channel_id}/slots", "GET /catalogue/history/export.{fmt}"} <= set(OPERATIONS)


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


EDITING = sorted(label for label in OPERATIONS if label.startswith("POST /") and label.split()[1].startswith(
    ("/announcements", "/participation", "/catalogue/")))


@pytest.fixture(scope="module")
def admin_with_csrf(console_backend):
    """An admin session, its CSRF token and real objects for the path, so the fuzzed forms
    get past the CSRF check and the "no such thing" answers into the form handling."""
    import re
    from datetime import datetime, timedelta, timezone

    from sync.server import announcements, participation
    from sync.server.models import ParticipationIdea
    from tests.console.conftest import Staff
    from tests.backend import question

    s = Staff(console_backend.url)
    s.sign_in("admin")
    page = s.get("/console/").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    site = console_backend.new_site()
    now = datetime.now(timezone.utc)
    notice = announcements.create_announcement(console_backend.sessions, texts={"fi": "Sumea"}, sites=[site],
                                               starts=now, ends=now + timedelta(days=1))
    q = question("ideas", sites=[site])
    participation.author(console_backend.sessions, {"questions": [q]})
    idea = "0a1b2c3d-0000-4000-8000-00000000f022"
    with console_backend.sessions.begin() as db:
        db.add(ParticipationIdea(id=idea, question_id=q["id"], title="Sumea idea", text="Teksti", category="parks",
                                 status="proposed", supports=0, created_at=now))
    real = {"site": site, "announcement_id": notice.id, "question_id": q["id"], "idea_id": idea,
            "provider_id": "city-health", "channel_id": "health-video"}
    return "; ".join(f"{k}={v}" for k, v in s.cookies.items()), csrf, real


@pytest.mark.parametrize("label", EDITING)
def test_no_form_with_a_valid_csrf_token_makes_an_editing_page_fail(label, console_backend, admin_with_csrf):
    import requests

    cookie, csrf, real = admin_with_csrf
    session = requests.Session()

    @given(case=OPERATIONS[label].as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def fuzz(case):
        if isinstance(case.body, dict):
            case.body["csrf"] = csrf
        for name in list(case.path_parameters or {}):
            if name in real and hash(str(case.body)) % 4:  # mostly real objects, sometimes fuzzed ids
                case.path_parameters[name] = real[name]
        response = case.call(base_url=console_backend.url + "/console", session=session,
                             headers={"Cookie": cookie}, timeout=20)
        assert response.status_code < 500, f"{label}: {response.status_code} {response.text[:500]}"

    fuzz()
    assert console_backend.proc.poll() is None
