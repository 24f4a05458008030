"""``welfare-backend``: run and administer the reference city backend.

    welfare-backend [--db URL] init-db        # a new database, or bring one up to date
    welfare-backend [--db URL] upgrade        # the same, said for an existing one (docs/deploy.md)
    welfare-backend [--db URL] import-catalogue FILE --site SITE
    welfare-backend [--db URL] import-ptv DIR --site SITE [--local FILE] [--municipality CODE]
    welfare-backend [--db URL] create-enrolment-code --site SITE
    welfare-backend [--db URL] revoke-device DEVICE_ID
    welfare-backend [--db URL] set-console-provider --issuer URL --client-id ID [--client-secret-env VAR]
    welfare-backend [--db URL] serve [--host 127.0.0.1] [--port 8765] [--workers 1]
    welfare-backend demo [--port 8765]        # what `make run` uses
    welfare-backend openapi                   # the OpenAPI document (docs/openapi.json)
    welfare-backend [--db URL] participation load FILE | results Q | add-batch Q ... | finalise Q
                                             | ideas Q | approve IDEA | reject IDEA --reason R | merge IDEA --into I

The database is ``--db``, else $WELFARE_BACKEND_DB, else SQLite under var/backend/.
PostgreSQL: ``--db postgresql://user@host:5432/dbname``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from kiosk.config import REPO_ROOT, state_root
from kiosk.packaged import asset

# var/backend in a checkout, the user's state folder for an installed copy (kiosk.config.state_root).
DEFAULT_DB = f"sqlite:///{state_root() / 'backend' / 'backend.db'}"


def _sessions(url: str):
    from sync.server.store import open_store

    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    return open_store(url)


def _upgrade(url: str) -> int:
    from sync.server import schema
    from sync.server.store import make_engine

    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        result = schema.upgrade(engine)
    except schema.SchemaMismatch as exc:
        print(f"upgrade: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(result.describe())
    print("database ready")
    return 0


def openapi_document() -> dict:
    from sqlalchemy.orm import sessionmaker

    from sync.server.app import create_app

    return create_app(sessionmaker()).openapi()


def _serve(sessions, host: str, port: int, workers: int = 1, url: str | None = None) -> None:
    """One process, or ``workers`` processes sharing the port and the one database
    (docs/deploy.md). The workers keep no state of their own that the answers depend on:
    each opens its own connection pool and every decision is taken in the database."""
    import uvicorn

    from sync.server.app import create_app

    log_level = os.environ.get("WELFARE_BACKEND_LOG", "warning")
    if workers <= 1:
        uvicorn.run(create_app(sessions), host=host, port=port, log_level=log_level, access_log=False)
        return
    sessions.kw["bind"].dispose()  # the workers open their own; nothing is shared across processes
    os.environ["WELFARE_BACKEND_DB"] = url
    uvicorn.run("sync.server.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level=log_level, access_log=False)


def _import(sessions, path: str, site: str) -> int:
    from kiosk.catalogue.importer import CatalogueError, load_file
    from sync.server.store import import_catalogue

    try:
        result = import_catalogue(sessions, load_file(path), site)
    except CatalogueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"site {site}: {result.changed} entries changed, {result.deleted} deleted (cursor {result.cursor})")
    return 0


def _import_ptv(sessions, args) -> int:
    """PTV Open API v11 pages (docs/ptv-import.md) as the site's catalogue, all or nothing."""
    from kiosk.catalogue import ptv
    from kiosk.catalogue.importer import CatalogueError
    from sync.server.store import import_catalogue

    try:
        data, summary = ptv.import_directory(args.dir, local=args.local, municipality=args.municipality)
        result = import_catalogue(sessions, data, args.site)
    except CatalogueError as exc:
        print(f"{args.dir}: {exc}", file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    print(f"site {args.site}: {result.changed} entries changed, {result.deleted} retired (cursor {result.cursor})")
    return 0


# Cards for trying the demo by hand (README "Trying it out"); never on a real backend.
DEMO_STAFF = ("demo-nurse", "D3E4F5A6", "2468", "nurse", "Demo Nurse")
DEMO_RESIDENT = ("A1B2C3D4", "1357", "demo-resident-1", "Maija Meikäläinen")


def _demo_people(sessions, site: str) -> None:
    from sync.server.identity import add_resident_card, add_staff

    staff_id, card, pin, role, name = DEMO_STAFF
    add_staff(sessions, site, staff_id, card, pin, role=role, name=name)
    r_card, r_pin, subject, r_name = DEMO_RESIDENT
    add_resident_card(sessions, r_card, r_pin, subject=subject, name=r_name)
    print(f"demo staff card {card} PIN {pin} ({role}); demo resident card {r_card} PIN {r_pin}")


def _demo(args) -> int:
    """Init a SQLite backend under var/, import the demo catalogue, leave an enrolment
    code where the local kiosk looks for one, and serve on 127.0.0.1."""
    from sync.server.models import Device
    from sync.server.store import create_enrolment_code

    sessions = _sessions(args.db or f"sqlite:///{state_root() / 'backend' / 'demo.db'}")
    catalogue = asset("demo", "catalogue.json")
    if not catalogue.exists():
        catalogue = REPO_ROOT / "tests" / "fixtures" / "mini_catalogue.json"
    if _import(sessions, str(catalogue), args.site):
        return 1
    code_file = Path(args.code_file)
    creds_file = code_file.parent / "device.json"
    enrolled = False
    if creds_file.exists():
        try:
            device_id = json.loads(creds_file.read_text())["device_id"]
            with sessions() as s:
                device = s.get(Device, device_id)
                enrolled = device is not None and device.revoked_at is None
        except (OSError, ValueError, KeyError):
            enrolled = False
    _demo_people(sessions, args.site)
    from sync.server.participation import author, load_file
    author(sessions, load_file(str(asset("demo", "participation.json"))))  # docs/participation.md
    if not enrolled:
        code_file.parent.mkdir(parents=True, exist_ok=True)
        code_file.write_text(create_enrolment_code(sessions, args.site) + "\n")
        print(f"enrolment code for the local kiosk written to {code_file}")
    print(f"reference backend on http://127.0.0.1:{args.port} (Ctrl+C stops it)", flush=True)
    _serve(sessions, "127.0.0.1", args.port)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="welfare-backend", description="The reference city backend.")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default $WELFARE_BACKEND_DB or SQLite in var/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init-db", help="create the tables (or bring them to the newest migration)")
    sub.add_parser("upgrade", help="apply the migrations this database has not had (adopts one made before "
                                   "migrations)")
    p = sub.add_parser("import-catalogue", help="import a catalogue file for a site")
    p.add_argument("file")
    p.add_argument("--site", required=True)
    p = sub.add_parser("import-ptv", help="import the national service catalogue's (PTV) v11 pages for a site")
    p.add_argument("dir", help="a directory of PTV pages (or one page file)")
    p.add_argument("--site", required=True)
    p.add_argument("--local", help="local additions (default DIR/local-additions.json)")
    p.add_argument("--municipality", help="only services offered in this municipality code, e.g. 091")
    p = sub.add_parser("create-enrolment-code", help="a one-time code a kiosk exchanges for credentials")
    p.add_argument("--site", required=True)
    p = sub.add_parser("revoke-device", help="refuse a device from now on")
    p.add_argument("device")
    p = sub.add_parser("serve", help="serve the HTTP API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--workers", type=_workers, default=1,
                   help="processes serving the same port and database (PostgreSQL only for more than 1)")
    p = sub.add_parser("demo", help="demo data on 127.0.0.1, enrols the local kiosk")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--site", default="demo-site")
    p.add_argument("--code-file", default=str(state_root() / "kiosk" / "enrolment-code"))
    p = sub.add_parser("add-staff", help="add or replace a nurse or admin; the PIN is read from the terminal/stdin")
    p.add_argument("--site", required=True)
    p.add_argument("--staff-id", required=True)
    p.add_argument("--card", required=True, help="the staff card number as the reader gives it")
    p.add_argument("--role", required=True, choices=("nurse", "admin"))
    p.add_argument("--name", required=True)
    p = sub.add_parser("remove-staff", help="remove a staff member (kiosks drop them at their next sync)")
    p.add_argument("--site", required=True)
    p.add_argument("--staff-id", required=True)
    p = sub.add_parser("add-resident-card", help="add a resident card; the PIN is read from the terminal/stdin")
    p.add_argument("--card", required=True)
    p.add_argument("--subject", required=True, help="the pseudonymous subject the kiosk sees")
    p.add_argument("--name", required=True, help="for greeting only")
    p.add_argument("--birthdate", help="checked by staff at issue, for participation eligibility (YYYY-MM-DD)")
    p.add_argument("--municipality", help="home municipality code, e.g. 091 (eligibility)")
    p.add_argument("--district", help="home district id, e.g. kontula (eligibility)")
    p = sub.add_parser("set-oidc-provider", help="the city's OpenID provider for the phone key")
    p.add_argument("--issuer", required=True)
    p.add_argument("--client-id", required=True)
    p.add_argument("--scope", default="openid profile")
    p = sub.add_parser("set-console-provider", help="the city's OpenID provider for console staff (docs/console.md)")
    p.add_argument("--issuer", required=True)
    p.add_argument("--client-id", required=True)
    p.add_argument("--client-secret-env", default=None,
                   help="the name of an environment variable holding a confidential client's secret")
    sub.add_parser("openapi", help="print the OpenAPI document")
    from sync.server.participation import add_cli as _participation_cli  # docs/participation.md
    _participation_cli(sub)
    _announce_cli(sub)
    args = parser.parse_args(argv)

    if args.command == "openapi":
        print(json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False))
        return 0
    if args.command == "demo":
        return _demo(args)
    url = args.db or os.environ.get("WELFARE_BACKEND_DB") or DEFAULT_DB
    if args.command in ("init-db", "upgrade"):
        return _upgrade(url)
    from sync.server.schema import SchemaMismatch

    try:
        sessions = _sessions(url)
    except SchemaMismatch as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 2
    if args.command == "import-catalogue":
        return _import(sessions, args.file, args.site)
    elif args.command == "import-ptv":
        return _import_ptv(sessions, args)
    elif args.command == "create-enrolment-code":
        from sync.server.store import create_enrolment_code

        print(create_enrolment_code(sessions, args.site))
    elif args.command == "revoke-device":
        from sync.server.store import revoke_device

        if not revoke_device(sessions, args.device):
            print(f"no device {args.device}", file=sys.stderr)
            return 1
        print(f"device {args.device} revoked")
    elif args.command == "serve":
        if args.workers > 1 and not url.startswith("postgresql"):
            print(f"serve --workers {args.workers}: several workers need PostgreSQL (SQLite lets one writer in "
                  "at a time, so more processes only wait on each other); give --db postgresql://...",
                  file=sys.stderr)
            return 2
        if args.workers > 1 and os.environ.get("WELFARE_VIDEO_ON_DUTY"):
            # The on-demand video desk counts busy rooms in memory (sync/server/video.py):
            # each worker would hand out the whole on-duty count again.
            print(f"serve --workers {args.workers}: WELFARE_VIDEO_ON_DUTY is set, and the on-demand video desk "
                  "counts its rooms inside one process; serve it with --workers 1 (docs/deploy.md)",
                  file=sys.stderr)
            return 2
        _serve(sessions, args.host, args.port, args.workers, url)
    elif args.command == "set-console-provider":
        from sync.server.console.auth import set_provider

        secret = os.environ.get(args.client_secret_env, "") if args.client_secret_env else ""
        if args.client_secret_env and not secret:
            print(f"set-console-provider: ${args.client_secret_env} is empty", file=sys.stderr)
            return 2
        try:
            set_provider(sessions, args.issuer, args.client_id, secret)
        except ValueError as exc:
            print(f"set-console-provider: {exc}", file=sys.stderr)
            return 2
        print(f"console sign-in through {args.issuer} (client {args.client_id})")
    elif args.command == "announce":
        return _announce(sessions, args)
    elif args.command == "participation":
        from sync.server.participation import run_cli

        return run_cli(sessions, args)
    elif args.command in ("add-staff", "remove-staff", "add-resident-card", "set-oidc-provider"):
        return _identity_command(sessions, args)
    return 0


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= 64:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes from 1 to 64, got {text!r}")
    return n


