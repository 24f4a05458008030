"""Touch and reading: accessible names, big targets, contrast, nothing cut off, kinetic scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QComboBox, QLabel, QLineEdit, QPushButton, QScroller,
                               QScrollArea, QStyle, QStyleOptionButton, QWidget)

from tests.ui.conftest import settle
from ui.theme import THEMES, contrast_ratio, metrics_for, text_pairs

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSlider)


def open_every_screen(window):
    window.flow.go("staff")
    window.flow.home()
    window.flow.go("browse")
    window.flow.go("results")
    window.flow.go("service", service_id="health-station")
    window.flow.home()
    window.flow.go("search")
    window.screen("search").field.setText("neuvola")


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.conformance("WCAG 1.4.3")
def test_every_text_colour_meets_wcag_aa(theme):
    for what, fg, bg in text_pairs(THEMES[theme]):
        assert contrast_ratio(fg, bg) >= 4.5, f"{theme}: {what} {fg} on {bg} is {contrast_ratio(fg, bg):.2f}:1"


def test_contrast_formula_knows_black_on_white():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.conformance("5.5.1", "WCAG 2.5.8")
def test_type_and_touch_sizes():
    big = metrics_for("1920x1080")
    assert big.body_pt >= 20 and big.small_pt >= 20
    assert big.touch_px >= 64
    small = metrics_for("1280x800")
    assert small.touch_px >= 64 and small.body_pt >= 16


@pytest.mark.gui
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
@pytest.mark.conformance("WCAG 4.1.2", "WCAG 2.5.8", "5.5.1", "WCAG 2.4.6")
def test_every_interactive_widget_has_a_name_and_is_big_enough(qtbot, make_window, resolution):
    window = make_window(resolution)
    window.translator.set_language("en")
    open_every_screen(window)
    settle(qtbot)
    missing, small = [], []
    for name, screen in window.built_screens().items():
        window.stack.setCurrentWidget(screen)
        settle(qtbot)
        for root in (window.top_bar, screen):
            for w in root.findChildren(QWidget):
                if not isinstance(w, INTERACTIVE):
                    continue
                if isinstance(w, QAbstractSlider):
                    continue  # scroll bars: the list itself scrolls under a finger
                if not w.isVisibleTo(root):
                    continue
                if not w.accessibleName().strip():
                    missing.append((name, type(w).__name__, w.objectName(), getattr(w, "text", lambda: "")()))
                if w.height() < 64:
                    small.append((name, w.objectName(), w.height()))
    assert not missing, missing
    assert not small, small


@pytest.mark.gui
@pytest.mark.conformance("5.1.4", "WCAG 1.4.4", "WCAG 1.4.10")
@pytest.mark.parametrize("size", ["normal", "larger"])
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_nothing_is_cut_off(qtbot, make_window, resolution, lang, size):
    """Long Finnish and Swedish words fit: every label and button has room for its text,
    also with the larger text (150 %) a resident switched on ("Aa")."""
    window = make_window(resolution)
    open_every_screen(window)
    window.translator.set_language(lang)
    # The 150 % step here; 200 % is test_every_scene_reflows_at_200_percent's, scene by scene.
    from ui.appearance import LARGER, NORMAL
    window.appearance.set_step(LARGER if size == "larger" else NORMAL)
    cut = []
    for name, screen in window.built_screens().items():
        window.stack.setCurrentWidget(screen)
        settle(qtbot)
        # A layout that needs more room than the screen pushes widgets past its edge.
        win = window.rect()
        for w in screen.findChildren(QWidget):
            if w.isVisibleTo(screen) and not _in_scroll_area(w):
                r = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
                if not win.contains(r):
                    cut.append((name, type(w).__name__, w.objectName(), "outside the screen", r.getRect()))
        for root in (window.top_bar, screen):
            cut += cut_words(name, root)
    assert not cut, cut


def cut_words(name: str, root: QWidget) -> list[tuple]:
    """Every visible label and button under ``root`` whose words do not fit where they are drawn."""
    cut: list[tuple] = []
    for w in root.findChildren(QLabel):
        if not w.isVisibleTo(root) or not w.text():
            continue
        # A label's style-sheet padding and border are its contents margins, and
        # heightForWidth and sizeHint count them: both are asked for the whole widget.
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + 2:
                cut.append((name, w.text()[:40], "height", need, w.height()))
            # Wrapping breaks between words only: one word longer than the room is cut at the side.
            longest = max(w.text().split(), key=w.fontMetrics().horizontalAdvance, default="")
            if w.fontMetrics().horizontalAdvance(longest) > w.contentsRect().width() + 2:
                cut.append((name, w.text()[:40], "word", longest, w.contentsRect().width()))
        elif w.sizeHint().width() > w.width() + 2:
            cut.append((name, w.text()[:40], "width", w.sizeHint().width(), w.width()))
    for w in root.findChildren(QAbstractButton):
        if not w.isVisibleTo(root) or not w.text():
            continue
        room = button_text_room(w)
        fm = w.fontMetrics()
        if fm.horizontalAdvance(w.text()) > room.width() or fm.height() > room.height():
            cut.append((name, w.text(), "button", (fm.horizontalAdvance(w.text()), fm.height()),
                        room.getRect(), w.size().toTuple()))
    return cut


def button_text_room(w: QAbstractButton):
    """Where a button's words are drawn: inside its style-sheet border and padding (and beside
    its icon), not its whole geometry, which is all that ``contentsRect()`` knows of."""
    if not isinstance(w, QPushButton):
        return w.contentsRect()
    opt = QStyleOptionButton()
    w.initStyleOption(opt)
    room = w.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, w)
    if not w.icon().isNull():
        room.setLeft(room.left() + w.iconSize().width() + 4)
    return room


@pytest.mark.gui
def test_the_cut_check_counts_padding_and_borders(qtbot):
    """Words that fit a widget's geometry but not the room inside its padding and border are
    cut on screen: the check above must see them."""
    from PySide6.QtWidgets import QVBoxLayout

    host = QWidget()
    col = QVBoxLayout(host)
    fitting = QPushButton("Kuntoutusohjaus")
    fitting.setStyleSheet("padding: 0px; border: none;")   # whatever the app's style sheet says
    padded = QPushButton("Kuntoutusohjaus")
    padded.setStyleSheet("padding: 0px 40px; border: 6px solid black;")
    tag = QLabel("Kuntoutusohjaus")
    tag.setStyleSheet("padding: 4px 40px; border: 3px solid black;")
    long_word = QLabel("Kuntoutusohjaus")
    long_word.setWordWrap(True)   # wraps, but only between words
    for w in (fitting, padded, tag, long_word):
        col.addWidget(w)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    for w in (fitting, padded, tag):
        # Room for the bare words and a little more, never for the padding too.
        w.setFixedWidth(w.fontMetrics().horizontalAdvance(w.text()) + 20)
    long_word.setFixedWidth(long_word.fontMetrics().horizontalAdvance("Kuntoutus"))
    settle(qtbot)
    found = [c[1:3] for c in cut_words("test", host)]
    assert found == [("Kuntoutusohjaus", "width"), ("Kuntoutusohjaus", "word"), ("Kuntoutusohjaus", "button")], found
    assert padded.contentsRect().width() == padded.width()   # what the old check looked at


def _in_scroll_area(w) -> bool:
    """Inside a scroll area, being below the fold is scrolling, not cutting."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return True
        p = p.parentWidget()
    return False


