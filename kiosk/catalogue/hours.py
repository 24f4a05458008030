"""Opening hours: is a channel open now, and when does it open or close next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.catalogue.domain import OpeningHours, TimeRange
from kiosk.catalogue.vocab import WEEKDAYS

LOCAL_TZ = ZoneInfo("Europe/Helsinki")


@dataclass(frozen=True)
class OpenStatus:
    open_now: bool
    closes_at: datetime | None = None  # when open now
    opens_at: datetime | None = None  # when closed now; None = not within the next 14 days


def _parse(hhmm: str) -> time:
    h, m = hhmm.split(":")
    return time(int(h) % 24, int(m))


def ranges_on(hours: OpeningHours, day: date) -> tuple[TimeRange, ...]:
    iso = day.isoformat()
    for exc in hours.exceptions:
        if exc.date == iso:
            return () if exc.closed else exc.hours
    return tuple(hours.regular.get(WEEKDAYS[day.weekday()], ()))


def _intervals(hours: OpeningHours, day: date):
    for r in ranges_on(hours, day):
        start = datetime.combine(day, _parse(r.opens), LOCAL_TZ)
        # "24:00" and ranges past midnight close on the next day.
        end_day = day + timedelta(days=1) if r.closes in ("24:00",) or r.closes <= r.opens else day
        end = datetime.combine(end_day, _parse(r.closes), LOCAL_TZ)
        yield start, end


def status(hours: OpeningHours | None, now: datetime) -> OpenStatus | None:
    """None when the channel has no opening hours at all (e.g. a web page)."""
    if hours is None:
        return None
    if hours.always_open:
        return OpenStatus(open_now=True)
    now = now.astimezone(LOCAL_TZ)
    today = now.date()
    for start, end in _intervals(hours, today - timedelta(days=1)):
        if start <= now < end:
            return OpenStatus(True, closes_at=end)
    for offset in range(0, 15):
        for start, end in sorted(_intervals(hours, today + timedelta(days=offset))):
            if start <= now < end:
                return OpenStatus(True, closes_at=end)
            if start > now:
                return OpenStatus(False, opens_at=start)
    return OpenStatus(False)
