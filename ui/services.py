"""The composition root's product: every service of this kiosk, built once from the
configuration. No Qt here (it is plain objects), but it lives beside ``ui`` because it
builds the sync side too (``kiosk`` never imports ``sync``).

``main()`` (ui/app.py) calls ``build_services`` once, then ``ui.wiring.attach_services``
hands each screen what it needs as keyword arguments. Nothing is stuck onto the window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from kiosk import outbox
from kiosk.config import Config
from kiosk.queue import QueueLine, QueueTicket, WalkInQueue, lines_from_channels
from kiosk.storage.db import Database

log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class KioskServices:
    """What the screens of this kiosk work with. A module switched off is None."""

    config: Config
    db: Database
    catalogue: Any                       # kiosk.catalogue.service.Catalogue
    session: Any                         # kiosk.identity.session.KioskSession
    booking: Any                         # kiosk.booking.BookingDesk
    video: Any                           # kiosk.config's [video] section: the video policy's input
    now: Callable[[], datetime] = _utc_now
    version: str = ""
    notices: tuple[str, ...] = ()        # for staff: the database's and the configuration's
    sync_worker: Any = None              # sync.worker.SyncWorker (None: no network at all)
    staff_key: Any = None                # kiosk.identity.staff.StaffKey
    card_key: Any = None                 # sync.identity.CardKey
    phone_key: Callable[[], Any] | None = None   # made per login (the provider comes from the backend)
    visitor_session: Any = None          # the walk-in visitor's own short session
    queue: WalkInQueue | None = None
    walk_in: Any = None                  # kiosk.walk_in.WalkInDesk
    feedback: Any = None                 # kiosk.feedback.FeedbackBox
    participation: Any = None            # kiosk.participation.ParticipationDesk
    announcements: Any = None            # kiosk.announcements.AnnouncementBoard (the city's notices)
    checkin: Any = None                  # kiosk.checkin.CheckInDesk: arriving for a booked time (issue 17)
    speaker: Any = None                  # kiosk.speech.Speaker (speech output; its engine runs on the speech thread)
    # Lines whose new tickets ask the resident's priority questions (kiosk/priority_questions.py).
    priority_lines: frozenset[str] = frozenset()
    # Told every sync status, on the sync thread (the UI's SyncBridge joins here).
    status_listeners: list[Callable[[Any], None]] = field(default_factory=list)

    @property
    def client(self):
        """The backend client the sync worker holds (None offline-only)."""
        return self.sync_worker.client if self.sync_worker is not None else None

    def staff_subject(self) -> str:
        ident = self.session.identity
        return ident.subject if ident is not None and ident.is_staff else ""

    def stop(self) -> None:
        if self.sync_worker is not None:
            self.sync_worker.stop()


def queue_lines(config: Config, catalogue) -> tuple[list[QueueLine], list[str]]:
    """The device's queue lines from the catalogue's walk-in channels, and problems found.

    ``queue.lines`` names channels; empty means every walk-in channel. An id that is not
    a walk-in channel of the catalogue in use is reported for staff and left out."""
    walk_ins = {c.id: s.id for s in catalogue.all_services() for c in s.channels if c.kind == "walk_in"}
    problems = []
    if config.queue.lines:
        chosen = []
        for cid in config.queue.lines:
            if cid in walk_ins:
                chosen.append((cid, walk_ins[cid]))
            else:
                problems.append(f"queue.lines: {cid!r} is not a walk-in channel of the catalogue; left out")
    else:
        chosen = list(walk_ins.items())
    return lines_from_channels(chosen[:22]), problems


def order_rule(config: Config):
    """One order for walk-ins and appointments (kiosk/queue_order.py) from ``[queue]``."""
    from kiosk.queue_order import INFANT, NEEDS_HELP, URGENT, OrderRule
    q = config.queue
    return OrderRule(priority_head_start_min={INFANT: q.priority_head_start_min, NEEDS_HELP: q.priority_head_start_min,
                                              URGENT: q.urgent_head_start_min},
                     appointment_head_start_min=q.appointment_head_start_min,
                     appointments_first=frozenset(q.appointments_first))


def follow_link_for(backend_url: str) -> Callable[[QueueTicket, str], str]:
    base = backend_url.rstrip("/")
    return lambda ticket, lang: f"{base}/api/v1/queue/tickets/{ticket.id}/page?lang={lang}"


def build_services(config: Config, db: Database, catalogue, *, sync: bool = True, version: str = "",
                   now: Callable[[], datetime] = _utc_now) -> KioskServices:
    """Every service, in dependency order. ``sync=False``: no worker, no network (the
    start-up benchmark, tests). Nothing here starts a thread: main() starts the worker."""
    from kiosk.booking import BookingDesk
    from kiosk.identity.lockout import LockoutPolicy
    from kiosk.identity.session import LOGOUT, KioskSession, SessionPolicy
    from kiosk.identity.staff import StaffKey

    notices = list(db.notices)
    listeners: list[Callable[[Any], None]] = []
    worker = None
    if sync:
        from sync.worker import SyncWorker

        def on_status(status) -> None:
            for listener in list(listeners):
                listener(status)
        worker = SyncWorker(db, base_url=config.backend.url, data_dir=config.data_dir,
                            device_name=config.device.name, timeout_s=config.backend.timeout_s,
                            interval_s=config.backend.sync_interval_s, on_status=on_status)

    ident = config.identity
    session = KioskSession(SessionPolicy.from_config(ident))
    staff = (StaffKey(db, policy=LockoutPolicy(ident.staff_max_failures, ident.staff_lockout_s),
                      site=config.device.site) if ident.staff else None)
    # Every session end writes the staff logout audit: ui/wiring.py hands that write to
    # the database thread (a session ends on a tap or the idle timer, on the GUI thread).
    card = phone = None
    if worker is not None:
        from sync.identity import CardKey, fetch_oidc_provider
        client = worker.client
        card = CardKey(client) if ident.card else None

        def phone_key():  # runs on the login screen's background thread
            # Imported here: token validation (PyJWT, cryptography) costs ~8 MB that a
            # kiosk only needs once someone chooses the phone key.
            from sync.oidc import PhoneKey
            p = fetch_oidc_provider(client)
            return PhoneKey(issuer=p.issuer, client_id=p.client_id, scope=p.scope,
                            timeout_s=config.backend.timeout_s)
        phone = phone_key if ident.phone else None
    visitor = None
    if card is not None or phone is not None:
        visitor = KioskSession(SessionPolicy.from_config(ident))
        session.on_end(lambda _identity, _reason: visitor.end(LOGOUT))

    queue = walk_in = None
    priority_lines: frozenset[str] = frozenset()
    if config.modules.queue:
        from kiosk.walk_in import WalkInDesk
        lines, problems = queue_lines(config, catalogue)
        for p in problems:
            log.warning("%s", p)
        notices.extend(problems)
        if lines:
            queue = WalkInQueue(db, lines, outbox=outbox.record,
                                default_service_minutes=config.queue.default_service_min,
                                order_rule=order_rule(config))
            walk_in = WalkInDesk(db)
            asked = set(config.queue.priority_questions)
            for unknown in sorted(asked - {"*"} - {line.id for line in lines}):
                notices.append(f"queue.priority_questions: {unknown} is not a queue line of this kiosk")
            priority_lines = frozenset(asked)
        else:
            log.info("no walk-in queue lines on this kiosk")

    remote = None
    if worker is not None:
        from sync.booking_client import BookingRemote
        remote = BookingRemote(config.backend.url, data_dir=config.data_dir,
                               timeout_s=min(config.backend.timeout_s, 5))
    from kiosk.announcements import AnnouncementBoard
    announcements = AnnouncementBoard(db, now=now)
    booking = BookingDesk(db, catalogue, remote=remote, status_url=remote.status_url() if remote else None,
                          subject_salt=config.device.site)
    if worker is not None:
        # Its follow-up sends HTTP: on the sync worker's thread, never on the GUI thread.
        worker.after_sync(booking.on_sync_status)

        from sync.catalogue_pull import stored_cursor
        seen = {"cursor": stored_cursor(db)}

        def reload_catalogue(status) -> None:
            # On the sync thread too: the reload reads the database and rebuilds the
            # search index; the catalogue swaps its lists in whole, so a screen reading it
            # meanwhile sees the old one or the new one.
            cursor = stored_cursor(db)
            if cursor != seen["cursor"]:
                seen["cursor"] = cursor
                catalogue.reload()
                announcements.reload()  # the city's notices came with the same pull
                log.info("catalogue reloaded after sync (cursor %s)", cursor)
        worker.after_sync(reload_catalogue)

    checkin = None
    if queue is not None and config.modules.booking:
        from kiosk.checkin import CheckInDesk, CheckInRule, CheckInError, parse_places
        try:
            places = parse_places(config.queue.places)
        except CheckInError as exc:  # the ticket then names no room; the rest works
            log.warning("queue.places: %s", exc)
            notices.append(f"queue.places: {exc}")
            places = {}
        # The kiosk's rule is the default; a service's channel may set its own (catalogue ``checkin``).
        checkin = CheckInDesk(db, queue, booking, rule=CheckInRule(early_min=config.queue.checkin_early_min,
                                                                   late_min=config.queue.checkin_late_min),
                              places=places, catalogue=catalogue, now=now)

    feedback = None
    if config.modules.feedback:
        from kiosk.feedback import FeedbackBox
        feedback = FeedbackBox(db, repeat_interval_s=config.feedback.repeat_interval_s)
    participation = None
    if config.modules.participation:
        from kiosk.participation import ParticipationDesk
        participation = ParticipationDesk(db, now=now)

    from kiosk.speech import Speaker, make_engine
    sp = config.speech
    speaker = Speaker(make_engine(sp.engine), default_volume=sp.default_volume, headphones=sp.headphones,
                      on=sp.on_at_start)

    services = KioskServices(config=config, db=db, catalogue=catalogue, session=session, booking=booking,
                             video=config.video, now=now, version=version, notices=tuple(notices),
                             sync_worker=worker, staff_key=staff, card_key=card, phone_key=phone,
                             visitor_session=visitor, queue=queue, walk_in=walk_in, feedback=feedback,
                             participation=participation, announcements=announcements,
                             status_listeners=listeners, checkin=checkin, speaker=speaker,
                             priority_lines=priority_lines)
    return services
