"""welfare-catalogue: check or import a catalogue file into a kiosk database.

    welfare-catalogue check FILE
    welfare-catalogue import FILE [--config DEVICE.toml] [--db PATH]

Exit codes: 0 done, 1 the file was rejected (nothing changed), 2 bad usage or config.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.catalogue.importer import CatalogueError, import_catalogue, load_file, validate
from kiosk.config import ConfigError, load_config


def database_path(config_path: str | None, db: str | None) -> Path:
    if db:
        return Path(db)
    return load_config(config_path).data_dir / "kiosk.db"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="welfare-catalogue", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    chk = sub.add_parser("check", help="validate a catalogue file; change nothing")
    chk.add_argument("file")
    imp = sub.add_parser("import", help="replace the kiosk's catalogue with a file, all or nothing")
    imp.add_argument("file")
    imp.add_argument("--config", help="device configuration file (to find the database)")
    imp.add_argument("--db", help="database file (overrides --config)")
    args = ap.parse_args(argv)

    try:
        data = load_file(args.file)
        if args.cmd == "check":
            errors = validate(data)
            if errors:
                raise CatalogueError(errors)
            print(f"{args.file}: valid ({len(data['services'])} services, {len(data['providers'])} providers)")
            return 0
        from kiosk.storage.db import open_database
        db = open_database(database_path(args.config, args.db))
        for notice in db.notices:
            print(notice, file=sys.stderr)
        result = import_catalogue(db, data)
        db.close()
        print(f"imported {result.services} services, {result.providers} providers, "
              f"{result.channels} channels, {result.slots} slots")
        return 0
    except CatalogueError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
