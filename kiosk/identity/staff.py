"""The staff key: card + PIN checked on the kiosk against argon2id verifiers that the
backend syncs for this site's staff. Works with the network down. The kiosk never
sees or stores a PIN; every login, logout, failure and lockout is audited via the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select

from kiosk.identity import audit
from kiosk.identity.keys import STAFF, STAFF_ROLES, Identity, KeyRefused, card_fingerprint, parse_card_read, valid_pin
from kiosk.identity.lockout import LockoutPolicy, clear_attempts, count_attempt, dummy_verifier
from kiosk.identity.session import KioskSession
from kiosk.storage.db import Database
from kiosk.storage.identity_models import StaffLockoutRecord, StaffVerifierRecord
from kiosk.storage.writes import on_db_thread

_hasher = PasswordHasher()


class VerifierSetError(ValueError):
    """A staff verifier download that cannot be used; the stored set is kept."""


@dataclass(frozen=True)
class StaffVerifier:
    staff_id: str
    card_hash: str
    role: str
    name: str
    verifier: str


def check_verifier_set(rows: Iterable[dict]) -> list[StaffVerifier]:
    """Every row valid, or VerifierSetError naming the first bad one."""
    out: list[StaffVerifier] = []
    seen_ids, seen_cards = set(), set()
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise VerifierSetError(f"staff[{i}]: expected an object")
        try:
            v = StaffVerifier(**{k: row[k] for k in ("staff_id", "card_hash", "role", "name", "verifier")})
        except KeyError as exc:
            raise VerifierSetError(f"staff[{i}]: missing {exc.args[0]}") from None
        if not all(isinstance(x, str) and x for x in (v.staff_id, v.card_hash, v.role, v.name, v.verifier)):
            raise VerifierSetError(f"staff[{i}]: every field must be a non-empty text")
        if v.role not in STAFF_ROLES:
            raise VerifierSetError(f"staff[{i}]: role {v.role!r} is not one of {', '.join(STAFF_ROLES)}")
        if not v.verifier.startswith("$argon2id$"):
            # Only a slow salted hash may reach a kiosk; a plain or fast hash is refused.
            raise VerifierSetError(f"staff[{i}]: verifier is not an argon2id hash")
        if len(v.card_hash) != 64:
            raise VerifierSetError(f"staff[{i}]: card_hash is not a SHA-256 fingerprint")
        if v.staff_id in seen_ids or v.card_hash in seen_cards:
            raise VerifierSetError(f"staff[{i}]: staff id or card listed twice")
        seen_ids.add(v.staff_id)
        seen_cards.add(v.card_hash)
        out.append(v)
    return out


def replace_staff_verifiers(db: Database, rows: Iterable[dict], *, now: datetime | None = None) -> int:
    """Store this site's staff verifiers as the backend sent them, all or nothing."""
    verifiers = check_verifier_set(rows)
    now = now or datetime.now(timezone.utc)
    with db.sessions.begin() as s:
        s.execute(delete(StaffVerifierRecord))
        for v in verifiers:
            s.add(StaffVerifierRecord(staff_id=v.staff_id, card_hash=v.card_hash, role=v.role, name=v.name,
                                      verifier=v.verifier, synced_at=now))
    return len(verifiers)


def staff_count(db: Database) -> int:
    with db.sessions() as s:
        return len(s.scalars(select(StaffVerifierRecord.staff_id)).all())


class StaffKey:
    """Staff card + PIN, verified here. ``attach()`` audits the logout when the session ends."""

    def __init__(self, db: Database, *, policy: LockoutPolicy | None = None, site: str = "",
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.db = db
        self.policy = policy or LockoutPolicy()
        self.site = site
        self.now = now

    def attach(self, session: KioskSession) -> None:
        session.on_end(self._session_ended)

    def login(self, card_read: str, pin: str) -> Identity:
        card = parse_card_read(card_read)
        if card is None:
            raise KeyRefused("garbage_card", "the card could not be read")
        if not valid_pin(pin):
            raise KeyRefused("bad_pin_format", "a PIN is 4 to 8 digits")
        card_hash = card_fingerprint(card)
        now = self.now()
        table = StaffLockoutRecord.__table__
        # 1. Count the attempt before the slow check (see lockout.count_attempt), committed.
        # Both writes are made by the one database thread (kiosk/storage/writes.py); the
        # slow check stays on the calling thread and holds up no other write.
        def count():
            with self.db.sessions.begin() as s:
                attempt = count_attempt(s, table, card_hash, self.policy, now)
                row = s.scalar(select(StaffVerifierRecord).where(StaffVerifierRecord.card_hash == card_hash))
                staff_id = row.staff_id if row else audit.UNKNOWN_STAFF
                who = Identity(STAFF, row.staff_id, row.name, row.role) if row is not None else None
                if attempt.locked_until is not None:
                    audit.record_staff_event(s, audit.REFUSED_LOCKED, staff_id, site=self.site, now=now)
                # An unknown card is checked against a hash as costly as this site's real ones.
                verifier = row.verifier if row is not None else dummy_verifier(
                    s.scalar(select(StaffVerifierRecord.verifier).limit(1)))
                return attempt, staff_id, who, verifier
        attempt, staff_id, who, verifier = on_db_thread(count)
        # Raised after the commit: the refusal and its audit must be stored, not rolled back.
        if attempt.locked_until is not None:
            raise KeyRefused("locked", "too many wrong PINs", locked_until=attempt.locked_until)
        # 2. The slow check, outside any transaction: other attempts are not held up by it.
        ok = _verify(verifier, pin) and who is not None

        # 3. The outcome and its audit.
        def outcome():
            with self.db.sessions.begin() as s:
                if ok:
                    clear_attempts(s, table, card_hash)
                    audit.record_staff_event(s, audit.LOGIN, who.subject, role=who.role, site=self.site, now=now)
                    return None
                new = attempt.counted
                audit.record_staff_event(s, audit.LOGIN_FAILED, staff_id, site=self.site, now=now)
                if new.locked_until is not None:
                    audit.record_staff_event(s, audit.LOCKED_OUT, staff_id, site=self.site, now=now,
                                             detail=f"until {new.locked_until.isoformat()}")
                return new
        new = on_db_thread(outcome)
        if new is None:
            return who
        if new.locked_until is not None:
            raise KeyRefused("locked", "too many wrong PINs", locked_until=new.locked_until)
        raise KeyRefused("wrong_pin", "card or PIN not right", attempts_left=self.policy.attempts_left(new))

    def logout(self, identity: Identity, reason: str) -> None:
        def store():
            with self.db.sessions.begin() as s:
                audit.record_staff_event(s, audit.LOGOUT, identity.subject, role=identity.role, detail=reason,
                                         site=self.site, now=self.now())
        on_db_thread(store)

    def _session_ended(self, identity: Identity, reason: str) -> None:
        if identity.key == STAFF:
            self.logout(identity, reason)


def _verify(verifier: str, pin: str) -> bool:
    try:
        return _hasher.verify(verifier, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
