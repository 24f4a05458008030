"""Staff logins and logouts go to the outbox as ``staff_audit`` items, in the same
transaction as the change that caused them, so the city's audit log gets each once."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.orm import Session

from kiosk import outbox

# Events written for the staff key.
LOGIN, LOGOUT, LOGIN_FAILED, LOCKED_OUT, REFUSED_LOCKED = (
    "login", "logout", "login_failed", "locked_out", "refused_locked")
UNKNOWN_STAFF = "unknown"


def record_staff_event(session: Session, event: str, staff_id: str, *, role: str | None = None,
                       detail: str = "", site: str = "", now: datetime | None = None) -> None:
    payload = {"event": event, "staff_id": staff_id,
               "at": (now or datetime.now(timezone.utc)).isoformat(), "detail": detail}
    if role:
        payload["role"] = role
    if site:
        payload["site"] = site
    outbox.record(session, "staff_audit", payload)
