"""The kiosk's version: the installed distribution's metadata, defined once in
pyproject.toml (``[project] version``). Nothing else in the code spells it (issue 13)."""

from __future__ import annotations

DISTRIBUTION = "welfare-kiosk"  # [project] name in pyproject.toml


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
