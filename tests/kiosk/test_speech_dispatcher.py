"""The real speech-dispatcher (``spd-say``) and the real ``pactl`` behind kiosk/speech.py.

There is no sound card here. speech-dispatcher runs as its own server for each test, with
libao's ``null`` driver as its sound output: espeak-ng really synthesises every sentence and
the server really plays it, into nothing. What the server was given (text, language, volume,
rate, the audio it received, a cancel) is read from its own log at log level 5.
packaging/system-deps.sh installs speech-dispatcher, its espeak-ng module, pulseaudio-utils (pactl) and pulseaudio.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from kiosk import speech
from kiosk.speech import EspeakEngine, Speaker, SpeechDispatcherEngine, Utterance

SERVER = shutil.which("speech-dispatcher")
SPD_SAY = shutil.which("spd-say")
needs_speech_dispatcher = pytest.mark.skipif(
    SERVER is None or SPD_SAY is None,
    reason="speech-dispatcher is not installed (packaging/system-deps.sh installs speech-dispatcher "
           "and speech-dispatcher-espeak-ng)")


class SpeechServer:
    """One speech-dispatcher of the test's own, reached through SPEECHD_ADDRESS."""

    def __init__(self, root: Path, pid: int) -> None:
        self.root = root
        self.pid = pid
        self.log = root / "log" / "speech-dispatcher.log"

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def wait_for(self, pattern: str, timeout_s: float = 10.0) -> re.Match:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = re.search(pattern, self.text())
            if found:
                return found
            time.sleep(0.02)
        raise AssertionError(f"speech-dispatcher's log never showed {pattern!r}")

    def settings(self) -> list[dict[str, str]]:
        """The settings sent to the espeak-ng module before each sentence."""
        out = []
        for block in re.findall(r"Command sent to output module: \|SET\n(.*?)\n\.", self.text(), re.S):
            out.append(dict(line.split("=", 1) for line in block.splitlines() if "=" in line))
        return out

    def received(self) -> list[str]:
        """The texts clients sent (the log shows each ``SPEAK`` body line as DATA)."""
        return re.findall(r"Queueing message \|(.*?)\| with priority", self.text(), re.S)

    def audio_bytes(self) -> int:
        return sum(int(n) for n in re.findall(r"Got audio: eventually (\d+) bytes", self.text()))


@pytest.fixture
def speech_server(monkeypatch):
    if SERVER is None or SPD_SAY is None:
        pytest.skip("speech-dispatcher is not installed (packaging/system-deps.sh installs it)")
    # A short folder: the server's unix socket path must stay under 108 bytes.
    root = Path(tempfile.mkdtemp(prefix="kiosk-spd-"))
    (root / "conf" / "modules").mkdir(parents=True)
    (root / "log").mkdir()
    (root / "home").mkdir()
    system_module = Path("/etc/speech-dispatcher/modules/espeak-ng.conf")
    (root / "conf" / "modules" / "espeak-ng.conf").write_text(
        system_module.read_text(encoding="utf-8") if system_module.exists() else "", encoding="utf-8")
    (root / "conf" / "speechd.conf").write_text(
        f'LogLevel 5\nLogDir "{root / "log"}"\nAudioOutputMethod "libao"\n'
        'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n', encoding="utf-8")
    # libao reads its driver from ~/.libao: "null" takes the sound and plays it nowhere.
    (root / "home" / ".libao").write_text("default_driver=null\n", encoding="utf-8")
    socket = root / "sock"
    env = {**os.environ, "HOME": str(root / "home")}
    proc = subprocess.Popen([SERVER, "--run-single", "--timeout", "0", "--config-dir", str(root / "conf"),
                             "--log-dir", str(root / "log"), "--communication-method", "unix_socket",
                             "--socket-path", str(socket), "--log-level", "5"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not socket.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"speech-dispatcher did not start (exit {proc.poll()}); see {root / 'log'}")
        time.sleep(0.02)
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket}")
    server = SpeechServer(root, proc.pid)
    yield server
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    shutil.rmtree(root, ignore_errors=True)


