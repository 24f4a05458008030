"""Card + PIN and staff verifiers against the reference backend, a real process on 127.0.0.1."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests

from kiosk.identity.keys import CARD, STAFF, KeyRefused
from kiosk.identity.lockout import LockoutPolicy
from kiosk.identity.session import KioskSession, SessionPolicy
from kiosk.identity.staff import StaffKey, staff_count
from kiosk.storage.models import OutboxItem
from sync.client import BackendClient, BadResponse, BackendUnavailable
from sync.identity import CardKey, fetch_oidc_provider, sync_staff_verifiers
from sync.server import identity as server_identity
from tests.identity.staff_data import NIINA_CARD, NIINA_PIN

AINO_CARD, AINO_PIN = "9246000012345678", "4321"


@pytest.fixture
def resident_card(backend, hasher):
    server_identity.add_resident_card(backend.sessions, AINO_CARD, AINO_PIN, subject="res-7f3a", name="Aino",
                                      hasher=hasher)
    return AINO_CARD


def fresh_card(backend, hasher) -> str:
    import random
    card = "".join(random.choice("0123456789") for _ in range(12))
    server_identity.add_resident_card(backend.sessions, card, "1357", subject=f"res-{card}", name="Eero",
                                      hasher=hasher)
    return card


def test_card_and_pin_open_a_resident_session_end_to_end(client, resident_card):
    session = KioskSession(SessionPolicy())
    ident = CardKey(client).login(f";{resident_card}?", AINO_PIN)
    session.open(ident, now=0)
    assert (session.identity.key, session.identity.subject, session.identity.name) == (CARD, "res-7f3a", "Aino")


def test_wrong_pins_lock_the_card_with_a_time_even_for_the_right_pin(client, backend, hasher):
    card = fresh_card(backend, hasher)
    key = CardKey(client)
    lefts = []
    for _ in range(4):
        with pytest.raises(KeyRefused) as e:
            key.login(card, "0000")
        lefts.append(e.value.attempts_left)
    assert lefts == [4, 3, 2, 1]
    before = datetime.now(timezone.utc)
    with pytest.raises(KeyRefused) as e:
        key.login(card, "0000")
    assert e.value.reason == "locked"
    assert before + timedelta(seconds=290) < e.value.locked_until < before + timedelta(seconds=310)
    with pytest.raises(KeyRefused) as e:
        key.login(card, "1357")
    assert e.value.reason == "locked"


def test_a_right_pin_clears_the_count(client, backend, hasher):
    card = fresh_card(backend, hasher)
    key = CardKey(client)
    for _ in range(3):
        with pytest.raises(KeyRefused):
            key.login(card, "0000")
    assert key.login(card, "1357").subject == f"res-{card}"
    with pytest.raises(KeyRefused) as e:
        key.login(card, "0000")
    assert e.value.attempts_left == 4


def test_unknown_card_looks_like_a_wrong_pin(client):
    with pytest.raises(KeyRefused) as e:
        CardKey(client).login("11112222333344", "1234")
    assert e.value.reason == "wrong_pin"


def test_garbage_card_read_is_not_sent(client, backend):
    with pytest.raises(KeyRefused) as e:
        CardKey(client).login("%%%garbage\x07", "1234")
    assert e.value.reason == "garbage_card"


def test_backend_refuses_bad_input_and_unenrolled_callers(backend, client):
    url = backend.url + "/api/v1/identity/card/verify"
    auth = {"Authorization": f"Bearer {client.credentials.token}"}
    assert requests.post(url, json={"card": AINO_CARD, "pin": "12"}, headers=auth, timeout=5).status_code == 422
    assert requests.post(url, json={"card": "<script>", "pin": "1234"}, headers=auth, timeout=5).status_code == 422
    assert requests.post(url, json={"card": AINO_CARD, "pin": "1234"}, timeout=5).status_code == 401
    assert requests.get(backend.url + "/api/v1/identity/staff-verifiers", timeout=5).status_code == 401


def test_lost_network_during_card_login_is_a_clear_offline_refusal(client, backend):
    dead = BackendClient("http://127.0.0.1:9", credentials=client.credentials, timeout_s=1.0)
    with pytest.raises(KeyRefused) as e:
        CardKey(dead).login(AINO_CARD, AINO_PIN)
    assert e.value.reason == "offline"


def test_staff_verifiers_sync_per_site_then_staff_log_in_offline(db, hasher, tmp_path):
    # A backend of its own, because this test stops it.
    from tests.backend import start_backend
    own = start_backend(f"sqlite:///{tmp_path / 'backend.db'}", tmp_path)
    try:
        site, other = own.new_site(), own.new_site()
        client = BackendClient(own.url, timeout_s=2.0)
        client.credentials = client.enrol(own.enrolment_code(site), "offline-kiosk")
        server_identity.add_staff(own.sessions, site, "n-17", NIINA_CARD, NIINA_PIN, role="nurse",
                                  name="Niina Nurse", hasher=hasher)
        server_identity.add_staff(own.sessions, other, "n-99", "0077777777", "9999", role="nurse",
                                  name="Elsewhere", hasher=hasher)
        assert sync_staff_verifiers(client, db) == 1          # only this site's staff
        # What crossed the wire is a slow salted hash, never the PIN or the card number.
        raw = requests.get(own.url + "/api/v1/identity/staff-verifiers", timeout=5,
                           headers={"Authorization": f"Bearer {client.credentials.token}"}).text
        assert NIINA_PIN not in raw and NIINA_CARD not in raw and "$argon2id$" in raw
    finally:
        own.stop()

    # The backend is gone: a sync fails, the stored verifiers stay, staff still log in.
    with pytest.raises(BackendUnavailable):
        sync_staff_verifiers(client, db)
    assert staff_count(db) == 1
    key = StaffKey(db, policy=LockoutPolicy(max_failures=3, lock_s=60), site=site)
    session = KioskSession(SessionPolicy())
    key.attach(session)
    with pytest.raises(KeyRefused):
        key.login(NIINA_CARD, "0000")                      # wrong PINs still count offline
    session.open(key.login(NIINA_CARD, NIINA_PIN), now=0)
    assert session.identity.key == STAFF and session.identity.role == "nurse"
    session.end("logout")
    with db.sessions() as s:
        events = [i.payload["event"] for i in s.query(OutboxItem).filter_by(kind="staff_audit")
                  .order_by(OutboxItem.created_at)]
    assert events == ["login_failed", "login", "logout"]


def test_staff_audit_reaches_the_backend_through_the_outbox(db, client, backend, site, hasher):
    from kiosk import outbox

    server_identity.add_staff(backend.sessions, site, "a-02", "04A1B2C3D4", "13579", role="admin",
                              name="Osku", hasher=hasher)
    sync_staff_verifiers(client, db)
    key = StaffKey(db, site=site)
    ident = key.login("04A1B2C3D4", "13579")
    key.logout(ident, "logout")
    with db.sessions() as s:
        batch = [{"id": i.id, "kind": i.kind, "created_at": i.created_at.replace(tzinfo=timezone.utc).isoformat(),
                  "payload": i.payload} for i in outbox.pending_batch(s, 50)]
    results = client.push_batch(batch)
    assert [r["status"] for r in results] == ["accepted", "accepted"]
    from tests.backend import server_items
    stored = sorted(i.payload["event"] for i in server_items(backend, kind="staff_audit", site_id=site))
    assert stored == ["login", "logout"]


def test_a_verifier_set_that_fails_the_checks_is_not_stored(db, client, backend, site, hasher):
    server_identity.add_staff(backend.sessions, site, "n-17", NIINA_CARD, NIINA_PIN, role="nurse",
                              name="Niina", hasher=hasher)
    sync_staff_verifiers(client, db)
    # Someone puts a fast unsalted hash in the backend's table: the kiosk refuses the set.
    from sync.server.identity import StaffMember
    with backend.sessions.begin() as s:
        s.get(StaffMember, (site, "n-17")).pin_verifier = "5f4dcc3b5aa765d61d8327deb882cf99"
    with pytest.raises(BadResponse, match="argon2id"):
        sync_staff_verifiers(client, db)
    assert StaffKey(db).login(NIINA_CARD, NIINA_PIN).subject == "n-17"


def test_the_backend_tells_the_kiosk_its_openid_provider(client, backend):
    server_identity.set_oidc_provider(backend.sessions, "http://127.0.0.1:5555", "welfare-kiosk")
    setting = fetch_oidc_provider(client)
    assert (setting.issuer, setting.client_id, setting.scope) == ("http://127.0.0.1:5555", "welfare-kiosk",
                                                                  "openid profile")
