"""A database error's text never carries the values of the statement: it is logged, shown
on the staff screen and sent to the city in the heartbeat's ``last_error``, and the values
may be what a resident wrote."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk.storage.db import open_database


def test_a_failed_insert_names_the_statement_but_not_the_residents_words(tmp_path):
    db = open_database(tmp_path / "kiosk.db")
    secret = "my neighbour Matti Meikäläinen hits his wife"
    with db.sessions() as s:
        s.execute(text("CREATE TABLE probe (id INTEGER PRIMARY KEY, words TEXT NOT NULL UNIQUE)"))
        s.execute(text("INSERT INTO probe (words) VALUES (:w)"), {"w": secret})
        s.commit()
    with pytest.raises(IntegrityError) as failed:
        with db.sessions() as s:
            s.execute(text("INSERT INTO probe (words) VALUES (:w)"), {"w": secret})
            s.commit()
    message = f"{failed.value!s} {failed.value!r}"
    assert "UNIQUE constraint failed" in message and "INSERT INTO probe" in message
    assert "Matti" not in message and "hits" not in message


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_the_backends_database_errors_carry_no_bound_values_either(kind, tmp_path, request):
    import uuid

    from sync.server.store import make_engine

    url = (f"sqlite:///{tmp_path / 'backend.db'}" if kind == "sqlite"
           else request.getfixturevalue("postgres").create_database(f"t_{uuid.uuid4().hex[:10]}"))
    engine = make_engine(url)
    secret = "Matti Meikäläinen voted for the skate park"
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE probe_values (id INTEGER PRIMARY KEY, words TEXT)"))
        conn.execute(text("INSERT INTO probe_values (id, words) VALUES (1, 'first')"))
    try:
        with pytest.raises(IntegrityError) as failed:
            with engine.begin() as conn:  # the id is taken: the words are only a bound value
                conn.execute(text("INSERT INTO probe_values (id, words) VALUES (1, :w)"), {"w": secret})
        message = f"{failed.value!s} {failed.value!r}"
        assert "INSERT INTO probe_values" in message
        assert "voted" not in message and "Matti" not in message
    finally:
        engine.dispose()
