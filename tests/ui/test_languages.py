"""Issue 16, languages: the switch and Home on every screen (login too), Arabic right to
left, catalogue text in a fallback language with a visible note, the globe switch."""

from __future__ import annotations

import pytest

from tests.ui.conftest import settle
from ui.i18n import FSI, LANGUAGES, LRI, PDI, Translator


ALL = "languages = [" + ", ".join(f'"{lang}"' for lang in LANGUAGES) + "]"


# -- Qt-free -----------------------------------------------------------------------------------
def test_values_inside_arabic_sentences_are_isolated_and_times_read_left_to_right():
    from datetime import datetime

    tr = Translator("ar")
    what = tr.t("booking.what", service="Äitiysneuvola, Kontula")
    assert f"{FSI}Äitiysneuvola, Kontula{PDI}" in what
    assert tr.time(datetime(2026, 12, 5, 8, 5)) == f"{LRI}08:05{PDI}"
    assert tr.t("queue.wait", count=2) == "الانتظار المتوقع نحو دقيقتين"
    assert "5" in tr.t("queue.wait", count=5)
    tr.set_language("fi")  # no isolates in left-to-right text
    assert tr.t("booking.what", service="Äitiysneuvola") == "Mitä: Äitiysneuvola"
    assert tr.time(datetime(2026, 12, 5, 8, 5)) == "8.05"


def test_catalogue_text_language_is_the_ui_language_or_the_chosen_fallback():
    tr = Translator("fi")
    assert tr.data_language == "fi" and not tr.data_is_fallback
    tr.set_language("so")
    assert tr.data_language == "en" and tr.data_is_fallback
    seen = []
    tr.on_change(seen.append)
    tr.set_data_fallback("sv")
    assert tr.data_language == "sv" and seen == ["so"]  # screens rebuild with the new text
    with pytest.raises(ValueError):
        tr.set_data_fallback("ar")  # the catalogue has no Arabic
    tr.reset("fi")
    assert (tr.language, tr.data_fallback) == ("fi", "en")


# -- every screen ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_kiosk(tmp_path_factory):
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui.app import load_demo_catalogue
    from ui.screenshots import seed_participation

    tmp = tmp_path_factory.mktemp("languages")
    db = open_database(tmp / "kiosk.db")
    load_demo_catalogue(db)
    seed_participation(db)
    yield tmp, db, Catalogue(db)
    db.close()


@pytest.fixture
def demo(qtbot, demo_kiosk):
    """The demo kiosk's window with every service and the login attached, all languages offered."""
    from PySide6.QtWidgets import QApplication

    from ui import screenshots

    tmp, db, catalogue = demo_kiosk
    window = screenshots.demo_window(QApplication.instance(), db, catalogue, tmp, "1280x800")
    qtbot.addWidget(window)
    parts = screenshots.parts_of(window)
    yield window, parts
    parts.session_bridge.stop()
    window.close()
    settle(qtbot)


def _bar_in_front(window, parts):
    """The top bar the person sees: the login's own while a login covers the window."""
    for cover in (parts.login, parts.visitor_login):
        if cover is not None and cover.isVisible():
            return cover.top_bar, cover
    return window.top_bar, None


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["fi", "ar"])
def test_every_screen_has_the_language_switch_and_home(qtbot, demo, lang):
    """Walks every screenshot scene (resident, login, staff, video, booking, participation):
    the languages and Home are visible wherever the person is, except Home on the home screen."""
    from kiosk import flow as places
    from ui import screenshots

    window, parts = demo
    problems, seen, logins = [], 0, 0
    for name, action in screenshots.scenes(window):
        window.reset_for_next_person()
        window.translator.set_language(lang)
        action()
        settle(qtbot)
        seen += 1
        bar, cover = _bar_in_front(window, parts)
        logins += cover is not None
        if not bar.languages.isVisible() or not bar.languages.menu_button.isVisible():
            problems.append((name, "no language switch"))
        at_home = cover is None and window.flow.current.name == places.HOME
        if not at_home and not bar.home.isVisible():
            problems.append((name, "no Home"))
    assert seen > 25 and logins >= 1
    assert not problems, problems


