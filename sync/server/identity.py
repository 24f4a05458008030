"""Identity on the reference backend: what the kiosk's keys need from the city.

- **Resident card + PIN** is verified here (``POST /identity/card/verify``). The PIN is
  checked against an argon2id verifier; wrong PINs are limited per card (also for cards
  the city does not know, so guessing card numbers is as slow as guessing PINs).
- **Staff verifiers per site** (``GET /identity/staff-verifiers``): argon2id hashes of
  this site's staff PINs with their roles, so a kiosk checks staff offline. A PIN is
  never stored or sent, only the slow salted hash.
- **The OpenID provider** a kiosk uses for the phone key (``GET /identity/oidc``).

A verification result is an answer, not an HTTP error: ``outcome`` is ``ok``,
``wrong_pin`` (with ``attempts_left``) or ``locked`` (with ``locked_until``).
"""
# No ``from __future__ import annotations``: FastAPI resolves the route annotations at
# run time and they refer to a local function (see sync/server/video.py).

import os
from datetime import datetime, timezone
from typing import Annotated, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.identity.keys import STAFF_ROLES, card_fingerprint, parse_card_read, valid_pin
from kiosk.identity.lockout import LockoutPolicy, clear_attempts, count_attempt, dummy_verifier
from sync import protocol
from sync.server import store
from sync.server.models import CardLockout, OidcProviderSetting, ResidentCard, StaffMember
from sync.server.store import BackendError, DeviceIdentity

CARD_PATTERN = r"^[0-9A-Fa-f]{6,24}$"
PIN_PATTERN = r"^[0-9]{4,8}$"
ANY_SITE = "*"


def default_hasher() -> PasswordHasher:
    # argon2-cffi's defaults (RFC 9106 low-memory profile) unless the city tunes them.
    return PasswordHasher(time_cost=int(os.environ.get("WELFARE_ARGON2_TIME_COST", 3)),
                          memory_cost=int(os.environ.get("WELFARE_ARGON2_MEMORY_KIB", 65536)),
                          parallelism=int(os.environ.get("WELFARE_ARGON2_PARALLELISM", 4)))


def card_policy() -> LockoutPolicy:
    return LockoutPolicy(max_failures=int(os.environ.get("WELFARE_CARD_MAX_FAILURES", 5)),
                         lock_s=int(os.environ.get("WELFARE_CARD_LOCKOUT_S", 300)))


def _card(card: str) -> str:
    number = parse_card_read(card)
    if number is None:
        raise BackendError("invalid_request", "card: not a card number (6-24 digits or A-F)", 422)
    return number


def _pin(pin: str) -> str:
    if not valid_pin(pin):
        raise BackendError("invalid_request", "pin: 4 to 8 digits", 422)
    return pin


# -- administration (the CLI and tests) ------------------------------------------------------
def add_resident_card(sessions: sessionmaker[Session], card: str, pin: str, *, subject: str, name: str,
                      hasher: PasswordHasher | None = None, claims: dict[str, str] | None = None) -> None:
    """``claims``: what staff checked at issue for participation eligibility (birthdate,
    municipality, resident_district); no more than the rules read."""
    from kiosk.participation import claim_problems

    problems = claim_problems(claims or {})
    if problems:
        raise BackendError("invalid_request", "; ".join(problems), 422)
    verifier = (hasher or default_hasher()).hash(_pin(pin))
    with sessions.begin() as s:
        s.merge(ResidentCard(card_hash=card_fingerprint(_card(card)), subject=subject, name=name,
                             pin_verifier=verifier, claims=dict(claims) if claims else None))


def add_staff(sessions: sessionmaker[Session], site: str, staff_id: str, card: str, pin: str, *, role: str,
              name: str, hasher: PasswordHasher | None = None) -> None:
    if role not in STAFF_ROLES:
        raise BackendError("invalid_request", f"role: one of {', '.join(STAFF_ROLES)}", 422)
    verifier = (hasher or default_hasher()).hash(_pin(pin))
    with sessions.begin() as s:
        s.merge(StaffMember(site_id=site, staff_id=staff_id, card_hash=card_fingerprint(_card(card)), role=role,
                            name=name, pin_verifier=verifier))


def remove_staff(sessions: sessionmaker[Session], site: str, staff_id: str) -> bool:
    with sessions.begin() as s:
        row = s.get(StaffMember, (site, staff_id))
        if row is not None:
            s.delete(row)
        return row is not None


def set_oidc_provider(sessions: sessionmaker[Session], issuer: str, client_id: str, *,
                      scope: str = "openid profile", site: str = ANY_SITE) -> None:
    if not issuer.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise BackendError("invalid_request", "issuer: must be https:// (http only on 127.0.0.1)", 422)
    with sessions.begin() as s:
        s.merge(OidcProviderSetting(site_id=site, issuer=issuer.rstrip("/"), client_id=client_id, scope=scope))


