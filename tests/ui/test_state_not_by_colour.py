"""A chosen toggle looks chosen without its colours (WCAG 1.4.1, EN 301 549 5.6.2).

Seen in the screenshots: a chosen topic of an idea ("Liikunta"), a chosen 0-10 score and the
browse's chosen tab differed from the others by their colours only. A filter chip had a check
mark, a poll option its "✓ Chosen"; the rest now are underlined as well.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.conftest import scenes_window, settle


def _shape(button) -> set[tuple[int, int]]:
    """Where the button's words and marks are, whatever their colours: the pixels far from the
    button's own background (its commonest colour), inside its border and rounded corners."""
    image = button.grab().toImage()
    inset = 16
    points = [(x, y) for y in range(inset, image.height() - inset) for x in range(inset, image.width() - inset)]
    colours = [image.pixelColor(x, y) for x, y in points]
    commonest = Counter(c.rgb() for c in colours).most_common(1)[0][0]
    bg = colours[[c.rgb() for c in colours].index(commonest)]

    def far(c) -> bool:
        return abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue()) > 150
    return {p for p, c in zip(points, colours) if far(c)}


def _kind(button) -> str:
    return button.objectName().split("-")[0] or type(button).__name__


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.4.1", "5.6.2")
def test_a_chosen_toggle_differs_in_shape_not_only_in_colour_in_every_scene(qtbot, tmp_path):
    """Each kind of toggle the screenshot scenes show (filter chips, the nurse's rooms and
    waiting numbers, poll options, an idea's topics and districts, the 0-10 scores, the
    browse's tabs, the keyboard's shift, the reason toggle, the text size) is tapped once from
    off to on: the drawing of its words and marks must change, not only its colours."""
    from ui import screenshots

    kinds_seen, tried, colour_only = set(), {}, {}
    with scenes_window(qtbot, tmp_path, "1920x1080") as (window, parts):
        for scene, action in screenshots.scenes(window):
            window.reset_for_next_person()
            action()
            settle(qtbot)
            toggles = [b for b in window.findChildren(QAbstractButton)
                       if b.isVisible() and b.isEnabled() and b.isCheckable()]
            kinds_seen |= {_kind(b) for b in toggles}
            for b in toggles:
                kind = _kind(b)
                if kind in tried or b.isChecked() or b.width() < 40 or b.height() < 40:
                    continue
                before = _shape(b)
                qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
                settle(qtbot)
                if not (b.isVisible() and b.isChecked()):
                    continue   # it led elsewhere or is not on by a tap: another of its kind is tried
                after = _shape(b)
                tried[kind] = (scene, b.objectName())
                if len(before ^ after) <= max(len(before), len(after)) // 20:
                    colour_only[kind] = (scene, b.objectName(), len(before), len(after), len(before ^ after))
                break   # the scene has changed: the next scene
    assert not colour_only, colour_only
    # Every kind was tried somewhere (a scene that showed it on only, or one tap per scene,
    # may leave a kind out: the scenes below then show it off too).
    assert {"filter", "option", "category", "nps", "tab"} <= set(tried), (sorted(tried), sorted(kinds_seen))
