"""A throwaway PostgreSQL cluster on 127.0.0.1 (initdb + pg_ctl in a temp dir), for tests
and benchmarks. As root, the server runs as the ``postgres`` user in a dir it owns."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(Exception):
    pass


def find_bin() -> Path | None:
    for pattern in ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", "/usr/local/bin", "/usr/bin"):
        for d in sorted(glob.glob(pattern), reverse=True):
            if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
                return Path(d)
    return None


class PostgresCluster:
    def __init__(self, *, fsync: bool = False, max_connections: int = 300):
        bindir = find_bin()
        if bindir is None:
            raise PostgresUnavailable("initdb/pg_ctl not found: install postgresql (packaging/system-deps.sh)")
        self.base = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self._as_root = os.geteuid() == 0
        if self._as_root:
            if shutil.which("runuser") is None:
                raise PostgresUnavailable("running as root but runuser is missing")
            try:
                shutil.chown(self.base, "postgres", "postgres")
            except (LookupError, OSError) as exc:
                raise PostgresUnavailable(f"no postgres user to run the server as ({exc})") from None
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = self.base / "data"
        self._pg_ctl = str(bindir / "pg_ctl")
        self._run([str(bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                   "--no-sync"], "initdb")
        opts = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c max_connections={max_connections}"
                + ("" if fsync else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"))
        self._run([self._pg_ctl, "-D", str(self.data), "-l", str(self.base / "server.log"), "-w", "-t", "60",
                   "-o", opts, "start"], "pg_ctl start")
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, cmd: list[str], what: str) -> None:
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if res.returncode != 0:
            log = self.base / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise PostgresUnavailable(f"{what} failed ({res.returncode}): {res.stderr.strip()[-1500:]} {tail}")

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run([self._pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"], "pg_ctl stop")
        except PostgresUnavailable:
            pass
        shutil.rmtree(self.base, ignore_errors=True)
