"""A small OpenID provider stub on 127.0.0.1 that answers exactly what a test tells it to:
a discovery document, a key set with an RSA and an EC key, a device authorization
answer with any ``interval``, and a token endpoint that counts every poll.

The real provider (tests/oidc) is the one a resident meets; this stub plays a provider
that misbehaves (hostile polling intervals, tokens naming keys it does not have) and
counts what the kiosk sends it, which the real one cannot be made to do.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa

ISSUER_CLIENT = "welfare-kiosk"


def _public_jwk(private_key, kid: str, alg: str | None) -> dict:
    algorithm = jwt.algorithms.RSAAlgorithm if isinstance(private_key, rsa.RSAPrivateKey) else jwt.algorithms.ECAlgorithm
    doc = json.loads(algorithm.to_jwk(private_key.public_key()))
    doc.update(kid=kid, use="sig")
    if alg:
        doc["alg"] = alg
    return doc


@functools.lru_cache(maxsize=1)
def _signing_keys():
    """One RSA and one EC key per test run: making a 2048-bit RSA key costs up to a second."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048), ec.generate_private_key(ec.SECP256R1())


@dataclass
class ProviderStub:
    """Counts: ``jwks_fetches``, ``token_polls``, ``device_starts``."""

    device_answer: dict[str, Any] = field(default_factory=dict)
    token_answers: list[tuple[int, dict]] = field(default_factory=list)   # consumed in order, last repeats
    publish_alg: bool = True     # put "alg" into the published keys (providers may leave it out)
    trickle_s: float = 0.0       # > 0: the token endpoint sends its answer one byte per trickle_s
    cut_after: int | None = None  # the token endpoint sends this many bytes and drops the connection
    jwks_fetches: int = 0
    token_polls: int = 0
    poll_times: list[float] = field(default_factory=list)
    device_starts: int = 0
    httpd: http.server.ThreadingHTTPServer | None = None

    def __post_init__(self) -> None:
        self.rsa_key, self.ec_key = _signing_keys()
        self._lock = threading.Lock()

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def jwks_uri(self) -> str:
        return self.issuer + "/jwks"

    def jwks(self) -> dict:
        return {"keys": [_public_jwk(self.rsa_key, "rsa-1", "RS256" if self.publish_alg else None),
                         _public_jwk(self.ec_key, "ec-1", "ES256" if self.publish_alg else None)]}

    def token(self, *, alg: str = "RS256", kid: str = "rsa-1", signing_key=None, **claims) -> str:
        now = int(time.time())
        body = {"iss": self.issuer, "aud": ISSUER_CLIENT, "sub": "resident-4471", "name": "Aino Virtanen",
                "iat": now, "exp": now + 300, **claims}
        if signing_key is None:
            signing_key = self.ec_key if alg.startswith("ES") else self.rsa_key
        return jwt.encode(body, signing_key, algorithm=alg, headers={"kid": kid})

    def start(self) -> "ProviderStub":
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def _send(self, status: int, doc: dict, trickle_s: float = 0.0) -> None:
                body = json.dumps(doc).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if stub.cut_after is not None and self.path == "/token":
                    self.wfile.write(body[:stub.cut_after])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if not trickle_s:
                    self.wfile.write(body)
                    return
                for i in range(len(body)):   # a slow or hostile provider, one byte at a time
                    try:
                        self.wfile.write(body[i:i + 1])
                        self.wfile.flush()
                    except OSError:
                        return               # the kiosk gave up: that is the point
                    time.sleep(trickle_s)

            def do_GET(self):
                if self.path == "/.well-known/openid-configuration":
                    self._send(200, {"issuer": stub.issuer, "jwks_uri": stub.jwks_uri,
                                     "device_authorization_endpoint": stub.issuer + "/device",
                                     "token_endpoint": stub.issuer + "/token"})
                elif self.path == "/jwks":
                    with stub._lock:
                        stub.jwks_fetches += 1
                    self._send(200, stub.jwks())
                else:
                    self._send(404, {"error": "not_found"})

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path == "/device":
                    with stub._lock:
                        stub.device_starts += 1
                    self._send(200, {"device_code": "dc-1", "user_code": "ABCD-EFGH",
                                     "verification_uri": stub.issuer + "/activate", "expires_in": 10,
                                     **stub.device_answer})
                elif self.path == "/token":
                    with stub._lock:
                        stub.token_polls += 1
                        stub.poll_times.append(time.monotonic())
                        answers = stub.token_answers or [(400, {"error": "authorization_pending"})]
                        status, doc = answers.pop(0) if len(answers) > 1 else answers[0]
                    self._send(status, doc, stub.trickle_s)
                else:
                    self._send(404, {"error": "not_found"})

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
