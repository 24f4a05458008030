"""welfare-catalogue: check or import a catalogue file into a kiosk database.

    welfare-catalogue check FILE
    welfare-catalogue import FILE [--config DEVICE.toml] [--db PATH]
    welfare-catalogue import --ptv DIR [--local FILE] [--municipality CODE] [--config ...] [--db ...]
    welfare-catalogue export [--output FILE] [--config DEVICE.toml] [--db PATH]

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
    imp.add_argument("file", nargs="?")
    imp.add_argument("--ptv", metavar="DIR", help="a directory (or file) of PTV Open API v11 pages instead of FILE "
                     "(docs/ptv-import.md)")
    imp.add_argument("--local", help="local additions for the PTV data (default DIR/local-additions.json)")
    imp.add_argument("--municipality", help="only PTV services offered in this municipality code, e.g. 091")
    exp = sub.add_parser("export", help="write the kiosk's catalogue in the import format")
    exp.add_argument("--output", "-o", help="file to write (default: standard output)")
    for p in (imp, exp):
        p.add_argument("--config", help="device configuration file (to find the database)")
        p.add_argument("--db", help="database file (overrides --config)")
    args = ap.parse_args(argv)
    if args.cmd == "import" and (args.file is None) == (args.ptv is None):
        ap.error("import needs either FILE or --ptv DIR")
    if args.cmd == "import" and args.ptv is None and (args.local or args.municipality):
        ap.error("--local and --municipality go with --ptv DIR")
    if args.cmd == "export":
        return _export(args)
    if args.cmd == "import" and args.ptv:
        return _import_ptv(args)

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


def _import_ptv(args) -> int:
    from kiosk.catalogue import ptv
    from kiosk.storage.db import open_database

    try:
        data, summary = ptv.import_directory(args.ptv, local=args.local, municipality=args.municipality)
        db = open_database(database_path(args.config, args.db))
        for notice in db.notices:
            print(notice, file=sys.stderr)
        result = import_catalogue(db, data)
        db.close()
    except CatalogueError as exc:
        print(f"{args.ptv}: {exc}", file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(summary.lines()))
    print(f"imported {result.services} services, {result.providers} providers, "
          f"{result.channels} channels, {result.slots} slots")
    return 0


def _export(args) -> int:
    import json

    from kiosk.catalogue.export import export_catalogue
    from kiosk.storage.db import open_database

    try:
        path = database_path(args.config, args.db)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    if not path.exists():
        print(f"{path}: no kiosk database here", file=sys.stderr)
        return 2
    db = open_database(path)
    text = json.dumps(export_catalogue(db), ensure_ascii=False, indent=1) + "\n"
    db.close()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"catalogue written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
