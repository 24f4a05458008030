"""Device credentials in the kiosk's data directory, readable by the kiosk's user only.

IT leaves a one-time code in ``<data_dir>/enrolment-code`` (or types it on the admin
screen); the worker exchanges it for credentials, stores them in
``<data_dir>/device.json`` with mode 0600, and deletes the code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sync.client import BackendClient, DeviceCredentials

CREDENTIALS_FILE = "device.json"
CODE_FILE = "enrolment-code"


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


def enrol_with_code(client: BackendClient, data_dir: Path, code: str, name: str) -> DeviceCredentials:
    creds = client.enrol(code.strip(), name)
    save_credentials(data_dir, creds)
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
