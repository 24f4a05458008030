"""Console sign-in: OpenID Connect authorization code flow with PKCE (RFC 7636), staff
sessions in the database, roles from the provider's ``roles`` claim, CSRF tokens and the
audit log. No FastAPI here: the routes (sync/server/console/app.py) call these.

Roles come from the ID token's ``roles`` claim (a list of texts); values other than
``ROLES`` are ignored and ``admin`` holds every role (docs/console.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable
from urllib.parse import urlencode

import jwt
import requests
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from sync.server.console.models import ConsoleAuditEvent, ConsoleLogin, ConsoleProvider, ConsoleSession

ROLES = ("analyst", "it", "catalogue_editor", "moderator", "admin")
SCOPE = "openid profile roles"
IDLE_TIMEOUT = timedelta(minutes=30)   # a session unused this long has ended
MAX_SESSION = timedelta(hours=8)       # and none outlives a working day
LOGIN_TIMEOUT = timedelta(minutes=10)  # from "sign in" to the provider's answer
_PROVIDER_ID = "console"


class SignInError(Exception):
    """A sign-in that cannot go on; ``reason`` is a translation key (console.json)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason, self.detail = reason, detail


@dataclass(frozen=True)
class StaffSession:
    token_hash: str
    subject: str
    name: str
    roles: frozenset[str]
    csrf: str

    def may(self, role: str) -> bool:
        return role in self.roles or "admin" in self.roles


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


# -- the provider ---------------------------------------------------------------------------
def set_provider(sessions: sessionmaker[Session], issuer: str, client_id: str, client_secret: str = "") -> None:
    if not issuer.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise ValueError("issuer: must be https:// (http only on 127.0.0.1)")
    with sessions.begin() as s:
        s.merge(ConsoleProvider(id=_PROVIDER_ID, issuer=issuer.rstrip("/"), client_id=client_id,
                                client_secret=client_secret))


def provider(sessions: sessionmaker[Session]) -> ConsoleProvider | None:
    with sessions() as s:
        return s.get(ConsoleProvider, _PROVIDER_ID)


def _discovery(http: requests.Session, issuer: str) -> dict:
    try:
        resp = http.get(issuer + "/.well-known/openid-configuration", timeout=10)
        resp.raise_for_status()
        doc = resp.json()
    except (requests.RequestException, ValueError) as exc:
        raise SignInError("provider_unreachable", f"{issuer}: {type(exc).__name__}") from None
    if not isinstance(doc, dict) or doc.get("issuer") != issuer:
        raise SignInError("provider_unreachable", f"{issuer}: the discovery document names another issuer")
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(doc.get(key), str):
            raise SignInError("provider_unreachable", f"{issuer}: no {key}")
    return doc


def _pkce_challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def start_sign_in(sessions: sessionmaker[Session], redirect_uri: str, http: requests.Session) -> tuple[str, str]:
    """(the provider's authorization URL, the state the browser must bring back)."""
    conf = provider(sessions)
    if conf is None:
        raise SignInError("provider_missing")
    doc = _discovery(http, conf.issuer)
    state, nonce, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(64)
    now = _now()
    with sessions.begin() as s:
        s.execute(delete(ConsoleLogin).where(ConsoleLogin.created_at < now - LOGIN_TIMEOUT))
        s.add(ConsoleLogin(state_hash=_sha(state), code_verifier=verifier, nonce=nonce, created_at=now))
    query = urlencode({"response_type": "code", "client_id": conf.client_id, "redirect_uri": redirect_uri,
                       "scope": SCOPE, "state": state, "nonce": nonce, "prompt": "login",
                       "code_challenge": _pkce_challenge(verifier), "code_challenge_method": "S256"})
    return f"{doc['authorization_endpoint']}?{query}", state


def finish_sign_in(sessions: sessionmaker[Session], *, code: str, state: str, browser_state: str | None,
                   redirect_uri: str, http: requests.Session) -> tuple[dict[str, Any], frozenset[str]]:
    """Exchange the code (with the PKCE verifier) and check the ID token: its claims and roles."""
    if not browser_state or not hmac.compare_digest(browser_state, state):
        raise SignInError("sign_in_stale", "the state does not match this browser's sign-in")
    with sessions.begin() as s:
        login = s.get(ConsoleLogin, _sha(state))
        if login is not None:
            s.delete(login)  # one use
    if login is None or _utc(login.created_at) < _now() - LOGIN_TIMEOUT:
        raise SignInError("sign_in_stale", "no sign-in under way with this state, or it took too long")
    conf = provider(sessions)
    if conf is None:
        raise SignInError("provider_missing")
    doc = _discovery(http, conf.issuer)
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
            "client_id": conf.client_id, "code_verifier": login.code_verifier}
    if conf.client_secret:
        form["client_secret"] = conf.client_secret
    try:
        resp = http.post(doc["token_endpoint"], data=form, timeout=10)
        answer = resp.json()
    except (requests.RequestException, ValueError) as exc:
        raise SignInError("provider_unreachable", f"token endpoint: {type(exc).__name__}") from None
    if resp.status_code != 200 or not isinstance(answer, dict) or not isinstance(answer.get("id_token"), str):
        raise SignInError("sign_in_refused", f"token endpoint answered {resp.status_code}")
    claims = validate_id_token(answer["id_token"], issuer=conf.issuer, audience=conf.client_id,
                               jwks_uri=doc["jwks_uri"], http=http)
    if not isinstance(claims.get("nonce"), str) or not hmac.compare_digest(claims["nonce"], login.nonce):
        raise SignInError("sign_in_refused", "the ID token's nonce is not this sign-in's")
    return claims, roles_of(claims)


