"""Queue tickets on an ESC/POS thermal printer.

The printer is optional and may fail (paper out, unplugged): printing never stands
between a resident and their number, which the screen always shows. Targets:
a device or plain file path (``/dev/usb/lp0``) or a network printer
(``tcp://10.0.0.5:9100``).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlparse

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
CODEPAGE_WPC1252 = ESC + b"t\x10"  # covers å, ä, ö and the other Nordic letters
CENTER = ESC + b"a\x01"
LEFT = ESC + b"a\x00"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
SIZE_NORMAL = GS + b"!\x00"
SIZE_HUGE = GS + b"!\x77"  # 8x width and height: the number must be readable at arm's length
SIZE_DOUBLE = GS + b"!\x11"
FEED_AND_CUT = ESC + b"d\x04" + GS + b"V\x42\x00"


class PrinterError(Exception):
    pass


@dataclass(frozen=True)
class TicketPrint:
    label: str  # A012
    service_name: str
    lines: tuple[str, ...]  # already translated: "3 people ahead of you", "about 20 min", the date
    qr_payload: str | None = None


def _text(s: str) -> bytes:
    return s.encode("cp1252", errors="replace") + b"\n"


def _qr(data: str) -> bytes:
    payload = data.encode("utf-8")
    if len(payload) > 700:
        raise PrinterError("QR payload too long for a ticket")
    store_len = len(payload) + 3
    pl, ph = store_len & 0xFF, store_len >> 8
    return (GS + b"(k\x04\x001A2\x00"          # model 2
            + GS + b"(k\x03\x001C\x06"         # module size 6
            + GS + b"(k\x03\x001E\x31"         # error correction M
            + GS + b"(k" + bytes([pl, ph]) + b"1P0" + payload
            + GS + b"(k\x03\x001Q0")           # print it


def render_ticket(ticket: TicketPrint) -> bytes:
    out = [INIT, CODEPAGE_WPC1252, CENTER, SIZE_DOUBLE, BOLD_ON, _text(ticket.service_name), BOLD_OFF,
           SIZE_HUGE, _text(ticket.label), SIZE_NORMAL]
    out += [_text(line) for line in ticket.lines]
    if ticket.qr_payload:
        out.append(_qr(ticket.qr_payload))
        out.append(b"\n")
    out += [LEFT, FEED_AND_CUT]
    return b"".join(out)


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
