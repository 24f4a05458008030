"""Right to left: the layout follows the language, and catalogue text keeps its own.

When Arabic is chosen the whole application mirrors (``QApplication.setLayoutDirection``):
rows run from the right, the back button stands at the right and its arrow points
right. Choosing a left-to-right language again restores it.

Catalogue texts have no Arabic: they are shown in fi/sv/en (``Translator.data_language``).
Such a widget is marked with its own language (``QWidget.setLocale``, which speech and
the accessibility tree read) and, inside a right-to-left screen, its own direction, so
"Kontulantie 5, 00940 Helsinki" reads in order instead of being reordered by the
Arabic paragraph around it. Its words still stand where the screen's words start, at the
right edge: a label's own left-to-right direction would put them at the left, and a results
row would look half mirrored (its name at the left, its badges from the right).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.i18n import Translator, is_rtl


def direction(lang: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if is_rtl(lang) else Qt.LayoutDirection.LeftToRight


def follow_language(tr: Translator, app: QApplication | None = None) -> None:
    """Set the application's direction for ``tr``'s language now and on every switch."""
    app = app or QApplication.instance()

    def apply(lang: str) -> None:
        if app.layoutDirection() != direction(lang):
            app.setLayoutDirection(direction(lang))
    apply(tr.language)
    tr.on_change(apply)


def mark_catalogue_text(widget: QWidget, tr: Translator) -> QWidget:
    """``widget`` shows catalogue text in ``tr.data_language``: say so to Qt (locale, and
    left-to-right inside a right-to-left screen). Returns the widget."""
    lang = tr.data_language
    widget.setLocale(QLocale(lang))
    widget.setProperty("lang", lang)
    if tr.rtl:
        widget.setLayoutDirection(direction(lang))
    else:
        widget.unsetLayoutDirection()
    if isinstance(widget, QLabel):
        _stand_at_the_screens_start(widget, tr.rtl and direction(lang) != Qt.LayoutDirection.RightToLeft)
    return widget


_ALIGNED = "bidi_aligned"   # the label's horizontal alignment is this module's


def _stand_at_the_screens_start(label: QLabel, against: bool) -> None:
    """Left-to-right words in a right-to-left screen (``against``): at the right edge, lines
    ragged on the left. A label centred or aligned on purpose keeps its alignment."""
    align = label.alignment()
    horizontal = align & Qt.AlignmentFlag.AlignHorizontal_Mask
    ours = bool(label.property(_ALIGNED))
    if not ours and horizontal not in (Qt.AlignmentFlag.AlignLeading, Qt.AlignmentFlag(0)):
        return
    vertical = align & Qt.AlignmentFlag.AlignVertical_Mask
    if against:
        label.setAlignment(vertical | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    else:
        label.setAlignment(vertical | Qt.AlignmentFlag.AlignLeading)
    label.setProperty(_ALIGNED, against)