@pytest.mark.gui
def test_home_during_login_drops_the_pending_action_and_goes_home(qtbot, demo):
    window, parts = demo
    window.flow.go("browse")
    parts.session.require("booking", lambda _identity: None)
    settle(qtbot)
    assert parts.login.isVisible() and parts.login.top_bar.home.isVisible()
    from PySide6.QtCore import Qt
    qtbot.mouseClick(parts.login.top_bar.home, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not parts.login.isVisible()
    assert parts.session.pending is None
    assert window.flow.current.name == "home"


@pytest.mark.gui
def test_the_language_can_be_changed_during_login(qtbot, demo):
    from PySide6.QtCore import Qt

    window, parts = demo
    parts.session.require("booking", lambda _identity: None)
    settle(qtbot)
    switch = parts.login.top_bar.languages
    qtbot.mouseClick(switch.menu_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(switch.panel.isVisible)
    qtbot.mouseClick(switch.buttons["sv"], Qt.MouseButton.LeftButton)
    assert window.translator.language == "sv"
    assert parts.login.heading.text() == window.translator.t("login.title") == "Identifiera dig"
    assert not switch.panel.isVisible()


# -- the globe switch ----------------------------------------------------------------------------
@pytest.mark.gui
def test_more_than_three_languages_fold_into_one_globe_button(qtbot, make_window):
    from PySide6.QtCore import Qt

    window = make_window(resolution="1280x800", extra_ui=ALL)
    switch = window.top_bar.languages
    assert switch.menu_button is not None and switch.menu_button.text() == "Suomi"
    assert not switch.panel.isVisible()
    qtbot.mouseClick(switch.menu_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(switch.panel.isVisible)
    assert [b.text() for b in switch.buttons.values()] == [
        "Suomi", "Svenska", "English", "Eesti", "Русский", "Українська", "Soomaali", "العربية"]
    # A tap elsewhere closes it: on the screen, so through the window as a touch arrives.
    at = window.top_bar.title.mapTo(window, window.top_bar.title.rect().center())
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=at)
    assert not switch.panel.isVisible() and window.translator.language == "fi"
    qtbot.mouseClick(switch.menu_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(switch.panel.isVisible)
    qtbot.mouseClick(switch.buttons["uk"], Qt.MouseButton.LeftButton)
    assert window.translator.language == "uk"
    assert switch.menu_button.text() == "Українська"
    assert window.top_bar.title.text() == window.translator.t("home.bar_title")
    # The whole bar still fits the small screen.
    assert window.top_bar.sizeHint().width() <= 1280


def test_opening_the_menu_loads_each_languages_data_off_the_gui_thread(qtbot, make_window, monkeypatch):
    """Babel reads a locale's data at its first use (40-90 ms): the open menu has it read on
    the runner, so the switch itself reads nothing on the GUI thread."""
    import threading

    from PySide6.QtCore import Qt

    from ui import i18n

    window = make_window(resolution="1280x800", extra_ui=ALL)
    switch = window.top_bar.languages
    first_use: dict[str, str] = {}  # language -> the thread its data was first asked on
    real_parse = i18n.Locale.parse

    class SpyLocale:  # a spy around Babel's real Locale.parse: the data is really read
        @staticmethod
        def parse(name):
            first_use.setdefault(name.split("_")[0], threading.current_thread().name)
            return real_parse(name)
    monkeypatch.setattr(i18n, "Locale", SpyLocale)
    i18n.locale.cache_clear()  # earlier tests of this process loaded them already
    others = set(switch.languages) - {"fi"}
    try:
        qtbot.mouseClick(switch.menu_button, Qt.MouseButton.LeftButton)
        # The network pool's jobs (tests/ui/conftest.background_done waits for the database's only).
        qtbot.waitUntil(lambda: others <= set(first_use), timeout=20_000)
        for lang in ("uk", "ar", "sv"):
            qtbot.mouseClick(switch.buttons[lang], Qt.MouseButton.LeftButton)
            assert window.translator.language == lang
            qtbot.mouseClick(switch.menu_button, Qt.MouseButton.LeftButton)
    finally:
        i18n.locale.cache_clear()  # no spy left in the cache for later tests
    assert all(first_use[lang].startswith("kiosk-net") for lang in others), first_use


@pytest.mark.gui
def test_three_languages_stay_as_buttons(window):
    assert window.top_bar.languages.menu_button is None
    assert set(window.top_bar.language_buttons) == {"fi", "sv", "en"}


# -- right to left -------------------------------------------------------------------------------
@pytest.mark.gui
def test_arabic_mirrors_the_layout_and_finnish_restores_it(qtbot, make_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window(extra_ui=ALL)
    window.flow.go("browse")
    settle(qtbot)
    bar = window.top_bar
    assert bar.back.x() < bar.home.x()  # left to right: Back first from the left
    window.translator.set_language("ar")
    settle(qtbot)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert bar.back.x() > bar.home.x()  # mirrored: Back stands at the right
    assert bar.languages.x() < bar.home.x()
    window.translator.set_language("fi")
    settle(qtbot)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert bar.back.x() < bar.home.x()


@pytest.mark.gui
def test_the_pin_pad_keeps_its_digits_from_the_left_in_arabic(qtbot, demo):
    from PySide6.QtCore import Qt

    window, parts = demo
    window.translator.set_language("ar")
    parts.session.require("booking", lambda _identity: None)
    parts.login.choose("card")
    settle(qtbot)
    pad = parts.login.card_pad
    assert pad.layoutDirection() == Qt.LayoutDirection.LeftToRight
    keys = {b.text(): b for b in pad.findChildren(type(parts.login.back)) if b.text() in ("1", "2", "3")}
    assert keys["1"].x() < keys["2"].x() < keys["3"].x()


@pytest.mark.gui
def test_a_new_window_starts_left_to_right_whatever_the_last_one_was(qtbot, make_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    first = make_window(extra_ui=ALL)
    first.translator.set_language("ar")
    make_window(extra_ui=ALL)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


# -- catalogue text fallback ---------------------------------------------------------------------
@pytest.mark.gui
@pytest.mark.conformance("WCAG 3.1.2")
def test_service_card_in_a_language_without_catalogue_text_says_so_and_offers_fi_sv_en(qtbot, make_window):
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtWidgets import QFrame

    window = make_window(extra_ui=ALL)
    window.flow.go("service", service_id="maternity-clinic")
    card = window.current_screen()
    window.translator.set_language("ru")
    settle(qtbot)
    title = card.body.itemAt(0).widget()
    assert title.text() == "Maternity clinic"  # English by default
    assert title.locale().name().startswith("en")
    assert card.fallback_text.isVisible()
    assert "английский" in card.fallback_text.text()
    qtbot.mouseClick(card.fallback_buttons["fi"], Qt.MouseButton.LeftButton)
    settle(qtbot)
    title = card.body.itemAt(0).widget()
    assert title.text() == "Äitiysneuvola"
    assert title.locale().language() == QLocale.Language.Finnish
    assert "финский" in card.fallback_text.text()
    # Arabic: the Finnish text keeps its own direction inside the mirrored card.
    window.translator.set_language("ar")
    settle(qtbot)
    title = card.body.itemAt(0).widget()
    assert title.text() == "Äitiysneuvola"
    assert title.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert card.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # In fi/sv/en there is no note; the next person starts from English again.
    window.translator.set_language("sv")
    settle(qtbot)
    assert card.body.itemAt(0).widget().text() == "Mödrarådgivning"
    assert not [w for w in card.findChildren(QFrame, "service-fallback-note") if w.isVisible()]
    window.reset_for_next_person()
    assert window.translator.data_fallback == "en"


@pytest.mark.gui
def test_results_offer_the_persons_own_language_as_a_filter_beside_fi_sv_en(qtbot, make_window):
    """Found on the ar screenshots: eight language chips were cut at 1280x800."""
    window = make_window(resolution="1280x800", extra_ui=ALL)
    window.flow.go("results")
    screen = window.current_screen()
    screen.open_choices(True)
    window.translator.set_language("so")
    settle(qtbot)
    shown = {lang for lang, b in screen.language_chips.items() if b.isVisible()}
    assert shown == {"fi", "sv", "en", "so"}
    screen.language_chips["so"].click()
    settle(qtbot)
    assert screen.filter.language == "so"
    window.translator.set_language("ar")  # the Somali chip goes, and so does its choice
    settle(qtbot)
    assert screen.filter.language is None
    assert all(b.sizeHint().width() <= b.width() + 1 for b in screen.language_chips.values() if b.isVisible())


def _ink_span(window, w) -> tuple[int, int]:
    """The leftmost and rightmost column, in the window, where ``w`` draws dark letters."""
    from PySide6.QtGui import QColor

    r = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
    image = window.grab(r).toImage()
    xs = [x for x in range(image.width()) for y in range(0, image.height(), 2)
          if QColor(image.pixel(x, y)).lightness() < 110]
    assert xs, (w.objectName(), w.text())
    return r.left() + min(xs), r.left() + max(xs)


def _right_edge(window, w) -> int:
    return w.mapTo(window, w.rect().topRight()).x()


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.3.2")
def test_english_catalogue_text_in_arabic_stands_at_the_right_and_reads_left_to_right(qtbot, demo):
    """Catalogue text falls back to English in Arabic: the row, the card and the take-part
    question stay mirrored (the English name at the right edge, above the badges that flow from
    the right), while the words read left to right inside their box. The words' own direction
    had put the name at the left: the results row looked half mirrored."""
    from PySide6.QtCore import Qt

    from ui import screenshots
    from ui.widgets.service_row import ServiceRow

    window, _parts = demo
    scenes = dict(screenshots.scenes(window))

    def show(scene):
        window.reset_for_next_person()
        window.translator.set_language("ar")
        scenes[scene]()
        settle(qtbot)
        return window.current_screen()

    def at_the_right(w, slack=8):
        assert w.layoutDirection() == Qt.LayoutDirection.LeftToRight, w.text()   # the words' own order
        left, right = _ink_span(window, w)
        assert right >= _right_edge(window, w) - slack, (w.text(), left, right, _right_edge(window, w))

    screen = show("05-results")
    rows = [r for r in screen.findChildren(ServiceRow) if r.isVisible()][:2]
    assert rows
    for row in rows:
        title = row.body.itemAt(0).widget()
        assert title.text().isascii() and title.property("lang") == "en"
        at_the_right(title)
        badge = next(w for w in row.findChildren(type(row.body.itemAt(1).layout().itemAt(0).widget()))
                     if w.objectName().startswith("badge-") and w.isVisible())
        assert abs(_right_edge(window, badge) - _right_edge(window, title)) <= 4   # one right edge
        at_the_right(row.body.itemAt(2).widget())   # the provider, under the badges
    card = show("10-service-card")
    at_the_right(card.body.itemAt(0).widget())
    assert card.fallback_text.isVisible()   # "the text is in English" stays said
    screen = show("31-participation-question")
    at_the_right(screen.q_title)
