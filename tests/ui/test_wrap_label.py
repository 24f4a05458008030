"""A wrapped label keeps its height for a width (ui.widgets.touch.WrapLabel): the layouts
around it ask for the same few widths many times. Whatever the height depends on must make it
forget: after each change its height is a plain QLabel's, changed the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets.touch import WrapLabel, label

CHANGES = [
    ("text", lambda lab: lab.setText("pitkä palvelun nimi " * 30)),
    ("own style sheet", lambda lab: lab.setStyleSheet("font-size: 30px;")),
    ("parent's style sheet", lambda lab: lab.parentWidget().setStyleSheet("QLabel { font-size: 41px; padding: 6px; }")),
    ("contents margins", lambda lab: lab.setContentsMargins(3, 20, 3, 20)),
    ("margin", lambda lab: lab.setMargin(9)),
    ("indent", lambda lab: lab.setIndent(40)),
    ("no wrap", lambda lab: lab.setWordWrap(False)),
    ("wrap", lambda lab: lab.setWordWrap(True)),
    ("style sheet taken off", lambda lab: lab.setStyleSheet("")),
    ("direction", lambda lab: lab.setLayoutDirection(Qt.LayoutDirection.RightToLeft)),
    ("font", lambda lab: lab.setFont(QFont(lab.font().family(), 22))),
    ("cleared", lambda lab: lab.clear()),
]


def test_a_wrapped_label_is_as_high_as_qlabel_after_every_change(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    lay = QVBoxLayout(host)
    plain, kept = QLabel("sana " * 40), WrapLabel("sana " * 40)
    for lab in (plain, kept):
        lab.setWordWrap(True)
        lay.addWidget(lab)
    host.resize(600, 400)
    host.show()
    qtbot.waitExposed(host)
    for name, change in CHANGES:
        for lab in (plain, kept):  # asked before the change: these are the heights kept
            lab.heightForWidth(150), lab.heightForWidth(300)
        change(plain)
        if name != "parent's style sheet":  # one parent: changed once for both
            change(kept)
        for width in (150, 300, 520):
            assert kept.heightForWidth(width) == plain.heightForWidth(width), (name, width)


def test_labels_are_wrap_labels(qtbot):
    lab = label("Neuvola", role="title")
    qtbot.addWidget(lab)
    assert isinstance(lab, WrapLabel) and lab.textFormat() == Qt.TextFormat.PlainText
