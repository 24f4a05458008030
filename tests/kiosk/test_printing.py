"""Ticket printing against a file and a simulated network printer on 127.0.0.1.

No real thermal printer can be attached here; the simulated one is a real TCP
server that receives the bytes, and the test decodes the ESC/POS it got.
"""

import socket
import threading

import pytest

from kiosk.printing import PrinterError, TicketPrint, print_ticket, render_ticket

TICKET = TicketPrint(label="A012", service_name="Hoitajan vastaanotto – Skötarmottagning",
                     lines=("3 edelläsi / före dig", "noin 20 min", "1.12.2026 10:04"),
                     qr_payload="https://kiosk.example.fi/q/abc")


def decode_text(data: bytes) -> str:
    """The printable text of an ESC/POS stream (commands stripped), as the paper would show."""
    out, i = [], 0
    while i < len(data):
        b = data[i]
        if b == 0x1B:  # ESC x [n]
            i += 3 if data[i + 1:i + 2] in (b"t", b"a", b"E", b"d") else 2
        elif b == 0x1D:  # GS
            cmd = data[i + 1:i + 2]
            if cmd == b"!":
                i += 3
            elif cmd == b"V":
                i += 4
            elif cmd == b"(":
                n = data[i + 3] | data[i + 4] << 8
                i += 5 + n
        else:
            out.append(bytes([b]))
            i += 1
    return b"".join(out).decode("cp1252")


def test_rendered_ticket_holds_number_service_lines_and_qr():
    data = render_ticket(TICKET)
    text = decode_text(data)
    assert "A012" in text and "Skötarmottagning" in text and "noin 20 min" in text
    assert b"https://kiosk.example.fi/q/abc" in data  # inside the QR store command
    assert data.startswith(b"\x1b@") and data.endswith(b"\x1dVB\x00")  # init ... cut


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
