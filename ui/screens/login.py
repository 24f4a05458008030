"""Login: the person picks a key (phone, card + PIN, staff card) and identifies once.

The screen lies over the whole window (like the overlay) instead of being a place in
the flow: whoever needed a key stays exactly where they were underneath, and the
Qt-free pending action in ``KioskSession`` continues there once a key opens the
session. Backing out drops the pending action and uncovers the same spot.

Network work (card check, the phone's device flow) runs on ``BackgroundCalls``; a
result that arrives after the person backed out or the session was wiped is dropped,
so a late phone approval can never log the next person in as the previous one.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.identity.keys import CARD, PHONE, STAFF, Identity, KeyRefused, parse_card_read
from kiosk.identity.session import KioskSession, PendingAction
from ui.widgets.pages import Pages
from ui.background import BackgroundCalls
from ui.i18n import Translator
from ui.keypad import mark_back
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.pin_pad import HEX_LETTERS, PinPad
from ui.widgets.qr import QrCodeWidget
from ui.widgets.topbar import TopBar
from ui.widgets.touch import button, kinetic_scroll_area, label

log = logging.getLogger(__name__)


class CardPinKey(Protocol):
    def login(self, card_read: str, pin: str) -> Identity: ...


class DeviceFlowKey(Protocol):   # sync.oidc.PhoneKey
    def start(self) -> Any: ...
    def wait(self, auth: Any, cancel: threading.Event | None = None) -> Identity: ...


@dataclass
class LoginKeys:
    """The keys this kiosk offers (each may be None: switched off in [identity])."""

    phone: Callable[[], DeviceFlowKey] | None = None   # made per login: the provider comes from the backend
    card: CardPinKey | None = None
    staff: CardPinKey | None = None


CHOOSE, PHONE_PAGE, CARD_PAGE, PIN_PAGE, BUSY = "choose", "phone", "card", "pin", "busy"


class LoginScreen(Screen):
    def __init__(self, *, parent: QWidget, tr: Translator, metrics: Metrics, session: KioskSession,
                 keys: LoginKeys, clock: Callable[[], float] = time.monotonic,
                 after_login: Callable[[Identity], None] | None = None,
                 runner: BackgroundCalls | None = None, languages: tuple[str, ...] = (),
                 go_home: Callable[[], None] | None = None, appearance=None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-login")
        self.setProperty("role", "overlay-page")
        self.setProperty("keypad_cover", True)   # ui/keypad.py: the focus stays on the login
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # A cover over the window: it paints the page's colour over what lies under it (its scroll
        # area is transparent, ui/widgets/touch.py kinetic_scroll_area).
        self.setAutoFillBackground(True)
        self.tr_, self.metrics, self.session, self.keys = tr, metrics, session, keys
        self.clock = clock
        self.after_login = after_login
        self.runner = runner or BackgroundCalls(self)
        self._generation = itertools.count(1)
        self._current = 0
        self._cancel = threading.Event()
        self._mode = CARD          # which card key the card/PIN pages serve: CARD or STAFF
        self._card = ""
        self._pending_name: str | None = None
        self._staff_only = False
        self._last_error: tuple[str, dict] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # The login lies over the window's top bar, so it brings its own: Home and the
        # languages stay one tap away while identifying (its Back is the one below).
        self.go_home = go_home
        self.top_bar = TopBar(tr=tr, languages=languages, metrics=metrics, appearance=appearance)
        self.top_bar.setObjectName("login-top-bar")
        self.top_bar.set_navigation(can_go_back=False, at_home=go_home is None)
        self.top_bar.home_pressed.connect(self.leave_home)
        self.top_bar.language_chosen.connect(tr.set_language)
        outer.addWidget(self.top_bar)
        # What lies under the top bar scrolls: at 200 % text the card prompt and its keypad are
        # taller than a 1280x800 screen, and squeezed they drew the keys over each other.
        content = QWidget()
        inner = QVBoxLayout(content)
        m = metrics.margin_px
        inner.setContentsMargins(m, m, m, 0)
        inner.setSpacing(metrics.gap_px)
        self.scroll = kinetic_scroll_area(content)
        self.scroll.setObjectName("login-scroll")
        outer.addWidget(self.scroll, 1)
        below = outer
        outer = inner
        self.heading = label(role="title")
        self.heading.setObjectName("login-heading")
        self.hint = label(role="heading")
        self.hint.setObjectName("login-hint")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        self.pages = Pages()
        outer.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        self.back = button("", "", min_height=metrics.touch_px)
        self.back.setObjectName("login-back")
        mark_back(self.back)
        self.back.clicked.connect(self.go_back)
        self.retry = button("", "", role="primary", min_height=metrics.touch_px)
        self.retry.setObjectName("login-retry")
        self.retry.clicked.connect(self._retry)
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        bottom.addWidget(self.retry)
        # Back and Retry stay in sight below the scrolling part.
        bottom.setContentsMargins(m, metrics.gap_px, m, m)
        below.addLayout(bottom)

        self._pages: dict[str, QWidget] = {}
        self._build_choose()
        self._build_phone()
        self.card_pad = PinPad(tr=tr, metrics=metrics, masked=False, max_len=32, object_name="card-pad",
                               submit_key="login.card.next", letters=HEX_LETTERS)
        self.card_pad.submitted.connect(self._card_entered)
        self.card_prompt = label(role="heading")
        self._add_page(CARD_PAGE, self.card_prompt, self.card_pad)
        self.pin_pad = PinPad(tr=tr, metrics=metrics, masked=True, max_len=8, object_name="pin-pad",
                              submit_key="login.pin.ok")
        self.pin_pad.submitted.connect(self._pin_entered)
        self.pin_prompt = label(role="heading")
        self._add_page(PIN_PAGE, self.pin_prompt, self.pin_pad)
        self.busy_label = label(role="heading")
        self.busy_label.setObjectName("login-busy")
        self._add_page(BUSY, self.busy_label)

        # A phone sign-in still polling must not keep the process alive after the window closes.
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._abandon)
        session.on_key_needed(self.ask)
        session.on_wipe("login", lambda _reason: self.clear())
        tr.on_change(lambda _lang: self.retranslate())
        parent.installEventFilter(self)
        self.hide()
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def _add_page(self, name: str, *widgets: QWidget) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(self.metrics.gap_px)
        for w in widgets:
            if isinstance(w, QLabel):
                # A word-wrapped label needs the full width to compute its height; centre its text instead.
                w.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                col.addWidget(w)
            else:
                col.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addStretch(1)
        self.pages.addWidget(page)
        self._pages[name] = page
        return page

    def _build_choose(self) -> None:
        self.key_buttons: dict[str, QWidget] = {}
        widgets = []
        for key, available in ((PHONE, self.keys.phone), (CARD, self.keys.card), (STAFF, self.keys.staff)):
            if available is None:
                continue
            b = button("", "", role="primary" if key == PHONE else None, min_height=self.metrics.tile_px // 2)
            b.setObjectName(f"login-key-{key}")
            b.setMinimumWidth(self.metrics.tile_px * 3)
            b.clicked.connect(lambda _=False, key=key: self.choose(key))
            self.key_buttons[key] = b
            widgets.append(b)
        self._add_page(CHOOSE, *widgets)

    def _build_phone(self) -> None:
        self.qr = QrCodeWidget(size_px=self.metrics.tile_px * 2 + self.metrics.gap_px * 6)
        self.qr.setObjectName("login-qr")
        self.user_code = label(role="title", wrap=False)
        self.user_code.setObjectName("login-user-code")
        self.user_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phone_uri = label(role="muted")
        self.phone_uri.setObjectName("login-phone-uri")
        self._add_page(PHONE_PAGE, self.qr, self.user_code, self.phone_uri)

    # -- showing -------------------------------------------------------------------------------
    def ask(self, pending: PendingAction | None = None) -> None:
        """Cover the window and offer the keys (``session.on_key_needed`` calls this)."""
        self._pending_name = pending.name if pending else None
        self._abandon()
        # A staff tool asked (the desk, the staff entry): only the staff card, and words for staff.
        self._staff_only = staff_action(self._pending_name) and self.keys.staff is not None
        for key, b in self.key_buttons.items():
            b.setVisible(not self._staff_only or key == STAFF)
        self._show_page(CHOOSE)
        if self._staff_only:
            self.choose(STAFF)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    def page(self) -> str:
        current = self.pages.currentWidget()
        return next(name for name, w in self._pages.items() if w is current)

    def _show_page(self, name: str, hint: tuple[str, dict] | None = None) -> None:
        self.pages.setCurrentWidget(self._pages[name])
        self._last_error = hint
        self.retry.setVisible(False)
        if name == CARD_PAGE:
            self.card_pad.setFocus()
        elif name == PIN_PAGE:
            self.pin_pad.setFocus()
        self.retranslate()

    def choose(self, key: str) -> None:
        if key == PHONE:
            self._start_phone()
        else:
            self._mode = key
            self._card = ""
            self.card_pad.clear()
            self.pin_pad.clear()
            self._show_page(CARD_PAGE)

    def go_back(self) -> None:
        """Back one step; from the key choice, out of the login to where the person was."""
        page = self.page()
        if page == PIN_PAGE:
            self.pin_pad.clear()
            self._show_page(CARD_PAGE)
        elif page == CHOOSE or (page == CARD_PAGE and self._staff_only):
            self.session.cancel_pending()
            self.clear()
        else:
            self._abandon()
            self._show_page(CHOOSE)

    def leave_home(self) -> None:
        """Home from anywhere in the login: drop what waited for a key and go to the start."""
        self.session.cancel_pending()
        self.clear()
        if self.go_home is not None:
            self.go_home()

    def _retry(self) -> None:
        if self._mode == PHONE:
            self._start_phone()
        else:
            self._show_page(PIN_PAGE if self._card else CARD_PAGE)

    def clear(self) -> None:
        """Forget everything typed or shown and hide (session wipe, or backing out)."""
        self._abandon()
        self._card = ""
        self._pending_name = None
        self.card_pad.clear()
        self.pin_pad.clear()
        self.qr.set_text("")
        self.user_code.setText("")
        self.phone_uri.setText("")
        self._show_page(CHOOSE)
        self.hide()

    def _abandon(self) -> None:
        """Whatever is running in the background no longer matters."""
        self._cancel.set()
        self._cancel = threading.Event()
        self._current = next(self._generation)

    # -- card and staff card -------------------------------------------------------------------
    def _card_entered(self, text: str) -> None:
        card = parse_card_read(text)
        self.card_pad.clear()
        if card is None:
            # A misread or stray keys: nothing is sent anywhere; say what to do.
            self._show_page(CARD_PAGE, ("login.error.garbage_card", {}))
            return
        self._card = card
        self._show_page(PIN_PAGE)

    def _pin_entered(self, pin: str) -> None:
        self.pin_pad.clear()
        key = self.keys.staff if self._mode == STAFF else self.keys.card
        card = self._card
        self._run(lambda: key.login(card, pin), self._logged_in, on_refused_page=PIN_PAGE)

    # -- phone -----------------------------------------------------------------------------------
    def _start_phone(self) -> None:
        self._mode = PHONE
        factory = self.keys.phone
        self._run(lambda: _start(factory), self._phone_started, on_refused_page=CHOOSE)

    def _phone_started(self, started: tuple[DeviceFlowKey, Any]) -> None:
        key, auth = started
        self.qr.set_text(auth.verification_uri_complete)
        self.user_code.setText(auth.user_code)
        self._phone_uri = auth.verification_uri
        self._show_page(PHONE_PAGE)
        cancel = self._cancel
        self._run(lambda: _from_provider(lambda: key.wait(auth, cancel)), self._logged_in,
                  on_refused_page=CHOOSE, busy=False)

    # -- results ---------------------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], success: Callable[[Any], None], *, on_refused_page: str,
             busy: bool = True) -> None:
        ticket = self._current = next(self._generation)
        if busy:
            self._show_page(BUSY)

        def done(result: Any, error: BaseException | None) -> None:
            if ticket != self._current or not self.isVisible():
                return   # the person backed out, or the session was wiped meanwhile
            if error is None:
                success(result)
            elif isinstance(error, KeyRefused):
                self._refused(error, on_refused_page)
            else:
                log.error("login failed unexpectedly: %r", error)
                self._refused(KeyRefused("offline", str(error)), on_refused_page)
        self.runner.run(work, done)

    def _refused(self, refusal: KeyRefused, page: str) -> None:
        reason = refusal.reason
        if reason == "cancelled":
            return
        if reason == "wrong_pin":
            hint = (("login.error.wrong_pin", {"n": refusal.attempts_left})
                    if refusal.attempts_left is not None else ("login.error.wrong_pin_plain", {}))
            self._show_page(PIN_PAGE, hint)
            return
        if reason == "locked":
            until = refusal.locked_until
            when = self.tr_.time(until.astimezone(LOCAL_TZ)) if until else "–"
            self._card = ""
            self._show_page(CARD_PAGE, ("login.error.locked", {"time": when}))
            return
        if reason in ("garbage_card", "bad_pin_format"):
            self._show_page(CARD_PAGE if reason == "garbage_card" else PIN_PAGE, (f"login.error.{reason}", {}))
            return
        known = ("offline", "denied", "expired", "bad_token", "no_provider", "provider_unreachable")
        key = f"login.error.{reason}" if reason in known else "login.error.offline"
        self._show_page(page, (key, {}))
        # Trying again cannot help a kiosk with no provider set up; Back is always there.
        self.retry.setVisible(reason != "no_provider")

    def _logged_in(self, identity: Identity) -> None:
        had_pending = self.session.pending is not None
        self.clear()                       # forget card, PIN, QR before anything else runs
        self.session.open(identity, self.clock())
        if not had_pending and self.after_login is not None:
            self.after_login(identity)

    # -- texts -----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr_.t("login.title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def retranslate(self) -> None:
        t = self.tr_.t
        self.top_bar.retranslate()
        self.top_bar.set_title("")  # the heading below says where the person is
        page = self.page() if self.pages.count() else CHOOSE
        self.heading.setText(t({PHONE_PAGE: "login.phone.scan", PIN_PAGE: "login.pin.heading"}.get(page, "login.title")))
        if self._last_error is not None:
            key, values = self._last_error
            if key == "login.error.wrong_pin":
                self.hint.setText(self.tr_.plural(key, values["n"]))
            else:
                self.hint.setText(t(key, **values))
            self.hint.setProperty("role", "notice")
        else:
            self.hint.setText(t("login.why_staff" if self._staff_only else "login.why") if page == CHOOSE else "")
            self.hint.setProperty("role", "heading")
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
        # An empty line takes a line's height: at 200 % text the keypad needs it more.
        self.hint.setVisible(bool(self.hint.text()))
        self.back.setText(t("login.back"))
        self.back.setAccessibleName(t("login.back"))
        self.retry.setText(t("login.retry"))
        self.retry.setAccessibleName(t("login.retry"))
        for key, b in self.key_buttons.items():
            b.setText(t(f"login.key.{key}"))
            b.setAccessibleName(t(f"login.key.{key}"))
        self.card_prompt.setText(t("login.card.prompt" if self._mode != STAFF else "login.staff.prompt"))
        self.pin_prompt.setText(t("login.pin.prompt"))
        self.busy_label.setText(t("login.checking"))
        self.qr.setAccessibleName(t("login.phone.scan"))  # what a screen reader says for the picture
        if self.user_code.text():
            self.phone_uri.setText(t("login.phone.code", uri=getattr(self, "_phone_uri", ""),
                                     code=self.user_code.text()))
        self.card_pad.retranslate()
        self.pin_pad.retranslate()


def staff_action(name: str | None) -> bool:
    """Pending actions of staff tools are named "staff..." (``staff_queue``, ``staff.sync_status``)."""
    return bool(name) and name.split(".")[0].startswith("staff")


def _start(factory: Callable[[], DeviceFlowKey]) -> tuple[DeviceFlowKey, Any]:
    key = factory()   # asks the backend which provider to use: "offline" there means the backend
    return key, _from_provider(key.start)


def _from_provider(call: Callable[[], Any]) -> Any:
    """Run a call to the OpenID provider itself. The phone key talks only to the provider,
    so a network failure there is the provider being down or unreachable, which the
    resident is told as such, not as the kiosk having lost its connection."""
    try:
        return call()
    except KeyRefused as exc:
        if exc.reason == "offline":
            raise KeyRefused("provider_unreachable", str(exc)) from None
        raise
