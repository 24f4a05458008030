"""Device credentials in the kiosk's data directory, readable by the kiosk's user only.

IT leaves a one-time code in ``<data_dir>/enrolment-code`` (or types it on the admin
screen); the worker exchanges it for credentials, stores them in
``<data_dir>/device.json`` with mode 0600, and deletes the code.

Enrolment is safe to retry: before the first try the kiosk makes a secret request id
(``<data_dir>/enrolment-request``, 0600) and sends it with the code. If the backend
stored the enrolment but its answer was lost (or the kiosk died before saving it), the
next try with the same code and request id gets the same credentials back, within the
backend's window (24 h, docs/protocol.md). The request id is deleted once the
credentials are saved. A code the backend refuses raises ``EnrolmentRefused``: IT must
make a new code.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path

from sync.client import BackendClient, DeviceCredentials, NotEnrolled, Refused

CREDENTIALS_FILE = "device.json"
CODE_FILE = "enrolment-code"
REQUEST_FILE = "enrolment-request"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9_-]{43,128}$")


class EnrolmentRefused(NotEnrolled):
    """The backend does not take this code (unknown, used by another kiosk, or too old)."""


def credentials_path(data_dir: Path) -> Path:
    return Path(data_dir) / CREDENTIALS_FILE


def load_credentials(data_dir: Path) -> DeviceCredentials | None:
    path = credentials_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return DeviceCredentials(str(data["device_id"]), str(data["token"]), str(data["site"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: unreadable device credentials ({exc}); enrol the kiosk again") from None


def save_credentials(data_dir: Path, creds: DeviceCredentials) -> Path:
    """Write atomically with owner-only permissions: never a moment when others can read it."""
    path = credentials_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"device_id": creds.device_id, "token": creds.token, "site": creds.site}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def forget_credentials(data_dir: Path) -> None:
    credentials_path(data_dir).unlink(missing_ok=True)


def _write_private(path: Path, text: str) -> None:
    """Create ``path`` with mode 0600 and ``text``, durably, or fail if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def enrolment_request_id(data_dir: Path) -> str:
    """This install's enrolment request id, made (and stored durably) on first use."""
    path = Path(data_dir) / REQUEST_FILE
    try:
        existing = path.read_text(encoding="utf-8").strip()
        if _REQUEST_ID.match(existing):
            return existing
        path.unlink()  # damaged: a fresh one only costs the retry of an answer not yet lost
    except FileNotFoundError:
        pass
    request_id = secrets.token_urlsafe(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_private(path, request_id + "\n")
    return request_id


def enrol_with_code(client: BackendClient, data_dir: Path, code: str, name: str) -> DeviceCredentials:
    try:
        creds = client.enrol(code.strip(), name, enrolment_request_id(data_dir))
    except Refused as exc:
        if exc.code == "invalid_code":
            raise EnrolmentRefused(
                "the city backend refused this kiosk's enrolment code (unknown, already used by another "
                "kiosk, or older than a day): IT must make a new code and put it in "
                f"{Path(data_dir) / CODE_FILE}") from None
        raise
    save_credentials(data_dir, creds)
    (Path(data_dir) / REQUEST_FILE).unlink(missing_ok=True)
    client.credentials = creds
    return creds


def enrol_from_code_file(client: BackendClient, data_dir: Path, name: str) -> DeviceCredentials | None:
    """Use a code left by IT (or by `make run`), once."""
    code_file = Path(data_dir) / CODE_FILE
    try:
        code = code_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    creds = enrol_with_code(client, data_dir, code, name)
    code_file.unlink(missing_ok=True)
    return creds
