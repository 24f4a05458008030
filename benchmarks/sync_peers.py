"""Our sync beside pouchdb-server, the offline-sync stack a city may know, interleaved in
one invocation on the same machine: medians, min-max and the ratio.

- **200 kiosks pushing at once:** the same batches (benchmarks/sync_concurrent_kiosks.py)
  to our backend on PostgreSQL (fsync on) and as ``_bulk_docs`` to one pouchdb-server
  database (LevelDB; it checks no slot capacity and stores every booking).
- **Outbox drain** of N items from one kiosk: our SyncWorker to the backend on SQLite
  (benchmarks/sync_drain.py) beside pouchdb-server's ``_bulk_docs`` in batches of the same
  size and ``_replicate`` from a database of N documents to an empty one, both over HTTP.

Install the peer first (not at test time): ``sh benchmarks/peers/install_pouchdb.sh``.

    python -m benchmarks.sync_peers [--repeats 3] [--kiosks 200] [--rounds 5] [--drain-items 10000]
                                    [--workers 1] [--only pushers|drain]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

from benchmarks.report import percentile, save_results
from benchmarks.sync_concurrent_kiosks import kiosk_batch

POUCHDB = Path(__file__).resolve().parent / "peers" / "pouchdb" / "node_modules" / ".bin" / "pouchdb-server"
QUICK = {"repeats": 1, "kiosks": 20, "rounds": 2, "drain_items": 1000}


class PouchServer:
    """pouchdb-server 4.2.0 on 127.0.0.1 with its databases in a temporary directory."""

    def __init__(self) -> None:
        if not POUCHDB.exists():
            raise FileNotFoundError(f"{POUCHDB} is missing: run sh benchmarks/peers/install_pouchdb.sh first")
        from tests.backend import free_port

        self.dir = Path(tempfile.mkdtemp(prefix="bench-pouchdb-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = (self.dir / "server.log").open("wb")
        self.proc = subprocess.Popen([str(POUCHDB), "--port", str(self.port), "--host", "127.0.0.1",
                                      "--dir", str(self.dir / "data"), "--config", str(self.dir / "config.json"),
                                      "--no-stdout-logs"],
                                     cwd=self.dir, stdout=self.log, stderr=subprocess.STDOUT)
        (self.dir / "data").mkdir(exist_ok=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"pouchdb-server exited with {self.proc.returncode}")
            try:
                if requests.get(self.url + "/", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("pouchdb-server did not answer within 60 s")

    def create(self, name: str) -> str:
        r = requests.put(f"{self.url}/{name}", timeout=30)
        r.raise_for_status()
        return f"{self.url}/{name}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def _doc(item: dict) -> dict:
    return {"_id": item["id"], "kind": item["kind"], "created_at": item["created_at"], "payload": item["payload"]}


def pouch_pushers(kiosks: int, rounds: int, batch: int) -> dict:
    """K threads, each R rounds of one ``_bulk_docs`` of B documents to one shared database."""
    server = PouchServer()
    try:
        db = server.create("items")
        slots = [(f"slot-{n}", "maternity-clinic") for n in range(50)]
        sessions = [requests.Session() for _ in range(kiosks)]
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()
        barrier = threading.Barrier(kiosks)

        def kiosk(k: int) -> None:
            nonlocal errors
            mine, bad = [], 0
            sessions[k].get(db, timeout=120).raise_for_status()  # warm up untimed, as on our side
            barrier.wait()
            for r in range(rounds):
                docs = [_doc(i) for i in kiosk_batch(k, r, batch, slots)]
                t0 = time.perf_counter()
                res = sessions[k].post(f"{db}/_bulk_docs", json={"docs": docs}, timeout=120)
                mine.append(time.perf_counter() - t0)
                bad += res.status_code != 201 or any("error" in d for d in res.json())
            with lock:
                latencies.extend(mine)
                errors += bad

        threads = [threading.Thread(target=kiosk, args=(k,)) for k in range(kiosks)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        load = [round(x, 2) for x in os.getloadavg()]
        stored = requests.get(db, timeout=30).json()["doc_count"]
        for s in sessions:
            s.close()
        return {"pushes": len(latencies), "push_p50_ms": round(percentile(latencies, 50) * 1000, 1),
                "push_p99_ms": round(percentile(latencies, 99) * 1000, 1),
                "items_per_s": round(kiosks * rounds * batch / elapsed), "stored": stored,
                "failed_pushes": errors, "load_avg": load}
    finally:
        server.stop()


def pouch_drain(items: int, batch: int) -> dict:
    """One kiosk's N documents: ``_bulk_docs`` in batches, then ``_replicate`` of the same
    N from a database holding them to an empty one (both over HTTP, as a kiosk's PouchDB)."""
    server = PouchServer()
    try:
        target = server.create("drain")
        docs = [_doc(i) for k in range(items // 20 + 1) for i in kiosk_batch(k, 0, 20, [("slot-0", "s")])][:items]
        http = requests.Session()
        t0 = time.perf_counter()
        for n in range(0, items, batch):
            res = http.post(f"{target}/_bulk_docs", json={"docs": docs[n:n + batch]}, timeout=300)
            res.raise_for_status()
        bulk_s = time.perf_counter() - t0
        source, replica = server.create("kiosk"), server.create("replica")
        for n in range(0, items, batch):  # not timed: the kiosk's own database
            http.post(f"{source}/_bulk_docs", json={"docs": docs[n:n + batch]}, timeout=300).raise_for_status()
        t0 = time.perf_counter()
        res = http.post(f"{server.url}/_replicate", json={"source": source, "target": replica}, timeout=1800)
        res.raise_for_status()
        replicate_s = time.perf_counter() - t0
        copied = requests.get(replica, timeout=30).json()["doc_count"]
        http.close()
        return {"items": items, "bulk_docs_items_per_s": round(items / bulk_s),
                "replicate_items_per_s": round(items / replicate_s), "replicated": copied,
                "load_avg": [round(x, 2) for x in os.getloadavg()]}
    finally:
        server.stop()


def _summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 1), "min": round(min(values), 1), "max": round(max(values), 1)}


def run(repeats: int = 3, kiosks: int = 200, rounds: int = 5, batch: int = 20, drain_items: int = 10_000,
        drain_batch: int = 500, workers: int = 1, only: str | None = None) -> dict:
    from benchmarks import sync_concurrent_kiosks, sync_drain

    if not POUCHDB.exists():
        return {"available": False, "reason": f"{POUCHDB} is missing: run sh benchmarks/peers/install_pouchdb.sh"}
    runs: dict[str, list[dict]] = {"ours_pushers": [], "pouch_pushers": [], "ours_drain": [], "pouch_drain": []}
    for n in range(repeats):
        # Interleaved, and who goes first alternates, so a change in the machine's load
        # falls on both sides.
        order = ["ours", "pouch"] if n % 2 == 0 else ["pouch", "ours"]
        for side in order:
            if only in (None, "pushers"):
                if side == "ours":
                    res = sync_concurrent_kiosks.run(kiosks=kiosks, rounds=rounds, batch=batch, workers=workers)
                    if res.get("available") is False:
                        return res
                else:
                    res = pouch_pushers(kiosks, rounds, batch)
                runs[f"{side}_pushers"].append(res)
                print(side, "pushers", json.dumps(res), flush=True)
            if only in (None, "drain"):
                res = sync_drain.run(items=drain_items, batch_size=drain_batch) if side == "ours" \
                    else pouch_drain(drain_items, drain_batch)
                runs[f"{side}_drain"].append(res)
                print(side, "drain", json.dumps(res), flush=True)
    out: dict = {"repeats": repeats, "kiosks": kiosks, "rounds": rounds, "batch": batch, "workers": workers,
                 "drain_items": drain_items, "runs": runs}
    if runs["ours_pushers"]:
        ours = {k: _summary([r[k] for r in runs["ours_pushers"]]) for k in ("items_per_s", "push_p99_ms")}
        peer = {k: _summary([r[k] for r in runs["pouch_pushers"]]) for k in ("items_per_s", "push_p99_ms")}
        out["pushers"] = {"ours": ours, "pouchdb": peer,
                          "throughput_ratio": round(ours["items_per_s"]["median"] / peer["items_per_s"]["median"], 2),
                          "p99_ratio": round(ours["push_p99_ms"]["median"] / peer["push_p99_ms"]["median"], 2)}
    if runs["ours_drain"]:
        ours_rate = _summary([r["items_per_s"] for r in runs["ours_drain"]])
        bulk = _summary([r["bulk_docs_items_per_s"] for r in runs["pouch_drain"]])
        repl = _summary([r["replicate_items_per_s"] for r in runs["pouch_drain"]])
        out["drain"] = {"ours_items_per_s": ours_rate, "pouchdb_bulk_docs_items_per_s": bulk,
                        "pouchdb_replicate_items_per_s": repl,
                        "ratio_to_bulk_docs": round(ours_rate["median"] / bulk["median"], 2),
                        "ratio_to_replicate": round(ours_rate["median"] / repl["median"], 2)}
    out["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--kiosks", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--drain-items", type=int, default=10_000)
    ap.add_argument("--drain-batch", type=int, default=500)
    ap.add_argument("--workers", type=int, default=1, help="our backend's processes (serve --workers)")
    ap.add_argument("--only", choices=("pushers", "drain"))
    args = ap.parse_args(argv)
    result = run(repeats=args.repeats, kiosks=args.kiosks, rounds=args.rounds, batch=args.batch,
                 drain_items=args.drain_items, drain_batch=args.drain_batch, workers=args.workers, only=args.only)
    save_results("sync_peers", result)
    for key in ("pushers", "drain", "load_avg_end"):
        if key in result:
            print(f"{key}: {json.dumps(result[key])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
