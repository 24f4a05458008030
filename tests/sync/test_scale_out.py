"""The backend scaled out: several ``serve --workers`` processes on one PostgreSQL keep the
exactly-once and no-overbooking guarantees (the same races as test_idempotency.py, now
answered by different processes), and what a push reads once for the whole batch gives
each item the answer it got when it was read per item."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.sync import test_idempotency as races
from tests.backend import queue_snapshot, start_backend
from tests.sync.test_hostile_input import Kiosk, item, rejected

WORKERS = 3


@pytest.fixture(scope="module")
def workers_backend(postgres, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("backend-workers")
    proc = start_backend(postgres.create_database(f"w_{uuid.uuid4().hex[:10]}"), workdir, workers=WORKERS)
    yield proc
    proc.stop()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return found


@pytest.mark.postgres
def test_the_backend_runs_the_worker_processes_it_was_asked_for(workers_backend):
    # uvicorn's supervisor plus one process per worker (a helper may sit beside them).
    assert len(_children(workers_backend.proc.pid)) >= WORKERS


@pytest.mark.postgres
@pytest.mark.parametrize("race", [races.test_same_batch_pushed_concurrently_is_stored_once,
                                  races.test_concurrent_bookings_never_overbook,
                                  races.test_same_id_with_different_content_at_once_keeps_the_first,
                                  races.test_racing_cancellations_give_the_place_back_once],
                         ids=lambda f: f.__name__.removeprefix("test_"))
def test_races_answered_by_several_workers_keep_every_guarantee(workers_backend, race):
    race(workers_backend)


def test_serve_with_several_workers_on_sqlite_is_refused_with_the_reason(tmp_path):
    res = subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", f"sqlite:///{tmp_path / 'b.db'}", "serve",
                          "--workers", "2"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert "several workers need PostgreSQL" in res.stderr


@pytest.mark.postgres
def test_several_workers_are_refused_while_the_video_desk_counts_rooms_in_memory(postgres, tmp_path):
    import os

    res = subprocess.run([sys.executable, "-m", "sync.server.cli", "--db",
                          postgres.create_database(f"v_{uuid.uuid4().hex[:10]}"), "serve", "--workers", "2"],
                         cwd=REPO, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "WELFARE_VIDEO_ON_DUTY": "health-nurse=2"})
    assert res.returncode == 2
    assert "WELFARE_VIDEO_ON_DUTY" in res.stderr and "--workers 1" in res.stderr


@pytest.mark.parametrize("bad", ["0", "many", "65"])
def test_a_worker_count_that_is_not_a_small_whole_number_is_refused(tmp_path, bad):
    res = subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", f"sqlite:///{tmp_path / 'b.db'}", "serve",
                          "--workers", bad], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert "--workers" in res.stderr and "whole number of processes from 1 to 64" in res.stderr


def test_one_push_with_tickets_of_two_kiosks_answers_each_ticket_for_its_own_kiosk(any_backend):
    """Ticket owners are read once per push (queue.ticket_owners); each snapshot still gets
    the answer its own ticket's kiosk decides."""
    site = any_backend.new_site()
    mine, other = Kiosk(any_backend, site), Kiosk(any_backend, site)
    theirs, own = queue_snapshot(label="B001"), queue_snapshot(label="A001")
    assert other.push(item("queue_ticket", theirs))[0]["status"] == "accepted"
    assert mine.push(item("queue_ticket", own))[0]["status"] == "accepted"
    results = mine.push(item("queue_ticket", {**own, "status": "called", "event": "called", "room": "2"}),
                        item("queue_ticket", {**theirs, "status": "called", "event": "called", "room": "9"}),
                        item("queue_ticket", queue_snapshot(label="A002")),
                        item("queue_ticket", {**own, "status": "serving", "event": "started", "room": "2"}))
    assert [rejected(r) for r in results] == [("accepted", None), ("rejected", "not_your_device"),
                                              ("accepted", None), ("accepted", None)]
