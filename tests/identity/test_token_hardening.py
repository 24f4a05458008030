"""The phone key against a provider that misbehaves (tests/identity/provider_stub.py, a real
HTTP server on 127.0.0.1): tokens whose algorithm does not fit the key they name, hostile
polling intervals and expiry times, and floods of tokens naming unknown keys."""

from __future__ import annotations

import math

import pytest

from kiosk.identity.keys import KeyRefused
from sync.oidc import (JWKS_REFRESH_MIN_S, MIN_INTERVAL_S, SLOW_DOWN_STEP_S, IdTokenValidator, PhoneKey)
from tests.identity.provider_stub import ISSUER_CLIENT, ProviderStub


class FakeClock:
    """Monotonic time that moves only when the code under test sleeps."""

    def __init__(self, limit: int = 500) -> None:
        self.t = 1000.0
        self.slept: list[float] = []
        self.limit = limit

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        if len(self.slept) > self.limit:
            raise AssertionError(f"more than {self.limit} sleeps: the wait loop does not stop")
        self.t += seconds


@pytest.fixture
def stub():
    s = ProviderStub().start()
    yield s
    s.stop()


def validator(stub: ProviderStub, **kw) -> IdTokenValidator:
    return IdTokenValidator(issuer=stub.issuer, audience=ISSUER_CLIENT, jwks_uri=stub.jwks_uri, timeout_s=5, **kw)


# -- the algorithm must fit the key the token names ----------------------------------------------
@pytest.mark.parametrize("publish_alg", [True, False], ids=["keys-name-alg", "keys-without-alg"])
@pytest.mark.parametrize("alg,kid", [("RS256", "ec-1"), ("PS256", "ec-1"), ("ES256", "rsa-1"),
                                     ("EdDSA", "rsa-1"), ("EdDSA", "ec-1")])
def test_a_token_whose_algorithm_does_not_fit_the_named_key_is_refused(stub, publish_alg, alg, kid):
    stub.publish_alg = publish_alg
    v = validator(stub)
    # The right pairs validate: the refusals below are not a validator that refuses everything.
    assert v.validate(stub.token(alg="RS256", kid="rsa-1")).subject == "resident-4471"
    assert v.validate(stub.token(alg="ES256", kid="ec-1")).subject == "resident-4471"
    if alg == "EdDSA":
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        token = stub.token(alg=alg, kid=kid, signing_key=Ed25519PrivateKey.generate())
    else:
        token = stub.token(alg=alg, kid=kid)
    with pytest.raises(KeyRefused) as e:
        v.validate(token)
    assert e.value.reason == "bad_token"


def test_a_mismatched_token_from_the_token_endpoint_refuses_the_login_not_offline(stub):
    stub.token_answers = [(200, {"id_token": stub.token(alg="RS256", kid="ec-1"), "token_type": "Bearer"})]
    clock = FakeClock()
    key = PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT, timeout_s=5, monotonic=clock.monotonic)
    auth = key.start()
    with pytest.raises(KeyRefused) as e:
        key.wait(auth, sleep=clock.sleep)
    assert e.value.reason == "bad_token"


def test_a_key_set_entry_for_encryption_is_never_used_to_check_a_signature(stub):
    original = stub.jwks

    def jwks():
        doc = original()
        for k in doc["keys"]:
            k["use"] = "enc"
        return doc
    stub.jwks = jwks
    with pytest.raises(KeyRefused) as e:
        validator(stub).validate(stub.token(alg="RS256", kid="rsa-1"))
    assert e.value.reason == "bad_token"


@pytest.mark.parametrize("keyset", [{"keys": "abc"}, {"keys": [1, "x", None]}, {"keys": [{"kty": "RSA", "n": 5}]},
                                    {"keys": [{"kty": "EC", "crv": "P-256", "x": [], "y": {}}]}, {}],
                         ids=["keys-a-string", "keys-not-objects", "rsa-n-a-number", "ec-xy-not-strings", "empty"])
def test_a_broken_key_set_refuses_the_token(stub, keyset):
    stub.jwks = lambda: keyset
    with pytest.raises(KeyRefused) as e:
        validator(stub).validate(stub.token())
    assert e.value.reason == "bad_token"


# -- key set refreshes are rate-limited ---------------------------------------------------------------
def test_tokens_naming_unknown_keys_do_not_make_a_key_set_fetch_each(stub):
    clock = FakeClock()
    v = validator(stub, monotonic=clock.monotonic)
    assert v.validate(stub.token()).subject == "resident-4471"
    assert stub.jwks_fetches == 1
    refused = 0
    for i in range(50):
        with pytest.raises(KeyRefused) as e:
            v.validate(stub.token(kid=f"unknown-{i}"))
        refused += e.value.reason == "bad_token"
    print(f"50 tokens with unknown key ids: {refused} refused, {stub.jwks_fetches - 1} key set fetches")
    assert refused == 50
    assert stub.jwks_fetches <= 2           # the first load and at most one refresh

    # A real rotation is still picked up once the refresh window has passed.
    original = stub.jwks

    def rotated():
        doc = original()
        doc["keys"][0]["kid"] = "rsa-2"
        return doc
    stub.jwks = rotated
    clock.t += JWKS_REFRESH_MIN_S + 1
    fetches = stub.jwks_fetches
    assert v.validate(stub.token(kid="rsa-2")).subject == "resident-4471"
    assert stub.jwks_fetches == fetches + 1
    assert v.validate(stub.token(kid="rsa-2")).subject == "resident-4471"   # known now: no fetch
    assert stub.jwks_fetches == fetches + 1


