import functools
import random
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import pytest

from kiosk.catalogue.domain import Provider, Service
from kiosk.catalogue.search import SearchIndex, fold, words


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


# -- the index on its own: ranking rules, languages, and a brute-force reference ---------------


def _provider(pid="prov", names=None):
    return Provider(id=pid, names=names or {"fi": "Tuottaja", "sv": "Producent", "en": "Producer"},
                    sector="public", organiser_type="municipality", business_id=None, contact={},
                    accepts_vouchers=False)


def _service(sid, names=None, keywords=None, short=None, desc=None, provider=None):
    provider = provider or _provider()
    return Service(id=sid, names=names or {"fi": sid, "sv": sid, "en": sid},
                   short_descriptions=short or {"fi": "lyhyt", "sv": "kort", "en": "short"},
                   descriptions=desc or {"fi": "kuvaus", "sv": "beskrivning", "en": "description"},
                   user_instructions={}, goal={}, content={}, outputs={}, quality={}, charge_type="free",
                   price_text={}, target_groups=("adults",), life_events=(), service_classes=(),
                   keywords=keywords or {}, languages=("fi", "sv", "en"), responsible_provider=provider,
                   producers=(provider,))


def ids(index, query, lang="fi", **kw):
    return [h.service_id for h in index.search(query, lang, **kw)]


def test_fold_and_words():
    assert fold("Hälsovård ÄITIYSNEUVOLA Straße") == "halsovard aitiysneuvola strasse"
    assert words("Kasvatus- ja perheneuvola, Tölö!") == ["kasvatus", "ja", "perheneuvola", "tolo"]


def test_fold_equals_its_definition_on_any_text():
    """fold() takes fast paths; it must still equal 'casefold, NFKD, drop every combining mark'."""
    import unicodedata

    def by_definition(text):
        return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))

    rng = random.Random(5)
    samples = ["Hälsovård", "ÅÄÖ åäö", "Ørsted ½ ﬀ ﬁ", "Привет й", "a\u034fb", "ǅ", "e\u0301\u20d0", "plain ascii"]
    samples += ["".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(40)) for _ in range(2000)]
    samples += ["".join(chr(rng.randrange(0x10000, 0x1F000)) for _ in range(20)) for _ in range(300)]
    for text in samples:
        assert fold(text) == by_definition(text), repr(text)


def test_field_order_name_keyword_provider_short_description():
    index = SearchIndex([
        _service("in-desc", desc={"fi": "xylofoni soi"}),
        _service("in-short", short={"fi": "xylofoni soi"}),
        _service("in-provider", provider=_provider("p2", {"fi": "Xylofoni ry"})),
        _service("in-keywords", keywords={"fi": ("xylofoni",)}),
        _service("in-name", names={"fi": "Xylofoni", "sv": "a", "en": "b"}),
    ])
    expected = ["in-name", "in-keywords", "in-provider", "in-short", "in-desc"]
    assert ids(index, "xylofoni") == expected
    assert ids(index, "xylo") == expected  # the same order for a prefix


def test_exact_word_outranks_prefix_in_the_same_field():
    index = SearchIndex([_service("a-longer", names={"fi": "Saunailta"}), _service("b-exact", names={"fi": "Sauna"})])
    assert ids(index, "sauna") == ["b-exact", "a-longer"]
    # Both are prefix matches for "saun": equal scores, so the Finnish name decides (sauna < saunailta).
    hits = index.search("saun")
    assert [h.service_id for h in hits] == ["b-exact", "a-longer"] and hits[0].score == hits[1].score
    hits = SearchIndex([_service("x", names={"fi": "Sauna"})]).search("sauna")
    assert hits[0].score == pytest.approx(10 * 1.5 * 1.2)


def test_own_language_counts_a_little_more():
    index = SearchIndex([_service("fi-name", names={"fi": "Kahvila", "sv": "x", "en": "y"}),
                         _service("sv-name", names={"fi": "z", "sv": "Kahvila", "en": "y"})])
    assert ids(index, "kahvila", "fi") == ["fi-name", "sv-name"]
    assert ids(index, "kahvila", "sv") == ["sv-name", "fi-name"]
    # ... but only a little: a name in another language still beats a keyword in your own.
    index = SearchIndex([_service("kw", keywords={"fi": ("neuvola",)}),
                         _service("name-sv", names={"fi": "q", "sv": "Neuvola", "en": "q"})])
    assert ids(index, "neuvola", "fi") == ["name-sv", "kw"]


