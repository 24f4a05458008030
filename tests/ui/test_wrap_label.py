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


def _ink_columns(image, top: int, bottom: int) -> tuple[int, int]:
    """The leftmost and rightmost column with dark pixels between two rows."""
    from PySide6.QtGui import QColor

    xs = [x for x in range(image.width()) for y in range(top, bottom, 2)
          if QColor(image.pixel(x, y)).lightness() < 128]
    return min(xs), max(xs)


def test_right_to_left_wrapped_lines_are_drawn_whole_at_the_right_edge(qtbot):
    """QLabel draws a right-to-left line that ends at a break one space's width too far left:
    in a label as wide as that line its left end was cut ("الأربعاء" in the booking's rows at
    200 % text). Each line now starts at the right edge and shows whole; left to right is as it was."""
    from PySide6.QtGui import QFontMetrics

    font = QFont("Noto Sans")
    font.setPixelSize(48)
    font.setWeight(QFont.Weight.Bold)
    fm = QFontMetrics(font)
    for text, rtl in (("مغلق الآن. يفتح \u2068يوم الأربعاء\u2069 الساعة \u206617:00\u2069", True),
                      ("Suljettu nyt. Avautuu keskiviikkona kello 17:00", False)):
        lab = label(text)
        lab.setFont(font)
        # Its own sheet, type size included, wins over whatever sheet the last window left on the
        # application (a 1280x800 window's type size made the line wrap elsewhere after its test).
        lab.setStyleSheet("background: white; color: black; padding: 0px; margin: 0px; border: none; "
                          "font-family: 'Noto Sans'; font-size: 48px; font-weight: bold;")
        qtbot.addWidget(lab)
        width = fm.horizontalAdvance(text.rsplit(" ", 2)[0]) + 4   # the first line just fits
        lab.resize(width, lab.heightForWidth(width))
        image = lab.grab().toImage()
        half = image.height() // 2
        first, last = _ink_columns(image, 0, half), _ink_columns(image, half, image.height())
        if rtl:
            assert first[0] > 0, first                     # not cut at its left end
            assert abs(first[1] - last[1]) <= 2, (first, last)   # both lines end at the right edge
        else:
            assert first[0] <= 4 and last[0] <= 4, (first, last)


def test_right_to_left_lines_break_where_the_text_has_a_line_break(qtbot):
    """The take-part question's facts are lines joined by "\\n": drawn by hand from the right
    edge they ran into one paragraph (QTextLayout breaks no line at "\\n"), the English values
    mixed in between the Arabic ones, and the lower lines were empty. Each line is now a
    paragraph of its own, as QLabel lays it out, and each stands at the right edge."""
    font = QFont("Noto Sans")
    font.setPixelSize(30)
    lab = label("السائل: \u2068Eastern district committee\u2069\nلماذا نسأل: \u2068Residents decide\u2069")
    lab.setFont(font)
    lab.setStyleSheet("background: white; color: black; padding: 0px; margin: 0px; border: none; "
                      "font-family: 'Noto Sans'; font-size: 30px;")
    qtbot.addWidget(lab)
    lab.resize(1200, lab.heightForWidth(1200))
    assert lab.height() >= 2 * lab.fontMetrics().height()   # QLabel's own height: two lines
    image = lab.grab().toImage()
    half = image.height() // 2
    first, second = _ink_columns(image, 0, half), _ink_columns(image, half, image.height())
    assert abs(first[1] - second[1]) <= 3, (first, second)   # both at the right edge
    assert first[0] > 500 and second[0] > 500, (first, second)   # short lines: no run-on paragraph
