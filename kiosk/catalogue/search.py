"""Search across the catalogue in every language, tolerant of missing diacritics.

``aitiysneuvola`` finds *äitiysneuvola*, ``halsovard`` finds *hälsovård*, and every
query word may be a prefix. All query words must match (AND).

Forgiving. Besides exact words and prefixes, a query word also finds (ranked below them):

- *compound parts*: ``laakari`` finds *hammaslääkäri* (an indexed word that ends with the
  query word after at least 3 letters); and a query word that ends with an indexed word
  (after at least 3 letters) finds that word: ``hammaslaakari`` finds *lääkäri*, best where the
  first part is there too (``homecare`` finds *home care* before any *care*);
- *other spellings and synonyms* from a curated list per language
  (``kiosk/catalogue/synonyms.json``: ``centre``/``center``, ``physio``/``physiotherapy``,
  ``fysio``/``fysioterapia``);
- *typos*: a word of 5 or more letters within edit distance 1 (2 from 9 letters on) of an
  indexed word or of the beginning of one (``fysiotrapia``, ``fysiotr``). The distance
  counts two swapped neighbours as one edit (optimal string alignment: ``kirjsato``), as
  residents make that mistake as often as a dropped letter; rapidfuzz's ``OSA`` over the
  indexed words' beginnings of nearby lengths computes it.

Ranking. For each query word a service scores the best of its matches::

    field weight  x  match  x  (1.2 in the resident's language)

    match: exact 1.5, prefix 1.0, compound part or synonym 0.75, typo at distance 1 0.5,
           at distance 2 (or a query's compound head alone) 0.25

with field weights name 10 > keywords 6 > provider 4 > short description 2 > description 1.
The scores of the query words are added up. Ties are broken by the Finnish name
(folded), then by id, so the order is total and the same on every kiosk.

How it stays instant per keystroke (p99 <= 5 ms on 50,000 services, see
docs/benchmarks.md): services are numbered in tie-break order, and every posting list
is an ``array`` of those numbers, ascending. A list holds the services where one token
matches in one language at one field weight (the service's best field for that token
and language), so every entry of a list scores the same for a given query language.
Top-k for one word is then: order the word's lists by score, walk them best first,
merging the lists of equal score (they are already in tie-break order), and stop after
``limit`` distinct services; a service's first appearance is its best score. Prefixes
whose tokens have many lists ("a", "pa", "koti") get them merged ahead of time at
build, so a keystroke never orders more than a bounded number of lists.

Queries of several words (or with an ``allowed`` set) use the same lists as bitmaps
(Python ints; dense lists keep one ready-made, sparse ones are converted on the fly):
per word, the services at exactly each score level; AND across words; the totals come
from walking the combinations of levels, so "a s" over 50,000 services costs a few
hundred big-int operations instead of a loop over tens of thousands of candidates.

Scores are kept as integers internally (units of 0.1) so that ranking never depends
on floating-point rounding; ``SearchHit.score`` is the float the UI may show.
"""

from __future__ import annotations

import bisect
import heapq
import json
import re
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kiosk.catalogue.domain import Service

_WORD = re.compile(r"[0-9a-z]+")

# Field weights: what a resident most likely means when a word matches there.
W_NAME, W_KEYWORD, W_PROVIDER, W_SHORT, W_LONG = 10, 6, 4, 2, 1
# Bonuses as integer ratios (x2 and x5 below) so that scores stay exact integers.
EXACT_BONUS = 1.5          # exact word over prefix: 3/2
OWN_LANGUAGE_BONUS = 1.2   # the language the resident is using: 6/5
_WEIGHTS = (W_NAME, W_KEYWORD, W_PROVIDER, W_SHORT, W_LONG)
# How a query word matched, in quarters: exact 1.5, prefix 1.0, part/synonym 0.75, typos below.
_EXACT, _PREFIX, _PART, _TYPO1, _TYPO2 = 6, 4, 3, 2, 1
_OTHER_LANG, _OWN_LANG = 5, 6
_UNIT = _PREFIX * _OTHER_LANG  # an integer score of 20 is 1.0

# Typos: words this long or longer are matched within edit distance 1, from _TYPO2_FROM on 2.
TYPO_MIN_LETTERS, _TYPO2_FROM = 5, 9
# Compound parts: the part a query names has at least 4 letters, what comes before it at least 3.
_PART_MIN, _HEAD_MIN = 4, 3

# A prefix whose tokens have more posting lists than this gets them merged at build
# time, so a keystroke never has more than this many lists to order and merge.
_MERGE_LISTS_ABOVE = 64


