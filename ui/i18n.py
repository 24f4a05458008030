"""One translator for every user-facing string of the kiosk.

Texts live in ``assets/translations/<lang>.json``: flat ``key -> text`` with ``{name}``
placeholders; a text that depends on a number is an object keyed by the language's
CLDR plural categories (``{"one": "{n} palvelu", "other": "{n} palvelua"}``; Arabic
uses zero/one/two/few/many/other, Russian and Ukrainian one/few/many/other) and is
asked for with ``t(key, count=n)``. Babel picks the category by CLDR's rule and
formats dates; docs/translations.md describes the format.

Screens never hold a translated string they cannot rebuild: each keeps a
``retranslate()`` that the window calls when the language changes, so a switch
re-translates every visible widget at once.

A missing key is a bug, not something to paper over with English: ``t()`` logs it
and shows the key in brackets so tests (and screenshots) catch it.

Catalogue texts (service names, descriptions, addresses) come from the data, which
has them in fi, sv and en only. ``data_language`` is the language to read them in:
the UI language itself, or in another UI language the resident's fallback among
fi/sv/en (English unless they choose another on the service card).
"""

from __future__ import annotations

import functools
import json
import logging
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Mapping, Union

from babel import Locale
from babel.dates import format_date

from kiosk.config import LANGUAGES as CONFIG_LANGUAGES
from kiosk.packaged import asset

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = asset("translations")  # package data (kiosk/packaged.py)
# The UI languages (declared once, with the configuration); a site picks its own in [ui].
LANGUAGES = CONFIG_LANGUAGES
# The languages catalogue data comes in (kiosk.catalogue.importer.REQUIRED_LANGUAGES).
DATA_LANGUAGES = ("fi", "sv", "en")
DEFAULT_DATA_FALLBACK = "en"
RIGHT_TO_LEFT = frozenset({"ar"})
# CLDR locales for dates and numbers: the Finnish variants where CLDR has them
# (Swedish as written in Finland), else the language itself.
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB", "et": "et_EE", "ru": "ru_RU", "uk": "uk_UA",
           "so": "so_SO", "ar": "ar"}

# Unicode isolates: a Latin name, a number or a time inside Arabic text keeps its own
# direction and does not reorder the sentence around it.
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

Message = Union[str, Mapping[str, str]]


def load_catalogues(directory: Path = TRANSLATIONS_DIR,
                    languages: tuple[str, ...] = LANGUAGES) -> dict[str, dict[str, Message]]:
    return {lang: json.loads((directory / f"{lang}.json").read_text(encoding="utf-8")) for lang in languages}


@functools.cache
def locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, lang))


def warm_locale(lang: str) -> str:
    """Load the language's CLDR data (plural rule, date formats) now, on any thread.

    Babel reads a locale's data from disk at its first use: 40-90 ms (7-19 ms of CPU, about
    1.5 MB) that fell on the GUI thread at the first switch to each language. The language
    switch asks for this on the runner before a person can choose (``LanguageSwitch``)."""
    loc = locale(lang)
    loc.plural_form(1)
    loc.date_formats["medium"]
    return lang


def plural_categories(lang: str) -> frozenset[str]:
    """The CLDR plural categories the language's rule can give (always with "other")."""
    return frozenset(locale(lang).plural_form.tags) | {"other"}


def plural_category(lang: str, count: int | float) -> str:
    return locale(lang).plural_form(count)


def is_rtl(lang: str) -> bool:
    return lang in RIGHT_TO_LEFT


