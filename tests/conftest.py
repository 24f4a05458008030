"""Shared fixtures: a fresh SQLite file per test, the mini catalogue, a device config."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def mini_catalogue_data() -> dict:
    return json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture
def db(tmp_path):
    from kiosk.storage.db import open_database

    database = open_database(tmp_path / "kiosk.db")
    yield database
    database.close()


@pytest.fixture
def catalogue(db, mini_catalogue_data):
    from kiosk.catalogue.importer import import_catalogue
    from kiosk.catalogue.service import Catalogue

    import_catalogue(db, mini_catalogue_data)
    return Catalogue(db)


@pytest.fixture
def device_config(tmp_path) -> Path:
    """A device file that keeps all data inside the test's own folder."""
    path = tmp_path / "device.toml"
    path.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n', encoding="utf-8")
    return path
