"""The kiosk window: top bar, the current screen, overlays, and the reset for the next person."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk import flow as places
from kiosk.config import Config
from kiosk.flow import KioskFlow, Place
from ui.appearance import Appearance
from ui.widgets.page_stack import PageStack
from ui.i18n import Translator
from ui.keypad import KeypadNavigation
from ui.screens.base import Screen
from ui.theme import Metrics, focus_ring
from ui.widgets.overlay import Overlay
from ui.widgets.topbar import TopBar

log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    """Shows the place the flow is at; builds each screen the first time it is needed."""

    def __init__(self, *, config: Config, translator: Translator, flow: KioskFlow, metrics: Metrics,
                 appearance: Appearance | None = None) -> None:
        """The window holds no services: every screen, the core ones too, is registered
        with a factory that was given what it needs (``register_core_screens``, ui/wiring.py)."""
        super().__init__()
        self.config = config  # the [ui] part: languages, the default language
        self.translator = translator
        self.flow = flow
        self.metrics = metrics
        # Larger text and stronger colours ("Aa" in every top bar); the next person gets the default.
        self.appearance = appearance or Appearance(theme=config.ui.theme, resolution=config.ui.resolution)
        self.setObjectName("kiosk-window")
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        # The window has the kiosk's fixed size; letting the layout push minimum sizes to
        # the platform window only makes some platforms (offscreen, kiosk compositors) complain.
        col.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.top_bar = TopBar(tr=translator, languages=config.ui.languages, metrics=metrics,
                              appearance=self.appearance)
        self.top_bar.back_pressed.connect(lambda: self._leave(flow.back))
        self.top_bar.home_pressed.connect(lambda: self._leave(flow.home))
        self.top_bar.language_chosen.connect(translator.set_language)
        col.addWidget(self.top_bar)
        # Each screen in a page that scrolls when its words need more room (200 % text).
        self.stack = PageStack()
        col.addWidget(self.stack, 1)
        # A bar under every screen (the signed-in badge): it takes its own room, so it
        # never lies over a screen's buttons.
        self.bottom_bar = QHBoxLayout()
        self.bottom_bar.setContentsMargins(metrics.margin_px // 2, 0, metrics.margin_px // 2, metrics.margin_px // 4)
        col.addLayout(self.bottom_bar)
        self.overlay = Overlay(self, metrics)
        self._screens: dict[str, Screen] = {}
        self._factories: dict[str, Callable[[], Screen]] = {}
        # Staff places (kiosk.flow.STAFF_PLACES) are shown only to a session with a staff
        # role; until identity is attached nobody has one.
        self._staff_role: Callable[[], str | None] = lambda: None
        self._ask_staff_key: Callable[[Place], None] | None = None
        self._gate: Screen | None = None
        flow.on_change(self._show_place)
        flow.on_reset(self._forget_person)
        translator.on_change(lambda _lang: self.retranslate())
        self.idle_watch = None  # ui.idle_watch.IdleWatch, made by create_window
        # Arrows, Enter, Back and Help for every screen (ui/keypad.py); speech hooks help_requested.
        self.keypad = KeypadNavigation(self, double_press_ms=config.ui.double_press_ms,
                                       ring_colours=lambda: focus_ring(self.appearance.palette),
                                       ring_radius=metrics.radius_px)

    # -- screens ---------------------------------------------------------------------------
    def register_screen(self, name: str, factory: Callable[[], Screen]) -> None:
        """Add a screen (home, browse, ..., queue, booking, sync status).

        ``factory`` is called the first time the place is visited. A home tile whose
        place is registered opens it instead of saying "not yet available".
        """
        if name not in places.PLACES:
            self.flow.add_place(name)
        self._factories[name] = factory
        if places.HOME in self._screens and name != places.HOME:
            self._screens[places.HOME].retranslate()
        if name == self.flow.current.name and self.stack.count() == 0:
            self._show_place(self.flow.current)  # the first screen, once it can be built

    def _build(self, name: str) -> Screen:
        return self._factories[name]()

    def screen(self, name: str) -> Screen:
        if name not in self._screens:
            screen = self._build(name)
            screen.setObjectName(f"screen-{name}")
            self._screens[name] = screen
            self.stack.addWidget(screen)
        return self._screens[name]

    def built_screens(self) -> dict[str, Screen]:
        return dict(self._screens)

    def current_screen(self) -> Screen:
        return self.stack.currentWidget()

    def guard_staff_places(self, *, role: Callable[[], str | None],
                           ask_staff_key: Callable[[Place], None] | None) -> None:
        """``role()``: the signed-in session's role, None for nobody; ``ask_staff_key(place)``
        asks for a staff card and opens ``place`` once a nurse or admin signed in."""
        self._staff_role, self._ask_staff_key = role, ask_staff_key
        if self._gate is not None:
            self._gate.ask_staff_key = ask_staff_key
        self.show_current()

    def show_current(self) -> None:
        """Show the current place again (a session opened or ended under it)."""
        self._show_place(self.flow.current)

    def _gate_screen(self) -> Screen:
        if self._gate is None:
            from ui.screens.staff_gate import StaffGateScreen
            self._gate = StaffGateScreen(tr=self.translator, metrics=self.metrics, ask_staff_key=self._ask_staff_key)
            self._gate.setObjectName("screen-staff-gate")
            self.stack.addWidget(self._gate)
        return self._gate

    def staff_gate(self) -> Screen | None:
        return self._gate

    def _show_place(self, place: Place) -> None:
        if places.staff_only(place.name) and not places.may_open(place.name, self._staff_role()):
            screen = self._gate_screen()  # the staff screen itself is not even built
        else:
            screen = self.screen(place.name)
        screen.enter(place)
        self.stack.setCurrentWidget(screen)
        self.top_bar.set_navigation(can_go_back=self.flow.can_go_back, at_home=place.name == places.HOME)
        self.top_bar.set_title(screen.title())

    def _leave(self, go: Callable[[], None]) -> None:
        """Back or Home from the top bar: a screen that must ask first (a call that is on,
        ``ask_before_leaving()``) keeps the person there; otherwise ``go``."""
        screen = self.current_screen()
        ask = getattr(screen, "ask_before_leaving", None)
        if ask is not None and ask():
            return
        go()

    def retranslate(self) -> None:
        self.top_bar.retranslate()
        for screen in self._screens.values():
            screen.retranslate()
        if self._gate is not None:
            self._gate.retranslate()
        self.top_bar.set_title(self.current_screen().title())
        self.overlay.dismiss()

    # -- messages and reset ----------------------------------------------------------------
    def show_message(self, heading_key: str, message_key: str, **values) -> None:
        t = self.translator.t
        self.overlay.show_message(t(heading_key), t(message_key, **values), t("common.ok"))

    def has_something_to_reset(self) -> bool:
        return (self.flow.current.name != places.HOME or self.translator.language != self.config.ui.default_language
                or self.appearance.large or self.overlay.isVisible() or any(s.has_input() for s in self._screens.values()
                                                   if hasattr(s, "has_input")))

    def _forget_person(self) -> None:
        self.overlay.hide()
        self.appearance.reset()
        self.keypad.forget()
        for screen in self._screens.values():
            screen.clear()
        if self._gate is not None:
            self._gate.clear()

    def reset_for_next_person(self) -> None:
        """The one way back to a clean kiosk: idle timeout now, session end later."""
        log.info("resetting the kiosk for the next person")
        self.flow.reset()
        self.translator.reset(self.config.ui.default_language)  # and the catalogue text's fallback



def register_core_screens(window: KioskWindow, *, config: Config, catalogue, notices: tuple[str, ...] = (),
                          version: str = "", now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                          announcements=None) -> None:
    """Home, browse, results, service card, search, staff entry: what every kiosk has.
    Each screen module is imported when its place is first opened, so that start-up
    only pays for the home screen."""
    def common() -> dict:
        return dict(flow=window.flow, tr=window.translator, metrics=window.metrics)

    def home():
        from ui.screens.home import HomeScreen
        return HomeScreen(**common(), modules=config.modules, show_message=window.show_message,
                          announcements=announcements)

    def browse():
        from ui.screens.browse import BrowseScreen
        return BrowseScreen(**common(), catalogue=catalogue)

    def results():
        from ui.screens.results import ResultsScreen
        return ResultsScreen(**common(), catalogue=catalogue, languages=config.ui.languages, now=now)

    def service():
        from ui.screens.service import ServiceScreen
        return ServiceScreen(**common(), catalogue=catalogue, now=now, announcements=announcements)

    def search():
        from ui.screens.search import SearchScreen
        return SearchScreen(**common(), catalogue=catalogue, now=now)

    def staff():
        from ui.screens.staff import StaffScreen
        return StaffScreen(**common(), config=config, catalogue=catalogue, notices=tuple(notices), version=version)

    for name, factory in ((places.BROWSE, browse), (places.RESULTS, results), (places.SERVICE, service),
                          (places.SEARCH, search), (places.STAFF, staff), (places.HOME, home)):
        window.register_screen(name, factory)