def test_a_key_set_that_cannot_be_fetched_is_not_fetched_again_at_once(stub):
    clock = FakeClock()
    v = validator(stub, monotonic=clock.monotonic)
    stub.stop()
    for _ in range(20):
        with pytest.raises(KeyRefused) as e:
            v.validate(stub.token())
        assert e.value.reason == "offline"
    assert v.key_set_fetches <= 1


# -- the polling interval and the expiry time come from the provider: bound them --------------------
@pytest.mark.parametrize("interval", [-30, 0, 0.001, "soon", None, float("nan"), float("inf"), True, [5]],
                         ids=lambda v: repr(v))
def test_the_provider_cannot_make_the_kiosk_poll_faster_than_the_floor(stub, interval):
    stub.device_answer = {"interval": interval, "expires_in": 10}
    clock = FakeClock()
    key = PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT, timeout_s=5, monotonic=clock.monotonic)
    auth = key.start()
    assert MIN_INTERVAL_S <= auth.interval and math.isfinite(auth.interval)
    with pytest.raises(KeyRefused) as e:
        key.wait(auth, sleep=clock.sleep)
    assert e.value.reason == "expired"
    print(f"interval {interval!r}: {stub.token_polls} polls in 10 s of provider time")
    assert stub.token_polls <= 10 / MIN_INTERVAL_S
    assert min(clock.slept) > 0


def test_slow_down_adds_five_seconds_every_time(stub):
    stub.device_answer = {"interval": 1, "expires_in": 60}
    slow = (400, {"error": "slow_down"})
    stub.token_answers = [slow, slow, slow, (400, {"error": "authorization_pending"})]
    clock = FakeClock()
    key = PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT, timeout_s=5, monotonic=clock.monotonic)
    seen = []
    with pytest.raises(KeyRefused) as e:
        key.wait(key.start(), sleep=clock.sleep, on_interval=seen.append)
    assert e.value.reason == "expired"
    step = SLOW_DOWN_STEP_S
    assert seen == [1 + step, 1 + 2 * step, 1 + 3 * step]
    assert clock.slept[:4] == [1, 1 + step, 1 + 2 * step, 1 + 3 * step]


def test_a_huge_interval_does_not_outlive_the_code(stub):
    stub.device_answer = {"interval": 10 ** 9, "expires_in": 10}
    clock = FakeClock()
    key = PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT, timeout_s=5, monotonic=clock.monotonic)
    with pytest.raises(KeyRefused) as e:
        key.wait(key.start(), sleep=clock.sleep)
    assert e.value.reason == "expired" and sum(clock.slept) <= 10 + 1e-6


@pytest.mark.parametrize("expires_in", [float("nan"), float("inf"), -5, 0, "later", None, 10 ** 12],
                         ids=lambda v: repr(v))
def test_an_unusable_expiry_is_refused_or_bounded(stub, expires_in):
    stub.device_answer = {"interval": 5, "expires_in": expires_in}
    clock = FakeClock()
    key = PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT, timeout_s=5, monotonic=clock.monotonic)
    try:
        auth = key.start()
    except KeyRefused as refused:
        assert refused.reason == "offline"
        return
    with pytest.raises(KeyRefused) as e:
        key.wait(auth, sleep=clock.sleep)
    assert e.value.reason == "expired"
    assert sum(clock.slept) <= 3600


# -- one answer has one deadline, not one per byte -----------------------------------------------------
def test_an_answer_trickling_in_byte_by_byte_meets_an_overall_deadline(stub):
    import time

    key = PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT, timeout_s=1.0)
    auth = key.start()
    from sync.client import DEADLINE_FACTOR

    stub.trickle_s = 0.15                      # ~40 bytes: 6 s, each read well inside timeout_s
    assert DEADLINE_FACTOR * 1.0 < 40 * stub.trickle_s
    started = time.monotonic()
    with pytest.raises(KeyRefused) as e:
        key.poll(auth)
    took = time.monotonic() - started
    print(f"a trickled answer was given up after {took:.1f} s (timeout_s = 1)")
    assert e.value.reason == "offline" and took < DEADLINE_FACTOR * 1.0 + 1.0



def test_an_answer_cut_off_halfway_is_offline_not_a_crash(stub):
    key = PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT, timeout_s=2.0)
    auth = key.start()
    stub.cut_after = 5          # the first bytes, then the connection drops
    with pytest.raises(KeyRefused) as e:
        key.poll(auth)
    assert e.value.reason == "offline"
