"""``welfare-backend participation ...``: the city authors and moderates from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

from sync.server import participation as backend_participation
from sync.server.store import open_store
from tests.conftest import REPO

TOML = """
[site_districts]
"{site}" = "kontula"

[[questions]]
id = "{qid}"
type = "poll"
rule = "first"
late_grace_h = 0
districts_targeted = ["kontula"]
opens = "{opens}"
closes = "{closes}"
title = {{ fi = "Torin nimi", sv = "Torgets namn", en = "Name of the square" }}
asker = {{ fi = "Kaupunki", sv = "Staden", en = "The city" }}
why = {{ fi = "Uusi tori", sv = "Nytt torg", en = "A new square" }}
result_use = {{ fi = "Nimitoimikunta päättää", sv = "Namnkommittén beslutar", en = "The naming committee decides" }}

[[questions.options]]
id = "north"
label = {{ fi = "Pohjoistori", sv = "Nordtorget", en = "North square" }}

[[questions.options]]
id = "south"
label = {{ fi = "Etelätori", sv = "Södertorget", en = "South square" }}
"""


def cli(db: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", db, "participation", *args], cwd=REPO,
                          capture_output=True, text=True, input=stdin, timeout=60)


def test_load_a_toml_file_count_batches_and_finalise(tmp_path):
    db = f"sqlite:///{tmp_path / 'backend.db'}"
    sessions = open_store(db)
    from sync.server.store import create_enrolment_code
    site = "kontula-library"
    create_enrolment_code(sessions, site)  # the site exists
    now = datetime.now(timezone.utc)
    qid = f"square-{uuid.uuid4().hex[:6]}"
    path = tmp_path / "questions.toml"
    path.write_text(TOML.format(site=site, qid=qid, opens=(now - timedelta(days=2)).isoformat(),
                                closes=(now - timedelta(days=1)).isoformat()), encoding="utf-8")
    out = cli(db, "load", str(path))
    assert out.returncode == 0, out.stderr
    assert f"question {qid}: stored" in out.stdout
    add = cli(db, "add-batch", qid, "--channel", "paper", "--voters", "7", "--count", "north=5", "--count", "south=2")
    assert add.returncode == 0, add.stderr
    bad = cli(db, "add-batch", qid, "--channel", "paper", "--voters", "1", "--count", "west=1")
    assert bad.returncode == 2 and "option_unknown" in bad.stderr
    res = json.loads(cli(db, "results", qid).stdout)
    assert res["other"] == {"north": 5, "south": 2} and res["turnout"]["channels"] == {"paper": 7}
    final = cli(db, "finalise", qid)
    assert final.returncode == 0, final.stderr
    assert json.loads(final.stdout)["finalised"] is True
    with sessions() as s:
        from sync.server.models import CatalogueEntry
        entry = s.get(CatalogueEntry, (site, "question", qid))
    assert entry is not None and entry.data["results"]["other"]["north"] == 5  # kiosks get the results


def test_a_bad_file_is_refused_whole_with_every_problem_named(tmp_path):
    db = f"sqlite:///{tmp_path / 'backend.db'}"
    doc = {"questions": [{"id": "ok-one", "type": "poll"}, {"id": "Bad Id", "type": "referendum"}]}
    path = tmp_path / "q.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = cli(db, "load", str(path))
    assert out.returncode == 2
    for problem in ("ok-one.title: expected texts in fi, sv and en", "ok-one.options: expected a list",
                    "id: expected a short lowercase id",
                    "type: expected one of poll, budget, ideas"):
        assert problem in out.stderr, problem
    with open_store(db)() as s:
        from sync.server.models import ParticipationQuestion
        assert s.query(ParticipationQuestion).count() == 0
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    out = cli(db, "load", str(broken))
    assert out.returncode == 1 and "cannot read" in out.stderr


def test_moderation_from_the_command_line(tmp_path):
    db = f"sqlite:///{tmp_path / 'backend.db'}"
    sessions = open_store(db)
    from tests.backend import question
    q = question("ideas")
    backend_participation.author(sessions, {"questions": [q]})
    from sync.server.models import ParticipationIdea
    with sessions.begin() as s:
        for n in range(3):
            s.add(ParticipationIdea(id=str(uuid.UUID(int=n + 1)), question_id=q["id"], title=f"Idea {n}", text="t",
                                    category="parks", status="proposed", created_at=datetime.now(timezone.utc)))
    a, b, c = (str(uuid.UUID(int=n + 1)) for n in range(3))
    assert cli(db, "approve", a).returncode == 0
    assert cli(db, "reject", b).returncode != 0                     # a reason is required
    assert cli(db, "reject", b, "--reason", "Ei kaupungin asia").returncode == 0
    merged = cli(db, "merge", c, "--into", a)
    assert merged.returncode == 0 and "merged" in merged.stdout
    listing = cli(db, "ideas", q["id"]).stdout
    assert f"{a}  approved" in listing and "(Ei kaupungin asia)" in listing and f"-> {a}" in listing
    assert cli(db, "merge", a, "--into", b).returncode == 2          # only into an approved idea
