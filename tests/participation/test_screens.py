"""The Take part screens with real widgets (pytest-qt), a real kiosk database and the REAL
reference backend: guest reading, the key, budgeting with a refused pick, review, cast,
receipt, sync, and the count on the backend."""

from __future__ import annotations

import time

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.flow import KioskFlow, Place
from kiosk.identity.keys import Identity
from kiosk.identity.session import KioskSession
from kiosk.storage.models import OutboxItem
from sync.server import participation as backend_participation
from tests.backend import question
from ui.i18n import Translator
from ui.theme import LIGHT, metrics_for, stylesheet

pytestmark = pytest.mark.gui
ANNA = Identity(key="card", subject="subject-anna", name="Anna", claims={"birthdate": "1990-04-01"})


@pytest.fixture
def parts(backend, make_kiosk):
    site = backend.new_site()
    budget = question("budget", eligibility={"min_age": 15})
    poll = question("poll", rule="first")
    backend_participation.author(backend.sessions, {"questions": [budget, poll]})
    k = make_kiosk(backend, site)
    k.sync()
    return k, budget, poll


def make_screen(qtbot, k, *, online=True, language="fi"):
    from ui.screens.participation import ParticipationScreen

    flow = KioskFlow()
    flow.add_place("participation")
    session = KioskSession()
    metrics = metrics_for("1920x1080")
    screen = ParticipationScreen(flow=flow, tr=Translator(language), metrics=metrics, desk=k.desk, session=session,
                                 is_online=lambda: online, palette=LIGHT,
                                 receipt_link=lambda item_id, lang: f"https://city.example/participation/receipt/"
                                                                    f"{item_id}?lang={lang}")
    screen.setStyleSheet(stylesheet(LIGHT, metrics))
    screen.resize(1920, 1000)
    qtbot.addWidget(screen)
    screen.show()
    screen.enter(Place("participation"))
    qtbot.waitUntil(lambda: len(screen.questions) == 2, timeout=10_000)
    return screen, session


def click(qtbot, screen, name):
    w = screen.findChild(QAbstractButton, name)
    assert w is not None, name
    qtbot.waitUntil(w.isVisible, timeout=5_000)  # rows added to a shown layout appear at the next turn
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def unnamed_controls(screen) -> list[str]:
    return [w.objectName() or type(w).__name__ for w in screen.findChildren(QWidget)
            if isinstance(w, (QAbstractButton, QLineEdit)) and w.isVisible() and not w.accessibleName().strip()]


def test_a_budget_vote_from_the_list_to_the_backend_count(qtbot, backend, parts):
    k, budget, _poll = parts
    screen, session = make_screen(qtbot, k)
    needed = []
    session.on_key_needed(needed.append)
    click(qtbot, screen, f"question-{budget['id']}")
    assert "vähintään 15-vuotias" in screen.q_facts.text()          # eligibility told before choosing
    assert "viimeisin äänesi jää voimaan" in screen.q_rule.text()    # and the rule
    assert unnamed_controls(screen) == []
    click(qtbot, screen, "take-part")
    assert [p.name for p in needed] == ["participation.take_part"]   # guests read, voting needs a key
    session.open(ANNA, time.monotonic())                             # the login flow resumes the action
    assert screen.pages.currentIndex() == 2 and screen.budget_bar.isVisible()
    click(qtbot, screen, "option-trees")        # 50 000
    click(qtbot, screen, "option-benches")      # 20 000 -> 30 000 left
    assert "30\u00a0000\u00a0€" in screen.budget_caption.text()
    click(qtbot, screen, "option-playground")   # 60 000 > 30 000: refused with the reason
    assert "60\u00a0000\u00a0€" in screen.c_refusal.text() and "30\u00a0000\u00a0€" in screen.c_refusal.text()
    assert not screen.findChild(QAbstractButton, "option-playground").isChecked()
    assert screen.picks == ["trees", "benches"]
    assert unnamed_controls(screen) == []
    click(qtbot, screen, "to-review")
    assert "trees (fi)" in screen.r_lines.text() and "70\u00a0000\u00a0€" in screen.r_lines.text()
    with k.db.sessions() as s:
        assert s.query(OutboxItem).count() == 0                      # nothing is cast before the review
    click(qtbot, screen, "cast-vote")
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 6, timeout=10_000)
    link = screen.qr.text
    item_id = screen.receipt.item_id
    assert item_id in link and "trees" not in link
    assert "lähetetään" in screen.d_text.text()
    k.sync()
    assert backend_participation.recount(backend.sessions, budget["id"]) == {"trees": 1, "benches": 1}
    page = requests.get(f"{backend.url}/participation/receipt/{item_id}?lang=fi", timeout=10).text
    assert "Äänesi on laskettu mukaan" in page
    click(qtbot, screen, "receipt-done")
    assert screen.picks == [] and screen.identity is None and screen.receipt is None


