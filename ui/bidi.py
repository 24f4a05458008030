"""Right to left: the layout follows the language, and catalogue text keeps its own.

When Arabic is chosen the whole application mirrors (``QApplication.setLayoutDirection``):
rows run from the right, the back button stands at the right and its arrow points
right. Choosing a left-to-right language again restores it.

Catalogue texts have no Arabic: they are shown in fi/sv/en (``Translator.data_language``).
Such a widget is marked with its own language (``QWidget.setLocale``, which speech and
the accessibility tree read) and, inside a right-to-left screen, its own direction, so
"Kontulantie 5, 00940 Helsinki" reads in order instead of being reordered by the
Arabic paragraph around it.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget

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
    return widget
