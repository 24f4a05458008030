"""The staff sync status screen and the bridge that brings worker status to the GUI thread."""

import threading
from datetime import datetime, timezone

import pytest

from PySide6.QtCore import QThread, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk import outbox
from kiosk.storage.models import OutboxAuditRecord, OutboxItem
from sync.worker import SyncStatus
from tests.ui.conftest import background_done
from ui.i18n import Translator
from ui.i18n import load_catalogues
from ui.screens.sync_status import SyncStatusScreen

# The screen's texts, as the shared translation files hold them.
TEXTS = {lang: {k: v for k, v in cat.items() if k.startswith("sync.")} for lang, cat in load_catalogues().items()}
from ui.sync_bridge import SyncBridge
from ui.theme import metrics_for

# The offscreen platform says this when a bare screen is shown as its own window.
pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot, db):
    calls = []
    tr = Translator("en")
    s = SyncStatusScreen(tr=tr, metrics=metrics_for("1920x1080"), review=outbox.OutboxReview(db),
                         sync_now=lambda: calls.append("sync_now"), staff=lambda: "nurse-anna")
    s.sync_calls = calls
    s.resize(1920, 1000)
    qtbot.addWidget(s)
    s.show()
    return s


def _quarantine(db, kind="booking", reason="slot_taken"):
    with db.sessions.begin() as s:
        payload = ({"slot_id": "s1", "service_id": "maternity-clinic", "phone": "+358401234567"}
                   if kind == "booking" else {"ticket_id": "p", "event": "o"})
        item = outbox.record(s, kind, payload)
    with db.sessions.begin() as s:
        outbox.quarantine(s, item.id, reason, "detail")
    return item.id


def test_status_shows_offline_pending_and_last_problem(qtbot, screen, db):
    with db.sessions.begin() as s:
        outbox.record(s, "staff_audit", {"staff_id": "p", "event": "o"})
    screen.set_status(SyncStatus(online=False, enrolled=True, last_error="cannot reach the backend",
                                 last_sync_at=datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc), pending=1))
    background_done(qtbot)  # the outbox is read on the database thread
    assert screen.connection.text() == TEXTS["en"]["sync.offline"]
    assert screen.pending.text() == "Waiting to be sent: 1"
    assert "10:00" in screen.last_sync.text()  # Helsinki time
    assert "cannot reach the backend" in screen.last_error.text()
    screen.set_status(SyncStatus(online=True, enrolled=True))
    assert screen.connection.text() == TEXTS["en"]["sync.online"] and screen.last_error.isHidden()


def test_revoked_device_is_told_plainly(screen):
    screen.set_status(SyncStatus(online=False, enrolled=True, revoked=True, last_error="revoked"))
    assert "revoked by IT" in screen.connection.text()


def test_quarantined_item_shows_reason_without_personal_data_and_can_be_retried(qtbot, screen, db):
    item_id = _quarantine(db)
    screen.refresh()
    background_done(qtbot)  # the outbox is read on the database thread
    card = screen.findChild(object, f"quarantined-{item_id}")
    texts = " ".join(lab.text() for lab in card.findChildren(type(screen.pending)))
    assert "the time was already taken" in texts and "+358" not in texts
    qtbot.mouseClick(screen.find_button(f"retry-{item_id}"), Qt.MouseButton.LeftButton)
    background_done(qtbot)  # the change is made on the database thread
    with db.sessions() as s:
        assert s.get(OutboxItem, item_id).state == "pending"
        assert s.scalar(select(OutboxAuditRecord)).staff == "nurse-anna"
    assert screen.sync_calls == ["sync_now"]
    assert screen.find_button(f"retry-{item_id}") is None


def test_discard_needs_confirmation_and_is_logged(qtbot, screen, db):
    item_id = _quarantine(db, kind="queue_ticket", reason="unknown_kind")
    screen.refresh()
    background_done(qtbot)  # the outbox is read on the database thread
    qtbot.mouseClick(screen.find_button(f"discard-{item_id}"), Qt.MouseButton.LeftButton)
    with db.sessions() as s:
        assert s.get(OutboxItem, item_id) is not None  # nothing happened yet
    qtbot.mouseClick(screen.find_button(f"keep-{item_id}"), Qt.MouseButton.LeftButton)
    assert screen.find_button(f"discard-{item_id}") is not None
    qtbot.mouseClick(screen.find_button(f"discard-{item_id}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.find_button(f"confirm-discard-{item_id}"), Qt.MouseButton.LeftButton)
    background_done(qtbot)  # the change is made on the database thread
    with db.sessions() as s:
        assert s.get(OutboxItem, item_id) is None
        log = s.scalar(select(OutboxAuditRecord))
        assert (log.action, log.staff, log.item_id) == ("discard", "nurse-anna", item_id)
    assert screen.quarantine_heading.text() == "Set aside by the city (0)"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_text_follows_the_language(qtbot, screen, db, lang):
    _quarantine(db)
    screen.set_status(SyncStatus(online=True, enrolled=True))
    screen.tr_.set_language(lang)
    screen.retranslate()
    background_done(qtbot)  # the outbox is read on the database thread
    shown = [lab.text() for lab in screen.findChildren(type(screen.pending)) if lab.isVisible() and lab.text()]
    english = {v for v in TEXTS["en"].values() if "{" not in v}
    assert shown and not english & set(shown)
    assert set(TEXTS[lang]) == set(TEXTS["en"])


def test_bridge_delivers_worker_status_on_the_gui_thread(qtbot, screen):
    bridge = SyncBridge()
    seen_on = []
    bridge.status_changed.connect(screen.set_status)
    bridge.status_changed.connect(lambda st: seen_on.append(QThread.currentThread()))
    with qtbot.waitSignal(bridge.status_changed, timeout=5000):
        threading.Thread(target=bridge.on_status, args=(SyncStatus(online=False, enrolled=True),)).start()
    assert seen_on == [QApplication.instance().thread()]
    assert screen.connection.text() == TEXTS["en"]["sync.offline"]


def test_the_outbox_is_read_on_the_database_thread(qtbot, db):
    """Counts and set-aside items come from the runner's database thread, drawn when back."""
    import threading

    review = outbox.OutboxReview(db)
    read_on: list[str] = []
    for name in ("counts", "quarantined_items"):
        real = getattr(review, name)

        def recorded(*a, _real=real, **kw):  # a spy: the real query runs, the thread is noted
            read_on.append(threading.current_thread().name)
            return _real(*a, **kw)
        setattr(review, name, recorded)
    item_id = _quarantine(db)
    screen = SyncStatusScreen(tr=Translator("en"), metrics=metrics_for("1920x1080"), review=review,
                              sync_now=lambda: None, staff=lambda: "nurse-anna")
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.outbox_known)
    assert screen.findChild(object, f"quarantined-{item_id}") is not None
    assert screen.pending.text() == "Waiting to be sent: 0"
    assert len(read_on) == 2 and all(name.startswith("kiosk-db") for name in read_on), read_on
