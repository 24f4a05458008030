"""The tests that read the clock, re-run at the instants that broke them before.

Each instant runs the time-sensitive tests below in a pytest subprocess under libfaketime
(`faketime -f '@<instant>'`; the clock then runs on from there, and tests/conftest.py
keeps every child process on the same clock). What makes an instant hard, in Helsinki:
late evening, when the UTC date is still today but "the day after tomorrow" in UTC is
not; both DST switches, when a local day has 23 or 25 hours and 03.00-04.00 exists
twice or not at all; New Year's Eve, when the date, the week and the year turn within
minutes. The demo catalogue is also tried far from the day its file was written.

`make test` runs this file with everything else. A run that is itself under faketime
does not start these again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO, faketime_env

# Tests that read the wall clock (today, tomorrow, "now + n days", opening hours, the
# queue's day, slots from weekly rules) with the real processes they talk to.
TIME_SENSITIVE = [
    "tests/booking",
    "tests/queue",
    "tests/feedback/test_feedback_end_to_end.py",
    "tests/kiosk/test_demo_catalogue.py::test_bookable_slots_in_the_coming_weeks",
    "tests/kiosk/test_queue.py",
    "tests/kiosk/test_walk_in.py",
]
# Run last, so a backend or OpenID provider started late in the run would show a lag.
CLOCK_CHECK = "tests/identity/test_phone_key.py::test_the_backend_and_the_provider_keep_the_tests_clock"

# UTC instants and what each is, in Helsinki.
INSTANTS = {
    "late-evening": ("2026-12-05 21:40:00", "Saturday 23.40: 'now + 2 days' in UTC is 23.00 local"),
    "spring-forward": ("2027-03-28 00:50:00", "Sunday 02.50, ten minutes before 03.00 becomes 04.00"),
    "fall-back": ("2027-10-31 00:50:00", "Sunday 03.50, ten minutes before 04.00 becomes 03.00 again"),
    "new-years-eve": ("2026-12-31 21:50:00", "23.50 on New Year's Eve"),
    "far-from-the-catalogue": ("2027-06-15 09:00:00", "a summer morning months after the demo file"),
}
# The demo as `make run` starts it: far from the catalogue's date, and once late at night.
DEMO = ["tests/sync/test_demo.py::test_the_demo_is_bookable_on_the_day_make_run_starts_whatever_day_that_is",
        "tests/sync/test_demo.py::test_the_kiosks_own_demo_import_is_bookable_from_today",
        "tests/kiosk/test_demo_catalogue.py::test_bookable_slots_in_the_coming_weeks"]
SELECTION = {name: [*TIME_SENSITIVE, CLOCK_CHECK] for name in INSTANTS}
SELECTION["late-evening"] = [*TIME_SENSITIVE, *DEMO[:2], CLOCK_CHECK]
SELECTION["far-from-the-catalogue"] = DEMO

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif("FAKETIME" in os.environ, reason="already running under faketime")]


def faketime_command() -> str:
    found = shutil.which("faketime")
    if found is None:
        message = "faketime is missing (packaging/system-deps.sh installs it: apt-get install faketime)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def runs(request, tmp_path_factory):
    """The selected instants started at once: most of each run waits on servers and the
    network, so side by side they take little longer than the slowest one alone."""
    command, logs = faketime_command(), tmp_path_factory.mktemp("instants")
    env = faketime_env({**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"})
    wanted = {item.callspec.params["name"] for item in request.session.items
              if item.module is request.module and hasattr(item, "callspec")}
    started = {}
    for name, (instant, _meaning) in INSTANTS.items():
        if name not in wanted:
            continue
        log = logs / f"{name}.log"
        with log.open("w") as out:
            started[name] = (subprocess.Popen(
                [command, "-f", f"@{instant}", sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                 "--basetemp", str(logs / name), *SELECTION[name]],
                cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT), log)
    yield started
    for proc, _log in started.values():
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("name", list(INSTANTS))
def test_the_time_sensitive_tests_pass_at(runs, name):
    instant, meaning = INSTANTS[name]
    proc, log = runs[name]
    proc.wait(timeout=900)
    output = log.read_text(errors="replace")
    assert proc.returncode == 0, f"at {instant} UTC ({meaning} in Helsinki):\n{output[-8000:]}"
    assert " passed" in output and "no tests ran" not in output, output[-2000:]
