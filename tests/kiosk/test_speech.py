"""The speech core (kiosk/speech.py) without Qt: engines, headphones, interruption, volume."""

import threading
import time

import pytest

from kiosk import announce, speech
from kiosk.speech import EspeakEngine, Speaker, Utterance


class RecordingEngine:
    """Stands in for the sound card: records what would be heard (the real engine's
    process and WAV are tested in test_espeak_writes_real_speech_to_a_wav below)."""

    name = "recording"

    def __init__(self, voices=("fi", "sv", "en"), seconds: float = 0.0) -> None:
        self.voices, self.seconds = set(voices), seconds
        self.heard: list[tuple[str, str, int]] = []
        self.cut: list[str] = []

    def has_voice(self, lang):
        return lang in self.voices

    def say(self, u, volume, cancelled):
        deadline = time.monotonic() + self.seconds
        while time.monotonic() < deadline:
            if cancelled():
                self.cut.append(u.text)
                return
            time.sleep(0.005)
        self.heard.append((u.text, u.lang, volume))


@pytest.mark.conformance("5.1.3.2")
def test_espeak_writes_real_speech_to_a_wav(tmp_path):
    """The real adapter: the same espeak-ng command the kiosk plays, writing a WAV."""
    engine = EspeakEngine()
    assert engine.exe is not None, "espeak-ng is installed on every kiosk (packaging/system-deps.sh)"
    quiet = engine.to_file(Utterance("Vuoronumerosi on A 12.", "fi"), 20, tmp_path / "quiet.wav")
    loud = engine.to_file(Utterance("Vuoronumerosi on A 12.", "fi"), 100, tmp_path / "loud.wav")
    assert announce.wav_seconds(loud) > 1.0

    def peak(path):
        import array
        import wave
        with wave.open(str(path)) as w:
            return max(abs(x) for x in array.array("h", w.readframes(w.getnframes())))
    assert peak(loud) > peak(quiet) * 2  # the volume reaches the engine


def test_somali_has_no_voice_and_is_reported_not_raised():
    engine = RecordingEngine(voices=("fi",))
    problems = []
    speaker = Speaker(engine, on_problem=problems.append)
    said = speaker.say([Utterance("Lambarkaaga", "so"), Utterance("Numero", "fi")], speaker.interrupt(), 70)
    assert [u.lang for u in said] == ["fi"]
    assert speaker.missing_voices == ["so"] and "no voice for 'so'" in problems[0]
    speaker.say([Utterance("Lambarkaaga", "so")], speaker.interrupt(), 70)
    assert len(problems) == 1  # reported once, not at every screen
    assert not EspeakEngine().has_voice("so")  # espeak-ng really has none


def test_no_engine_at_all_is_reported():
    speaker = Speaker(None)
    assert speaker.engine_missing
    assert speaker.say([Utterance("x", "fi")], speaker.interrupt(), 70) == []
    assert "no speech engine" in speaker.problems[0]


@pytest.mark.conformance("5.1.3.5", "5.1.3.4")
def test_an_interrupt_silences_the_sentence_being_said():
    engine = RecordingEngine(seconds=5)
    speaker = Speaker(engine)
    ticket = speaker.interrupt()
    thread = threading.Thread(target=speaker.say, args=([Utterance("pitkä lause", "fi"), Utterance("toinen", "fi")],
                                                        ticket, 70))
    started = time.monotonic()
    thread.start()
    time.sleep(0.05)
    speaker.interrupt()  # a touch
    thread.join(2)
    assert not thread.is_alive() and time.monotonic() - started < 1.0
    assert engine.cut == ["pitkä lause"] and engine.heard == []  # the second never started


@pytest.mark.conformance("5.1.3.12", "5.1.3.13")
def test_volume_steps_and_returns_to_default_after_the_session():
    speaker = Speaker(RecordingEngine(), default_volume=70)
    for _ in range(10):
        speaker.volume_up()
    assert speaker.volume == speech.MAX_VOLUME
    speaker.volume_down()
    assert speaker.volume == 90
    speaker.on = True
    speaker.end_session()
    assert speaker.volume == 70 and speaker.on is False


