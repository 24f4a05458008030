"""Every user-facing string is translated: same keys in fi/sv/en, live switching, no leftovers."""

from __future__ import annotations

import re
import string

import pytest

from tests.ui.conftest import settle, visible_texts
from ui.i18n import LANGUAGES, Translator, load_catalogues


@pytest.fixture(scope="module")
def catalogues():
    return load_catalogues()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_all_languages_have_the_same_keys_and_no_empty_texts(catalogues):
    keys = {lang: set(cat) for lang, cat in catalogues.items()}
    assert keys["fi"] == keys["sv"] == keys["en"], {
        lang: sorted(keys[lang] ^ keys["fi"]) for lang in LANGUAGES}
    for lang, cat in catalogues.items():
        assert all(text.strip() for text in cat.values()), lang


def test_placeholders_match_across_languages(catalogues):
    for key in catalogues["fi"]:
        found = {lang: placeholders(catalogues[lang][key]) for lang in LANGUAGES}
        assert found["fi"] == found["sv"] == found["en"], (key, found)


# Texts that are rightly the same in every language.
SAME_EVERYWHERE = {"common.ok", "language.fi.own_name", "language.sv.own_name", "language.en.own_name",
                   "format.clock"}


def test_no_text_was_left_in_another_language(catalogues):
    """A text equal to another language's is a forgotten translation, unless it is listed above."""
    copied = []
    for key in catalogues["fi"]:
        if key in SAME_EVERYWHERE:
            continue
        for a in LANGUAGES:
            for b in LANGUAGES:
                if a < b and catalogues[a][key] == catalogues[b][key]:
                    copied.append((key, a, b, catalogues[a][key]))
    assert not copied, copied


def test_code_lists_have_labels_in_every_language(catalogues):
    from kiosk.catalogue import vocab

    for kind, codes in (("sector", vocab.SECTORS), ("target_group", vocab.TARGET_GROUPS),
                        ("life_event", vocab.LIFE_EVENTS), ("channel", vocab.CHANNEL_KINDS),
                        ("charge", vocab.CHARGE_TYPES), ("weekday", vocab.WEEKDAYS),
                        ("weekday.on", vocab.WEEKDAYS)):
        for code in codes:
            for lang in LANGUAGES:
                assert f"{kind}.{code}" in catalogues[lang], (lang, kind, code)


def test_a_missing_key_is_shown_as_a_key_not_in_another_language(caplog):
    tr = Translator("sv", {"fi": {"a": "yksi"}, "sv": {}, "en": {"a": "one"}})
    assert tr.t("a") == "[a]"
    assert "missing translation a" in caplog.text


def test_plural_and_clock(catalogues):
    tr = Translator("fi", catalogues)
    assert tr.plural("results.count", 1) == "1 palvelu"
    assert tr.plural("results.count", 3) == "3 palvelua"
    tr.set_language("en")
    assert tr.plural("results.count", 3) == "3 services"
    assert tr.t("format.clock", h=8, m=5) == "08:05"
    tr.set_language("sv")
    assert tr.t("format.clock", h=8, m=5) == "8.05"


def _template_patterns(catalogue: dict[str, str]) -> list[re.Pattern]:
    pats = []
    for text in catalogue.values():
        literal = re.sub(r"\{[^}]*\}", "", text)
        if len(literal.strip(" .,:;–-")) < 2:
            continue  # e.g. "{h}.{m:02d}": nothing language-specific to recognise
        parts = re.split(r"\{[^}]*\}", text)
        pats.append(re.compile("^" + ".+".join(re.escape(p) for p in parts) + "$", re.S))
    return pats


def _open_every_screen(window):
    """Visit each place once so that every screen is built, ending on a rich one."""
    window.flow.go("staff")
    window.flow.home()
    window.flow.go("browse")
    window.flow.go("search")
    window.screen("search").field.setText("neuvola")
    window.flow.back()
    window.flow.go("results")
    window.flow.go("service", service_id="maternity-clinic")


def _problems(window, lang, catalogues, patterns):
    """Visible strings that are another language's UI text, or raw keys."""
    problems = []
    own = patterns[lang]
    for screen_name, screen in window.built_screens().items():
        window.stack.setCurrentWidget(screen)
        for root in (window.top_bar, screen):
            for widget, text in visible_texts(root):
                if len(text) <= 1 or text.startswith("[") and text.endswith("]"):
                    if text.startswith("["):
                        problems.append((screen_name, text, "raw key"))
                    continue
                if text in catalogues[lang].values() or any(p.match(text) for p in own):
                    continue
                for other in LANGUAGES:
                    if other != lang and (text in catalogues[other].values()
                                          or any(p.match(text) for p in patterns[other])):
                        problems.append((screen_name, text, f"{other} text in {lang}"))
                        break
    return problems


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_screen_is_fully_translated_after_a_live_switch(qtbot, window, catalogues, lang):
    patterns = {code: _template_patterns(cat) for code, cat in catalogues.items()}
    _open_every_screen(window)
    settle(qtbot)
    before = {id(w): t for w, t in visible_texts(window)}
    # The switch happens on the service card, through the real button in the top bar.
    from PySide6.QtCore import Qt
    qtbot.mouseClick(window.top_bar.language_buttons[lang], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.translator.language == lang
    after = visible_texts(window)
    assert any(before.get(id(w)) not in (None, t) for w, t in after), "nothing changed on screen"
    problems = _problems(window, lang, catalogues, patterns)
    assert not problems, problems


@pytest.mark.gui
def test_finnish_screens_show_no_swedish_or_english_ui_text(qtbot, window, catalogues):
    patterns = {code: _template_patterns(cat) for code, cat in catalogues.items()}
    window.translator.set_language("en")
    _open_every_screen(window)
    window.translator.set_language("fi")
    settle(qtbot)
    assert not _problems(window, "fi", catalogues, patterns)


@pytest.mark.gui
def test_catalogue_text_follows_the_language(qtbot, window):
    window.flow.go("service", service_id="maternity-clinic")
    card = window.current_screen()
    window.translator.set_language("sv")
    assert card.body.itemAt(0).widget().text() == "Mödrarådgivning"
    assert "Mödrarådgivning" in card.qr.text and "Gårdsbackavägen 1" in card.qr.text
    window.translator.set_language("fi")
    assert card.body.itemAt(0).widget().text() == "Äitiysneuvola"
