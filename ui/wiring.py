"""Plugs the kiosk's services (``ui.services.KioskServices``) into the window.

``ui/app.py`` builds the services once and the window (home, browse, search, service
card); each module that needs more than the catalogue is registered here as a flow
place, given what it needs as keyword arguments, so a kiosk without one simply does
not show it. What follows what is ``kiosk.navigation``; this module only follows it.
What the window shows and the tests reach (the login cover, the bridges) is returned
as a ``KioskParts``; nothing is stuck onto the window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable

from kiosk import navigation
from kiosk.queue import WalkInQueue
from ui.background import BackgroundCalls
from ui.services import KioskServices, follow_link_for, queue_lines  # noqa: F401 - queue_lines: old import path

log = logging.getLogger(__name__)


@dataclass
class KioskParts:
    """The window's attached parts (Qt objects) and the services they were built from."""

    services: KioskServices
    runner: BackgroundCalls
    sync_bridge: Any = None
    session_bridge: Any = None
    queue_display: Any = None
    video: navigation.VideoCallNavigation | None = None
    speech: Any = None           # ui.speech.SpeechOutput
    # Covers home does not show (the logins), built at their first use or by
    # build_deferred() once the window is idle after start, whichever comes first.
    _later: dict[str, Callable[[], Any]] = field(default_factory=dict)
    _built: dict[str, Any] = field(default_factory=dict)

    def _part(self, name: str):
        if name not in self._built and name in self._later:
            self._built[name] = self._later.pop(name)()
        return self._built.get(name)

    def has(self, name: str) -> bool:
        """Whether the part exists or will (without building it)."""
        return name in self._built or name in self._later

    def built(self, name: str):
        """The part if it is built already, else None (without building it)."""
        return self._built.get(name)

    def build_deferred(self) -> None:
        """Build what start-up left for later (main() calls it after the first paint)."""
        for name in list(self._later):
            self._part(name)

    @property
    def login(self):
        """The login cover over the window."""
        return self._part("login")

    @property
    def visitor_login(self):
        """The walk-in visitor's own key (None: no key a resident could show)."""
        return self._part("visitor_login")

    @property
    def session(self):
        return self.services.session

    @property
    def queue(self) -> WalkInQueue | None:
        return self.services.queue

    @property
    def sync_worker(self):
        return self.services.sync_worker

    def known_online(self) -> bool | None:
        status = self.sync_bridge.last_status if self.sync_bridge is not None else None
        return status.online if status is not None else None


def attach_services(window, services: KioskServices, *, app=None) -> KioskParts:
    """Everything beyond browsing, in dependency order. main() starts the sync worker."""
    parts = KioskParts(services=services, runner=BackgroundCalls(window))
    if services.sync_worker is not None:
        attach_sync(window, services, parts)
    attach_identity(window, services, parts)
    attach_queue(window, services, parts)
    attach_booking_and_feedback(window, services, parts)
    attach_checkin(window, services, parts)
    attach_video(window, services, parts)
    attach_participation(window, services, parts)
    attach_speech(window, services, parts, app=app)
    return parts


def attach_speech(window, services: KioskServices, parts: KioskParts, *, app=None):
    """Speech output over the whole window (ui/speech.py); the login cover is spoken over
    the screen it covers. Without a speaker (tests that build services by hand) nothing."""
    speaker = services.speaker
    if speaker is None:
        return None
    from kiosk.speech import Utterance
    from ui.speech import SpeechOutput

    t = window.translator
    speaker._private_note = lambda _lang: Utterance(t.t("speech.private_on_screen"), t.language)
    # Only a cover already built is spoken over; one built later joins through follow_cover().
    output = SpeechOutput(window, speaker, long_press_s=services.config.speech.long_press_s, app=app,
                          covers=lambda: [parts.built("login")])
    parts.speech = output
    return output


