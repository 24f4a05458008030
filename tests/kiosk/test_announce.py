import os

import pytest

from kiosk import announce


def test_call_text_says_the_number_as_a_number_in_each_language():
    assert announce.call_text("A012", "112", "fi") == "Numero A 12, huone 112."
    assert announce.call_text("B003", "2", "sv") == "Nummer B 3, rum 2."
    assert announce.call_text("C120", "Lobby", "en") == "Number C 120, room Lobby."
    with pytest.raises(announce.AnnouncementError):
        announce.call_text("A001", "1", "de")


def test_chime_is_a_real_wav_of_about_a_second(tmp_path):
    path = announce.write_chime(tmp_path / "chime.wav")
    assert 1.0 < announce.wav_seconds(path) < 1.3


def test_speech_in_three_languages_with_espeak(tmp_path):
    files, problems = announce.prepare_call("A012", "112", ("fi", "sv", "en"), tmp_path)
    assert problems == []
    assert [f.name for f in files] == ["chime.wav", "A012-fi.wav", "A012-sv.wav", "A012-en.wav"]
    for f in files[1:]:
        assert announce.wav_seconds(f) > 1.0  # real speech, not an empty file


def test_missing_synthesiser_leaves_the_chime_and_reports(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # espeak-ng cannot be found
    files, problems = announce.prepare_call("A012", "112", ("fi",), tmp_path)
    assert [f.name for f in files] == ["chime.wav"]
    assert "espeak-ng is not installed" in problems[0]
