"""The video benchmark still runs (one short call) and reports sane figures; nothing here is timed."""

from __future__ import annotations

import os

import pytest

from benchmarks import video_call
from tests.video.conftest import needs_webengine, no_webrtc_under_faketime


def test_memory_reading_of_this_process():
    m = video_call.memory_mb(os.getpid())
    assert m["processes"] >= 1 and 0 < m["uss_mb"] <= m["pss_mb"] + 1 and m["kiosk_rss_mb"] >= m["uss_mb"]
    assert "kiosk" in m["uss_by_process_mb"]


@needs_webengine
@pytest.mark.slow
@no_webrtc_under_faketime
def test_one_short_call_is_measured():
    r = video_call.run(calls=1, hold_s=0.2)
    assert r["available"] is True, r.get("reason")
    assert 0 < r["first_join_to_loaded_ms"] < 30000
    assert r["join_to_connected_ms_median"] is not None  # the fake camera reached a connected call
    assert r["uss_during_mb_max"] > r["uss_before_mb"]  # a call does take memory ...
    assert r["processes_before_during_after"][1] > r["processes_before_during_after"][2]  # ... and the page process goes
