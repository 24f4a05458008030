"""Run every benchmark and print one table: ``python -m benchmarks.run_all [--quick] [--only NAME]``.

A benchmark is any module in this package with a ``run(**kwargs) -> dict`` function
(and optionally ``QUICK``, the keyword arguments of a small, fast run). So a new file
such as ``benchmarks/sync_throughput.py`` joins the table without editing this one.
Each result is also saved as JSON under ``benchmarks/results/`` (gitignored).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import time
import traceback
from pathlib import Path

from benchmarks.report import machine, save_results

NOT_BENCHMARKS = {"run_all", "report", "catalogue_gen", "fts5_peer", "__init__"}
# The foundation benchmarks first, in this order; any others after them, by name.
FIRST = ["search_latency", "cold_start"]


def discover() -> list[str]:
    here = Path(__file__).resolve().parent
    names = [m.name for m in pkgutil.iter_modules([str(here)]) if m.name not in NOT_BENCHMARKS]
    return [n for n in FIRST if n in names] + sorted(n for n in names if n not in FIRST)


def _show(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_show(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    return str(value)


def table(results: dict[str, dict]) -> str:
    rows = [("benchmark", "figure", "value")]
    for name, result in results.items():
        for key, value in result.items():
            if key == "runs":  # per-run details stay in the JSON file
                continue
            rows.append((name, key, _show(value)))
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    lines = []
    for i, (a, b, c) in enumerate(rows):
        lines.append(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c}")
        if i == 0:
            lines.append("-" * (widths[0] + widths[1] + 12))
    return "\n".join(lines)


def run_all(quick: bool = False, only: list[str] | None = None, save: bool = True) -> dict[str, dict]:
    results: dict[str, dict] = {}
    for name in discover():
        if only and name not in only:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        if not callable(getattr(module, "run", None)):
            continue
        kwargs = dict(getattr(module, "QUICK", {})) if quick else {}
        t0 = time.perf_counter()
        try:
            result = module.run(**kwargs)
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            result = {"available": False, "reason": f"{type(exc).__name__}: {exc}"}
        result["benchmark_s"] = round(time.perf_counter() - t0, 1)
        results[name] = result
        if save:
            save_results(name, result)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes: a check that everything runs")
    ap.add_argument("--only", action="append", help="run just this benchmark (repeatable)")
    args = ap.parse_args(argv)
    m = machine()
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['ram_mb']} MB RAM, Python {m['python']}, "
          f"PySide6 {m['pyside6']}, load average {m['load_avg']}")
    results = run_all(quick=args.quick, only=args.only)
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
