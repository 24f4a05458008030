"""Queue tickets on an ESC/POS thermal printer.

The printer is optional and may fail (paper out, unplugged): printing never stands
between a resident and their number, which the screen always shows. Targets:
a device or plain file path (``/dev/usb/lp0``) or a network printer
(``tcp://10.0.0.5:9100``).

The ticket's bytes are made by python-escpos (its ``Dummy`` printer collects them): it
chooses a code page per character run (å, ä, ö, õ, the Cyrillic of a Russian or Ukrainian
line), and writes the printer's own QR command and the cut. Sending stays here, so the
targets and their errors are ours. It is imported when a ticket is made, never at kiosk
start (it pulls in Pillow and friends), and that is on the network pool.
"""

from __future__ import annotations

import logging
import os
import socket
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

QR_MAX_BYTES = 700  # a longer link makes a code too dense for a 58 mm roll and a phone's camera
QR_MODULE_PX = 6    # module size: about 0.75 mm at 203 dpi, easy for a phone at arm's length
NUMBER_SIZE = 8     # the number at 8 x width and height: readable at arm's length
FEED_LINES = 4      # paper out of the cutter before the cut, so the QR is not cut through
# Characters per line of Font A on an 80 mm roll, in the mode every 80 mm printer has (some
# have 48). Lines are wrapped here at spaces: a printer wraps mid-word.
COLUMNS = 42


class PrinterError(Exception):
    pass


@dataclass(frozen=True)
class TicketPrint:
    """A ticket's texts, already translated. On paper, top to bottom: the service, the
    number (huge), where (room and floor, large), the wait, the other lines, the QR code
    to follow the turn on a phone and its caption."""

    label: str  # A012
    service_name: str
    lines: tuple[str, ...] = ()  # the rest: the booked time, the date
    place: str = ""  # "Huone 112, 1. kerros"
    wait: str = ""   # "Edelläsi 3, noin 20 min"
    qr_payload: str | None = None
    qr_caption: str = ""


def _escpos_cache() -> None:
    """python-escpos parses its printer database from YAML at import (a second, several on a
    busy kiosk) and keeps a pickle of it in a new temporary folder of each process, left
    behind, unless told where: given one folder of ours, only the first ticket after an update
    pays. The folder is the user's own cache, never a shared /tmp one (a pickle is code)."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" in os.environ:
        return
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "welfare-kiosk" / "escpos"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return  # then the library's own temporary folder
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(folder)


_IMPORT_LOCK = threading.Lock()


def _import_escpos():
    """python-escpos's ``escpos.capabilities`` calls ``logging.basicConfig()`` at import: on a
    root logger without handlers (the kiosk logs through its own, or a test runs) it adds one
    that prints every later record of every logger to stderr. The root logger's handlers and
    level are put back as they were; the first ticket is the only place escpos is imported."""
    with _IMPORT_LOCK:
        root = logging.getLogger()
        handlers, level = list(root.handlers), root.level
        try:
            _escpos_cache()
            from escpos.escpos import QR_ECLEVEL_M
            from escpos.printer import Dummy
        finally:
            for handler in [h for h in root.handlers if h not in handlers]:
                root.removeHandler(handler)
                handler.close()
            root.setLevel(level)
    return QR_ECLEVEL_M, Dummy


def render_ticket(ticket: TicketPrint) -> bytes:
    QR_ECLEVEL_M, Dummy = _import_escpos()

    if ticket.qr_payload and len(ticket.qr_payload.encode("utf-8")) > QR_MAX_BYTES:
        raise PrinterError("QR payload too long for a ticket")
    p = Dummy()

    def text(s: str, width: int = 1) -> None:
        for row in textwrap.wrap(s, COLUMNS // width) or [""]:
            p.textln(row)
    p.hw("INIT")
    p.set(align="center", bold=True, double_width=True, double_height=True)
    text(ticket.service_name, 2)
    p.set(align="center", bold=True, custom_size=True, width=NUMBER_SIZE, height=NUMBER_SIZE)
    text(ticket.label, NUMBER_SIZE)
    if ticket.place:
        p.set(align="center", bold=True, normal_textsize=True, double_width=True, double_height=True)
        text(ticket.place, 2)
    p.set(align="center", bold=False, normal_textsize=True)
    for line in ((ticket.wait,) if ticket.wait else ()) + ticket.lines:
        text(line)
    if ticket.qr_payload:
        p.qr(ticket.qr_payload, ec=QR_ECLEVEL_M, size=QR_MODULE_PX, native=True)
        if ticket.qr_caption:
            text(ticket.qr_caption)
    p.set(align="left")
    p.ln(FEED_LINES)
    p.cut(feed=False)
    return p.output


def send(target: str, data: bytes, *, timeout_s: float = 3.0) -> None:
    """Write ``data`` to the printer; raises PrinterError with a reason staff can act on."""
    if not target:
        raise PrinterError("no printer configured")
    if target.startswith("tcp://"):
        url = urlparse(target)
        if not url.hostname or not url.port:
            raise PrinterError(f"printer address {target!r} needs a host and a port, e.g. tcp://10.0.0.5:9100")
        try:
            with socket.create_connection((url.hostname, url.port), timeout=timeout_s) as conn:
                conn.sendall(data)
        except OSError as exc:
            raise PrinterError(f"printer {target} did not take the ticket: {exc}") from None
        return
    try:
        with open(target, "ab", buffering=0) as fh:
            fh.write(data)
    except OSError as exc:
        raise PrinterError(f"printer {target} did not take the ticket: {exc.strerror or exc}") from None


def print_ticket(target: str, ticket: TicketPrint, *, timeout_s: float = 3.0) -> None:
    send(target, render_ticket(ticket), timeout_s=timeout_s)
