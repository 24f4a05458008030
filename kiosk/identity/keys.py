"""Who is at the kiosk: the keys a person can use and what a key proves.

A *key* proves who someone is; the session (``kiosk.identity.session``) is what the key
opens. Everything here is plain data and checks, with no Qt and no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Mapping

# The keys; each is switched on per device in [identity] of the configuration.
PHONE = "phone"    # RFC 8628 device flow against the city's OpenID provider
CARD = "card"      # resident card + PIN, verified by the backend
STAFF = "staff"    # staff card + PIN, verified on the kiosk from synced argon2id verifiers
KEYS = (PHONE, CARD, STAFF)

# Roles a session can have; the idle timeout depends on the role.
RESIDENT = "resident"
NURSE = "nurse"
ADMIN = "admin"
STAFF_ROLES = (NURSE, ADMIN)
ROLES = (RESIDENT,) + STAFF_ROLES


class KeyRefused(Exception):
    """A key did not open a session. ``reason`` is a stable code the UI translates.

    Reasons: ``wrong_pin`` (``attempts_left`` may be set), ``locked`` (``locked_until``
    set), ``unknown_card``, ``garbage_card``, ``bad_pin_format``, ``offline`` (no
    contact with the backend), ``no_provider`` (no OpenID provider is set up for the
    phone key), ``provider_unreachable`` (the OpenID provider does not answer),
    ``denied``, ``expired``, ``bad_token``, ``disabled``.
    """

    def __init__(self, reason: str, message: str = "", *, attempts_left: int | None = None,
                 locked_until: datetime | None = None) -> None:
        super().__init__(message or reason)
        self.reason = reason
        self.attempts_left = attempts_left
        self.locked_until = locked_until


@dataclass(frozen=True)
class Identity:
    """What a key proved. ``subject`` is pseudonymous (the provider's ``sub``, the
    backend's resident subject, or the staff id); ``name`` is for greeting only."""

    key: str
    subject: str
    name: str
    role: str = RESIDENT
    # What the key tells about the person that rules may use (participation eligibility:
    # birthdate, municipality, resident_district); empty when the key tells nothing.
    claims: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.key not in KEYS:
            raise ValueError(f"unknown key {self.key!r}")
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")
        if not self.subject:
            raise ValueError("an identity needs a subject")

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    def __repr__(self) -> str:  # logs must not carry names
        return f"Identity(key={self.key!r}, role={self.role!r})"


# -- card reads and PINs ------------------------------------------------------------------
# Keyboard-emulating readers type the number and Enter; magnetic-stripe readers wrap it
# in sentinels (";1234...?" or "%B1234...?"). Anything else is a misread or a stray
# keypress burst and is ignored with a hint, never sent anywhere.
_SENTINELS = re.compile(r"^(?:;|%B?)?(?P<number>[0-9A-Fa-f]{6,24})\??$")
_PIN = re.compile(r"^[0-9]{4,8}$")


def parse_card_read(text: str) -> str | None:
    """The card number in what a reader (or a finger) typed, or None for garbage."""
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace(" ", "").replace("-", "")
    m = _SENTINELS.match(cleaned)
    return m.group("number").upper() if m else None


def valid_pin(pin: str) -> bool:
    return isinstance(pin, str) and bool(_PIN.match(pin))


def card_fingerprint(card_number: str) -> str:
    """How a card is named in synced staff verifiers and lockouts: never the number itself."""
    import hashlib

    return hashlib.sha256(f"welfare-kiosk-card:{card_number}".encode()).hexdigest()
