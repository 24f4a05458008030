"""The phone key: OAuth 2.0 Device Authorization Grant (RFC 8628) against the city's
OpenID provider, and validation of the ID token it returns.

The kiosk asks the provider for a device code, shows ``verification_uri_complete`` as
a large QR code with the user code beside it, and polls the token endpoint while the
resident signs in on their phone. The answer's ID token is validated (signature via
the provider's JWKS, issuer, audience, expiry) before its ``sub`` (pseudonymous) and
``name`` become the session's identity.

Everything blocks; the UI runs ``PhoneKey.wait()`` on its background runner and
cancels it with the ``threading.Event`` it passes in. Every failure the resident can
meet comes out as ``KeyRefused`` with a reason the login screen translates:
``denied``, ``expired``, ``cancelled``, ``offline``, ``bad_token``.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

import jwt
import requests

from kiosk.identity.keys import PHONE, Identity, KeyRefused
from sync.client import DEADLINE_FACTOR, CallDeadline, DeadlinePassed, deadline_session, read_within

log = logging.getLogger(__name__)

DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_INTERVAL_S = 5.0     # RFC 8628 3.2: when the provider names no interval
SLOW_DOWN_STEP_S = 5.0       # RFC 8628 3.5: add 5 s on every slow_down
# The provider's interval is only a wish: a negative, zero or tiny one (a broken or hostile
# provider) must not turn one kiosk into a flood of polls. Below 1 s nothing is gained for
# the resident; unusable values (not a number, NaN, infinite) mean "none named" (5 s).
MIN_INTERVAL_S = 1.0
# A device code that claims to live longer than this is held to it: nobody stands at a
# kiosk for more than half an hour waiting for their phone.
MAX_EXPIRES_S = 1800.0
# An ID token naming a key id we do not know may mean the provider rotated its keys, so
# the key set is fetched again, but at most once per JWKS_REFRESH_MIN_S: a run of tokens
# with made-up key ids costs the provider one fetch, not one each. A key set that could
# not be fetched at all is tried again after JWKS_RETRY_S (the resident's "Try again").
JWKS_REFRESH_MIN_S = 60.0
JWKS_RETRY_S = 5.0
MAX_ANSWER_BYTES = 256 * 1024
ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"]   # never "none", never HMAC with a public key
# Which key an algorithm needs (RFC 7518 3.3-3.5, RFC 8037): the token's alg must fit the
# key its kid names, or PyJWT is handed an EC key for RSA (a TypeError, not a refusal).
_KEY_FOR_ALG = {"RS256": ("RSA", None), "PS256": ("RSA", None), "ES256": ("EC", "P-256"),
                "EdDSA": ("OKP", ("Ed25519", "Ed448"))}


@dataclass(frozen=True)
class ProviderEndpoints:
    issuer: str
    device_authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


@dataclass(frozen=True)
class DeviceAuthorization:
    """What the kiosk shows: the QR code of ``verification_uri_complete`` and ``user_code``."""

    device_code: str
    user_code: str
    verification_uri: str
    verification_uri_complete: str
    expires_in: float
    interval: float
    started_at: float            # monotonic

    def __repr__(self) -> str:   # the device code is a bearer secret: keep it out of logs
        return f"DeviceAuthorization(user_code={self.user_code!r}, expires_in={self.expires_in})"


# Outcomes of one poll of the token endpoint.
PENDING, SLOW_DOWN, APPROVED = "authorization_pending", "slow_down", "approved"


@dataclass(frozen=True)
class PollResult:
    status: str
    identity: Identity | None = None


class IdTokenValidator:
    """Checks an ID token's signature (JWKS), issuer, audience and expiry."""

    def __init__(self, *, issuer: str, audience: str, jwks_uri: str, http: requests.Session | None = None,
                 timeout_s: float = 10.0, leeway_s: float = 30.0, now: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.issuer, self.audience, self.jwks_uri = issuer, audience, jwks_uri
        self.http = http or deadline_session()
        self.timeout_s, self.leeway_s, self.now, self.monotonic = timeout_s, leeway_s, now, monotonic
        self._keys: dict[str, Any] | None = None
        self._fetched_at: float | None = None     # monotonic time of the last fetch, good or not
        self.key_set_fetches = 0
        self._lock = threading.Lock()             # one fetch at a time, whoever asks

    def _load_keys(self) -> dict[str, Any]:
        self.key_set_fetches += 1
        self._fetched_at = self.monotonic()
        doc = _get_json(self.http, self.jwks_uri, self.timeout_s)
        try:
            keyset = jwt.PyJWKSet.from_dict(doc)
        except Exception as exc:   # PyJWT raises more than PyJWTError for odd members
            raise KeyRefused("bad_token", f"the provider's key set is not usable: {exc}") from None
        # RFC 7517 4.2: a key published for encryption never checks a signature.
        return {k.key_id or "": k for k in keyset.keys if k.public_key_use in (None, "sig")}

    def _may_fetch(self) -> bool:
        if self._fetched_at is None:
            return True
        wait = JWKS_RETRY_S if self._keys is None else JWKS_REFRESH_MIN_S
        return self.monotonic() - self._fetched_at >= wait

    def _key_for(self, kid: str) -> Any:
        with self._lock:
            if self._keys is None or kid not in self._keys:
                # A kid we have not seen: the provider may have rotated its keys. Fetch again,
                # at most once per JWKS_REFRESH_MIN_S (see there).
                if self._may_fetch():
                    self._keys = self._load_keys()
                elif self._keys is None:
                    raise KeyRefused("offline", "the provider's key set could not be fetched a moment ago")
                else:
                    log.info("phone key: unknown key id, key set fetched %.0f s ago: not fetched again",
                             self.monotonic() - (self._fetched_at or 0))
            keys = self._keys
        if kid in keys:
            return keys[kid]
        if not kid and len(keys) == 1:
            return next(iter(keys.values()))
        raise KeyRefused("bad_token", "the ID token is signed with a key the provider does not publish")

    def validate(self, id_token: str) -> Identity:
        """The identity in ``id_token``, or KeyRefused: ``bad_token`` for anything wrong with the
        token or the provider's keys, ``offline`` when the key set cannot be fetched. Nothing
        else comes out: a token is attacker-controlled input."""
        try:
            return self._validate(id_token)
        except KeyRefused:
            raise
        except Exception as exc:   # a library's TypeError on a crafted token is still a bad token
            log.warning("phone key: ID token refused on an unexpected %s", type(exc).__name__)
            raise KeyRefused("bad_token", f"the ID token is not valid ({type(exc).__name__})") from None

    def _validate(self, id_token: str) -> Identity:
        if not isinstance(id_token, str):
            raise KeyRefused("bad_token", "the ID token is not a string")
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError as exc:
            raise KeyRefused("bad_token", f"the ID token is not a JWT: {exc}") from None
        alg = header.get("alg")
        if not isinstance(alg, str) or alg not in ALGORITHMS:
            raise KeyRefused("bad_token", f"the ID token's algorithm {alg!r} is not accepted")
        kid = header.get("kid")
        key = self._key_for(kid if isinstance(kid, str) else "")
        _check_key_fits(key, alg)
        try:
            claims = jwt.decode(id_token, key.key, algorithms=[alg], audience=self.audience,
                                issuer=self.issuer, leeway=self.leeway_s,
                                # Expiry is checked below against our (injectable) clock.
                                options={"require": ["iss", "aud", "exp", "iat", "sub"], "verify_exp": False})
        except jwt.ExpiredSignatureError:
            raise KeyRefused("bad_token", "the ID token has expired") from None
        except jwt.InvalidAudienceError:
            raise KeyRefused("bad_token", "the ID token was issued for another application") from None
        except jwt.InvalidIssuerError:
            raise KeyRefused("bad_token", "the ID token comes from another provider") from None
        except jwt.PyJWTError as exc:
            raise KeyRefused("bad_token", f"the ID token is not valid: {exc}") from None
        exp = claims["exp"]
        if not isinstance(exp, (int, float)) or isinstance(exp, bool) or exp + self.leeway_s < self.now():
            raise KeyRefused("bad_token", "the ID token has expired")
        aud = claims["aud"]
        if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != self.audience:
            raise KeyRefused("bad_token", "the ID token names several audiences but not this kiosk as azp")
        subject = claims["sub"]
        if not isinstance(subject, str) or not subject:
            raise KeyRefused("bad_token", "the ID token has no subject")
        name = claims.get("name")
        if not isinstance(name, str) or not name.strip():
            parts = [claims.get("given_name"), claims.get("family_name")]
            name = " ".join(p for p in parts if isinstance(p, str) and p)
        # Standard OpenID ``birthdate``; the city's provider may add the home municipality
        # code and district (participation eligibility, docs/participation.md).
        told = {"birthdate": claims.get("birthdate"), "municipality": claims.get("municipality"),
                "resident_district": claims.get("district")}
        return Identity(PHONE, subject, name.strip()[:128],
                        claims={k: v[:64] for k, v in told.items() if isinstance(v, str) and v})


def _check_key_fits(key: Any, alg: str) -> None:
    """The token's algorithm must be one the named key can check (kty, curve, and the key's
    own ``alg`` when it names one: RFC 7517 4.4)."""
    kty, curves = _KEY_FOR_ALG[alg]
    jwk = getattr(key, "_jwk_data", {}) or {}
    if key.key_type != kty:
        raise KeyRefused("bad_token", f"the ID token says {alg} but names a {key.key_type} key")
    crv = jwk.get("crv")
    if curves is not None and crv not in (curves if isinstance(curves, tuple) else (curves,)):
        raise KeyRefused("bad_token", f"the ID token says {alg} but names a key on curve {crv!r}")
    if jwk.get("alg") not in (None, alg):
        raise KeyRefused("bad_token", f"the ID token says {alg} but its key is for {jwk.get('alg')!r}")


def _number(value: Any) -> float | None:
    """A finite JSON number, or None (strings, booleans, lists, NaN and infinities are not)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def polling_interval(provider_value: Any, default_s: float, floor_s: float = MIN_INTERVAL_S) -> float:
    """The seconds between polls: the provider's ``interval`` held to the floor, or the
    default when it names none or something that is not a positive number."""
    value = _number(provider_value)
    if value is None or value <= 0:
        return default_s
    return max(value, floor_s)


class PhoneKey:
    """One provider, one client id; ``start()`` and ``wait()`` per resident."""

    def __init__(self, *, issuer: str, client_id: str, scope: str = "openid profile", timeout_s: float = 10.0,
                 default_interval_s: float = DEFAULT_INTERVAL_S, http: requests.Session | None = None,
                 now: Callable[[], float] = time.time, monotonic: Callable[[], float] = time.monotonic) -> None:
        # default_interval_s is the kiosk's own choice (tests make it short); what the
        # provider names is held to MIN_INTERVAL_S.
        if not (_number(default_interval_s) or 0) > 0:
            raise ValueError(f"default_interval_s = {default_interval_s!r}: expected a positive number of seconds")
        self.issuer = issuer.rstrip("/")
        self.client_id, self.scope = client_id, scope
        self.timeout_s = timeout_s
        self.default_interval_s = float(default_interval_s)
        self.http = http or deadline_session()
        self.now, self.monotonic = now, monotonic
        self._endpoints: ProviderEndpoints | None = None
        self._validator: IdTokenValidator | None = None

    # -- discovery -------------------------------------------------------------------------
    def endpoints(self) -> ProviderEndpoints:
        if self._endpoints is None:
            doc = _get_json(self.http, self.issuer + "/.well-known/openid-configuration", self.timeout_s)
            if doc.get("issuer") != self.issuer:
                # OpenID Connect Discovery 4.3: the document must name the issuer we asked.
                raise KeyRefused("bad_token", f"the provider says it is {doc.get('issuer')!r}, not {self.issuer!r}")
            try:
                self._endpoints = ProviderEndpoints(self.issuer, str(doc["device_authorization_endpoint"]),
                                                    str(doc["token_endpoint"]), str(doc["jwks_uri"]))
            except KeyError as exc:
                raise KeyRefused("offline", f"the provider does not offer {exc.args[0]}") from None
            self._validator = IdTokenValidator(issuer=self.issuer, audience=self.client_id,
                                               jwks_uri=self._endpoints.jwks_uri, http=self.http,
                                               timeout_s=self.timeout_s, now=self.now,
                                               monotonic=self.monotonic)
        return self._endpoints

    @property
    def validator(self) -> IdTokenValidator:
        self.endpoints()
        assert self._validator is not None
        return self._validator

    # -- the flow ----------------------------------------------------------------------------
    def start(self) -> DeviceAuthorization:
        ep = self.endpoints()
        status, doc = _post_form(self.http, ep.device_authorization_endpoint,
                                 {"client_id": self.client_id, "scope": self.scope}, self.timeout_s)
        if status != 200:
            raise KeyRefused("offline", f"the provider refused to start a sign-in: {doc.get('error', status)}")
        expires_in = _number(doc.get("expires_in"))
        if expires_in is None or expires_in <= 0:
            raise KeyRefused("offline", f"the provider's device answer has no usable expires_in "
                                        f"({doc.get('expires_in')!r})")
        try:
            uri = str(doc["verification_uri"])
            return DeviceAuthorization(
                device_code=str(doc["device_code"]), user_code=str(doc["user_code"]), verification_uri=uri,
                verification_uri_complete=str(doc.get("verification_uri_complete") or uri),
                expires_in=min(expires_in, MAX_EXPIRES_S),
                interval=polling_interval(doc.get("interval"), self.default_interval_s),
                started_at=self.monotonic())
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyRefused("offline", f"the provider's device answer is incomplete ({exc})") from None

    def poll(self, auth: DeviceAuthorization) -> PollResult:
        """One request to the token endpoint. Raises KeyRefused for denied/expired/offline."""
        ep = self.endpoints()
        status, doc = _post_form(self.http, ep.token_endpoint, {
            "grant_type": DEVICE_CODE_GRANT, "device_code": auth.device_code, "client_id": self.client_id},
            self.timeout_s)
        if status == 200:
            token = doc.get("id_token")
            if not isinstance(token, str):
                raise KeyRefused("bad_token", "the provider sent no ID token (is 'openid' in the scope?)")
            return PollResult(APPROVED, self.validator.validate(token))
        error = doc.get("error")
        if error == "authorization_pending":
            return PollResult(PENDING)
        if error == "slow_down":
            return PollResult(SLOW_DOWN)
        if error == "access_denied":
            raise KeyRefused("denied", "the sign-in was refused on the phone")
        if error == "expired_token":
            raise KeyRefused("expired", "the code expired before the sign-in finished")
        raise KeyRefused("offline", f"the provider answered {error or status}")

    def wait(self, auth: DeviceAuthorization, cancel: threading.Event | None = None,
             sleep: Callable[[float], Any] | None = None,
             on_interval: Callable[[float], None] | None = None) -> Identity:
        """Poll until the resident has signed in, refused, the code expired, or ``cancel`` is set."""
        cancel = cancel or threading.Event()
        sleep = sleep or cancel.wait
        interval = auth.interval if (_number(auth.interval) or 0) > 0 else self.default_interval_s
        while True:
            if cancel.is_set():
                raise KeyRefused("cancelled", "the sign-in was cancelled")
            left = auth.expires_in - (self.monotonic() - auth.started_at)
            if left <= 0:
                raise KeyRefused("expired", "the code expired before the sign-in finished")
            # Never sleep past the code's end: an hour-long interval must not outlive it.
            sleep(min(interval, left))
            if cancel.is_set():
                raise KeyRefused("cancelled", "the sign-in was cancelled")
            if self.monotonic() - auth.started_at >= auth.expires_in:
                raise KeyRefused("expired", "the code expired before the sign-in finished")
            result = self.poll(auth)
            if result.status == APPROVED:
                assert result.identity is not None
                return result.identity
            if result.status == SLOW_DOWN:
                interval += SLOW_DOWN_STEP_S
                if on_interval:
                    on_interval(interval)


# -- HTTP with a size cap and an overall deadline; every network failure is "offline" -------
def _read(resp: requests.Response, deadline: CallDeadline) -> dict:
    try:
        raw = read_within(resp, deadline, MAX_ANSWER_BYTES)
    except ValueError:
        raise KeyRefused("offline", "the provider's answer is too large") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise KeyRefused("offline", f"the provider's answer (HTTP {resp.status_code}) is not JSON") from None
    if not isinstance(doc, dict):
        raise KeyRefused("offline", "the provider's answer is not a JSON object")
    return doc


def _get_json(http: requests.Session, url: str, timeout_s: float) -> dict:
    try:
        with CallDeadline(DEADLINE_FACTOR * timeout_s) as deadline, \
                http.get(url, timeout=deadline.read_timeout(timeout_s), stream=True, allow_redirects=False,
                         headers={"Accept": "application/json"}) as resp:
            if resp.status_code != 200:
                raise KeyRefused("offline", f"the provider answered HTTP {resp.status_code} for {url}")
            return _read(resp, deadline)
    except DeadlinePassed:
        raise KeyRefused("offline", "the sign-in service did not answer in time") from None
    except requests.RequestException as exc:
        raise KeyRefused("offline", f"cannot reach the sign-in service ({type(exc).__name__})") from None


def _post_form(http: requests.Session, url: str, form: dict, timeout_s: float) -> tuple[int, dict]:
    try:
        with CallDeadline(DEADLINE_FACTOR * timeout_s) as deadline, \
                http.post(url, data=form, timeout=deadline.read_timeout(timeout_s), stream=True,
                          allow_redirects=False, headers={"Accept": "application/json"}) as resp:
            if resp.status_code >= 500:
                raise KeyRefused("offline", f"the sign-in service had a problem (HTTP {resp.status_code})")
            return resp.status_code, _read(resp, deadline)
    except DeadlinePassed:
        raise KeyRefused("offline", "the sign-in service did not answer in time") from None
    except requests.RequestException as exc:
        raise KeyRefused("offline", f"cannot reach the sign-in service ({type(exc).__name__})") from None
