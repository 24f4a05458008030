"""In-person authorisation: a nurse at the kiosk vouches for a person without an
electronic key. The vote counts under the one-vote rule (the subject comes from the
personal identity code the nurse checked), the staff audit says who authorised a vote
for which question and nothing about the person, and nothing personal stays anywhere."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk.identity.keys import NURSE, PHONE, STAFF, Identity
from kiosk.participation import ParticipationError, authorise_in_person
from kiosk.storage.models import OutboxItem
from sync.server import participation as backend_participation
from sync.server.models import Item, VoterRegister
from tests.backend import question

NIINA = Identity(STAFF, "nurse-niina", "Niina", role=NURSE)
CODE = "131052-308T"          # a valid personal identity code (born 13.10.1952)
CHILD = "010115A1239"         # born 1.1.2015


def test_an_in_person_vote_counts_once_and_the_audit_names_only_the_nurse(any_backend, make_kiosk):
    site = any_backend.new_site()
    q = question("poll", rule="first", eligibility={"min_age": 15})
    backend_participation.author(any_backend.sessions, {"questions": [q]})
    k1, k2 = make_kiosk(any_backend, site), make_kiosk(any_backend, site)
    k1.sync(), k2.sync()
    voter = authorise_in_person(NIINA, " 131052-308t ")  # as typed: spaces, lower case
    assert k1.desk.may_take_part(k1.desk.question(q["id"]), voter) is None  # the age from the code
    receipt = k1.desk.cast_vote(voter, q["id"], ["trees"])
    # the same person again, at another kiosk with another nurse, and by a phone key whose
    # provider releases the personal identity code: the first vote stands
    again = k2.desk.cast_vote(authorise_in_person(NIINA, CODE), q["id"], ["benches"])
    phone = Identity(PHONE, "oidc-sub-77", "Maija", claims={"personal_identity_code": CODE,
                                                            "birthdate": "1952-10-13"})
    by_phone = k2.desk.cast_vote(phone, q["id"], ["playground"])
    with k1.db.sessions() as s:
        audit = [i.payload for i in s.query(OutboxItem).filter_by(kind="staff_audit")]
    assert audit == [{"event": "vote_authorised_in_person", "staff_id": "nurse-niina", "at": audit[0]["at"],
                      "detail": f"question={q['id']}"}]
    k1.sync(), k2.sync()
    assert backend_participation.recount(any_backend.sessions, q["id"]) == {"trees": 1}
    with any_backend.sessions() as s:
        register = list(s.scalars(select(VoterRegister).where(VoterRegister.question_id == q["id"])))
        stored = [json.dumps(i.payload) for i in s.scalars(select(Item).where(Item.id.in_(
            [receipt.item_id, again.item_id, by_phone.item_id])))]
    assert [(r.channel, r.item_id) for r in register] == [("staff", receipt.item_id)]
    results = backend_participation.question_results(any_backend.sessions, q["id"])
    assert results["turnout"]["channels"] == {"staff": 1}
    for k, item_id in ((k2, again.item_id), (k2, by_phone.item_id)):
        with k.db.sessions() as s:
            item = s.get(OutboxItem, item_id)
            assert (item.state, item.reason) == ("quarantined", "already_voted")  # set aside, told to the resident
    for k in (k1, k2):
        with k.db.sessions() as s:
            assert not any(CODE in json.dumps(i.payload) or "131052" in json.dumps(i.payload)
                           for i in s.query(OutboxItem))     # purged after delivery or final refusal
    assert not any("131052" in p for p in stored)


def test_only_staff_authorise_and_a_wrong_code_is_refused(any_backend, make_kiosk):
    resident = Identity(PHONE, "sub-1", "Maija")
    with pytest.raises(ParticipationError) as err:
        authorise_in_person(resident, CODE)
    assert err.value.code == "not_staff"
    for bad in ("131052-308U", "311352-308T", "hello", ""):
        with pytest.raises(ParticipationError) as err:
            authorise_in_person(NIINA, bad)
        assert err.value.code == "bad_identity_code", bad
    site = any_backend.new_site()
    q = question("poll", eligibility={"min_age": 15})
    backend_participation.author(any_backend.sessions, {"questions": [q]})
    k = make_kiosk(any_backend, site)
    k.sync()
    problem = k.desk.may_take_part(k.desk.question(q["id"]), authorise_in_person(NIINA, CHILD))
    assert (problem.code, problem.detail) == ("not_eligible", "too_young")
