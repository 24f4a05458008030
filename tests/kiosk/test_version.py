"""The version is defined once, in pyproject.toml, and read from the installed
distribution's metadata (issue 13): no module spells a version of its own."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

from tests.conftest import REPO

VERSION_LITERAL = re.compile(r"""(?i)(version\w*)\s*[:=]\s*(?:str\s*=\s*)?["']\d+\.\d+\.\d+["']""")


def test_the_version_comes_from_the_distribution():
    from kiosk.version import DISTRIBUTION, app_version

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert DISTRIBUTION == project["name"]
    assert app_version() == version(DISTRIBUTION) == project["version"]


def test_no_module_spells_a_version():
    found = [f"{path.relative_to(REPO)}:{n}: {line.strip()}"
             for package in ("kiosk", "ui", "sync") for path in sorted((REPO / package).rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if VERSION_LITERAL.search(line)]
    assert found == []
