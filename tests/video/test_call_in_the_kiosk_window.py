"""An in-process call (``video.separate_process = false``) opens inside the kiosk's own window.

The kiosk once watched for touches with a Python event filter on the whole application;
PySide then wrapped every object that got an event, Qt WebEngine's Qt Quick items too, and
the process died with a segmentation fault as the call view took focus. The scenario runs in
a child process, so that a crash is this test's failure and not the end of the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.video.conftest import needs_webengine

REPO = Path(__file__).resolve().parents[2]
pytestmark = [needs_webengine]


def test_a_call_view_in_the_kiosk_process_opens_without_crashing_the_kiosk():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p))
    child = subprocess.run([sys.executable, "-m", "tests.video.kiosk_window_call"], cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert child.returncode == 0, (child.returncode, child.stdout[-2000:], child.stderr[-4000:])
    assert child.stdout.strip().splitlines()[-1] == "loaded"
