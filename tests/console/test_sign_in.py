"""Signing in to the console through the real OpenID provider (authorization code flow with
PKCE), the session cookie, roles per page, and what is refused."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import select, update

from sync.server.console.models import ConsoleAuditEvent, ConsoleSession


def _audit(backend, action: str) -> list[ConsoleAuditEvent]:
    with backend.sessions() as s:
        return list(s.scalars(select(ConsoleAuditEvent).where(ConsoleAuditEvent.action == action)))


def test_admin_signs_in_through_the_provider_and_sees_every_page(staff, console_backend):
    admin = staff()
    start = admin.get("/console/sign-in/start")
    auth_url = start.headers["location"]
    assert "code_challenge_method=S256" in auth_url and "code_challenge=" in auth_url and "nonce=" in auth_url
    login_cookie = [h for h in start.raw.headers.getlist("set-cookie") if h.startswith("welfare_console_login=")][0]
    assert "HttpOnly" in login_cookie and "Secure" in login_cookie and "SameSite=lax" in login_cookie
    admin = staff("admin")
    home = admin.get("/console/")
    assert home.status_code == 200
    assert "Aila Ylläpitäjä" in home.text
    for page in ("reports", "fleet", "catalogue", "announcements", "announcements/new", "audit"):
        assert admin.get(f"/console/{page}").status_code == 200, page
    assert any(e.actor == "admin" and e.outcome == "ok" for e in _audit(console_backend, "sign_in"))


def test_the_session_cookie_is_secure_http_only_and_same_site(staff, console_backend):
    s = staff()
    s.get("/console/sign-in")
    start = s.get("/console/sign-in/start")
    assert start.status_code == 303
    done = s.sign_in("analyst")
    cookie = [h for h in done.raw.headers.getlist("set-cookie") if h.startswith("welfare_console=")][0]
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=lax" in cookie and "Path=/console" in cookie


@pytest.mark.parametrize("account, allowed", [
    ("analyst", {"reports"}), ("it", {"fleet"}), ("catalogue-editor", {"catalogue"}),
    ("moderator", {"announcements", "announcements/new"}),
])
def test_each_role_reaches_only_its_pages(staff, account, allowed):
    s = staff(account)
    for page in ("reports", "fleet", "catalogue", "announcements", "announcements/new", "audit"):
        status = s.get(f"/console/{page}").status_code
        assert status == (200 if page in allowed else 403), (account, page, status)


def test_no_cookie_and_a_device_token_are_refused(console_backend):
    from sync.server.store import create_enrolment_code, enrol

    site = console_backend.new_site()
    token = enrol(console_backend.sessions, create_enrolment_code(console_backend.sessions, site), "k1")["token"]
    for page in ("", "reports", "fleet", "catalogue", "audit", "reports/export/summary.csv"):
        anon = requests.get(f"{console_backend.url}/console/{page}", allow_redirects=False, timeout=10)
        assert anon.status_code == 401, page
        assert "Kirjaudu" in anon.text or page.endswith(".csv")
        device = requests.get(f"{console_backend.url}/console/{page}", allow_redirects=False, timeout=10,
                              headers={"Authorization": f"Bearer {token}"})
        assert device.status_code == 403, page


def test_a_device_token_beside_a_console_cookie_is_still_refused(staff, console_backend):
    admin = staff("admin")
    assert admin.get("/console/fleet", headers={"Authorization": "Bearer anything"}).status_code == 403


def test_a_console_session_never_pushes_kiosk_items(staff, console_backend):
    admin = staff("admin")
    item = {"id": "0b8a2c1e-1111-4222-8333-444455556666", "kind": "feedback",
            "created_at": datetime.now(timezone.utc).isoformat(), "payload": {"service_id": "x", "smiley": 4}}
    pushed = requests.post(f"{console_backend.url}/api/v1/outbox", json={"items": [item]}, timeout=10,
                           headers={"Cookie": "; ".join(f"{k}={v}" for k, v in admin.cookies.items())})
    assert pushed.status_code == 401


def test_an_expired_session_is_refused(staff, console_backend):
    s = staff("admin")
    assert s.get("/console/fleet").status_code == 200
    with console_backend.sessions.begin() as db:
        db.execute(update(ConsoleSession).values(last_seen_at=datetime.now(timezone.utc) - timedelta(minutes=31)))
    assert s.get("/console/fleet").status_code == 401
    s2 = staff("admin")
    with console_backend.sessions.begin() as db:
        db.execute(update(ConsoleSession).values(created_at=datetime.now(timezone.utc) - timedelta(hours=9)))
    assert s2.get("/console/fleet").status_code == 401


def test_a_forged_csrf_token_changes_nothing(staff, console_backend):
    it = staff("it")
    site = console_backend.new_site()
    refused = it.post("/console/fleet/enrolment-codes", {"site": site, "csrf": "forged"})
    assert refused.status_code == 403
    missing = it.post("/console/fleet/enrolment-codes", {"site": site})
    assert missing.status_code == 403
    assert len(_audit(console_backend, "csrf_refused")) >= 2
    assert not [e for e in _audit(console_backend, "create_enrolment_code") if e.target == site]
    made = it.post("/console/fleet/enrolment-codes", {"site": site, "csrf": it.csrf("/console/fleet")})
    assert made.status_code == 200 and [e for e in _audit(console_backend, "create_enrolment_code")
                                        if e.target == site]


def test_sign_out_ends_the_session(staff):
    s = staff("analyst")
    out = s.post("/console/sign-out", {"csrf": s.csrf()})
    assert out.status_code == 303
    assert s.get("/console/reports").status_code == 401


def test_an_account_without_a_console_role_is_refused(staff):
    s = staff()
    done = s.sign_in("resident-4471")
    assert done.status_code == 403 and "welfare_console" not in s.cookies


def test_a_callback_with_a_state_from_another_browser_is_refused(staff):
    s = staff()
    start = s.get("/console/sign-in/start")
    other = staff()  # never started a sign-in: has no login cookie
    state = start.headers["location"].split("state=")[1].split("&")[0]
    answer = other.get(f"/console/callback?code=abc&state={state}")
    assert answer.status_code == 401 and "welfare_console" not in other.cookies


def test_pages_speak_the_chosen_language(staff):
    s = staff("admin")
    assert 'lang="fi"' in s.get("/console/").text
    switched = s.get("/console/language?lang=sv&next=/console/fleet")
    assert switched.status_code == 303 and switched.headers["location"] == "/console/fleet"
    page = s.get("/console/fleet")
    assert 'lang="sv"' in page.text and "Enheter" in page.text
    assert s.get("/console/language?lang=en&next=https://evil.example/").headers["location"] == "/console/"
