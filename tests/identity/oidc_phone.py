"""The real OpenID provider (packaging/oidc-demo/provider.js, panva's oidc-provider, the one
`make run` starts for the demo) and the
resident's phone, which drives its device-verification and login pages over HTTP."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

from tests.conftest import REPO

OIDC_DIR = REPO / "packaging" / "oidc-demo"


def ensure_provider_installed() -> None:
    """``npm ci`` in packaging/oidc-demo when node_modules is missing (a fresh CI machine)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        message = "Node.js and npm are needed for the phone key tests (packaging/system-deps.sh installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    if (OIDC_DIR / "node_modules" / "oidc-provider" / "package.json").exists():
        return
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=OIDC_DIR,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"npm ci in packaging/oidc-demo failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


@dataclass
class OpenIdProvider:
    issuer: str
    proc: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_provider(workdir: Path, **env: str) -> OpenIdProvider:
    ensure_provider_installed()
    log = workdir / f"oidc-{time.monotonic_ns()}.log"
    full_env = dict(os.environ, PORT="0", **env)
    proc = subprocess.Popen(["node", "provider.js"], cwd=OIDC_DIR, env=full_env, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        m = re.search(r"^ready (\S+)$", log.read_text(errors="replace"), re.M)
        if m:
            return OpenIdProvider(m.group(1), proc, log)
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"the OpenID provider did not start:\n{log.read_text(errors='replace')[-3000:]}")


def _form(page: requests.Response) -> tuple[str, dict[str, str]]:
    m = re.search(r"<form[^>]*action=\"([^\"]+)\"", page.text)
    assert m, f"no form on {page.url}:\n{page.text[:500]}"
    fields = {html.unescape(k): html.unescape(v)
              for k, v in re.findall(r"<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", page.text)}
    return urljoin(page.url, html.unescape(m.group(1))), fields


class Phone:
    """What a resident does on their phone after scanning the kiosk's QR code."""

    def __init__(self) -> None:
        self.browser = requests.Session()

    def _confirm_page(self, verification_uri_complete: str) -> requests.Response:
        # The provider answers the scanned link with a self-submitting form (JavaScript).
        action, fields = _form(self.browser.get(verification_uri_complete, timeout=10))
        return self.browser.post(action, data=fields, timeout=10)

    def approve(self, verification_uri_complete: str, login: str = "resident-4471") -> None:
        action, fields = _form(self._confirm_page(verification_uri_complete))
        login_page = self.browser.post(action, data={**fields, "confirm": "yes"}, timeout=10)
        action, _ = _form(login_page)
        consent = self.browser.post(action, data={"prompt": "login", "login": login, "password": "any"}, timeout=10)
        action, fields = _form(consent)
        done = self.browser.post(action, data=fields, timeout=10)
        assert "Sign-in Success" in done.text, done.text[:500]

    def deny(self, verification_uri_complete: str) -> None:
        action, fields = _form(self._confirm_page(verification_uri_complete))
        page = self.browser.post(action, data={**fields, "abort": "yes"}, timeout=10)
        assert page.status_code in (200, 400), page.status_code
