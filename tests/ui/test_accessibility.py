"""Touch and reading: accessible names, big targets, contrast, nothing cut off, kinetic scrolling."""

from __future__ import annotations

import pytest
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
@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_nothing_is_cut_off(qtbot, make_window, resolution, lang, size):
    """Long Finnish and Swedish words fit: every label and button has room for its text,
    also with the larger text a resident switched on ("Aa")."""
    window = make_window(resolution)
    open_every_screen(window)
    window.translator.set_language(lang)
    window.appearance.set_large(size == "large")
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
@pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")
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
