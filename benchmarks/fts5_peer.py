"""The peer for search: an SQLite FTS5 index over the same services.

What a city would get from the database it already has: one row per service, a column
per field (name, keywords, provider, short description, description; all languages in
each), the ``unicode61 remove_diacritics 2`` tokenizer (so ``aitiysneuvola`` finds
*äitiysneuvola*), every query word as a prefix (``word*``), all words required, ranked by
``bm25`` with the same field weights as ours (10, 6, 4, 2, 1). Used by
benchmarks/search_latency.py and benchmarks/search_quality.py.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Iterable

from kiosk.catalogue.domain import Service

_FTS_WORD = re.compile(r"\w+")


class Fts5Index:
    def __init__(self, services: Iterable[Service]) -> None:
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE svc USING fts5(sid UNINDEXED, name, keywords, provider, short, "
                        "description, tokenize = 'unicode61 remove_diacritics 2')")
        rows = []
        for s in services:
            providers = (s.responsible_provider, *s.producers)
            rows.append((s.id, " ".join(s.names.values()),
                         " ".join(kw for kws in s.keywords.values() for kw in kws),
                         " ".join(t for p in providers for t in p.names.values()),
                         " ".join(s.short_descriptions.values()), " ".join(s.descriptions.values())))
        self.db.executemany("INSERT INTO svc VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.db.commit()

    def search(self, query: str, limit: int = 50) -> list[str]:
        terms = _FTS_WORD.findall(query.lower())
        if not terms:
            return []
        match = " AND ".join('"' + t.replace('"', '""') + '"*' for t in terms)
        return [r[0] for r in self.db.execute(
            "SELECT sid FROM svc WHERE svc MATCH ? ORDER BY bm25(svc, 0, 10, 6, 4, 2, 1), sid LIMIT ?",
            (match, limit))]

    def close(self) -> None:
        self.db.close()
