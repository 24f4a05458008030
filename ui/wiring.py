"""Plugs the kiosk's services into the window: queue, nurse desk, queue display.

``ui/app.py`` builds the window (home, browse, search, service card); the modules
that need more than the catalogue (a database, a session, the sync client) are
attached here, each as a registered flow place, so a kiosk without one simply does
not show it.
"""

from __future__ import annotations

import logging
from typing import Callable

from kiosk import outbox
from kiosk.config import Config
from kiosk.queue import QueueLine, QueueTicket, WalkInQueue, lines_from_channels
from kiosk.storage.db import Database
from kiosk.walk_in import WalkInDesk

log = logging.getLogger(__name__)


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


def follow_link_for(backend_url: str) -> Callable[[QueueTicket, str], str]:
    base = backend_url.rstrip("/")
    return lambda ticket, lang: f"{base}/api/v1/queue/tickets/{ticket.id}/page?lang={lang}"


def attach_queue(window, *, config: Config, db: Database, catalogue, session=None) -> WalkInQueue | None:
    """Register the resident's queue screen and the nurse's desk; open the display if configured."""
    if not config.modules.queue:
        return None
    lines, problems = queue_lines(config, catalogue)
    for p in problems:
        log.warning("%s", p)
    window.notices = tuple(window.notices) + tuple(problems)
    if not lines:
        log.info("no walk-in queue lines on this kiosk")
        return None
    queue = WalkInQueue(db, lines, outbox=outbox.record, default_service_minutes=config.queue.default_service_min)
    desk = WalkInDesk(db)
    follow = follow_link_for(config.backend.url)

    def resident():
        from ui.screens.queue import QueueScreen
        return QueueScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, queue=queue,
                           catalogue=catalogue, printer=config.queue.printer, follow_link=follow)

    def nurse():
        from ui.screens.staff_queue import StaffQueueScreen
        return StaffQueueScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, queue=queue,
                                desk=desk, catalogue=catalogue, session=session, rooms=config.queue.rooms,
                                now=window.now, identify_visitor=getattr(window, "identify_visitor", None))

    window.register_screen("queue", resident)
    window.register_screen("staff_queue", nurse)
    window.queue = queue
    if config.queue.display:
        open_queue_display(window, queue, config)
    return queue


def open_queue_display(window, queue: WalkInQueue, config: Config):
    from ui.i18n import Translator
    from ui.queue_display import CallAnnouncer, QueueDisplayWindow

    display = QueueDisplayWindow(queue=queue, tr=Translator(config.ui.default_language), metrics=window.metrics,
                                 announcer=CallAnnouncer(config.ui.languages))
    display.setWindowTitle("Queue display")
    display.resize(*config.window_size)
    window.queue_display = display
    display.show()
    return display


def attach_sync(window, *, config: Config, db: Database, catalogue, staff_id: Callable[[], str] = lambda: ""):
    """Start the background sync worker and register the staff status screen.

    The worker's callbacks reach the GUI thread through ``SyncBridge``; a pull that
    changed the catalogue reloads it there, between two screens' events."""
    from kiosk.outbox import OutboxReview
    from sync.catalogue_pull import stored_cursor
    from sync.worker import SyncWorker
    from ui.sync_bridge import SyncBridge

    bridge = SyncBridge(window)
    worker = SyncWorker(db, base_url=config.backend.url, data_dir=config.data_dir, device_name=config.device.name,
                        timeout_s=config.backend.timeout_s, interval_s=config.backend.sync_interval_s,
                        on_status=bridge.on_status)
    seen = {"cursor": stored_cursor(db)}

    def on_status(status) -> None:
        if status.syncing:
            return
        cursor = stored_cursor(db)
        if cursor != seen["cursor"]:
            seen["cursor"] = cursor
            catalogue.reload()
            log.info("catalogue reloaded after sync (cursor %s)", cursor)

    bridge.status_changed.connect(on_status)

    def status_screen():
        from ui.screens.sync_status import SyncStatusScreen
        screen = SyncStatusScreen(tr=window.translator, metrics=window.metrics, review=OutboxReview(db),
                                  sync_now=worker.sync_now, staff=staff_id)
        bridge.status_changed.connect(screen.set_status)
        if bridge.last_status is not None:
            screen.set_status(bridge.last_status)
        return screen

    window.register_screen("sync_status", status_screen)
    window.sync_worker, window.sync_bridge = worker, bridge
    return worker


