"""An update round has overall deadlines: a server that sends TUF metadata or the
release one byte at a time cannot hang it (the finding: a timestamp sent one byte every
2 s hung the round)."""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import replace
from http.server import ThreadingHTTPServer

import pytest

from sync.update.install import VersionStore
from tests.packaging.conftest import QuietHandler, make_updater

SLACK_S = 3.0


class TrickleHandler(QuietHandler):
    """Serves the repository's files; those whose path ends with ``slow`` one byte at a time."""

    slow = ""
    interval_s = 0.5
    stop: threading.Event

    def do_GET(self):  # noqa: N802 - http.server's name
        if not self.path.endswith(self.slow):
            return super().do_GET()
        path = self.translate_path(self.path)
        try:
            data = open(path, "rb").read()
        except OSError:
            return self.send_error(404)
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for i in range(len(data)):
                if self.stop.wait(self.interval_s):
                    return
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
        except OSError:
            pass


@pytest.fixture
def slow_server(repository):
    servers = []

    def make(slow: str) -> str:
        stop = threading.Event()
        handler = type("H", (TrickleHandler,), {"slow": slow, "stop": stop})
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(repository.repo_dir)))
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append((httpd, stop))
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield make
    for httpd, stop in servers:
        stop.set()
        httpd.shutdown()
        httpd.server_close()


def test_a_trickling_timestamp_ends_the_round_by_its_deadline(repository, all_signers, make_archive, device,
                                                               kiosk_processes, slow_server):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    settings = replace(device(), repository_url=slow_server("/timestamp.json"), metadata_deadline_s=2.0)
    start = time.monotonic()
    status = make_updater(settings, kiosk_processes(settings)).run_once()
    took = time.monotonic() - start
    assert took < 2.0 + SLACK_S, f"the round took {took:.1f} s with a 2 s metadata deadline"
    assert status.state == "unreachable", status
    assert "within 2 s" in status.message


def test_a_trickling_release_download_ends_by_its_deadline(repository, all_signers, make_archive, device,
                                                           kiosk_processes, slow_server):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    settings = replace(device(), repository_url=slow_server(".tar.gz"), download_deadline_s=2.0)
    start = time.monotonic()
    status = make_updater(settings, kiosk_processes(settings)).run_once()
    took = time.monotonic() - start
    assert took < 2.0 + SLACK_S, f"the round took {took:.1f} s with a 2 s download deadline"
    assert status.state == "unreachable" and status.available_version == "1.0.0", status
    assert VersionStore(settings.install_root).installed_versions() == []  # nothing half-installed


def test_a_round_at_normal_speed_still_updates(repository, all_signers, make_archive, device, kiosk_processes):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    settings = replace(device(), metadata_deadline_s=30.0, download_deadline_s=30.0)
    assert make_updater(settings, kiosk_processes(settings)).run_once().state == "updated"
