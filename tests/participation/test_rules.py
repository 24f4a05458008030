"""The rules kiosk and backend share (kiosk/participation.py), without Qt or network."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from kiosk import outbox
from kiosk.participation import (ParticipationError, budget_left, choice_problem, eligibility_problem, parse_question,
                                 question_problems, schedule_problem)
from kiosk.storage.models import OutboxItem
from tests.backend import question


def test_age_is_counted_on_the_helsinki_date_not_the_utc_one():
    q = parse_question(question("poll", eligibility={"min_age": 15}))
    born = {"birthdate": "2011-12-06"}  # turns 15 on 6 December, Helsinki time
    evening = datetime(2026, 12, 5, 21, 40, tzinfo=timezone.utc)   # 23:40 on the 5th in Helsinki
    midnight = datetime(2026, 12, 5, 22, 10, tzinfo=timezone.utc)  # 00:10 on the 6th in Helsinki
    assert eligibility_problem(q, born, evening).detail == "too_young"
    assert eligibility_problem(q, born, midnight) is None


def test_missing_claims_are_not_guessed_in_the_persons_favour():
    q = parse_question(question("poll", eligibility={"municipality": "091", "districts": ["kontula"]}))
    at = datetime(2026, 12, 1, tzinfo=timezone.utc)
    assert eligibility_problem(q, {}, at).detail == "municipality_unknown"
    assert eligibility_problem(q, {"municipality": "049"}, at).detail == "other_municipality"
    assert eligibility_problem(q, {"municipality": "091"}, at).detail == "district_unknown"
    assert eligibility_problem(q, {"municipality": "091", "resident_district": "vuosaari"}, at).detail == \
        "other_district"
    assert eligibility_problem(q, {"municipality": "091", "resident_district": "kontula"}, at) is None


def test_choices_and_budget():
    poll = parse_question(question("poll"))
    approval = parse_question(question("poll", multiple=True))
    budget = parse_question(question("budget"))
    ideas = parse_question(question("ideas"))
    assert choice_problem(poll, ["trees"]) is None
    assert choice_problem(poll, ["trees", "benches"]).code == "wrong_number_of_choices"
    assert choice_problem(approval, ["trees", "benches"]) is None
    assert choice_problem(approval, ["trees", "trees"]).code == "wrong_number_of_choices"
    assert choice_problem(approval, []).code == "wrong_number_of_choices"
    assert choice_problem(poll, ["pool"]).code == "option_unknown"
    assert choice_problem(budget, ["trees", "benches"]) is None  # 70 000 of 100 000
    assert choice_problem(budget, ["trees", "playground"]).code == "over_budget"
    assert budget_left(budget, ["trees", "benches"]) == 30_000
    assert choice_problem(ideas, ["parks"]).code == "wrong_question_type"


def test_schedule_and_offline_grace():
    q = parse_question(question("poll", opens=datetime(2026, 12, 1, tzinfo=timezone.utc),
                                closes=datetime(2026, 12, 10, tzinfo=timezone.utc), late_grace_h=24))
    assert schedule_problem(q, datetime(2026, 11, 30, tzinfo=timezone.utc)).code == "question_not_open"
    assert schedule_problem(q, datetime(2026, 12, 9, tzinfo=timezone.utc),
                            datetime(2026, 12, 10, 23, tzinfo=timezone.utc)) is None  # offline, within grace
    assert schedule_problem(q, datetime(2026, 12, 9, tzinfo=timezone.utc),
                            datetime(2026, 12, 11, 1, tzinfo=timezone.utc)).code == "question_closed"
    assert schedule_problem(q, datetime(2026, 12, 10, tzinfo=timezone.utc)).code == "question_closed"


def test_a_bad_question_names_each_problem():
    bad = question("budget", budget=0, rule="sometimes")
    bad["closes"] = "2026-01-01T00:00:00"
    bad["projects"][0]["cost"] = -5
    problems = question_problems(bad)
    for expected in ("budget: expected whole euros above 0", "rule: expected one of replace, first",
                     "closes: expected a time with a UTC offset", "projects[0].cost: expected whole euros above 0"):
        assert any(expected in p for p in problems), (expected, problems)
    with pytest.raises(ParticipationError):
        parse_question(bad)


def test_a_rejected_vote_keeps_nothing_personal_on_the_kiosk(db):
    with db.sessions.begin() as s:
        item = outbox.record(s, "vote", {"question_id": "q", "choices": ["a"], "subject": "sub-1",
                                         "birthdate": "1990-01-01", "why": "koska"})
    with db.sessions.begin() as s:
        outbox.quarantine(s, item.id, "already_voted")
    with db.sessions() as s:
        assert s.get(OutboxItem, item.id).payload == {"question_id": "q"}
    with pytest.raises(outbox.OutboxError, match="choices"):
        with db.sessions.begin() as s:
            outbox.record(s, "vote", {"question_id": "q", "choices": ["Not An Id"], "subject": "s"})


def test_districts_are_shown_by_name_and_an_unnamed_one_is_an_authoring_error(tmp_path):
    from kiosk.participation import with_district_names
    from sync.server import participation as backend_participation
    from sync.server.store import open_store

    q = question("ideas")
    del q["district_names"]
    _, missing = with_district_names(q, {"kontula": {"fi": "Kontula", "sv": "Gårdsbacka", "en": "Kontula"}})
    assert missing == ["question " + q["id"] + ": district 'vuosaari' has no name: add it under "
                       "[districts.vuosaari] with fi, sv and en"]
    sessions = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    with pytest.raises(ParticipationError) as err:
        backend_participation.author(sessions, {"questions": [q]})
    assert "district 'kontula' has no name" in err.value.detail and "'vuosaari'" in err.value.detail
    names = {"kontula": {"fi": "Kontula", "sv": "Gårdsbacka", "en": "Kontula"},
             "vuosaari": {"fi": "Vuosaari", "sv": "Nordsjö", "en": "Vuosaari"}}
    backend_participation.author(sessions, {"questions": [q], "districts": names})
    stored = parse_question(_stored(sessions, q["id"]))
    assert stored.district_name("vuosaari", "sv") == "Nordsjö" and stored.district_name("kontula", "fi") == "Kontula"
    assert stored.district_name("nowhere", "fi") == ""


def _stored(sessions, qid):
    from sync.server.models import ParticipationQuestion

    with sessions() as s:
        return s.get(ParticipationQuestion, qid).data
