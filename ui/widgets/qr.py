"""A QR code painted from ``qrcode``'s module matrix: sharp at any size, no image files.

``qrcode`` is pure Python and tries all eight masks: a service card's code took 100-150 ms.
The matrix is therefore made on the runner's pool and painted when it arrives (a blank
square for a few frames meanwhile); the same text is made once (a small cache). The
modules are painted as one small image, one pixel per module, scaled up without smoothing:
a rectangle per dark module cost 10-16 ms of the GUI thread at every paint of a card.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


@lru_cache(maxsize=32)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix of ``text`` (quiet zone included). Any thread: no Qt here."""
    import qrcode  # only screens with a code need it; keeps start-up short

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(text.encode("utf-8"))
    qr.make(fit=True)
    return tuple(tuple(row) for row in qr.get_matrix())


@lru_cache(maxsize=32)
def matrix_bytes(matrix: tuple[tuple[bool, ...], ...]) -> bytes:
    """The grey-scale rows of ``matrix`` (dark 0, light 255), each padded to 4 bytes as QImage
    wants them. Any thread: made on the pool with the matrix, so a paint only wraps them (made
    at each paint of a service card, they cost the GUI thread 1-2 ms)."""
    n = len(matrix)
    stride = (n + 3) // 4 * 4  # QImage rows start on 4-byte boundaries
    return b"".join(bytes(0 if dark else 255 for dark in row) + bytes(stride - n) for row in matrix)


def qr_made(text: str) -> tuple[tuple[bool, ...], ...]:
    """The matrix of ``text``, its pixels made too (both kept). Any thread: no Qt here."""
    matrix = qr_matrix(text)
    matrix_bytes(matrix)
    return matrix


def matrix_image(matrix: tuple[tuple[bool, ...], ...]) -> QImage:
    """One grey-scale pixel per module (dark 0, light 255)."""
    n = len(matrix)
    stride = (n + 3) // 4 * 4
    return QImage(matrix_bytes(matrix), n, n, stride, QImage.Format.Format_Grayscale8).copy()  # copy: owns its bytes


class QrCodeWidget(QWidget):
    # Phone cameras read dark modules on a light background best, whatever the theme.
    DARK = QColor("#000000")
    LIGHT = QColor("#FFFFFF")

    def __init__(self, text: str = "", size_px: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self._image: QImage | None = None  # the matrix as pixels at the painted size, made at the first paint
        self._calls = None  # made at the first code (ui.background.BackgroundCalls)
        self._size = size_px
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(size_px, size_px)
        self.text = ""
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self._matrix = ()
        self._image = None
        self.update()
        if not text:
            return
        if self._calls is None:
            from ui.background import BackgroundCalls
            self._calls = BackgroundCalls(self)

        def made(matrix, error) -> None:
            if error is not None:
                raise error  # logged and shown by the runner
            if text == self.text:  # not replaced meanwhile
                self._matrix = matrix
                self._image = None
                self.update()
        if not self._calls.run(lambda: qr_made(text), made):
            self._matrix = qr_matrix(text)  # the runner is shut down (quitting): draw it here

    @property
    def matrix(self) -> tuple[tuple[bool, ...], ...]:
        """The code's modules; asked before the pool made them, they are made now."""
        if self.text and not self._matrix:
            self._matrix = qr_matrix(self.text)
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
        side = module * n
        if self._image is None or self._image.width() != side:
            # Scaled once, without smoothing (each module stays a sharp square), and in the
            # paint device's own format: then a paint is a plain copy, not a conversion.
            self._image = (matrix_image(self._matrix)
                           .scaled(side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                                   Qt.TransformationMode.FastTransformation)
                           .convertToFormat(QImage.Format.Format_ARGB32_Premultiplied))
        painter.drawImage(offset_x, offset_y, self._image)
        painter.end()
