import copy
import json

import pytest

from kiosk.catalogue.cli import main as catalogue_cli
from kiosk.catalogue.importer import CatalogueError, import_catalogue, validate
from kiosk.catalogue.service import Catalogue


def test_mini_catalogue_is_valid_and_imports(db, mini_catalogue_data):
    assert validate(mini_catalogue_data) == []
    result = import_catalogue(db, mini_catalogue_data)
    assert (result.providers, result.services) == (4, 5)
    assert result.slots >= 1 + 2 * 2  # one explicit slot plus weekly rules for two weeks


def test_every_error_is_listed_with_its_location(mini_catalogue_data):
    bad = copy.deepcopy(mini_catalogue_data)
    del bad["services"][1]["names"]["sv"]
    bad["services"][2]["charge_type"] = "gratis"
    bad["services"][0]["short_descriptions"]["en"] = "x" * 151
    bad["services"][3]["responsible_provider"] = "nobody"
    bad["services"][4]["channels"][0]["opening_hours"]["regular"]["tue"] = [["10:00", "25:00"]]
    bad["providers"][1]["business_id"] = "123"
    bad["services"][0]["colour"] = "blue"
    errors = validate(bad)
    for expected in [
        "services[1].names.sv: missing",
        "services[2].charge_type: 'gratis' is not one of: free, charged, voucher",
        "services[0].short_descriptions.en: 151 characters, at most 150 allowed",
        "services[3].responsible_provider: unknown provider 'nobody'",
        "services[4].channels[0].opening_hours.regular.tue[0]",
        "providers[1].business_id",
        "services[0].colour: unknown field",
    ]:
        assert any(e.startswith(expected) for e in errors), (expected, errors)


def test_duplicate_ids_are_rejected(mini_catalogue_data):
    bad = copy.deepcopy(mini_catalogue_data)
    bad["services"][1]["id"] = bad["services"][0]["id"]
    assert any("duplicate service id 'maternity-clinic'" in e for e in validate(bad))


def test_a_bad_file_leaves_the_existing_catalogue_untouched(db, mini_catalogue_data):
    import_catalogue(db, mini_catalogue_data)
    bad = copy.deepcopy(mini_catalogue_data)
    bad["services"] = bad["services"][:1]
    bad["services"][0]["names"] = {"fi": "Uusi nimi"}
    with pytest.raises(CatalogueError) as exc:
        import_catalogue(db, bad)
    assert "services[0].names.sv: missing" in str(exc.value)
    cat = Catalogue(db)
    assert len(cat) == 5
    assert cat.service("maternity-clinic").names["fi"] == "Äitiysneuvola"


def test_failure_inside_the_transaction_rolls_back(db, mini_catalogue_data):
    import_catalogue(db, mini_catalogue_data)
    bad = copy.deepcopy(mini_catalogue_data)
    # Valid by itself, but two rules make the same slot id: the database refuses it mid-import.
    ch = bad["services"][0]["channels"][0]
    ch["slot_rules"].append(dict(ch["slot_rules"][0]))
    with pytest.raises(Exception):
        import_catalogue(db, bad)
    assert len(Catalogue(db)) == 5


def test_cli_check_and_import(tmp_path, mini_catalogue_data, capsys):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(mini_catalogue_data), encoding="utf-8")
    assert catalogue_cli(["check", str(good)]) == 0
    assert catalogue_cli(["import", str(good), "--db", str(tmp_path / "k.db")]) == 0
    assert "imported 5 services" in capsys.readouterr().out

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "welfare-kiosk-catalogue/1", "providers": [', encoding="utf-8")
    assert catalogue_cli(["import", str(broken), "--db", str(tmp_path / "k.db")]) == 1
    err = capsys.readouterr().err
    assert "line 1" in err and "not valid JSON" in err