def attach_identity(window, *, config: Config, db: Database, client=None):
    """One door, one key: the session, the login cover, the session countdown and wipe."""
    from kiosk.identity.lockout import LockoutPolicy
    from kiosk.identity.session import NEXT_PERSON, KioskSession, SessionPolicy
    from kiosk.identity.staff import StaffKey
    from ui.screens.login import LoginKeys, LoginScreen
    from ui.session_bridge import SessionBridge

    ident = config.identity
    session = KioskSession(SessionPolicy.from_config(ident))
    staff = (StaffKey(db, policy=LockoutPolicy(ident.staff_max_failures, ident.staff_lockout_s),
                      site=config.device.site) if ident.staff else None)
    if staff is not None:
        staff.attach(session)  # every session end writes the staff logout audit
    card = phone = None
    if client is not None:
        from sync.identity import CardKey, fetch_oidc_provider

        card = CardKey(client) if ident.card else None

        def phone_key():  # runs on the login screen's worker thread
            # Imported here: token validation (PyJWT, cryptography) costs ~8 MB that a
            # kiosk only needs once someone chooses the phone key.
            from sync.oidc import PhoneKey
            p = fetch_oidc_provider(client)
            return PhoneKey(issuer=p.issuer, client_id=p.client_id, scope=p.scope,
                            timeout_s=config.backend.timeout_s)
        phone = phone_key if ident.phone else None
    keys = LoginKeys(phone=phone, card=card, staff=staff)
    window.session = session
    window.session_bridge = SessionBridge(session, window=window, tr=window.translator, metrics=window.metrics)
    window.login = LoginScreen(parent=window, tr=window.translator, metrics=window.metrics, session=session,
                               keys=keys, after_login=lambda i: i.is_staff and window.flow.go("staff"))
    window.flow.on_reset(lambda: session.end(NEXT_PERSON))  # an idle reset means the next person
    _guard_staff_places(window, session=session, staff_key=staff is not None)
    _attach_visitor_key(window, config=config, session=session, keys=keys)
    idle = getattr(window, "idle_watch", None)
    if idle is not None:
        idle.holds.append(lambda: session.is_open)
    return session


def _guard_staff_places(window, *, session, staff_key: bool) -> None:
    """Staff places open only for a signed-in nurse or admin (``kiosk.flow.STAFF_PLACES``)."""
    from kiosk import flow as places
    from kiosk.identity.session import LOGOUT

    def role():
        return session.identity.role if session.identity is not None else None

    def ask_staff_key(place) -> None:
        if session.is_open and not session.identity.is_staff:
            # A resident's session never opens staff tools; it ends (the kiosk resets) first.
            session.end(LOGOUT)

        def opened(identity) -> None:
            if not places.may_open(place.name, identity.role):
                return
            if window.flow.current == place:
                window.show_current()
            else:
                window.flow.go(place.name, **dict(place.params))
        session.require(f"staff.{place.name}", opened, where=place)

    def re_show(_identity=None, *_rest) -> None:
        if places.staff_only(window.flow.current.name):
            window.show_current()

    session.on_open(re_show)
    session.on_end(re_show)  # and the wipe resets the kiosk to home after it
    window.guard_staff_places(role=role, ask_staff_key=ask_staff_key if staff_key else None)


def _attach_visitor_key(window, *, config: Config, session, keys) -> None:
    """The person in a nurse's walk-in visit may show their own key for the record.

    A second, short-lived session holds their identity only until the visit record has
    their pseudonymous subject; the nurse's session is not touched."""
    from kiosk.identity.session import LOGOUT, KioskSession, SessionPolicy
    from ui.screens.login import LoginKeys, LoginScreen

    if keys.card is None and keys.phone is None:
        return
    visitor = KioskSession(SessionPolicy.from_config(config.identity))
    window.visitor_login = LoginScreen(parent=window, tr=window.translator, metrics=window.metrics,
                                       session=visitor, keys=LoginKeys(phone=keys.phone, card=keys.card, staff=None))
    session.on_end(lambda _identity, _reason: visitor.end(LOGOUT))

    def identify_visitor(done) -> None:
        def resume(identity) -> None:
            try:
                done(identity)
            finally:
                visitor.end(LOGOUT)  # nothing of the visitor stays once the record has the subject
        visitor.require("walk_in.identify", resume)
    window.identify_visitor = identify_visitor


