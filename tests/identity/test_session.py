"""The session without Qt: timeouts per role, "more time", pending personal actions, wipe."""

from __future__ import annotations

import pytest

from kiosk.config import load_config
from kiosk.identity.keys import CARD, NURSE, PHONE, STAFF, Identity, parse_card_read, valid_pin
from kiosk.identity.session import LOGOUT, NEXT_PERSON, TIMEOUT, KioskSession, SessionPolicy

AINO = Identity(PHONE, "sub-aino", "Aino Virtanen")
MATTI = Identity(CARD, "sub-matti", "Matti Korhonen")
NURSE_ID = Identity(STAFF, "n-17", "Nurse Niina", NURSE)


def make(**kw) -> KioskSession:
    return KioskSession(SessionPolicy(**{"resident_timeout_s": 90, "staff_timeout_s": 600, "warning_s": 20,
                                         "max_extensions": 10, **kw}))


def test_policy_comes_from_configuration(device_config):
    policy = SessionPolicy.from_config(load_config(device_config).identity)
    assert (policy.resident_timeout_s, policy.staff_timeout_s, policy.warning_s, policy.max_extensions) == (90, 600, 20, 10)


def test_resident_session_warns_20_s_before_and_ends_at_90_s_without_touch():
    s = make()
    ended = []
    s.on_end(lambda ident, reason: ended.append((ident, reason)))
    s.open(AINO, now=0)
    assert s.tick(69).warning is False
    st = s.tick(70)
    assert st.warning and st.seconds_left == 20
    assert s.tick(89.5).seconds_left == 1 and s.is_open
    s.tick(90)
    assert not s.is_open and ended == [(AINO, TIMEOUT)]


def test_staff_role_has_its_own_longer_timeout():
    s = make()
    s.open(NURSE_ID, now=0)
    assert s.tick(300).warning is False and s.is_open
    assert s.tick(580).warning is True
    s.tick(600)
    assert not s.is_open


def test_touch_restarts_the_wait_but_not_during_the_warning():
    s = make()
    s.open(AINO, now=0)
    s.activity(60)                     # before the warning: the person is here
    assert s.tick(140).seconds_left == 10
    s.activity(141)                    # during the warning: a stray touch is not an answer
    s.tick(150)
    assert not s.is_open


def test_more_time_extends_at_least_ten_times_then_the_session_ends():
    s = make()
    s.open(AINO, now=0)
    t = 0.0
    for i in range(10):
        t += 80                        # in the warning each time
        assert s.tick(t).warning
        assert s.extend(t), f"extension {i + 1} refused"
        assert s.tick(t).warning is False and s.is_open
    t += 80
    assert s.tick(t).extensions_left == 0
    assert s.extend(t) is False        # the eleventh is refused
    s.tick(t + 10)
    assert not s.is_open


def test_without_extension_it_ends_and_with_one_it_does_not():
    with_ext, without = make(), make()
    for s in (with_ext, without):
        s.open(AINO, now=0)
        s.tick(75)
    with_ext.extend(75)
    with_ext.tick(95), without.tick(95)
    assert with_ext.is_open and not without.is_open


def test_personal_action_asks_for_a_key_then_continues_where_the_person_was():
    s = make()
    asked, done = [], []
    s.on_key_needed(lambda pending: asked.append(pending))
    ran_now = s.require("booking.confirm", lambda ident: done.append(ident.subject), where=("service", "s-1"))
    assert ran_now is False and done == []
    assert asked[0].name == "booking.confirm" and asked[0].where == ("service", "s-1")
    s.open(MATTI, now=0)
    assert done == ["sub-matti"] and s.pending is None
    # With the session open, the next personal action runs without asking again.
    assert s.require("vote", lambda ident: done.append("vote:" + ident.subject)) is True
    assert done[-1] == "vote:sub-matti" and len(asked) == 1


def test_backing_out_of_the_login_drops_the_action():
    s = make()
    done = []
    s.require("vote", lambda ident: done.append(ident))
    pending = s.cancel_pending()
    assert pending is not None and pending.name == "vote"
    s.open(AINO, now=0)
    assert done == []


def test_ending_wipes_identity_personal_cache_pending_and_calls_every_hook_once():
    s = make()
    calls = []
    s.on_wipe("clipboard", lambda reason: calls.append(("clipboard", reason)))

    def broken(_reason):
        raise RuntimeError("video profile already gone")
    s.on_wipe("broken", broken)
    s.on_wipe("window", lambda reason: (calls.append(("window", reason)), s.end("again")))  # re-entrant call
    s.open(AINO, now=0)
    s.personal["bookings"] = ["b-1"]
    s.end(LOGOUT)
    assert s.identity is None and s.personal == {} and s.pending is None
    # A broken hook does not stop the ones after it; the nested end() does nothing.
    assert calls == [("clipboard", LOGOUT), ("window", LOGOUT)]


def test_unregistered_hook_is_not_called():
    s = make()
    calls = []
    unregister = s.on_wipe("web", lambda reason: calls.append(reason))
    unregister()
    s.end()
    assert calls == []


def test_a_different_persons_key_ends_the_previous_session_first():
    s = make()
    ended = []
    s.on_end(lambda ident, reason: ended.append((ident.subject, reason)))
    s.open(AINO, now=0)
    s.personal["name"] = "Aino"
    s.open(MATTI, now=5)
    assert ended == [("sub-aino", NEXT_PERSON)] and s.personal == {} and s.identity == MATTI


@pytest.mark.parametrize("read,expected", [
    ("12345678", "12345678"), (";0040123456?", "0040123456"), ("%B04A1B2C3D4?\n", "04A1B2C3D4"),
    (" 1234 5678 ", "12345678"), ("", None), ("abc", None), ("12;34", None), ("1" * 40, None),
    ("'; DROP TABLE--", None),
])
def test_garbage_card_reads_are_recognised(read, expected):
    assert parse_card_read(read) == expected


def test_pin_format():
    assert valid_pin("1234") and valid_pin("12345678")
    assert not valid_pin("123") and not valid_pin("12a4") and not valid_pin("123456789")


def test_identity_repr_does_not_leak_the_name():
    assert "Aino" not in repr(AINO) and "sub-aino" not in repr(AINO)