# The combining diacritical marks of Latin scripts (U+034F has combining class 0, so not it).
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _drop_combining(run: re.Match) -> str:
    # Marks outside the Latin block (other scripts): rare, so a per-character check is fine.
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case without diacritics: 'Hälsovård' -> 'halsovard'."""
    if text.isascii():
        return text.lower()  # same as casefold + NFKD for ASCII, and much faster on long texts
    folded = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return folded if folded.isascii() else _NON_ASCII.sub(_drop_combining, folded)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def service_fields(s: Service) -> list[tuple[str, str, int]]:
    """(language, text, field weight) of every searchable text of a service."""
    fields: list[tuple[str, str, int]] = []
    for lang, t in s.names.items():
        fields.append((lang, t, W_NAME))
    for lang, kws in s.keywords.items():
        for kw in kws:
            fields.append((lang, kw, W_KEYWORD))
    for prov in (s.responsible_provider, *s.producers):
        for lang, t in prov.names.items():
            fields.append((lang, t, W_PROVIDER))
    for lang, t in s.short_descriptions.items():
        fields.append((lang, t, W_SHORT))
    for lang, t in s.descriptions.items():
        fields.append((lang, t, W_LONG))
    return fields


def _weight_of(field: tuple[str, str, int]) -> int:
    return field[2]


def tie_break_key(s: Service) -> tuple[str, str]:
    return fold(s.names.get("fi", s.id)), s.id


SYNONYMS_FILE = Path(__file__).with_name("synonyms.json")


def load_synonyms(path: Path = SYNONYMS_FILE) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded query word -> the other spellings it also finds (each a tuple of words, all must match)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[tuple[str, ...]]] = {}
    for lang, groups in data.items():
        if lang.startswith("_"):
            continue
        for group in groups:
            members = [tuple(words(m)) for m in group]
            members = [m for m in members if m]
            for m in members:
                if len(m) == 1:  # a query word is one word; multi-word members are only found
                    out.setdefault(m[0], [])
                    out[m[0]] += [o for o in members if o != m and o not in out[m[0]]]
    return {k: tuple(v) for k, v in out.items() if v}


def typo_distance(qword: str) -> int:
    """Edit distance forgiven for a query word of this length (0: none)."""
    n = len(qword)
    return 0 if n < TYPO_MIN_LETTERS else 2 if n >= _TYPO2_FROM else 1


@dataclass(frozen=True)
class SearchHit:
    service_id: str
    score: float


# One posting list: (field weight, language number, ascending service numbers,
# the same numbers as a bitmap when the list is dense enough for that to be no bigger).
_Posting = tuple[int, int, array, "int | None"]
# What one query word contributes: (integer score, service numbers, bitmap or None).
_Stream = tuple[int, array, "int | None"]

_NONZERO_BYTE = re.compile(rb"[^\x00]")


def _to_bitmap(numbers: Iterable[int], n_bytes: int) -> int:
    """Service numbers as the bits of a Python int: set operations then run at machine-word speed."""
    buf = bytearray(n_bytes)
    for n in numbers:
        buf[n >> 3] |= 1 << (n & 7)
    return int.from_bytes(buf, "little")


def _lowest_numbers(bitmap: int, n_bytes: int, count: int) -> list[int]:
    """The ``count`` smallest service numbers in ``bitmap``, ascending."""
    raw = bitmap.to_bytes(n_bytes, "little")
    out: list[int] = []
    for m in _NONZERO_BYTE.finditer(raw):  # skips empty bytes in C
        i = m.start()
        byte = raw[i]
        for bit in range(8):
            if byte >> bit & 1:
                out.append(i * 8 + bit)
                if len(out) >= count:
                    return out
    return out


class SearchIndex:
    """Immutable once built; ``search`` keeps no state between calls, so any thread may call it."""

    def __init__(self, services: Iterable[Service],
                 synonyms: dict[str, tuple[tuple[str, ...], ...]] | None = None) -> None:
        self._synonyms = _default_synonyms() if synonyms is None else synonyms
        # Built on first use (a typo, a compound part), not at start: most key presses need neither.
        self._prefixes_of_length: dict[int, list[str]] = {}
        self._reversed: list[str] | None = None
        ordered = sorted(services, key=tie_break_key)
        # Service number = position in tie-break order.
        self._ids: list[str] = [s.id for s in ordered]
        self._number = {sid: n for n, sid in enumerate(self._ids)}
        self._langs: dict[str, int] = {}

        # language number -> weight -> token -> service numbers, appended in ascending order.
        tables: dict[int, dict[int, dict[str, array]]] = {}
        langs = self._langs
        for n, s in enumerate(ordered):
            per_lang: dict[str, dict[str, int]] = {}
            # Lowest weight first, so a better field overwrites a worse one.
            for lang, text, weight in sorted(service_fields(s), key=_weight_of):
                best = per_lang.get(lang)
                if best is None:
                    per_lang[lang] = best = {}
                best.update(dict.fromkeys(words(text), weight))
            for lang, best in per_lang.items():
                li = langs.setdefault(lang, len(langs))
                by_weight = tables.get(li)
                if by_weight is None:
                    tables[li] = by_weight = {w: {} for w in _WEIGHTS}
                for w, weight in best.items():
                    table = by_weight[weight]
                    arr = table.get(w)
                    if arr is None:
                        table[w] = arr = array("i")
                    arr.append(n)

        self._n_bytes = len(ordered) // 8 + 1
        by_token: dict[str, list[_Posting]] = {}
        for li, by_weight in tables.items():
            for weight, table in by_weight.items():
                for w, arr in table.items():
                    by_token.setdefault(w, []).append((weight, li, arr, self._bitmap_if_dense(arr)))
        del tables
        self._tokens: list[str] = sorted(by_token)
        self._postings: dict[str, tuple[_Posting, ...]] = {t: tuple(p) for t, p in by_token.items()}
        self._merged: dict[str, tuple[_Posting, ...]] = self._merge_busy_prefixes()

    def _merge_busy_prefixes(self) -> dict[str, tuple[_Posting, ...]]:
        """Posting lists of every prefix that would make a keystroke touch many lists, merged.

        Merged per language and weight, a service kept only at its best weight per language
        for the prefix: all the ranking needs (the best match counts), and small. A prefix is
        merged when its tokens have more than ``_MERGE_LISTS_ABOVE`` lists, so a small
        catalogue (a real site: a few hundred services) merges little and builds fast.
        """
        tokens = self._tokens
        cumulative = [0]  # lists in tokens[:i], so any range's count is one subtraction
        for t in tokens:
            cumulative.append(cumulative[-1] + len(self._postings[t]))
        merged: dict[str, tuple[_Posting, ...]] = {}
        stack = [("", 0, len(tokens))]
        while stack:
            prefix, lo, hi = stack.pop()
            if prefix:
                merged[prefix] = self._merge_range(lo, hi)
            # Children: one per next letter; the token equal to the prefix sorts first.
            depth = len(prefix)
            i = lo + 1 if lo < hi and len(tokens[lo]) == depth else lo
            while i < hi:
                child = tokens[i][:depth + 1]
                j = bisect.bisect_left(tokens, child + "\uffff", i, hi)
                if cumulative[j] - cumulative[i] > _MERGE_LISTS_ABOVE:
                    stack.append((child, i, j))
                i = j
        return merged

    def _merge_range(self, lo: int, hi: int) -> tuple[_Posting, ...]:
        per_lang: dict[int, dict[int, list[array]]] = {}
        for t in self._tokens[lo:hi]:
            for weight, li, arr, _ in self._postings[t]:
                per_lang.setdefault(li, {}).setdefault(weight, []).append(arr)
        out: list[_Posting] = []
        for li, by_weight in per_lang.items():
            seen: set[int] = set()
            for weight in sorted(by_weight, reverse=True):
                members = set().union(*by_weight[weight])
                members -= seen
                if members:
                    seen |= members
                    arr = array("i", sorted(members))
                    out.append((weight, li, arr, self._bitmap_if_dense(arr)))
        return tuple(out)

    def _bitmap_if_dense(self, arr: array) -> int | None:
        # A bitmap costs n/8 bytes, an array 4 bytes per entry: keep one only when no bigger,
        # and only for long lists (short ones convert in microseconds when a query needs it).
        n = len(arr)
        return _to_bitmap(arr, self._n_bytes) if n >= 256 and n * 32 >= len(self._ids) else None

    def __len__(self) -> int:
        return len(self._ids)

    def _token_range(self, prefix: str) -> tuple[int, int]:
        lo = bisect.bisect_left(self._tokens, prefix)
        hi = bisect.bisect_left(self._tokens, prefix + "\uffff", lo)
        return lo, hi

    def _prefix_streams(self, prefix: str, own: int, exact: int, prefix_bonus: int, out: list[_Stream]) -> None:
        """Every token starting with ``prefix``: ``exact`` for the token itself, ``prefix_bonus`` for longer ones."""
        merged = self._merged.get(prefix)
        if merged is not None:
            for weight, li, arr, bits in merged:
                out.append((weight * prefix_bonus * (_OWN_LANG if li == own else _OTHER_LANG), arr, bits))
            for weight, li, arr, bits in self._postings.get(prefix, ()):
                out.append((weight * exact * (_OWN_LANG if li == own else _OTHER_LANG), arr, bits))
            return
        lo, hi = self._token_range(prefix)
        for t in self._tokens[lo:hi]:
            bonus = exact if t == prefix else prefix_bonus
            for weight, li, arr, bits in self._postings[t]:
                out.append((weight * bonus * (_OWN_LANG if li == own else _OTHER_LANG), arr, bits))

    def _token_streams(self, token: str, own: int, bonus: int, out: list[_Stream],
                       only: int | None = None) -> None:
        for weight, li, arr, bits in self._postings.get(token, ()):
            if only is not None:
                bits = (bits if bits is not None else _to_bitmap(arr, self._n_bytes)) & only
                if not bits:
                    continue
                arr = array("i", _lowest_numbers(bits, self._n_bytes, len(arr)))
            out.append((weight * bonus * (_OWN_LANG if li == own else _OTHER_LANG), arr, bits))

    def _streams(self, qword: str, own: int) -> list[_Stream]:
        """The lists one query word matches, each with its score; a service's best list is its score."""
        out: list[_Stream] = []
        self._prefix_streams(qword, own, _EXACT, _PREFIX, out)
        # Compound parts: indexed words that end with the query word ("laakari" -> hammaslaakari).
        if len(qword) >= _PART_MIN:
            for t in self._words_ending_with(qword):
                self._token_streams(t, own, _PART, out)
        # A compound query word also finds its last part ("hammaslaakari" -> laakari), better
        # where its first part is in the service too ("homecare" -> home care).
        if len(qword) >= _HEAD_MIN + _PART_MIN:
            for i in range(_HEAD_MIN, len(qword) - _PART_MIN + 1):
                tail = qword[i:]
                if tail in self._postings:
                    head = self._prefix_bitmap(qword[:i])
                    if head:
                        self._token_streams(tail, own, _PART, out, only=head)
                    self._token_streams(tail, own, _TYPO2, out)
        for other in self._synonyms.get(qword, ()):
            if len(other) == 1:
                self._token_streams(other[0], own, _PART, out)
            else:  # a spelling in several words: services with all of them, scored by the last
                both = self._all_words_bitmap(other)
                if both:
                    self._token_streams(other[-1], own, _PART, out, only=both)
        distance = typo_distance(qword)
        if distance:
            self._typo_streams(qword, distance, own, out)
        return out

    def prepare_typos(self, longest: int = 24) -> None:
        """Load what typo matching needs (rapidfuzz, the words' beginnings), so the first
        typo a resident makes does not pay for it: about 50-150 ms and 5 MB, kept off the
        kiosk's start (the search screen calls this once it is shown)."""
        from rapidfuzz import process  # noqa: F401
        from rapidfuzz.distance import OSA  # noqa: F401

        for length in range(TYPO_MIN_LETTERS - 1, longest + 3):
            self._prefixes(length)
        self._words_ending_with("")

    def _typo_streams(self, qword: str, distance: int, own: int, out: list[_Stream]) -> None:
        """Beginnings of indexed words within ``distance`` edits of the query word, and their words."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        n = len(qword)
        for length in range(max(1, n - distance), n + distance + 1):
            choices = self._prefixes(length)
            if not choices:
                continue
            for prefix, d, _ in process.extract(qword, choices, scorer=OSA.distance,
                                                score_cutoff=distance, limit=None):
                # Already found as a prefix, or the query just runs on past it: not a typo.
                if d == 0 or prefix.startswith(qword) or qword.startswith(prefix):
                    continue
                bonus = _TYPO1 if d == 1 else _TYPO2
                self._prefix_streams(prefix, own, bonus, bonus, out)

    def _prefixes(self, length: int) -> list[str]:
        """The distinct beginnings of this length of the indexed words (built once, when first needed)."""
        found = self._prefixes_of_length.get(length)
        if found is None:
            found = sorted({t[:length] for t in self._tokens if len(t) >= length})
            self._prefixes_of_length[length] = found  # the same list whichever thread builds it
        return found

    def _words_ending_with(self, part: str) -> list[str]:
        """Indexed words that are ``part`` after at least _HEAD_MIN letters (compounds of it)."""
        rev = self._reversed
        if rev is None:
            rev = self._reversed = sorted(t[::-1] for t in self._tokens)
        key = part[::-1]
        lo = bisect.bisect_left(rev, key)
        hi = bisect.bisect_left(rev, key + "\uffff", lo)
        return [r[::-1] for r in rev[lo:hi] if len(r) - len(part) >= _HEAD_MIN]

    def _prefix_bitmap(self, prefix: str) -> int:
        """Services with any word starting with ``prefix`` (any language, any field)."""
        streams: list[_Stream] = []
        self._prefix_streams(prefix, -1, 1, 1, streams)
        bits = 0
        for _, arr, b in streams:
            bits |= b if b is not None else _to_bitmap(arr, self._n_bytes)
        return bits

    def _all_words_bitmap(self, exact_words: tuple[str, ...]) -> int:
        bits: int | None = None
        for w in exact_words:
            here = 0
            for _, _, arr, b in self._postings.get(w, ()):
                here |= b if b is not None else _to_bitmap(arr, self._n_bytes)
            bits = here if bits is None else bits & here
            if not bits:
                return 0
        return bits or 0

    def search(self, query: str, lang: str = "fi", limit: int = 50,
               allowed: set[str] | None = None) -> list[SearchHit]:
        qwords = sorted(set(words(query)))
        if not qwords or limit <= 0:
            return []
        own = self._langs.get(lang, -1)
        streams = [self._streams(w, own) for w in qwords]
        if any(not s for s in streams):
            return []
        if len(streams) == 1 and allowed is None:
            ranked = self._top_one_word(streams[0], limit)
        else:
            ranked = self._top_by_bitmaps(streams, limit, allowed)
        return [SearchHit(self._ids[n], score / _UNIT) for n, score in ranked]

    @staticmethod
    def _top_one_word(streams: list[_Stream], limit: int) -> list[tuple[int, int]]:
        """Best first: groups of equal score in descending order, each merged in tie-break order."""
        streams.sort(key=lambda s: -s[0])
        found: list[tuple[int, int]] = []
        seen: set[int] = set()
        i, end = 0, len(streams)
        while i < end:
            score = streams[i][0]
            j = i + 1
            while j < end and streams[j][0] == score:
                j += 1
            group = [arr for _, arr, _ in streams[i:j]]
            for n in (heapq.merge(*group) if len(group) > 1 else group[0]):
                if n in seen:
                    continue
                seen.add(n)
                found.append((n, score))
                if len(found) >= limit:
                    return found
            i = j
        return found

    def _top_by_bitmaps(self, streams: list[list[_Stream]], limit: int,
                        allowed: set[str] | None) -> list[tuple[int, int]]:
        """Several words (or an ``allowed`` set): exact score levels per word as bitmaps, combined.

        Per word, a service's level is the best score it reaches; the services at exactly one
        level are that level's bitmap minus every higher one. The services matching every word
        are the AND of the words' unions. Walking the combinations of levels (empty
        intersections pruned) gives each matching service its total with a few big-int
        operations, however many services match.
        """
        n_bytes = self._n_bytes
        matched: int | None = None
        if allowed is not None:
            matched = _to_bitmap((self._number[sid] for sid in allowed if sid in self._number), n_bytes)
        per_word: list[list[tuple[int, int]]] = []
        for word_streams in streams:
            by_score: dict[int, int] = {}
            for score, arr, bits in word_streams:
                b = bits if bits is not None else _to_bitmap(arr, n_bytes)
                by_score[score] = by_score.get(score, 0) | b
            levels: list[tuple[int, int]] = []
            higher = 0
            for score in sorted(by_score, reverse=True):
                exact = by_score[score] & ~higher
                if exact:
                    levels.append((score, exact))
                    higher |= exact
            per_word.append(levels)
            matched = higher if matched is None else matched & higher
            if not matched:
                return []
        assert matched is not None
        per_word = [[(score, b & matched) for score, b in levels if b & matched] for levels in per_word]
        per_word.sort(key=len)

        by_total: dict[int, int] = {}

        def walk(i: int, total: int, members: int) -> None:
            if i == len(per_word):
                by_total[total] = by_total.get(total, 0) | members
                return
            for score, b in per_word[i]:
                both = members & b
                if both:
                    walk(i + 1, total + score, both)

        walk(0, 0, matched)
        found: list[tuple[int, int]] = []
        for total in sorted(by_total, reverse=True):
            for n in _lowest_numbers(by_total[total], n_bytes, limit - len(found)):
                found.append((n, total))
            if len(found) >= limit:
                break
        return found


_SYNONYMS: dict[str, tuple[tuple[str, ...], ...]] | None = None


def _default_synonyms() -> dict[str, tuple[tuple[str, ...], ...]]:
    global _SYNONYMS
    if _SYNONYMS is None:
        _SYNONYMS = load_synonyms()
    return _SYNONYMS