def attach_queue(window, services: KioskServices, parts: KioskParts | None = None, *,
                 identify_visitor=None) -> WalkInQueue | None:
    """Register the resident's queue screen and the nurse's desk; open the display if configured.
    ``identify_visitor(done)``: asks the person in a visit for their own key (None: no such key)."""
    config, queue = services.config, services.queue
    if queue is None:
        return None
    follow = follow_link_for(config.backend.url)
    identify = identify_visitor
    if identify is None and parts is not None and parts.has("visitor_login"):
        identify = _identify_visitor(parts)

    def resident():
        from ui.screens.queue import QueueScreen
        return QueueScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, queue=queue,
                           catalogue=services.catalogue, printer=config.queue.printer, follow_link=follow,
                           places=services.checkin.places if services.checkin is not None else None,
                           priority_lines=services.priority_lines)

    def priority():
        from ui.screens.priority import PriorityScreen
        screen = PriorityScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, queue=queue)
        if services.session is not None:
            services.session.on_wipe("priority", lambda *_: screen.clear())
        return screen

    def nurse():
        from ui.screens.staff_queue import StaffQueueScreen
        return StaffQueueScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, queue=queue,
                                desk=services.walk_in, catalogue=services.catalogue, session=services.session,
                                rooms=config.queue.rooms, now=services.now, identify_visitor=identify,
                                checkin=services.checkin)

    window.register_screen("queue", resident)
    window.register_screen("staff_queue", nurse)
    if services.priority_lines:
        window.register_screen(navigation.PRIORITY, priority)
    if config.queue.display:
        display = open_queue_display(window, queue, config, announcements=services.announcements)
        if parts is not None:
            parts.queue_display = display
    return queue


def open_queue_display(window, queue: WalkInQueue, config, *, announcements=None):
    from ui.i18n import Translator
    from ui.queue_display import CallAnnouncer, QueueDisplayWindow

    languages = config.queue.display_languages or config.ui.languages
    display = QueueDisplayWindow(queue=queue, tr=Translator(languages[0]), metrics=window.metrics,
                                 announcer=CallAnnouncer(languages), announcements=announcements,
                                 languages=languages, rotate_s=config.queue.display_rotate_s)
    display.setWindowTitle("Queue display")
    display.resize(*config.window_size)
    display.show()
    return display


def attach_sync(window, services: KioskServices, parts: KioskParts):
    """The sync worker's status reaches the GUI thread through ``SyncBridge``; its
    follow-up work (the booking desk's, the catalogue reload) runs on the worker's own
    thread through ``SyncWorker.after_sync`` (ui/services.py)."""
    from kiosk.outbox import OutboxReview
    from ui.sync_bridge import SyncBridge

    worker, db = services.sync_worker, services.db
    bridge = SyncBridge(window)
    services.status_listeners.append(bridge.on_status)
    bridge.on_status(worker.status)  # what the worker knew before the bridge joined
    parts.sync_bridge = bridge
    from ui.speech import staff_lines

    def status_screen():
        from ui.screens.sync_status import SyncStatusScreen
        screen = SyncStatusScreen(tr=window.translator, metrics=window.metrics, review=OutboxReview(db),
                                  sync_now=worker.sync_now, staff=services.staff_subject,
                                  catalogue=services.catalogue,
                                  speech_problems=lambda: staff_lines(window.translator, services.speaker))
        bridge.status_changed.connect(screen.set_status)
        if bridge.last_status is not None:
            screen.set_status(bridge.last_status)
        return screen

    window.register_screen("sync_status", status_screen)
    return bridge


