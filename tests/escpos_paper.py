"""What a thermal printer would put on paper for the ESC/POS bytes the kiosk sends.

No Python library parses ESC/POS (python-escpos and the others only write it), so this
reads back the commands kiosk/printing.py uses, after Epson's ESC/POS reference: text in
the selected code page, character size (ESC !, GS !), emphasis, alignment, feeds, the
native QR code (GS ( k, function 165-181) and the cut. Any other command is an error:
a ticket that starts sending something new must be checked anew. ``paint`` draws the
paper with Qt, at a printer's 203 dpi, to look at.

Its code-page table is written out here, not taken from python-escpos, so that a wrong
code page on the writer's side shows up as wrong letters.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ESC, GS, LF = 0x1B, 0x1D, 0x0A
# ESC t n: the character tables of Epson's printers that the kiosk's languages need.
CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 13: "cp857", 14: "cp737",
              16: "cp1252", 17: "cp866", 18: "cp852", 19: "cp858", 32: "cp720"}
QR_EC = {48: "L", 49: "M", 50: "Q", 51: "H"}
ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}


class DecodeError(ValueError):
    pass


@dataclass(frozen=True)
class Line:
    text: str
    width: int = 1   # times the normal character width
    height: int = 1
    bold: bool = False
    align: str = "left"


@dataclass(frozen=True)
class Qr:
    payload: str
    module: int
    ec: str
    model: int


@dataclass
class Paper:
    items: list = field(default_factory=list)  # Line and Qr, top to bottom
    cut: bool = False
    initialised: bool = False

    @property
    def lines(self) -> list[Line]:
        return [i for i in self.items if isinstance(i, Line)]

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines if line.text]

    @property
    def qr_codes(self) -> list[Qr]:
        return [i for i in self.items if isinstance(i, Qr)]

    def line(self, text: str) -> Line:
        return next(line for line in self.lines if line.text == text)


def decode(data: bytes) -> Paper:
    paper = Paper()
    width = height = 1
    bold, align, page = False, "left", "cp437"
    qr = {"module": 3, "ec": "L", "model": 2, "data": None}
    text: list[str] = []
    line_style = None  # the size etc. of the current line's first character
    i = 0

    def need(n: int) -> bytes:
        if i + n > len(data):
            raise DecodeError(f"command at byte {i} cut short")
        return data[i:i + n]

    def end_line() -> None:
        nonlocal text, line_style
        w, h, b, a = line_style or (width, height, bold, align)
        paper.items.append(Line("".join(text), w, h, b, a))
        text, line_style = [], None

    while i < len(data):
        b = data[i]
        if b == ESC:
            cmd = need(2)[1:2]
            if cmd == b"@":
                width = height = 1
                bold, align, page = False, "left", "cp437"
                paper.initialised = True
                i += 2
            elif cmd == b"!":  # print mode: bit 3 emphasis, bit 4 double height, bit 5 double width
                n = need(3)[2]
                bold, height, width = bool(n & 0x08), 2 if n & 0x10 else 1, 2 if n & 0x20 else 1
                i += 3
            elif cmd == b"E":
                bold = bool(need(3)[2] & 1)
                i += 3
            elif cmd == b"a":
                align = ALIGN[need(3)[2]]
                i += 3
            elif cmd == b"t":
                n = need(3)[2]
                if n not in CODE_PAGES:
                    raise DecodeError(f"code page {n} at byte {i} is not one a ticket should need")
                page = CODE_PAGES[n]
                i += 3
            elif cmd == b"d":
                if text:
                    end_line()
                for _ in range(need(3)[2]):
                    paper.items.append(Line("", width, height, bold, align))
                i += 3
            else:
                raise DecodeError(f"unknown command ESC {cmd!r} at byte {i}")
        elif b == GS:
            cmd = need(2)[1:2]
            if cmd == b"!":  # character size: high nibble width - 1, low nibble height - 1
                n = need(3)[2]
                width, height = (n >> 4) + 1, (n & 0x0F) + 1
                i += 3
            elif cmd == b"V":
                m = need(3)[2]
                i += 4 if m in (65, 66) else 3
                paper.cut = True
            elif cmd == b"(" and need(3)[2:3] == b"k":
                head = need(7)
                length = head[3] | head[4] << 8
                cn, fn = head[5], head[6]
                body = need(5 + length)[7:]
                if cn != 49:
                    raise DecodeError(f"2D code {cn} at byte {i}: only QR (49) is expected")
                if fn == 65:
                    qr["model"] = body[0] - 48
                elif fn == 67:
                    qr["module"] = body[0]
                elif fn == 69:
                    qr["ec"] = QR_EC[body[0]]
                elif fn == 80:
                    qr["data"] = body[1:].decode("utf-8")
                elif fn == 81:
                    if qr["data"] is None:
                        raise DecodeError(f"QR printed at byte {i} with nothing stored")
                    if text:
                        end_line()
                    paper.items.append(Qr(qr["data"], qr["module"], qr["ec"], qr["model"]))
                else:
                    raise DecodeError(f"QR function {fn} at byte {i} is unknown here")
                i += 5 + length
            else:
                raise DecodeError(f"unknown command GS {cmd!r} at byte {i}")
        elif b == LF:
            end_line()
            i += 1
        elif b < 0x20:
            raise DecodeError(f"control byte {b:#04x} at byte {i}")
        else:
            if line_style is None:
                line_style = (width, height, bold, align)
            text.append(bytes([b]).decode(page))
            i += 1
    if text:
        end_line()
    return paper


# -- painting ----------------------------------------------------------------------------------------
DOTS = 576        # printable width of an 80 mm roll at 203 dpi
CELL = (12, 24)   # Font A: 12 x 24 dots a character
QUIET = 4         # a QR code's quiet zone, in modules


def paint(paper: Paper, path: str) -> tuple[int, int]:
    """The paper as a PNG at ``path`` (one pixel a printer dot); returns its size."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from ui.widgets.qr import qr_matrix  # the same payload encoded again: the printer makes its own

    def height_of(item) -> int:
        if isinstance(item, Line):
            return CELL[1] * item.height
        return (len(qr_matrix(item.payload))) * item.module

    total = sum(height_of(i) for i in paper.items) + 2 * CELL[1] + (CELL[1] if paper.cut else 0)
    image = QImage(DOTS, total, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setPen(QColor("black"))
    y = CELL[1]
    for item in paper.items:
        h = height_of(item)
        if isinstance(item, Line):
            font = QFont("DejaVu Sans Mono")
            font.setPixelSize(20)
            font.setBold(item.bold)
            p.save()
            text_w = len(item.text) * CELL[0] * item.width
            x = {"left": 0, "center": (DOTS - text_w) // 2, "right": DOTS - text_w}[item.align]
            p.translate(x, y)
            p.scale(item.width, item.height)
            p.setFont(font)
            for n, ch in enumerate(item.text):
                p.drawText(QRectF(n * CELL[0], 0, CELL[0], CELL[1]), Qt.AlignmentFlag.AlignCenter, ch)
            p.restore()
        else:
            matrix = qr_matrix(item.payload)
            x0 = (DOTS - len(matrix) * item.module) // 2
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        p.fillRect(x0 + c * item.module, y + r * item.module, item.module, item.module,
                                   QColor("black"))
        y += h
    if paper.cut:
        p.setPen(Qt.PenStyle.DashLine)
        p.drawLine(0, y + CELL[1] // 2, DOTS, y + CELL[1] // 2)
    p.end()
    if not image.save(path):
        raise OSError(f"could not write {path}")
    return image.width(), image.height()


def image_folder(tmp_path: Path) -> Path:
    """Where a test paints its tickets: $KIOSK_TICKET_IMAGES if set (to look at them), else tmp_path."""
    folder = Path(os.environ.get("KIOSK_TICKET_IMAGES") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
