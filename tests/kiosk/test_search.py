import pytest


def first(catalogue, query, lang="fi"):
    found = catalogue.search(query, lang)
    return found[0].id if found else None


@pytest.mark.parametrize("query, expected", [
    ("aitiysneuvola", "maternity-clinic"),   # missing diacritics
    ("äitiys", "maternity-clinic"),          # prefix
    ("halsovard", "health-station"),         # Swedish without diacritics
    ("mödrarådgivning", "maternity-clinic"),  # Swedish name
    ("pregnancy", "maternity-clinic"),       # English keyword
    ("FYSIO", "physiotherapy-voucher"),      # case
    ("perhe kahv", "family-cafe"),           # several prefixes, all must match
])
def test_search_finds_across_languages_tolerantly(catalogue, query, expected):
    assert first(catalogue, query) == expected


def test_name_match_outranks_description_match(catalogue):
    # "terveysasema" is in the health station's name and only in the voucher service's description.
    found = [s.id for s in catalogue.search("terveysasema")]
    assert found[0] == "health-station" and "physiotherapy-voucher" in found


def test_no_match_and_empty_query(catalogue):
    assert catalogue.search("zzzqqq") == []
    assert catalogue.search("   ") == []
