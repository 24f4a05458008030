"""The kiosk's background sync: push the outbox, pull the catalogue, send a heartbeat.

``SyncWorker`` runs in its own thread on a schedule and on demand (``sync_now()``),
backs off exponentially with jitter after failures, honours ``Retry-After``, and
reports through plain callbacks (``ui/sync_bridge.py`` turns them into Qt signals).
``stop()`` waits for the thread. The GUI thread never waits on it.

Headless, for the crash tests and for IT:
    python -m sync.worker --config device.toml --once
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from kiosk import outbox
from kiosk.storage.db import Database
from kiosk.storage.models import SyncStateRecord
from kiosk.version import app_version
from sync import protocol
from sync.client import (BackendClient, BackendUnavailable, BadResponse, DeviceRevoked, NotEnrolled, Refused,
                         SyncError)
from sync.enrolment import EnrolmentRefused, enrol_from_code_file, load_credentials

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class SyncStatus:
    """What staff see on the status screen. Plain data, safe to hand to another thread."""

    online: bool | None = None  # None: not tried yet
    enrolled: bool = False
    enrolment_refused: bool = False  # the backend refused the enrolment code: IT must make a new one
    revoked: bool = False
    syncing: bool = False
    last_sync_at: datetime | None = None
    last_error: str | None = None
    pending: int = 0
    quarantined: int = 0
    oldest_pending_at: datetime | None = None
    next_attempt_in_s: float | None = None
    pushed: int = 0  # items acknowledged by the last sync


def next_delay(failures: int, retry_after: float | None, *, base_s: float, cap_s: float, interval_s: float,
               rng: random.Random) -> float:
    """Seconds until the next attempt: the interval when healthy; after failures an
    exponential backoff with jitter ("equal jitter": half fixed, half random, so many
    kiosks coming back after an outage spread out), never less than Retry-After."""
    if failures <= 0:
        delay = interval_s
    else:
        ceiling = min(cap_s, base_s * 2 ** min(failures - 1, 30))
        delay = ceiling / 2 + rng.uniform(0, ceiling / 2)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


def _heartbeat_update(status) -> dict | None:
    """The updater's status as plain JSON values (it reports a dataclass or a dict)."""
    import dataclasses
    if status is None:
        return None
    raw = dataclasses.asdict(status) if dataclasses.is_dataclass(status) else dict(status)
    return {k: (v if v is None or isinstance(v, (str, int, float, bool)) else
                [str(x) for x in v] if isinstance(v, (list, tuple)) else str(v)) for k, v in raw.items()}