def test_diacritics_both_ways_and_all_languages():
    index = SearchIndex([
        _service("with-marks", names={"fi": "Äitiysneuvola", "sv": "Hälsovård", "en": "Maternity clinic"}),
        _service("without-marks", names={"fi": "Aitiyspoliklinikka", "sv": "Halsostation", "en": "Outpatients"}),
        _service("other", names={"fi": "Kirjasto", "sv": "Bibliotek", "en": "Library"}),
    ])
    assert ids(index, "aitiysneuvola") == ["with-marks"]
    assert ids(index, "halsovard", "sv") == ["with-marks"]
    assert ids(index, "äitiyspoli") == ["without-marks"]   # query has marks, the text has none
    assert ids(index, "hälsost") == ["without-marks"]
    assert ids(index, "ÄITIYS") == ["with-marks", "without-marks"]
    assert ids(index, "bibliotek", "fi") == ["other"]        # Swedish text found from a Finnish screen
    assert ids(index, "librar", "sv") == ["other"]            # English prefix
    assert ids(index, "library") == ids(index, "LIBRARY") == ids(index, "  library, ") == ["other"]


def test_several_words_must_all_match_and_add_up():
    index = SearchIndex([
        _service("both", names={"fi": "Perhekahvila"}, keywords={"fi": ("perhe", "kahvi")}),
        _service("both-in-name", names={"fi": "Perhe kahvila"}),
        _service("only-one", names={"fi": "Kahvila"}),
    ])
    assert ids(index, "perhe kahv") == ["both-in-name", "both"]
    assert ids(index, "kahv perhe") == ["both-in-name", "both"]
    assert ids(index, "perhe zzz") == []
    # The word itself first; then the compound it ends ("perhekahvila"), ranked below as a part.
    assert ids(index, "kahvila") == ["only-one", "both-in-name", "both"]


def test_limit_and_allowed():
    index = SearchIndex([_service(f"s{i:02d}", names={"fi": f"Neuvola {i:02d}"}) for i in range(30)])
    assert ids(index, "neuvola", limit=5) == ["s00", "s01", "s02", "s03", "s04"]
    assert ids(index, "neuvola", allowed={"s07", "s03", "nope"}) == ["s03", "s07"]
    assert ids(index, "neuvola", limit=0) == []
    assert len(index) == 30
    empty = SearchIndex([])
    assert len(empty) == 0 and empty.search("a") == empty.search("a b") == empty.search("a", allowed={"x"}) == []


def test_no_state_between_concurrent_searches_in_different_languages():
    index = SearchIndex([_service("fi-name", names={"fi": "Kahvila", "sv": "x", "en": "y"}),
                         _service("sv-name", names={"fi": "z", "sv": "Kahvila", "en": "y"})])
    expected = {lang: ids(index, "kah", lang) for lang in ("fi", "sv")}
    assert expected["fi"] != expected["sv"]
    jobs = [("fi", "sv")[i % 2] for i in range(2000)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda lang: (lang, ids(index, "kah", lang)), jobs))
    assert all(result == expected[lang] for lang, result in got)
    assert not hasattr(index, "_lang")


# A reference that applies the documented rules literally, in exact arithmetic, service by service.
_FIELD_WEIGHTS = {"names": 10, "keywords": 6, "provider": 4, "short": 2, "description": 1}


def _reference_tokens(s):
    texts = [(lg, t, "names") for lg, t in s.names.items()]
    texts += [(lg, kw, "keywords") for lg, kws in s.keywords.items() for kw in kws]
    texts += [(lg, t, "provider") for p in (s.responsible_provider, *s.producers) for lg, t in p.names.items()]
    texts += [(lg, t, "short") for lg, t in s.short_descriptions.items()]
    texts += [(lg, t, "description") for lg, t in s.descriptions.items()]
    return {(lg, w, _FIELD_WEIGHTS[f]) for lg, t, f in texts for w in words(t)}


