"""Spoken queue calls: a chime, then "Number A 12, room 112" in each configured language.

Audio is made as WAV files (the chime synthesised here, speech by espeak-ng) so the
queue display only has to play files. Speech is a courtesy: when the synthesiser is
missing or fails, the call is still shown on screen and the chime still sounds.
"""

from __future__ import annotations

import functools
import json
import math
import shutil
import struct
import subprocess
import wave
from pathlib import Path

from kiosk.packaged import asset

PHRASES_PATH = asset("speech", "queue_calls.json")
SAMPLE_RATE = 22050
# espeak-ng voices for the kiosk's languages; a slower rate is easier for older ears.
# espeak-ng has no Somali voice: a Somali call is shown on screen only, and reported.
VOICES = {"fi": "fi", "sv": "sv", "en": "en-gb", "et": "et", "ru": "ru", "uk": "uk", "ar": "ar"}
SPEECH_RATE_WPM = 135


class AnnouncementError(Exception):
    pass


@functools.cache
def _phrases() -> dict[str, str]:
    return json.loads(PHRASES_PATH.read_text(encoding="utf-8"))


def call_text(label: str, room: str, lang: str) -> str:
    """'A012', '112', 'fi' -> 'Numero A 12, huone 112.' (the number said as a number)."""
    letter, digits = label[:1], label[1:]
    try:
        template = _phrases()[lang]
    except KeyError:
        raise AnnouncementError(f"no spoken phrase for language {lang!r}") from None
    return template.format(letter=letter, number=int(digits), room=room)


def write_chime(path: Path, *, volume: float = 0.4) -> Path:
    """A soft two-tone 'ding-dong' (E5 then C5), each tone fading out."""
    frames = bytearray()
    for freq, seconds in ((659.25, 0.45), (523.25, 0.7)):
        n = int(SAMPLE_RATE * seconds)
        for i in range(n):
            envelope = math.exp(-4.0 * i / n)
            sample = volume * envelope * math.sin(2 * math.pi * freq * i / SAMPLE_RATE)
            frames += struct.pack("<h", int(sample * 32767))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(bytes(frames))
    return path


def speak_to_file(text: str, lang: str, path: Path, *, timeout_s: float = 10.0) -> Path:
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise AnnouncementError("espeak-ng is not installed (packaging/system-deps.sh installs it)")
    voice = VOICES.get(lang)
    if voice is None:
        raise AnnouncementError(f"no voice for language {lang!r}")
    try:
        subprocess.run([exe, "-v", voice, "-s", str(SPEECH_RATE_WPM), "-w", str(path), text],
                       check=True, capture_output=True, timeout=timeout_s)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise AnnouncementError(f"speech synthesis failed: {exc}") from None
    return path


def voiced(languages) -> tuple[str, ...]:
    """The languages among ``languages`` that calls can be spoken in, in their order."""
    return tuple(lang for lang in languages if lang in VOICES)


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


def prepare_call(label: str, room: str, languages: tuple[str, ...], folder: Path) -> tuple[list[Path], list[str]]:
    """WAV files to play in order (chime first) and the problems met on the way.

    A language whose speech fails is left out and reported, never blocking the call.
    """
    folder.mkdir(parents=True, exist_ok=True)
    chime = folder / "chime.wav"
    if not chime.exists():
        write_chime(chime)
    files, problems = [chime], []
    for lang in languages:
        try:
            files.append(speak_to_file(call_text(label, room, lang), lang, folder / f"{label}-{lang}.wav"))
        except AnnouncementError as exc:
            problems.append(f"{lang}: {exc}")
    return files, problems
