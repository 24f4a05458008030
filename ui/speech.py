"""Speech output on the Qt side: what the person would see, turned into sentences.

Every screen describes itself as data: ``Screen.spoken()`` returns the utterances of
its scene (where you are, what is on it in reading order, what you can do); most screens
build that with ``describe()`` from their visible widgets and add what must be said in
full (a queue number, a booking's time and place). ``SpeechOutput`` speaks the scene
when a place opens, the focused control with its role, name and state, messages and
errors, and it keeps speech interruptible: any touch or key silences it first.

The engine runs on the runner's speech thread (``BackgroundCalls.speech``); nothing here
starts a process on the GUI thread. The speaker's state (kiosk/speech.py) is plain data.

How a person who cannot see turns it on: hold a finger anywhere for ``speech.long_press_s``
(3 s) or press the speech key (F2 on the keypad); the first touch of an idle kiosk speaks a
short hint saying so. F1 (Help) repeats, the volume keys (or + and -) change the volume
for this session only.
"""

from __future__ import annotations

import logging
import re
from typing import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit,
                               QListWidget, QRadioButton, QSlider, QStackedWidget, QWidget)

from kiosk import flow as places
from kiosk.speech import Speaker, Utterance
from ui.background import BackgroundCalls
from ui.i18n import FSI, LRI, PDI, RLI, Translator
from ui.input_tap import watch_window_input

log = logging.getLogger(__name__)

SPEECH_KEYS = (Qt.Key.Key_F2,)
REPEAT_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_Help)
LOUDER_KEYS = (Qt.Key.Key_VolumeUp, Qt.Key.Key_Plus)
SOFTER_KEYS = (Qt.Key.Key_VolumeDown, Qt.Key.Key_Minus)
LONG_PRESS_SLOP_PX = 40  # a finger that wanders this far is scrolling, not holding


def plain(text: str) -> str:
    """Screen text as a voice should read it: no bidi marks, arrows or line breaks."""
    for mark in (LRI, RLI, FSI, PDI, "\u200e", "\u200f"):
        text = text.replace(mark, "")
    text = text.replace("‹", "").replace("›", "").replace("⌫", "").replace("✓", "")
    return " ".join(text.split())


def spoken_ticket(label: str) -> str:
    """'A012' -> 'A 12': the letter, then the number as a number (as the queue display says it)."""
    letter, digits = label[:1], label[1:]
    return f"{letter} {int(digits)}" if digits.isdigit() else " ".join(label)


def spelled(code: str) -> str:
    """'K7QP-3MZD' -> 'K 7 Q P, 3 M Z D': a reference read sign by sign."""
    return ", ".join(" ".join(part) for part in code.split("-") if part)


def spoken_clock(t: Translator, hour: int, minute: int) -> str:
    """A time read in words, not '10.15' (which a voice may read as a decimal number)."""
    if minute == 0:
        return t.t("speech.clock_hour", hour=hour)
    return t.t("speech.clock", hour=hour, minute=f"{minute:02d}")


def role_of(w: QWidget) -> str:
    if isinstance(w, QCheckBox):
        return "checkbox"
    if isinstance(w, QRadioButton):
        return "radio"
    if isinstance(w, QAbstractButton):
        return "toggle" if w.isCheckable() else "button"
    if isinstance(w, QLineEdit):
        return "password" if w.echoMode() != QLineEdit.EchoMode.Normal else "text"
    if isinstance(w, QComboBox):
        return "choice"
    if isinstance(w, QListWidget):
        return "list"
    if isinstance(w, QSlider):
        return "slider"
    if w.property("masked") is True or type(w).__name__ == "PinPad":
        return "password"
    return "group"


def control_text(t: Translator, w: QWidget) -> str:
    """'Button, Book a time' / 'Checkbox, Open now, checked' / 'PIN field' (never its digits)."""
    role = role_of(w)
    name = plain(w.accessibleName() or (w.text() if hasattr(w, "text") and callable(w.text) else ""))
    parts = [t.t(f"speech.role.{role}")]
    if name:
        parts.append(name)
    if role in ("checkbox", "radio", "toggle"):
        parts.append(t.t("speech.state.checked" if w.isChecked() else "speech.state.not_checked"))
    if role == "text" and w.text():
        parts.append(plain(w.text()))
    if role == "list" and w.currentItem() is not None:
        parts.append(plain(w.currentItem().text()))
    if role == "choice":
        parts.append(plain(w.currentText()))
    if not w.isEnabled():
        parts.append(t.t("speech.state.unavailable"))
    if w.accessibleDescription():   # e.g. which text size is on (the Aa button's three steps)
        parts.append(plain(w.accessibleDescription()))
    return ", ".join(p for p in parts if p)