class Translator:
    def __init__(self, language: str = "fi", catalogues: dict[str, dict[str, Message]] | None = None) -> None:
        self.catalogues = catalogues if catalogues is not None else load_catalogues()
        if language not in self.catalogues:
            raise ValueError(f"no translations for language {language!r}")
        self._language = language
        self._data_fallback = DEFAULT_DATA_FALLBACK
        self._listeners: list[Callable[[str], None]] = []

    @property
    def language(self) -> str:
        return self._language

    @property
    def rtl(self) -> bool:
        return is_rtl(self._language)

    @property
    def data_language(self) -> str:
        """The language catalogue texts are shown in (see the module's docstring)."""
        return self._language if self._language in DATA_LANGUAGES else self._data_fallback

    @property
    def data_fallback(self) -> str:
        return self._data_fallback

    @property
    def data_is_fallback(self) -> bool:
        return self._language not in DATA_LANGUAGES

    def on_change(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener(self._language)

    def set_language(self, language: str) -> None:
        if language not in self.catalogues:
            raise ValueError(f"no translations for language {language!r}")
        if language == self._language:
            return
        self._language = language
        self._changed()

    def set_data_fallback(self, language: str) -> None:
        """The resident's choice of fi/sv/en for catalogue texts in another UI language."""
        if language not in DATA_LANGUAGES:
            raise ValueError(f"catalogue texts exist in {', '.join(DATA_LANGUAGES)}, not {language!r}")
        if language == self._data_fallback:
            return
        self._data_fallback = language
        if self.data_is_fallback:
            self._changed()

    def reset(self, language: str) -> None:
        """Back to the kiosk's default for the next person (language and fallback)."""
        changed = language != self._language or self._data_fallback != DEFAULT_DATA_FALLBACK
        if language not in self.catalogues:
            raise ValueError(f"no translations for language {language!r}")
        self._language, self._data_fallback = language, DEFAULT_DATA_FALLBACK
        if changed:
            self._changed()

    def t(self, key: str, count: int | None = None, **values) -> str:
        """The text of ``key``; a plural message needs ``count`` (given to the text as ``{n}``,
        and as ``{count}`` for texts that name it so)."""
        text = self.catalogues[self._language].get(key)
        if text is None:
            log.error("missing translation %s for %s", key, self._language)
            return f"[{key}]"
        # ``str`` first: isinstance against typing's Mapping costs about 50 µs, and a screen's
        # retranslate asks for a few hundred texts.
        if not isinstance(text, str):
            if count is None:
                log.error("translation %s is a plural message: call t() with count=", key)
                return f"[{key}]"
            form = text.get(plural_category(self._language, count)) or text.get("other")
            if form is None:
                log.error("translation %s for %s has no %r form", key, self._language,
                          plural_category(self._language, count))
                return f"[{key}]"
            text = form
        if count is not None:
            # The number is {n} in a plural message; older texts call it {count}.
            values.setdefault("n", count)
            values.setdefault("count", count)
        if self.rtl:
            # A Finnish name, an address or a code inside an Arabic sentence keeps its order.
            values = {k: self.isolate(v) if isinstance(v, str) else v for k, v in values.items()}
        return text.format(**values) if values else text

    def plural(self, key: str, n: int, **values) -> str:
        """Kept for callers written before ``t(count=)``: the same thing."""
        return self.t(key, count=n, **values)

    def label(self, kind: str, code: str) -> str:
        """The label of a code-list value, e.g. ``label('sector', 'public')``."""
        return self.t(f"{kind}.{code}")

    def time(self, dt: datetime) -> str:
        """A clock time the way it is written in the language: 8.00 in fi/sv, 08:00 in en.
        In right-to-left text the time is kept left to right."""
        return self.ltr(self.t("format.clock", h=dt.hour, m=dt.minute))

    def date(self, d: date | datetime, style: str = "medium") -> str:
        """A date written as the language writes it (CLDR through Babel): 5.12.2026, 5 Dec 2026."""
        return format_date(d, style, locale=locale(self._language))

    def join(self, items) -> str:
        """A list as the language writes it: "a, b" ("a، b" in Arabic)."""
        return ("، " if self._language == "ar" else ", ").join(items)

    def ltr(self, text: str) -> str:
        """Numbers, times, codes and Latin names inside right-to-left text: a left-to-right
        isolate, so that "A012" or "8:05" read in order. Unchanged in left-to-right languages."""
        if not self.rtl or not text or text[0] in (LRI, RLI, FSI):
            return text
        return f"{LRI}{text}{PDI}"

    def isolate(self, text: str) -> str:
        """Catalogue or typed text of unknown direction inside a translated sentence (first
        strong character decides), so a Finnish name in an Arabic sentence keeps its order."""
        if not self.rtl or not text or text[0] in (LRI, RLI, FSI):
            return text
        return f"{FSI}{text}{PDI}"
