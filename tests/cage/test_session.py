"""The kiosk in its real session: cage, Wayland, full screen, as the systemd unit starts it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.cage.session import difference, unpainted, wait_for

pytestmark = pytest.mark.slow


def keep(path: Path) -> None:
    """Copy a screenshot to $KIOSK_CAGE_SCREENSHOTS (if set) so a person can look at it."""
    folder = os.environ.get("KIOSK_CAGE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def settled_screenshot(session, path: Path, timeout: float = 30):
    """The first screenshot in which the kiosk has painted the whole output and that
    equals the one before it (nothing is still being drawn)."""
    previous = [None]

    def settled():
        shot = session.screenshot(path)
        ok = unpainted(shot) < 0.001 and previous[0] is not None and difference(shot, previous[0]) == 0
        previous[0] = shot
        return shot if ok else None

    shot = wait_for(settled, timeout, interval=0.2, what=f"the kiosk to fill the screen ({path.name})")
    keep(path)
    return shot


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)], ids=["1920x1080", "1280x800"])
def test_the_kiosk_fills_the_screen(start_kiosk, tmp_path, size):
    session = start_kiosk(size=size)
    shot = settled_screenshot(session, tmp_path / f"home-{size[0]}x{size[1]}.png")
    assert (shot.width(), shot.height()) == size
    assert unpainted(shot, step=2) < 0.0005, "cage's black background shows: the kiosk is not full screen"
    # Only the kiosk runs in the session: cage, the app, and nothing else of ours.
    assert len(session.kiosk_pids()) == 1, session.processes()
    # The unit's lockdown is on in the kiosk (kiosk/lockdown.py: Landlock needs no_new_privs).
    status = Path(f"/proc/{session.kiosk_pid()}/status").read_text()
    assert "NoNewPrivs:\t1" in status


def test_the_idle_reset_wipes_the_session_under_cage(start_kiosk, tmp_path, capsys):
    """No touch for ui.idle_timeout_s: the warning shows, then the kiosk is back on the
    home screen in the default language, as a fresh start shows it."""
    import time

    session = start_kiosk(size=(1280, 800), idle_timeout_s=20, idle_warning_s=5)
    home = settled_screenshot(session, tmp_path / "idle-home.png")
    session.tap(1031, 48)  # Svenska
    wait_for(lambda: difference(session.screenshot(tmp_path / "idle-sv.png"), home) > 0.002, 10, what="Swedish")
    swedish = settled_screenshot(session, tmp_path / "idle-sv.png")
    last_touch = time.monotonic()
    session.tap(220, 610)  # the feedback tile
    wait_for(lambda: difference(session.screenshot(tmp_path / "idle-used.png"), swedish) > 0.05, 10,
             what="the feedback screen")
    used = settled_screenshot(session, tmp_path / "idle-used.png")
    warned = []

    def reset():
        shot = session.screenshot(tmp_path / "idle-now.png")
        if not warned and difference(shot, home) > 0.002 and difference(shot, used) > 0.002:
            warned.append(time.monotonic() - last_touch)  # the countdown over the screen
            shot.save(str(tmp_path / "idle-warning.png"))
            keep(tmp_path / "idle-warning.png")
        return difference(shot, home) < 0.002

    wait_for(reset, 40, interval=0.25, what="the idle reset to the home screen")
    took = time.monotonic() - last_touch
    keep(tmp_path / "idle-now.png")
    with capsys.disabled():
        print(f"\ncage session: idle reset {took:.1f} s after the last touch (timeout 20 s)")
    assert 19 <= took <= 27  # + the feedback screen's build on this slow machine
    assert warned and 14 <= warned[0] < took, f"the countdown warning was not on screen in time: {warned}"
