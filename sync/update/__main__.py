"""Command line for the updater service: enroll, check (one round), status.

    python -m sync.update --config /etc/welfare-kiosk/updater.toml enroll --root root.json
    python -m sync.update --config /etc/welfare-kiosk/updater.toml check
    python -m sync.update --config /etc/welfare-kiosk/updater.toml status
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from sync.update.settings import DEFAULT_CONFIG, SettingsError, load_update_settings
from sync.update.status import read_status
from sync.update.updater import Updater, enroll
from sync.update.watchdog import kiosk_reports_idle

# Exit codes a systemd unit or a monitoring check can tell apart.
EXIT_CODES = {"verification_failed": 3, "unreachable": 4, "install_failed": 5, "fell_back": 6}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.update")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    sub = parser.add_subparsers(dest="command", required=True)
    enrol = sub.add_parser("enroll", help="trust this repository root (copy of <repo>/metadata/root.json)")
    enrol.add_argument("--root", type=Path, required=True)
    sub.add_parser("check", help="one update round")
    sub.add_parser("status", help="print the status the heartbeat reports")
    args = parser.parse_args(argv)
    try:
        settings = load_update_settings(args.config)
    except SettingsError as exc:
        print(f"updater: {exc}", file=sys.stderr)
        return 2
    if args.command == "enroll":
        try:
            enroll(settings, args.root)
        except Exception as exc:  # noqa: BLE001 - report any unreadable root clearly
            print(f"updater: cannot enrol with {args.root}: {exc}", file=sys.stderr)
            return 2
        print(f"enrolled: trusting {args.root} for {settings.repository_url}")
        return 0
    if args.command == "status":
        print(json.dumps(read_status(settings.state_dir), indent=2, sort_keys=True))
        return 0
    updater = Updater(
        settings,
        is_idle=lambda: kiosk_reports_idle(settings.liveness_dir),
        restart_kiosk=lambda: subprocess.run(list(settings.restart_command), check=False),
    )
    status = updater.run_once()
    print(json.dumps(status.as_heartbeat(), sort_keys=True))
    return EXIT_CODES.get(status.state, 0)


if __name__ == "__main__":
    sys.exit(main())