PACTL_SPEAKERS = """Sink #0
\tState: RUNNING
\tName: alsa_output.pci-0000_00_1f.3.analog-stereo
\tActive Port: analog-output-speaker
"""
PACTL_HEADPHONES = PACTL_SPEAKERS.replace("analog-output-speaker", "analog-output-headphones")
PACTL_BLUETOOTH = "Sink #3\n\tName: bluez_output.00_1B_66.1\n\tActive Port: headphone-output\n"


def test_headphones_are_read_from_the_sound_server():
    assert speech.headphones_from_pactl(PACTL_SPEAKERS) is False
    assert speech.headphones_from_pactl(PACTL_HEADPHONES) is True
    assert speech.headphones_from_pactl(PACTL_BLUETOOTH) is True
    assert speech.headphones_from_pactl("") is None  # no sound server: the config decides


# Two cards, as on a kiosk with a paired headset that is not in use: speech goes to the default.
PACTL_TWO = PACTL_SPEAKERS.replace("Sink #0", "Sink #0\n\tDriver: PipeWire") + """
Sink #3
\tState: SUSPENDED
\tName: bluez_output.00_1B_66.1
\tDescription: Headset
\tPorts:
\t\theadphone-output: Headphone (type: Headphones, priority: 0, available)
\tActive Port: headphone-output
"""


def test_only_the_sink_speech_goes_to_counts():
    """A paired headset that is not the default sink, or a headphone port listed but not active,
    does not make a name private: speech is played where the sound server sends it."""
    assert speech.headphones_from_pactl(PACTL_TWO, "alsa_output.pci-0000_00_1f.3.analog-stereo") is False
    assert speech.headphones_from_pactl(PACTL_TWO, "bluez_output.00_1B_66.1") is True
    assert speech.headphones_from_pactl(PACTL_TWO) is True   # an old pactl names no default: any counts
    assert speech.headphones_from_pactl(PACTL_TWO, "gone") is True
    listed = PACTL_SPEAKERS + "\tPorts:\n\t\tanalog-output-headphones: Headphones (not available)\n"
    assert speech.headphones_from_pactl(listed) is False


FAKE_PACTL = """#!/bin/sh
# pactl's labels follow the locale: Finnish unless asked for C.
if [ "$1" = get-default-sink ]; then echo "$DEFAULT_SINK"; exit 0; fi
if [ "$LC_ALL" = C ]; then label="Active Port"; name="Name"; else label="Aktiivinen portti"; name="Nimi"; fi
printf 'Sink #0\n\t%s: speakers\n\t%s: analog-output-speaker\n' "$name" "$label"
printf 'Sink #1\n\t%s: usb-headset\n\t%s: analog-output-headphones\n' "$name" "$label"
"""


@pytest.mark.parametrize("default, found", [("usb-headset", True), ("speakers", False)])
def test_pactl_is_read_in_the_c_locale_and_asked_for_the_default_sink(tmp_path, monkeypatch, default, found):
    """A stand-in pactl (no sound server runs in CI; tests/kiosk/test_speech_dispatcher.py has the
    real one) that answers in Finnish under a Finnish locale, as the real one does: read in the
    kiosk's own locale, no line said "Active Port" and headphones were never found."""
    exe = tmp_path / "pactl"
    exe.write_text(FAKE_PACTL, encoding="utf-8")
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    monkeypatch.setenv("LC_ALL", "fi_FI.UTF-8")
    monkeypatch.setenv("DEFAULT_SINK", default)
    assert speech.detect_headphones() is found


@pytest.mark.parametrize("setting, detected, hears_private", [
    ("detect", True, True), ("detect", False, False), ("detect", None, False),
    ("connected", False, True), ("absent", True, False)])
@pytest.mark.conformance("5.1.3.9")
def test_private_text_only_to_headphones(setting, detected, hears_private):
    engine = RecordingEngine()
    note = Utterance("Henkilötietosi näkyvät näytöllä.", "fi")
    speaker = Speaker(engine, headphones=setting, detect=lambda: detected, private_note=lambda _lang: note)
    speaker.say([Utterance("Olet täällä: Omat varaukset.", "fi"), Utterance("Maija Meikäläinen", "fi", private=True)],
                speaker.interrupt(), 70)
    heard = [text for text, _lang, _v in engine.heard]
    assert heard[0] == "Olet täällä: Omat varaukset."
    assert heard[1] == ("Maija Meikäläinen" if hears_private else note.text)
