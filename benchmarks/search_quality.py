"""Search quality: do residents' misspellings still find the service they mean? Ours beside FTS5.

Runs one query set against our ``SearchIndex`` and against an SQLite FTS5 index over the
same catalogue (benchmarks/fts5_peer.py), in one invocation, and reports the top-3 hit
rate of each: a query is a hit when the service it means is among the first three
results. The catalogue is the demo catalogue (assets/demo/catalogue.json, 90 real
services of a Helsinki welfare centre in fi/sv/en).

Two parts:

- ``CURATED``: queries written by hand, as residents type them, per language and kind of
  mistake (dropped letter, doubled, swapped, wrong vowel, no diacritics, a compound's
  part, the compound of a part, another spelling or a synonym, words split or joined).
- generated: for every service and language, the most distinctive word of its name
  (6+ letters, in at most 3 names) with one mistake of each mechanical kind. A word
  shared by more than 3 names cannot be a fair top-3 question, so it is not asked.

    python -m benchmarks.search_quality [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.fts5_peer import Fts5Index
from benchmarks.report import save_results
from kiosk.catalogue.search import SearchIndex, fold, words

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "assets" / "demo" / "catalogue.json"

# (query, resident's language, kind of mistake, the service ids it may mean)
CURATED: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Finnish
    ("fysiotrapia", "fi", "dropped", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("fysioterapiaa", "fi", "doubled", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("fysio", "fi", "other spelling", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("aitiysneuvola", "fi", "no diacritics", ("maternity-clinic",)),
    ("äitiysnuvola", "fi", "dropped", ("maternity-clinic",)),
    ("äitiysneuvloa", "fi", "swapped", ("maternity-clinic",)),
    ("neuvola", "fi", "compound part", ("maternity-clinic", "child-health-clinic", "family-counselling",
                                        "family-planning")),
    ("lastenneuvla", "fi", "dropped", ("child-health-clinic",)),
    ("lasten neuvola", "fi", "split", ("child-health-clinic",)),
    ("hammaslääkäri", "fi", "compound", ("dental-care", "private-dentist-hymy", "child-dental-care")),
    ("hammaslaakri", "fi", "dropped", ("dental-care", "private-dentist-hymy", "child-dental-care")),
    ("hamashoitola", "fi", "dropped", ("dental-care",)),
    ("lääkäri", "fi", "compound part", ("health-station-doctor", "remote-doctor", "private-doctor",
                                        "private-dentist-hymy")),
    ("laakari", "fi", "no diacritics", ("health-station-doctor", "remote-doctor", "private-doctor",
                                        "private-dentist-hymy")),
    ("terveysasma", "fi", "dropped", ("health-station-doctor", "physiotherapy-public")),
    ("kotihoitto", "fi", "doubled", ("home-care-public", "home-care-lahella", "home-care-voucher")),
    ("kotihiot", "fi", "swapped", ("home-care-public", "home-care-lahella", "home-care-voucher")),
    ("velkaneuvona", "fi", "dropped", ("debt-advice-public", "debt-helpline")),
    ("velka neuvonta", "fi", "split", ("debt-advice-public", "debt-helpline")),
    ("työllisyyspalvelt", "fi", "dropped", ("employment-services",)),
    ("tyollisyyspalvelut", "fi", "no diacritics", ("employment-services",)),
    ("kirjasot", "fi", "swapped", ("library", "library-digital-help")),
    ("nuorisotallo", "fi", "doubled", ("youth-centre",)),
    ("mielenterveis", "fi", "wrong vowel", ("mental-health-nurse", "youth-mental-health", "peer-group-tuulispaa")),
    ("vammaispalvelu", "fi", "prefix", ("disability-services",)),
    ("vamaispalvelut", "fi", "dropped", ("disability-services",)),
    ("omaishoidon tki", "fi", "dropped", ("carer-support",)),
    ("puheterapeutti", "fi", "synonym", ("speech-therapy-sanasto",)),
    ("jalkahoito", "fi", "synonym", ("podiatry-askel",)),
    ("rokotus", "fi", "prefix", ("vaccinations",)),
    ("influensa", "fi", "dropped", ("vaccinations",)),
    ("perhekahvla", "fi", "dropped", ("parish-family-cafe",)),
    ("perhe kahvila", "fi", "split", ("parish-family-cafe",)),
    ("asumisneuvota", "fi", "dropped", ("housing-advice",)),
    ("ruoka apu", "fi", "split", ("food-aid",)),
    ("kuulolaite", "fi", "prefix", ("hearing-aid-help",)),
    ("kuulolaitteet", "fi", "wrong ending", ("hearing-aid-help",)),
    # Swedish
    ("modraradgivning", "sv", "no diacritics", ("maternity-clinic",)),
    ("mödrarådgivnig", "sv", "dropped", ("maternity-clinic",)),
    ("barnrådgivnign", "sv", "swapped", ("child-health-clinic",)),
    ("tandläkre", "sv", "dropped", ("private-dentist-hymy", "dental-care", "child-dental-care")),
    ("tandlakare", "sv", "no diacritics", ("private-dentist-hymy", "dental-care", "child-dental-care")),
    ("tandklinick", "sv", "wrong letter", ("dental-care",)),
    ("hälsostasion", "sv", "wrong letter", ("health-station-doctor", "physiotherapy-public")),
    ("halsostation", "sv", "no diacritics", ("health-station-doctor", "physiotherapy-public")),
    ("fysioterapie", "sv", "wrong vowel", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("sjukgymnastik", "sv", "synonym", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("hemvårdd", "sv", "doubled", ("home-care-public", "home-care-lahella", "home-care-voucher")),
    ("hemtjänst", "sv", "synonym", ("home-care-public", "home-care-lahella", "home-care-voucher")),
    ("skuldrådgivnig", "sv", "dropped", ("debt-advice-public",)),
    ("bibliotket", "sv", "dropped", ("library", "library-digital-help")),
    ("ungdomsgård", "sv", "exact", ("youth-centre",)),
    ("ungdomsgaard", "sv", "other spelling", ("youth-centre",)),
    ("handikapservice", "sv", "dropped", ("disability-services",)),
    ("närståendevård", "sv", "compound part", ("carer-support", "carer-peer-group")),
    ("narstaendevard", "sv", "no diacritics", ("carer-support", "carer-peer-group")),
    ("talterapi", "sv", "exact", ("speech-therapy-sanasto",)),
    ("tallterapi", "sv", "doubled", ("speech-therapy-sanasto",)),
    ("fotterapi", "sv", "exact", ("podiatry-askel",)),
    ("fottreapi", "sv", "swapped", ("podiatry-askel",)),
    ("familjecafe", "sv", "no diacritics", ("parish-family-cafe",)),
    ("familje café", "sv", "split", ("parish-family-cafe",)),
    ("vaccinationer", "sv", "prefix", ("vaccinations",)),
    ("vacinationer", "sv", "dropped", ("vaccinations",)),
    ("bostadsbidrg", "sv", "dropped", ("kela-housing-allowance",)),
    ("matbistand", "sv", "no diacritics", ("food-aid",)),
    ("hörapparat", "sv", "prefix", ("hearing-aid-help",)),
    ("horaparater", "sv", "dropped", ("hearing-aid-help",)),
    ("rättshjälp", "sv", "compound part", ("legal-aid",)),
    ("ratshjalp", "sv", "dropped", ("legal-aid",)),
    # English
    ("physiotherapy", "en", "exact", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("physiotheraphy", "en", "inserted", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("physio", "en", "short form", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("physical therapy", "en", "synonym", ("physiotherapy-public", "physiotherapy-voucher", "physio-kontulan-liike")),
    ("maternty clinic", "en", "dropped", ("maternity-clinic",)),
    ("dentist", "en", "synonym", ("dental-care", "private-dentist-hymy", "child-dental-care")),
    ("dentel", "en", "wrong vowel", ("dental-care", "private-dentist-hymy", "child-dental-care", "dental-voucher")),
    ("youth center", "en", "American spelling", ("youth-centre",)),
    ("youht centre", "en", "swapped", ("youth-centre",)),
    ("counseling", "en", "American spelling", ("family-counselling", "social-worker")),
    ("family counceling", "en", "wrong letter", ("family-counselling",)),
    ("homecare", "en", "joined", ("home-care-public", "home-care-lahella", "home-care-voucher")),
    ("home cear", "en", "swapped", ("home-care-public", "home-care-lahella", "home-care-voucher")),
    ("employmnt", "en", "dropped", ("employment-services",)),
    ("libary", "en", "dropped", ("library", "library-digital-help")),
    ("vaccinations", "en", "exact", ("vaccinations",)),
    ("vacinations", "en", "dropped", ("vaccinations",)),
    ("disabilty services", "en", "dropped", ("disability-services",)),
    ("debt advise", "en", "wrong letter", ("debt-advice-public",)),
    ("speach therapy", "en", "wrong vowel", ("speech-therapy-sanasto",)),
    ("podiatry", "en", "exact", ("podiatry-askel",)),
    ("podiatrist", "en", "wrong ending", ("podiatry-askel",)),
    ("foot care", "en", "synonym", ("podiatry-askel",)),
    ("food bank", "en", "exact", ("food-aid",)),
    ("foodbank", "en", "joined", ("food-aid",)),
    ("hearing aid", "en", "exact", ("hearing-aid-help",)),
    ("hering aid", "en", "dropped", ("hearing-aid-help",)),
    ("pharmacy", "en", "exact", ("pharmacy-medication-review",)),
    ("pharmasy", "en", "wrong letter", ("pharmacy-medication-review",)),
    ("contraseption", "en", "wrong letter", ("family-planning",)),
    ("legal aid", "en", "exact", ("legal-aid",)),
    ("laboratry", "en", "dropped", ("laboratory",)),
    ("psychoterapy", "en", "dropped", ("psychotherapy-mielentila", "kela-rehabilitation")),
    ("occupational therapy", "en", "exact", ("occupational-therapy-arjen-taito",)),
    ("ocupational therapy", "en", "dropped", ("occupational-therapy-arjen-taito",)),
    ("memmory nurse", "en", "doubled", ("memory-nurse",)),
]

_VOWELS = "aeiouy"


def _mistakes(word: str) -> list[tuple[str, str]]:
    """One mistake of each mechanical kind, deterministic for the word."""
    out = []
    m = len(word) // 2
    out.append(("dropped", word[:m] + word[m + 1:]))
    out.append(("doubled", word[:m] + word[m] + word[m:]))
    out.append(("swapped", word[:m] + word[m + 1] + word[m] + word[m + 2:]))
    vowel_at = next((i for i in range(m, len(word)) if word[i] in _VOWELS), None)
    if vowel_at is not None:
        v = word[vowel_at]
        out.append(("wrong vowel", word[:vowel_at] + ("e" if v != "e" else "i") + word[vowel_at + 1:]))
    return [(kind, w) for kind, w in out if w != word]


def generated_queries(services) -> list[tuple[str, str, str, tuple[str, ...]]]:
    names_with: dict[str, set[str]] = defaultdict(set)
    for s in services:
        for text in s.names.values():
            for w in words(text):
                names_with[w].add(s.id)
    out = []
    for s in services:
        for lang in ("fi", "sv", "en"):
            candidates = [w for w in words(s.names.get(lang, "")) if len(w) >= 6 and len(names_with[w]) <= 3]
            if not candidates:
                continue
            # The most distinctive word (fewest names), then the longest: what a resident would type.
            word = min(candidates, key=lambda w: (len(names_with[w]), -len(w), w))
            for kind, typo in _mistakes(word):
                out.append((typo, lang, kind, tuple(sorted(names_with[word]))))
    return out


def load_demo_services():
    from kiosk.catalogue.importer import import_catalogue, load_file
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database

    with tempfile.TemporaryDirectory(prefix="bench-search-quality-") as tmp:
        db = open_database(Path(tmp) / "kiosk.db")
        import_catalogue(db, load_file(DEMO))
        services = Catalogue(db).all_services()
        db.close()
    return services


def run(show_misses: bool = False) -> dict:
    services = load_demo_services()
    ours = SearchIndex(services)
    peer = Fts5Index(services)
    known = {s.id for s in services}
    sets = {"curated": CURATED, "generated": generated_queries(services)}
    result: dict = {"services": len(services)}
    misses: dict[str, list] = {"ours": [], "fts5": []}
    for set_name, queries in sets.items():
        unknown = {sid for *_, expected in queries for sid in expected} - known
        assert not unknown, f"query set names services not in the demo catalogue: {sorted(unknown)}"
        hits = {"ours": 0, "fts5": 0}
        by_kind: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"ours": [0, 0], "fts5": [0, 0]})
        times = {"ours": 0.0, "fts5": 0.0}
        for query, lang, kind, expected in queries:
            t0 = time.perf_counter()
            got_ours = [h.service_id for h in ours.search(query, lang, limit=3)]
            t1 = time.perf_counter()
            got_peer = peer.search(query, limit=3)
            t2 = time.perf_counter()
            times["ours"] += t1 - t0
            times["fts5"] += t2 - t1
            for name, got in (("ours", got_ours), ("fts5", got_peer)):
                hit = any(sid in expected for sid in got)
                hits[name] += hit
                by_kind[kind][name][0] += hit
                by_kind[kind][name][1] += 1
                if not hit:
                    misses[name].append((set_name, query, lang, kind, got))
        n = len(queries)
        result[set_name] = {
            "queries": n,
            "ours_top3": hits["ours"], "fts5_top3": hits["fts5"],
            "ours_rate": round(hits["ours"] / n, 3), "fts5_rate": round(hits["fts5"] / n, 3),
            "ours_ms_per_query": round(times["ours"] * 1000 / n, 3),
            "fts5_ms_per_query": round(times["fts5"] * 1000 / n, 3),
            "by_kind": {k: {name: f"{v[name][0]}/{v[name][1]}" for name in ("ours", "fts5")}
                        for k, v in sorted(by_kind.items())},
        }
    total = sum(len(q) for q in sets.values())
    result["all_ours_rate"] = round(sum(result[k]["ours_top3"] for k in sets) / total, 3)
    result["all_fts5_rate"] = round(sum(result[k]["fts5_top3"] for k in sets) / total, 3)
    result["target_rate"] = 0.95
    result["ours_misses"] = [f"{q!r} ({lang}, {kind}) -> {got}" for _, q, lang, kind, got in misses["ours"]]
    if show_misses:
        result["fts5_misses"] = [f"{q!r} ({lang}, {kind}) -> {got}" for _, q, lang, kind, got in misses["fts5"]]
    peer.close()
    return result


QUICK: dict = {}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true", help="also list the peer's misses")
    args = ap.parse_args(argv)
    result = run(show_misses=args.show_misses)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"saved to {save_results('search_quality', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
