"""A message laid over the whole window: the idle countdown and plain notices."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.theme import Metrics
from ui.widgets.touch import button, label


class Overlay(QFrame):
    """Darkens the window and shows a card; tapping the button (or anywhere) closes it."""

    dismissed = Signal()

    def __init__(self, parent: QWidget, metrics: Metrics) -> None:
        super().__init__(parent)
        self.setProperty("role", "overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setProperty("keypad_cover", True)   # ui/keypad.py: the focus stays on the card
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = QFrame()
        self.card.setProperty("role", "overlay-card")
        col = QVBoxLayout(self.card)
        col.setContentsMargins(48, 40, 48, 40)
        col.setSpacing(24)
        self.heading = label(role="title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label(role="heading")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ok = button("", "", role="primary", min_height=metrics.touch_px + 16)
        self.ok.clicked.connect(self.dismiss)
        col.addWidget(self.heading)
        col.addWidget(self.message)
        col.addWidget(self.ok)
        outer.addWidget(self.card)
        parent.installEventFilter(self)
        self.hide()

    def show_message(self, heading: str, message: str, ok_text: str) -> None:
        self.heading.setText(heading)
        self.message.setText(message)
        self.ok.setText(ok_text)
        self.ok.setAccessibleName(ok_text)
        self.setGeometry(self.parentWidget().rect())
        # Sized here, from the window as it is now, so that long Finnish and Swedish
        # sentences wrap inside the card instead of being cut.
        width = max(480, int(self.parentWidget().width() * 0.6))
        self.card.setFixedWidth(width)
        self.card.setFixedHeight(self.card.layout().totalHeightForWidth(width))
        self.show()
        self.raise_()
        self.ok.setFocus(Qt.FocusReason.OtherFocusReason)   # Enter on a keypad answers it

    def keypad_back(self) -> None:
        self.dismiss()

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.dismissed.emit()

    def mousePressEvent(self, event) -> None:  # a tap outside the card closes it too
        self.dismiss()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False
