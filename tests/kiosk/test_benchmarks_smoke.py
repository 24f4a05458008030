"""The benchmarks still import and run, on tiny sizes, and give sane figures (nothing here is timed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from benchmarks import catalogue_gen, cold_start, run_all, search_latency
from benchmarks.report import machine, percentile, save_results
from kiosk.catalogue.importer import import_catalogue, validate
from kiosk.catalogue.search import fold


def test_generated_catalogue_is_deterministic_multilingual_and_importable(db):
    from kiosk.catalogue.service import Catalogue

    a = catalogue_gen.generate_services(200, seed=7)
    assert a == catalogue_gen.generate_services(200, seed=7)
    assert a != catalogue_gen.generate_services(200, seed=8)
    assert len({s.id for s in a}) == 200
    assert all(set(s.names) == {"fi", "sv", "en"} and all(s.names.values()) for s in a)
    assert any(fold(t) != t.lower() for s in a for t in s.names.values())  # real diacritics in the names
    assert all(len(t) <= 150 for s in a for t in s.short_descriptions.values())

    data = catalogue_gen.to_import_json(a)
    assert validate(data) == []
    result = import_catalogue(db, json.loads(json.dumps(data, ensure_ascii=False)))
    assert result.services == 200
    catalogue = Catalogue(db)
    found = catalogue.search("aitiysneuvola")
    assert found and all("äitiysneuvola" in s.names["fi"] for s in found[:3])


def test_generator_writes_import_json(tmp_path):
    out = tmp_path / "c.json"
    assert catalogue_gen.main(["--services", "30", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["services"]) == 30 and validate(data) == []


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(100, 0, -1)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile(values, 100) == 100.0
    assert percentile([3.0], 99) == 3.0
    with pytest.raises(ValueError):
        percentile([], 50)


def test_search_latency_runs_on_a_tiny_catalogue():
    queries = [("pa", "fi"), ("hälsovård", "sv"), ("home c", "en")]
    r = search_latency.run(services=200, rounds=2, builds=1, queries=queries)
    assert r["services"] == 200
    assert r["keystrokes"] == 2 * sum(len(q) for q, _ in queries)
    assert 0 <= r["p50_ms"] <= r["p99_ms"] <= r["max_ms"]
    assert r["single_word_p99_ms"] >= 0 and r["multi_word_p99_ms"] >= 0
    assert r["build_s_median"] > 0 and r["generate_s"] > 0
    assert r["index_mb"] > 0
    assert set(r["slowest_keystrokes_ms"]) <= {q[:k] for q, _ in queries for k in range(1, len(q) + 1)}


def test_keystrokes_and_deep_size():
    assert search_latency.keystrokes("pa") == ["p", "pa"]
    small = search_latency.deep_size({"a": [1, 2]})
    assert search_latency.deep_size({"a": [1, 2], "b": "x" * 1000}) > small + 1000


_FAKE_KIOSK = """
import sys, time
if "--exit-when-ready" in sys.argv:
    print("starting", flush=True)
    print("KIOSK_READY 123 45678", flush=True)
else:
    time.sleep(30)
"""


def test_cold_start_parses_the_ready_line_and_reads_idle_rss():
    r = cold_start.run(first_runs=2, warm_runs=3, idle_s=0.5, command=[sys.executable, "-c", _FAKE_KIOSK])
    assert r["available"] is True
    assert r["first_runs"] == 2 and r["warm_runs"] == 3
    assert r["warm_app_ms_median"] == 123.0 and r["first_app_ms_median"] == 123.0
    assert r["ready_rss_mb_median"] == round(45678 / 1024, 1)
    assert 0 < r["warm_wall_ms_min"] <= r["warm_wall_ms_median"] <= r["warm_wall_ms_max"]
    assert r["idle_rss_mb"] > 1  # a real reading of the sleeping fake process
    assert r["nonzero_exits"] == 0


def test_cold_start_reports_unavailable_instead_of_crashing():
    r = cold_start.run(first_runs=1, warm_runs=1, idle_s=0,
                       command=[sys.executable, "-c", "import sys; print('usage: unknown flag'); sys.exit(2)"])
    assert r["available"] is False
    assert "exit code 2" in r["reason"] and "unknown flag" in r["reason"]


def test_run_all_discovers_runs_and_tabulates(monkeypatch, tmp_path):
    assert run_all.discover()[:2] == ["search_latency", "cold_start"]
    assert "catalogue_gen" not in run_all.discover() and "report" not in run_all.discover()
    monkeypatch.setattr(search_latency, "QUICK", {"services": 100, "rounds": 1, "builds": 1})
    results = run_all.run_all(quick=True, only=["search_latency"], save=False)
    assert list(results) == ["search_latency"]
    text = run_all.table(results)
    assert "search_latency" in text and "p99_ms" in text

    path = save_results("smoke", results["search_latency"], directory=tmp_path)
    saved = json.loads(Path(path).read_text(encoding="utf-8"))
    assert saved["result"]["services"] == 100
    assert {"cpu", "cores", "ram_mb", "python"} <= set(saved["machine"])


def test_machine_description():
    m = machine()
    assert m["cores"] >= 1 and m["python"].count(".") == 2


@pytest.mark.slow
def test_cold_start_of_the_real_kiosk():
    if cold_start.kiosk_command() is None:
        pytest.fail("welfare-kiosk is not installed in this environment")
    r = cold_start.run(first_runs=1, warm_runs=1, idle_s=0)
    assert r["available"] is True, r.get("reason")
    assert r["warm_app_ms_median"] > 0 and r["ready_rss_mb_median"] > 10
    assert r["nonzero_exits"] == 0


def test_search_quality_runs_both_searches_on_the_same_queries():
    from benchmarks import search_quality

    r = search_quality.run()
    assert r["services"] == 90
    for part in ("curated", "generated"):
        assert r[part]["queries"] >= 90
        assert 0 <= r[part]["fts5_top3"] <= r[part]["queries"]
    # Exact words are found by both; the typos are what tells them apart.
    assert r["curated"]["by_kind"]["exact"]["fts5"].split("/")[0] != "0"
    assert r["all_ours_rate"] > r["all_fts5_rate"]
    assert len(r["ours_misses"]) == round((1 - r["all_ours_rate"]) * (r["curated"]["queries"]
                                                                        + r["generated"]["queries"]))


def test_search_latency_times_the_fts5_peer_on_the_same_keystrokes():
    r = search_latency.run(services=150, rounds=1, builds=1, queries=[("fysiotrapia", "fi"), ("a s", "fi")])
    assert r["keystrokes"] == 14 and r["fts5_p99_ms"] > 0 and r["p99_ratio_ours_to_fts5"] > 0
