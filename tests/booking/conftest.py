"""Real parts for the booking tests: the reference backend as its own process on
127.0.0.1 (the sync tests' fixture), and whole kiosks (database, sync worker,
catalogue, booking desk) enrolled with it. A kiosk can be cut off from the backend by
pointing its booking remote at a port where nobody listens."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.backend import free_port

SERVICE, CHANNEL = "maternity-clinic", "maternity-visit"


def booking_catalogue(start: datetime) -> dict:
    """The mini catalogue with explicit maternity slots: a..d with one place, e with two."""
    data = json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))
    for sv in data["services"]:
        for ch in sv["channels"]:
            if ch["id"] == CHANNEL:
                ch.pop("slot_rules", None)
                ch["slots"] = [{"id": f"mv-{n}", "start": (start + timedelta(hours=i)).isoformat(),
                                "end": (start + timedelta(hours=i, minutes=45)).isoformat(),
                                "capacity": 2 if n == "e" else 1}
                               for i, n in enumerate("abcde")]
    return data


@dataclass
class Kiosk:
    db: object
    worker: object
    desk: object
    remote: object
    data_dir: Path

    def go_offline(self) -> None:
        from sync.booking_client import BookingRemote

        self.desk.remote = BookingRemote(f"http://127.0.0.1:{free_port()}", data_dir=self.data_dir, timeout_s=1)

    def go_online(self) -> None:
        self.desk.remote = self.remote

    def sync(self):
        status = self.worker.sync_once()
        assert status.last_error is None, status.last_error
        self.desk.after_sync()
        return status


class Clock:
    """A kiosk's clock that stands where a test puts it (``clock.t = ...``)."""

    def __init__(self, t) -> None:
        self.t = t

    def __call__(self):
        return self.t


def ten_oclock(days_ahead: int) -> datetime:
    """10.00 Helsinki time ``days_ahead`` days from today, in UTC: the five slots (10-14)
    share one local day whatever the hour, date or DST night the tests run at."""
    from kiosk.catalogue.hours import LOCAL_TZ

    day = datetime.now(LOCAL_TZ).date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(10), LOCAL_TZ).astimezone(timezone.utc)


@pytest.fixture
def slots_start() -> datetime:
    """10.00 Helsinki time the day after tomorrow."""
    return ten_oclock(2)


@pytest.fixture
def site(backend, slots_start) -> str:
    return backend.new_site(booking_catalogue(slots_start))


@pytest.fixture
def make_kiosk(tmp_path, backend, site):
    """Enrolled kiosks of ``site`` with the catalogue pulled, online."""
    from kiosk.booking import BookingDesk
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from sync.booking_client import BookingRemote
    from sync.worker import SyncWorker

    made: list[Kiosk] = []

    def make(name: str = "k1", **desk_kw) -> Kiosk:
        data = tmp_path / name
        data.mkdir()
        (data / "enrolment-code").write_text(backend.enrolment_code(site) + "\n")
        db = open_database(data / "kiosk.db")
        worker = SyncWorker(db, base_url=backend.url, data_dir=data, device_name=name, timeout_s=5.0,
                            interval_s=3600)
        assert worker.sync_once().last_error is None
        remote = BookingRemote(backend.url, data_dir=data, timeout_s=5.0)
        desk = BookingDesk(db, Catalogue(db), remote=remote, status_url=remote.status_url(), **desk_kw)
        k = Kiosk(db, worker, desk, remote, data)
        made.append(k)
        return k

    yield make
    for k in made:
        k.worker.stop()
        k.remote.close()
        k.db.close()


@pytest.fixture(autouse=True)
def gui_thread_guard():
    """The GUI thread neither connects nor writes, and only the database thread writes
    (tests/gui_thread_guard.py)."""
    from tests.gui_thread_guard import guard_fixture

    yield from guard_fixture()