@pytest.mark.gui
@pytest.mark.conformance("5.9", "WCAG 2.5.1")
def test_lists_scroll_kinetically_under_a_finger_or_mouse(qtbot, window):
    open_every_screen(window)
    areas = [a for s in window.built_screens().values() for a in s.findChildren(QScrollArea)]
    assert len(areas) >= 4
    for area in areas:
        assert QScroller.hasScroller(area.viewport()), area.parent().objectName()


# -- 200 % text: every scene of the screenshots ----------------------------------------------------
# Scenes whose layout does not reflow yet at 200 % (EN 301 549 5.1.4 is "partially supported"
# for them in docs/accessibility.md); every other scene must show all its words, uncut and
# not drawn over each other, with touch targets of full size.
NOT_YET_AT_200: dict[tuple[str, str], set[str]] = {
    # None left in fi and sv at either size (looked at 2026-12-03). The service card was the
    # last: its QR hint's column is now as wide as the hint's longest word (Swedish
    # "uppgifterna" was cut by 8 px), and its web addresses, which the check had taken for one
    # word, break after a "/" on screen and show whole (unbreakable_pieces).
    # (Arabic's booking rows gave "open now, closes at 12:00" less height than its lines need:
    # the flow of badges took a wrapped label's size hint, measured at another width, as its
    # height. And QLabel drew a wrapped right-to-left line a space's width too far left, so a
    # line as wide as its label lost its left end. Both fixed 2026-12-03.)
    # (The nurse's desk ran past the right edge in Russian, Somali and Ukrainian at 1280x800, and
    # in Somali at 1920x1080: its two-column grids of buttons asked for both columns' widths.
    # They now put one button a row when two do not fit, and a waiting number with its priority
    # and booking wraps its words. Checked 2026-12-03 in all eight languages at both sizes, with
    # a throwaway run of this check on the desk's scenes and priority classes set on the
    # waiting numbers; this test's runs do not set them.)
    # (Estonian's home ran past the right edge at 1280x800, three tiles as wide as
    # "järjekorranumber" side by side: the home now puts fewer tiles to a row when they do not fit.)
}