def _edit_distance(a, b):
    """Insertions, deletions, substitutions and swaps of neighbours, each one edit (optimal string alignment)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def test_reference_edit_distance():
    assert _edit_distance("kirjsato", "kirjasto") == 1 and _edit_distance("fysiotrapia", "fysioterapia") == 1
    assert _edit_distance("abc", "abc") == 0 and _edit_distance("ca", "abc") == 3 and _edit_distance("", "ab") == 2


def test_typos_compound_parts_and_other_spellings_rank_below_exact_and_prefix_matches():
    index = SearchIndex([
        _service("typo-in-name", names={"fi": "Fysioterapia", "sv": "q", "en": "q"}),
        _service("exact-in-desc", desc={"fi": "fysiotrapia kirjoitettuna väärin"}),
        _service("compound", names={"fi": "Hammaslääkäri", "sv": "q", "en": "q"}),
        _service("part", names={"fi": "Lääkäri", "sv": "q", "en": "q"}),
        _service("en", names={"fi": "q", "sv": "q", "en": "Youth center"}),
    ], synonyms={"centre": (("center",),)})
    # Below exact and prefix matches in the same field; a name still counts more than a description.
    hits = index.search("fysiotrapia")
    assert [h.service_id for h in hits] == ["typo-in-name", "exact-in-desc"]
    assert ids(SearchIndex([_service("typo", names={"fi": "Fysioterapia"}), _service("exact", names={"fi": "Fysiotrapia"})]),
               "fysiotrapia") == ["exact", "typo"]
    assert hits[0].score == pytest.approx(10 * 0.5 * 1.2)  # a name with one typo: half a prefix match
    assert ids(index, "fysiotr") == ["typo-in-name", "exact-in-desc"]  # a typo while still typing
    assert ids(index, "laakari") == ["part", "compound"]
    assert ids(index, "hammaslaakari") == ["compound", "part"]
    assert ids(index, "youth centre", "en") == ["en"]
    assert ids(index, "fysio") == ["typo-in-name", "exact-in-desc"]  # a prefix, not a typo
    assert ids(index, "kyslo") == []  # nothing near: nothing found


def _match(q, w, service_words, synonyms):
    """How query word ``q`` matches indexed word ``w`` of a service, by the documented rules (or None)."""
    found = [m] if (m := _word_match(q, w)) is not None else []
    if len(q) >= 7:
        for i in range(3, len(q) - 3):
            if w == q[i:]:                                 # q is a compound of w
                head = any(x.startswith(q[:i]) for x in service_words)
                found.append(Fraction(3, 4) if head else Fraction(1, 4))
    for other in synonyms.get(q, ()):
        if w == other[-1] and all(o in service_words for o in other):
            found.append(Fraction(3, 4))
    return max(found, default=None)


@functools.lru_cache(maxsize=None)
def _word_match(q, w):
    """The rules that depend on the two words only."""
    found = []
    if w == q:
        found.append(Fraction(3, 2))
    elif w.startswith(q):
        found.append(Fraction(1))
    if len(q) >= 4 and w.endswith(q) and len(w) - len(q) >= 3:
        found.append(Fraction(3, 4))                       # w is a compound of q
    k = 0 if len(q) < 5 else 2 if len(q) >= 9 else 1
    for length in range(max(1, len(q) - k), len(q) + k + 1) if k else ():
        p = w[:length]
        if len(w) >= length and not p.startswith(q) and not q.startswith(p):
            d = _edit_distance(q, p)
            if 0 < d <= k:
                found.append(Fraction(1, 2) if d == 1 else Fraction(1, 4))
    return max(found, default=None)


def _reference(services, query, lang, limit=50, allowed=None):
    """``services``: (service, its tokens) pairs."""
    from kiosk.catalogue.search import load_synonyms

    qwords = set(words(query))
    if not qwords:
        return []
    synonyms = load_synonyms()
    ranked = []
    for s, tokens in services:
        if allowed is not None and s.id not in allowed:
            continue
        service_words = {w for _, w, _ in tokens}
        total = Fraction(0)
        for q in qwords:
            best = None
            for lg, w, weight in tokens:
                m = _match(q, w, service_words, synonyms)
                if m is not None:
                    score = weight * m * (Fraction(6, 5) if lg == lang else 1)
                    best = score if best is None else max(best, score)
            if best is None:
                break
            total += best
        else:
            ranked.append((-total, fold(s.names.get("fi", s.id)), s.id))
    ranked.sort()
    return [(sid, float(-neg)) for neg, _, sid in ranked[:limit]]


_LETTERS = "aäåbdeghijklmnoöprstuvy"


def _random_word(rng):
    return "".join(rng.choice(_LETTERS) for _ in range(rng.choice((1, 2, 2, 3, 4, 5, 6, 8))))


def _random_text(rng, n):
    return " ".join(_random_word(rng) for _ in range(n)).capitalize()


def _random_catalogue(rng, n):
    providers = [_provider(f"p{i}", {lg: _random_text(rng, 2) for lg in ("fi", "sv", "en")}) for i in range(12)]
    services = []
    for i in range(n):
        langs = ("fi", "sv", "en") + (("so",) if rng.random() < 0.1 else ())
        prov = rng.choice(providers)
        services.append(Service(
            id=f"svc-{i:04d}", names={lg: _random_text(rng, rng.randint(1, 3)) for lg in langs},
            short_descriptions={lg: _random_text(rng, rng.randint(2, 6)) for lg in langs},
            descriptions={lg: _random_text(rng, rng.randint(3, 12)) for lg in langs},
            user_instructions={}, goal={}, content={}, outputs={}, quality={}, charge_type="free", price_text={},
            target_groups=("adults",), life_events=(), service_classes=(),
            keywords={lg: tuple(_random_word(rng) for _ in range(rng.randint(0, 3))) for lg in langs},
            languages=langs, responsible_provider=prov,
            producers=(prov, rng.choice(providers)) if rng.random() < 0.2 else (prov,)))
    # Some services share a Finnish name, so ties really are broken by id.
    for i in range(0, n, 37):
        services[i] = _service(services[i].id, names={"fi": "Yhteinen nimi", "sv": "Samma", "en": "Same"})
    rng.shuffle(services)
    return services


def test_results_equal_a_brute_force_reference_on_a_random_catalogue():
    rng = random.Random(20261125)
    services = _random_catalogue(rng, 400)
    index = SearchIndex(services)
    with_tokens = [(s, _reference_tokens(s)) for s in services]
    vocabulary = sorted({w for s in services for t in s.names.values() for w in words(t)}
                        | {w for s in services for t in s.descriptions.values() for w in words(t)})
    queries = list(_LETTERS) + ["".join(rng.choice(_LETTERS) for _ in range(2)) for _ in range(40)]
    for w in rng.sample(vocabulary, 50):
        queries += [w, w[: max(1, len(w) // 2)], w.upper()]
    queries += [f"{rng.choice(vocabulary)[:2]} {rng.choice(vocabulary)[:rng.randint(1, 4)]}" for _ in range(40)]
    queries += [f"{rng.choice(_LETTERS)} {rng.choice(_LETTERS)} {rng.choice(_LETTERS)}" for _ in range(20)]
    queries += ["yhteinen", "sama", "zzzz", "", "a zzzz"]
    # The prefix merging at build time is really exercised (or this test would prove less than it says).
    assert any(len(q) == 1 and q in index._merged for q in queries)
    assert any(len(q) == 2 and q not in index._merged and index.search(q) for q in queries)
    all_ids = [s.id for s in services]
    checked = nonempty = 0
    for q in queries:
        for lang in rng.sample(("fi", "sv", "en", "so", "de"), 2):
            limit = rng.choice((1, 3, 10, 50, 1000))
            allowed = set(rng.sample(all_ids, 150)) if rng.random() < 0.2 else None
            got = [(h.service_id, h.score) for h in index.search(q, lang, limit=limit, allowed=allowed)]
            want = _reference(with_tokens, q, lang, limit, allowed)
            assert [g[0] for g in got] == [w[0] for w in want], (q, lang, limit, allowed is not None)
            assert [g[1] for g in got] == pytest.approx([w[1] for w in want]), (q, lang)
            checked += 1
            nonempty += bool(want)
    assert nonempty > checked * 0.6  # the comparison is mostly about real result lists, not empty ones


def test_results_equal_the_reference_where_lists_are_long_enough_for_ready_made_bitmaps():
    from benchmarks.catalogue_gen import generate_services

    services = generate_services(800, seed=11)
    index = SearchIndex(services)
    # Long lists carry a bitmap built at index time; the random catalogue above has none.
    assert any(bits is not None for postings in index._postings.values() for *_, bits in postings)
    with_tokens = [(s, _reference_tokens(s)) for s in services]
    rng = random.Random(3)
    all_ids = [s.id for s in services]
    for q in ["a", "s", "pa", "ja", "och", "home c", "perhe ka", "kontula n", "the s", "a s", "hälso", "tandl",
              "p o", "ko ne", "ti"]:
        for lang in ("fi", "sv", "en"):
            allowed = set(rng.sample(all_ids, 300)) if rng.random() < 0.3 else None
            got = [h.service_id for h in index.search(q, lang, limit=40, allowed=allowed)]
            assert got == [sid for sid, _ in _reference(with_tokens, q, lang, 40, allowed)], (q, lang)
