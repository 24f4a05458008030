"""The console's real parts: the reference backend as a process on 127.0.0.1 and the real
OpenID provider (packaging/oidc-demo), set as the console's provider; a member of staff
who signs in through the provider's own login form (requests here, Chromium in
test_browser.py)."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest
import requests

from tests.identity.oidc_phone import start_provider
from tests.backend import start_backend


@pytest.fixture(scope="module")
def oidc(tmp_path_factory):
    provider = start_provider(tmp_path_factory.mktemp("oidc"))
    yield provider
    provider.stop()


@pytest.fixture(scope="module")
def console_backend(tmp_path_factory, oidc):
    from sync.server.console.auth import set_provider

    workdir = tmp_path_factory.mktemp("console-backend")
    backend = start_backend(f"sqlite:///{workdir / 'backend.db'}", workdir)
    set_provider(backend.sessions, oidc.issuer, "welfare-console")
    yield backend
    backend.stop()


def _form(page: requests.Response) -> tuple[str, dict[str, str]]:
    m = re.search(r"<form[^>]*action=\"([^\"]+)\"", page.text)
    assert m, f"no form on {page.url}:\n{page.text[:800]}"
    fields = {html.unescape(k): html.unescape(v)
              for k, v in re.findall(r"<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", page.text)}
    return urljoin(page.url, html.unescape(m.group(1))), fields


class Staff:
    """A member of city staff with a browser (requests). The console's cookies are
    ``Secure``; requests keeps those for https only, so this browser carries them over
    the test's plain http on 127.0.0.1 by hand, as Chromium does for loopback."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()
        self.cookies: dict[str, str] = {}

    def _remember(self, resp: requests.Response) -> None:
        for r in [*resp.history, resp]:
            for c in r.cookies:
                if c.path.startswith("/console"):
                    if c.value:
                        self.cookies[c.name] = c.value
                    else:
                        self.cookies.pop(c.name, None)
            for header in r.raw.headers.getlist("set-cookie") if r.raw is not None else []:
                name, _, rest = header.partition("=")
                if "Path=/console" in header and (rest.startswith('""') or "Max-Age=0" in header):
                    self.cookies.pop(name, None)

    def _headers(self, extra: dict | None = None) -> dict:
        h = dict(extra or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return h

    def get(self, path: str, *, headers: dict | None = None, **kw) -> requests.Response:
        resp = self.http.get(self.base + path, headers=self._headers(headers), allow_redirects=False,
                             timeout=20, **kw)
        self._remember(resp)
        return resp

    def post(self, path: str, data: dict, *, headers: dict | None = None, files: list | None = None
             ) -> requests.Response:
        resp = self.http.post(self.base + path, data=data, headers=self._headers(headers), allow_redirects=False,
                              timeout=60, files=files)
        self._remember(resp)
        return resp

    def csrf(self, path: str = "/console/") -> str:
        m = re.search(r'name="csrf" value="([^"]+)"', self.get(path).text)
        assert m, "no CSRF token on the page"
        return m.group(1)

    def sign_in(self, account: str) -> requests.Response:
        start = self.get("/console/sign-in/start")
        assert start.status_code == 303, start.text[:500]
        provider = requests.Session()
        login_page = provider.get(start.headers["location"], timeout=20)
        action, _ = _form(login_page)
        answer = provider.post(action, data={"prompt": "login", "login": account, "password": "any"},
                               timeout=20, allow_redirects=False)
        # Follow the provider's redirects until it sends the browser back to the console.
        while answer.status_code in (302, 303) and not answer.headers["location"].startswith(self.base):
            answer = provider.get(urljoin(answer.url, answer.headers["location"]), timeout=20,
                                  allow_redirects=False)
        assert answer.status_code in (302, 303), (answer.url, re.findall(r"<h1>.*?</h1>|<title>.*?</title>", answer.text, re.S))
        back = answer.headers["location"]
        assert back.startswith(self.base + "/console/callback"), back
        return self.get(back[len(self.base):])


@pytest.fixture
def staff(console_backend):
    def make(account: str | None = None) -> Staff:
        s = Staff(console_backend.url)
        if account:
            done = s.sign_in(account)
            assert done.status_code == 303 and done.headers["location"].endswith("/console/"), done.text[:800]
        return s
    return make
