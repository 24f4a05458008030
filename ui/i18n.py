"""One translator for every user-facing string of the kiosk.

Texts live in ``assets/translations/{fi,sv,en}.json`` (flat ``key -> text``, with
``{name}`` placeholders). Screens never hold a translated string they cannot
rebuild: each keeps a ``retranslate()`` that the window calls when the language
changes, so a switch re-translates every visible widget at once.

A missing key is a bug, not something to paper over with English: ``t()`` logs it
and shows the key in brackets so tests (and screenshots) catch it.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Callable

from kiosk.packaged import asset

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = asset("translations")  # package data (kiosk/packaged.py)
LANGUAGES = ("fi", "sv", "en")


def load_catalogues(directory: Path = TRANSLATIONS_DIR) -> dict[str, dict[str, str]]:
    return {lang: json.loads((directory / f"{lang}.json").read_text(encoding="utf-8")) for lang in LANGUAGES}


class Translator:
    def __init__(self, language: str = "fi", catalogues: dict[str, dict[str, str]] | None = None) -> None:
        self.catalogues = catalogues if catalogues is not None else load_catalogues()
        if language not in self.catalogues:
            raise ValueError(f"no translations for language {language!r}")
        self._language = language
        self._listeners: list[Callable[[str], None]] = []

    @property
    def language(self) -> str:
        return self._language

    def on_change(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)

    def set_language(self, language: str) -> None:
        if language not in self.catalogues:
            raise ValueError(f"no translations for language {language!r}")
        if language == self._language:
            return
        self._language = language
        for listener in list(self._listeners):
            listener(language)

    def t(self, key: str, **values) -> str:
        text = self.catalogues[self._language].get(key)
        if text is None:
            log.error("missing translation %s for %s", key, self._language)
            return f"[{key}]"
        return text.format(**values) if values else text

    def plural(self, key: str, n: int, **values) -> str:
        """``key.one`` for 1, ``key.other`` otherwise (fi, sv and en all follow this rule)."""
        return self.t(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)

    def label(self, kind: str, code: str) -> str:
        """The label of a code-list value, e.g. ``label('sector', 'public')``."""
        return self.t(f"{kind}.{code}")

    def time(self, dt: datetime) -> str:
        """A clock time the way it is written in the language: 8.00 in fi/sv, 08:00 in en."""
        return self.t("format.clock", h=dt.hour, m=dt.minute)
