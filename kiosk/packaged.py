"""Files that ship inside the installed package, read through importlib.resources:
the translations, speech phrases and demo data (``assets/``) and the default
configuration (``config/``). In the repository ``kiosk/assets`` and ``kiosk/defaults``
are links to those top-level folders; in a wheel they are package data (pyproject.toml),
so an installed kiosk finds them wherever it is installed (issue 13)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _path(*parts: str) -> Path:
    # A plain directory for every install this project makes (wheel, bundle, checkout);
    # Path() keeps the callers' ``.exists()``/``.glob()``/``open()``. Resolved: in a
    # checkout that is the real file under assets/ or config/, the one to edit, and
    # what messages (a bad default, a broken demo file) name.
    return Path(str(resources.files("kiosk").joinpath(*parts))).resolve()


def asset(*parts: str) -> Path:
    """A file or folder under assets/, e.g. ``asset("translations")``."""
    return _path("assets", *parts)


def default_config(name: str = "default.toml") -> Path:
    """A file of config/, e.g. the defaults every device file is layered over."""
    return _path("defaults", name)
