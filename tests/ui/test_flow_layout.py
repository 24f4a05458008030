"""ui/widgets/reflow.py FlowLayout: a row of buttons wraps instead of pushing the page past the edge."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from tests.ui.conftest import settle
from ui.widgets.reflow import FlowLayout

pytestmark = pytest.mark.gui


def test_buttons_wrap_and_a_group_moves_to_a_line_of_its_own(qtbot):
    host = QWidget()
    col = QVBoxLayout(host)
    col.setContentsMargins(0, 0, 0, 0)
    flow = FlowLayout(spacing=8)
    col.addLayout(flow)
    col.addStretch(1)
    topics = [QPushButton(t) for t in ("Puistot", "Liikunta", "Kulttuuri")]
    places = [QPushButton(t) for t in ("Kontula", "Kurkimäki", "Vesala")]
    for b in topics:
        flow.addWidget(b)
    flow.add_group_gap(32)
    for b in places:
        flow.addWidget(b)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    one_line = flow.sizeHint().width()
    host.resize(one_line + 10, 400)
    settle(qtbot)
    assert len({b.y() for b in topics + places}) == 1   # room for all: one line
    # Room for the topics and one place only: the places go to the next line together.
    host.resize(sum(b.width() for b in topics) + 16 + 32 + places[0].width() + 20, 400)
    settle(qtbot)
    assert len({b.y() for b in topics}) == 1 and len({b.y() for b in places}) == 1
    assert places[0].y() > topics[0].y() and places[0].x() == topics[0].x()
    assert all(b.geometry().right() <= host.width() for b in topics + places)
    # Narrower than two buttons: one a line, the layout asks for the height that takes.
    host.resize(max(b.width() for b in topics + places) + 4, 800)
    settle(qtbot)
    assert len({b.y() for b in topics + places}) == 6
    assert flow.heightForWidth(host.width()) >= sum(b.height() for b in topics + places)


def test_a_wrapped_label_gets_its_height_for_the_width_it_is_given(qtbot):
    """A word-wrapped QLabel's size hint is measured at a trial width: at the hint's own width
    the Arabic "open now, closes at 17:00" needs a line more than the hint says. The flow gave
    it the hint's height (a booking row's status cut at 200 % text); now the height for its width."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont

    from ui.widgets.touch import label

    host = QWidget()
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    col = QVBoxLayout(host)
    flow = FlowLayout(spacing=12)
    col.addLayout(flow)
    col.addStretch(1)
    font = QFont()
    font.setFamilies(["Noto Sans", "Noto Sans Arabic", "DejaVu Sans"])   # the theme's, at 200 %
    font.setPointSize(36)
    font.setWeight(QFont.Weight.Bold)
    badge = QPushButton("جمعية أو كنيسة")
    words = [label(t) for t in ("مفتوح الآن، يغلق الساعة \u206617:00\u2069",
                                "مغلق الآن. يفتح \u2068يوم الأربعاء\u2069 الساعة \u206617:00\u2069")]
    flow.addWidget(badge)
    for w in words:
        w.setFont(font)
        flow.addWidget(w)
    qtbot.addWidget(host)
    host.resize(1186, 800)
    host.show()
    qtbot.waitExposed(host)
    settle(qtbot)
    for w in words:
        assert w.height() >= w.heightForWidth(w.width()), (w.text(), w.width(), w.height())


def test_even_rows_put_one_button_a_row_when_two_do_not_fit(qtbot):
    """The nurse's actions two a row, of one width; at 200 % in Somali one a row: a grid's two
    columns asked for both widths and ran past a 1280x800 screen's right edge."""
    from ui.widgets.reflow import EvenRows

    host = QWidget()
    col = QVBoxLayout(host)
    col.setContentsMargins(0, 0, 0, 0)
    rows = EvenRows(spacing=8)
    col.addLayout(rows)
    col.addStretch(1)
    buttons = [QPushButton(t) for t in ("Waa dhammaatay", "Meel kale ayaa loo diray",
                                        "Booqasho labaad ayaa loo baahan yahay")]
    for b in buttons:
        rows.addWidget(b)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    widest = max(b.minimumSizeHint().width() for b in buttons)
    host.resize(2 * widest + 8 + 20, 400)
    settle(qtbot)
    assert buttons[0].y() == buttons[1].y() < buttons[2].y()        # two, then one
    assert buttons[0].width() == buttons[1].width() == buttons[2].width()
    assert buttons[1].x() > buttons[0].geometry().right()
    # Narrower than two of them: one a row, none past the edge, none cut.
    assert host.layout().minimumSize().width() <= widest
    host.resize(widest + 20, 400)
    settle(qtbot)
    assert len({b.y() for b in buttons}) == 3 and len({b.x() for b in buttons}) == 1
    assert all(b.geometry().right() < host.width() and b.width() >= b.minimumSizeHint().width() for b in buttons)
