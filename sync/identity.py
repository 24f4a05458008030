"""The kiosk's side of identity over the network: resident card + PIN verification, the
staff verifier download, and the OpenID provider setting for the phone key.

Network failures come out as ``KeyRefused("offline")`` so the login screen can say
"no connection, try again or use another key" and offer a way back; a backend with
no OpenID provider set up gives ``KeyRefused("no_provider")``; nothing here
touches widgets. The staff key itself never needs this module to log in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from kiosk.identity.keys import CARD, Identity, KeyRefused, parse_card_read, valid_pin
from kiosk.identity.staff import VerifierSetError, replace_staff_verifiers
from kiosk.storage.db import Database
from sync.client import BackendClient, BackendUnavailable, BadResponse, Refused, SyncError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OidcProviderSetting:
    issuer: str
    client_id: str
    scope: str


class CardKey:
    """Resident card + PIN, verified by the backend (it keeps the lockout)."""

    def __init__(self, client: BackendClient) -> None:
        self.client = client

    def login(self, card_read: str, pin: str) -> Identity:
        card = parse_card_read(card_read)
        if card is None:
            raise KeyRefused("garbage_card", "the card could not be read")
        if not valid_pin(pin):
            raise KeyRefused("bad_pin_format", "a PIN is 4 to 8 digits")
        try:
            answer = self.client._call("POST", "/identity/card/verify", body={"card": card, "pin": pin})
        except BackendUnavailable as exc:
            raise KeyRefused("offline", str(exc)) from None
        except (BadResponse, Refused, SyncError) as exc:
            # Not enrolled, revoked, or a broken answer: the person can do nothing about
            # it, so the screen says "cannot check cards now" and logs the cause for IT.
            log.error("card verification failed: %s", exc)
            raise KeyRefused("offline", str(exc)) from None
        return _card_answer(answer)


def _card_claims(raw: object) -> dict[str, str]:
    """The eligibility claims staff set on the card; a malformed set counts as none (the
    rules then say which key can answer, rather than guess)."""
    from kiosk.participation import CLAIM_FIELDS, claim_problems

    if not isinstance(raw, dict):
        return {}
    claims = {k: v for k, v in raw.items() if k in CLAIM_FIELDS}
    if claim_problems(claims):
        log.error("the backend's card claims are malformed; ignored")
        return {}
    return claims


def _card_answer(answer: object) -> Identity:
    if not isinstance(answer, dict) or answer.get("outcome") not in ("ok", "wrong_pin", "locked"):
        raise KeyRefused("offline", "the backend's answer to a card check is not understood")
    outcome = answer["outcome"]
    if outcome == "ok":
        subject, name = answer.get("subject"), answer.get("name")
        if not isinstance(subject, str) or not subject or not isinstance(name, str):
            raise KeyRefused("offline", "the backend's answer to a card check has no subject")
        return Identity(CARD, subject, name, claims=_card_claims(answer.get("claims")))
    if outcome == "wrong_pin":
        left = answer.get("attempts_left")
        raise KeyRefused("wrong_pin", "card or PIN not right",
                         attempts_left=left if isinstance(left, int) and not isinstance(left, bool) else None)
    try:
        until = datetime.fromisoformat(answer.get("locked_until") or "")
    except (TypeError, ValueError):
        until = None
    raise KeyRefused("locked", "too many wrong PINs", locked_until=until)


def sync_staff_verifiers(client: BackendClient, db: Database) -> int:
    """Download this site's staff verifiers and store them, all or nothing.

    Raises SyncError (network, credentials) or BadResponse (a set that fails the
    checks); in both cases the verifiers already on the kiosk stay in use.
    """
    answer = client._call("GET", "/identity/staff-verifiers")
    if not isinstance(answer, dict) or not isinstance(answer.get("staff"), list):
        raise BadResponse("the staff verifier answer has no staff list")
    if client.credentials is not None and answer.get("site") != client.credentials.site:
        raise BadResponse(f"the backend sent staff of site {answer.get('site')!r}, "
                          f"this kiosk belongs to {client.credentials.site!r}")
    try:
        return replace_staff_verifiers(db, answer["staff"])
    except VerifierSetError as exc:
        raise BadResponse(f"the staff verifiers were not stored: {exc}") from None


def fetch_oidc_provider(client: BackendClient) -> OidcProviderSetting:
    try:
        answer = client._call("GET", "/identity/oidc")
    except BackendUnavailable as exc:
        raise KeyRefused("offline", str(exc)) from None
    except Refused as exc:
        if exc.code == "not_configured":  # IT has not set a provider: say so, not "no contact"
            raise KeyRefused("no_provider", str(exc)) from None
        log.error("cannot get the OpenID provider setting: %s", exc)
        raise KeyRefused("offline", str(exc)) from None
    except SyncError as exc:
        log.error("cannot get the OpenID provider setting: %s", exc)
        raise KeyRefused("offline", str(exc)) from None
    if not isinstance(answer, dict) or not all(isinstance(answer.get(k), str) and answer.get(k)
                                               for k in ("issuer", "client_id", "scope")):
        raise KeyRefused("offline", "the backend's OpenID provider setting is incomplete")
    return OidcProviderSetting(answer["issuer"], answer["client_id"], answer["scope"])
