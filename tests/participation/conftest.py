"""Participation tests use the sync tests' real parts (the reference backend as its own
process on 127.0.0.1, SQLite or PostgreSQL, kiosk workers pointed at it) plus helpers
to author questions and run several kiosks."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest


_n = itertools.count(1)


def texts(base: str) -> dict:
    return {"fi": f"{base} (fi)", "sv": f"{base} (sv)", "en": f"{base} (en)"}


def question(kind: str = "poll", *, qid: str | None = None, opens: datetime | None = None,
             closes: datetime | None = None, **extra) -> dict:
    """An authoring entry (docs/participation.md) open from a day ago for a week by default."""
    now = datetime.now(timezone.utc)
    d = {"id": qid or f"q{next(_n)}-{uuid.uuid4().hex[:6]}", "type": kind,
         "title": texts("Mihin puisto?"), "asker": texts("Kontulan aluetoimikunta"),
         "why": texts("Puiston kunnostus"), "result_use": texts("Tulos ohjaa suunnittelua"),
         "opens": (opens or now - timedelta(days=1)).isoformat(),
         "closes": (closes or now + timedelta(days=7)).isoformat()}
    if kind == "poll":
        d["options"] = [{"id": o, "label": texts(o)} for o in ("benches", "trees", "playground")]
    elif kind == "budget":
        d["budget"] = 100_000
        d["projects"] = [{"id": pid, "label": texts(pid), "description": texts(f"{pid} kuvaus"), "cost": cost,
                          "pictogram": pic, "district": "kontula"}
                         for pid, cost, pic in (("benches", 20_000, "bench"), ("trees", 50_000, "tree"),
                                                ("playground", 60_000, "playground"))]
    elif kind == "ideas":
        d["categories"] = [{"id": c, "label": texts(c)} for c in ("parks", "culture")]
        d["districts"] = ["kontula", "vuosaari"]
    if kind in ("budget", "ideas"):
        d["district_names"] = {"kontula": {"fi": "Kontula", "sv": "Gårdsbacka", "en": "Kontula"},
                               "vuosaari": {"fi": "Vuosaari", "sv": "Nordsjö", "en": "Vuosaari"}}
    d.update(extra)
    return d




@dataclass
class Kiosk:
    """One kiosk: its own database, desk and sync worker."""

    db: object
    desk: object
    worker: object

    def sync(self):
        status = self.worker.sync_once()
        assert status.last_error is None, status.last_error
        return status


@pytest.fixture
def make_kiosk(tmp_path):
    from kiosk.participation import ParticipationDesk
    from kiosk.storage.db import open_database
    from sync.worker import SyncWorker

    made = []

    def make(backend, site, *, now=None, url=None) -> Kiosk:
        n = len(made) + 1
        data = Path(tmp_path / f"kiosk{n}")
        data.mkdir()
        (data / "enrolment-code").write_text(backend.enrolment_code(site) + "\n")
        db = open_database(data / "kiosk.db")
        worker = SyncWorker(db, base_url=url or backend.url, data_dir=data, device_name=f"kiosk-{n}",
                            timeout_s=30.0, interval_s=3600)
        desk = ParticipationDesk(db, now=now) if now else ParticipationDesk(db)
        k = Kiosk(db, desk, worker)
        made.append(k)
        return k

    yield make
    for k in made:
        k.worker.stop()
        k.db.close()


def enrolled_client(backend, site, name="racer"):
    from sync.client import BackendClient

    creds = BackendClient(backend.url).enrol(backend.enrolment_code(site), name)
    return BackendClient(backend.url, credentials=creds, timeout_s=30)


def vote_item(question_id: str, choices: list[str], subject: str, *, created_at: datetime | None = None,
              item_id: str | None = None, **extra) -> dict:
    return {"id": item_id or str(uuid.uuid4()), "kind": "vote",
            "created_at": (created_at or datetime.now(timezone.utc)).isoformat(),
            "payload": {"question_id": question_id, "choices": choices, "subject": subject, **extra}}