def attach_booking_and_feedback(window, *, config: Config, db: Database, catalogue, session, worker=None):
    """Booking (asks for a key at confirm), My bookings, and the smiley feedback."""
    from kiosk.booking import BookingDesk
    from kiosk.feedback import FeedbackBox

    remote = None
    if worker is not None:
        from sync.booking_client import BookingRemote
        remote = BookingRemote(config.backend.url, data_dir=config.data_dir,
                               timeout_s=min(config.backend.timeout_s, 5))
    desk = BookingDesk(db, catalogue, remote=remote, status_url=remote.status_url() if remote else None,
                       subject_salt=config.device.site)
    if worker is not None:
        window.sync_bridge.status_changed.connect(desk.on_sync_status)
    common = lambda: dict(flow=window.flow, tr=window.translator, metrics=window.metrics, catalogue=catalogue)

    # No "how did it go?" after a booking: the booked service has not been received yet.
    from kiosk import flow as places
    from kiosk.identity.session import LOGOUT

    def booking_done(place) -> None:
        where, end_session = places.after_booking(place)
        if end_session:
            session.end(LOGOUT)  # the resident's key must not stay open at the nurse's desk
        window.flow.home()
        if where != places.HOME:
            window.flow.go(where)

    def known_online():
        status = getattr(window, "sync_bridge", None) and window.sync_bridge.last_status
        return status.online if status is not None else None

    if config.modules.booking:
        def booking():
            from ui.screens.booking import BookingScreen
            return BookingScreen(**common(), desk=desk, session=session,
                                 online=known_online if worker is not None else None, on_done=booking_done)

        def my_bookings():
            from ui.screens.my_bookings import MyBookingsScreen
            return MyBookingsScreen(**common(), desk=desk, session=session,
                                    online=known_online if worker is not None else None)
        window.register_screen("booking", booking)
        window.register_screen("my_bookings", my_bookings)
    if config.modules.feedback:
        box = FeedbackBox(db, repeat_interval_s=config.feedback.repeat_interval_s)

        def feedback():
            from ui.screens.feedback import FeedbackScreen
            return FeedbackScreen(**common(), box=box, now=window.now)
        window.register_screen("feedback", feedback)
    window.booking_desk = desk
    return desk


def attach_services(window, *, config: Config, db: Database, catalogue, app=None, sync: bool = True):
    """Everything beyond browsing, in dependency order; returns what main() must stop."""
    worker = attach_sync(window, config=config, db=db, catalogue=catalogue,
                         staff_id=lambda: _staff_subject(window)) if sync else None
    session = attach_identity(window, config=config, db=db, client=worker.client if worker else None)
    attach_queue(window, config=config, db=db, catalogue=catalogue, session=session)
    attach_booking_and_feedback(window, config=config, db=db, catalogue=catalogue, session=session, worker=worker)
    attach_video(window, config=config, session=session, client=worker.client if worker else None)
    attach_participation(window, config=config, db=db, session=session)
    if worker is not None:
        worker.start()
    return worker


def attach_participation(window, *, config: Config, db: Database, session):
    """Take part (issue 14): questions from the catalogue pull, votes through the outbox."""
    if not config.modules.participation:
        return None
    from kiosk.participation import ParticipationDesk

    desk = ParticipationDesk(db, now=window.now)
    base = config.backend.url.rstrip("/")

    def is_online() -> bool:
        bridge = getattr(window, "sync_bridge", None)
        status = bridge.last_status if bridge is not None else None
        return bool(status is not None and status.online)

    def build():
        from ui.screens.participation import ParticipationScreen
        from ui.theme import THEMES
        return ParticipationScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, desk=desk,
                                   session=session, is_online=is_online, palette=THEMES.get(config.ui.theme),
                                   receipt_link=lambda item_id, lang: f"{base}/participation/receipt/{item_id}"
                                                                      f"?lang={lang}")
    window.register_screen("participation", build)
    window.participation = desk
    return desk


def _staff_subject(window) -> str:
    session = getattr(window, "session", None)
    ident = session.identity if session is not None else None
    return ident.subject if ident is not None and ident.is_staff else ""


