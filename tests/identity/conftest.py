"""Real parts for the identity tests: the reference backend process (started exactly as
tests/sync starts it) and a real OpenID provider (oidc-provider on Node.js)."""

from __future__ import annotations

import pytest

from tests.identity.staff_data import TEST_HASHER


@pytest.fixture
def client(backend, site):
    """A BackendClient enrolled as a kiosk of ``site``."""
    from sync.client import BackendClient

    c = BackendClient(backend.url, timeout_s=5.0)
    c.credentials = c.enrol(backend.enrolment_code(site), "identity-test-kiosk")
    yield c
    c.close()


@pytest.fixture
def hasher():
    return TEST_HASHER


@pytest.fixture(scope="module")
def oidc_provider(tmp_path_factory):
    """The real OpenID provider on 127.0.0.1 (oidc-provider on Node.js), one per module."""
    from tests.identity.oidc_phone import start_provider

    provider = start_provider(tmp_path_factory.mktemp("oidc"))
    yield provider
    provider.stop()


@pytest.fixture
def start_oidc_provider(tmp_path):
    """Start a provider with special settings (short device codes, slow_down); stopped after the test."""
    from tests.identity.oidc_phone import start_provider

    started = []

    def start(**env):
        p = start_provider(tmp_path, **env)
        started.append(p)
        return p

    yield start
    for p in started:
        p.stop()


@pytest.fixture(autouse=True)
def gui_thread_guard():
    """The GUI thread neither connects nor writes, and only the database thread writes
    (tests/gui_thread_guard.py)."""
    from tests.gui_thread_guard import guard_fixture

    yield from guard_fixture()
