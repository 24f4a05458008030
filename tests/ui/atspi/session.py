"""Inside one D-Bus session (``dbus-run-session -- python -m tests.ui.atspi.session OUT``):
an X server (Xvfb), the accessibility bus, the kiosk with QT_ACCESSIBILITY=1, and for
each scene the walker (system python3) over AT-SPI. Writes {"<scene> <lang>": nodes} as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"


def free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


def walker(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([SYSTEM_PYTHON, str(HERE / "walk.py"), *args], capture_output=True, text=True,
                          timeout=120)


def main(out: str) -> int:
    n = free_display()
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kiosk = None
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                break
            time.sleep(0.05)
        ping = walker("ping")   # activates org.a11y.Bus before the kiosk asks for it
        if ping.returncode != 0:
            print(ping.stderr, file=sys.stderr)
            return 4
        env = dict(os.environ, DISPLAY=f":{n}", QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", PYTHONPATH=str(ROOT))
        kiosk = subprocess.Popen([sys.executable, "-m", "tests.ui.atspi.kiosk"], cwd=ROOT, env=env,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        scenes = {}
        for line in kiosk.stdout:
            line = line.strip()
            if line == "DONE":
                break
            if not line.startswith("SCENE "):
                continue
            walked = walker("welfare-kiosk")
            if walked.returncode != 0:
                print(walked.stderr, file=sys.stderr)
                return 5
            scenes[line.removeprefix("SCENE ")] = json.loads(walked.stdout)
            kiosk.stdin.write("next\n")
            kiosk.stdin.flush()
        Path(out).write_text(json.dumps(scenes, ensure_ascii=False), encoding="utf-8")
        return 0 if kiosk.wait(timeout=60) == 0 else 6
    finally:
        if kiosk is not None and kiosk.poll() is None:
            kiosk.kill()
        xvfb.terminate()
        xvfb.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
