"""Every user-facing string is translated: same keys in fi/sv/en, live switching, no leftovers."""

from __future__ import annotations

import re
import string

import pytest

from tests.ui.conftest import settle, visible_texts
from ui.i18n import LANGUAGES, Translator, load_catalogues, plural_categories


@pytest.fixture(scope="module")
def catalogues():
    return load_catalogues()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def forms(message) -> list[str]:
    """The texts of a message: itself, or each plural form of a plural message."""
    return list(message.values()) if isinstance(message, dict) else [message]


def all_texts(catalogue) -> set[str]:
    return {text for message in catalogue.values() for text in forms(message)}


def test_all_languages_have_the_same_keys_and_no_empty_texts(catalogues):
    assert set(catalogues) == set(LANGUAGES)
    keys = {lang: set(cat) for lang, cat in catalogues.items()}
    for lang in LANGUAGES:
        assert keys[lang] == keys["fi"], (lang, sorted(keys[lang] ^ keys["fi"]))
    for lang, cat in catalogues.items():
        for key, message in cat.items():
            assert all(isinstance(text, str) and text.strip() for text in forms(message)), (lang, key)


def test_placeholders_match_across_languages(catalogues):
    """Every form of every message uses the same placeholders as Finnish; a plural form
    may leave out {n} (Arabic "one" and "two" say the number in the word)."""
    for key, fi in catalogues["fi"].items():
        expected = set().union(*(placeholders(text) for text in forms(fi)))
        for lang in LANGUAGES:
            message = catalogues[lang][key]
            for form in forms(message):
                got = placeholders(form)
                if isinstance(message, dict):
                    assert got <= expected and expected - {"n"} <= got, (lang, key, form)
                else:
                    assert got == expected, (lang, key, form)


def test_plural_messages_have_every_form_their_language_needs(catalogues):
    """A message that is plural in Finnish is plural everywhere, with exactly the CLDR
    categories of each language's rule (Babel's), no fewer and no made-up ones."""
    plural_keys = {key for key, message in catalogues["fi"].items() if isinstance(message, dict)}
    assert {"results.count", "queue.wait", "idle.message"} <= plural_keys
    for lang in LANGUAGES:
        needed = plural_categories(lang)
        for key in plural_keys:
            message = catalogues[lang][key]
            assert isinstance(message, dict), (lang, key)
            assert set(message) == needed, (lang, key, sorted(needed ^ set(message)))
        for key, message in catalogues[lang].items():
            assert isinstance(message, str) or key in plural_keys, (lang, key, "plural only here")


def test_arabic_uses_all_six_cldr_forms():
    assert plural_categories("ar") == {"zero", "one", "two", "few", "many", "other"}
    assert plural_categories("ru") == {"one", "few", "many", "other"}
    assert plural_categories("fi") == {"one", "other"}


def test_count_picks_the_form_by_the_languages_rule():
    cats = {"fi": {"x": {"one": "{n} yksi", "other": "{n} monta"}},
            "ar": {"x": {"zero": "z{n}", "one": "o", "two": "t", "few": "f{n}", "many": "m{n}", "other": "x{n}"}},
            "ru": {"x": {"one": "o{n}", "few": "f{n}", "many": "m{n}", "other": "x{n}"}}}
    tr = Translator("ar", cats)
    assert [tr.t("x", count=n) for n in (0, 1, 2, 3, 11, 100)] == ["z0", "o", "t", "f3", "m11", "x100"]
    tr.set_language("ru")
    assert [tr.t("x", count=n) for n in (1, 2, 5, 21, 22, 25, 11)] == ["o1", "f2", "m5", "o21", "f22", "m25", "m11"]
    tr.set_language("fi")
    assert tr.t("x", count=1) == "1 yksi" and tr.plural("x", 7) == "7 monta"


def test_a_plural_message_without_count_is_a_visible_bug(caplog):
    tr = Translator("fi", {"fi": {"x": {"one": "a", "other": "b"}}})
    assert tr.t("x") == "[x]"
    assert "count=" in caplog.text