@needs_speech_dispatcher
@pytest.mark.conformance("5.1.3.2", "5.1.3.14")
def test_spd_say_speaks_the_sentence_in_its_language_at_the_sessions_volume(speech_server):
    engine = speech.make_engine("auto")
    assert isinstance(engine, SpeechDispatcherEngine)   # auto prefers speech-dispatcher
    speaker = Speaker(engine, default_volume=70)
    said = speaker.say([Utterance("Vuoronumerosi on A 12.", "fi"), Utterance("Ditt könummer är A 12.", "sv")],
                       speaker.interrupt(), 70)
    assert [u.lang for u in said] == ["fi", "sv"] and not speaker.problems, speaker.problems
    speech_server.wait_for(r"Ditt könummer är A 12\.")
    assert speech_server.received() == ["Vuoronumerosi on A 12.", "Ditt könummer är A 12."]
    settings = speech_server.settings()
    assert [s["language"] for s in settings] == ["fi", "sv"]
    # 70 % is spd-say's -100..100 scale at 40; the kiosk's slower rate reaches the voice.
    assert {(s["volume"], s["rate"]) for s in settings} == {("40", "-25")}
    # espeak-ng really synthesised it: half a second of 16-bit 22 kHz sound is 22 kB.
    assert speech_server.audio_bytes() > 22_000
    assert engine.failed is None


@needs_speech_dispatcher
@pytest.mark.conformance("5.1.3.4", "5.1.3.5")
def test_an_interrupt_stops_spd_say_and_cancels_what_the_server_is_saying(speech_server):
    engine = SpeechDispatcherEngine()
    speaker = Speaker(engine)
    long_text = " ".join(["Tämä lause on pitkä, ja sitä luetaan kauan."] * 80)
    ticket = speaker.interrupt()
    thread = threading.Thread(target=speaker.say, args=([Utterance(long_text, "fi")], ticket, 70))
    thread.start()
    speech_server.wait_for(r"Got audio: eventually")   # the server is speaking
    touched = time.monotonic()
    speaker.interrupt()   # a touch
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - touched < 2.0
    speech_server.wait_for(r"DATA:\|CANCEL")   # the server was told to fall silent, not just the client
    assert not speaker.problems and engine.failed is None


@needs_speech_dispatcher
@pytest.mark.conformance("5.1.3.9")
def test_without_headphones_a_name_never_reaches_speech_dispatcher(speech_server):
    """Headphones are detected with the real pactl; there is no sound server here, so there
    are none, and the name is replaced by the note before it leaves the kiosk."""
    note = Utterance("Henkilötietosi näkyvät näytöllä.", "fi")
    speaker = Speaker(SpeechDispatcherEngine(), headphones="detect", private_note=lambda _lang: note)
    if speaker.headphones():
        pytest.skip("a sound server here reports headphones: this test needs a machine without them")
    speaker.say([Utterance("Omat varaukset.", "fi"), Utterance("Maija Meikäläinen", "fi", private=True)],
                speaker.interrupt(), 70)
    speech_server.wait_for(re.escape(note.text))
    assert speech_server.received() == ["Omat varaukset.", note.text]
    assert "Meikäläinen" not in speech_server.text()


@needs_speech_dispatcher
def test_a_speech_dispatcher_that_cannot_be_reached_hands_over_to_espeak_ng(tmp_path, monkeypatch):
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody-listens'}")
    heard = []

    class Espeak(EspeakEngine):
        """The real espeak-ng writing a WAV instead of playing it (there is no sound card)."""

        def say(self, utterance, volume, cancelled):
            heard.append(self.to_file(utterance, volume, tmp_path / f"{len(heard)}.wav"))

    speaker = Speaker(SpeechDispatcherEngine(fallback=Espeak()))
    said = speaker.say([Utterance("Tervetuloa.", "fi"), Utterance("Välkommen.", "sv")], speaker.interrupt(), 70)
    assert [u.text for u in said] == ["Tervetuloa.", "Välkommen."]   # the first sentence is not lost
    assert len(heard) == 2 and all(p.stat().st_size > 10_000 for p in heard)
    assert len(speaker.problems) == 1 and "spd-say failed" in speaker.problems[0]
    assert "espeak-ng instead" in speaker.problems[0]


