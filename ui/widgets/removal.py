"""The one way a screen takes out a widget it replaces (rows, keys, tiles, notices, chips).

``discard(widget)``: out of its layout and out of sight now, deleted by Qt at the next turn
of the event loop (``deleteLater``). It keeps its parent until then, so Qt owns it the whole
time and its PySide wrapper never changes hands.

What the screens did before, ``w.setParent(None); w.deleteLater()``, moves the widget's
ownership twice: ``setParent(None)`` makes it a top-level window of its own (each row a
hidden window, listed in ``QApplication.topLevelWidgets()`` until the deferred delete) owned
by Python, and PySide 6.12's ``deleteLater()`` hands it back to C++ with a reference of its
own that the wrapper's destructor gives back. The widget's life then hangs on that
bookkeeping and on reference counts this PySide gets wrong elsewhere (``ui/refcount_guard.py``).
The rare crash of the GUI tests is a deferred delete meeting a wrapper already freed
(``~QWidget`` -> a child's ``Shiboken::Object::destroy``); this pattern is the one that moved
widgets between owners around a deferred delete, so it goes. ``setParent(None)`` alone (no
``deleteLater``) is worse: the widget dies when its last Python reference does.

A hidden widget is already out of the focus chain and out of what a person sees; Qt takes it
out of its parent's children when it is deleted. Until then ``findChild(type, name)`` would
still find it (a take-part row's button named like its replacement), so it and its named
children lose their names at once.
"""

from __future__ import annotations

from collections.abc import Container

from PySide6.QtCore import QObject, QRegularExpression
from PySide6.QtWidgets import QLayout, QWidget

_NAMED = QRegularExpression("^(?!qt_).")  # ours: Qt's own parts (qt_scrollarea_viewport) keep theirs


def discard(widget: QWidget | None) -> None:
    """Hide ``widget``, take it out of its parent's layout, and have Qt delete it later."""
    if widget is None:
        return
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is not None:
        _remove_from(layout, widget)
    _retire(widget)


def _retire(widget: QWidget) -> None:
    widget.hide()  # at once: the deferred delete leaves it drawn until the next turn
    for named in widget.findChildren(QObject, _NAMED):  # wraps only the named ones
        named.setObjectName("")
    widget.setObjectName("")
    widget.deleteLater()


def clear_layout(layout: QLayout, *, keep: Container[QWidget] = (), leave: int = 0) -> None:
    """Take every item out of ``layout`` but the last ``leave`` (a closing stretch); each
    widget among them is discarded, unless it is in ``keep`` (it is only taken out, to be
    added again). Nested layouts are emptied the same way."""
    while layout.count() > leave:
        item = layout.takeAt(0)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            if widget not in keep:
                _retire(widget)
        elif inner is not None:
            clear_layout(inner, keep=keep)


def _remove_from(layout: QLayout, widget: QWidget) -> bool:
    """``QLayout.removeWidget`` only looks at the layout's own items: look in nested ones too."""
    if layout.indexOf(widget) >= 0:  # the usual case, without wrapping every item (a keyboard's 40 keys)
        layout.removeWidget(widget)
        return True
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            layout.removeWidget(widget)
            return True
        inner = item.layout()
        if inner is not None and _remove_from(inner, widget):
            return True
    return False