def attach_video(window, *, config: Config, session=None, client=None):
    """Video calls: the 'Talk to a nurse now' tile asks the backend for a room off the GUI
    thread. What follows a call is ``kiosk.flow.after_call``: feedback only after a call
    that took place; a failed call says so on the call screen and offers the next step."""
    if not config.modules.video:
        return None
    from kiosk import flow as places
    from kiosk import video as policy
    from ui.background import BackgroundCalls

    runner = BackgroundCalls(window)
    state = {"screen": None, "room": None, "asking": False, "source": None, "call": None}

    def room_in_own_process(call):
        from ui.video.process_room import CallProcessRoom
        device_file = config.source[1] if len(config.source) > 1 else None
        return CallProcessRoom(call, config_path=device_file, language=window.translator.language,
                               fullscreen=config.ui.fullscreen)

    def build():
        from ui.screens.video import VideoScreen
        screen = VideoScreen(tr=window.translator, metrics=window.metrics, video=config.video,
                             embedded_room=room_in_own_process if config.video.separate_process else None)
        screen.call_started.connect(lambda call: state.__setitem__("call", call))
        screen.call_finished.connect(finished)
        screen.alternative_chosen.connect(alternative)
        state["screen"] = screen
        if session is not None:
            session.on_wipe("video", lambda *_: screen.clear())
        return screen

    def display_name() -> str:
        ident = session.identity if session is not None else None
        return (ident.name or "") if ident is not None else ""

    def on_place(place) -> None:
        # The place opened without a call: "Talk to a nurse now" from the home tile, or a
        # nurse's "Call a specialist" (source given) for the person in front of them.
        if place.name != "video" or place.get("call") is not None or state["asking"]:
            return
        screen = state["screen"]
        if screen is None or screen.in_call:
            return
        ask_for_room(place.get("source") or policy.FROM_ON_DEMAND)

    def ask_for_room(source: str) -> None:
        screen = state["screen"]
        state["source"] = source
        service = config.video.on_demand_service
        if not service or client is None:
            screen.show_unavailable("offline" if client is None else "no_one_available", resident_steps(source))
            return
        from sync.client import BackendUnavailable, NotEnrolled
        from sync.video_rooms import NoOneAvailable, request_room

        lang = window.translator.language
        state["asking"] = True

        def got(offer, error) -> None:
            state["asking"] = False
            if window.flow.current.name != "video":
                if offer is not None:  # the person left while we asked: give the room back
                    runner.run(lambda: _release(client, offer.room), lambda *_: None)
                return
            if isinstance(error, NoOneAvailable):
                screen.show_unavailable("no_one_available", resident_steps(source))
            elif error is not None:
                if not isinstance(error, (BackendUnavailable, NotEnrolled)):
                    log.warning("on-demand video room: %s", error)
                screen.show_unavailable("offline", resident_steps(source))
            else:
                state["room"] = offer.room
                from ui.video import webengine_available
                call = policy.plan_call(config.video, service_id=offer.service_id, source=source,
                                        lang=lang, display_name=display_name(), room=offer.room, link=offer.link,
                                        webengine_available=webengine_available())
                screen.start_call(call)
        runner.run(lambda: request_room(client, service_id=service, language=lang), got)

    def resident_steps(source: str) -> tuple[str, ...]:
        # A nurse's specialist call is not the resident's: no queue number or booking there.
        return () if source == policy.FROM_SPECIALIST else policy.alternatives(config.modules)

    def finished(outcome) -> None:
        room, state["room"] = state["room"], None
        if room and client is not None:
            runner.run(lambda: _release(client, room), lambda *_: None)
        if window.flow.current.name != "video":
            return  # a reset or the person left: the kiosk is already elsewhere
        step = places.after_call(outcome, feedback_known=window.flow.knows("feedback"))
        if step == places.CALL_BACK:
            window.flow.back()  # back to the nurse's desk and the visit going on there
        elif step == places.CALL_FEEDBACK:
            window.flow.replace("feedback", service_id=outcome.service_id, context="video")
        elif step == places.CALL_FAILED:
            state["source"] = outcome.source
            extra = ("desk",) if outcome.source == policy.FROM_SPECIALIST else resident_steps(outcome.source)
            state["screen"].show_failed(outcome.reason, ("retry", *extra))
        else:
            window.flow.home()

    def alternative(name: str) -> None:
        if name == "retry":
            call, source = state["call"], state["source"] or policy.FROM_ON_DEMAND
            if call is not None and call.source == policy.FROM_APPOINTMENT:
                state["screen"].start_call(call)  # a booked appointment keeps its own room
            else:
                ask_for_room(source)
        elif name == "desk":
            window.flow.back()  # the nurse's desk, where the visit goes on
        elif name == "home":
            window.flow.home()
        else:
            window.flow.replace(name)

    window.register_screen("video", build)
    window.flow.on_change(on_place)
    idle = getattr(window, "idle_watch", None)
    if idle is not None:
        idle.holds.append(lambda: state["screen"] is not None and state["screen"].in_call)
    return build


def _release(client, room: str) -> None:
    from sync.video_rooms import release_room
    try:
        release_room(client, room)
    except Exception as exc:  # the room expires on the backend anyway
        log.info("video room %s not released now: %s", room, exc)
