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


def test_the_feeds_download_deadline_is_not_capped_by_the_fetchers_fallback():
    """A release that takes longer than the fetcher's fallback (600 s by default, 0.5 s
    here) still downloads within the feed's own, longer download deadline (review of
    issue 12: every bundle download on a slow site link was cut at 600 s)."""
    from sync.client import CallDeadline, current_deadline
    from sync.update.feed import DeadlineFetcher
    from tests.sync.trickle import TrickleServer

    body = b"x" * 12
    with TrickleServer(body=body, interval_s=0.1, content_type="application/octet-stream") as server:
        fetcher = DeadlineFetcher(read_timeout_s=5, fallback_deadline_s=0.5)
        with CallDeadline(30):  # what the feed sets around a download
            got = b"".join(fetcher.fetch(server.url + "/targets/release.tar.gz"))
        assert got == body
        # ...and without a feed deadline the fallback still ends a trickle.
        with pytest.raises(Exception, match="within 0.5 s"):
            b"".join(DeadlineFetcher(read_timeout_s=5, fallback_deadline_s=0.5)
                     .fetch(server.url + "/targets/release.tar.gz"))
    assert current_deadline() is None  # nothing left active in the thread
