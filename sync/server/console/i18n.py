"""The console's words, in translations/{fi,sv,en}.json (one flat object per language,
the same keys in each; tests/console/test_translations.py says so). A missing key is an
error, never an English fallback on a Finnish page."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
_DIR = Path(__file__).resolve().parent / "translations"


@lru_cache(maxsize=None)
def catalogue(language: str) -> dict[str, str]:
    if language not in LANGUAGES:
        raise KeyError(f"no console translation for {language!r}")
    return json.loads((_DIR / f"{language}.json").read_text(encoding="utf-8"))


def text(language: str, key: str, **values: object) -> str:
    words = catalogue(language)[key]
    return words.format(**values) if values else words


def pick_language(asked: str | None, cookie: str | None, accept_language: str | None) -> str:
    """?lang=, else the cookie, else the browser's first language we have, else Finnish."""
    for candidate in (asked, cookie):
        if candidate in LANGUAGES:
            return candidate
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