# Every language at 1280x800, the tighter size; at 1920x1080 the two site languages and the
# right-to-left one (the other five passed there on 2026-12-03, Somali's nurse desk once fixed).
# Each run takes 1-1.5 min (2-2.5 on a loaded machine).
AT_200_RUNS = [*(("1280x800", lang) for lang in ("fi", "sv", "en", "ar", "so", "ru", "uk", "et")),
               *(("1920x1080", lang) for lang in ("fi", "sv", "ar"))]


def unbreakable_pieces(text: str, font) -> list[str]:
    """The pieces of ``text`` a word-wrapped label cannot break, as Qt lays it out: words, and
    the parts of a web address between its "/"."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    pieces = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(0)   # each line then holds one piece that cannot be broken
        pieces.append(text[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return [p for p in pieces if p]


def layout_problems(window, roots) -> list[tuple]:
    """Words cut, widgets past the window's right or left edge (there is no sideways scrolling), and
    widgets of one layout drawn over each other."""
    from PySide6.QtWidgets import QLayout

    out = []
    right = window.width()
    for root in roots:
        for w in [root, *root.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            r = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
            if r.right() > right + 1 and not _in_sideways_strip(w):
                out.append(("past the right edge", type(w).__name__, w.objectName(), r.right()))
            # Right to left (Arabic) a row too wide for the window runs out past its left edge.
            if r.left() < -1 and not _in_sideways_strip(w):
                out.append(("past the left edge", type(w).__name__, w.objectName(), r.left()))
            if isinstance(w, QLabel) and w.text():
                if w.wordWrap():
                    need = w.heightForWidth(w.contentsRect().width() + w.margin() * 2)
                    if need > w.height() + 2:
                        out.append(("label cut", w.text()[:40], need, w.height()))
                    # Wrapping breaks only where the text allows it: a word wider than the label
                    # is cut at its side, however tall the label is. A web address breaks after
                    # its "/" (Qt's line breaking), so its pieces are what has to fit.
                    fm = w.fontMetrics()
                    longest = max(unbreakable_pieces(w.text(), w.font()), key=fm.horizontalAdvance, default="")
                    if fm.horizontalAdvance(longest) > w.contentsRect().width() - 2 * w.margin() + 2:
                        out.append(("word cut", longest, fm.horizontalAdvance(longest), w.contentsRect().width()))
                elif w.sizeHint().width() > w.width() + 2:
                    out.append(("label cut", w.text()[:40], w.sizeHint().width(), w.width()))
            if isinstance(w, QAbstractButton) and w.text():
                drawn = w.text().replace("&&", "&")   # Qt draws "&&" as one "&"
                # A chip that wraps its words (ui/widgets/wrapping_chip.py) draws each line apart.
                if max(map(w.fontMetrics().horizontalAdvance, drawn.split("\n"))) > w.contentsRect().width():
                    out.append(("button cut", w.text()[:40], w.width()))
            if isinstance(w, INTERACTIVE) and not isinstance(w, QAbstractSlider) and w.height() < 64:
                out.append(("too small to touch", type(w).__name__, w.objectName(), w.height()))
            lay = w.layout()
            if isinstance(lay, QLayout):
                kids = [lay.itemAt(i).widget() for i in range(lay.count())]
                kids = [k for k in kids if k is not None and k.isVisible()]
                for i, a in enumerate(kids):
                    for b in kids[i + 1:]:
                        inter = a.geometry().intersected(b.geometry())
                        if inter.width() > 2 and inter.height() > 2:
                            out.append(("overlap", a.objectName() or type(a).__name__,
                                        b.objectName() or type(b).__name__, inter.getRect()))
    return out


def _shown_wrapped_label(qtbot, text: str) -> tuple[QWidget, QLabel]:
    """A word-wrapped label alone in a shown window, for the checks' own tests."""
    from PySide6.QtWidgets import QVBoxLayout

    host = QWidget()
    label = QLabel(text)
    label.setWordWrap(True)
    QVBoxLayout(host).addWidget(label)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host, label


