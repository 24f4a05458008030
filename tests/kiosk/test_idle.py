"""The idle countdown without Qt: time and touches are fed by hand."""

from __future__ import annotations

import pytest

from kiosk.idle import IdleCountdown


def test_quiet_then_warning_then_one_reset():
    resets = []
    idle = IdleCountdown(timeout_s=90, warning_s=20, now=0.0, on_expire=lambda: resets.append(1))
    assert not idle.tick(69.0).warning
    st = idle.tick(70.5)
    assert st.warning and st.seconds_left == 20
    assert idle.tick(85.2).seconds_left == 5
    assert idle.tick(90.0).expired
    assert resets == [1]
    # After the reset a new, full wait starts for the next person.
    assert not idle.tick(91.0).warning
    assert resets == [1]
    idle.tick(180.0)
    assert resets == [1, 1]


def test_a_touch_cancels_the_countdown():
    resets = []
    idle = IdleCountdown(timeout_s=30, warning_s=10, now=0.0, on_expire=lambda: resets.append(1))
    assert idle.tick(25.0).warning
    idle.activity(25.5)
    st = idle.tick(26.0)
    assert not st.warning and st.seconds_left == 30
    assert not idle.tick(50.0).expired
    assert resets == []


@pytest.mark.parametrize("timeout, warning", [(10, 10), (10, 20), (0, 0), (10, -1)])
def test_nonsense_times_are_refused(timeout, warning):
    with pytest.raises(ValueError):
        IdleCountdown(timeout_s=timeout, warning_s=warning, now=0.0)
