"""Turning catalogue facts into words for the resident (no widgets here)."""

from __future__ import annotations

from datetime import datetime, timedelta

from kiosk.catalogue import hours
from kiosk.catalogue.domain import Channel, OpeningHours, Service, tr as text_in
from kiosk.catalogue.vocab import WEEKDAYS
from ui.i18n import Translator

# Channels that have a place or a person behind them: these decide "open now".
STAFFED_KINDS = ("visit", "walk_in", "phone", "video")


def channel_status(t: Translator, channel: Channel, now: datetime) -> tuple[str, str] | None:
    """('Open now, closes 16.00', 'open') or ('Opens Tuesday 08.00', 'closed'); None without hours."""
    st = hours.status(channel.opening_hours, now)
    if st is None:
        return None
    if st.open_now:
        if st.closes_at is None:
            return t.t("status.open_always"), "open"
        return t.t("status.open_closes", time=t.time(st.closes_at)), "open"
    if st.opens_at is None:
        return t.t("status.closed_for_now"), "closed"
    local_now = now.astimezone(hours.LOCAL_TZ).date()
    opens_day = st.opens_at.astimezone(hours.LOCAL_TZ).date()
    if opens_day == local_now:
        day = t.t("day.today")
    elif opens_day == local_now + timedelta(days=1):
        day = t.t("day.tomorrow")
    else:
        day = t.label("weekday.on", WEEKDAYS[opens_day.weekday()])
    return t.t("status.opens_at", day=day, time=t.time(st.opens_at)), "closed"


def service_status(t: Translator, service: Service, now: datetime) -> tuple[str, str] | None:
    """The most useful status of a service: open somewhere now, else the soonest opening."""
    best: tuple[str, str] | None = None
    soonest = None
    for ch in service.channels:
        if ch.kind not in STAFFED_KINDS:
            continue
        st = hours.status(ch.opening_hours, now)
        if st is None:
            continue
        if st.open_now:
            return channel_status(t, ch, now)
        if st.opens_at is not None and (soonest is None or st.opens_at < soonest):
            soonest, best = st.opens_at, channel_status(t, ch, now)
    return best


def weekly_hours(t: Translator, oh: OpeningHours | None) -> list[str]:
    """'Monday–Wednesday 08.00–16.00' lines, consecutive days with the same hours grouped."""
    if oh is None:
        return []
    if oh.always_open:
        return [t.t("status.open_always")]

    def ranges(day: str) -> str:
        return ", ".join(f"{clock(t, r.opens)}–{clock(t, r.closes)}" for r in oh.regular.get(day, ()))

    lines: list[str] = []
    i = 0
    while i < len(WEEKDAYS):
        j = i
        while j + 1 < len(WEEKDAYS) and ranges(WEEKDAYS[j + 1]) == ranges(WEEKDAYS[i]):
            j += 1
        text = ranges(WEEKDAYS[i]) or t.t("status.closed")
        first = t.label("weekday", WEEKDAYS[i])
        days = first if i == j else f"{first}–{t.label('weekday', WEEKDAYS[j])}"
        lines.append(f"{days[:1].upper()}{days[1:]} {text}")
        i = j + 1
    return lines


def clock(t: Translator, hhmm: str) -> str:
    """'08:00' as the language writes it ('8.00' in fi/sv); '24:00' stays midnight."""
    h, m = (int(x) for x in hhmm.split(":"))
    return t.t("format.clock", h=h, m=m)


def address_lines(channel: Channel, lang: str) -> list[str]:
    a = channel.address or {}
    if not a:
        return []
    lines = [text_in(a.get("street") or {}, lang)]
    if a.get("room"):
        lines.append(text_in(a["room"], lang))
    lines.append(f"{a.get('postal_code', '')} {text_in(a.get('city') or {}, lang)}".strip())
    return [x for x in lines if x]


def qr_text(t: Translator, service: Service, lang: str) -> str:
    """What the QR code carries to the phone: plain text any phone camera can show."""
    lines = [text_in(service.names, lang), text_in(service.responsible_provider.names, lang)]
    for ch in service.channels:
        lines += address_lines(ch, lang)
        if ch.phone:
            lines.append(ch.phone)
        if ch.url:
            lines.append(ch.url)
    contact = service.responsible_provider.contact
    if contact.get("phone") and contact["phone"] not in lines:
        lines.append(contact["phone"])
    if contact.get("web") and contact["web"] not in lines:
        lines.append(contact["web"])
    return "\n".join(dict.fromkeys(x for x in lines if x))


def queue_line_name(lines, catalogue, line_id: str, lang: str) -> str:
    """A queue line in words: the name of its service in ``lang`` (``lines`` is
    ``WalkInQueue.lines``); the bare id only if the catalogue no longer has it."""
    line = lines.get(line_id)
    service = catalogue.service(line.service_id) if line is not None and catalogue is not None else None
    return text_in(service.names, lang) if service is not None else line_id


def place_text(t: Translator, place) -> str:
    """Where a line is served (``kiosk.checkin.Place``), for the screen and the ticket; '' unknown."""
    if place is None or not place.room:
        return ""
    return t.t("checkin.room_floor", room=place.room, floor=place.floor) if place.floor \
        else t.t("checkin.room", room=place.room)


def wait_text(t: Translator, est) -> str:
    """A ``WaitEstimate`` in words: 'You are next', or 'Edelläsi 3, noin 20 min'."""
    if est.ahead == 0:
        return t.t("queue.next")
    return f"{t.t('queue.ticket_lines.ahead', n=est.ahead)}, {t.t('queue.wait', count=est.minutes)}"


def paper_translator(t: Translator) -> Translator:
    """The translator for a printed ticket. A thermal printer's text mode runs left to right
    and does not join letters, so Arabic would come out as loose letters in reverse order: a
    right-to-left reader's ticket is printed in the language their catalogue texts are shown
    in (fi, sv or en, their choice), while the screen stays in Arabic."""
    return Translator(t.data_language, catalogues=t.catalogues) if t.rtl else t
