"""Search across the catalogue in every language, tolerant of missing diacritics.

``aitiysneuvola`` finds *äitiysneuvola*, ``halsovard`` finds *hälsovård*, and every
query word may be a prefix. Results are ranked: a match in the name outranks one in
the keywords, which outranks one in the descriptions; an exact word outranks a prefix.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from kiosk.catalogue.domain import Service

_WORD = re.compile(r"[0-9a-z]+")

# Field weights: what a resident most likely means when a word matches there.
W_NAME, W_KEYWORD, W_PROVIDER, W_SHORT, W_LONG = 10.0, 6.0, 4.0, 2.0, 1.0
EXACT_BONUS = 1.5
# The language the resident is using counts a little more than the other two.
OWN_LANGUAGE_BONUS = 1.2


def fold(text: str) -> str:
    """Lower case without diacritics: 'Hälsovård' -> 'halsovard'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class SearchHit:
    service_id: str
    score: float


class SearchIndex:
    def __init__(self, services: Iterable[Service]) -> None:
        # token -> {service position: (weight, lang)}, with lang '' for language-neutral fields
        postings: dict[str, dict[int, dict[str, float]]] = {}
        self._ids: list[str] = []
        self._names: list[str] = []
        for pos, s in enumerate(services):
            self._ids.append(s.id)
            self._names.append(fold(s.names.get("fi", s.id)))
            fields: list[tuple[str, str, float]] = []
            for lang, t in s.names.items():
                fields.append((lang, t, W_NAME))
            for lang, kws in s.keywords.items():
                for kw in kws:
                    fields.append((lang, kw, W_KEYWORD))
            for lang, t in s.short_descriptions.items():
                fields.append((lang, t, W_SHORT))
            for lang, t in s.descriptions.items():
                fields.append((lang, t, W_LONG))
            for prov in (s.responsible_provider, *s.producers):
                for lang, t in prov.names.items():
                    fields.append((lang, t, W_PROVIDER))
            for lang, text, weight in fields:
                for w in words(text):
                    per_lang = postings.setdefault(w, {}).setdefault(pos, {})
                    if per_lang.get(lang, 0.0) < weight:
                        per_lang[lang] = weight
        self._tokens = sorted(postings)
        self._postings = postings

    def __len__(self) -> int:
        return len(self._ids)

    def _matches(self, qword: str) -> dict[int, float]:
        """Best score per service for one query word (as exact word or prefix)."""
        best: dict[int, float] = {}
        lo = bisect.bisect_left(self._tokens, qword)
        hi = bisect.bisect_left(self._tokens, qword + "\uffff")
        for token in self._tokens[lo:hi]:
            bonus = EXACT_BONUS if token == qword else 1.0
            for pos, per_lang in self._postings[token].items():
                score = max(w * bonus * (OWN_LANGUAGE_BONUS if lang == self._lang else 1.0)
                            for lang, w in per_lang.items())
                if score > best.get(pos, 0.0):
                    best[pos] = score
        return best

    def search(self, query: str, lang: str = "fi", limit: int = 50,
               allowed: set[str] | None = None) -> list[SearchHit]:
        qwords = words(query)
        if not qwords:
            return []
        self._lang = lang
        total: dict[int, float] | None = None
        for qw in sorted(set(qwords), key=len, reverse=True):
            m = self._matches(qw)
            if total is None:
                total = m
            else:
                total = {pos: total[pos] + sc for pos, sc in m.items() if pos in total}
            if not total:
                return []
        hits = [(score, pos) for pos, score in total.items()
                if allowed is None or self._ids[pos] in allowed]
        hits.sort(key=lambda h: (-h[0], self._names[h[1]]))
        return [SearchHit(self._ids[pos], score) for score, pos in hits[:limit]]
