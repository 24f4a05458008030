"""Wrong PINs counted atomically: many guesses at the same moment get no more tries than
guesses one after another, on the kiosk's offline staff key (SQLite) and on the reference
backend (a real process, SQLite and PostgreSQL). And an unknown card costs as much to
check as a known one."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from argon2 import PasswordHasher, extract_parameters

from kiosk.identity import staff as staff_module
from kiosk.identity.keys import KeyRefused
from kiosk.identity.lockout import LockoutPolicy
from kiosk.identity.staff import StaffKey, replace_staff_verifiers
from sync.server import identity as server_identity
from tests.identity.staff_data import NIINA_CARD, NIINA_PIN, TEST_HASHER, verifier_rows

GUESSES = 40
MAX_FAILURES = 5  # the backend's default (WELFARE_CARD_MAX_FAILURES)


def _all_at_once(n: int, attempt) -> list:
    """Run ``attempt(k)`` in n threads released together; each one's answer (or exception)."""
    barrier = threading.Barrier(n)

    def go(k):
        barrier.wait()
        try:
            return attempt(k)
        except Exception as exc:  # noqa: BLE001  (the answer under test)
            return exc

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(go, range(n)))


# -- the kiosk's offline staff key ---------------------------------------------------------
def _staff_outcome(key: StaffKey, card: str, pin: str) -> str:
    try:
        key.login(card, pin)
        return "ok"
    except KeyRefused as e:
        return e.reason


@pytest.mark.parametrize("card", [NIINA_CARD, "0099887766"], ids=["staff card", "unknown card"])
def test_parallel_wrong_staff_pins_get_no_more_tries_than_one_after_another(db, card):
    replace_staff_verifiers(db, verifier_rows())
    key = StaffKey(db, policy=LockoutPolicy(max_failures=MAX_FAILURES, lock_s=300), site="demo-site")
    answers = _all_at_once(12, lambda k: _staff_outcome(key, card, f"{1000 + k}"))
    assert not [a for a in answers if isinstance(a, Exception)], answers
    # Four wrong_pin answers, then the fifth wrong PIN locks; every other guess finds it locked.
    assert Counter(answers) == {"wrong_pin": MAX_FAILURES - 1, "locked": 12 - (MAX_FAILURES - 1)}
    if card == NIINA_CARD:
        assert _staff_outcome(key, card, NIINA_PIN) == "locked"


def test_parallel_right_pins_all_open_and_leave_no_count(db):
    # A PIN being checked counts against the card until it proves right, so fewer at
    # once than the limit (a nurse does not log in four times at once; a guesser would).
    replace_staff_verifiers(db, verifier_rows())
    key = StaffKey(db, policy=LockoutPolicy(max_failures=MAX_FAILURES, lock_s=300), site="demo-site")
    answers = _all_at_once(MAX_FAILURES - 1, lambda k: _staff_outcome(key, NIINA_CARD, NIINA_PIN))
    assert answers == ["ok"] * (MAX_FAILURES - 1)
    with pytest.raises(KeyRefused) as e:
        key.login(NIINA_CARD, "0000")
    assert e.value.attempts_left == MAX_FAILURES - 1


def test_an_unknown_staff_card_is_checked_against_a_hash_as_costly_as_a_real_one(db, monkeypatch):
    # Verifiers made with costlier parameters than the test hasher: the dummy must follow them.
    costly = PasswordHasher(time_cost=2, memory_cost=16384, parallelism=2)
    rows = [{**r, "verifier": costly.hash(NIINA_PIN if r["staff_id"] == "n-17" else "13579")} for r in verifier_rows()]
    replace_staff_verifiers(db, rows)
    used = []
    real_verify = staff_module._verify
    monkeypatch.setattr(staff_module, "_verify", lambda verifier, pin: used.append(verifier) or real_verify(verifier, pin))
    key = StaffKey(db, site="demo-site")
    assert _staff_outcome(key, NIINA_CARD, "0000") == "wrong_pin"
    assert _staff_outcome(key, "0099887766", "0000") == "wrong_pin"
    known, unknown = used
    assert unknown != known
    assert extract_parameters(unknown) == extract_parameters(known)


# -- the reference backend -----------------------------------------------------------------
def _enrolled(backend) -> tuple[str, str]:
    site = backend.new_site()
    token = requests.post(backend.url + "/api/v1/enrol", json={"code": backend.enrolment_code(site), "name": "racer"},
                          timeout=10).json()["token"]
    return site, token


def _verify_all_at_once(backend, token: str, card: str, pins: list[str]) -> list:
    url = backend.url + "/api/v1/identity/card/verify"

    def attempt(k):
        r = requests.post(url, json={"card": card, "pin": pins[k]}, headers={"Authorization": f"Bearer {token}"},
                          timeout=60)
        return r.json()["outcome"] if r.status_code == 200 else f"HTTP {r.status_code}: {r.text[:200]}"

    return _all_at_once(len(pins), attempt)


def test_parallel_wrong_card_pins_lock_the_card_on_the_backend(any_backend):
    _site, token = _enrolled(any_backend)
    card = "9246000099990001"
    server_identity.add_resident_card(any_backend.sessions, card, "1357", subject="res-race", name="Aino",
                                      hasher=TEST_HASHER)
    answers = _verify_all_at_once(any_backend, token, card, [f"{2000 + k}" for k in range(GUESSES)])
    assert Counter(answers) == {"wrong_pin": MAX_FAILURES - 1, "locked": GUESSES - (MAX_FAILURES - 1)}, answers
    assert _verify_all_at_once(any_backend, token, card, ["1357"]) == ["locked"]


def test_parallel_first_guesses_on_an_unknown_card_are_counted_once_each(any_backend):
    _site, token = _enrolled(any_backend)
    answers = _verify_all_at_once(any_backend, token, "9246000099990002", [f"{3000 + k}" for k in range(GUESSES)])
    assert Counter(answers) == {"wrong_pin": MAX_FAILURES - 1, "locked": GUESSES - (MAX_FAILURES - 1)}, answers


def test_an_unknown_resident_card_is_checked_against_a_hash_as_costly_as_a_real_one(tmp_path, monkeypatch):
    from sync.server.store import open_store

    sessions = open_store(f"sqlite:///{tmp_path / 'backend.db'}")
    costly = PasswordHasher(time_cost=2, memory_cost=16384, parallelism=2)
    server_identity.add_resident_card(sessions, "9246000012345678", "4321", subject="res-1", name="Aino",
                                      hasher=costly)
    used = []
    real_verify = server_identity._verify
    monkeypatch.setattr(server_identity, "_verify",
                        lambda verifier, pin: used.append(verifier) or real_verify(verifier, pin))
    assert server_identity.verify_card_pin(sessions, "9246000012345678", "0000")["outcome"] == "wrong_pin"
    assert server_identity.verify_card_pin(sessions, "1111222233334444", "0000")["outcome"] == "wrong_pin"
    known, unknown = used
    assert unknown != known
    assert extract_parameters(unknown) == extract_parameters(known)
    sessions.kw["bind"].dispose()
