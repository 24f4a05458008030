"""Search latency per keystroke, index build time and index memory on a generated catalogue.

Types real queries letter by letter ("a", "ai", "ait", ... "aitiysneuvola") against a
``SearchIndex`` of N generated services (fi/sv/en) and reports p50/p99/max over every
keystroke of every round (wall clock, what a resident waits), and the same for the
thread's CPU time (what the code costs, without time lost to other processes). Target: p99 <= 5 ms at N = 50,000 on a 2-core machine.
The peer, an SQLite FTS5 index over the same services (benchmarks/fts5_peer.py), answers
the same keystrokes interleaved with ours (``--no-fts5`` leaves it out).

    python -m benchmarks.search_latency [--services 50000] [--rounds 5] [--builds 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from array import array

from benchmarks.catalogue_gen import generate_services
from benchmarks.report import percentile, save_results
from kiosk.catalogue.search import SearchIndex

# (query, the resident's language): what residents type, including the worst cases
# (one or two letters match most of the catalogue) and a few two-word queries.
QUERIES: list[tuple[str, str]] = [
    ("aitiysneuvola", "fi"), ("hälsovård", "sv"), ("fysioterapia", "fi"), ("tandläkare", "sv"),
    ("dentist", "en"), ("kotihoito", "fi"), ("pa", "fi"), ("s", "sv"), ("a", "en"),
    ("mödrarådgivning", "sv"), ("velkaneuvonta", "fi"), ("home care", "en"), ("perhe kahvila", "fi"),
    ("kontula neuvola", "fi"), ("työllisyyspalvelut", "fi"), ("youth centre", "en"),
    # Misspelt: from the fifth letter on every keystroke also looks for typos.
    ("fysiotrapia", "fi"), ("hemvårdd", "sv"), ("maternty clinic", "en"), ("tyollisyyspalvlut", "fi"),
]

# A small run for `run_all --quick` and the smoke test.
QUICK = {"services": 2000, "rounds": 2, "builds": 1}


def keystrokes(query: str) -> list[str]:
    """What the search box holds after each key: 'pa' -> ['p', 'pa']."""
    return [query[:k] for k in range(1, len(query) + 1)]


def deep_size(obj: object) -> int:
    """Bytes held by the index's containers, arrays and strings (each object counted once)."""
    seen: set[int] = set()
    stack = [obj]
    total = 0
    while stack:
        o = stack.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        total += sys.getsizeof(o)
        if isinstance(o, dict):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, (list, tuple, set, frozenset)):
            stack.extend(o)
        elif isinstance(o, (str, int, float, array)):
            pass
        elif hasattr(o, "__dict__"):
            stack.append(vars(o))
    return total


def rss_kb() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def run(services: int = 50_000, rounds: int = 5, builds: int = 3, seed: int = 2026,
        queries: list[tuple[str, str]] | None = None, limit: int = 50, fts5: bool = True) -> dict:
    queries = queries or QUERIES
    t0 = time.perf_counter()
    catalogue = generate_services(services, seed)
    generate_s = time.perf_counter() - t0

    build_times = []
    index = None
    rss_growth = None
    for _ in range(max(1, builds)):
        index = None
        gc.collect()
        before = rss_kb()
        t0 = time.perf_counter()
        index = SearchIndex(catalogue)
        build_times.append(time.perf_counter() - t0)
        after = rss_kb()
        if before is not None and after is not None and rss_growth is None:
            rss_growth = max(0, after - before)  # the first build, before the allocator has spare pages
    assert index is not None
    t0 = time.perf_counter()
    index.prepare_typos()  # as the search screen does once it is shown
    prepare_s = time.perf_counter() - t0
    peer = None
    if fts5:
        from benchmarks.fts5_peer import Fts5Index
        t0 = time.perf_counter()
        peer = Fts5Index(catalogue)
        peer_build_s = time.perf_counter() - t0
    peer_per_key: list[float] = []

    per_key: list[float] = []
    per_key_cpu: list[float] = []  # this thread's CPU time: the code's cost without the machine's noise
    per_key_single: list[float] = []
    per_key_multi: list[float] = []
    worst: dict[str, float] = {}
    for _ in range(rounds):
        for query, lang in queries:
            for typed in keystrokes(query):
                c0 = time.thread_time()
                t0 = time.perf_counter()
                index.search(typed, lang, limit=limit)
                ms = (time.perf_counter() - t0) * 1000
                per_key_cpu.append((time.thread_time() - c0) * 1000)
                per_key.append(ms)
                (per_key_multi if " " in typed.strip() else per_key_single).append(ms)
                if ms > worst.get(typed, 0.0):
                    worst[typed] = ms
                if peer is not None:  # interleaved: both see the same machine at the same moment
                    t0 = time.perf_counter()
                    peer.search(typed, limit=limit)
                    peer_per_key.append((time.perf_counter() - t0) * 1000)
    slowest = sorted(worst.items(), key=lambda kv: -kv[1])[:5]
    peer_figures = {}
    if peer is not None:
        peer.close()
        peer_figures = {
            "fts5_build_s": round(peer_build_s, 3),
            "fts5_p50_ms": round(percentile(peer_per_key, 50), 3),
            "fts5_p99_ms": round(percentile(peer_per_key, 99), 3),
            "fts5_min_max_ms": [round(min(peer_per_key), 3), round(max(peer_per_key), 3)],
            "p50_ratio_ours_to_fts5": round(percentile(per_key, 50) / percentile(peer_per_key, 50), 3),
            "p99_ratio_ours_to_fts5": round(percentile(per_key, 99) / percentile(peer_per_key, 99), 3),
        }
    return {
        "services": services,
        "keystrokes": len(per_key),
        "rounds": rounds,
        "generate_s": round(generate_s, 3),
        "build_s_median": round(statistics.median(build_times), 3),
        "build_s_all": [round(b, 3) for b in build_times],
        "index_mb": round(deep_size(index) / 1e6, 1),
        "index_rss_growth_mb": round(rss_growth / 1024, 1) if rss_growth is not None else None,
        "p50_ms": round(percentile(per_key, 50), 3),
        "p99_ms": round(percentile(per_key, 99), 3),
        "max_ms": round(max(per_key), 3),
        "cpu_p50_ms": round(percentile(per_key_cpu, 50), 3),
        "cpu_p99_ms": round(percentile(per_key_cpu, 99), 3),
        "single_word_p99_ms": round(percentile(per_key_single, 99), 3) if per_key_single else None,
        "multi_word_p99_ms": round(percentile(per_key_multi, 99), 3) if per_key_multi else None,
        "slowest_keystrokes_ms": {k: round(v, 3) for k, v in slowest},
        "target_p99_ms": 5.0,
        "prepare_typos_s": round(prepare_s, 3),
        "min_max_ms": [round(min(per_key), 3), round(max(per_key), 3)],
        **peer_figures,
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--services", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--builds", type=int, default=3)
    ap.add_argument("--no-fts5", action="store_true", help="without the SQLite FTS5 peer")
    args = ap.parse_args(argv)
    result = run(services=args.services, rounds=args.rounds, builds=args.builds, fts5=not args.no_fts5)
    for key, value in result.items():
        print(f"{key:28} {value}")
    print(f"saved to {save_results('search_latency', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