def _reading_order(root: QWidget, rtl: bool) -> list[QWidget]:
    """Visible widgets, each parent's children top to bottom, then in the line's direction:
    a column is read to its end before the column beside it."""
    out: list[QWidget] = []

    def walk(parent: QWidget) -> None:
        kids = [c for c in parent.children() if isinstance(c, QWidget) and not c.isWindow() and c.isVisibleTo(root)]
        kids.sort(key=lambda c: (c.y() // 8, -c.x() if rtl else c.x()))
        for c in kids:
            out.append(c)
            walk(c)
    walk(root)
    return out


def describe(t: Translator, root: QWidget, where: str, *, first: Iterable[Utterance] = (),
             skip: Iterable[QWidget] = (), skip_texts: Iterable[QWidget] = (), lang: str | None = None,
             actions: bool = True, private: bool = False) -> list[Utterance]:
    """The generic scene of a screen: where you are, every visible text in reading order,
    then what you can press. ``first`` (said right after where you are) holds what a screen
    must say in full; ``skip`` the widgets ``first`` already says; ``skip_texts`` parts whose
    texts a screen reads itself (in another language) but whose buttons still count;
    ``private``: the texts are personal (only to headphones, kiosk/speech.py)."""
    lang = lang or t.language

    def under(widgets: Iterable[QWidget]) -> set[int]:
        out = set()
        for w in widgets:
            out |= {id(w), *map(id, w.findChildren(QWidget))}
        return out
    skipped, text_skipped = under(skip), under(skip_texts)
    texts, names = [], []
    for w in _reading_order(root, t.rtl):
        if id(w) in skipped:
            continue
        if isinstance(w, QAbstractButton):
            name = plain(w.accessibleName() or w.text())
            if name and w.isEnabled() and name not in names:
                names.append(name)
        elif isinstance(w, QLabel) and id(w) not in text_skipped:
            text = plain(re.sub(r"<[^>]+>", " ", w.text()) if "<" in w.text() else w.text())
            if len(text) > 1 and text not in texts:
                texts.append(text)
    out = [Utterance(t.t("speech.where", place=plain(where)), t.language)] if where else []
    out += list(first)
    out += [Utterance(x, lang, private=private) for x in texts]
    if names and actions:
        out.append(Utterance(t.t("speech.actions", actions="; ".join(names)), t.language))
    return out


def staff_lines(t: Translator, speaker: Speaker | None) -> list[str]:
    """What staff should know about speech: no engine, or languages without a voice."""
    if speaker is None:
        return []
    out = []
    if speaker.engine_missing:
        out.append(t.t("speech.staff.no_engine"))
    if speaker.missing_voices:
        names = ", ".join(t.t(f"language.{lang}.name") for lang in speaker.missing_voices)
        out.append(t.t("speech.staff.no_voice", languages=names))
    return out


class SpeechOutput(QObject):
    """Watches the window (places, focus, touches, keys) and speaks through the speaker."""

    def __init__(self, window, speaker: Speaker, *, long_press_s: float = 3.0, app: QApplication | None = None,
                 covers: Callable[[], list[QWidget]] = lambda: []) -> None:
        super().__init__(window)
        self.window = window
        self.t = window.translator
        self.speaker = speaker
        self.calls = BackgroundCalls(self)
        self.covers = covers            # login cover, message overlay: spoken over the screen
        self.hint_due = True            # the first touch of an idle kiosk says how to turn speech on
        self._press_at: QPoint | None = None
        self._long_pressed = False
        self._press = QTimer(self)
        self._press.setSingleShot(True)
        self._press.setInterval(int(long_press_s * 1000))
        self._press.timeout.connect(self._long_press)
        self.app = app or QApplication.instance()
        # Input is watched on the window's QWindow, never the whole application (ui/input_tap.py).
        watch_window_input(window, self)
        self._focus_watched = False
        self._watch_focus(speaker.on)
        window.flow.on_change(lambda _place: self._soon(self.speak_scene))
        window.flow.on_change(lambda _place: self._follow_call(window.current_screen()))
        window.flow.on_reset(self.next_person)
        self.t.on_change(lambda _lang: self._soon(self.speak_scene))
        window.overlay.installEventFilter(self)
        self._scene_pending = False
        self._lead: list[Utterance] = []   # said before the next scene (announce_next)
        for cover in covers():
            if cover is not None:
                self.follow_cover(cover)

    def follow_cover(self, cover: QWidget) -> None:
        """The login cover: a scene of its own, its pages too (also for a cover built later)."""
        cover.installEventFilter(self)
        self._follow_pages(cover)

    # -- what is said ---------------------------------------------------------------------
    def scene(self) -> list[Utterance]:
        """The scene on top: a cover (login, message) over the screen, else the screen."""
        for cover in self.covers():
            if cover is not None and cover.isVisible() and hasattr(cover, "spoken"):
                said = cover.spoken()
                if said:
                    return said
        if self.window.overlay.isVisible():
            return self.overlay_scene()
        screen = self.window.current_screen()
        said = screen.spoken() if screen is not None else None
        return list(said or [])

    def overlay_scene(self) -> list[Utterance]:
        """A message or an error: said with what to do about it (its OK button)."""
        ov = self.window.overlay
        texts = [plain(w.text()) for w in ov.findChildren(QLabel) if w.isVisibleTo(ov) and w.text()]
        buttons = [plain(b.text()) for b in ov.findChildren(QAbstractButton) if b.isVisibleTo(ov) and b.text()]
        lang = self.t.language
        out = [Utterance(self.t.t("speech.message"), lang)] + [Utterance(x, lang) for x in texts]
        if buttons:
            out.append(Utterance(self.t.t("speech.actions", actions="; ".join(buttons)), lang))
        return out

    def say(self, utterances: list[Utterance], *, remember: bool = False) -> None:
        """Silence what is being said, then say these (on the speech thread)."""
        ticket = self.speaker.interrupt()
        if remember:
            self.speaker.last = list(utterances)
        if not self.speaker.on or not utterances:
            return
        volume = self.speaker.volume
        self.calls.speech(lambda: self.speaker.say(list(utterances), ticket, volume))

    def _say_now(self, utterances: list[Utterance]) -> None:
        """Said even with speech off: the hint and "speech on/off" themselves."""
        ticket = self.speaker.interrupt()
        volume = self.speaker.volume
        self.calls.speech(lambda: self.speaker.say(list(utterances), ticket, volume))

    def speak_scene(self) -> None:
        self._scene_pending = False
        lead, self._lead = self._lead, []
        if not self.speaker.on:
            return  # reading the widgets costs the GUI thread: only for someone listening
        self._follow_pages(self.window.current_screen())
        self.say(lead + self.scene(), remember=True)

    def _follow_call(self, screen: QWidget | None) -> None:
        """A call in its own window (ui/video/call_process.py) has the keyboard: what it says
        and its speech keys come through the screen; followed with speech off too, so that the
        speech key pressed there turns speech on."""
        relayed = getattr(screen, "speech_from_call", None)
        if relayed is not None and screen.property("speech_relay_followed") is not True:
            screen.setProperty("speech_relay_followed", True)
            relayed.connect(self._say_relayed)
            screen.speech_key_from_call.connect(self._speech_key_relayed)

    def _say_relayed(self, lines: list, remember: bool) -> None:
        """What the call window (another process, with the keyboard) wants said."""
        self.say([Utterance(str(text), str(lang), private=bool(private)) for text, lang, private in lines],
                 remember=remember)

    def _speech_key_relayed(self, key: str, lines: list) -> None:
        if key == "toggle" and not self.speaker.on:
            scene = [Utterance(str(text), str(lang), private=bool(private)) for text, lang, private in lines]
            self.speaker.on = True
            self._watch_focus(True)
            self.hint_due = False
            self.speaker.last = scene
            self.say([self.line("speech.on"), *scene])
        elif key == "toggle":
            self.turn_off()
        elif self.speaker.on and key == "louder":
            self.say([self.line("speech.volume", n=self.speaker.volume_up())])
        elif self.speaker.on and key == "softer":
            self.say([self.line("speech.volume", n=self.speaker.volume_down())])

    def announce_next(self, utterances: list[Utterance]) -> None:
        """Say these first when the next scene is spoken (e.g. "The call has ended" before
        the feedback screen the call led to): saying them now would be cut by that scene."""
        if self.speaker.on:
            self._lead = [*self._lead, *utterances]
            self._soon(self.speak_scene)

    def _follow_pages(self, screen: QWidget | None) -> None:
        """A screen that turns pages (booking: confirm, busy, done) is a new scene each time."""
        if screen is None:
            return
        changed = getattr(screen, "scene_changed", None)   # a screen that says its scene changed
        if changed is not None and screen.property("speech_followed") is not True:
            screen.setProperty("speech_followed", True)
            changed.connect(lambda s=screen: self._page_turned(s))
        for stack in screen.findChildren(QStackedWidget):
            if stack.property("speech_followed") is not True:
                stack.setProperty("speech_followed", True)
                stack.currentChanged.connect(lambda _i, s=screen: self._page_turned(s))

    def _page_turned(self, screen: QWidget) -> None:
        if screen is self.window.current_screen() or screen.isVisible():
            self._soon(self.speak_scene)

    def repeat(self) -> None:
        self.say(self.speaker.last or self.scene())

    def _soon(self, then: Callable[[], None]) -> None:
        # After the window has shown the new place and the screen has filled itself in.
        if not self._scene_pending:
            self._scene_pending = True
            QTimer.singleShot(0, self, then)  # dropped if the speech output goes first

    def line(self, key: str, **values) -> Utterance:
        return Utterance(self.t.t(key, **values), self.t.language)

    # -- switching --------------------------------------------------------------------------
    def _watch_focus(self, on: bool) -> None:
        # focusChanged wraps every widget that gets focus, the video view's too (the crash
        # ui/input_tap.py tells of): connected only while someone listens.
        if on and not self._focus_watched:
            self.app.focusChanged.connect(self._focus_changed)
        elif not on and self._focus_watched:
            self.app.focusChanged.disconnect(self._focus_changed)
        self._focus_watched = on

    def turn_on(self) -> None:
        self.speaker.on = True
        self._watch_focus(True)
        self.hint_due = False
        scene = self.scene()
        self.speaker.last = scene
        self.say([self.line("speech.on"), *scene])

    def turn_off(self) -> None:
        self._say_now([self.line("speech.off")])
        self.speaker.on = False
        self._watch_focus(False)

    def toggle(self) -> None:
        self.turn_off() if self.speaker.on else self.turn_on()

    def next_person(self) -> None:
        """The session ended: silence, speech off, default volume, and the hint is due again."""
        self.speaker.end_session()
        self._watch_focus(self.speaker.on)
        self.hint_due = True

    # -- input ------------------------------------------------------------------------------
    def _focus_changed(self, _old, new) -> None:
        if new is None or not self.speaker.on or not self.window.isAncestorOf(new) and new is not self.window:
            return
        self.say([Utterance(control_text(self.t, new), self.t.language)])

    def _long_press(self) -> None:
        self._long_pressed = True
        self.toggle()

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if obj is self.window.overlay and kind == QEvent.Type.Show:
            QTimer.singleShot(0, self, lambda: self.say(self.overlay_scene(), remember=True))
            return False
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and isinstance(obj, QWidget):
            if obj in self.covers():
                self._soon(self.speak_scene)  # the cover came or went: say what is now on top
            return False
        # From here on ``obj`` is the window's QWindow: every touch and key passes it first.
        if kind == QEvent.Type.MouseButtonPress:
            self.speaker.interrupt()
            self._press_at = event.position().toPoint()
            self._long_pressed = False
            self._press.start()
            if self.hint_due and not self.speaker.on and self.window.flow.current.name == places.HOME:
                self.hint_due = False
                self._say_now([self.line("speech.hint")])
        elif kind == QEvent.Type.MouseMove and self._press.isActive() and self._press_at is not None:
            if (event.position().toPoint() - self._press_at).manhattanLength() > LONG_PRESS_SLOP_PX:
                self._press.stop()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._press.stop()
            if self._long_pressed:
                # The hold was for speech: the button under the finger is not pressed by it.
                self._long_pressed = False
                under = self.window.childAt(event.position().toPoint())
                if isinstance(under, QAbstractButton):
                    under.setDown(False)
                return True
            under = self.window.childAt(event.position().toPoint())
            if self.speaker.on and under is not None and under.property("speech_masked") is True:
                self._soon_masked()
        elif kind == QEvent.Type.KeyPress:
            return self._key(event)
        return False

    def _soon_masked(self) -> None:
        QTimer.singleShot(0, self, lambda: self.say([self.line("speech.digit_entered")]))

    def _key(self, event) -> bool:
        if event.isAutoRepeat():
            return False
        key = event.key()
        in_text = isinstance(QApplication.focusWidget(), QLineEdit)
        self.speaker.interrupt()
        chord = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
        if event.modifiers() & chord:
            # Alt+F2 and the like are a desktop's shortcuts (run dialog, consoles): on a kiosk
            # they mean nothing, and the speech keys answer only when pressed alone.
            return False
        if key in SPEECH_KEYS:
            self.toggle()
            return True
        if not self.speaker.on:
            return False
        if key in REPEAT_KEYS:
            self.repeat()
            return True
        if key in LOUDER_KEYS and not (in_text and key == Qt.Key.Key_Plus):
            self.say([self.line("speech.volume", n=self.speaker.volume_up())])
            return True
        if key in SOFTER_KEYS and not (in_text and key == Qt.Key.Key_Minus):
            self.say([self.line("speech.volume", n=self.speaker.volume_down())])
            return True
        focus = QApplication.focusWidget()
        masked = focus is not None and role_of(focus) == "password"
        if masked and event.text() and event.text().isprintable():
            self._soon_masked()  # never the digit itself (5.1.3.8)
        return False
