"""Pictograms beside the words (ui/icons.py, assets/icons/): every home tile, life situation,
target group, sector and channel kind has one; drawn in the text's colour in every theme;
mirrored in a right-to-left language only when it points; silent for a screen reader."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from kiosk.catalogue.vocab import CHANNEL_KINDS, LIFE_EVENTS, SECTORS, TARGET_GROUPS
from kiosk.packaged import asset
from tests.ui.conftest import settle
from ui import icons
from ui.screens.home import COMING_TILES
from ui.theme import HIGH_CONTRAST, THEMES


EVERY_CODE = ([("home", "find")] + [("home", name) for name, _m, _p in COMING_TILES]
              + [("life_event", c) for c in LIFE_EVENTS] + [("target_group", c) for c in TARGET_GROUPS]
              + [("sector", c) for c in SECTORS] + [("channel", c) for c in CHANNEL_KINDS])


@pytest.mark.parametrize("kind, code", EVERY_CODE)
def test_everything_a_resident_chooses_from_has_a_drawing(kind, code):
    name = icons.icon_for(kind, code)
    assert name, f"no pictogram for {kind} {code}"
    svg = (asset("icons") / f"{name}.svg").read_text(encoding="utf-8")
    assert QSvgRenderer(QByteArray(svg.encode())).isValid(), name


@pytest.mark.parametrize("name", icons.names())
def test_each_drawing_is_on_the_grid_and_takes_the_text_colour(name):
    svg = (asset("icons") / f"{name}.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 24 24"' in svg and 'stroke-width="2"' in svg, name
    assert "currentColor" in svg, name
    # A colour of its own would not follow the theme (or the high-contrast one).
    assert not re.search(r"#[0-9a-fA-F]{3,6}|rgb\(", svg), name


def _ink(image: QImage) -> set[str]:
    """The colours of the fully drawn pixels (the strokes' inside, not their soft edge)."""
    out = set()
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                out.add(c.name())
    return out


def _strokes(image: QImage) -> set[tuple[int, int]]:
    """Where the drawing is: the pixels that differ clearly from the corner's background."""
    bg = image.pixelColor(0, 0)
    def far(c) -> bool:
        return abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue()) \
            + abs(c.alpha() - bg.alpha()) > 200
    return {(x, y) for y in range(image.height()) for x in range(image.width()) if far(image.pixelColor(x, y))}


def _same(a: set, b: set) -> bool:
    """The same strokes but for a few soft-edge pixels (a mirrored path rasterises a shade apart)."""
    return len(a ^ b) <= max(len(a), len(b)) // 20


def _mirror(points: set, width: int) -> set:
    return {(width - 1 - x, y) for x, y in points}


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.1.1", "WCAG 1.4.11")
def test_a_tile_pictogram_is_drawn_in_the_tiles_text_colour_also_in_high_contrast(qtbot, window):
    tile = window.screen("home").tiles["queue"]
    settle(qtbot)
    pictogram = tile.icon
    assert pictogram.name == "ticket" and pictogram.isVisible()
    light = THEMES["light"]
    assert light.on_tile.lower() in _ink(pictogram.grab().toImage())
    # The tile's words are what a screen reader says; the drawing adds nothing to them.
    assert tile.accessibleName() == f"{tile.title.text()}. {tile.subtitle.text()}"
    assert pictogram.accessibleName() == "" and not pictogram.text()

    before = pictogram.width()
    window.appearance.set_large(True)   # the "Aa" button: high contrast and larger text
    settle(qtbot)
    ink = _ink(pictogram.grab().toImage())
    assert HIGH_CONTRAST.on_tile.lower() in ink and light.on_tile.lower() not in ink
    assert pictogram.width() > before   # it grows with the words beside it
    # The action tile's pictogram is in the action colour's text colour.
    find = window.screen("home").tiles["find"].icon
    assert HIGH_CONTRAST.on_primary.lower() in _ink(find.grab().toImage())


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.3.2")
def test_only_a_pointing_drawing_turns_round_in_arabic(qtbot, window):
    home = window.screen("home")
    settle(qtbot)
    arrive, book = home.tiles["checkin"].icon, home.tiles["book"].icon
    assert arrive.name in icons.POINTING and book.name not in icons.POINTING
    ltr = {w.name: _strokes(w.grab().toImage()) for w in (arrive, book)}
    window.translator.set_language("ar")
    settle(qtbot)
    assert arrive.layoutDirection() == Qt.LayoutDirection.RightToLeft
    rtl = {w.name: _strokes(w.grab().toImage()) for w in (arrive, book)}
    assert ltr["arrive"] and not _same(ltr["arrive"], _mirror(ltr["arrive"], arrive.width()))
    assert _same(rtl["arrive"], _mirror(ltr["arrive"], arrive.width()))
    assert _same(rtl["calendar-plus"], ltr["calendar-plus"])
    # The pictogram stands before the words in reading order: at the right in Arabic.
    tile = home.tiles["checkin"]
    assert arrive.geometry().center().x() > tile.title.geometry().center().x()


@pytest.mark.gui
def test_life_situations_target_groups_and_sectors_show_their_pictograms(qtbot, window):
    window.flow.go("browse")
    browse = window.screen("browse")
    settle(qtbot)
    assert browse.tiles and all(t.icon is not None and t.icon.name == icons.icon_for("life_event", code)
                                for code, t in browse.tiles.items())
    browse.show_tab("target_group")
    settle(qtbot)
    assert browse.tiles and all(t.icon.name == icons.icon_for("target_group", code)
                                for code, t in browse.tiles.items())
    window.flow.go("results")
    settle(qtbot)
    results = window.screen("results")
    badges = [b for b in results.findChildren(QWidget) if str(b.objectName()).startswith("badge-")
              and b.property("role") in ("badge-public", "badge-private", "badge-third_sector")]
    assert badges
    for badge in badges[:10]:
        sector = badge.property("role").removeprefix("badge-")
        pictogram = badge.findChild(icons.Pictogram)
        assert pictogram.name == icons.SECTORS[sector]
        assert badge.accessibleName() == window.translator.label("sector", sector)
    window.flow.go("service", service_id="health-station")
    settle(qtbot)
    card = window.screen("service")
    service = window.screen("service").catalogue.service("health-station")
    shown = sorted(p.name for p in card.findChildren(icons.Pictogram) if p.isVisibleTo(card)
                   and p.parentWidget().property("role") == "card")
    assert shown == sorted(icons.CHANNEL_KINDS[ch.kind] for ch in service.channels), shown


def test_a_drawing_is_rendered_once_per_size_and_colour():
    icons.pixmap.cache_clear()
    first = icons.pixmap("house", 48, "#123456")
    again = icons.pixmap("house", 48, "#123456")
    assert again is first and icons.pixmap.cache_info().hits == 1
    assert icons.pixmap("house", 48, "#654321") is not first
