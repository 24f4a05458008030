"""kiosk.lockdown: under the kiosk unit no program but the kiosk's own can start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.lockdown import landlock_abi

REPO = Path(__file__).resolve().parents[2]

needs_landlock = pytest.mark.skipif(landlock_abi() < 1, reason="this kernel has no Landlock")

TRY = """
import os, subprocess, sys
from kiosk.lockdown import apply_from_environment
print("applied", apply_from_environment())
print("display", os.environ.get("DISPLAY"))
for argv in (["/bin/sh", "-c", "true"], ["xdg-open", "https://example.org"], ["/usr/bin/env", "true"]):
    try:
        subprocess.run(argv, check=False)
        print("started", argv[0])
    except PermissionError:
        print("refused", argv[0])
    except FileNotFoundError:
        print("absent", argv[0])
print("own", subprocess.run([sys.executable, "-c", "print(7)"], capture_output=True, text=True).stdout.strip())
"""


def run(env_extra: dict[str, str]) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "DISPLAY": ":0", **env_extra}
    done = subprocess.run([sys.executable, "-c", TRY], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@needs_landlock
def test_under_lockdown_only_the_kiosks_own_python_starts():
    out = run({"KIOSK_LOCKDOWN": "1"})
    assert out[0] == "applied True"
    assert out[1] == "display None"  # children cannot reach cage's Xwayland either
    assert "refused /bin/sh" in out and "refused /usr/bin/env" in out
    assert "started xdg-open" not in out
    assert out[-1] == "own 7"  # the call process is this Python: it still starts


def test_without_the_switch_nothing_changes():
    out = run({"KIOSK_LOCKDOWN": "0"})
    assert out[0] == "applied False"
    assert out[1] == "display :0"
    assert "started /bin/sh" in out
