"""Helpers for tests that cross the network boundary: the reference backend as a separate
process on 127.0.0.1 (``welfare-backend serve``) and what it stored. The fixtures built
on them (backend, site, kiosk_data, make_worker, postgres, any_backend) are in
tests/conftest.py, the one place for shared fixtures; import helpers from here."""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import requests

from tests.conftest import FIXTURES, REPO

_sites = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class BackendProcess:
    url: str
    db_url: str
    proc: subprocess.Popen
    log: Path

    @property
    def sessions(self):
        from sync.server.store import open_store

        if not hasattr(self, "_sessions"):
            self._sessions = open_store(self.db_url)
        return self._sessions

    def new_site(self, catalogue: dict | None = None) -> str:
        """A site of its own for one test, with the mini catalogue."""
        from sync.server.store import import_catalogue

        site = f"site-{os.getpid()}-{next(_sites)}-{uuid.uuid4().hex[:6]}"
        data = catalogue or json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))
        import_catalogue(self.sessions, data, site)
        return site

    def enrolment_code(self, site: str) -> str:
        from sync.server.store import create_enrolment_code

        return create_enrolment_code(self.sessions, site)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if hasattr(self, "_sessions"):
            self._sessions.kw["bind"].dispose()


def _die_with_parent() -> None:
    """A backend whose test run was killed (e.g. its output pipe closed) stops too."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_backend(db_url: str, workdir: Path, port: int | None = None, *, workers: int = 1) -> BackendProcess:
    port = port or free_port()
    log = workdir / f"backend-{port}.log"
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "--db", db_url, "serve",
                             "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
                            cwd=REPO, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the backend exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url + "/api/v1/health", timeout=1).status_code == 200:
                return BackendProcess(url, db_url, proc, log)
        except requests.RequestException:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"the backend did not answer within 60 s:\n{log.read_text()[-3000:]}")


def server_items(backend: BackendProcess, **where) -> list:
    from sqlalchemy import select

    from sync.server.models import Item

    with backend.sessions() as s:
        q = select(Item)
        for k, v in where.items():
            q = q.where(getattr(Item, k) == v)
        return list(s.scalars(q))


def some_slot(backend: BackendProcess, site: str, *, capacity: int | None = None):
    from sqlalchemy import select

    from sync.server.models import Slot

    with backend.sessions() as s:
        q = select(Slot).where(Slot.site_id == site).order_by(Slot.starts_at, Slot.id)
        if capacity is not None:
            q = q.where(Slot.capacity == capacity)
        return s.scalars(q).first()


def queue_snapshot(**changes) -> dict:
    """A ``queue_ticket`` payload as kiosk/queue.py sends it (a new waiting ticket)."""
    snapshot = {"ticket_id": str(uuid.uuid4()), "event": "issued", "day": "2026-12-01", "label": "A001",
                "line_id": "health-walkin", "issued_line_id": "health-walkin", "status": "waiting", "priority": 0,
                "room": None, "recall_count": 0, "out_of_order_reason": None,
                "issued_at": "2026-12-01T08:00:00+00:00", "called_at": None, "first_called_at": None,
                "started_at": None, "finished_at": None}
    snapshot.update(changes)
    return snapshot


# -- participation: questions to author, votes to push (tests/participation, tests/sync) --
_question_numbers = itertools.count(1)


def texts(base: str) -> dict:
    return {"fi": f"{base} (fi)", "sv": f"{base} (sv)", "en": f"{base} (en)"}


def question(kind: str = "poll", *, qid: str | None = None, opens: datetime | None = None,
             closes: datetime | None = None, **extra) -> dict:
    """An authoring entry (docs/participation.md) open from a day ago for a week by default."""
    now = datetime.now(timezone.utc)
    d = {"id": qid or f"q{next(_question_numbers)}-{uuid.uuid4().hex[:6]}", "type": kind,
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


def enrolled_client(backend, site, name="racer"):
    from sync.client import BackendClient

    creds = BackendClient(backend.url).enrol(backend.enrolment_code(site), name)
    return BackendClient(backend.url, credentials=creds, timeout_s=30)


def vote_item(question_id: str, choices: list[str], subject: str, *, created_at: datetime | None = None,
              item_id: str | None = None, **extra) -> dict:
    return {"id": item_id or str(uuid.uuid4()), "kind": "vote",
            "created_at": (created_at or datetime.now(timezone.utc)).isoformat(),
            "payload": {"question_id": question_id, "choices": choices, "subject": subject, **extra}}