def attach_identity(window, services: KioskServices, parts: KioskParts):
    """One door, one key: the login cover, the session countdown and wipe, the staff gate."""
    from kiosk.identity.session import NEXT_PERSON
    from ui.session_bridge import SessionBridge

    session = services.session
    staff = services.staff_key
    if staff is not None:
        from kiosk.identity.keys import STAFF

        def audit_logout(identity, reason) -> None:
            # StaffKey.attach's write, on the database thread: a session ends on a tap or the idle timer.
            if identity.key == STAFF:
                parts.runner.db(lambda: staff.logout(identity, reason))
        session.on_end(audit_logout)
    parts.session_bridge = SessionBridge(session, window=window, tr=window.translator, metrics=window.metrics)

    def cover(for_session, *, staff_key, **extra):
        # Imported here too: the login module, its PIN pad and QR widget are not needed for home.
        from ui.screens.login import LoginKeys, LoginScreen
        return LoginScreen(parent=window, tr=window.translator, metrics=window.metrics, session=for_session,
                           keys=LoginKeys(phone=services.phone_key, card=services.card_key, staff=staff_key),
                           languages=window.config.ui.languages, go_home=window.flow.home,
                           appearance=window.appearance, **extra)
    _later(parts, "login", session,
           lambda: cover(session, staff_key=services.staff_key,
                         after_login=lambda i: i.is_staff and window.flow.go("staff")))
    window.flow.on_reset(lambda: session.end(NEXT_PERSON))  # an idle reset means the next person
    _guard_staff_places(window, session=session, staff_key=services.staff_key is not None)
    if services.visitor_session is not None:
        _later(parts, "visitor_login", services.visitor_session,
               lambda: cover(services.visitor_session, staff_key=None))
    window.idle_watch.holds.append(lambda: session.is_open)
    return session


def _later(parts: KioskParts, name: str, session, build: Callable[[], Any]) -> None:
    """A login cover built when first needed: start-up pays for home only (about 40 ms less).

    The cover listens for ``session.on_key_needed`` itself once built; the first time a key
    is needed before that, it is built here and shown (a listener that joins while the
    session tells its listeners is told only the next time)."""
    def build_and_follow():
        cover = build()
        if name == "login" and parts.speech is not None:
            parts.speech.follow_cover(cover)
        return cover
    parts._later[name] = build_and_follow

    def first_need(pending) -> None:
        if name in parts._later:
            parts._part(name).ask(pending)
    session.on_key_needed(first_need)


def _guard_staff_places(window, *, session, staff_key: bool) -> None:
    """Staff places open only for a signed-in nurse or admin (``kiosk.flow.STAFF_PLACES``)."""
    from kiosk.identity.session import LOGOUT

    def role():
        return session.identity.role if session.identity is not None else None

    def ask_staff_key(place) -> None:
        if session.is_open and not session.identity.is_staff:
            # A resident's session never opens staff tools; it ends (the kiosk resets) first.
            session.end(LOGOUT)

        def opened(identity) -> None:
            step = navigation.staff_key_opened(place, identity.role, window.flow.current)
            if step.how == navigation.STAY and step.place:
                window.show_current()
            else:
                navigation.follow(window.flow, step)
        session.require(f"staff.{place.name}", opened, where=place)

    def re_show(_identity=None, *_rest) -> None:
        if navigation.staff_only(window.flow.current.name):
            window.show_current()

    session.on_open(re_show)
    # At a session's end, after the window's wipe hook (registered before this one) has reset
    # the kiosk to home: shown from an end listener, the staff gate was drawn and then home
    # (4-8 ms more at a nurse's logout). Still a last word if that reset did not move away.
    session.on_wipe("staff-places", re_show)
    window.guard_staff_places(role=role, ask_staff_key=ask_staff_key if staff_key else None)


def _identify_visitor(parts: KioskParts):
    """The person in a nurse's walk-in visit may show their own key for the record.

    A second, short-lived session holds their identity only until the visit record has
    their pseudonymous subject; the nurse's session is not touched."""
    from kiosk.identity.session import LOGOUT

    visitor = parts.services.visitor_session

    def identify_visitor(done) -> None:
        def resume(identity) -> None:
            try:
                done(identity)
            finally:
                visitor.end(LOGOUT)  # nothing of the visitor stays once the record has the subject
        visitor.require("walk_in.identify", resume)
    return identify_visitor


