"""The phone key end to end against a real OpenID provider (panva's oidc-provider,
started on 127.0.0.1): device code, QR link, the resident's phone approving or refusing
on the provider's own pages, polling with pending/slow_down, and ID token validation."""

from __future__ import annotations

import base64
import json
import threading
import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk.identity.keys import PHONE, KeyRefused
from kiosk.identity.session import KioskSession, SessionPolicy
from sync.oidc import APPROVED, PENDING, SLOW_DOWN, SLOW_DOWN_STEP_S, IdTokenValidator, PhoneKey
from tests.identity.oidc_phone import Phone


def phone_key(provider, client_id="welfare-kiosk", **kw) -> PhoneKey:
    kw.setdefault("default_interval_s", 0.05)    # the provider names no interval; 5 s would slow tests
    kw.setdefault("timeout_s", 5.0)
    return PhoneKey(issuer=provider.issuer, client_id=client_id, **kw)


def approved_token(provider, client_id="welfare-kiosk") -> str:
    """A real ID token from the provider (for the token-validation tests)."""
    key = phone_key(provider, client_id)
    auth = key.start()
    Phone().approve(auth.verification_uri_complete)
    import requests
    answer = requests.post(key.endpoints().token_endpoint, timeout=5, data={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": auth.device_code,
        "client_id": client_id}).json()
    return answer["id_token"]


@pytest.mark.slow
def test_resident_signs_in_on_the_phone_and_the_session_opens_with_name_and_subject(oidc_provider):
    key = phone_key(oidc_provider)
    auth = key.start()
    assert auth.verification_uri_complete.startswith(oidc_provider.issuer + "/device?user_code=")
    assert auth.user_code in auth.verification_uri_complete
    assert key.poll(auth).status == PENDING                   # nobody has scanned yet

    session = KioskSession(SessionPolicy())
    waited = {}
    t = threading.Thread(target=lambda: waited.setdefault("identity", key.wait(auth)))
    t.start()
    Phone().approve(auth.verification_uri_complete, login="resident-4471")
    t.join(20)
    session.open(waited["identity"], now=0)
    assert session.identity.key == PHONE
    assert session.identity.subject == "resident-4471" and session.identity.name == "Aino Virtanen"


def test_resident_refuses_on_the_phone(oidc_provider):
    key = phone_key(oidc_provider)
    auth = key.start()
    Phone().deny(auth.verification_uri_complete)
    with pytest.raises(KeyRefused) as e:
        key.wait(auth)
    assert e.value.reason == "denied"


def test_the_code_expires_when_nobody_signs_in(start_oidc_provider):
    provider = start_oidc_provider(DEVICE_CODE_TTL="2")
    key = phone_key(provider)
    auth = key.start()
    assert auth.expires_in == 2
    time.sleep(2.2)
    # Asked directly, the provider answers expired_token ...
    with pytest.raises(KeyRefused) as e:
        key.poll(auth)
    assert e.value.reason == "expired"
    # ... and the waiting loop stops on its own once expires_in has passed.
    auth = key.start()
    started = time.monotonic()
    with pytest.raises(KeyRefused) as e:
        key.wait(auth)
    assert e.value.reason == "expired" and time.monotonic() - started < 5


def test_slow_down_adds_five_seconds_to_the_interval(start_oidc_provider):
    provider = start_oidc_provider(MIN_POLL_MS="500")
    key = phone_key(provider)
    auth = key.start()
    seen, intervals = [], []
    phone = Phone()

    def sleep(seconds):
        intervals.append(seconds)
        # The test does not wait the real 5 s: the provider only needs 0.5 s between polls.
        time.sleep(0.6 if seconds >= SLOW_DOWN_STEP_S else seconds)
        if len(intervals) == 3:
            phone.approve(auth.verification_uri_complete)

    original_poll = key.poll

    def poll(a):
        result = original_poll(a)
        seen.append(result.status)
        return result
    key.poll = poll
    identity = key.wait(auth, sleep=sleep)
    assert identity.subject == "resident-4471"
    assert seen[:2] == [PENDING, SLOW_DOWN] and seen[-1] == APPROVED
    assert intervals[0] == pytest.approx(0.05) and intervals[2] == pytest.approx(0.05 + SLOW_DOWN_STEP_S)


def test_waiting_can_be_cancelled(oidc_provider):
    key = phone_key(oidc_provider, default_interval_s=0.2)
    auth = key.start()
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(KeyRefused) as e:
        key.wait(auth, cancel)
    assert e.value.reason == "cancelled" and time.monotonic() - started < 3