class SyncWorker:
    def __init__(self, db: Database, *, base_url: str, data_dir: Path, device_name: str = "kiosk",
                 timeout_s: float = 10.0, interval_s: float = 30.0, batch_size: int = 200,
                 pull_catalogue: bool = True, backoff_base_s: float = 1.0, backoff_cap_s: float = 300.0,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 rng: random.Random | None = None):
        self.db = db
        self.data_dir = Path(data_dir)
        self.device_name = device_name
        self.interval_s = interval_s
        self.batch_size = max(1, min(batch_size, protocol.MAX_BATCH_ITEMS))
        self.pull_catalogue = pull_catalogue
        self.backoff_base_s, self.backoff_cap_s = backoff_base_s, backoff_cap_s
        self.client = BackendClient(base_url, timeout_s=timeout_s)
        self._on_status = on_status
        self._rng = rng or random.Random()
        self._failures = 0
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # one sync at a time (thread and sync_now callers)
        self._after_sync: list[Callable[[SyncStatus], None]] = []
        self.status = SyncStatus(last_sync_at=self._load_last_sync())
        self._refresh_counts()

    # -- thread -------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
            self._thread.start()

    def stop(self, timeout: float | None = 30.0) -> None:
        """Ask the thread to finish and wait for it (a request in flight ends by its deadline)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.client.close()

    def sync_now(self) -> None:
        """Sync as soon as possible, without waiting for the schedule or a backoff."""
        self._failures = 0
        self._wake.set()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                status = self.sync_once()
            except Exception as exc:  # e.g. the database failing outside a round: keep the thread
                log.exception("sync round failed")
                self._failures += 1
                status = self._set(syncing=False, online=None, last_error=f"unexpected error in sync: {exc!r}")
            delay = next_delay(self._failures, self._retry_after, base_s=self.backoff_base_s,
                               cap_s=self.backoff_cap_s, interval_s=self.interval_s, rng=self._rng)
            if status.revoked:
                delay = max(delay, self.interval_s)
            self._set(next_attempt_in_s=delay)
            self._wake.wait(delay)
            self._wake.clear()

    def after_sync(self, hook: Callable[[SyncStatus], None]) -> None:
        """Call ``hook(status)`` after every sync round, on the thread that ran it (the
        worker's own, never the GUI thread), once the round's lock is released. Work that
        follows a sync (the booking desk's states and share) may block here; a hook that
        raises is logged and the others still run."""
        self._after_sync.append(hook)

    # -- one sync -------------------------------------------------------------------
    def sync_once(self) -> SyncStatus:
        """Push everything pending, pull the catalogue, send a heartbeat. Never raises
        for network or backend trouble: that goes into the status. Then the after-sync hooks."""
        status = self._sync_round()
        for hook in list(self._after_sync):
            try:
                hook(status)
            except Exception:  # one module's follow-up must not stop the others or the thread
                log.exception("after-sync hook %r failed", hook)
        return status

    def _sync_round(self) -> SyncStatus:
        with self._lock:
            self._retry_after = None
            self._set(syncing=True)
            pushed = 0
            try:
                self._ensure_enrolled()
                self._refresh_counts()  # the drain counts down from here, batch by batch
                pushed = self._push_all()
                if self.pull_catalogue:
                    from sync.catalogue_pull import pull_catalogue
                    pull_catalogue(self.db, self.client)
                self._sync_staff_verifiers()
                self._heartbeat()
            except DeviceRevoked as exc:
                self._failed(exc, revoked=True)
            except (NotEnrolled, Refused) as exc:
                self._failed(exc)
            except (BackendUnavailable, BadResponse) as exc:
                self._retry_after = exc.retry_after
                self._failed(exc)
            except SyncError as exc:  # pragma: no cover - every subclass is handled above
                self._failed(exc)
            except Exception as exc:  # a fault nobody foresaw must not end the thread or leave "syncing"
                log.exception("sync round failed")
                self._failed(exc)
            else:
                now = datetime.now(timezone.utc)
                self._failures = 0
                self._save_state("last_sync_at", now.isoformat())
                self._save_state("last_error", "")
                self._set(online=True, revoked=False, enrolment_refused=False, last_sync_at=now, last_error=None)
            self._refresh_counts()
            return self._set(syncing=False, pushed=pushed)

    _retry_after: float | None = None

    def _failed(self, exc: Exception, revoked: bool = False) -> None:
        self._failures += 1
        log.warning("sync failed: %s", exc)
        message = str(exc) if isinstance(exc, SyncError) else f"unexpected error in sync: {exc!r}"
        try:
            self._save_state("last_error", message)
        except Exception:  # the database may be what failed
            log.exception("could not store the sync error")
        unknown = isinstance(exc, NotEnrolled) or not isinstance(exc, SyncError)
        online = None if unknown else not isinstance(exc, BackendUnavailable)
        if isinstance(exc, EnrolmentRefused):
            online = True  # the backend answered: it is the code that is wrong
        # Revoked stays shown until a sync succeeds again (after IT re-enrols the kiosk).
        self._set(online=online, last_error=message, revoked=revoked or self.status.revoked,
                  enrolment_refused=isinstance(exc, EnrolmentRefused))

    def _ensure_enrolled(self) -> None:
        if self.client.credentials is None:
            creds = load_credentials(self.data_dir) or enrol_from_code_file(self.client, self.data_dir,
                                                                            self.device_name)
            if creds is None:
                raise NotEnrolled("this kiosk is not enrolled: IT must give it an enrolment code")
            self.client.credentials = creds
        self._set(enrolled=True)

    def _push_all(self) -> int:
        """Push every pending item, one request on the wire at a time.

        While the backend works on batch n+1, this thread records the answer to batch n
        locally (pipelining: the two processes then use both cores). Items are only
        ever marked delivered from a checked answer; an answer lost to an error or a
        crash leaves its items pending, and the backend answers "duplicate" next time.
        """
        pushed = 0
        after: tuple[datetime, str] | None = None
        in_flight: tuple[list[dict], Future] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-http") as wire:
            try:
                while not self._stopping.is_set():
                    batch = []
                    if in_flight is None or len(in_flight[0]) == self.batch_size:
                        with self.db.sessions() as s:
                            batch = outbox.pending_for_sending(s, self.batch_size, after=after)
                    sending = None
                    if batch:
                        last = batch[-1]
                        after = (datetime.fromisoformat(last["created_at"]), last["id"])
                        sending = (batch, wire.submit(self.client.push_batch, batch))
                    if in_flight is not None:
                        pushed += self._acknowledge(*in_flight)
                    in_flight = sending
                    if in_flight is None:
                        break
            finally:
                if in_flight is not None:  # stopping, or batch n failed: let n+1 finish, unused
                    in_flight[1].exception()
        return pushed

    def _acknowledge(self, batch: list[dict], answer: Future) -> int:
        ids = [i["id"] for i in batch]
        try:
            results = answer.result()
        except SyncError:
            with self.db.sessions.begin() as s:
                outbox.note_attempt(s, ids)
            raise
        done = [r["id"] for r in results if r["status"] in (protocol.ACCEPTED, protocol.DUPLICATE)]
        rejected = [r for r in results if r["status"] == protocol.REJECTED]
        with self.db.sessions.begin() as s:
            outbox.note_attempt(s, ids)
            delivered = outbox.mark_delivered(s, done)
            for r in rejected:
                outbox.quarantine(s, r["id"], r["reason"], r.get("detail") or "")
        # Counting the outbox after every batch made a drain quadratic; the exact count is
        # taken once when the round ends (sync_once), and meanwhile the batch is subtracted.
        st = self.status
        self._set(pending=max(0, st.pending - delivered - len(rejected)), quarantined=st.quarantined + len(rejected))
        return len(done)

    def _sync_staff_verifiers(self) -> None:
        """Fresh staff verifiers for offline staff login. A failed download keeps the
        previous set, so it is logged rather than failing the whole sync."""
        from sync.identity import sync_staff_verifiers
        try:
            sync_staff_verifiers(self.client, self.db)
        except SyncError as exc:
            log.warning("staff verifiers not refreshed: %s", exc)

    def _heartbeat(self) -> None:
        from sync.update.status import read_status

        st = self.status
        age = (datetime.now(timezone.utc) - st.oldest_pending_at).total_seconds() if st.oldest_pending_at else None
        self.client.heartbeat({
            "app_version": app_version(), "outbox_depth": st.pending, "quarantined": st.quarantined,
            "oldest_pending_age_s": max(0.0, age) if age is not None else None,
            "last_sync_at": st.last_sync_at.isoformat() if st.last_sync_at else None,
            "last_error": (st.last_error or None) and st.last_error[:500],
            "update": _heartbeat_update(read_status())})

    # -- status -----------------------------------------------------------------------
    def _refresh_counts(self) -> None:
        with self.db.sessions() as s:
            summ = outbox.summary(s)
        self._set(pending=summ.pending, quarantined=summ.quarantined, oldest_pending_at=summ.oldest_pending_at)

    def _set(self, **changes) -> SyncStatus:
        self.status = replace(self.status, **changes)
        if self._on_status is not None:
            try:
                self._on_status(self.status)
            except Exception:  # a broken listener must not stop deliveries
                log.exception("sync status listener failed")
        return self.status

    def _save_state(self, key: str, value: str) -> None:
        with self.db.sessions.begin() as s:
            s.merge(SyncStateRecord(key=key, value=value))

    def _load_last_sync(self) -> datetime | None:
        with self.db.sessions() as s:
            rec = s.get(SyncStateRecord, "last_sync_at")
        return datetime.fromisoformat(rec.value) if rec and rec.value else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sync.worker", description="Sync this kiosk with the city backend.")
    ap.add_argument("--config", help="device configuration file (TOML)")
    ap.add_argument("--once", action="store_true", help="one sync, then exit (status 0 when it succeeded)")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--no-catalogue", action="store_true", help="push only")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from kiosk.config import ConfigError, load_config
    from kiosk.storage.db import open_database

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    db = open_database(config.data_dir / "kiosk.db")
    worker = SyncWorker(db, base_url=config.backend.url, data_dir=config.data_dir, device_name=config.device.name,
                        timeout_s=config.backend.timeout_s, interval_s=config.backend.sync_interval_s,
                        batch_size=args.batch_size, pull_catalogue=not args.no_catalogue)
    if args.once:
        status = worker.sync_once()
        worker.stop()
        print(f"pushed {status.pushed}, pending {status.pending}, quarantined {status.quarantined}"
              + (f", error: {status.last_error}" if status.last_error else ""))
        return 0 if status.last_error is None else 1
    worker.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