def validate_id_token(token: str, *, issuer: str, audience: str, jwks_uri: str,
                      http: requests.Session) -> dict[str, Any]:
    """Signature (the provider's JWKS), issuer, audience, expiry, subject."""
    try:
        keys = jwt.PyJWKSet.from_dict(http.get(jwks_uri, timeout=10).json())
        kid = jwt.get_unverified_header(token).get("kid")
        key = next((k for k in keys.keys if k.key_id == kid and k.public_key_use in (None, "sig")), None)
        if key is None:
            raise SignInError("sign_in_refused", "the ID token is signed with a key the provider does not publish")
        claims = jwt.decode(token, key.key, algorithms=["RS256", "PS256", "ES256", "EdDSA"], audience=audience,
                            issuer=issuer, leeway=30, options={"require": ["iss", "aud", "exp", "iat", "sub"]})
    except SignInError:
        raise
    except Exception as exc:  # a crafted token is attacker input: whatever breaks, it is refused
        raise SignInError("sign_in_refused", f"the ID token is not valid ({type(exc).__name__})") from None
    if not isinstance(claims.get("sub"), str) or not claims["sub"]:
        raise SignInError("sign_in_refused", "the ID token has no subject")
    return claims


def roles_of(claims: dict[str, Any]) -> frozenset[str]:
    raw = claims.get("roles")
    if isinstance(raw, str):
        raw = raw.split()
    if not isinstance(raw, list):
        return frozenset()
    return frozenset(r for r in raw if isinstance(r, str) and r in ROLES)


# -- sessions -----------------------------------------------------------------------------
def open_session(sessions: sessionmaker[Session], claims: dict[str, Any], roles: frozenset[str]) -> str:
    """A new session; returns the cookie's token (only its hash is stored)."""
    token, now = secrets.token_urlsafe(32), _now()
    name = claims.get("name") if isinstance(claims.get("name"), str) else claims["sub"]
    with sessions.begin() as s:
        s.execute(delete(ConsoleSession).where(ConsoleSession.last_seen_at < now - MAX_SESSION))
        s.add(ConsoleSession(token_hash=_sha(token), subject=claims["sub"][:200], name=name[:200],
                             roles=sorted(roles), csrf=secrets.token_urlsafe(32), created_at=now,
                             last_seen_at=now))
    return token


def session_for(sessions: sessionmaker[Session], token: str | None, *, now: Callable[[], datetime] = _now
                ) -> StaffSession | None:
    """The live session of a cookie (and mark it used), or None: unknown, idle or too old."""
    if not token or len(token) > 200:
        return None
    t = now()
    with sessions.begin() as s:
        row = s.get(ConsoleSession, _sha(token))
        if row is None:
            return None
        if _utc(row.last_seen_at) < t - IDLE_TIMEOUT or _utc(row.created_at) < t - MAX_SESSION:
            s.delete(row)
            return None
        row.last_seen_at = t
        return StaffSession(row.token_hash, row.subject, row.name, frozenset(row.roles), row.csrf)


def close_session(sessions: sessionmaker[Session], who: StaffSession) -> None:
    with sessions.begin() as s:
        s.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == who.token_hash))


def csrf_ok(who: StaffSession, sent: str | None) -> bool:
    return isinstance(sent, str) and hmac.compare_digest(who.csrf.encode(), sent.encode())


# -- audit ---------------------------------------------------------------------------------
def audit(sessions: sessionmaker[Session], who: StaffSession | None, action: str, *, target: str = "",
          outcome: str = "ok", detail: str = "", actor: str | None = None) -> None:
    with sessions.begin() as s:
        s.add(ConsoleAuditEvent(at=_now(), actor=(actor or (who.subject if who else "-"))[:200],
                                actor_name=(who.name if who else "")[:200], action=action[:64],
                                target=target[:300], outcome=outcome, detail=detail[:2000]))


def audit_events(sessions: sessionmaker[Session], limit: int = 500) -> list[dict]:
    with sessions() as s:
        rows = s.scalars(select(ConsoleAuditEvent).order_by(ConsoleAuditEvent.id.desc()).limit(limit))
        return [{"at": _utc(r.at).isoformat(timespec="seconds"), "actor": r.actor, "actor_name": r.actor_name,
                 "action": r.action, "target": r.target, "outcome": r.outcome, "detail": r.detail} for r in rows]
