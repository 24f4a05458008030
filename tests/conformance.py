"""The accessibility conformance report (docs/accessibility.md), generated from test markers.

A test that shows a clause says so: ``@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")``.
This module reads the markers from the test files' source (no test is run, nothing is
imported), and writes one row per clause of EN 301 549 V3.2.1 chapter 5 and per WCAG 2.2
criterion that applies to the kiosk, with the tests that show it. A row is

- *supported*: tests show it and nothing known is missing;
- *partially supported*: tests show part of it; ``PARTIAL`` says what is missing;
- *not applicable*: ``NOT_APPLICABLE`` says why;
- *not supported*: no test shows it yet (so the report never claims what nobody checks).

The speech section between ``<!-- speech -->`` and ``<!-- /speech -->`` is written by hand
(speech output, EN 301 549 5.1.3) and kept as it is when the report is generated again.

    python -m tests.conformance            # rewrite docs/accessibility.md
    python -m tests.conformance --check    # exit 1 if the committed file differs
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "accessibility.md"
SPEECH_START, SPEECH_END = "<!-- speech -->", "<!-- /speech -->"

EN_301_549 = [
    ("5.1.2.1", "Closed functionality"),
    ("5.1.2.2", "Assistive technology"),
    ("5.1.3.1", "Audio output of visual information"),
    ("5.1.3.2", "Auditory output delivery including speech"),
    ("5.1.3.3", "Auditory output correlation"),
    ("5.1.3.4", "Speech output user control"),
    ("5.1.3.5", "Speech output automatic interruption"),
    ("5.1.3.6", "Speech output for non-text content"),
    ("5.1.3.7", "Speech output for video information"),
    ("5.1.3.8", "Masked entry"),
    ("5.1.3.9", "Private access to personal data"),
    ("5.1.3.10", "Non-interfering audio output"),
    ("5.1.3.11", "Private listening volume"),
    ("5.1.3.12", "Speaker volume"),
    ("5.1.3.13", "Volume reset"),
    ("5.1.3.14", "Spoken languages"),
    ("5.1.3.15", "Non-visual error identification"),
    ("5.1.3.16", "Receipts, tickets, and transactional outputs"),
    ("5.1.4", "Functionality closed to text enlargement"),
    ("5.1.5", "Visual output for auditory information"),
    ("5.1.6.1", "Operation without keyboard interface: closed functionality"),
    ("5.1.6.2", "Operation without keyboard interface: input focus"),
    ("5.2", "Activation of accessibility features"),
    ("5.3", "Biometrics"),
    ("5.4", "Preservation of accessibility information during conversion"),
    ("5.5.1", "Means of operation"),
    ("5.5.2", "Operable parts discernibility"),
    ("5.6.1", "Tactile or auditory status"),
    ("5.6.2", "Visual status"),
    ("5.7", "Key repeat"),
    ("5.8", "Double-strike key acceptance"),
    ("5.9", "Simultaneous user actions"),
]

WCAG_22 = [
    ("WCAG 1.1.1", "Non-text content (A)"),
    ("WCAG 1.3.1", "Info and relationships (A)"),
    ("WCAG 1.3.2", "Meaningful sequence (A)"),
    ("WCAG 1.3.3", "Sensory characteristics (A)"),
    ("WCAG 1.3.4", "Orientation (AA)"),
    ("WCAG 1.4.1", "Use of colour (A)"),
    ("WCAG 1.4.3", "Contrast (minimum) (AA)"),
    ("WCAG 1.4.4", "Resize text (AA)"),
    ("WCAG 1.4.6", "Contrast (enhanced) (AAA)"),
    ("WCAG 1.4.10", "Reflow (AA)"),
    ("WCAG 1.4.11", "Non-text contrast (AA)"),
    ("WCAG 2.1.1", "Keyboard (A)"),
    ("WCAG 2.1.2", "No keyboard trap (A)"),
    ("WCAG 2.1.4", "Character key shortcuts (A)"),
    ("WCAG 2.2.1", "Timing adjustable (A)"),
    ("WCAG 2.4.3", "Focus order (A)"),
    ("WCAG 2.4.6", "Headings and labels (AA)"),
    ("WCAG 2.4.7", "Focus visible (AA)"),
    ("WCAG 2.4.11", "Focus not obscured (minimum) (AA)"),
    ("WCAG 2.4.13", "Focus appearance (AAA)"),
    ("WCAG 2.5.1", "Pointer gestures (A)"),
    ("WCAG 2.5.7", "Dragging movements (AA)"),
    ("WCAG 2.5.8", "Target size (minimum) (AA)"),
    ("WCAG 3.1.1", "Language of page (A)"),
    ("WCAG 3.1.2", "Language of parts (AA)"),
    ("WCAG 3.3.1", "Error identification (A)"),
    ("WCAG 4.1.2", "Name, role, value (A)"),
]

NOT_APPLICABLE = {
    "5.1.2.2": "The kiosk is closed: no assistive technology of the resident's own can be connected; "
               "the built-in keypad, speech and large text take its place.",
    "5.1.3.7": "The kiosk shows no pre-recorded video.",
    "5.1.5": "The kiosk gives no information by sound alone (the session warning also shows a countdown).",
    "5.3": "No biometric identification.",
    "5.4": "The kiosk converts no documents.",
    "5.7": "No physical keys with repeat; the on-screen erase key repeats only while held, as on a phone.",
    "WCAG 1.3.4": "A kiosk screen is mounted in one orientation (the essential exception).",
}

PARTIAL: dict[str, str] = {}

# Supported, with what the tests show said in words (the tests alone name only their cases).
REMARKS = {
    "5.1.4": ("Aa steps to 150 % and 200 % text; every screen scrolls instead of squeezing, and the "
              "scenes reflow (rows of chips, badges and faces wrap onto new lines; the search keyboard "
              "goes above its results, or its results under it when a name's longest word does not fit "
              "beside it; the browse grid and the home tiles take the columns that fit; the nurse's desk "
              "stacks its columns and puts one button a row when two do not fit; the service card's QR "
              "code goes under the card's text on a low screen). test_every_scene_reflows_at_200_percent "
              "runs every screenshot scene in all eight languages at 1280x800 and in fi, sv and ar at "
              "1920x1080, and checks that nothing is cut, past the right edge (past the left edge, right "
              "to left) or drawn over something else: every scene passes in every run, none excused. "
              "Not checked by it: whether a button's letters fit its height."),
    "WCAG 1.4.4": "Text reaches 200 %; every scene passes in all eight languages at 1280x800, and in fi, sv "
                  "and ar at 1920x1080 (the other five were checked there once, 2026-12-03).",
    "5.1.3.10": ("The only sound the kiosk plays by itself is the session's warning tone, under one "
                 "second (the test reads the wave); speech output is the non-visual access itself, "
                 "stops at any action (5.1.3.4) and has its own volume keys (5.1.3.11-13)."),
    "5.1.6.1": ("Every flow is walked by keypad, the video call too: with the real web engine offscreen and "
                "a room from the reference backend, in the kiosk's window and in a call process's own window "
                "(built by the function the process uses), Enter hangs up and changes the volume, Back asks "
                "'End the call?' first, the page is no stop and no trap, a failed call offers its next steps "
                "with the focus on the first, and speech says the call's start, its ending and its failure "
                "(from a call process through the kiosk's speech). Not shown by a test: the keys of a real "
                "keypad reaching the call window under cage (the cage test taps)."),
    "WCAG 1.4.10": "Pages scroll up and down only, never sideways; at 200 % no scene cuts a word or runs "
                   "past the edge in any of the eight languages.",
}

_MARK = re.compile(r"^\d|^WCAG ")


def _marker_clauses(node: ast.expr) -> list[str]:
    """The clauses of a ``pytest.mark.conformance(...)`` call, or []."""
    if not isinstance(node, ast.Call):
        return []
    f = node.func
    if isinstance(f, ast.Attribute) and f.attr == "conformance":
        return [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return []


def collect(tests_dir: Path = ROOT / "tests") -> dict[str, list[str]]:
    """clause -> ["tests/ui/test_keypad.py::test_...", ...], from the source of every test file."""
    found: dict[str, list[str]] = {}
    for path in sorted(tests_dir.rglob("test_*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        module_marks: list[str] = []
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark"
                                                    for t in stmt.targets):
                values = stmt.value.elts if isinstance(stmt.value, (ast.List, ast.Tuple)) else [stmt.value]
                for v in values:
                    module_marks += _marker_clauses(v)
        for stmt in ast.walk(tree):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name.startswith("test"):
                clauses = [c for d in stmt.decorator_list for c in _marker_clauses(d)] + module_marks
                for clause in clauses:
                    found.setdefault(clause, []).append(f"{rel}::{stmt.name}")
    return found


def unknown_clauses(found: dict[str, list[str]]) -> list[str]:
    known = {c for c, _ in EN_301_549 + WCAG_22}
    return sorted(c for c in found if c not in known)


def _status(clause: str, tests: list[str]) -> str:
    if clause in NOT_APPLICABLE:
        return "not applicable"
    if not tests:
        return "not supported"
    if clause in PARTIAL:
        return "partially supported"
    return "supported"


def _rows(clauses: list[tuple[str, str]], found: dict[str, list[str]]) -> list[str]:
    lines = ["| clause | title | status | shown by / remarks |", "| --- | --- | --- | --- |"]
    for clause, title in clauses:
        tests = sorted(set(found.get(clause, [])))
        status = _status(clause, tests)
        remarks = []
        if clause in NOT_APPLICABLE:
            remarks.append(NOT_APPLICABLE[clause])
        if clause in PARTIAL and tests:
            remarks.append(PARTIAL[clause])
        if clause in REMARKS and tests and clause not in PARTIAL:
            remarks.append(REMARKS[clause])
        remarks += [f"`{t}`" for t in tests]
        if status == "not supported":
            remarks.append("no test shows it yet")
        lines.append(f"| {clause.removeprefix('WCAG ')} | {title} | {status} | {'<br>'.join(remarks)} |")
    return lines


def speech_block(existing: str) -> str:
    """The hand-written speech section of the current report, or an empty block."""
    start, end = existing.find(SPEECH_START), existing.find(SPEECH_END)
    if start != -1 and end > start:
        return existing[start:end + len(SPEECH_END)]
    return f"{SPEECH_START}\n{SPEECH_END}"


def render(found: dict[str, list[str]], speech: str) -> str:
    counts = {}
    for clause, _ in EN_301_549 + WCAG_22:
        s = _status(clause, sorted(set(found.get(clause, []))))
        counts[s] = counts.get(s, 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    parts = [
        "# Accessibility conformance report",
        "",
        "<!-- Generated by `python -m tests.conformance` from the tests' "
        "`@pytest.mark.conformance(...)` markers; edit the tests or tests/conformance.py, "
        "not the tables. The speech section is written by hand. -->",
        "",
        "The welfare kiosk against EN 301 549 V3.2.1 chapter 5 (closed functionality) and the "
        "WCAG 2.2 success criteria that apply to its screens. Each row names the tests that show "
        "it; `tests/test_conformance_report.py` fails when this file and the tests disagree.",
        "",
        f"In all: {summary}.",
        "",
        "How a resident uses the features: a tactile keypad or keyboard (arrows or Tab move, "
        "Enter presses, Escape/Back goes back, F1/Help repeats speech), the **Aa** button beside "
        "the languages on every screen and the login, and `ui.double_press_ms` for double-press "
        "rejection (docs/configuration.md).",
        "",
        "**Text size and contrast.** Each tap on **Aa** steps through the site's own text, larger "
        "(150 %) and largest (200 % of the site's body size, WCAG 1.4.4), then back; three marks "
        "under the two letters show the step, and the button's spoken name says it. Both enlarged "
        "steps use the high-contrast colours (at least 7:1): one button in reach of the thumb, "
        "rather than a second one to find in a crowded top bar, because the people who ask for "
        "bigger text at a kiosk are mostly the ones the stronger colours help; a person who wants "
        "the site's colours back taps on to the start. The next person starts at the first step. "
        "At 200 % the 1280x800 body text is 36 pt (a capital H of about 34 px: 0.7 degrees, "
        "5.1.4's figure, from 62 cm on a 13.3-inch screen); 1920x1080 on a 24-inch screen reaches "
        "it from 95 cm. Every screen sits in a page that scrolls up and down when its words need "
        "more height; columns stand one under the other when they do not fit side by side (the "
        "search's keyboard above its results), and rows of buttons and badges go on to the next line.",
        "",
        "## EN 301 549 chapter 5",
        "",
        *_rows(EN_301_549, found),
        "",
        "## WCAG 2.2",
        "",
        *_rows(WCAG_22, found),
        "",
        "## Speech output",
        "",
        speech,
        "",
    ]
    return "\n".join(parts)


def generate(existing: str | None = None) -> str:
    if existing is None:
        existing = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    return render(collect(), speech_block(existing))


def main(argv: list[str]) -> int:
    found = collect()
    bad = unknown_clauses(found)
    if bad:
        print(f"unknown clauses in conformance markers: {bad}", file=sys.stderr)
        return 2
    text = generate()
    if "--check" in argv:
        current = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
        if current != text:
            print(f"{REPORT.relative_to(ROOT)} is out of date: run python -m tests.conformance", file=sys.stderr)
            return 1
        return 0
    REPORT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
