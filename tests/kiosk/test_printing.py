"""Ticket printing against a file and a simulated network printer on 127.0.0.1.

No real thermal printer can be attached here; the simulated one is a real TCP
server that receives the bytes. The bytes are read back by tests/escpos_paper.py (what
the paper would show: lines, sizes, the QR code's payload, the cut) and painted to an image.
"""

import logging
import os
import socket
import threading
from pathlib import Path

import pytest

from kiosk.printing import COLUMNS, PrinterError, TicketPrint, print_ticket, render_ticket
from tests.escpos_paper import Qr, decode, paint

TICKET = TicketPrint(label="A012", service_name="Hoitajan vastaanotto – Skötarmottagning",
                     place="Huone 112, 1. kerros", wait="Edelläsi 3, noin 20 min", lines=("1.12.2026 10.04",),
                     qr_payload="https://kiosk.example.fi/q/abc", qr_caption="Seuraa vuoroasi puhelimella: lue koodi.")


def decode_text(data: bytes) -> str:
    return "\n".join(decode(data).texts)


def test_the_ticket_reads_back_with_number_service_place_wait_and_qr(qapp, tmp_path):  # qapp: fonts to paint
    paper = decode(render_ticket(TICKET))
    assert paper.initialised and paper.cut
    # The service wraps at a space (a printer would break "Skötar|mottagning" mid-word).
    assert paper.texts == ["Hoitajan vastaanotto", "– Skötarmottagning", "A012", "Huone 112, 1. kerros",
                           "Edelläsi 3, noin 20 min", "1.12.2026 10.04", "Seuraa vuoroasi puhelimella: lue koodi."]
    number, place = paper.line("A012"), paper.line("Huone 112, 1. kerros")
    assert (number.width, number.height, number.bold, number.align) == (8, 8, True, "center")
    assert (place.width, place.height, place.bold) == (2, 2, True)
    assert paper.line("– Skötarmottagning").width == 2
    assert (paper.line("Edelläsi 3, noin 20 min").width, paper.line("1.12.2026 10.04").height) == (1, 1)
    assert paper.qr_codes == [Qr("https://kiosk.example.fi/q/abc", module=6, ec="M", model=2)]
    kinds = [type(i).__name__ for i in paper.items if getattr(i, "text", None) != ""]
    assert kinds.index("Qr") == len(kinds) - 2  # under the texts, its caption under it
    for line in paper.lines:
        assert len(line.text) * line.width <= COLUMNS, line  # nothing runs off the paper
    w, h = paint(paper, str(tmp_path / "ticket.png"))
    assert w == 576 and h > 24 * 8 + 29 * 6


@pytest.mark.parametrize("wait", ["Före dig 3, cirka 20 min", "Ees 3, umbes 20 min – õ, š, ž",
                                  "Перед вами 3, около 20 мин", "Попереду 3, приблизно 20 хв"])
def test_each_language_prints_in_a_code_page_the_printer_has(wait):
    paper = decode(render_ticket(TicketPrint(label="A012", service_name="Hälsostation", wait=wait)))
    assert paper.texts == ["Hälsostation", "A012", wait]


def test_a_ticket_without_place_or_link_prints_what_it_has():
    paper = decode(render_ticket(TicketPrint(label="B004", service_name="Laboratorio", wait="Olet seuraavana")))
    assert paper.texts == ["Laboratorio", "B004", "Olet seuraavana"] and paper.qr_codes == [] and paper.cut


def test_a_link_too_long_for_a_ticket_is_refused():
    with pytest.raises(PrinterError, match="QR payload too long"):
        render_ticket(TicketPrint(label="A1", service_name="x", qr_payload="https://x/" + "a" * 800))


def test_print_to_a_file(tmp_path):
    target = tmp_path / "lp0"
    print_ticket(str(target), TICKET)
    print_ticket(str(target), TICKET)
    assert decode_text(target.read_bytes()).count("A012") == 2


def test_print_to_a_simulated_network_printer():
    received = bytearray()
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def printer():
        conn, _ = server.accept()
        with conn:
            while chunk := conn.recv(4096):
                received.extend(chunk)

    t = threading.Thread(target=printer)
    t.start()
    print_ticket(f"tcp://127.0.0.1:{port}", TICKET)
    t.join(5)
    server.close()
    assert "A012" in decode_text(bytes(received))


@pytest.mark.parametrize("target, reason", [
    ("", "no printer configured"),
    ("/nonexistent-dir/lp0", "did not take the ticket"),
    ("tcp://127.0.0.1", "needs a host and a port"),
])
def test_a_failing_printer_gives_a_clear_error(target, reason):
    with pytest.raises(PrinterError, match=reason):
        print_ticket(target, TICKET)


def test_an_unplugged_network_printer_fails_fast():
    s = socket.create_server(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nobody listens there now
    with pytest.raises(PrinterError, match="did not take the ticket"):
        print_ticket(f"tcp://127.0.0.1:{port}", TICKET, timeout_s=1)


def test_importing_escpos_leaves_the_applications_logging_as_it_was(tmp_path):
    """python-escpos calls logging.basicConfig() at import (escpos/capabilities.py): in a
    fresh process, where it has not been imported yet, the first ticket must leave the root
    logger's handlers and level as the application set them."""
    import subprocess
    import sys

    code = "\n".join([
        "import logging, sys",
        "root = logging.getLogger()",
        "root.setLevel(logging.ERROR)",
        "assert root.handlers == [] and 'escpos' not in sys.modules",
        "from kiosk.printing import TicketPrint, render_ticket",
        "assert render_ticket(TicketPrint(label='A001', service_name='Terveysasema', qr_payload='https://x.fi/t'))",
        "assert 'escpos.capabilities' in sys.modules",
        "print(len(root.handlers), root.level)",
    ])
    env = {**os.environ, "ESCPOS_CAPABILITIES_PICKLE_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", str(logging.ERROR)]
