"""docs/accessibility.md is what tests/conformance.py makes from the tests' markers."""

from __future__ import annotations

from tests import conformance


def test_the_committed_report_is_the_generated_one():
    committed = conformance.REPORT.read_text(encoding="utf-8")
    assert committed == conformance.generate(committed), \
        "docs/accessibility.md is out of date: run python -m tests.conformance"


def test_every_marker_names_a_clause_of_the_report():
    assert conformance.unknown_clauses(conformance.collect()) == []


def test_a_clause_is_supported_only_where_a_test_shows_it():
    found = conformance.collect()
    assert "tests/ui/test_keypad.py::test_a_second_tap_on_the_same_button_within_the_set_time_is_ignored" \
        in found["5.8"]
    text = conformance.render({"5.8": ["tests/x.py::test_y"]}, "<!-- speech -->\n<!-- /speech -->")
    assert "| 5.8 | Double-strike key acceptance | supported | `tests/x.py::test_y` |" in text
    assert "| 5.9 | Simultaneous user actions | not supported | no test shows it yet |" in text
    assert "| 5.3 | Biometrics | not applicable |" in text


def test_the_hand_written_speech_section_is_kept():
    existing = ("# old\n| 5.8 | stale |\n<!-- speech -->\n### Speech\nSpoken in the screen's language.\n"
                "<!-- /speech -->\ntrailing\n")
    text = conformance.generate(existing)
    assert "<!-- speech -->\n### Speech\nSpoken in the screen's language.\n<!-- /speech -->" in text
    assert "stale" not in text
    # Without a section yet, an empty one is made for the speech engineer to fill.
    assert "<!-- speech -->\n<!-- /speech -->" in conformance.generate("")
