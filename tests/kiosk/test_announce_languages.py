"""Queue calls in the neighbourhood's languages (issue 16): every UI language has a phrase,
and every language espeak-ng has a voice for is spoken."""

import json
import shutil
import subprocess

import pytest

from kiosk import announce
from kiosk.config import LANGUAGES


def test_every_ui_language_has_a_call_phrase_with_the_same_placeholders():
    phrases = json.loads(announce.PHRASES_PATH.read_text(encoding="utf-8"))
    assert set(phrases) == set(LANGUAGES)
    for lang in LANGUAGES:
        text = announce.call_text("A012", "112", lang)
        assert "12" in text and "112" in text and "012" not in text, (lang, text)


def _espeak_voices() -> set[str]:
    out = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True, check=True).stdout
    return {line.split()[1] for line in out.splitlines()[1:] if line.split()}


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_every_language_with_an_espeak_voice_is_spoken(tmp_path):
    voices = _espeak_voices()
    spoken = [lang for lang in LANGUAGES if lang in voices or announce.VOICES.get(lang) in voices]
    assert {"et", "ru", "uk", "ar"} <= set(spoken)
    assert all(lang in announce.VOICES for lang in spoken), "a voice exists but is not used"
    files, problems = announce.prepare_call("A012", "112", tuple(spoken), tmp_path)
    assert problems == []
    for f in files[1:]:
        assert announce.wav_seconds(f) > 1.0  # real speech, not an empty file


def test_a_language_without_a_voice_is_reported_and_the_call_still_sounds(tmp_path):
    files, problems = announce.prepare_call("A012", "112", ("so",), tmp_path)
    assert [f.name for f in files] == ["chime.wav"]
    assert problems and problems[0].startswith("so:")


def test_the_announcer_speaks_every_ui_language_but_somali():
    # Somali has no espeak-ng voice: the display shows it, the call is not spoken in it.
    assert announce.voiced(LANGUAGES) == tuple(lang for lang in LANGUAGES if lang != "so")
    assert announce.voiced(("so", "ar", "fi")) == ("ar", "fi")
