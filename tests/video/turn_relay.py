"""The city's TURN relay, for tests and the benchmark: coturn's ``turnserver`` on 127.0.0.1.

The call view lets WebRTC out only through TURN over TCP to an allow-listed host
(kiosk.video.engine_network_flags), so a call that connects needs a relay, as a real
kiosk needs the city's. Started with no configuration file, long-term credentials, no
TLS (loopback only) and loopback peers allowed (both sides of the test call are here).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

USER, PASSWORD, REALM = "kiosk", "test-relay", "kiosk.test"


def turnserver_available() -> bool:
    return shutil.which("turnserver") is not None


def _free_port() -> int:
    # TCP and UDP on the same port number: try until both are free right now.
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp, \
                socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            tcp.bind(("127.0.0.1", 0))
            port = tcp.getsockname()[1]
            try:
                udp.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for the TURN relay")


@dataclass
class TurnRelay:
    host: str
    port: int
    proc: subprocess.Popen
    log: Path

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def hash_param(self) -> str:
        """What tests/video/pages/call.html reads from its #fragment to use this relay."""
        return f"turn={self.netloc}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_relay(workdir: str | Path | None = None) -> TurnRelay:
    workdir = Path(workdir or tempfile.mkdtemp(prefix="turn-"))
    port = _free_port()
    log = workdir / f"turnserver-{port}.log"
    # Relayed ports from a range of their own per relay, away from the listening port.
    proc = subprocess.Popen(
        ["turnserver", "-n", "--listening-ip", "127.0.0.1", "--relay-ip", "127.0.0.1", "-p", str(port),
         "--lt-cred-mech", "--user", f"{USER}:{PASSWORD}", "--realm", REALM, "--fingerprint",
         "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers", "--no-multicast-peers",
         "--pidfile", str(workdir / f"turnserver-{port}.pid"), "--log-file", "stdout", "--simple-log",
         "--userdb", str(workdir / f"turnserver-{port}.db")],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=dict(os.environ))
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return TurnRelay("127.0.0.1", port, proc, log)
        except OSError:
            time.sleep(0.05)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"turnserver did not start:\n{log.read_text(errors='replace')[-3000:]}")


def relay_fixture():
    """A module-scoped pytest fixture: ``turn_relay = relay_fixture()`` in a test module."""
    import pytest

    @pytest.fixture(scope="module")
    def turn_relay(tmp_path_factory):
        if not turnserver_available():
            message = "coturn's turnserver is needed for a connected call (packaging/system-deps.sh installs it)"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        relay = start_relay(tmp_path_factory.mktemp("turn"))
        yield relay
        relay.stop()

    return turn_relay