def test_no_fake_plurals_left(catalogues):
    """Words that change with a number ("1 minute", "5 minutes") are plural messages, not
    "{minutes} min" or a sentence that is wrong for one."""
    for lang in ("fi", "sv", "en"):
        for key, message in catalogues[lang].items():
            # Staff statistics and the desk's "why next" give minutes as a unit, not as words.
            if isinstance(message, str) and key != "staff_queue.today" and not key.startswith("staff_queue.why."):
                assert not re.search(r"\{\w+\} min\b", message), (lang, key, message)


# Texts that are rightly the same in every language.
# A script is named in itself on the keyboard's switch key, as a language on its button.
SAME_EVERYWHERE = {"common.ok", "format.clock", "staff_queue.appt.row", *(f"language.{code}.own_name" for code in LANGUAGES),
                   "keyboard.script.latin", "keyboard.script.cyrillic", "keyboard.script.arabic"}
# ...and words two languages rightly share (Estonian writes "Number", "Telefon", "E-post" too).
RIGHTLY_SAME = {("queue_display.number", "en", "et"), ("service.email", "et", "sv"), ("service.phone", "et", "sv")}
# Close relatives share many short words ("Valmis", "Готово", "Перед вами: {n}"); a longer
# text equal in both is still a copy.
CLOSE_LANGUAGES = ({"fi", "et"}, {"ru", "uk"})


def _rightly_same(key: str, a: str, b: str, text) -> bool:
    if (key, a, b) in RIGHTLY_SAME:
        return True
    words = re.sub(r"\{[^}]*\}", "", " ".join(forms(text))).split()
    return {a, b} in CLOSE_LANGUAGES and len(words) <= 3


def test_no_text_was_left_in_another_language(catalogues):
    """A text equal to another language's is a forgotten translation, unless it is listed above."""
    copied = []
    for key in catalogues["fi"]:
        if key in SAME_EVERYWHERE:
            continue
        for a in LANGUAGES:
            for b in LANGUAGES:
                if (a < b and catalogues[a][key] == catalogues[b][key]
                        and not _rightly_same(key, a, b, catalogues[a][key])):
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
    assert tr.t("results.count", count=3) == "3 palvelua"
    tr.set_language("en")
    assert tr.plural("results.count", 3) == "3 services"
    assert tr.t("queue.wait", count=1) == "Estimated wait about 1 minute"
    assert tr.t("format.clock", h=8, m=5) == "08:05"
    tr.set_language("sv")
    assert tr.t("format.clock", h=8, m=5) == "8.05"


def test_dates_are_written_by_cldr():
    from datetime import date

    tr = Translator("fi")
    assert tr.date(date(2026, 12, 5)) == "5.12.2026"
    tr.set_language("en")
    assert tr.date(date(2026, 12, 5)) == "5 Dec 2026"
    tr.set_language("ru")
    assert "2026" in tr.date(date(2026, 12, 5)) and "дек" in tr.date(date(2026, 12, 5))


def _template_patterns(catalogue: dict[str, str]) -> list[re.Pattern]:
    pats = []
    for text in all_texts(catalogue):
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
                if text in all_texts(catalogues[lang]) or any(p.match(text) for p in own):
                    continue
                for other in LANGUAGES:
                    if other != lang and (text in all_texts(catalogues[other])
                                          or any(p.match(text) for p in patterns[other])):
                        problems.append((screen_name, text, f"{other} text in {lang}"))
                        break
    return problems


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.conformance("WCAG 3.1.1")
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


# -- no English or raw text on a fi or sv screen ------------------------------------------------
# What may stand on a screen without being a translation: numbers, times, dates, signs,
# ticket numbers (A001), booking references (K7QP-3MZD), the kiosk's version.
_DATA = re.compile(r"^[\d\s\u00a0.,:;–\-+/%()#·✓⌫‹›<>?!…°€]*$|^[A-Z]\d{3}$|^[A-Z0-9]{4}-[A-Z0-9]{4}$|^\d+(\.\d+)*$"
                   r"|^\w+=[^;=]*(; \w+=[^;=]*)*$"  # an outbox item's identifiers, shown to IT as such
                   r"|^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")  # an outbox item's own id, for IT
