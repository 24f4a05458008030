"""IT's commands for people and keys on the reference backend, run as a real process."""

import subprocess
import sys

from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker


def run(db_url, *args, stdin=""):
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", db_url, *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_staff_cards_and_provider_are_managed_from_the_command_line(tmp_path):
    from sync.server.identity import verify_card_pin
    from sync.server.models import Base  # noqa: F401  (the backend's own tables)

    url = f"sqlite:///{tmp_path / 'backend.db'}"
    assert run(url, "init-db").returncode == 0
    added = run(url, "add-staff", "--site", "kontula", "--staff-id", "n-1", "--card", "C0FFEE01", "--role", "nurse",
                "--name", "Nurse One", stdin="2468\n")
    assert added.returncode == 0, added.stderr
    assert "2468" not in added.stdout + added.stderr  # the PIN is never echoed
    bad_role = run(url, "add-staff", "--site", "kontula", "--staff-id", "x", "--card", "C0FFEE02", "--role",
                   "doctor", "--name", "X", stdin="1111\n")
    assert bad_role.returncode == 2 and "invalid choice" in bad_role.stderr
    assert run(url, "add-resident-card", "--card", "A1B2C3D4", "--subject", "r-1", "--name", "Maija",
               stdin="1357\n").returncode == 0
    bad_issuer = run(url, "set-oidc-provider", "--issuer", "http://evil.example", "--client-id", "kiosk")
    assert bad_issuer.returncode == 2 and "https://" in bad_issuer.stderr
    assert run(url, "set-oidc-provider", "--issuer", "https://id.example.fi", "--client-id", "kiosk").returncode == 0

    sessions = sessionmaker(create_engine(url))
    assert verify_card_pin(sessions, "A1B2C3D4", "1357")["subject"] == "r-1"
    from sync.server.identity import StaffMember
    with sessions() as s:
        assert s.scalars(select(StaffMember.staff_id)).all() == ["n-1"]
    assert run(url, "remove-staff", "--site", "kontula", "--staff-id", "n-1").returncode == 0
    assert run(url, "remove-staff", "--site", "kontula", "--staff-id", "n-1").returncode == 1
