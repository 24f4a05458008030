"""A video call in a process of its own: ``python -m ui.video.call_process``.

The kiosk starts this for each embedded call (``video.separate_process``) so that Qt
WebEngine, and the memory its browser side keeps, leave with the call: the kiosk's own
memory returns to where it was. This process shows the same ``VideoScreen`` as an
in-process call, full screen over the kiosk (a kiosk compositor such as cage shows the
newest window), and talks to the kiosk through lines of JSON:

    stdout:  {"event": "loaded", "seconds": 0.4}
             {"event": "ended", "service_id": ..., "source": ..., "reason": ..., ...}
             {"event": "say", "lines": [[text, lang, private], ...], "remember": true}
             {"event": "speech_key", "key": "toggle" | "louder" | "softer", "lines": [...]}
                             (with --speech: what the kiosk's speech output should say or do)
    stdin:   "end <reason>"   end the call (e.g. session_ended after an idle reset)
             "volume <0..1>"  set the call's volume
             end of input     the kiosk went away: hang up
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys


def emit(event: str, **fields) -> None:
    print(json.dumps({"event": event, **fields}), flush=True)


def call_screen(app, config, lang: str):
    """The call window: the same VideoScreen as an in-process call, as a window of its own,
    with the kiosk's keypad (ui/keypad.py): under cage this window has the keyboard while it
    is on top, so arrows, Enter and Back must work here as in the kiosk (EN 301 549 5.1.6.1)."""
    from ui.app import apply_theme
    from ui.i18n import Translator
    from ui.keypad import KeypadNavigation
    from ui.screens.video import VideoScreen
    from ui.theme import focus_ring

    appearance = apply_theme(app, config)
    metrics = appearance.base_metrics
    tr = Translator(lang if lang in config.ui.languages else config.ui.default_language)
    screen = VideoScreen(tr=tr, metrics=metrics, video=config.video, has_webengine=True)
    screen.setWindowTitle("Video call")
    screen.resize(*config.window_size)
    screen.keypad = KeypadNavigation(screen, double_press_ms=config.ui.double_press_ms,
                                     ring_colours=lambda: focus_ring(appearance.palette),
                                     ring_radius=metrics.radius_px)
    return screen


def speech_relay(screen, app, out=emit) -> None:
    """Speech for the call window (``--speech``): this window has the keyboard while it
    is on top, so what speech says about it is made here, and the kiosk's own speech output
    (its engine, volume and headphones) says it. The scene when it changes or Help is pressed,
    the control the focus moves to; never anything inside the web page. The speech keys (on/off,
    louder, softer) go to the kiosk too: its speech says nothing while it is off."""
    import shiboken6
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer

    from ui.input_tap import watch_window_input
    from ui.speech import LOUDER_KEYS, SOFTER_KEYS, SPEECH_KEYS, control_text

    def lines(utterances) -> list:
        return [[u.text, u.lang, bool(getattr(u, "private", False))] for u in utterances]

    def scene() -> None:
        out("say", lines=lines(screen.spoken() or []), remember=True)

    def focus_moved(_old, new) -> None:
        if not shiboken6.isValid(screen):
            return
        room = screen.room
        if new is None or not screen.isAncestorOf(new):
            return
        if room is not None and room.widget is not None and (new is room.widget or room.widget.isAncestorOf(new)):
            return
        out("say", lines=[[control_text(screen.tr_, new), screen.tr_.language, False]], remember=False)

    class SpeechKeys(QObject):
        """The speech keys (ui/speech.py) pressed in this window: the kiosk's speech acts on them."""

        def eventFilter(self, _obj, event) -> bool:
            if event.type() != QEvent.Type.KeyPress or event.isAutoRepeat() or event.modifiers() & chord:
                return False
            for keys, word in ((SPEECH_KEYS, "toggle"), (LOUDER_KEYS, "louder"), (SOFTER_KEYS, "softer")):
                if event.key() in keys:
                    # With the scene: speech turned on here says this window, not the kiosk's.
                    out("speech_key", key=word, lines=lines(screen.spoken() or []) if word == "toggle" else [])
                    return True
            return False

    chord = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
    screen.speech_keys = SpeechKeys(screen)
    watch_window_input(screen, screen.speech_keys)
    soon = lambda: QTimer.singleShot(0, screen, scene)  # noqa: E731  (after the screen has drawn it)
    screen.call_started.connect(lambda _call: soon())
    screen.scene_changed.connect(soon)
    screen.side.currentChanged.connect(lambda _i: soon())   # "End the call?" and back
    screen.keypad.help_requested.connect(scene)
    app.focusChanged.connect(focus_moved)
    screen.destroyed.connect(lambda *_: app.focusChanged.disconnect(focus_moved))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ui.video.call_process")
    ap.add_argument("--config", help="the kiosk's device file (for video.* and the theme)")
    ap.add_argument("--call", required=True, help="the VideoCall as JSON")
    ap.add_argument("--lang", default="fi")
    ap.add_argument("--fullscreen", action="store_true")
    ap.add_argument("--speech", action="store_true", help="send what to say, and the speech keys, to the kiosk")
    args = ap.parse_args(argv)

    from kiosk.config import load_config
    from kiosk.video import END_REASONS, HUNG_UP, VideoCall

    config = load_config(args.config)
    call = VideoCall(**json.loads(args.call))

    from ui.video import prepare_application
    prepare_application()
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("welfare-kiosk-call")
    screen = call_screen(app, config, args.lang)
    if args.speech:
        speech_relay(screen, app)

    def finished(outcome) -> None:
        emit("ended", **dataclasses.asdict(outcome))
        # Gone from the screen now, not when Chromium has shut down: cage then shows the kiosk.
        screen.hide()
        app.exit(0)

    screen.call_finished.connect(finished)
    screen.call_started.connect(lambda _call: screen.room.loaded.connect(
        lambda seconds: emit("loaded", seconds=seconds)))

    def command() -> None:
        line = sys.stdin.readline()
        if not line:  # the kiosk is gone: nobody is there to talk to
            notifier.setEnabled(False)
            if screen.room is not None:
                screen.room.end(HUNG_UP)
            return
        word, _, value = line.strip().partition(" ")
        if word == "end" and screen.room is not None:
            screen.room.end(value if value in END_REASONS else HUNG_UP)
        elif word == "volume":
            try:
                screen.set_volume(float(value))
            except ValueError:
                pass

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    if args.fullscreen:
        screen.showFullScreen()
    else:
        screen.show()
    screen.start_call(call)
    return app.exec()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