_SEPARATORS = (". ", ".. ", ", ", "\n", " · ", " – ", ": ", "–", " ")  # how screens join texts


def _catalogue_texts(catalogue, more=()) -> set[str]:
    """Every string of the catalogue in use (its services, providers, channels, hours), in
    every language: catalogue text comes from the data."""
    import dataclasses

    seen: set[str] = set()

    def walk(value, depth=0):
        if depth > 8 or value is None:
            return
        if isinstance(value, str):
            if value.strip():
                seen.add(value.strip())
        elif isinstance(value, dict):
            for v in value.values():
                walk(v, depth + 1)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for v in value:
                walk(v, depth + 1)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), depth + 1)
    for service in catalogue.all_services():
        walk(service)
    walk(list(more))  # the catalogue's other entries (participation questions, ideas)
    return seen


def _template_matchers(catalogue: dict[str, str]) -> list[re.Pattern]:
    out = []
    for text in all_texts(catalogue):
        parts = re.split(r"\{[^}]*\}", text)
        if len(parts) == 1:
            continue
        out.append(re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$", re.S))
    return out


class _WordsCheck:
    """Is a visible string from the translations of ``lang``, from the catalogue, or data?
    Screens join such texts (an accessible name "Service. Provider. Open now", an address
    "Street 2, 00940 Helsinki"): a string made of allowed parts is allowed; one English
    word or exception text among them is not."""

    def __init__(self, lang: str, catalogues, catalogue, extra: set[str], entries=()):
        own = {v.strip() for v in all_texts(catalogues[lang])}
        own |= set(catalogues[lang].get(f"language.{code}.own_name", "") for code in LANGUAGES)
        data = _catalogue_texts(catalogue, entries) | extra
        known = own | data
        # Sentence case and the full stop depend on where a text is put.
        self.known = known | {k.rstrip(".") for k in known} | {k.lower() for k in known}
        self.matchers = _template_matchers(catalogues[lang])
        self._memo: dict[str, bool] = {}

    def allowed(self, raw: str, depth: int = 0) -> bool:
        text = raw.strip().rstrip(".").strip()
        if len(text) <= 1 or text in self.known or text.lower() in self.known or _DATA.match(text):
            return True
        if "\n" in text:  # lines are texts of their own: checked one by one, not as a deep split
            return all(self.allowed(line, depth) for line in raw.split("\n") if line.strip())
        if text.startswith(("‹", "›", "✓")):  # the arrow of Back, the check mark of a chosen chip
            return self.allowed(text[1:], depth)
        if depth > 6:
            return False
        if text in self._memo:
            return self._memo[text]
        self._memo[text] = False
        ok = any(all(self.allowed(g, depth + 1) for g in hit.groups())
                 for hit in (m.match(t) for m in self.matchers for t in {text, raw.strip(), text + "."}) if hit)
        if not ok:
            for sep in _SEPARATORS:
                i = text.find(sep)
                while i > 0 and not ok:
                    ok = self.allowed(text[:i], depth + 1) and self.allowed(text[i + len(sep):], depth + 1)
                    i = text.find(sep, i + 1)
                if ok:
                    break
        self._memo[text] = ok
        return ok


@pytest.fixture(scope="module")
def demo_kiosk(tmp_path_factory):
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui.app import load_demo_catalogue

    tmp = tmp_path_factory.mktemp("words")
    db = open_database(tmp / "kiosk.db")
    load_demo_catalogue(db)
    from ui.screenshots import seed_participation
    seed_participation(db)  # the participation scenes show the demo questions, as the screenshots do
    yield tmp, db, Catalogue(db)
    db.close()


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_or_raw_text_on_any_fi_or_sv_screen(qtbot, demo_kiosk, catalogues, lang):
    """Issue 11: every screen (the screenshot scenes: resident, nurse, staff, login, video,
    booking, offline) in fi and sv; any visible string that is neither a translation of
    that language, nor catalogue data, nor a number or code fails."""
    from PySide6.QtWidgets import QApplication

    from kiosk.identity.keys import Identity
    from ui import screenshots

    tmp, db, catalogue = demo_kiosk
    window = screenshots.demo_window(QApplication.instance(), db, catalogue, tmp, "1280x800")
    qtbot.addWidget(window)
    parts = screenshots.parts_of(window)
    config = window.config
    from ui.app import version
    extra = {config.device.site, config.device.name, version(), "Demo Nurse", "Maija Meikäläinen", "Maija",
             "xyzzy", "neuvola",  # what the search scenes type
             *config.queue.rooms, *(line.prefix for line in parts.queue.lines.values())}
    from kiosk.storage.models import CatalogueEntryRecord
    with db.sessions() as s:
        entries = [r.data for r in s.query(CatalogueEntryRecord)]
    check = _WordsCheck(lang, catalogues, catalogue, extra, entries)
    problems, seen_scenes = [], []
    for name, action in screenshots.scenes(window):
        window.reset_for_next_person()
        window.translator.set_language(lang)
        action()
        settle(qtbot)
        seen_scenes.append(name)
        roots = [window.top_bar, window.current_screen()]
        roots += [w for w in (parts.login, parts.session_bridge.badge, window.overlay) if w.isVisible()]
        for root in roots:
            for _widget, text in visible_texts(root):
                if not check.allowed(text):
                    problems.append((name, text))
    window.reset_for_next_person()
    window.translator.set_language(lang)
    # Connection and sending, offline, with the sync client's raw error and an item set aside.
    from datetime import datetime, timezone

    from kiosk import outbox
    from kiosk.outbox import OutboxReview
    from sync.worker import SyncStatus
    from ui.screens.sync_status import SyncStatusScreen
    with db.sessions.begin() as s:
        item = outbox.record(s, "staff_audit", {"staff_id": "p", "event": "o"})
    with db.sessions.begin() as s:
        outbox.quarantine(s, item.id, "unknown_service", "service x is not in this site's catalogue")
    status_screen = SyncStatusScreen(tr=window.translator, metrics=window.metrics, review=OutboxReview(db),
                                     sync_now=lambda: None, staff=lambda: "demo-nurse")
    qtbot.addWidget(status_screen)
    status_screen.show()
    status_screen.set_status(SyncStatus(online=False, enrolled=True, pending=1,
                                        last_error="cannot reach the backend (Connection refused)",
                                        last_sync_at=datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)))
    status_screen._act(lambda: outbox.OutboxReview(db).retry("no-such-item", staff="demo-nurse"))
    settle(qtbot)  # the retry is tried on the database thread
    seen_scenes.append("sync-status-offline")
    problems += [("sync-status-offline", text) for _w, text in visible_texts(status_screen)
                 if not check.allowed(text)]
    # Close here, while the platform's size-hint notices are still this test's to ignore.
    parts.session_bridge.stop()
    for w in (status_screen, window):
        w.close()
    settle(qtbot)
    assert len(seen_scenes) > 25  # every screen, including the staff and service ones
    assert not problems, sorted(set(problems))


# Words that name a control by what it looks like, in the languages the team reads.
_LOOKS = {
    "en": r"\b(green|red|blue|yellow|orange|grey|gray|round|square|triangle|circle)\b",
    "fi": r"\b(vihre\w*|puna\w*|sini\w*|kelta\w*|orans\w*|harma\w*|pyöre\w*|neliö\w*|kolmio\w*|ympyr\w*)\b",
    "sv": r"\b(grön\w*|röd\w*|blå\w*|gul\w*|orange\w*|grå\w*|rund\w*|fyrkant\w*|triangel\w*|cirkel\w*)\b",
}


@pytest.mark.conformance("WCAG 1.3.3")
def test_no_text_names_a_control_by_its_colour_or_shape(catalogues):
    """Instructions never rely on how a control looks ("press the green button"): a colour or
    shape word in a text would be one. A place on the screen ("the keyboard below", "at the top
    of the screen") is always said with the control's name (looked at in en, fi and sv)."""
    found = {}
    for lang, pattern in _LOOKS.items():
        rx = re.compile(pattern, re.IGNORECASE)
        for key, message in catalogues[lang].items():
            for text in forms(message):
                if rx.search(text):
                    found[(lang, key)] = text
    assert not found, found