@needs_speech_dispatcher
def test_a_stalled_speech_dispatcher_is_given_up_after_its_time_limit(speech_server, monkeypatch):
    """A server without a sound output keeps ``spd-say --wait`` waiting for ever; here the
    server is stopped mid-sentence (SIGSTOP), which is the same from the client's side."""
    heard = []

    class Fallback:
        name = "espeak-ng"

        def has_voice(self, lang):
            return True

        def say(self, utterance, volume, cancelled):
            heard.append(utterance.text)   # the real espeak-ng is tested above; this records the hand-over

    engine = SpeechDispatcherEngine(fallback=Fallback())
    monkeypatch.setattr(SpeechDispatcherEngine, "time_limit_s", staticmethod(lambda text: 1.0))
    pid = speech_server.pid
    os.kill(pid, signal.SIGSTOP)
    try:
        speaker = Speaker(engine)
        started = time.monotonic()
        speaker.say([Utterance("Hei.", "fi"), Utterance("Toinen.", "fi")], speaker.interrupt(), 70)
        assert time.monotonic() - started < 10
    finally:
        os.kill(pid, signal.SIGCONT)
    assert heard == ["Hei.", "Toinen."]
    assert engine.failed and "did not finish" in speaker.problems[0]


# -- headphones: the real pactl ------------------------------------------------------------------
PACTL = shutil.which("pactl")


@pytest.mark.skipif(PACTL is None, reason="pactl is not installed (packaging/system-deps.sh installs pulseaudio-utils)")
def test_pactl_without_a_sound_server_means_no_headphones(tmp_path, monkeypatch):
    """The real pactl asking a sound server that is not there: nothing to judge by (None),
    and the speaker takes that as no headphones."""
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-sound-server'}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert speech.detect_headphones() is None
    assert Speaker(None, headphones="detect").headphones() is False


PULSEAUDIO = shutil.which("pulseaudio")


@pytest.mark.skipif(PACTL is None or PULSEAUDIO is None,
                    reason="no PulseAudio server can run here (the pulseaudio package is not installed: "
                           "packaging/system-deps.sh installs it); pactl against a null sink is then untested")
@pytest.mark.conformance("5.1.3.9")
@pytest.mark.parametrize("sink, headphones", [("kiosk_speakers", False), ("bluez_output.00_1B_66.1", True)])
def test_pactl_reads_a_null_sink_of_a_real_pulseaudio(tmp_path, monkeypatch, sink, headphones):
    """The real pactl against a real PulseAudio with one null sink, named as a card's speakers
    or as a Bluetooth headset. packaging/system-deps.sh installs pulseaudio; skipped only
    where it could not be (KIOSK_SKIP_SYSTEM_DEPS on a machine without it)."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    env.pop("PULSE_SERVER", None)
    proc = subprocess.Popen([PULSEAUDIO, "--daemonize=no", "--exit-idle-time=-1", "-n", "--disallow-exit",
                             "--load=module-native-protocol-unix", f"--load=module-null-sink sink_name={sink}"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        monkeypatch.delenv("PULSE_SERVER", raising=False)
        deadline = time.monotonic() + 10
        while speech.detect_headphones() is None:
            assert proc.poll() is None and time.monotonic() < deadline, "pulseaudio did not start"
            time.sleep(0.05)
        assert speech.detect_headphones() is headphones
    finally:
        proc.terminate()
        proc.wait(5)
