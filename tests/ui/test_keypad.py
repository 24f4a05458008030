"""Keypad and keyboard use of the kiosk window (ui/keypad.py): keys only, no mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from tests.ui.conftest import scenes_window, settle
from tests.ui.keypad import activate, focused, press, type_on_screen_keyboard, walk_to
from ui.theme import (FOCUS_MIN, FOCUS_TONES_MIN, HIGH_CONTRAST, HIGH_CONTRAST_MIN, THEMES, contrast_ratio,
                      focus_neighbours, focus_ring, text_pairs)

pytestmark = pytest.mark.gui


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1", "WCAG 2.4.3")
def test_find_a_service_by_keypad_alone(qtbot, window):
    """Home -> find -> a life situation -> a service card -> back -> home, keys only."""
    activate(qtbot, window, "tile-find")
    assert window.flow.current.name == "browse"
    tile = activate(qtbot, window, lambda w: w.objectName().startswith(("life_event-", "target_group-"))
                    and isinstance(w, QAbstractButton))
    assert window.flow.current.name == "results", tile.objectName()
    activate(qtbot, window, lambda w: w.objectName().startswith("service-row-") or
             (w.property("role") == "row" and w.isVisible()))
    assert window.flow.current.name == "service"
    press(qtbot, window, Qt.Key.Key_Escape)        # the keypad's Back key
    assert window.flow.current.name == "results"
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.flow.current.name == "home"
    press(qtbot, window, Qt.Key.Key_Escape)        # at home Back does nothing, and nothing breaks
    assert window.flow.current.name == "home"


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_the_folded_choices_open_and_choose_by_keypad(qtbot, window):
    """The list's choices fold under "Narrow the list": Enter opens them, the arrows reach
    each chip, Enter chooses one, and Enter on the button folds them again."""
    activate(qtbot, window, "tile-find")
    activate(qtbot, window, "browse-all")
    screen = window.screen("results")
    public = screen.sector_chips["public"]
    assert window.flow.current.name == "results" and not public.isVisible()
    activate(qtbot, window, "filter-show")
    assert public.isVisible()
    activate(qtbot, window, "filter-sector-public")
    assert public.isChecked() and screen.filter.sectors == {"public"}
    activate(qtbot, window, "filter-show")
    assert not public.isVisible() and screen.filter.sectors == {"public"}
    assert screen.show_choices.text().endswith("(1)")
    activate(qtbot, window, "filter-open-now")   # beside the fold, never folded
    assert screen.open_now.isChecked() and screen.filter.open_now


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_search_by_typing_on_the_on_screen_keyboard_with_the_keypad(qtbot, window):
    activate(qtbot, window, "tile-find")
    activate(qtbot, window, "browse-search")
    assert window.flow.current.name == "search"
    type_on_screen_keyboard(qtbot, window, "neuvola")
    field = window.screen("search").field
    assert field.text() == "neuvola"
    # A tap on a key never took the focus from the field; the keypad did, and Enter typed.
    assert isinstance(focused(), QAbstractButton) and focused().objectName() == "key-a"


@pytest.mark.conformance("5.1.6.2", "WCAG 2.1.2", "WCAG 2.4.11")
def test_a_message_takes_the_focus_and_gives_it_back_no_trap(qtbot, window):
    window.show_message("home.not_yet.heading", "home.not_yet.message", what="x")
    settle(qtbot)
    assert focused() is window.overlay.ok
    # The arrows stay on the message (the screen under it is out of reach for a finger too)...
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_Down)
        assert focused() is window.overlay.ok
    # ...and Enter or Back closes it, and the keys move on the screen again.
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.overlay.isVisible())
    walk_to(qtbot, window, "tile-queue")


@pytest.mark.conformance("5.1.6.2", "WCAG 2.1.2")
def test_back_key_closes_a_message_without_moving_the_screen_under_it(qtbot, window):
    window.flow.go("browse")
    window.show_message("home.not_yet.heading", "home.not_yet.message", what="x")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.overlay.isVisible() and window.flow.current.name == "browse"


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_the_language_list_by_keypad(qtbot, make_window):
    window = make_window(extra_ui='languages = ["fi", "sv", "en", "et", "ru", "uk", "so", "ar"]')
    activate(qtbot, window, "language-menu")
    panel = window.top_bar.languages.panel
    assert panel.isVisible() and focused() is panel.buttons["fi"]
    walk_to(qtbot, window, "language-ar")           # the arrows walk the list and stay in it
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.translator.language == "ar")
    assert not panel.isVisible()
    # In Arabic the layout mirrors: the left arrow moves on, as reading does.
    walk_to(qtbot, window, "tile-find", key=Qt.Key.Key_Left)
    press(qtbot, window, Qt.Key.Key_Left)
    assert focused().objectName() == "tile-book"


def test_a_text_field_keeps_left_and_right_for_its_cursor(qtbot, window):
    window.flow.go("search")
    settle(qtbot)
    field = window.screen("search").field
    field.setFocus()
    field.setText("abc")
    press(qtbot, window, Qt.Key.Key_Left)
    assert focused() is field and field.cursorPosition() == 2
    press(qtbot, window, Qt.Key.Key_Down)
    assert focused() is not field


@pytest.mark.conformance("5.1.6.1")
def test_the_help_key_asks_for_the_speech_to_repeat(qtbot, window):
    heard = []
    window.keypad.help_requested.connect(lambda: heard.append("help"))
    press(qtbot, window, Qt.Key.Key_F1)
    press(qtbot, window, Qt.Key.Key_Help)
    assert heard == ["help", "help"] and window.flow.current.name == "home"


def tap_on_screen(qtbot, window, widget) -> None:
    """A touch at the widget's centre, arriving at the window as the touch screen's does."""
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     pos=widget.mapTo(window, widget.rect().center()))


@pytest.mark.conformance("5.8")
def test_a_second_tap_on_the_same_button_within_the_set_time_is_ignored(qtbot, make_window):
    window = make_window(extra_ui="double_press_ms = 400")
    clock = [100.0]
    window.keypad.clock = lambda: clock[0]
    window.flow.go("browse")
    settle(qtbot)
    opened = []
    tile = window.screen("home").tiles["find"]
    window.flow.home()
    settle(qtbot)
    tile.clicked.connect(lambda: opened.append(clock[0]))
    tap_on_screen(qtbot, window, tile)
    window.flow.home()
    clock[0] += 0.2                                   # a trembling second tap
    tap_on_screen(qtbot, window, tile)
    window.flow.home()
    clock[0] += 0.5                                   # a tap meant as a new one
    tap_on_screen(qtbot, window, tile)
    assert opened == [100.0, 100.7] and window.keypad.rejected == 1


def test_double_press_rejection_is_off_unless_configured(qtbot, window):
    assert window.keypad.double_press_ms == 0
    opened = []
    tile = window.screen("home").tiles["find"]
    tile.clicked.connect(lambda: opened.append(1))
    for _ in range(2):
        tap_on_screen(qtbot, window, tile)
        window.flow.home()
    assert opened == [1, 1]


def test_a_bad_double_press_setting_stops_start_up_naming_the_key(tmp_path):
    from kiosk.config import ConfigError, load_config

    device = tmp_path / "device.toml"
    device.write_text('[ui]\ndouble_press_ms = 5000\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="ui.double_press_ms"):
        load_config(device)


@pytest.mark.conformance("WCAG 2.4.7", "WCAG 1.4.11", "WCAG 2.4.13")
@pytest.mark.parametrize("theme", [*sorted(THEMES), "high-contrast"])
def test_the_focus_ring_stands_out_from_what_it_borders(theme):
    """Against the page around a control and against the control's own fill (a dark action
    button as much as a light tile), one of the ring's two lines is >= 3:1; the two lines are
    >= 9:1 apart (WCAG technique C40), so that holds for any colour, also one not listed."""
    palette = HIGH_CONTRAST if theme == "high-contrast" else THEMES[theme]
    outer, inner = focus_ring(palette)
    assert contrast_ratio(outer, inner) >= FOCUS_TONES_MIN, f"{theme}: ring lines {outer}/{inner}"
    for what, next_to in focus_neighbours(palette):
        best = max(contrast_ratio(outer, next_to), contrast_ratio(inner, next_to))
        assert best >= FOCUS_MIN, f"{theme}: focus ring on {what} {outer}+{inner}/{next_to} is {best:.2f}:1"


def _edge(widget, depth: int) -> str:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, depth).name()


@pytest.mark.conformance("WCAG 2.4.7", "5.1.6.2")
def test_the_focused_button_is_drawn_with_the_ring(qtbot, window):
    """The ring is really painted in its two tones over the focused tile's edge, and goes
    when the focus moves on."""
    from ui.keypad import RING_LINE_PX

    tile = walk_to(qtbot, window, "tile-queue")
    settle(qtbot)
    outer, inner = (c.lower() for c in focus_ring(THEMES["light"]))
    assert (_edge(tile, 1), _edge(tile, RING_LINE_PX + 1)) == (outer, inner)
    # Inside the ring the fill is the tile's own, the colour the ring's contrast is checked
    # against (the style's focus tint would have shaded it).
    image = tile.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() - 12).name() == THEMES["light"].tile.lower()
    press(qtbot, window, Qt.Key.Key_Down)
    settle(qtbot)
    assert _edge(tile, 1) != outer and _edge(tile, RING_LINE_PX + 1) != inner


@pytest.mark.conformance("WCAG 2.4.7")
def test_the_ring_shows_only_while_keys_are_used(qtbot, window):
    """At start nothing looks chosen (the window holds the focus); the first arrow puts the
    ring on the first control; a touch hides it and the next key brings it back."""
    settle(qtbot)
    assert focused() is window
    ring = window.findChild(QWidget, "focus-ring")
    assert ring is None or not ring.isVisible()
    aa = window.findChild(QWidget, "text-size")
    outer = focus_ring(THEMES["light"])[0].lower()
    assert _edge(aa, 1) != outer

    press(qtbot, window, Qt.Key.Key_Down)
    first = focused()
    assert first is not window and isinstance(first, QAbstractButton)
    ring = window.findChild(QWidget, "focus-ring")
    assert ring.isVisible() and ring.parentWidget() is first and ring.size() == first.size()
    assert _edge(first, 1) == outer

    tapped = window.screen("home").tiles["queue"]
    tap_on_screen(qtbot, window, tapped)
    settle(qtbot)
    window.overlay.dismiss()   # "not yet on this kiosk": what the tap opened is not the point
    settle(qtbot)
    assert not ring.isVisible()
    assert _edge(tapped, 1) != outer

    press(qtbot, window, Qt.Key.Key_Down)
    assert window.findChild(QWidget, "focus-ring").isVisible()
    window.reset_for_next_person()
    settle(qtbot)
    assert focused() is window and not window.findChild(QWidget, "focus-ring").isVisible()


@pytest.mark.conformance("5.1.4", "WCAG 1.4.6")
def test_every_high_contrast_text_colour_meets_7_to_1():
    for what, fg, bg in text_pairs(HIGH_CONTRAST):
        ratio = contrast_ratio(fg, bg)
        assert ratio >= HIGH_CONTRAST_MIN, f"high contrast: {what} {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.conformance("5.1.4", "5.2", "WCAG 1.4.4")
def test_larger_text_is_one_key_press_away_and_goes_away_for_the_next_person(qtbot, window):
    from PySide6.QtWidgets import QLabel

    window.flow.go("browse")
    settle(qtbot)
    heading = next(w for w in window.screen("browse").findChildren(QLabel) if w.isVisible() and w.text())
    before = heading.font().pointSizeF()
    aa = activate(qtbot, window, "text-size")
    assert window.appearance.large and aa.isChecked()
    assert heading.font().pointSizeF() >= before * 1.5
    assert QApplication.instance().styleSheet().count(HIGH_CONTRAST.background) > 0
    assert window.has_something_to_reset()
    larger = aa.accessibleDescription()
    aa = activate(qtbot, window, "text-size")   # the second press: the largest, 200 %
    assert heading.font().pointSizeF() == pytest.approx(before * 2, abs=1)
    assert aa.accessibleDescription() != larger and aa.isChecked()   # the step is said and shown
    window.reset_for_next_person()
    settle(qtbot)
    assert not window.appearance.large and not aa.isChecked()
    assert heading.font().pointSizeF() == before


@pytest.mark.conformance("WCAG 2.4.3", "WCAG 1.3.2")
@pytest.mark.parametrize("place", ["home", "browse", "home-sv", "search"])
def test_the_keypad_walks_each_screen_in_reading_order(qtbot, window, place):
    """Down from the first control visits the top bar, then the screen, row by row: each
    stop is below the last one, or on the same row further along the reading direction."""
    if place == "home-sv":
        window.translator.set_language("sv")
        place = "home"
    if place != "home":
        window.flow.go(place)
    settle(qtbot)
    QApplication.focusWidget() and QApplication.focusWidget().clearFocus()
    press(qtbot, window, Qt.Key.Key_Down)
    order, first = [], focused()
    for _ in range(60):
        w = focused()
        at = w.mapTo(window, w.rect().topLeft())
        order.append((w.objectName(), at.y(), at.x(), w.height()))
        press(qtbot, window, Qt.Key.Key_Down)
        if focused() is first:
            break
    assert focused() is first, "the walk never came round: a trap or a dead end"
    for (a, ay, ax, ah), (b, by, bx, _bh) in zip(order, order[1:]):
        same_row = abs(by - ay) < ah // 2
        assert (same_row and bx > ax) or by >= ay + ah // 2, f"{a} -> {b}: {order}"


@pytest.mark.conformance("5.1.6.2", "WCAG 2.1.2")
def test_the_keypad_comes_round_however_many_widgets_the_hidden_screens_hold(qtbot, window):
    """After a day's use every screen is built and the window holds thousands of widgets (2,874
    after the screenshot scenes), all in the one focus chain. The walk from the last control
    back to the first passes them all; a cap of 2000 steps left the focus stuck there."""
    settle(qtbot)
    hidden = QWidget(window)          # the chain's end: between the last control and the top bar
    hidden.hide()
    for _ in range(3000):
        QWidget(hidden)
    press(qtbot, window, Qt.Key.Key_Down)
    first = focused()
    assert first is not None and first is not window
    press(qtbot, window, Qt.Key.Key_Up)   # back from the first control: round the ring the other way
    last = focused()
    assert last is not first and last.isVisible()
    press(qtbot, window, Qt.Key.Key_Down)
    assert focused() is first           # and forward past every hidden widget to the first again


def _region_and_place(window, w):
    """Where a keypad stop is: 0 the top bar, 1 the screen's page, 2 under it (the signed-in
    badge), 3 a cover. In the page, its place as laid out, whatever the scrolling: a list of
    (container, part, rect) from the page's content down through each scroll area it lies in
    (a nurse's waiting list scrolls in its own area), ``part`` being the next scroll area
    inward, or the stop itself."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QScrollArea

    from ui.keypad import cover_of
    if cover_of(w) is not None:
        return 3, []
    if window.top_bar.isAncestorOf(w):
        return 0, []
    page = window.stack.page_of(window.current_screen())
    if page is None or not page.widget().isAncestorOf(w):
        return 2, []
    areas, p = [], w.parentWidget()
    while p is not None and p is not page.widget():
        if isinstance(p, QScrollArea) and p.widget() is not None and p.widget().isAncestorOf(w):
            areas.insert(0, p)
        p = p.parentWidget()
    containers = [page.widget(), *(a.widget() for a in areas)]
    parts = [*areas, w]
    return 1, [(c, part, QRect(part.mapTo(c, part.rect().topLeft()), part.size()))
               for c, part in zip(containers, parts)]


def _goes_up(a_place, b_place) -> str | None:
    """From stop a to stop b, compared in the innermost container both lie in: b above a
    while their widths overlap (one above the other), and not on the same row."""
    for (ca, pa, ra), (cb, pb, rb) in zip(a_place, b_place):
        if ca is not cb:
            return None
        if pa is pb:
            continue   # both inside the same scroll area (or a stop and its own area): look deeper
        overlap = min(ra.right(), rb.right()) - max(ra.left(), rb.left()) > 0
        same_row = abs(rb.top() - ra.top()) < ra.height() // 2
        if overlap and not same_row and rb.top() < ra.top():
            return f"up from y={ra.top()} to y={rb.top()}"
        return None
    return None


@pytest.mark.gui
@pytest.mark.conformance("WCAG 2.4.3", "WCAG 2.1.2", "WCAG 1.3.2")
def test_the_keypad_follows_the_reading_order_in_every_scene(qtbot, tmp_path):
    """Every screenshot scene walked by the Down key, as a person with the tactile keypad would
    after a day's use (every screen built): the walk comes round (no trap), the top bar comes
    first, then the screen, then the signed-in badge's Log out; and within the screen, among
    stops one above the other (their widths overlap), the order goes down the page, or along a
    row. The focus chain, which the keypad followed before, had a kept list row shown again
    higher up come later, a service card's booking buttons after its feedback button, the
    take-part options after Continue, and Log out before the screen."""
    from ui import screenshots

    wrong, walked = {}, 0
    with scenes_window(qtbot, tmp_path, "1920x1080") as (window, parts):
        for scene, action in screenshots.scenes(window):
            window.reset_for_next_person()
            action()
            settle(qtbot)
            window.keypad.forget()   # the walk starts where a person's first key press does
            press(qtbot, window, Qt.Key.Key_Down)
            first, stops = focused(), []
            assert first is not None and first is not window, scene
            for _ in range(150):
                w = focused()
                region, place = _region_and_place(window, w)
                stops.append((w.objectName() or type(w).__name__, region, place))
                press(qtbot, window, Qt.Key.Key_Down)
                if focused() is first:
                    break
            came_round = focused() is first
            # A long list (the results open now: 80 rows) may not come round in 150 stops; every
            # other scene must.
            if not came_round and len({s[0] for s in stops}) < 100:
                wrong[scene] = ["the walk never came round", stops[-3:]]
                continue
            walked += 1
            problems = []
            regions = [s[1] for s in stops if s[1] != 3]
            if regions != sorted(regions):
                problems.append(("regions out of order", [(s[0], s[1]) for s in stops]))
            for a, b in zip(stops, stops[1:]):
                if a[1] == b[1] == 1 and (up := _goes_up(a[2], b[2])):
                    problems.append((a[0], "->", b[0], up))
            if problems:
                wrong[scene] = problems[:4]
    assert not wrong, wrong
    assert walked >= 30


@pytest.mark.conformance("WCAG 2.1.4")
def test_no_letter_or_digit_key_is_a_shortcut(qtbot, window):
    """Only the keypad's arrows, Enter, Back and Help act; a letter or digit typed where no text
    field has the focus (a card reader or a keyboard bumped) does nothing: no single-key shortcut."""
    settle(qtbot)
    walk_to(qtbot, window, "tile-queue")
    before = (window.flow.current.name, focused())
    for key in (Qt.Key.Key_Q, Qt.Key.Key_B, Qt.Key.Key_H, Qt.Key.Key_S, Qt.Key.Key_1, Qt.Key.Key_0):
        press(qtbot, window, key)
        assert (window.flow.current.name, focused()) == before, key
    assert not window.overlay.isVisible()
