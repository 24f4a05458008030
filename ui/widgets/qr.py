"""A QR code painted from ``qrcode``'s module matrix: sharp at any size, no image files."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrCodeWidget(QWidget):
    # Phone cameras read dark modules on a light background best, whatever the theme.
    DARK = QColor("#000000")
    LIGHT = QColor("#FFFFFF")

    def __init__(self, text: str = "", size_px: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._size = size_px
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(size_px, size_px)
        self.text = ""
        self.set_text(text)

    def set_text(self, text: str) -> None:
        import qrcode  # only the service card needs it; keeps start-up short

        self.text = text
        if text:
            qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
            qr.add_data(text.encode("utf-8"))
            qr.make(fit=True)
            self._matrix = qr.get_matrix()  # includes the quiet zone (border)
        else:
            self._matrix = []
        self.update()

    @property
    def matrix(self) -> list[list[bool]]:
        return self._matrix

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.LIGHT)
        n = len(self._matrix)
        if not n:
            return
        # Whole pixels per module so every module has the same size (scanners like that).
        module = max(1, min(self.width(), self.height()) // n)
        offset_x = (self.width() - module * n) // 2
        offset_y = (self.height() - module * n) // 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.DARK)
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(offset_x + x * module, offset_y + y * module, module, module))
        painter.end()