# -- what kiosks ask ---------------------------------------------------------------------------
def verify_card_pin(sessions: sessionmaker[Session], card: str, pin: str, *, policy: LockoutPolicy | None = None,
                    now: datetime | None = None) -> dict:
    policy = policy or card_policy()
    now = now or datetime.now(timezone.utc)
    card_hash = card_fingerprint(_card(card))
    _pin(pin)
    table = CardLockout.__table__
    # Count the attempt first, in a short transaction of its own (lockout.count_attempt):
    # guesses sent at the same moment then cannot all read the same count.
    with sessions.begin() as s:
        attempt = count_attempt(s, table, card_hash, policy, now)
        row = s.get(ResidentCard, card_hash)
        resident = {"subject": row.subject, "name": row.name} if row is not None else None
        if row is not None and row.claims:
            resident["claims"] = dict(row.claims)
        # An unknown card is checked against a hash as costly as a real card's.
        verifier = row.pin_verifier if row is not None else dummy_verifier(
            s.scalar(select(ResidentCard.pin_verifier).limit(1)), default_hasher())
    if attempt.locked_until is not None:
        return {"outcome": "locked", "locked_until": attempt.locked_until.isoformat()}
    if _verify(verifier, pin) and resident is not None:
        with sessions.begin() as s:
            clear_attempts(s, table, card_hash)
        return {"outcome": "ok", **resident}
    new = attempt.counted
    if new.locked_until is not None:
        return {"outcome": "locked", "locked_until": new.locked_until.isoformat()}
    # An unknown card gets the same answer as a wrong PIN: the answer must not
    # tell a card guesser which numbers exist.
    return {"outcome": "wrong_pin", "attempts_left": policy.attempts_left(new)}


def staff_verifiers(sessions: sessionmaker[Session], site: str) -> dict:
    with sessions() as s:
        rows = s.scalars(select(StaffMember).where(StaffMember.site_id == site).order_by(StaffMember.staff_id))
        return {"site": site, "staff": [{"staff_id": r.staff_id, "card_hash": r.card_hash, "role": r.role,
                                         "name": r.name, "verifier": r.pin_verifier} for r in rows]}


def oidc_provider(sessions: sessionmaker[Session], site: str) -> dict:
    with sessions() as s:
        row = s.get(OidcProviderSetting, site) or s.get(OidcProviderSetting, ANY_SITE)
        if row is None:
            raise BackendError("not_configured", "no OpenID provider is configured for this site", 404)
        return {"issuer": row.issuer, "client_id": row.client_id, "scope": row.scope}


def _verify(verifier: str, pin: str) -> bool:
    try:
        return PasswordHasher().verify(verifier, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# -- HTTP ---------------------------------------------------------------------------------------
class CardPinRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    card: str = Field(pattern=CARD_PATTERN, description="the card number as read (hex digits)")
    pin: str = Field(pattern=PIN_PATTERN, description="4 to 8 digits; never stored or logged")


class CardPinAnswer(BaseModel):
    outcome: Literal["ok", "wrong_pin", "locked"]
    subject: str | None = Field(None, description="pseudonymous resident id (ok only)")
    name: str | None = Field(None, description="for the greeting (ok only)")
    attempts_left: int | None = Field(None, description="wrong_pin only")
    locked_until: str | None = Field(None, description="locked only: ISO 8601 with UTC offset")
    claims: dict[str, str] | None = Field(None, description="ok only, when staff set them at card issue: "
                                                            "birthdate, municipality, resident_district")


class StaffVerifier(BaseModel):
    staff_id: str
    card_hash: str = Field(description="SHA-256 of 'welfare-kiosk-card:<card number>'")
    role: Literal["nurse", "admin"]
    name: str
    verifier: str = Field(description="argon2id hash of the PIN ($argon2id$...)")


class StaffVerifierSet(BaseModel):
    site: str
    staff: list[StaffVerifier]


class OidcProviderAnswer(BaseModel):
    issuer: str
    client_id: str
    scope: str


class IdentityError(BaseModel):
    error: str
    message: str


def identity_router(sessions: sessionmaker[Session]) -> APIRouter:
    """The routes; ``create_app`` includes them."""
    router = APIRouter(prefix=protocol.API_PREFIX + "/identity", tags=["identity"])
    bearer = HTTPBearer(auto_error=False)
    errors = {code: {"model": IdentityError} for code in (401, 403, 404, 422)}

    def device(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> DeviceIdentity:
        return store.authenticate(sessions, creds.credentials if creds else None)

    @router.post("/card/verify", response_model=CardPinAnswer, response_model_exclude_none=True,
                 responses=errors)
    def verify_card(body: CardPinRequest, who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        return verify_card_pin(sessions, body.card, body.pin)

    @router.get("/staff-verifiers", response_model=StaffVerifierSet, responses=errors)
    def get_staff_verifiers(who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        return staff_verifiers(sessions, who.site)

    @router.get("/oidc", response_model=OidcProviderAnswer, responses=errors)
    def get_oidc(who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        return oidc_provider(sessions, who.site)

    return router
