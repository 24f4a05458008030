"""The staff screen says what each set-aside outbox item was, in words and the UI language,
for every kind the outbox holds, and never shows its payload or anything personal (issue 20)."""

from datetime import datetime, timezone

import pytest

from PySide6.QtWidgets import QLabel

from kiosk import outbox
from kiosk.catalogue.hours import LOCAL_TZ
from ui.i18n import Translator, load_catalogues
from ui.screens.staff import describe_outbox_item
from ui.screens.sync_status import SyncStatusScreen
from ui.theme import metrics_for

from tests.ui.conftest import background_done

pytestmark = pytest.mark.gui

SECRET = "Matti Meikäläinen 040 123"  # what a person wrote or who they are: never on screen
# A valid payload of every kind, each with its personal fields filled with SECRET.
PAYLOADS = {
    "booking": {"slot_id": "slot-1", "service_id": "maternity-clinic", "subject": SECRET, "phone": SECRET},
    "booking_cancel": {"booking_item_id": "b-1", "subject": SECRET, "reason": "changed_mind"},
    "booking_checkin": {"booking_item_id": "b-1", "event": "no_show", "service_id": "maternity-clinic",
                        "staff_id": "nurse-anna", "at": "2026-12-05T10:00:00+02:00"},
    "feedback": {"service_id": "health-station", "smiley": 3, "nps": 9, "comment": SECRET, "answer_id": "a-1"},
    "feedback_details": {"answer_id": "a-1", "service_id": "health-station", "nps": 7, "comment": SECRET},
    "walk_in_appointment": {"service_id": "health-station", "started_at": "2026-12-05T10:00:00+02:00",
                            "outcome": "referred", "subject": SECRET},
    "queue_ticket": {"ticket_id": "t-1", "event": "issued", "label": "A007", "day": "2026-12-05"},
    "vote": {"question_id": "q-1", "choices": ["opt-a"], "subject": SECRET, "why": SECRET},
    "idea": {"question_id": "q-1", "title": SECRET, "text": SECRET, "category": "parks"},
    "idea_support": {"idea_id": "i-1", "subject": SECRET},
    "staff_audit": {"event": "login", "staff_id": "nurse-anna", "at": "2026-12-05T10:00:00+02:00"},
}
NAMES = {"maternity-clinic": {"fi": "Äitiysneuvola", "sv": "Mödrarådgivning", "en": "Maternity clinic"},
         "health-station": {"fi": "Terveysasema, hälsovård", "sv": "Hälsostation, hälsovård",
                            "en": "Health station"}}
CATALOGUES = load_catalogues()


def test_every_outbox_kind_has_a_sample_here():
    assert set(PAYLOADS) == set(outbox.ITEM_KINDS)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("kind", sorted(outbox.ITEM_KINDS))
def test_each_kind_in_words_without_payload_or_personal_data(qtbot, db, catalogue, kind, lang):
    with db.sessions.begin() as s:
        item = outbox.record(s, kind, PAYLOADS[kind])
    with db.sessions.begin() as s:
        outbox.quarantine(s, item.id, "invalid_payload", "detail")
    created = outbox.OutboxReview(db).quarantined_items()[0].created_at
    screen = SyncStatusScreen(tr=Translator(lang), metrics=metrics_for("1920x1080"), review=outbox.OutboxReview(db),
                              sync_now=lambda: None, staff=lambda: "nurse-anna", catalogue=catalogue,
                              now=lambda: created)
    qtbot.addWidget(screen)
    background_done(qtbot)  # the outbox is read on the database thread
    texts = " | ".join(lab.text() for lab in screen.findChildren(QLabel))
    headline = next(lab.text() for lab in screen.findChildren(QLabel) if lab.objectName() == "quarantine-item")
    words = CATALOGUES[lang]
    assert headline.startswith(words[f"sync.kind.{kind}"].capitalize() + ":")
    assert "=" not in texts and "_id" not in texts  # no raw payload
    assert SECRET not in texts and "Matti" not in texts
    local = created.astimezone(LOCAL_TZ)
    sep = ":" if lang == "en" else "."
    assert f"{local.hour:02d}{sep}{local.minute:02d}" in headline
    service = PAYLOADS[kind].get("service_id")
    if service:
        assert NAMES[service][lang] in headline
    if kind == "feedback":
        assert "9/10" in headline and words["feedback.smiley.3"].lower() in headline
    for code in ("outcome", "event"):
        if code in PAYLOADS[kind]:
            assert words[f"staff.item.{kind}.{PAYLOADS[kind][code]}"] in headline
    if kind == "queue_ticket":
        assert "A007" in headline
    for other in {"fi", "sv", "en"} - {lang}:
        if words[f"sync.kind.{kind}"] != CATALOGUES[other][f"sync.kind.{kind}"]:
            assert CATALOGUES[other][f"sync.kind.{kind}"].capitalize() + ":" not in headline


def test_feedback_reads_as_the_issue_asks():
    t = Translator("fi")
    at = datetime(2026, 12, 5, 12, 5, tzinfo=timezone.utc)  # 14.05 in Helsinki
    text = describe_outbox_item(t, "feedback", {"service_id": "nurse", "smiley": 3, "nps": 9}, at,
                                lambda _id: "Terveysaseman sairaanhoitaja", now=at)
    assert text == "Palaute: Terveysaseman sairaanhoitaja, tyytyväinen, suositus 9/10, klo 14.05"
    # another day says the date; an unknown service says so, never the id
    later = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)
    text = describe_outbox_item(Translator("sv"), "feedback", {"service_id": "x-1", "smiley": 1}, at, now=later)
    assert text == "Respons: okänd tjänst, mycket missnöjd, 5.12.2026 kl. 14.05"