@pytest.mark.gui
def test_the_200_percent_check_sees_a_word_wider_than_its_label(qtbot):
    """A word-wrapped label as tall as its lines but narrower than its longest word shows
    the word cut at its side ("Preventivmedelsrådgivning" in a row beside the keyboard)."""
    host, name = _shown_wrapped_label(qtbot, "Preventivmedelsrådgivning Gårdsbacka")
    name.setFixedWidth(name.fontMetrics().horizontalAdvance("Preventivmedels"))
    name.setFixedHeight(name.heightForWidth(name.width()) + 4)
    settle(qtbot)
    found = [p[:2] for p in layout_problems(host, [host])]
    assert found == [("word cut", "Preventivmedelsrådgivning")], found


@pytest.mark.gui
def test_the_200_percent_check_lets_a_web_address_break_after_its_slashes(qtbot):
    """A web address wider than its label wraps after a "/" and shows whole: not a cut word.
    A piece between two "/" that is itself wider than the label is cut, and is found."""
    host, address = _shown_wrapped_label(qtbot, "Verkossa https://video.example.fi/kela/ajanvaraus")
    fm = address.fontMetrics()
    address.setFixedWidth(fm.horizontalAdvance("https://video.example.fi/") + 8)
    address.setFixedHeight(address.heightForWidth(address.width()) + 4)
    settle(qtbot)
    assert [p[:2] for p in layout_problems(host, [host])] == []
    assert unbreakable_pieces(address.text(), address.font()) == [
        "Verkossa", "https://", "video.example.fi/", "kela/", "ajanvaraus"]
    address.setFixedWidth(fm.horizontalAdvance("video.example") + 8)
    address.setFixedHeight(address.heightForWidth(address.width()) + 4)
    settle(qtbot)
    assert [p[:2] for p in layout_problems(host, [host])] == [("word cut", "video.example.fi/")]


@pytest.mark.gui
def test_the_200_percent_check_finds_a_cut_in_a_right_to_left_window(qtbot):
    """Mirrored (Arabic), a row wider than the window runs out past its left edge, not its
    right: the check finds it there, and a row inside the window is no problem."""
    from PySide6.QtWidgets import QHBoxLayout

    host = QWidget()
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    host.setFixedSize(300, 120)
    inside = QLabel("مرحبا", host)
    inside.setGeometry(20, 10, 260, 40)
    row = QWidget(host)
    QHBoxLayout(row)
    row.setGeometry(-80, 60, 380, 40)   # as a mirrored row of 380 px ends in a window of 300
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    assert [p[:2] for p in layout_problems(host, [host])] == [("past the left edge", "QWidget")]
    row.setGeometry(0, 60, 300, 40)
    assert layout_problems(host, [host]) == []


