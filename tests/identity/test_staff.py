"""The staff key on the kiosk alone (no network at all): argon2id verifiers, lockout,
and every login, failure and logout in the outbox as staff_audit."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from kiosk.identity.keys import NURSE, STAFF, KeyRefused
from kiosk.identity.lockout import LockoutPolicy
from kiosk.identity.session import LOGOUT, TIMEOUT, KioskSession, SessionPolicy
from kiosk.identity.staff import StaffKey, VerifierSetError, replace_staff_verifiers, staff_count
from kiosk.storage.models import OutboxItem
from tests.identity.staff_data import NIINA_CARD, NIINA_PIN, OSKU_CARD, OSKU_PIN, verifier_rows


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def staff_key(db, clock):
    replace_staff_verifiers(db, verifier_rows())
    return StaffKey(db, policy=LockoutPolicy(max_failures=3, lock_s=60), site="demo-site", now=clock)


def audit_events(db) -> list[tuple[str, str]]:
    with db.sessions() as s:
        items = s.scalars(select(OutboxItem).where(OutboxItem.kind == "staff_audit")
                          .order_by(OutboxItem.created_at)).all()
        return [(i.payload["event"], i.payload["staff_id"]) for i in items]


def test_nurse_logs_in_with_card_and_pin_and_login_is_audited(db, staff_key):
    ident = staff_key.login(f";{NIINA_CARD}?", NIINA_PIN)     # as a stripe reader types it
    assert (ident.key, ident.subject, ident.role, ident.name) == (STAFF, "n-17", NURSE, "Niina Nurse")
    assert audit_events(db) == [("login", "n-17")]
    assert staff_key.login(OSKU_CARD, OSKU_PIN).role == "admin"


def test_wrong_pin_counts_down_then_locks_with_a_time_and_unlocks_after_it(db, staff_key, clock):
    with pytest.raises(KeyRefused) as e:
        staff_key.login(NIINA_CARD, "0000")
    assert e.value.reason == "wrong_pin" and e.value.attempts_left == 2
    with pytest.raises(KeyRefused):
        staff_key.login(NIINA_CARD, "1111")
    with pytest.raises(KeyRefused) as e:
        staff_key.login(NIINA_CARD, "2222")
    assert e.value.reason == "locked" and e.value.locked_until == clock.t + timedelta(seconds=60)
    # Locked: even the right PIN is refused until the time has passed.
    with pytest.raises(KeyRefused) as e:
        staff_key.login(NIINA_CARD, NIINA_PIN)
    assert e.value.reason == "locked"
    clock.t += timedelta(seconds=61)
    assert staff_key.login(NIINA_CARD, NIINA_PIN).subject == "n-17"
    events = [ev for ev, _ in audit_events(db)]
    assert events == ["login_failed", "login_failed", "login_failed", "locked_out", "refused_locked", "login"]


def test_second_lockout_lasts_twice_as_long(staff_key, clock):
    for _ in range(3):
        with pytest.raises(KeyRefused):
            staff_key.login(NIINA_CARD, "0000")
    clock.t += timedelta(seconds=61)
    for _ in range(2):
        with pytest.raises(KeyRefused):
            staff_key.login(NIINA_CARD, "0000")
    with pytest.raises(KeyRefused) as e:
        staff_key.login(NIINA_CARD, "0000")
    assert e.value.locked_until == clock.t + timedelta(seconds=120)


def test_lockout_survives_a_restart_of_the_kiosk(db, staff_key, clock):
    for _ in range(3):
        with pytest.raises(KeyRefused):
            staff_key.login(NIINA_CARD, "0000")
    fresh = StaffKey(db, policy=LockoutPolicy(max_failures=3, lock_s=60), now=clock)
    with pytest.raises(KeyRefused) as e:
        fresh.login(NIINA_CARD, NIINA_PIN)
    assert e.value.reason == "locked"


def test_unknown_card_is_refused_like_a_wrong_pin_and_audited(db, staff_key):
    with pytest.raises(KeyRefused) as e:
        staff_key.login("99999999", NIINA_PIN)
    assert e.value.reason == "wrong_pin"
    assert audit_events(db) == [("login_failed", "unknown")]


def test_garbage_card_and_bad_pin_format_are_refused_without_counting(db, staff_key):
    with pytest.raises(KeyRefused) as e:
        staff_key.login("\x1b[A;;", NIINA_PIN)
    assert e.value.reason == "garbage_card"
    with pytest.raises(KeyRefused) as e:
        staff_key.login(NIINA_CARD, "12")
    assert e.value.reason == "bad_pin_format"
    assert audit_events(db) == []


def test_logout_and_timeout_of_a_staff_session_are_audited(db, staff_key):
    session = KioskSession(SessionPolicy())
    staff_key.attach(session)
    session.open(staff_key.login(NIINA_CARD, NIINA_PIN), now=0)
    session.end(LOGOUT)
    session.open(staff_key.login(OSKU_CARD, OSKU_PIN), now=100)
    session.tick(100 + 601)
    assert audit_events(db) == [("login", "n-17"), ("logout", "n-17"), ("login", "a-02"), ("logout", "a-02")]
    with db.sessions() as s:
        details = [i.payload.get("detail") for i in s.scalars(select(OutboxItem)).all()
                   if i.payload["event"] == "logout"]
    assert details == [LOGOUT, TIMEOUT]


def test_the_kiosk_stores_no_pin_only_argon2id_verifiers(db, staff_key):
    raw = db.path.read_bytes() + (db.path.with_name(db.path.name + "-wal").read_bytes()
                                  if db.path.with_name(db.path.name + "-wal").exists() else b"")
    for secret in (NIINA_PIN, OSKU_PIN, NIINA_CARD, OSKU_CARD):
        assert secret.encode() not in raw
    assert b"$argon2id$" in raw


@pytest.mark.parametrize("mutate,message", [
    (lambda rows: rows[0].update(verifier=hashlib.sha256(b"2468").hexdigest()), "not an argon2id hash"),
    (lambda rows: rows[0].update(role="janitor"), "role 'janitor'"),
    (lambda rows: rows[1].update(card_hash=rows[0]["card_hash"]), "listed twice"),
    (lambda rows: rows[0].pop("verifier"), "missing verifier"),
])
def test_a_bad_verifier_download_keeps_the_stored_set(db, staff_key, mutate, message):
    rows = verifier_rows()
    mutate(rows)
    with pytest.raises(VerifierSetError, match=message):
        replace_staff_verifiers(db, rows)
    assert staff_count(db) == 2
    assert staff_key.login(NIINA_CARD, NIINA_PIN).subject == "n-17"
