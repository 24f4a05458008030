"""`python -m ui.screenshots` renders real screens to PNG at the kiosk's resolution."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.gui


def test_renders_home_and_service_card_at_both_resolutions(qtbot, tmp_path):
    from ui.screenshots import render

    paths = render(tmp_path, resolutions=("1920x1080", "1280x800"), languages=("sv",), only="01-home,service-card")
    names = {p.name for p in paths}
    assert "1920x1080-sv-01-home.png" in names and "1280x800-sv-10-service-card.png" in names
    for path in paths:
        image = QImage(str(path))
        expected = (1920, 1080) if path.name.startswith("1920") else (1280, 800)
        assert (image.width(), image.height()) == expected, path.name
        # Not a blank picture: the page background and dark text are both there.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
        assert len(colours) > 3, path.name
