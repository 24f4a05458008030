"""Finding and downloading releases, every byte verified with The Update Framework.

A verification failure (bad signature, too few signatures, rollback, expired or
tampered metadata, a file whose hash does not match) raises VerificationFailed;
a server that cannot be reached raises RepositoryUnreachable. Neither is ever
turned into "no update".

Every fetch goes through the kiosk's one deadline mechanism (sync.client.CallDeadline):
the whole metadata refresh must finish within ``metadata_deadline_s`` and the release
download within ``download_deadline_s``, however slowly a server trickles its bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests
from tuf.api import exceptions as tuf_errors
from tuf.ngclient import Updater as TufClient
from tuf.ngclient.fetcher import FetcherInterface

from sync.client import CallDeadline, DeadlinePassed, current_deadline, deadline_session, iter_within

from sync.update.versions import is_version, parse_version

CHANNELS_SEEN = {"stable": ("stable",), "beta": ("stable", "beta")}


class VerificationFailed(Exception):
    """The repository served something that did not verify: treat as an attack."""


class RepositoryUnreachable(Exception):
    """The repository could not be reached or did not have a file (network, 404)."""


@dataclass(frozen=True)
class AvailableRelease:
    version: str
    target: str
    channel: str


class DeadlineFetcher(FetcherInterface):
    """TUF's downloads over a deadline_session(): each within the deadline active in the
    thread (the feed sets one per refresh and per download), each read within
    ``read_timeout_s``."""

    def __init__(self, *, read_timeout_s: float = 30.0, fallback_deadline_s: float = 600.0):
        self.read_timeout_s = read_timeout_s
        self.fallback_deadline_s = fallback_deadline_s
        self.session = deadline_session()
        self.session.headers["User-Agent"] = "welfare-kiosk-updater"

    def _fetch(self, url: str) -> Iterator[bytes]:
        return self._chunks(url)

    def _chunks(self, url: str) -> Iterator[bytes]:
        outer = current_deadline()
        if outer is not None:
            # The feed's deadline for this refresh or download binds alone: a fallback
            # nested inside would cap a long download at its own length, and a generator
            # TUF leaves unfinished would keep it active in the thread.
            yield from self._chunks_within(url, outer)
            return
        with CallDeadline(self.fallback_deadline_s) as deadline:
            yield from self._chunks_within(url, deadline)

    def _chunks_within(self, url: str, deadline: CallDeadline) -> Iterator[bytes]:
        try:
            with self.session.get(url, stream=True, timeout=deadline.read_timeout(self.read_timeout_s)) as resp:
                if resp.status_code >= 400:
                    raise tuf_errors.DownloadHTTPError(f"HTTP {resp.status_code} for {url}", resp.status_code)
                yield from iter_within(resp, deadline, 400_000)
        except DeadlinePassed as exc:
            raise tuf_errors.SlowRetrievalError(f"{url}: {exc}") from None
        except requests.RequestException as exc:
            if deadline.expired:
                raise tuf_errors.SlowRetrievalError(f"{url}: no complete answer within "
                                                    f"{deadline.limit_s:g} s") from None
            raise tuf_errors.DownloadError(f"{url}: {type(exc).__name__}") from exc


def _classify(exc: Exception) -> Exception:
    if isinstance(exc, tuf_errors.DownloadLengthMismatchError):
        # More bytes than the signed length: a tampered or swapped file.
        return VerificationFailed(f"{type(exc).__name__}: {exc}")
    if isinstance(exc, (tuf_errors.RepositoryError, ValueError, KeyError)):
        return VerificationFailed(f"{type(exc).__name__}: {exc}")
    return RepositoryUnreachable(f"{type(exc).__name__}: {exc}")


class ReleaseFeed:
    """One check against the update repository (a TUF client refresh per check)."""

    def __init__(
        self,
        *,
        metadata_dir: Path,
        repository_url: str,
        download_dir: Path,
        channel: str,
        device_group: str,
        metadata_deadline_s: float = 120.0,
        download_deadline_s: float = 3600.0,
    ):
        if channel not in CHANNELS_SEEN:
            raise ValueError(f"channel {channel!r} is not one of {', '.join(CHANNELS_SEEN)}")
        self.metadata_dir = Path(metadata_dir)
        self.repository_url = repository_url.rstrip("/")
        self.download_dir = Path(download_dir)
        self.channel = channel
        self.device_group = device_group
        self.metadata_deadline_s = metadata_deadline_s
        self.download_deadline_s = download_deadline_s
        self._client: TufClient | None = None

    def _new_client(self) -> TufClient:
        if not (self.metadata_dir / "root.json").is_file():
            raise VerificationFailed(
                f"no trusted root in {self.metadata_dir}: enrol this kiosk first (python -m sync.update enroll)"
            )
        self.download_dir.mkdir(parents=True, exist_ok=True)
        return TufClient(
            metadata_dir=str(self.metadata_dir),
            metadata_base_url=f"{self.repository_url}/metadata/",
            target_dir=str(self.download_dir),
            target_base_url=f"{self.repository_url}/targets/",
            bootstrap=None,
            fetcher=DeadlineFetcher(),
        )

    def newest_release(self) -> AvailableRelease | None:
        """Refresh the trusted metadata and return the newest release for this kiosk."""
        try:
            with CallDeadline(self.metadata_deadline_s):
                return self._newest_release()
        except (VerificationFailed, RepositoryUnreachable):
            raise
        except Exception as exc:  # noqa: BLE001 - every failure is classified, none swallowed
            raise _classify(exc) from exc

    def _newest_release(self) -> AvailableRelease | None:
        self._client = self._new_client()
        self._client.refresh()
        best: AvailableRelease | None = None
        for channel in CHANNELS_SEEN[self.channel]:
            for entry in self._channel_index(channel):
                groups = entry.get("groups", [])
                if "*" not in groups and self.device_group not in groups:
                    continue  # staged rollout: not this kiosk's group yet
                version = entry["version"]
                if not is_version(version):
                    raise VerificationFailed(f"channel {channel} lists a bad version {version!r}")
                if best is None or parse_version(version) > parse_version(best.version):
                    best = AvailableRelease(version=version, target=entry["target"], channel=channel)
        return best

    def _channel_index(self, channel: str) -> list[dict]:
        assert self._client is not None
        info = self._client.get_targetinfo(f"channels/{channel}.json")
        if info is None:
            return []
        path = self._client.download_target(info, str(self.download_dir / f"channel-{channel}.json"))
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("channel") != channel or not isinstance(data.get("releases"), list):
            raise VerificationFailed(f"channel index for {channel} is malformed")
        return data["releases"]

    def download(self, release: AvailableRelease) -> Path:
        """Download the release archive; it lands on disk only if its hash verifies."""
        if self._client is None:
            raise RuntimeError("call newest_release() first")
        try:
            info = self._client.get_targetinfo(release.target)
            if info is None:
                raise VerificationFailed(f"{release.target} is not in the signed targets")
            with CallDeadline(self.download_deadline_s):
                path = self._client.download_target(
                    info, str(self.download_dir / f"welfare-kiosk-{release.version}.tar.gz"))
            return Path(path)
        except (VerificationFailed, RepositoryUnreachable):
            raise
        except Exception as exc:  # noqa: BLE001
            raise _classify(exc) from exc
