"""The demo catalogue in assets/demo/: valid, complete, and written in three real languages.

The catalogue is generated from assets/demo/demo_source/ by assets/demo/build_catalogue.py;
these tests guard what the kiosk and its demos rely on: coverage of the service tray
(sectors, target groups, life events, channels, bookable slots), texts that are really
translated rather than copied, and search that finds what residents type.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

import pytest

from kiosk.catalogue import vocab
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.catalogue.importer import import_catalogue, validate
from kiosk.catalogue.service import Catalogue, CatalogueFilter
from tests.conftest import REPO

DEMO = REPO / "assets" / "demo"
CATALOGUE = DEMO / "catalogue.json"
HOLIDAYS = {"2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01", "2027-01-06"}

# Proper names that are genuinely the same in Finnish and English: Helsinki and the Finnish
# street names of Kontula (English uses the Finnish name; Swedish has its own).
SAME_IN_FI_AND_EN = {"Helsinki", "Kontulantie", "Kontulankaari", "Ostostie", "Keinulaudantie", "Kurkimäentie",
                     "Kivikonkaari"}


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory, data) -> Catalogue:
    """One imported demo catalogue shared by the read-only checks below (importing takes a while)."""
    from kiosk.storage.db import open_database

    database = open_database(tmp_path_factory.mktemp("demo") / "kiosk.db")
    import_catalogue(database, data)
    yield Catalogue(database)
    database.close()


def services_by_id(data) -> dict[str, dict]:
    return {s["id"]: s for s in data["services"]}


def providers_by_id(data) -> dict[str, dict]:
    return {p["id"]: p for p in data["providers"]}


def channels(data):
    for s in data["services"]:
        for ch in s["channels"]:
            yield s, ch


# -- the file -----------------------------------------------------------------------------------

def test_demo_catalogue_validates(data):
    assert validate(data) == []


def test_demo_catalogue_is_generated_from_its_sources():
    spec = importlib.util.spec_from_file_location("build_demo_catalogue", DEMO / "build_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render() == CATALOGUE.read_text(encoding="utf-8"), \
        "assets/demo/catalogue.json is stale: run .venv/bin/python assets/demo/build_catalogue.py"


def test_demo_catalogue_imports_into_a_fresh_database(db, data):
    result = import_catalogue(db, data)
    assert result.services == len(data["services"]) >= 80
    assert result.providers == len(data["providers"]) >= 25
    assert result.slots > 1000
    catalogue = Catalogue(db)
    assert len(catalogue) == result.services
    assert len(catalogue.providers()) == result.providers


# -- coverage of the service tray ---------------------------------------------------------------

def test_many_services_from_many_providers_in_all_three_sectors(data):
    assert len(data["services"]) >= 80
    assert len(data["providers"]) >= 25
    sectors = Counter(p["sector"] for p in data["providers"])
    assert set(sectors) == set(vocab.SECTORS)
    assert all(n >= 5 for n in sectors.values()), sectors
    used = {s["responsible_provider"] for s in data["services"]} | \
        {p for s in data["services"] for p in s.get("producers", [])}
    assert used == set(providers_by_id(data)), "every provider offers something"
    assert {p["organiser_type"] for p in data["providers"]} == set(vocab.ORGANISER_TYPES)
    per_sector = Counter(providers_by_id(data)[s["responsible_provider"]]["sector"] for s in data["services"])
    assert all(per_sector[sector] >= 10 for sector in vocab.SECTORS), per_sector


def test_every_target_group_life_event_and_service_class_is_used_by_several_services(data):
    for attr, codes in (("target_groups", vocab.TARGET_GROUPS), ("life_events", vocab.LIFE_EVENTS),
                        ("service_classes", vocab.SERVICE_CLASSES)):
        used = Counter(code for s in data["services"] for code in s.get(attr, []))
        thin = {code: used[code] for code in codes if used[code] < 3}
        assert not thin, f"{attr} used by fewer than 3 services: {thin}"


@pytest.mark.parametrize("service_id, sector, service_class", [
    ("maternity-clinic", "public", "family_services"),
    ("child-health-clinic", "public", "family_services"),
    ("nurse-walk-in", "public", "health_care"),
    ("health-station-doctor", "public", "health_care"),
    ("social-worker", "public", "social_services"),
    ("dental-care", "public", "oral_health"),
    ("home-care-public", "public", "elderly_services"),
    ("physiotherapy-public", "public", "rehabilitation"),
    ("physio-kontulan-liike", "private", "rehabilitation"),
    ("peer-group-tuulispaa", "third_sector", "mental_health_and_substance"),
    ("parish-family-cafe", "third_sector", "family_services"),
    ("employment-services", "public", "employment"),
    ("library-digital-help", "public", "digital_support"),
    ("youth-centre", "public", "leisure_and_community"),
    ("senior-info", "public", "elderly_services"),
    ("multilingual-advice", "third_sector", "integration"),
    ("low-threshold-day-centre", "third_sector", "mental_health_and_substance"),
    ("kela-service-point", "public", "social_services"),
])
def test_the_services_residents_expect_are_there(data, service_id, sector, service_class):
    s = services_by_id(data)[service_id]
    assert providers_by_id(data)[s["responsible_provider"]]["sector"] == sector
    assert service_class in s["service_classes"]


def test_third_sector_includes_an_association_peer_group_and_a_parish_family_cafe(data):
    providers, services = providers_by_id(data), services_by_id(data)
    assert providers[services["peer-group-tuulispaa"]["responsible_provider"]]["organiser_type"] == "association"
    assert providers[services["parish-family-cafe"]["responsible_provider"]]["organiser_type"] == "parish"


def test_vouchers_private_producers_and_prices(data, demo):
    providers = providers_by_id(data)
    voucher_providers = [p for p in data["providers"] if p.get("accepts_vouchers")]
    assert len(voucher_providers) >= 6
    assert all(p["sector"] == "private" for p in voucher_providers)
    voucher_services = demo.services(CatalogueFilter(voucher=True))
    ids = {s.id for s in voucher_services}
    assert {"physiotherapy-voucher", "dental-voucher", "home-care-voucher", "physio-kontulan-liike",
            "private-dentist-hymy", "home-care-lahella", "occupational-therapy-arjen-taito",
            "cleaning-siisti-koti"} <= ids
    # Public voucher services name the private companies that actually produce them.
    for s in data["services"]:
        if s["charge_type"] == "voucher":
            assert any(providers[p]["sector"] == "private" for p in s["producers"]), s["id"]
    charges = Counter(s["charge_type"] for s in data["services"])
    assert charges["free"] >= 30 and charges["charged"] >= 15 and charges["voucher"] >= 3


def test_public_services_carry_the_product_card(data):
    providers = providers_by_id(data)
    for s in data["services"]:
        if providers[s["responsible_provider"]]["sector"] == "public":
            missing = [f for f in ("goal", "content", "outputs", "quality", "user_instructions") if f not in s]
            assert not missing, f"{s['id']}: product card lacks {missing}"


def test_keywords_in_every_language_and_languages_served(data):
    for s in data["services"]:
        assert all(s["keywords"].get(lang) for lang in ("fi", "sv", "en")), s["id"]
    langs = Counter(lang for s in data["services"] for lang in s["languages"])
    for lang in ("so", "ru", "ar", "et"):
        assert langs[lang] >= 5, (lang, langs[lang])
    swedish_only = [s["id"] for s in data["services"] if s["languages"] == ["sv"]]
    assert len(swedish_only) >= 3
    assert sum("swedish_speakers" in s["target_groups"] for s in data["services"]) >= 8


# -- channels -----------------------------------------------------------------------------------

def test_channels_of_every_kind_with_fictional_contact_details(data):
    kinds = Counter(ch["kind"] for _, ch in channels(data))
    assert set(kinds) == set(vocab.CHANNEL_KINDS)
    assert kinds["video"] >= 10 and kinds["walk_in"] >= 10
    for s, ch in channels(data):
        if ch["kind"] in ("visit", "walk_in"):
            assert ch["address"]["postal_code"] == "00940", ch["id"]
            assert ch.get("accessibility"), f"{ch['id']}: a place needs accessibility notes"
        if ch["kind"] == "phone":
            assert re.fullmatch(r"\+358 (9|20|29) 555 0\d{3}", ch["phone"]), ch["phone"]
        if ch.get("url"):
            host = urlparse(ch["url"]).hostname
            assert host.endswith(("example.fi", "example.org")), ch["url"]
    for p in data["providers"]:
        web = p.get("contact", {}).get("web")
        assert web is None or urlparse(web).hostname.endswith(("example.fi", "example.org")), web


def test_staffed_channels_have_hours_with_lunch_breaks_and_the_winter_holidays(data):
    lunch_breaks = 0
    for s, ch in channels(data):
        hours = ch.get("opening_hours")
        if ch["kind"] in ("visit", "walk_in", "phone", "video"):
            assert hours, f"{ch['id']}: a staffed channel needs opening hours"
        if not hours or hours.get("always_open"):
            continue
        assert hours["regular"], ch["id"]
        assert {e["date"] for e in hours["exceptions"]} >= HOLIDAYS, ch["id"]
        lunch_breaks += any(len(r) > 1 for r in hours["regular"].values())
    assert lunch_breaks >= 10
    assert sum(1 for _, ch in channels(data) if (ch.get("opening_hours") or {}).get("always_open")) >= 2


def test_bookable_slots_in_the_coming_weeks(data, demo):
    now = datetime.now(timezone.utc)
    bookable = [(s, ch) for s, ch in channels(data) if ch.get("slot_rules")]
    assert len({s["id"] for s, _ in bookable}) >= 25
    assert sum(ch["kind"] == "video" for _, ch in bookable) >= 8
    for s, ch in bookable:
        slots = demo.free_slots(ch["id"], after=now)
        assert slots, f"{ch['id']}: no free slots"
        assert slots[0].starts_at < now + timedelta(days=8), ch["id"]
        # The last bookable day is the last rule weekday inside the rules' horizon, counted
        # in Helsinki days from tomorrow (a fixed "now + 13 days" failed on Sundays and
        # late on Saturdays for weekday-only rules).
        weeks = max(r.get("weeks_ahead", 4) for r in ch["slot_rules"])
        assert weeks >= 2, f"{ch['id']}: slots should reach at least two weeks ahead"
        today = now.astimezone(LOCAL_TZ).date()
        weekdays = {d for r in ch["slot_rules"] for d in r["weekdays"]}
        last_day = max(today + timedelta(days=n) for n in range(1, weeks * 7 + 1)
                       if vocab.WEEKDAYS[(today + timedelta(days=n)).weekday()] in weekdays)
        last = max(sl.starts_at for sl in demo.free_slots(ch["id"], after=now, limit=5000))
        assert last.astimezone(LOCAL_TZ).date() == last_day, f"{ch['id']}: slots should reach {last_day}"
    for service_id in ("maternity-clinic", "child-health-clinic", "health-station-doctor", "dental-care",
                       "physiotherapy-public", "physio-kontulan-liike", "social-worker", "remote-doctor"):
        assert any(s["id"] == service_id for s, _ in bookable), service_id


# -- texts --------------------------------------------------------------------------------------

def text_objects(node, path=""):
    """Every {"fi", "sv", "en", ...} text object in the document, with its location."""
    if isinstance(node, dict):
        if {"fi", "sv", "en"} <= set(node) and all(isinstance(v, str) for v in node.values()):
            yield path, node
            return
        for key, value in node.items():
            if key != "keywords":
                yield from text_objects(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from text_objects(value, f"{path}[{i}]")


def _same_name_allowed(text: str) -> bool:
    return re.sub(r"\s+\d+$", "", text) in SAME_IN_FI_AND_EN


def test_every_text_is_written_in_finnish_swedish_and_english(data):
    found = list(text_objects(data))
    assert len(found) > 1500
    problems = []
    for path, t in found:
        fi, sv, en = (t[lang].strip() for lang in ("fi", "sv", "en"))
        if not (fi and sv and en):
            problems.append(f"{path}: empty text")
        if fi == sv or sv == en:
            problems.append(f"{path}: the same text in two languages: {fi!r}")
        if fi == en and not _same_name_allowed(fi):
            problems.append(f"{path}: Finnish and English are identical: {fi!r}")
    assert not problems, "\n".join(problems[:30])


# Short function words that give away a text written in the wrong language's slot.
WRONG_LANGUAGE = {
    "fi": re.compile(r"\b(och|för|är|med|the|and)\b", re.IGNORECASE),
    "sv": re.compile(r"\b(ja|tai|on|voit|the|and)\b", re.IGNORECASE),
    "en": re.compile(r"\b(och|för|är|ja|tai|voit)\b", re.IGNORECASE),
}


def test_each_text_is_in_its_own_language(data):
    problems = [f"{path}.{lang}: {t[lang]!r}" for path, t in text_objects(data)
                for lang, pattern in WRONG_LANGUAGE.items() if pattern.search(t[lang])]
    assert not problems, "\n".join(problems[:30])


def test_every_service_has_its_own_texts(data):
    for field in ("names", "short_descriptions", "descriptions"):
        for lang in ("fi", "sv", "en"):
            seen = Counter(s[field][lang] for s in data["services"])
            assert not [t for t, n in seen.items() if n > 1], f"{field}.{lang} repeated across services"
    # No template sentence reused across services: every longer sentence belongs to one service.
    owner: dict[str, str] = {}
    repeated = []
    for s in data["services"]:
        for field in ("short_descriptions", "descriptions", "user_instructions", "goal", "content", "outputs",
                      "quality", "price_text"):
            for lang, text in (s.get(field) or {}).items():
                for sentence in re.split(r"(?<=[.!?])\s+", text):
                    if len(sentence) >= 40:
                        if owner.setdefault(sentence, s["id"]) != s["id"]:
                            repeated.append((sentence, owner[sentence], s["id"]))
    assert not repeated, repeated[:10]


def test_short_descriptions_are_one_plain_sentence(data):
    for s in data["services"]:
        for lang in ("fi", "sv", "en"):
            text = s["short_descriptions"][lang]
            assert len(text) <= 150 and text.endswith("."), (s["id"], lang, text)


# -- search on the demo data --------------------------------------------------------------------

def ids(found) -> list[str]:
    return [s.id for s in found]


@pytest.mark.parametrize("query, lang, expected", [
    ("hammas", "fi", "dental-care"),
    ("hammaslääkäri", "fi", "dental-care"),
    ("tandvard", "sv", "dental-care"),
    ("tandläkare", "sv", "dental-care"),
    ("dentist", "en", "dental-care"),
    ("neuvola", "fi", "maternity-clinic"),
    ("neuvola", "fi", "child-health-clinic"),
    ("aitiysneuvola", "fi", "maternity-clinic"),
    ("modraradgivning", "sv", "maternity-clinic"),
    ("halsostation", "sv", "health-station-doctor"),
    ("fysio", "fi", "physiotherapy-public"),
    ("fysio", "fi", "physio-kontulan-liike"),
    ("palveluseteli fysio", "fi", "physiotherapy-voucher"),
    ("kotihoito", "fi", "home-care-public"),
    ("hemvard", "sv", "home-care-public"),
    ("sosiaalityöntekijä", "fi", "social-worker"),
    ("socialarbetare", "sv", "social-worker"),
    ("digituki", "fi", "library-digital-help"),
    ("nuorisotalo", "fi", "youth-centre"),
    ("perhekahvila", "fi", "parish-family-cafe"),
    ("vertaisryhmä masennus", "fi", "peer-group-tuulispaa"),
    ("somali", "en", "multilingual-advice"),
    ("needle exchange", "en", "health-advice-point"),
    ("työtön", "fi", "employment-services"),
    ("velka", "fi", "debt-advice-public"),
])
def test_search_finds_the_right_service_near_the_top(demo, query, lang, expected):
    assert expected in ids(demo.search(query, lang))[:5], ids(demo.search(query, lang))[:8]


@pytest.mark.parametrize("query, lang", [("kela", "fi"), ("FPA", "sv"), ("kela", "en")])
def test_searching_kela_finds_kela(demo, query, lang):
    found = demo.search(query, lang)
    assert len(found) >= 5
    assert found[0].responsible_provider.id == "kela"
    assert "kela-service-point" in ids(found)[:5]


def test_filters_on_the_demo_data(demo):
    assert len(demo.services(CatalogueFilter(language="so"))) >= 5
    assert len(demo.services(CatalogueFilter(sectors=frozenset({"third_sector"})))) >= 20
    assert len(demo.services(CatalogueFilter(channel_kind="video"))) >= 10
    for event in vocab.LIFE_EVENTS:
        assert len(demo.services(CatalogueFilter(life_event=event))) >= 3, event
    for group in vocab.TARGET_GROUPS:
        assert len(demo.services(CatalogueFilter(target_group=group))) >= 3, group