def _announce_cli(sub) -> None:
    from sync.server.announcements import add_cli  # docs/protocol.md, "Announcements"
    add_cli(sub)


def _announce(sessions, args) -> int:
    from sync.server.announcements import run_cli
    return run_cli(sessions, args)


def _read_pin() -> str:
    """From the terminal without echo, or the first line of stdin (for scripts):
    never from the command line, where it would stay in the shell history."""
    import getpass
    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    return sys.stdin.readline().strip()


def _identity_command(sessions, args) -> int:
    from sync.server import identity
    from sync.server.store import BackendError

    try:
        if args.command == "add-staff":
            identity.add_staff(sessions, args.site, args.staff_id, args.card, _read_pin(), role=args.role,
                               name=args.name)
            print(f"staff {args.staff_id} ({args.role}) at site {args.site}: kiosks get it at their next sync")
        elif args.command == "remove-staff":
            if not identity.remove_staff(sessions, args.site, args.staff_id):
                print(f"no staff {args.staff_id} at site {args.site}", file=sys.stderr)
                return 1
            print(f"staff {args.staff_id} removed from site {args.site}")
        elif args.command == "add-resident-card":
            claims = {k: v for k, v in (("birthdate", args.birthdate), ("municipality", args.municipality),
                                        ("resident_district", args.district)) if v}
            identity.add_resident_card(sessions, args.card, _read_pin(), subject=args.subject, name=args.name,
                                       claims=claims)
            print(f"resident card for {args.subject} added")
        else:
            identity.set_oidc_provider(sessions, args.issuer, args.client_id, scope=args.scope)
            print(f"OpenID provider {args.issuer} set")
    except BackendError as exc:
        print(f"{args.command}: {exc.message}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
