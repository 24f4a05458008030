"""Typing under cage: the kiosk's on-screen keyboard tapped through the compositor, and a
keyboard's own keys, put å, ä, ö (and, on an Arabic keyboard, Arabic letters) into the
search field; no input method of the system shows anything.

Where to tap comes from the kiosk's own layout (tests/cage/locate.py), and what the field
must show is the same field drawn by the same code with the text in it: the screenshot's
field is compared with that picture, so "the letters appear" means these letters, in this
font, in this order and direction.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.cage.session import REPO, difference, wait_for
from tests.cage.test_session import keep, settled_screenshot

pytestmark = pytest.mark.slow

LANGUAGES = ("fi", "sv", "en", "ar")
# Typed on the on-screen keyboard: Finnish, Swedish, and on the Arabic screen the Arabic
# keys it offers first (ui/widgets/keyboard.py): كيلا, Kela in Arabic letters.
ON_SCREEN = {"fi": "pöytä", "sv": "åbo", "ar": "كيلا"}
# Typed on a USB keyboard (xdotool names the keys by their US legends; cage maps them with
# the unit's XKB_DEFAULT_LAYOUT=fi): s ä ä t ö, then i d, the dead acute key, e.
PHYSICAL_FI = [("säätö", ["s", "apostrophe", "apostrophe", "t", "semicolon"]),
               ("idé", ["i", "d", "equal", "e"])]
# On an Arabic keyboard (a site's drop-in: XKB_DEFAULT_LAYOUT=ara): س ل ا م.
PHYSICAL_AR = ("سلام", ["s", "g", "h", "l"])
# Pixels of the field that may differ from the expected picture. The same code draws both
# with the same fonts, so a frame is identical; the blinking text cursor (about 40 pixels)
# is waited out, and the dots that tell ä from a (about 30) are not forgiven.
FIELD_TOLERANCE_PX = 8
RING_PX = 8


def locate(session, tmp_path: Path, texts: list[str]) -> dict:
    out = tmp_path / "located"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-m", "tests.cage.locate", "--config", str(session.device), "--out", str(out),
            "--type", ""]
    for text in texts:
        args += ["--type", text]
    subprocess.run(args, cwd=REPO, env=env, check=True, timeout=120, capture_output=True)
    places = json.loads((out / "places.json").read_text(encoding="utf-8"))
    places["fields"] = {(lang, text): QImage(str(out / f"field-{lang}-{n}.png"))
                        for lang in LANGUAGES for n, text in enumerate(["", *texts])}
    return places


def _dark(pixel: int) -> bool:
    r, g, b = (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255
    return r * 0.3 + g * 0.59 + b * 0.11 < 110


def _cursor_columns(image) -> set[int]:
    """Columns holding the text cursor: a thin dark line taller than any glyph, with light
    on both sides. It blinks, and Qt places it a pixel or two apart on the two platforms
    in right-to-left text, so the comparison leaves it out (the letters are what counts)."""
    h = image.height()
    dark = [sum(_dark(image.pixel(x, y)) for y in range(h)) for x in range(image.width())]
    return {c for x, n in enumerate(dark) if n >= 0.55 * h
            and all(dark[i] < 0.2 * h for i in (x - 3, x + 3) if 0 <= i < len(dark))
            for c in (x - 1, x, x + 1)}


def field_difference(a, b) -> int:
    """Pixels that differ clearly between two pictures of the field, the cursor left out."""
    if a.size() != b.size():
        return a.width() * a.height()
    skip = _cursor_columns(a) | _cursor_columns(b)
    differ = 0
    for x in range(a.width()):
        if x in skip:
            continue
        for y in range(a.height()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if any(abs(((pa >> s) & 255) - ((pb >> s) & 255)) > 24 for s in (0, 8, 16)):
                differ += 1
    return differ


def center(rect) -> tuple[int, int]:
    return rect[0] + rect[2] // 2, rect[1] + rect[3] // 2


class Kiosk:
    """The kiosk under cage with the map of where its widgets are."""

    def __init__(self, session, places: dict, tmp_path: Path) -> None:
        self.session, self.places, self.tmp = session, places, tmp_path

    def tap(self, place: str, name: str) -> None:
        self.session.tap(*center(self.places[place][name]))

    def field_shows(self, lang: str, text: str, what: str, timeout: float = 10) -> QImage:
        """Wait until the search field on screen is the expected field with ``text``."""
        rect = self.places[f"search-{lang}"]["search-field"]
        # Inside the field's edge: after a key on a physical keyboard the keypad's focus ring
        # (two 3 px lines over the edge, ui/keypad.py) is drawn there, as it should be.
        x, y, w, h = rect[0] + RING_PX, rect[1] + RING_PX, rect[2] - 2 * RING_PX, rect[3] - 2 * RING_PX
        expected = self.places["fields"][(lang, text)].copy(RING_PX, RING_PX, w, h)
        seen = [w * h]

        def matches():
            shot = self.session.screenshot(self.tmp / "now.png")
            seen[0] = field_difference(shot.copy(x, y, w, h), expected)
            return shot if seen[0] <= FIELD_TOLERANCE_PX else None

        try:
            return wait_for(matches, timeout, interval=0.2, what=what)
        except TimeoutError as exc:
            self.session.screenshot(self.tmp / "now.png").copy(*rect).save(str(self.tmp / "field-seen.png"))
            keep(self.tmp / "field-seen.png")
            raise AssertionError(f"{exc}: the field differs from {text!r} in {seen[0]} pixels") from None

    def open_search(self, lang: str) -> None:
        home = settled_screenshot(self.session, self.tmp / "home.png")
        self.tap(f"home-{lang}", "tile-find")
        wait_for(lambda: difference(self.session.screenshot(self.tmp / "now.png"), home) > 0.05, 10,
                 what="the browse screen")
        settled_screenshot(self.session, self.tmp / "browse.png")
        self.tap(f"browse-{lang}", "browse-search")
        self.field_shows(lang, "", "the empty search field")

    def choose_language(self, current: str, lang: str) -> None:
        before = self.session.screenshot(self.tmp / "now.png")
        self.tap(f"search-{current}", "language-menu")
        panel = f"panel-{current}"
        wait_for(lambda: difference(self.session.screenshot(self.tmp / "now.png"), before) > 0.01, 5,
                 what="the language panel")
        settled_screenshot(self.session, self.tmp / "panel.png")
        self.tap(panel, f"language-{lang}")
        self.field_shows(lang, "", f"the empty search field in {lang}")

    def type_on_screen(self, lang: str, text: str) -> None:
        for letter in text:
            self.tap(f"search-{lang}", f"key-{letter}")


def input_methods(pid: int) -> list[str]:
    maps = Path(f"/proc/{pid}/maps").read_text(errors="replace")
    return sorted({Path(line.split()[-1]).name for line in maps.splitlines() if "/platforminputcontexts/" in line})


def environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").partition("=")[::2] for item in raw if b"=" in item)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)], ids=["1920x1080", "1280x800"])
def test_the_on_screen_keyboard_types_nordic_letters_under_wayland(start_kiosk, tmp_path, size, capsys):
    session = start_kiosk(size=size, languages=LANGUAGES)
    kiosk = Kiosk(session, locate(session, tmp_path, list(ON_SCREEN.values())), tmp_path)
    windows = session.display.top_windows()
    suffix = f"{size[0]}x{size[1]}"

    kiosk.open_search("fi")
    kiosk.type_on_screen("fi", ON_SCREEN["fi"])
    kiosk.field_shows("fi", ON_SCREEN["fi"], "pöytä typed on the keys")
    keep_settled(session, tmp_path / f"keyboard-fi-{suffix}.png")

    kiosk.tap("search-fi", "key-clear")
    kiosk.field_shows("fi", "", "the field cleared")
    kiosk.choose_language("fi", "sv")
    kiosk.type_on_screen("sv", ON_SCREEN["sv"])
    kiosk.field_shows("sv", ON_SCREEN["sv"], "åbo typed on the keys")
    keep_settled(session, tmp_path / f"keyboard-sv-{suffix}.png")

    kiosk.tap("search-sv", "key-clear")
    kiosk.choose_language("sv", "ar")
    kiosk.type_on_screen("ar", ON_SCREEN["ar"])
    kiosk.field_shows("ar", ON_SCREEN["ar"], "كيلا typed on the Arabic keys of the Arabic screen")
    keep_settled(session, tmp_path / f"keyboard-ar-{suffix}.png")

    # Nothing but the kiosk showed itself: no input method panel, no other window.
    assert session.display.top_windows() == windows
    pid = session.kiosk_pid()
    assert environ(pid).get("QT_IM_MODULE") == session.unit.environment["QT_IM_MODULE"]
    loaded = input_methods(pid)
    assert set(loaded) <= {"libcomposeplatforminputcontextplugin.so"}, loaded
    with capsys.disabled():
        print(f"\ncage {suffix}: typed {sum(map(len, ON_SCREEN.values()))} letters on the on-screen keyboard "
              f"(fi, sv, ar); input method plugins loaded: {loaded or 'none'}")


def test_a_keyboard_types_finnish_letters_and_dead_keys_under_wayland(start_kiosk, tmp_path):
    session = start_kiosk(size=(1280, 800), languages=LANGUAGES)
    kiosk = Kiosk(session, locate(session, tmp_path, [text for text, _ in PHYSICAL_FI]), tmp_path)
    kiosk.open_search("fi")
    for text, keys in PHYSICAL_FI:
        session.key(*keys)
        kiosk.field_shows("fi", text, f"{text} typed on a Finnish keyboard")
        keep_settled(session, tmp_path / f"keys-fi-{text}.png")
        kiosk.tap("search-fi", "key-clear")
        kiosk.field_shows("fi", "", "the field cleared")


def test_an_arabic_keyboard_types_arabic_letters_under_wayland(start_kiosk, tmp_path):
    session = start_kiosk(size=(1280, 800), languages=LANGUAGES, drop_in={"XKB_DEFAULT_LAYOUT": "ara"})
    text, keys = PHYSICAL_AR
    kiosk = Kiosk(session, locate(session, tmp_path, [text]), tmp_path)
    kiosk.open_search("fi")
    kiosk.choose_language("fi", "ar")
    session.key(*keys)
    # Joined and right to left: the expected picture is Qt's own shaping of the word.
    kiosk.field_shows("ar", text, "سلام typed on an Arabic keyboard")
    keep_settled(session, tmp_path / "keys-ar.png")


def keep_settled(session, path: Path) -> None:
    settled_screenshot(session, path)
