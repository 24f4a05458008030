"""The painted parts of Take part (ui/screens/participation_widgets.py) follow the theme and the text size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

pytestmark = pytest.mark.gui


def test_a_project_pictogram_takes_the_colour_and_the_size_of_the_words_beside_it(qtbot):
    from ui.screens.participation_widgets import Pictogram

    host = QWidget()
    col = QVBoxLayout(host)
    pic = Pictogram("bench", size_px=48)
    col.addWidget(pic)
    qtbot.addWidget(host)
    # The high-contrast theme's words: yellow on black (ui/theme.py HIGH_CONTRAST).
    host.setStyleSheet("QWidget { background: #000000; color: #FFE500; font-size: 16pt; }")
    host.show()
    qtbot.waitExposed(host)
    image = pic.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert "#ffe500" in colours                                   # drawn in the words' colour
    assert not colours & {"#1a1a1a", "#e9f2e4"}                   # not in the old fixed ink and fill
    normal = pic.width()
    host.setStyleSheet("QWidget { background: #000000; color: #FFE500; font-size: 32pt; }")   # "Aa", 200 %
    qtbot.waitUntil(lambda: pic.width() > normal * 1.5, timeout=3000)
    assert pic.width() == pic.height()
