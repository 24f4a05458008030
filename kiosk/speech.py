"""Speech output for people who cannot see the screen (EN 301 549 5.1.3). No Qt here.

The UI describes what is on screen as a list of ``Utterance`` (text and the language
it is written in); ``Speaker`` says them one after another through an engine, on the
runner's speech thread (ui/speech.py). Any action interrupts: it bumps the speaker's
generation, and the engine stops the process of an older generation within a poll.

Engines are the ones Debian keeps: speech-dispatcher's ``spd-say`` and ``espeak-ng``
(the same voices and rate as the queue display's calls, kiosk/announce.py). A language
without a voice (espeak-ng has no Somali) is reported once for staff and skipped;
it never stops the flow.

Private texts (a person's name, their own bookings) are spoken only through headphones.
Whether headphones are connected is read from PulseAudio/PipeWire (``pactl``); where
that cannot be read, the configuration's ``speech.headphones`` decides.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from kiosk import announce

log = logging.getLogger(__name__)

VOLUME_STEP = 10
MIN_VOLUME, MAX_VOLUME = 10, 100
POLL_S = 0.05  # how soon an interrupted utterance falls silent


@dataclass(frozen=True)
class Utterance:
    text: str
    lang: str
    private: bool = False  # personal data: only through headphones


class SpeechUnavailable(Exception):
    """The engine cannot speak this language (no voice) or is not installed."""


class Engine(Protocol):
    name: str

    def has_voice(self, lang: str) -> bool: ...

    def say(self, utterance: Utterance, volume: int, cancelled: Callable[[], bool]) -> None:
        """Speak and return when done or when ``cancelled()`` turns true (then fall silent)."""


def _wait_or_cancel(proc: subprocess.Popen, cancelled: Callable[[], bool], timeout_s: float,
                    on_cancel: Callable[[], None] | None = None) -> str:
    """``"done"``, ``"cancelled"`` or ``"timeout"`` (the process is stopped in the last two)."""
    deadline = time.monotonic() + timeout_s
    while proc.poll() is None:
        late = time.monotonic() > deadline
        if cancelled() or late:
            proc.kill()
            proc.wait()
            if on_cancel is not None:
                on_cancel()
            return "timeout" if late else "cancelled"
        time.sleep(POLL_S)
    return "done"


class EspeakEngine:
    """espeak-ng straight to the sound card (its own audio output), or to a WAV file."""

    name = "espeak-ng"

    def __init__(self, exe: str | None = None) -> None:
        self.exe = exe or shutil.which("espeak-ng")

    def has_voice(self, lang: str) -> bool:
        return self.exe is not None and lang in announce.VOICES

    def command(self, utterance: Utterance, volume: int, wav: Path | None = None) -> list[str]:
        if not self.has_voice(utterance.lang):
            raise SpeechUnavailable(f"espeak-ng has no voice for {utterance.lang!r}")
        # espeak-ng's amplitude is 0-200 with 100 as normal; our volume is 0-100 %.
        cmd = [self.exe, "-v", announce.VOICES[utterance.lang], "-s", str(announce.SPEECH_RATE_WPM),
               "-a", str(volume * 2)]
        if wav is not None:
            cmd += ["-w", str(wav)]
        return [*cmd, "--", utterance.text]

    def say(self, utterance: Utterance, volume: int, cancelled: Callable[[], bool]) -> None:
        proc = subprocess.Popen(self.command(utterance, volume), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _wait_or_cancel(proc, cancelled, timeout_s=60)

    def to_file(self, utterance: Utterance, volume: int, path: Path) -> Path:
        """The same command writing a WAV: what the tests listen to instead of a speaker."""
        subprocess.run(self.command(utterance, volume, wav=path), check=True, capture_output=True, timeout=20)
        return path


class SpeechDispatcherEngine:
    """speech-dispatcher's client: the desktop's own speech service, espeak-ng behind it.

    A speech-dispatcher that cannot open a sound output keeps ``spd-say --wait`` waiting for
    ever (seen on Debian 12 without a sound server), and one that cannot be reached refuses.
    Either way the first such sentence is said again through ``fallback`` (espeak-ng), and
    so is everything after it; ``on_problem`` tells staff once."""

    name = "spd-say"

    def __init__(self, exe: str | None = None, *, fallback: "Engine | None" = None,
                 on_problem: Callable[[str], None] | None = None) -> None:
        self.exe = exe or shutil.which("spd-say")
        self.fallback = fallback
        self.on_problem = on_problem
        self.failed: str | None = None   # why speech-dispatcher is no longer used

    def has_voice(self, lang: str) -> bool:
        if self.failed is not None:
            return self.fallback is not None and self.fallback.has_voice(lang)
        return self.exe is not None and lang in announce.VOICES

    def command(self, utterance: Utterance, volume: int) -> list[str]:
        # spd-say's volume and rate are -100..100 around the voice's default.
        return [self.exe, "--wait", "-o", "espeak-ng", "-l", utterance.lang, "-r", "-25",
                "-i", str(volume * 2 - 100), "--", utterance.text]

    @staticmethod
    def time_limit_s(text: str) -> float:
        """Long enough for the sentence at the kiosk's slow rate (about 12 characters a
        second) twice over, short enough that a stalled server does not leave a person in
        silence for long."""
        return 5.0 + len(text) / 6

    def say(self, utterance: Utterance, volume: int, cancelled: Callable[[], bool]) -> None:
        if self.failed is not None and self.fallback is not None:
            self.fallback.say(utterance, volume, cancelled)
            return
        if not self.has_voice(utterance.lang):
            raise SpeechUnavailable(f"speech-dispatcher has no voice for {utterance.lang!r}")
        proc = subprocess.Popen(self.command(utterance, volume), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        # Killing the client leaves the server talking: cancel what it is saying too.
        outcome = _wait_or_cancel(proc, cancelled, timeout_s=self.time_limit_s(utterance.text),
                                  on_cancel=self._cancel)
        if outcome == "cancelled":
            return
        if outcome == "timeout":
            reason = (f"speech-dispatcher did not finish a sentence in {self.time_limit_s(utterance.text):.0f} s "
                      "(no sound output?)")
        elif proc.returncode != 0:
            err = (proc.stderr.read() or b"").decode("utf-8", "replace").strip().splitlines()
            reason = f"spd-say failed ({proc.returncode}): {err[0] if err else 'no message'}"
        else:
            return
        if self.fallback is None:
            raise SpeechUnavailable(reason)
        self.failed = reason
        if self.on_problem is not None:
            self.on_problem(f"{reason}; speaking through {self.fallback.name} instead")
        self.fallback.say(utterance, volume, cancelled)

    def _cancel(self) -> None:
        try:
            subprocess.run([self.exe, "--cancel"], capture_output=True, timeout=5)
        except (subprocess.SubprocessError, OSError):
            pass   # the server is gone: nothing is being said


def make_engine(choice: str) -> Engine | None:
    """``auto``: speech-dispatcher when installed (espeak-ng standing by should it fail),
    else espeak-ng; None when neither is."""
    if choice == "espeak-ng":
        engine = EspeakEngine()
        return engine if engine.exe is not None else None
    espeak = EspeakEngine()
    spd = SpeechDispatcherEngine(fallback=espeak if choice == "auto" and espeak.exe is not None else None)
    if spd.exe is not None:
        return spd
    return espeak if choice == "auto" and espeak.exe is not None else None


def _sinks(sinks_text: str) -> list[tuple[str, str]]:
    """``pactl list sinks`` -> (name, active port) of each sink, lower case."""
    sinks: list[list[str]] = []
    for line in sinks_text.splitlines():
        key, _, value = line.strip().partition(":")
        key, value = key.lower(), value.strip().lower()
        # A sink starts at its "Sink #n" line (or, in a shortened listing, at a second name).
        if line.startswith("Sink #") or (key == "name" and (not sinks or sinks[-1][0])):
            sinks.append(["", ""])
        if sinks and key == "name":
            sinks[-1][0] = value
        elif sinks and key == "active port":
            sinks[-1][1] = value
    return [(name, port) for name, port in sinks if name or port]


def headphones_from_pactl(sinks_text: str, default_sink: str | None = None) -> bool | None:
    """``pactl list sinks`` (in the C locale) -> are headphones where speech goes? Speech goes
    to the default sink (``pactl get-default-sink``): a headset paired but not chosen, or the
    headphone port of another card, does not make a name private. Without a default sink's
    name every sink counts. None: nothing to judge by."""
    sinks = _sinks(sinks_text)
    if not sinks:
        return None
    if default_sink:
        chosen = [s for s in sinks if s[0] == default_sink.strip().lower()]
        sinks = chosen or sinks
    return any("headphone" in port or "headset" in port or "bluez" in name for name, port in sinks)


def detect_headphones(timeout_s: float = 2.0) -> bool | None:
    exe = shutil.which("pactl")
    if exe is None:
        return None
    # pactl translates its labels ("Active Port" is "Aktiivinen portti" under a Finnish
    # locale, which a kiosk in Finland may well run with): read it in the C locale.
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C"}
    try:
        out = subprocess.run([exe, "list", "sinks"], capture_output=True, text=True, timeout=timeout_s,
                             check=True, env=env)
    except (subprocess.SubprocessError, OSError):
        return None
    try:   # pactl 15 and later; an older one leaves every sink to count
        default = subprocess.run([exe, "get-default-sink"], capture_output=True, text=True, timeout=timeout_s,
                                 check=True, env=env).stdout.strip() or None
    except (subprocess.SubprocessError, OSError):
        default = None
    return headphones_from_pactl(out.stdout, default)


class Speaker:
    """What the person hears: on/off, the volume of this session, the last scene for
    "repeat", and problems for staff. ``say`` is called on the speech thread; every
    other method is cheap and safe on the GUI thread (no process, no I/O)."""

    def __init__(self, engine: Engine | None, *, default_volume: int = 70, headphones: str = "detect",
                 detect: Callable[[], bool | None] = detect_headphones, on_problem: Callable[[str], None] | None = None,
                 private_note: Callable[[str], Utterance] | None = None, on: bool = False) -> None:
        self.engine = engine
        self.default_volume = default_volume
        self.volume = default_volume
        self.headphones_setting = headphones  # "detect", "connected" or "absent"
        self._detect = detect
        self.on_by_default = on  # speech.on_at_start: each person starts with this
        self.on = on
        self.last: list[Utterance] = []
        self.problems: list[str] = []   # for the log, in English
        self.missing_voices: list[str] = []  # languages shown but not spoken, for staff
        self.engine_missing = engine is None
        self._on_problem = on_problem
        self._private_note = private_note
        self._generation = 0
        self._lock = threading.Lock()
        self.spoken: list[Utterance] = []  # what actually reached the engine, for the log and tests
        if engine is not None and hasattr(engine, "on_problem") and engine.on_problem is None:
            engine.on_problem = self._problem   # e.g. speech-dispatcher failed, espeak-ng took over

    # -- on the GUI thread ----------------------------------------------------------------
    def interrupt(self) -> int:
        """Silence what is being said; the returned ticket is for what comes next."""
        with self._lock:
            self._generation += 1
            return self._generation

    def volume_up(self) -> int:
        self.volume = min(MAX_VOLUME, self.volume + VOLUME_STEP)
        return self.volume

    def volume_down(self) -> int:
        self.volume = max(MIN_VOLUME, self.volume - VOLUME_STEP)
        return self.volume

    def end_session(self) -> None:
        """The next person starts as the first did (speech off unless configured on), at the
        default volume, in silence."""
        self.interrupt()
        self.on = self.on_by_default
        self.volume = self.default_volume
        self.last = []

    # -- on the speech thread -------------------------------------------------------------
    def headphones(self) -> bool:
        if self.headphones_setting == "connected":
            return True
        if self.headphones_setting == "absent":
            return False
        found = self._detect()
        return bool(found)

    def say(self, utterances: list[Utterance], ticket: int, volume: int) -> list[Utterance]:
        """Speak in order until interrupted; returns what was handed to the engine."""
        cancelled = lambda: ticket != self._generation
        private_ok = None
        said = []
        for u in utterances:
            if cancelled():
                break
            if u.private:
                if private_ok is None:
                    private_ok = self.headphones()
                if not private_ok:
                    if self._private_note is None:
                        continue
                    u = self._private_note(u.lang)
            if self.engine is None:
                self._problem("no speech engine: install speech-dispatcher or espeak-ng")
                break
            if not self.engine.has_voice(u.lang):
                if u.lang not in self.missing_voices:
                    self.missing_voices.append(u.lang)
                self._problem(f"no voice for {u.lang!r} in {self.engine.name}: shown on screen only")
                continue
            try:
                self.engine.say(u, volume, cancelled)
            except (SpeechUnavailable, OSError, subprocess.SubprocessError) as exc:
                self._problem(f"speech failed in {u.lang!r}: {exc}")
                continue
            said.append(u)
            self.spoken.append(u)
        return said

    def _problem(self, text: str) -> None:
        with self._lock:
            if text in self.problems:
                return
            self.problems.append(text)
        log.warning("speech: %s", text)
        if self._on_problem is not None:
            self._on_problem(text)