def test_offline_the_receipt_says_it_will_be_counted_later(qtbot, parts):
    k, _budget, poll = parts
    screen, session = make_screen(qtbot, k, online=False, language="sv")
    session.open(ANNA, time.monotonic())
    click(qtbot, screen, f"question-{poll['id']}")
    assert "Bara din första röst räknas" in screen.q_rule.text()
    click(qtbot, screen, "take-part")
    click(qtbot, screen, "option-trees")
    click(qtbot, screen, "option-benches")  # a single-choice poll: the second tap moves the choice
    assert screen.picks == ["benches"]
    click(qtbot, screen, "to-review")
    click(qtbot, screen, "cast-vote")
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 6, timeout=10_000)
    assert "räknas när förbindelsen är tillbaka" in screen.d_text.text()
    with k.db.sessions() as s:
        assert [i.state for i in s.query(OutboxItem)] == ["pending"]


def test_a_person_who_may_not_vote_is_told_why_before_choosing(qtbot, parts):
    k, budget, _poll = parts
    screen, session = make_screen(qtbot, k, language="en")
    session.open(Identity(key="card", subject="s-young", name="Ville", claims={"birthdate": "2020-01-01"}),
                 time.monotonic())
    click(qtbot, screen, f"question-{budget['id']}")
    click(qtbot, screen, "take-part")
    assert screen.pages.currentIndex() == 1
    assert screen.q_problem.isVisible() and "aged 15 or over" in screen.q_problem.text()
    session.end("logout")


def test_a_nurse_authorises_a_person_without_a_key_on_the_screen(qtbot, backend, parts, tmp_path):
    from kiosk.identity.keys import NURSE, STAFF

    k, _budget, poll = parts
    screen, session = make_screen(qtbot, k, language="fi")
    click(qtbot, screen, f"question-{poll['id']}")
    assert not screen.findChild(QAbstractButton, "authorise-in-person").isVisible()  # not for residents
    session.open(Identity(STAFF, "nurse-niina", "Niina", role=NURSE), time.monotonic())
    click(qtbot, screen, "question-back")
    click(qtbot, screen, f"question-{poll['id']}")
    click(qtbot, screen, "authorise-in-person")
    assert screen.pages.currentIndex() == 8 and unnamed_controls(screen) == []
    code = screen.findChild(QLineEdit, "identity-code")
    for ch in "131052-308u":                                            # a typo in the check character
        click(qtbot, screen.n_keyboard, f"key-{ch}")
    click(qtbot, screen, "in-person-continue")
    assert "Henkilötunnus ei ole oikein" in screen.n_problem.text()
    click(qtbot, screen.n_keyboard, "key-erase")
    click(qtbot, screen.n_keyboard, "key-t")
    assert screen.grab().save(str(tmp_path / "in-person-fi.png"))
    click(qtbot, screen, "in-person-continue")
    assert code.text() == "" and screen.pages.currentIndex() == 2    # the code left the screen
    click(qtbot, screen, "option-trees")
    click(qtbot, screen, "to-review")
    click(qtbot, screen, "cast-vote")
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 6, timeout=10_000)
    k.sync()
    assert backend_participation.recount(backend.sessions, poll["id"]) == {"trees": 1}
    assert backend_participation.question_results(backend.sessions, poll["id"])["turnout"]["channels"] == \
        {"staff": 1}
    with k.db.sessions() as s:
        audit = [i.payload for i in s.query(OutboxItem).filter_by(kind="staff_audit")]
    assert [(a["event"], a["staff_id"], a["detail"]) for a in audit] == \
        [("vote_authorised_in_person", "nurse-niina", f"question={poll['id']}")]
