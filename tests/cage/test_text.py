"""Fonts under Wayland as under xcb: Finnish, Swedish and right-to-left Arabic text in the
kiosk's theme, drawn under cage and under X11, compared and kept for a person to look at."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.cage.session import REPO, KioskSession, difference, wait_for
from tests.cage.test_session import keep

pytestmark = pytest.mark.slow


def test_text_renders_the_same_under_wayland_and_xcb(display, tmp_path):
    xcb_png = tmp_path / "text-xcb.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display.name, "PYTHONPATH": str(REPO)}
    env.pop("WAYLAND_DISPLAY", None)
    subprocess.run([sys.executable, "-m", "tests.cage.text_sample", "--grab", str(xcb_png)], cwd=REPO, env=env,
                   check=True, timeout=60, capture_output=True)
    xcb = QImage(str(xcb_png))
    keep(xcb_png)

    device = tmp_path / "device.toml"
    device.write_text("", encoding="utf-8")
    session = KioskSession(display=display, tmp=tmp_path, device=device, size=(1280, 800),
                           app=[sys.executable, "-m", "tests.cage.text_sample"])
    try:
        session.start()
        wayland_png = tmp_path / "text-wayland.png"
        shot = wait_for(lambda: (lambda s: s if difference(s, xcb) < 0.01 else None)(session.screenshot(wayland_png)),
                        30, interval=0.2, what="the same text under Wayland as under xcb")
        keep(wayland_png)
    finally:
        session.stop()
    assert (shot.width(), shot.height()) == (1280, 800)
