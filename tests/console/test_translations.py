"""Every console word exists in fi, sv and en, and every key the templates and code use exists."""

from __future__ import annotations

import re
from pathlib import Path

from sync.server.console.i18n import LANGUAGES, catalogue

CONSOLE = Path(__file__).resolve().parents[2] / "sync" / "server" / "console"


def test_every_key_exists_in_every_language():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert keys[lang] == keys["fi"], (lang, keys[lang] ^ keys["fi"])
        assert all(v.strip() for v in catalogue(lang).values()), lang


def test_every_literal_key_used_is_translated():
    used = set()
    for path in [*CONSOLE.glob("templates/*.html"), *CONSOLE.glob("*.py"), CONSOLE.parent / "reports.py"]:
        used |= set(re.findall(r"""\bt\(["']([a-z0-9_]+)["'] *[,)]""", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"""\btext\(lang, ["']([a-z0-9_]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "found no keys: the pattern is wrong"
    missing = used - set(catalogue("fi"))
    assert not missing, missing


def test_placeholders_match_across_languages():
    fields = lambda s: sorted(re.findall(r"\{(\w+)\}", s))  # noqa: E731
    for key, fi in catalogue("fi").items():
        for lang in LANGUAGES:
            assert fields(catalogue(lang)[key]) == fields(fi), (lang, key)