def _in_sideways_strip(w) -> bool:
    """A row of chips that scrolls sideways on purpose (results' filters) may reach past the edge."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea) and p.objectName() != "page" and \
                p.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            return True
        p = p.parentWidget()
    return False


@pytest.mark.gui
@pytest.mark.conformance("5.1.4", "WCAG 1.4.4", "WCAG 1.4.10")
@pytest.mark.parametrize("resolution, lang", AT_200_RUNS)
def test_every_scene_reflows_at_200_percent(qtbot, tmp_path, resolution, lang):
    """Each screenshot scene (home, browse, results, service card, booking, queue, feedback,
    take part, login, staff gate) at the largest text step: the page scrolls, nothing is cut
    or drawn over something else, and the scenes not listed in NOT_YET_AT_200 have no problem."""
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue
    from ui.appearance import LARGEST

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    screenshots.seed_participation(db)
    window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, resolution)
    qtbot.addWidget(window)
    parts = screenshots.parts_of(window)
    problems, scrolled = {}, 0
    try:
        for name, action in screenshots.scenes(window):
            window.reset_for_next_person()
            window.translator.set_language(lang)
            window.appearance.set_step(LARGEST)
            action()
            settle(qtbot)
            assert window.appearance.factor == 2.0
            covers = [c for c in (parts.login, parts.visitor_login) if c is not None and c.isVisible()]
            roots = covers or [window.top_bar, window.current_screen()]
            found = layout_problems(window, roots)
            if found:
                problems[name] = found
            page = window.stack.page_of(window.current_screen())
            scrolled += page is not None and page.verticalScrollBar().maximum() > 0
    finally:
        parts.session_bridge.stop()
        window.close()
        settle(qtbot)
        db.close()
    unexpected = {name: found[:6] for name, found in problems.items()
                  if name not in NOT_YET_AT_200.get((resolution, lang), set())}
    assert not unexpected, unexpected
    assert scrolled >= 3   # the pages that need it scroll instead of squeezing their words


@pytest.mark.gui
@pytest.mark.conformance("5.1.4", "WCAG 1.4.10")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_take_part_lists_stand_whole_in_the_page_at_200_percent(qtbot, tmp_path, lang):
    """At the site's text the options scroll between the heading and Back/Continue; at 200 % a
    list that still scrolled inside the scrolling page got a sliver of height (one option in
    sight) and squeezed the button under it. And a short page (the receipt) is as tall as
    itself, not as the longest list of the other pages."""
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue
    from ui.appearance import LARGEST, NORMAL

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    screenshots.seed_participation(db)
    window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, "1280x800")
    qtbot.addWidget(window)
    parts = screenshots.parts_of(window)
    scenes = dict(screenshots.scenes(window))
    try:
        def show(scene, step):
            window.reset_for_next_person()
            window.translator.set_language(lang)
            window.appearance.set_step(step)
            scenes[scene]()
            settle(qtbot)
            screen = window.current_screen()
            return screen, window.stack.page_of(screen)

        screen, page = show("33-participation-poll", NORMAL)
        assert not screen.option_area.whole and page.verticalScrollBar().maximum() == 0
        for scene in ("33-participation-poll", "32-participation-budget"):
            screen, page = show(scene, LARGEST)
            area = screen.option_area
            qtbot.waitUntil(lambda: area.height() >= area.widget().heightForWidth(area.width()), timeout=3000)
            assert area.whole and area.verticalScrollBar().maximum() == 0
            rows = [b for b in screen.option_group.buttons() if b.isVisible()]
            assert len(rows) >= 3
            for b in rows:
                top = b.mapTo(area, b.rect().topLeft()).y()
                assert 0 <= top and top + b.height() <= area.height(), (b.objectName(), top, area.height())
            toggle = screen.why_toggle   # the poll asks for an optional reason, the budget does not
            assert toggle.isVisible() == (scene == "33-participation-poll")
            assert toggle.isHidden() or toggle.height() >= toggle.sizeHint().height()   # not squeezed
            assert page.verticalScrollBar().maximum() > 0          # the page scrolls instead
        screen, page = show("35-participation-receipt", LARGEST)
        width = screen.pages.width()
        assert screen.pages.heightForWidth(width) == screen.pages.currentWidget().heightForWidth(width)
        assert screen.height() < 1.5 * page.viewport().height()
    finally:
        parts.session_bridge.stop()
        window.close()
        settle(qtbot)
        db.close()


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.4.10")
@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_a_flow_of_buttons_wraps_onto_new_lines_and_keeps_every_word(qtbot, direction):
    """ui/widgets/reflow.py FlowLayout: side by side while they fit, the rest on the next line,
    none past the edge, none over another; a right-to-left row starts at the right."""
    from ui.widgets.reflow import FlowLayout

    host = QWidget()
    host.setLayoutDirection(direction)
    flow = FlowLayout(host, spacing=10)
    words = ["Julkinen palvelu", "Yksityinen yritys", "Järjestö tai seurakunta", "Palveluseteli"]
    buttons = [QPushButton(w) for w in words]
    for b in buttons:
        flow.addWidget(b)
    qtbot.addWidget(host)
    widest = max(b.sizeHint().width() for b in buttons)
    host.resize(widest + 40, flow.heightForWidth(widest + 40))
    host.show()
    qtbot.waitExposed(host)
    settle(qtbot)
    rows = {b.y() for b in buttons}
    assert len(rows) == len(buttons)   # too narrow for two: one under the other
    for a in buttons:
        assert host.rect().contains(a.geometry()), (a.text(), a.geometry(), host.rect())
        assert a.width() >= a.sizeHint().width()   # whole words, not squeezed
        for b in buttons:
            assert a is b or not a.geometry().intersects(b.geometry())
    # Wide enough for all: one line, in reading order.
    total = flow.sizeHint().width()
    host.resize(total, flow.heightForWidth(total))
    settle(qtbot)
    assert len({b.y() for b in buttons}) == 1
    xs = [b.x() for b in buttons]
    assert xs == (sorted(xs) if direction == Qt.LayoutDirection.LeftToRight else sorted(xs, reverse=True))
    assert flow.heightForWidth(total) < flow.heightForWidth(widest + 40)


@pytest.mark.gui
def test_rows_made_in_slices_get_the_height_their_words_need(qtbot, tmp_path):
    """A list made in slices (ui/widgets/service_list.py) gave the scroll area's room one turn
    late, so every row shown was squeezed under its words until the last slice (200 % text)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue
    from ui.appearance import LARGEST

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, "1280x800")
    qtbot.addWidget(window)
    try:
        window.translator.set_language("sv")
        window.appearance.set_step(LARGEST)
        window.flow.go("booking")
        listing = window.screen("booking").service_list
        squeezed = []
        for _ in range(12):   # look at every turn while the slices come
            QApplication.processEvents()
            squeezed += [(r.objectName(), r.height(), r.heightForWidth(r.width()))
                         for r in listing._rows[:3] if r.height() < r.heightForWidth(r.width())]
        assert not listing.complete or len(listing._rows) > 3   # the slices were looked at
        assert not squeezed, squeezed[:5]
    finally:
        screenshots.parts_of(window).session_bridge.stop()
        window.close()
        settle(qtbot)
        db.close()


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.4.10")
def test_search_keyboard_goes_above_the_results_at_200_percent_only(qtbot, make_window):
    """Beside the keyboard at 200 % text the results were too narrow for "Preventivmedelsrådgivning";
    the keyboard then goes above them. At the site's own text and at 150 % they stay side by side."""
    from ui.appearance import LARGER, LARGEST, NORMAL

    window = make_window("1280x800")
    window.translator.set_language("sv")
    window.flow.go("search")
    search = window.screen("search")
    search.field.setText("rådgivning")
    seen = {}
    for step in (NORMAL, LARGER, LARGEST, NORMAL):
        window.appearance.set_step(step)
        settle(qtbot)
        keyboard = search.keyboard.mapTo(window, search.keyboard.rect().topLeft())
        listing = search.list.mapTo(window, search.list.rect().topLeft())
        seen[step] = search.columns.stacked
        if search.columns.stacked:
            assert listing.y() > keyboard.y() + search.keyboard.height() - 2
        else:
            assert listing.x() + search.list.width() <= keyboard.x()
    assert seen == {NORMAL: False, LARGER: False, LARGEST: True}
