"""Wrong-PIN limits, shared by the kiosk (staff, offline) and the reference backend
(resident cards): after ``max_failures`` wrong PINs in a row the card is locked for
``lock_s`` seconds; each further lockout doubles, up to a day. A right PIN clears it.
Attempts are counted in the database atomically (``count_attempt``), and unknown cards
cost as much to check as known ones (``dummy_verifier``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from argon2 import Parameters, PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError
from sqlalchemy import select, update


@dataclass(frozen=True)
class LockoutState:
    failures: int = 0           # wrong PINs since the last success or lockout
    lockouts: int = 0           # lockouts since the last success
    locked_until: datetime | None = None


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_s: int = 300
    max_lock_s: int = 86_400

    def locked_until(self, state: LockoutState, now: datetime) -> datetime | None:
        """When the card opens again, or None if it is not locked now."""
        if state.locked_until is not None and state.locked_until > now:
            return state.locked_until
        return None

    def after_failure(self, state: LockoutState, now: datetime) -> LockoutState:
        failures = state.failures + 1
        if failures >= self.max_failures:
            seconds = min(self.lock_s * 2 ** state.lockouts, self.max_lock_s)
            return LockoutState(0, state.lockouts + 1, now + timedelta(seconds=seconds))
        return LockoutState(failures, state.lockouts, None)

    def attempts_left(self, state: LockoutState) -> int:
        return max(0, self.max_failures - state.failures)

    @staticmethod
    def after_success() -> LockoutState:
        return LockoutState()


# -- counting in the database, atomically ----------------------------------------------------
# A PIN check is slow on purpose (argon2id), so guesses sent at the same moment all read the
# count before any of them writes it back: read, verify, write loses updates. Instead each
# attempt is counted as a failure *before* its PIN is checked, in a short transaction that
# holds the card's row (SELECT ... FOR UPDATE on PostgreSQL; SQLite has one writer at a time
# and the first statement here is a write). A right PIN then clears the count. So at most
# ``max_failures`` PINs are ever checked per lock, however many arrive at once.

@dataclass(frozen=True)
class Attempt:
    """An attempt counted in advance: ``counted`` is the state if the PIN proves wrong."""
    locked_until: datetime | None  # set when the card was already locked: nothing was counted
    counted: LockoutState | None


def count_attempt(session, table, card_hash: str, policy: LockoutPolicy, now: datetime) -> Attempt:
    """Count one PIN attempt on ``card_hash`` in ``table`` (columns card_hash, failures,
    lockouts, locked_until) inside the caller's transaction; commit before checking the PIN."""
    # The dialect's own insert, imported here: the PostgreSQL dialect alone costs the kiosk's
    # start ~30 ms, and a kiosk counts attempts only when a staff card is shown.
    if session.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # The insert comes first: it makes the row exist for FOR UPDATE, and on SQLite it takes
    # the write lock before anything is read, so no other attempt reads in between.
    session.execute(insert(table).values(card_hash=card_hash, failures=0, lockouts=0, locked_until=None)
                    .on_conflict_do_nothing(index_elements=["card_hash"]))
    row = session.execute(select(table.c.failures, table.c.lockouts, table.c.locked_until)
                          .where(table.c.card_hash == card_hash).with_for_update()).one()
    state = LockoutState(row.failures or 0, row.lockouts or 0, _aware(row.locked_until))
    until = policy.locked_until(state, now)
    if until is not None:
        return Attempt(until, None)
    new = policy.after_failure(state, now)
    _write(session, table, card_hash, new)
    return Attempt(None, new)


def clear_attempts(session, table, card_hash: str) -> None:
    """The PIN was right: the card starts afresh."""
    _write(session, table, card_hash, LockoutPolicy.after_success())


def _write(session, table, card_hash: str, state: LockoutState) -> None:
    session.execute(update(table).where(table.c.card_hash == card_hash)
                    .values(failures=state.failures, lockouts=state.lockouts, locked_until=state.locked_until))


def _aware(dt: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything here is UTC.
    return dt.replace(tzinfo=timezone.utc) if dt is not None and dt.tzinfo is None else dt


# -- unknown cards ------------------------------------------------------------------------------
def dummy_verifier(like: str | None, fallback: PasswordHasher | None = None) -> str:
    """A verifier no PIN matches, made with the same argon2 parameters as ``like`` (a real
    verifier of the same kind), so checking a PIN for an unknown card takes as long as for
    a known one and the time does not tell which cards exist. With no real verifier yet,
    the parameters of ``fallback`` (the hasher new verifiers are made with)."""
    try:
        params = extract_parameters(like) if like else None
    except InvalidHashError:
        params = None
    p = params or extract_parameters((fallback or PasswordHasher()).hash("0000"))
    return _dummy(p.type, p.version, p.salt_len, p.hash_len, p.time_cost, p.memory_cost, p.parallelism)


@lru_cache(maxsize=8)
def _dummy(type_, version: int, salt_len: int, hash_len: int, time_cost: int, memory_cost: int,
           parallelism: int) -> str:
    hasher = PasswordHasher.from_parameters(Parameters(type=type_, version=version, salt_len=salt_len,
                                                       hash_len=hash_len, time_cost=time_cost,
                                                       memory_cost=memory_cost, parallelism=parallelism))
    return hasher.hash(secrets.token_hex(16))  # a random secret: not even a PIN-shaped one matches
