"""PTV Open API v11 pages (tests/fixtures/ptv, written from the published v11 models) into a
kiosk's catalogue: the mapping, the summary of gaps, local additions, re-import, bad input."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kiosk.catalogue import ptv
from kiosk.catalogue.cli import main as catalogue_cli
from kiosk.catalogue.export import export_catalogue
from kiosk.catalogue.importer import CatalogueError, import_catalogue, validate
from kiosk.catalogue.service import Catalogue

PTV = Path(__file__).resolve().parent.parent / "fixtures" / "ptv"
TODAY = date(2026, 12, 1)

HEALTH = "a1000000-0000-4000-8000-000000000001"
PHYSIO = "a2000000-0000-4000-8000-000000000002"
PEER = "a3000000-0000-4000-8000-000000000003"
HOME_CARE = "a4000000-0000-4000-8000-000000000004"
RETIRED = "a5000000-0000-4000-8000-000000000005"
COUNTY = "2b6c0d5f-1e20-4c8b-8b21-6a5b4d3c2b02"
PHYSIO_OY = "3c7d1e60-2f31-4d9c-9c32-7b6c5e4d3c03"
CITY = "1a5b9c4e-0d1f-4b7a-9a10-5f4a3c2b1a01"
LOCATION = ptv.channel_id("c1000000-0000-4000-8000-000000000001", HEALTH)


@pytest.fixture
def pages(tmp_path) -> Path:
    """A copy of the good pages that a test may damage."""
    target = tmp_path / "ptv"
    shutil.copytree(PTV / "good", target)
    return target


def _convert(source, **kw):
    return ptv.import_directory(source, today=TODAY, **kw)


def _by_id(doc: dict) -> dict:
    return {sv["id"]: sv for sv in doc["services"]}


def _channels(service: dict) -> dict:
    return {ch["id"]: ch for ch in service["channels"]}


def test_the_pages_become_a_valid_catalogue_with_ptv_ids(pages):
    doc, summary = _convert(pages)
    assert validate(doc) == []
    services = _by_id(doc)
    assert set(services) == {HEALTH, PHYSIO, HOME_CARE}
    assert {p["id"] for p in doc["providers"]} == {COUNTY, PHYSIO_OY, CITY}
    assert (summary.services, summary.providers) == (3, 3)
    assert summary.channels == sum(len(sv["channels"]) for sv in doc["services"])


def test_texts_are_taken_by_type_and_language(pages):
    health = _by_id(_convert(pages)[0])[HEALTH]
    assert health["names"] == {"fi": "Terveysaseman vastaanotto", "sv": "Hälsostationens mottagning",
                               "en": "Health station appointments"}
    assert health["short_descriptions"]["sv"] == "Läkar- och skötarmottagning."
    assert health["descriptions"]["en"] == "The health station treats sudden and long-term illness."
    assert health["user_instructions"] == {"fi": "Varaa aika puhelimitse.", "sv": "Boka tid per telefon.",
                                           "en": "Book by phone."}
    assert health["keywords"] == {"fi": ["lääkäri", "hoitaja"], "sv": ["läkare"]}
    assert health["languages"] == ["fi", "sv", "en"]


def test_charge_types_target_groups_life_events_and_classes(pages):
    services = _by_id(_convert(pages)[0])
    assert services[HEALTH]["charge_type"] == "free"
    assert services[PHYSIO]["charge_type"] == "voucher"
    assert services[HOME_CARE]["charge_type"] == "charged"
    assert services[HOME_CARE]["price_text"]["fi"] == "Maksu tulojen mukaan."
    assert services[HEALTH]["target_groups"] == ["adults"]  # "Yritykset ja yhteisöt" is not for residents
    assert services[HOME_CARE]["target_groups"] == ["older_people"]
    assert services[HEALTH]["life_events"] == ["health_and_illness"]
    assert services[HOME_CARE]["life_events"] == ["ageing_and_care"]
    assert services[HEALTH]["service_classes"] == ["health_care"]
    assert services[PHYSIO]["service_classes"] == ["rehabilitation"]
    assert services[PHYSIO]["responsible_provider"] == COUNTY
    assert services[PHYSIO]["producers"] == [PHYSIO_OY]


def test_organisation_types_become_our_sectors(pages):
    providers = {p["id"]: p for p in _convert(pages)[0]["providers"]}
    assert (providers[CITY]["sector"], providers[CITY]["organiser_type"]) == ("public", "municipality")
    assert (providers[COUNTY]["sector"], providers[COUNTY]["organiser_type"]) == ("public", "wellbeing_county")
    assert (providers[PHYSIO_OY]["sector"], providers[PHYSIO_OY]["organiser_type"]) == ("private", "company")
    assert providers[CITY]["business_id"] == "0201256-6"
    assert providers[CITY]["contact"] == {"phone": "+358 9 310 10000", "email": "kirjaamo@kontula.example.fi",
                                          "web": "https://www.kontula.example.fi"}


def test_every_channel_type_is_mapped(pages):
    services = _by_id(_convert(pages)[0])
    health, home = _channels(services[HEALTH]), _channels(services[HOME_CARE])
    visit = health[LOCATION]
    assert visit["kind"] == "visit"
    assert visit["address"] == {"street": {"fi": "Kontulankaari 1 B", "sv": "Gårdsbackabågen 1 B",
                                           "en": "Kontulankaari 1 B"},
                                "postal_code": "00940",
                                "city": {"fi": "HELSINKI", "sv": "HELSINGFORS", "en": "HELSINKI"}}
    assert visit["phone"] == "+358 9 310 46000"
    phone = health[ptv.channel_id("c2000000-0000-4000-8000-000000000002", HEALTH)]
    assert (phone["kind"], phone["phone"]) == ("phone", "116117")  # the Fax number is not the one to call
    echannel = health[ptv.channel_id("c3000000-0000-4000-8000-000000000003", HEALTH)]
    assert (echannel["kind"], echannel["url"]) == ("web", "https://ajanvaraus.example.fi")  # Finnish page first
    webpage = _channels(services[PHYSIO])[ptv.channel_id("c4000000-0000-4000-8000-000000000004", PHYSIO)]
    assert (webpage["kind"], webpage["url"]) == ("web", "https://fysio.example.fi/")
    form = home[ptv.channel_id("c5000000-0000-4000-8000-000000000005", HOME_CARE)]
    assert (form["kind"], form["url"]) == ("web", "https://www.kontula.example.fi/lomakkeet/kh1.pdf")
    # One PTV channel serving two services becomes one channel of each, both named after it.
    assert ptv.channel_id("c2000000-0000-4000-8000-000000000002", HOME_CARE) in home


def test_service_hours_weekly_exceptions_always_open_and_validity(pages):
    services = _by_id(_convert(pages)[0])
    hours = _channels(services[HEALTH])[LOCATION]["opening_hours"]
    weekday = [["08:00", "16:00"]]  # the 07-20 schedule of 2020-2021 is out of date
    assert hours["regular"] == {"mon": weekday, "tue": weekday, "wed": weekday, "thu": weekday, "fri": weekday,
                                "sat": [["10:00", "14:00"]]}
    assert hours["exceptions"] == [
        {"date": "2026-12-24", "closed": True, "note": {"fi": "Joulu", "sv": "Jul", "en": "Christmas"}},
        {"date": "2026-12-25", "closed": True, "note": {"fi": "Joulu", "sv": "Jul", "en": "Christmas"}},
        {"date": "2026-12-26", "closed": True, "note": {"fi": "Joulu", "sv": "Jul", "en": "Christmas"}},
        {"date": "2026-12-31", "hours": [["08:00", "12:00"]]},  # its note is only in Finnish: left out
    ]
    phone = _channels(services[HEALTH])[ptv.channel_id("c2000000-0000-4000-8000-000000000002", HEALTH)]
    assert phone["opening_hours"] == {"regular": {}, "always_open": True}
    over_midnight = _channels(services[HEALTH])[ptv.channel_id("c3000000-0000-4000-8000-000000000003", HEALTH)]
    assert over_midnight["opening_hours"]["regular"] == {"fri": [["22:00", "24:00"]], "sat": [["00:00", "06:00"]]}
    physio = _channels(services[PHYSIO])[ptv.channel_id("c6000000-0000-4000-8000-000000000006", PHYSIO)]
    assert physio["opening_hours"]["regular"]["fri"] == [["09:00", "24:00"]]  # PTV's 00:00 closing is midnight


def test_exceptions_already_past_are_not_carried(pages):
    doc, _ = ptv.import_directory(pages, today=date(2026, 12, 27))
    hours = _channels(_by_id(doc)[HEALTH])[LOCATION]["opening_hours"]
    assert [e["date"] for e in hours["exceptions"]] == ["2026-12-31"]


def test_missing_swedish_or_english_is_reported_not_invented(pages):
    doc, summary = _convert(pages)
    assert PEER not in _by_id(doc)  # its English name, summary and description are not in PTV
    assert any(PEER in line and "names.en" in line for line in summary.left_out)
    assert any(PEER in line and "descriptions.en" in line for line in summary.missing_texts)
    physio_location = _channels(_by_id(doc)[PHYSIO])[ptv.channel_id("c6000000-0000-4000-8000-000000000006",
                                                                    PHYSIO)]
    assert "names" not in physio_location  # PTV names it in fi and sv only: no English name made up
    assert any("serviceChannelNames not in en" in line for line in summary.missing_texts)
    assert any("Yritykset ja yhteisöt" in line for line in summary.unmapped)
    text = "\n".join(summary.lines())
    assert "left out (1):" in text and PEER in text


def test_items_not_published_are_not_imported(pages):
    assert RETIRED not in _by_id(_convert(pages)[0])


def test_the_area_filter_keeps_a_municipalitys_services(pages):
    doc, _ = _convert(pages, municipality="091")
    assert set(_by_id(doc)) == {HEALTH, PHYSIO, HOME_CARE}
    with pytest.raises(CatalogueError) as exc:
        _convert(pages, municipality="049")  # Espoo: none of these Helsinki services
    assert "no service could be imported" in str(exc.value)
    assert "not offered in municipality 049" in str(exc.value)


def test_local_additions_are_applied(pages):
    doc, _ = _convert(pages)
    providers = {p["id"]: p for p in doc["providers"]}
    assert providers[PHYSIO_OY]["accepts_vouchers"] is True
    visit = _channels(_by_id(doc)[HEALTH])[LOCATION]
    assert visit["slot_rules"][0]["weekdays"] == ["mon", "wed"]
    assert visit["slots"][0]["id"] == "kontula-extra-1"
    assert _channels(_by_id(doc)[HEALTH])["kontula-walk-in"]["kind"] == "walk_in"


def test_local_additions_survive_a_new_ptv_download(pages, db):
    doc, _ = _convert(pages)
    import_catalogue(db, doc, today=TODAY)
    # PTV changes the health station's name; the local file is untouched.
    page = json.loads((pages / "service-1.json").read_text(encoding="utf-8"))
    page["itemList"][0]["serviceNames"][0]["value"] = "Terveysasema"
    (pages / "service-1.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    import_catalogue(db, _convert(pages)[0], today=TODAY)
    health = Catalogue(db).service(HEALTH)
    assert health.names["fi"] == "Terveysasema"
    assert {c.id for c in health.channels} >= {LOCATION, "kontula-walk-in"}
    assert health.producers[0].id == COUNTY
    assert Catalogue(db).service(PHYSIO).producers[0].accepts_vouchers is True
    exported = export_catalogue(db)
    visit = next(c for sv in exported["services"] for c in sv["channels"] if c["id"] == LOCATION)
    assert len(visit["slots"]) == 1 + 2 * 2 * 2  # the extra slot and two weeks of Mon/Wed 09:00 and 09:30


def test_a_reimport_of_the_same_pages_changes_nothing(pages, db):
    import_catalogue(db, _convert(pages)[0], today=TODAY)
    before = export_catalogue(db)
    import_catalogue(db, _convert(pages)[0], today=TODAY)
    after = export_catalogue(db)
    before.pop("generated_at"), after.pop("generated_at")
    assert after == before
    assert _convert(pages)[0] == _convert(pages)[0]


def test_a_service_removed_from_ptv_leaves_the_catalogue(pages, db):
    import_catalogue(db, _convert(pages)[0], today=TODAY)
    page = json.loads((pages / "service-2.json").read_text(encoding="utf-8"))
    page["itemList"] = [i for i in page["itemList"] if i["id"] != HOME_CARE]
    (pages / "service-2.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    import_catalogue(db, _convert(pages)[0], today=TODAY)
    cat = Catalogue(db)
    assert cat.service(HOME_CARE) is None
    assert cat.service(HEALTH) is not None


@pytest.mark.parametrize("bad, replaces, expected", [
    ("service-1.not-ptv.json", "service-1.json", "service-1.json: not a PTV Open API page"),
    ("service-channel-2.unknown-type.json", "service-channel-2.json",
     "service-channel-2.json itemList[1] (id c5000000-0000-4000-8000-000000000005): serviceChannelType 'Chat'"),
    ("service-1.bad-language.json", "service-1.json",
     "service-1.json itemList[0] (id a1000000-0000-4000-8000-000000000001): serviceNames[1]: language 'svenska' "
     "is not a language code"),
    ("organization-1.truncated.json", "organization-1.json", "organization-1.json: line"),
])
def test_bad_input_names_the_file_and_the_item_and_imports_nothing(pages, db, bad, replaces, expected):
    import_catalogue(db, _convert(pages)[0], today=TODAY)
    before = export_catalogue(db)
    shutil.copy(PTV / "bad" / bad, pages / replaces)
    with pytest.raises(CatalogueError) as exc:
        _convert(pages)
    assert any(expected in e for e in exc.value.errors), exc.value.errors
    after = export_catalogue(db)
    before.pop("generated_at"), after.pop("generated_at")
    assert after == before


def test_a_missing_page_is_an_error(pages):
    (pages / "service-channel-2.json").unlink()
    with pytest.raises(CatalogueError) as exc:
        _convert(pages)
    assert f"{pages}: ServiceChannel page 2 of 2: missing (have [1])" in exc.value.errors


def test_a_page_of_another_download_is_an_error(pages):
    page = json.loads((pages / "service-2.json").read_text(encoding="utf-8"))
    page["pageCount"] = 3
    (pages / "service-2.json").write_text(json.dumps(page), encoding="utf-8")
    with pytest.raises(CatalogueError) as exc:
        _convert(pages)
    assert any("Service pages disagree on pageCount" in e for e in exc.value.errors)


def test_local_additions_for_something_ptv_does_not_have_are_reported_and_kept(pages):
    local = json.loads((pages / "local-additions.json").read_text(encoding="utf-8"))
    local["channels"]["no-such-channel"] = {"slot_rules": []}
    (pages / "local-additions.json").write_text(json.dumps(local), encoding="utf-8")
    _, summary = _convert(pages)
    assert any("local-additions.json: channels.no-such-channel: no such channel" in line
               for line in summary.left_out)
    assert "no-such-channel" in (pages / "local-additions.json").read_text(encoding="utf-8")


def test_malformed_local_additions_are_an_error(pages):
    local = json.loads((pages / "local-additions.json").read_text(encoding="utf-8"))
    local["providers"][PHYSIO_OY] = {"accepts_vouchers": True, "sector": "public"}
    (pages / "local-additions.json").write_text(json.dumps(local), encoding="utf-8")
    with pytest.raises(CatalogueError) as exc:
        _convert(pages)
    assert any(f"local-additions.json: providers.{PHYSIO_OY}: only accepts_vouchers" in e
               for e in exc.value.errors)


def test_cli_imports_ptv_and_exports_what_the_kiosk_holds(pages, tmp_path, capsys):
    db_path = tmp_path / "cli.db"
    assert catalogue_cli(["import", "--ptv", str(pages), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "PTV: 3 services" in out and "left out (1):" in out and "imported 3 services" in out
    exported = tmp_path / "export.json"
    assert catalogue_cli(["export", "--db", str(db_path), "--output", str(exported)]) == 0
    assert catalogue_cli(["check", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert {sv["id"] for sv in data["services"]} == {HEALTH, PHYSIO, HOME_CARE}
    # The export imports again as it is: the format is the documented one.
    assert catalogue_cli(["import", str(exported), "--db", str(tmp_path / "again.db")]) == 0


def test_cli_refuses_bad_pages_with_exit_1(pages, tmp_path, capsys):
    shutil.copy(PTV / "bad" / "service-1.not-ptv.json", pages / "service-1.json")
    assert catalogue_cli(["import", "--ptv", str(pages), "--db", str(tmp_path / "cli.db")]) == 1
    assert "not a PTV Open API page" in capsys.readouterr().err


def test_hours_on_the_service_channel_connection_are_that_services(pages):
    page = json.loads((pages / "service-2.json").read_text(encoding="utf-8"))
    home = next(i for i in page["itemList"] if i["id"] == HOME_CARE)
    link = next(c for c in home["serviceChannels"] if c["serviceChannel"]["id"].startswith("c2"))
    link["serviceHours"] = [{"serviceHourType": "DaysOfTheWeek", "validFrom": "2024-01-01T00:00:00",
                             "openingHour": [{"dayFrom": "Monday", "dayTo": "Friday", "from": "09:00:00",
                                              "to": "15:00:00"}]}]
    (pages / "service-2.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    services = _by_id(_convert(pages)[0])
    phone = "c2000000-0000-4000-8000-000000000002"
    assert _channels(services[HOME_CARE])[ptv.channel_id(phone, HOME_CARE)]["opening_hours"]["regular"]["wed"] \
        == [["09:00", "15:00"]]
    assert _channels(services[HEALTH])[ptv.channel_id(phone, HEALTH)]["opening_hours"]["always_open"] is True


def test_a_text_our_format_refuses_is_named_by_its_ptv_file_and_item(pages):
    page = json.loads((pages / "service-1.json").read_text(encoding="utf-8"))
    summary = next(d for d in page["itemList"][0]["serviceDescriptions"]
                   if d["type"] == "Summary" and d["language"] == "en")
    summary["value"] = "x" * 151
    (pages / "service-1.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError) as exc:
        _convert(pages)
    assert any(f"service-1.json itemList[0] (id {HEALTH}): services[0].short_descriptions.en: 151 characters" in e
               for e in exc.value.errors), exc.value.errors


def test_local_and_municipality_need_ptv(tmp_path, capsys):
    with pytest.raises(SystemExit):
        catalogue_cli(["import", str(tmp_path / "x.json"), "--municipality", "091"])
    assert "--local and --municipality go with --ptv DIR" in capsys.readouterr().err


def test_a_company_name_is_its_name_in_every_language_a_city_name_is_not(pages):
    page = json.loads((pages / "organization-1.json").read_text(encoding="utf-8"))
    for org in page["itemList"]:
        if org["id"] in (PHYSIO_OY, CITY):
            org["organizationNames"] = [n for n in org["organizationNames"] if n["language"] == "fi"]
    (pages / "organization-1.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    doc, summary = _convert(pages)
    providers = {p["id"]: p for p in doc["providers"]}
    assert providers[PHYSIO_OY]["names"] == {"fi": "Fysio Kontula Oy", "sv": "Fysio Kontula Oy",
                                             "en": "Fysio Kontula Oy"}
    assert any(PHYSIO_OY in line and "registered name is used as it is" in line for line in summary.missing_texts)
    # A city's name is translated: without its Swedish and English names it stays out, with its services.
    assert CITY not in providers and HOME_CARE not in _by_id(doc)
    assert any(CITY in line and "no name in sv, en" in line for line in summary.left_out)


def test_line_ends_and_schedules_in_force_together_become_what_our_format_holds(pages):
    page = json.loads((pages / "service-1.json").read_text(encoding="utf-8"))
    for d in page["itemList"][0]["serviceDescriptions"]:
        if d["type"] == "Description" and d["language"] == "fi":
            d["value"] = "Ensimmäinen kappale.\r\n\r\n\r\nToinen  kappale.\r\n"
        if d["type"] == "Summary" and d["language"] == "fi":
            d["value"] = "Lääkärin ja\r\nhoitajan vastaanotto."
    (pages / "service-1.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    page = json.loads((pages / "service-channel-1.json").read_text(encoding="utf-8"))
    page["itemList"][0]["serviceHours"].append(
        {"serviceHourType": "DaysOfTheWeek", "validFrom": "2025-01-01T00:00:00", "orderNumber": 9,
         "openingHour": [{"dayFrom": "Monday", "from": "12:00:00", "to": "18:00:00"},
                         {"dayFrom": "Tuesday", "from": "16:00:00", "to": "19:00:00"}]})
    (pages / "service-channel-1.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    doc, _ = _convert(pages)
    health = _by_id(doc)[HEALTH]
    assert health["descriptions"]["fi"] == "Ensimmäinen kappale.\n\nToinen kappale."
    assert health["short_descriptions"]["fi"] == "Lääkärin ja hoitajan vastaanotto."
    regular = _channels(health)[LOCATION]["opening_hours"]["regular"]
    assert regular["mon"] == [["08:00", "18:00"]] and regular["tue"] == [["08:00", "19:00"]]
    assert regular["wed"] == [["08:00", "16:00"]]


def test_a_bad_language_code_is_found_even_in_a_service_left_out_for_other_reasons(pages):
    page = json.loads((pages / "service-2.json").read_text(encoding="utf-8"))
    peer = next(i for i in page["itemList"] if i["id"] == PEER)  # left out: no English texts
    peer["keywords"] = [{"language": "Finnish", "value": "vertaistuki"}]
    peer["languages"] = ["fi", "FI"]
    (pages / "service-2.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError) as exc:
        _convert(pages)
    where = f"service-2.json itemList[0] (id {PEER})"
    assert any(f"{where}: keywords[0]: language 'Finnish' is not a language code" in e for e in exc.value.errors)
    assert any(f"{where}: languages[1]: 'FI' is not a language code" in e for e in exc.value.errors)


def test_a_page_of_ids_only_is_refused_with_what_to_save_instead(pages):
    (pages / "organization-1.json").write_text(json.dumps(
        {"pageNumber": 1, "pageSize": 1000, "pageCount": 1,
         "itemList": [{"id": CITY, "name": "Kontulan kaupunki"}]}), encoding="utf-8")
    with pytest.raises(CatalogueError) as exc:
        _convert(pages)
    assert any("organization-1.json: a page of ids and names only" in e for e in exc.value.errors)