def test_lost_network_during_sign_in_is_a_clear_offline_refusal(start_oidc_provider):
    provider = start_oidc_provider()
    key = phone_key(provider)
    auth = key.start()
    provider.stop()
    with pytest.raises(KeyRefused) as e:
        key.wait(auth)
    assert e.value.reason == "offline"
    with pytest.raises(KeyRefused) as e:
        phone_key(provider).start()
    assert e.value.reason == "offline"


# -- ID token validation ---------------------------------------------------------------------
def validator(provider, **kw) -> IdTokenValidator:
    key = phone_key(provider)
    return IdTokenValidator(issuer=provider.issuer, audience="welfare-kiosk",
                            jwks_uri=key.endpoints().jwks_uri, **kw)


def test_a_real_token_validates(oidc_provider):
    ident = validator(oidc_provider).validate(approved_token(oidc_provider))
    assert (ident.subject, ident.name) == ("resident-4471", "Aino Virtanen")


def test_expired_token_is_refused(oidc_provider):
    token = approved_token(oidc_provider)
    later = time.time() + 3600
    with pytest.raises(KeyRefused, match="expired") as e:
        validator(oidc_provider, now=lambda: later).validate(token)
    assert e.value.reason == "bad_token"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_tampered_token_is_refused(oidc_provider):
    header, payload, signature = approved_token(oidc_provider).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "resident-9020"                          # pretend to be someone else
    with pytest.raises(KeyRefused) as e:
        validator(oidc_provider).validate(f"{header}.{_b64(claims)}.{signature}")
    assert e.value.reason == "bad_token"


def test_token_for_another_application_is_refused(oidc_provider):
    token = approved_token(oidc_provider, client_id="other-app")   # real, but minted for another client
    with pytest.raises(KeyRefused, match="another application"):
        validator(oidc_provider).validate(token)


def test_token_from_another_issuer_is_refused(oidc_provider):
    token = approved_token(oidc_provider)
    v = IdTokenValidator(issuer="https://login.example.fi", audience="welfare-kiosk",
                         jwks_uri=phone_key(oidc_provider).endpoints().jwks_uri)
    with pytest.raises(KeyRefused, match="another provider"):
        v.validate(token)


def test_token_signed_with_a_key_the_provider_does_not_publish_is_refused(oidc_provider):
    real_header = jwt.get_unverified_header(approved_token(oidc_provider))
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = int(time.time())
    forged = jwt.encode({"iss": oidc_provider.issuer, "aud": "welfare-kiosk", "sub": "resident-4471",
                         "name": "Aino", "iat": now, "exp": now + 300}, forger, algorithm="RS256",
                        headers={"kid": real_header["kid"]})
    with pytest.raises(KeyRefused) as e:
        validator(oidc_provider).validate(forged)
    assert e.value.reason == "bad_token"


def test_unsigned_token_is_refused(oidc_provider):
    now = int(time.time())
    unsigned = _b64({"alg": "none", "typ": "JWT"}) + "." + _b64(
        {"iss": oidc_provider.issuer, "aud": "welfare-kiosk", "sub": "x", "iat": now, "exp": now + 60}) + "."
    with pytest.raises(KeyRefused, match="algorithm"):
        validator(oidc_provider).validate(unsigned)


def test_a_provider_address_without_discovery_is_refused(oidc_provider):
    with pytest.raises(KeyRefused):
        PhoneKey(issuer=oidc_provider.issuer + "/evil", client_id="welfare-kiosk", timeout_s=3).start()


def test_the_backend_and_the_provider_keep_the_tests_clock(backend, oidc_provider):
    # Under faketime (tests/test_hard_instants.py) every process must share the test's
    # instant: a provider a minute behind mints tokens "from the past", a backend a minute
    # behind takes slots that have begun for future ones. Both say their time in "Date".
    from datetime import datetime, timezone
    from email.utils import parsedate_to_datetime

    import requests

    for url in (backend.url + "/api/v1/health", oidc_provider.issuer + "/.well-known/openid-configuration"):
        answer = requests.get(url, timeout=5)
        lag = abs((parsedate_to_datetime(answer.headers["Date"]) - datetime.now(timezone.utc)).total_seconds())
        assert lag < 5, f"{url} is {lag:.0f} s off the test's clock"