def attach_booking_and_feedback(window, services: KioskServices, parts: KioskParts | None = None):
    """Booking (asks for a key at confirm), My bookings, and the smiley feedback."""
    config, session, desk = services.config, services.session, services.booking
    def common() -> dict:
        return dict(flow=window.flow, tr=window.translator, metrics=window.metrics, catalogue=services.catalogue)
    online = parts.known_online if parts is not None and services.sync_worker is not None else None

    def booking_done(place) -> None:
        # No "how did it go?" after a booking: the booked service has not been received yet.
        from kiosk.identity.session import LOGOUT
        step = navigation.booking_done(place)
        # Home first, so Back from where it leads never reopens the finished booking.
        if step.end_session:
            session.end(LOGOUT)  # the resident's key must not stay open at the nurse's desk
        window.flow.home()
        navigation.follow(window.flow, step)

    if config.modules.booking:
        def booking():
            from ui.screens.booking import BookingScreen
            return BookingScreen(**common(), desk=desk, session=session, online=online, on_done=booking_done)

        def my_bookings():
            from ui.screens.my_bookings import MyBookingsScreen
            return MyBookingsScreen(**common(), desk=desk, session=session, online=online)
        window.register_screen("booking", booking)
        window.register_screen("my_bookings", my_bookings)
    if services.feedback is not None:
        def feedback():
            from ui.screens.feedback import FeedbackScreen
            return FeedbackScreen(**common(), box=services.feedback, now=services.now)
        window.register_screen("feedback", feedback)
    return desk


def attach_checkin(window, services: KioskServices, parts: KioskParts | None = None):
    """I have an appointment (issue 17): find the booking, check in, a ticket with the room."""
    desk = services.checkin
    if desk is None:
        return None
    from kiosk.identity.session import LOGOUT
    session, config = services.session, services.config
    follow = follow_link_for(config.backend.url) if config.backend.url else None

    def build():
        from ui.screens.checkin import CheckInScreen
        screen = CheckInScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, checkin=desk,
                               catalogue=services.catalogue, session=session, printer=config.queue.printer,
                               follow_link=follow, end_session=lambda: session.end(LOGOUT),
                               priority_lines=services.priority_lines)
        session.on_wipe("checkin", lambda *_: screen.clear())
        return screen
    window.register_screen(navigation.CHECKIN, build)
    return desk


def attach_participation(window, services: KioskServices, parts: KioskParts):
    """Take part (issue 14): questions from the catalogue pull, votes through the outbox."""
    desk = services.participation
    if desk is None:
        return None
    config = services.config
    base = config.backend.url.rstrip("/")

    def is_online() -> bool:
        return bool(parts.known_online())

    def build():
        from ui.screens.participation import ParticipationScreen
        from ui.theme import THEMES
        return ParticipationScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, desk=desk,
                                   session=services.session, is_online=is_online,
                                   palette=THEMES.get(config.ui.theme),
                                   receipt_link=lambda item_id, lang: f"{base}/participation/receipt/{item_id}"
                                                                      f"?lang={lang}")
    window.register_screen("participation", build)
    return desk


