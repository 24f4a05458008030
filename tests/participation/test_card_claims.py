"""Eligibility for residents who sign in with a card: the card registry keeps the claims
staff checked at card issue (birthdate, municipality, district), the real card key
brings them to the kiosk, and the rules pass or fail on them before anyone chooses."""

from __future__ import annotations

import pytest

from kiosk.participation import ParticipationDesk
from sync.identity import CardKey
from sync.server import identity as server_identity
from sync.server import participation as backend_participation
from sync.server.store import BackendError
from tests.backend import enrolled_client, question


@pytest.fixture
def hasher():
    from argon2 import PasswordHasher
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # fast for tests; production uses defaults


def test_card_claims_decide_eligibility_before_choosing(backend, make_kiosk, hasher):
    site = backend.new_site()
    q = question("poll", eligibility={"min_age": 15, "municipality": "091", "districts": ["kontula"]},
                 district_names={"kontula": {"fi": "Kontula", "sv": "Gårdsbacka", "en": "Kontula"}})
    backend_participation.author(backend.sessions, {"questions": [q]})
    server_identity.add_resident_card(backend.sessions, "A1B2C3D4", "2468", subject="res-aino", name="Aino",
                                      hasher=hasher, claims={"birthdate": "1990-04-01", "municipality": "091",
                                                             "resident_district": "kontula"})
    server_identity.add_resident_card(backend.sessions, "A1B2C3D5", "2468", subject="res-eino", name="Eino",
                                      hasher=hasher, claims={"birthdate": "1990-04-01", "municipality": "049"})
    server_identity.add_resident_card(backend.sessions, "A1B2C3D6", "2468", subject="res-old", name="Olli",
                                      hasher=hasher)  # issued before claims existed
    kiosk = make_kiosk(backend, site)
    kiosk.sync()
    key = CardKey(enrolled_client(backend, site))
    desk: ParticipationDesk = kiosk.desk
    question_ = desk.question(q["id"])
    aino = key.login("A1B2C3D4", "2468")
    assert dict(aino.claims) == {"birthdate": "1990-04-01", "municipality": "091", "resident_district": "kontula"}
    assert desk.may_take_part(question_, aino) is None
    problem = desk.may_take_part(question_, key.login("A1B2C3D5", "2468"))
    assert (problem.code, problem.detail) == ("not_eligible", "other_municipality")
    problem = desk.may_take_part(question_, key.login("A1B2C3D6", "2468"))
    assert (problem.code, problem.detail) == ("not_eligible", "age_unknown")  # not guessed in the person's favour
    receipt = desk.cast_vote(aino, q["id"], ["trees"])
    kiosk.sync()
    assert backend_participation.recount(backend.sessions, q["id"]) == {"trees": 1}
    assert receipt.item_id


def test_wrong_claims_at_card_issue_are_refused_with_the_reason(backend, hasher):
    with pytest.raises(BackendError) as err:
        server_identity.add_resident_card(backend.sessions, "A1B2C3E1", "2468", subject="res-x", name="X",
                                          hasher=hasher, claims={"birthdate": "1.4.1990", "municipality": "91",
                                                                 "hetu": "010490-123A"})
    for expected in ("birthdate: expected a date like 1990-04-01", "municipality: expected a three-digit code",
                     "hetu: not a claim the rules use"):
        assert expected in err.value.message
