"""When a notice shows, by the kiosk's clock in Helsinki time: late evening (faketime
23:40 Helsinki), midnight and the night the clocks go back."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kiosk.announcements import AnnouncementError, parse_announcement, showing
from kiosk.catalogue.hours import LOCAL_TZ


def notice(starts: str, ends: str, **extra):
    return parse_announcement({"id": "n1", "texts": {"fi": "Hei"}, "starts": starts, "ends": ends, **extra})


def helsinki(*args) -> datetime:
    return datetime(*args, tzinfo=LOCAL_TZ)


def test_a_notice_for_today_shows_until_midnight_helsinki_at_any_hour():
    now = datetime.now(timezone.utc)  # under faketime '@2026-12-05 21:40:00' this is 23:40 in Helsinki
    today = now.astimezone(LOCAL_TZ).date()
    start = helsinki(today.year, today.month, today.day)
    end = start + timedelta(days=1)
    n = notice(start.isoformat(), end.isoformat())
    assert n.showing(now)
    assert n.showing(end - timedelta(minutes=20)) and not n.showing(end)
    assert not n.showing(start - timedelta(seconds=1))


def test_the_night_the_clocks_go_back():
    # 2026-10-25: 04:00 summer time becomes 03:00 winter time; 03:15 happens twice.
    n = notice("2026-10-25T03:00:00+03:00", "2026-10-25T03:30:00+02:00")
    first_0315 = datetime.fromisoformat("2026-10-25T03:15:00+03:00")
    second_0315 = datetime.fromisoformat("2026-10-25T03:15:00+02:00")
    assert n.showing(first_0315) and n.showing(second_0315)
    assert not n.showing(datetime.fromisoformat("2026-10-25T03:45:00+02:00"))
    assert n.ends - n.starts == timedelta(hours=1, minutes=30)


def test_urgent_first_and_a_text_in_the_screen_language_or_the_citys_first():
    now = datetime(2026, 12, 5, 21, 40, tzinfo=timezone.utc)
    info = parse_announcement({"id": "info", "texts": {"fi": "Tiedote", "sv": "Meddelande"},
                               "starts": "2026-12-05T08:00:00+02:00", "ends": "2026-12-06T08:00:00+02:00"})
    urgent = parse_announcement({"id": "urgent", "texts": {"sv": "Stängt"}, "priority": "urgent",
                                 "starts": "2026-12-01T08:00:00+02:00", "ends": "2026-12-06T08:00:00+02:00"})
    assert [a.id for a in showing([info, urgent], now)] == ["urgent", "info"]
    assert info.text("sv") == "Meddelande" and info.text("en") == "Tiedote"
    assert urgent.text("fi") == "Stängt" and urgent.language_of_text("fi") == "sv"


def test_a_notice_without_an_offset_or_with_its_end_first_is_refused():
    with pytest.raises(AnnouncementError) as err:
        notice("2026-12-05T08:00:00", "2026-12-05T07:00:00+02:00")
    assert "starts: expected a time with a UTC offset" in str(err.value)
    with pytest.raises(AnnouncementError) as err:
        notice("2026-12-05T08:00:00+02:00", "2026-12-05T08:00:00+02:00")
    assert "ends: must be after starts" in str(err.value)