def attach_video(window, services: KioskServices, parts: KioskParts):
    """Video calls: the 'Talk to a nurse now' tile asks the backend for a room off the GUI
    thread. What follows a call is ``kiosk.navigation.VideoCallNavigation``: feedback only
    after a call that took place; a failed call says so on the call screen and offers the
    next step."""
    config, session, client = services.config, services.session, services.client
    if not config.modules.video:
        return None
    from kiosk import video as policy

    runner = parts.runner
    nav = parts.video = navigation.VideoCallNavigation(alternatives=policy.alternatives(config.modules))
    built: list = []  # the screen, once built

    def room_in_own_process(call):
        from ui.video.process_room import CallProcessRoom
        device_file = config.source[1] if len(config.source) > 1 else None
        # The call window has the keyboard: it sends what to say and the speech keys (on/off
        # too: a person may turn speech on there), and the kiosk's speech output acts on them.
        return CallProcessRoom(call, config_path=device_file, language=window.translator.data_language,
                               fullscreen=config.ui.fullscreen, speech=parts.speech is not None)

    def build():
        from ui.screens.video import VideoScreen
        screen = VideoScreen(tr=window.translator, metrics=window.metrics, video=config.video,
                             embedded_room=room_in_own_process if config.video.separate_process else None)
        screen.call_started.connect(nav.started)
        screen.call_finished.connect(finished)
        screen.alternative_chosen.connect(alternative)
        built.append(screen)
        session.on_wipe("video", lambda *_: screen.clear())
        return screen

    def display_name() -> str:
        ident = session.identity
        return (ident.name or "") if ident is not None else ""

    def on_place(place) -> None:
        if not built:
            return
        source = nav.should_ask_for_room(place, in_call=built[0].in_call)
        if source is not None:
            ask_for_room(source)

    def ask_for_room(source: str) -> None:
        screen = built[0]
        service = config.video.on_demand_service
        nav.source = source
        if not service or client is None:
            screen.show_unavailable("offline" if client is None else "no_one_available", nav.resident_steps(source))
            return
        from sync.client import BackendUnavailable, NotEnrolled
        from sync.video_rooms import NoOneAvailable, request_room

        lang = window.translator.data_language
        nav.asked(source)

        def got(offer, error) -> None:
            nav.answered(offer.room if offer is not None else None)
            if window.flow.current.name != "video":
                room = nav.take_room()
                if room:  # the person left while we asked: give the room back
                    runner.run(lambda: _release(client, room), lambda *_: None)
                return
            if isinstance(error, NoOneAvailable):
                screen.show_unavailable("no_one_available", nav.resident_steps(source))
            elif error is not None:
                if not isinstance(error, (BackendUnavailable, NotEnrolled)):
                    log.warning("on-demand video room: %s", error)
                screen.show_unavailable("offline", nav.resident_steps(source))
            else:
                from ui.video import webengine_available
                call = policy.plan_call(config.video, service_id=offer.service_id, source=source,
                                        lang=lang, display_name=display_name(), room=offer.room, link=offer.link,
                                        webengine_available=webengine_available())
                screen.start_call(call)
        runner.run(lambda: request_room(client, service_id=service, language=lang), got)

    def finished(outcome) -> None:
        room = nav.take_room()
        if room and client is not None:
            runner.run(lambda: _release(client, room), lambda *_: None)
        if window.flow.current.name != "video":
            return  # a reset or the person left: the kiosk is already elsewhere
        step, choices = nav.ended(outcome, feedback_known=window.flow.knows("feedback"))
        if choices is not None:
            built[0].show_failed(outcome.reason, choices)   # the failure page says it itself
        elif parts.speech is not None:
            from kiosk.speech import Utterance
            from ui.screens.video import outcome_message_key
            t = window.translator
            parts.speech.announce_next([Utterance(t.t(outcome_message_key(outcome)), t.language)])
        navigation.follow(window.flow, step)

    def alternative(name: str) -> None:
        step, source, call = nav.chosen(name)
        if call is not None:
            built[0].start_call(call)  # a booked appointment keeps its own room
        elif source is not None:
            ask_for_room(source)
        navigation.follow(window.flow, step)

    window.register_screen("video", build)
    window.flow.on_change(on_place)
    window.idle_watch.holds.append(lambda: bool(built) and built[0].in_call)
    return build


def _release(client, room: str) -> None:
    from sync.video_rooms import release_room
    try:
        release_room(client, room)
    except Exception as exc:  # the room expires on the backend anyway
        log.info("video room %s not released now: %s", room, exc)
