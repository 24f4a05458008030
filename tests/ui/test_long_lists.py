"""Long lists and QR codes leave the GUI thread free: a list makes its first screenful at
once and the rest in slices, a hidden list makes nothing, rows are reused while typing,
and a QR code's matrix is made on the runner's pool."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from benchmarks.catalogue_gen import generate_services
from tests.conftest import TUESDAY_MORNING

pytestmark = pytest.mark.gui


@pytest.fixture
def service_list(qtbot):
    from ui.i18n import Translator
    from ui.theme import metrics_for
    from ui.widgets.service_list import ServiceList

    holder = QWidget()  # a screen's page, as in the kiosk
    made = ServiceList(tr=Translator("fi"), metrics=metrics_for("1920x1080"), now=lambda: TUESDAY_MORNING)
    QVBoxLayout(holder).addWidget(made)
    holder.setFixedSize(1200, 900)  # a top level whose size hints change makes Qt warn
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    yield made


def test_a_long_list_shows_its_first_screenful_at_once_and_the_rest_in_slices(qtbot, service_list):
    services = generate_services(120)
    started = time.perf_counter()
    service_list.show_services(services)
    at_once = len(service_list._rows)
    # Before the event loop turns: what fills the viewport, far from all 120.
    assert 2 <= at_once < 30, at_once
    assert all(r.isVisible() for r in service_list._rows)
    with qtbot.waitSignal(service_list.chosen, timeout=1000) as chosen:
        qtbot.mouseClick(service_list._rows[0], Qt.MouseButton.LeftButton)  # a quick tap finds a real row
    assert chosen.args == [services[0].id]
    slices = []

    def one_turn():
        t = time.perf_counter()
        service_list._next_slice()
        slices.append(time.perf_counter() - t)
    service_list._more.timeout.disconnect()
    service_list._more.timeout.connect(one_turn)
    qtbot.waitUntil(lambda: service_list.complete, timeout=20000)
    assert len(slices) >= 3, "the rest came in several turns, not one"
    assert [r.service.id for r in service_list._rows] == [s.id for s in services]
    assert time.perf_counter() - started < 20


def test_a_hidden_list_makes_nothing_until_it_is_shown(qtbot, service_list):
    services = generate_services(60)
    service_list.hide()
    service_list.show_services(services)
    service_list.retranslate()  # a language switch while hidden costs nothing either
    assert service_list._rows == []
    service_list.show()
    assert 2 <= len(service_list._rows) < 60
    qtbot.waitUntil(lambda: service_list.complete, timeout=20000)
    # Asking for every row (as a reader would) gives every row, in order.
    assert [r.service.id for r in service_list.rows] == [s.id for s in services]


def test_rows_are_reused_while_the_list_narrows_and_made_anew_in_another_language(qtbot, service_list):
    a, b, c = generate_services(3)
    service_list.show_services([a, b, c])
    first = {r.service.id: r for r in service_list.rows}
    service_list.show_services([c, a])
    assert [r.service.id for r in service_list.rows] == [c.id, a.id]
    assert service_list.rows[0] is first[c.id] and service_list.rows[1] is first[a.id]
    assert first[b.id].isHidden()
    assert [service_list._col.itemAt(i).widget() for i in range(2)] == service_list.rows  # drawn in that order
    service_list.tr_.set_language("sv")
    service_list.retranslate()
    again = service_list.rows
    assert [r.service.id for r in again] == [c.id, a.id] and again[0] is not first[c.id]
    assert again[0].accessibleName().startswith(c.names["sv"])
    qtbot.waitUntil(lambda: service_list.complete, timeout=5000)


def test_a_qr_code_is_made_off_the_gui_thread_and_painted_when_it_arrives(qtbot):
    import threading

    import ui.widgets.qr as qr_module
    from ui.background import app_runner
    from ui.widgets.qr import QrCodeWidget

    made_on = []
    real = qr_module.qr_matrix

    def recording(text):
        made_on.append(threading.current_thread().name)
        return real(text)
    qr_module.qr_matrix = recording
    try:
        widget = QrCodeWidget(size_px=200)
        qtbot.addWidget(widget)
        widget.set_text("https://example.org/a-service-card-code")
        assert widget._matrix == ()  # not made during set_text
        qtbot.waitUntil(lambda: bool(widget._matrix), timeout=10000)
        qtbot.waitUntil(app_runner().idle, timeout=10000)
    finally:
        qr_module.qr_matrix = real
    assert made_on and all(name.startswith("kiosk-net") for name in made_on), made_on
    assert widget.matrix == real("https://example.org/a-service-card-code")
    # Its pixels were made on the pool too: the paint only wraps them (1-2 ms a service card).
    misses = qr_module.matrix_bytes.cache_info().misses
    widget.grab()
    assert widget._image is not None and qr_module.matrix_bytes.cache_info().misses == misses
    widget.set_text("")
    assert widget.matrix == ()


def test_a_qr_code_is_painted_module_for_module_with_sharp_edges(qtbot):
    """Painted as one image scaled without smoothing (ui/widgets/qr.py): every module's centre
    has its module's colour, and no grey appears at the edges a phone camera reads."""
    from ui.widgets.qr import QrCodeWidget

    widget = QrCodeWidget(size_px=333)  # not a multiple of the module count: a margin is left
    qtbot.addWidget(widget)
    widget.set_text("https://example.org/palvelu/äitiysneuvola?lang=fi")
    qtbot.waitUntil(lambda: bool(widget._matrix), timeout=10000)
    image = widget.grab().toImage()
    m = widget.matrix
    n = len(m)
    module = 333 // n
    off = (333 - module * n) // 2
    wrong = [(x, y) for y in range(n) for x in range(n)
             if (image.pixelColor(off + x * module + module // 2, off + y * module + module // 2).value() < 128)
             != m[y][x]]
    assert wrong == []
    assert {image.pixelColor(x, off + 5 * module).value() for x in range(333)} <= {0, 255}
