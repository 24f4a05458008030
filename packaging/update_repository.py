#!/usr/bin/env python3
"""The kiosk fleet's signed update repository (The Update Framework, python-tuf).

The repository is a folder of static files that any web server can serve:

    <repo>/metadata/N.root.json        root of trust (offline keys, threshold e.g. 2-of-3)
    <repo>/metadata/N.targets.json     which files are releases (offline targets key)
    <repo>/metadata/N.snapshot.json    (online snapshot key)
    <repo>/metadata/timestamp.json     (online timestamp key, short expiry)
    <repo>/targets/releases/<sha256>.welfare-kiosk-<v>.tar.gz
    <repo>/targets/channels/<sha256>.<channel>.json   versions and rollout groups

Keys are PEM files, one per key, named <role>-<n>.pem (root-1.pem, targets-1.pem,
snapshot.pem, timestamp.pem). Offline keys (root, targets) live on removable media
and are only plugged in to sign; online keys (snapshot, timestamp) live on the
publishing machine. A key file is encrypted when KIOSK_KEY_PASSPHRASE is set.

Run as a script (see `python packaging/update_repository.py --help` and
docs/deploy.md); it is not a package on purpose: a `packaging/__init__.py` would
shadow the PyPI `packaging` module for everything started from the repo root.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import sys
import tarfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner, Signer
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Role,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

SPEC_VERSION = "1.0.31"
OFFLINE_ROLES = ("root", "targets")
ONLINE_ROLES = ("snapshot", "timestamp")
CHANNELS = ("stable", "beta")
ALL_GROUPS = "*"
VERSION_RE = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")

# How long each role's signature is trusted. Root and targets are signed offline,
# rarely; timestamp is re-signed by a cron job (see `refresh`) well before expiry.
DEFAULT_EXPIRY = {
    "root": timedelta(days=365),
    "targets": timedelta(days=90),
    "snapshot": timedelta(days=7),
    "timestamp": timedelta(days=1),
}


class PublishError(Exception):
    """A publishing step refused to run; the message says what to fix."""


def parse_version(text: str) -> tuple[int, int, int]:
    match = VERSION_RE.match(text)
    if not match:
        raise PublishError(f"version {text!r} is not MAJOR.MINOR.PATCH (for example 1.4.0)")
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


# --- keys -----------------------------------------------------------------------


def _passphrase() -> bytes | None:
    value = os.environ.get("KIOSK_KEY_PASSPHRASE")
    return value.encode() if value else None


def generate_key(path: Path) -> CryptoSigner:
    """Write a new ed25519 private key to `path` (refuses to overwrite one)."""
    if path.exists():
        raise PublishError(f"{path} already exists; refusing to overwrite a key")
    private = Ed25519PrivateKey.generate()
    passphrase = _passphrase()
    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return CryptoSigner(private)


def load_key(path: Path) -> CryptoSigner:
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=_passphrase())
    except (ValueError, TypeError) as exc:
        raise PublishError(f"cannot read key {path}: {exc} (is KIOSK_KEY_PASSPHRASE right?)") from exc
    return CryptoSigner(private)


def load_keys(*folders: Path) -> list[CryptoSigner]:
    """Every key found in the given folders (offline media, online key folder)."""
    signers = []
    for folder in folders:
        if folder is None:
            continue
        if not folder.is_dir():
            raise PublishError(f"key folder {folder} does not exist")
        for path in sorted(folder.glob("*.pem")):
            signers.append(load_key(path))
    return signers


def create_keys(offline_dir: Path, online_dir: Path, *, root_keys: int = 3, targets_keys: int = 1) -> None:
    for n in range(1, root_keys + 1):
        generate_key(offline_dir / f"root-{n}.pem")
    for n in range(1, targets_keys + 1):
        generate_key(offline_dir / f"targets-{n}.pem")
    generate_key(online_dir / "snapshot.pem")
    generate_key(online_dir / "timestamp.pem")


# --- the repository ---------------------------------------------------------------


@dataclass(frozen=True)
class Release:
    version: str
    target: str
    groups: tuple[str, ...]


class UpdateRepository:
    """The static files of one update repository, and the signing steps on them."""

    def __init__(self, repo_dir: Path, *, expiry: dict[str, timedelta] | None = None):
        self.repo_dir = Path(repo_dir)
        self.metadata_dir = self.repo_dir / "metadata"
        self.targets_dir = self.repo_dir / "targets"
        self.expiry = {**DEFAULT_EXPIRY, **(expiry or {})}

    # reading the current state

    def _latest(self, role: str) -> Metadata:
        if role == "timestamp":
            path = self.metadata_dir / "timestamp.json"
            if not path.exists():
                raise PublishError(f"{self.repo_dir} is not an update repository yet (run init)")
            return Metadata.from_file(str(path))
        numbers = [
            int(p.name.split(".", 1)[0])
            for p in self.metadata_dir.glob(f"*.{role}.json")
            if p.name.split(".", 1)[0].isdigit()
        ]
        if not numbers:
            raise PublishError(f"{self.repo_dir} has no {role} metadata (run init first)")
        return Metadata.from_file(str(self.metadata_dir / f"{max(numbers)}.{role}.json"))

    def root(self) -> Metadata[Root]:
        return self._latest("root")

    def releases(self, channel: str) -> list[Release]:
        targets: Metadata[Targets] = self._latest("targets")
        info = targets.signed.targets.get(f"channels/{channel}.json")
        if info is None:
            return []
        digest = info.hashes["sha256"]
        data = json.loads((self.targets_dir / "channels" / f"{digest}.{channel}.json").read_bytes())
        return [Release(r["version"], r["target"], tuple(r["groups"])) for r in data["releases"]]

    # signing helpers

    def _sign(self, md: Metadata, role: str, signers: list[Signer], root: Root) -> None:
        """Sign with every matching key; refuse if that does not reach the threshold."""
        wanted = set(root.roles[role].keyids)
        md.signatures.clear()
        used = 0
        for signer in signers:
            if signer.public_key.keyid in wanted and signer.public_key.keyid not in md.signatures:
                md.sign(signer, append=True)
                used += 1
        threshold = root.roles[role].threshold
        if used < threshold:
            raise PublishError(
                f"{role} needs {threshold} signature(s) but only {used} of its keys were given; "
                f"plug in the offline key media holding the {role} keys"
            )

    def _write(self, md: Metadata, role: str) -> None:
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        name = "timestamp.json" if role == "timestamp" else f"{md.signed.version}.{role}.json"
        tmp = self.metadata_dir / f".{name}.tmp"
        md.to_file(str(tmp), JSONSerializer(compact=False))
        os.replace(tmp, self.metadata_dir / name)

    def _expires(self, role: str) -> datetime:
        return _now() + self.expiry[role]

    # steps

    def init_with_roles(
        self,
        role_signers: dict[str, list[Signer]],
        *,
        thresholds: dict[str, int] | None = None,
    ) -> None:
        if (self.metadata_dir / "1.root.json").exists():
            raise PublishError(f"{self.repo_dir} already has a root; use rotate-key to change keys")
        thresholds = {"root": 2, "targets": 1, "snapshot": 1, "timestamp": 1, **(thresholds or {})}
        root = Root(version=1, spec_version=SPEC_VERSION, expires=self._expires("root"), consistent_snapshot=True)
        for role in ("root", "targets", "snapshot", "timestamp"):
            keys = role_signers.get(role, [])
            if len(keys) < thresholds[role]:
                raise PublishError(f"{role}: threshold {thresholds[role]} but only {len(keys)} key(s)")
            for signer in keys:
                root.add_key(signer.public_key, role)
            root.roles[role].threshold = thresholds[role]
        root_md = Metadata(root)
        self._sign(root_md, "root", role_signers["root"], root)
        self._write(root_md, "root")
        # A copy under a fixed name: what IT installs on a kiosk when enrolling it.
        root_md.to_file(str(self.metadata_dir / "root.json"), JSONSerializer(compact=False))
        targets = Metadata(Targets(version=1, spec_version=SPEC_VERSION, expires=self._expires("targets")))
        self._sign(targets, "targets", role_signers["targets"], root)
        self._write(targets, "targets")
        self._snapshot_and_timestamp(role_signers["snapshot"] + role_signers["timestamp"], root)

    def _snapshot_and_timestamp(self, signers: list[Signer], root: Root) -> None:
        targets = self._latest("targets")
        try:
            old_snapshot_version = self._latest("snapshot").signed.version
        except PublishError:
            old_snapshot_version = 0
        snapshot = Metadata(
            Snapshot(
                version=old_snapshot_version + 1,
                spec_version=SPEC_VERSION,
                expires=self._expires("snapshot"),
                meta={"targets.json": MetaFile(version=targets.signed.version)},
            )
        )
        self._sign(snapshot, "snapshot", signers, root)
        self._write(snapshot, "snapshot")
        self._timestamp(signers, root, snapshot.signed.version)

    def _timestamp(self, signers: list[Signer], root: Root, snapshot_version: int) -> None:
        try:
            old_version = self._latest("timestamp").signed.version
        except PublishError:
            old_version = 0
        timestamp = Metadata(
            Timestamp(
                version=old_version + 1,
                spec_version=SPEC_VERSION,
                expires=self._expires("timestamp"),
                snapshot_meta=MetaFile(version=snapshot_version),
            )
        )
        self._sign(timestamp, "timestamp", signers, root)
        self._write(timestamp, "timestamp")

    def refresh(self, signers: list[Signer]) -> None:
        """Re-sign snapshot and timestamp (online keys) so kiosks never see them expire."""
        self._snapshot_and_timestamp(signers, self.root().signed)

    def _add_target(self, targets: Targets, target_path: str, data: bytes) -> None:
        digest = hashlib.sha256(data).hexdigest()
        dirname, _, basename = target_path.rpartition("/")
        out = self.targets_dir / dirname / f"{digest}.{basename}"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not out.exists():
            tmp = out.with_name(f".{out.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, out)
        targets.targets[target_path] = TargetFile(length=len(data), hashes={"sha256": digest}, path=target_path)

    def _write_channel(self, targets: Targets, channel: str, releases: list[Release]) -> None:
        index = {
            "channel": channel,
            "releases": [
                {"version": r.version, "target": r.target, "groups": list(r.groups)}
                for r in sorted(releases, key=lambda r: parse_version(r.version))
            ],
        }
        data = json.dumps(index, indent=2, sort_keys=True).encode() + b"\n"
        self._add_target(targets, f"channels/{channel}.json", data)

    def _new_targets(self) -> Metadata[Targets]:
        targets: Metadata[Targets] = self._latest("targets")
        targets.signed.version += 1
        targets.signed.expires = self._expires("targets")
        return targets

    def add_release(
        self,
        archive: Path,
        version: str,
        *,
        channel: str,
        groups: list[str],
        signers: list[Signer],
    ) -> Release:
        """Add one release archive to a channel and sign targets, snapshot, timestamp."""
        if channel not in CHANNELS:
            raise PublishError(f"channel {channel!r} is not one of {', '.join(CHANNELS)}")
        new = parse_version(version)
        archive = Path(archive)
        if not archive.is_file():
            raise PublishError(f"release archive {archive} does not exist")
        _check_archive_version(archive, version)
        for release in self.releases(channel):
            if parse_version(release.version) >= new:
                raise PublishError(
                    f"{channel} already has {release.version}; a new release must have a higher "
                    f"version than {release.version} (to roll back, rebuild the old code as a new version)"
                )
        if not groups:
            raise PublishError("give at least one device group, or * for every kiosk")
        root = self.root().signed
        targets = self._new_targets()
        target_path = f"releases/welfare-kiosk-{version}.tar.gz"
        self._add_target(targets.signed, target_path, archive.read_bytes())
        release = Release(version, target_path, tuple(groups))
        self._write_channel(targets.signed, channel, [*self.releases(channel), release])
        self._sign(targets, "targets", signers, root)
        self._write(targets, "targets")
        self._snapshot_and_timestamp(signers, root)
        return release

    def set_rollout(self, channel: str, version: str, groups: list[str], signers: list[Signer]) -> None:
        """Widen (or narrow) which device groups get an already published release."""
        releases = self.releases(channel)
        if not any(r.version == version for r in releases):
            raise PublishError(f"{channel} has no release {version}")
        updated = [Release(r.version, r.target, tuple(groups)) if r.version == version else r for r in releases]
        root = self.root().signed
        targets = self._new_targets()
        self._write_channel(targets.signed, channel, updated)
        self._sign(targets, "targets", signers, root)
        self._write(targets, "targets")
        self._snapshot_and_timestamp(signers, root)

    def rotate_key(self, role: str, old_keyid: str | None, new_signer: Signer, signers: list[Signer]) -> None:
        """Replace one key of `role` in a new root version.

        The new root is signed by a threshold of the old root keys and (for a root
        rotation) a threshold of the new ones, so kiosks can chain to it.
        """
        root_md: Metadata[Root] = self.root()
        old_root = Root.from_dict(root_md.signed.to_dict())
        root = root_md.signed
        if old_keyid is not None:
            if old_keyid not in root.roles[role].keyids:
                raise PublishError(f"key {old_keyid} is not a {role} key")
            root.revoke_key(old_keyid, role)
        root.add_key(new_signer.public_key, role)
        root.version += 1
        root.expires = self._expires("root")
        root_md.signatures.clear()
        all_signers = [*signers, new_signer]
        for trusted in (old_root, root):
            wanted = set(trusted.roles["root"].keyids)
            for signer in all_signers:
                keyid = signer.public_key.keyid
                if keyid in wanted and keyid not in root_md.signatures:
                    root_md.sign(signer, append=True)
        for trusted, label in ((old_root, "current"), (root, "new")):
            count = len(set(trusted.roles["root"].keyids) & set(root_md.signatures))
            if count < trusted.roles["root"].threshold:
                raise PublishError(
                    f"the {label} root needs {trusted.roles['root'].threshold} root signatures, got {count}"
                )
        self._write(root_md, "root")
        # Re-sign what the rotated role signs, so the repository stays consistent.
        if role == "targets":
            targets = self._new_targets()
            self._sign(targets, "targets", all_signers, root)
            self._write(targets, "targets")
        if role in ("targets", "snapshot", "timestamp"):
            self._snapshot_and_timestamp(all_signers, root)


def _check_archive_version(archive: Path, version: str) -> None:
    """The archive's VERSION file must say the version it is published as."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile("VERSION")
            found = member.read().decode().strip() if member else None
    except (tarfile.TarError, KeyError, OSError) as exc:
        raise PublishError(f"{archive} is not a kiosk release archive with a VERSION file: {exc}") from exc
    if found != version:
        raise PublishError(f"{archive} contains VERSION {found!r}, not {version!r}")


def write_release_archive(source_dir: Path, archive: Path, *, mtime: int = 0) -> None:
    """Pack a bundle folder reproducibly: sorted names, fixed owner and times.

    A release holds regular files and folders only, because kiosks refuse every link
    (sync/update/install.py): a symbolic link to a file inside the bundle is stored as
    a copy of that file, a hard-linked file whole; any other link or special file stops
    the build with its name.
    """
    source_dir = Path(source_dir)
    inside = source_dir.resolve()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(source_dir.rglob("*")):
            rel = path.relative_to(source_dir).as_posix()
            real = path
            if path.is_symlink():
                real = path.resolve()
                if not real.is_relative_to(inside) or not real.is_file():
                    raise ValueError(f"{rel} is a symbolic link to {os.readlink(path)!r}, outside the bundle or "
                                     "to a folder: kiosks refuse links; copy what it points to instead")
            elif not (path.is_file() or path.is_dir()):
                raise ValueError(f"{rel} is neither a file nor a folder: a release holds only those")
            tar.inodes.clear()  # a hard-linked file is stored whole, never as a hard link
            info = tar.gettarinfo(str(real), arcname=rel)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = mtime
            info.pax_headers = {}
            if info.isfile():
                with open(real, "rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    archive.parent.mkdir(parents=True, exist_ok=True)
    with open(archive, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(buffer.getvalue())


# --- command line -------------------------------------------------------------------


def _role_signers(offline: Path, online: Path) -> dict[str, list[Signer]]:
    def keys(folder: Path, prefix: str) -> list[Signer]:
        return [load_key(p) for p in sorted(folder.glob(f"{prefix}*.pem"))]

    return {
        "root": keys(offline, "root-"),
        "targets": keys(offline, "targets-"),
        "snapshot": keys(online, "snapshot"),
        "timestamp": keys(online, "timestamp"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="update_repository.py", description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, required=True, help="the update repository folder (static files)")
    sub = parser.add_subparsers(dest="command", required=True)

    keys = sub.add_parser("create-keys", help="generate root-1..N, targets-1..N (offline) and snapshot, timestamp (online)")
    keys.add_argument("--offline-keys", type=Path, required=True)
    keys.add_argument("--online-keys", type=Path, required=True)
    keys.add_argument("--root-keys", type=int, default=3)
    keys.add_argument("--targets-keys", type=int, default=1)

    init = sub.add_parser("init", help="create root v1 and empty targets from the key folders")
    init.add_argument("--offline-keys", type=Path, required=True)
    init.add_argument("--online-keys", type=Path, required=True)
    init.add_argument("--root-threshold", type=int, default=2)
    init.add_argument("--targets-threshold", type=int, default=1)

    publish = sub.add_parser("publish", help="add a release archive to a channel")
    publish.add_argument("--offline-keys", type=Path, required=True)
    publish.add_argument("--online-keys", type=Path, required=True)
    publish.add_argument("--archive", type=Path, required=True)
    publish.add_argument("--version", required=True)
    publish.add_argument("--channel", default="stable", choices=CHANNELS)
    publish.add_argument("--groups", default=ALL_GROUPS, help="comma-separated device groups, or * for all")

    rollout = sub.add_parser("rollout", help="change which device groups get a published release")
    rollout.add_argument("--offline-keys", type=Path, required=True)
    rollout.add_argument("--online-keys", type=Path, required=True)
    rollout.add_argument("--version", required=True)
    rollout.add_argument("--channel", default="stable", choices=CHANNELS)
    rollout.add_argument("--groups", required=True)

    refresh = sub.add_parser("refresh", help="re-sign snapshot and timestamp with the online keys (daily, from cron)")
    refresh.add_argument("--online-keys", type=Path, required=True)

    rotate = sub.add_parser("rotate-key", help="replace a key of a role in a new root version")
    rotate.add_argument("--offline-keys", type=Path, required=True)
    rotate.add_argument("--online-keys", type=Path, required=True)
    rotate.add_argument("--role", required=True, choices=("root", "targets", "snapshot", "timestamp"))
    rotate.add_argument("--old-keyid", help="the key to revoke (see `show`)")
    rotate.add_argument("--new-key", type=Path, required=True, help="PEM file of the new key (created if missing)")

    sub.add_parser("show", help="print roles, key ids, thresholds and releases")

    args = parser.parse_args(argv)
    repo = UpdateRepository(args.repo)
    try:
        if args.command == "create-keys":
            create_keys(args.offline_keys, args.online_keys, root_keys=args.root_keys, targets_keys=args.targets_keys)
            print(f"keys written: offline -> {args.offline_keys}, online -> {args.online_keys}")
        elif args.command == "init":
            repo.init_with_roles(
                _role_signers(args.offline_keys, args.online_keys),
                thresholds={"root": args.root_threshold, "targets": args.targets_threshold},
            )
            print(f"initialised {args.repo}; enrol kiosks with {args.repo / 'metadata' / 'root.json'}")
        elif args.command == "publish":
            groups = [g.strip() for g in args.groups.split(",") if g.strip()]
            release = repo.add_release(
                args.archive,
                args.version,
                channel=args.channel,
                groups=groups,
                signers=load_keys(args.offline_keys, args.online_keys),
            )
            print(f"published {release.version} to {args.channel} for groups {','.join(release.groups)}")
        elif args.command == "rollout":
            groups = [g.strip() for g in args.groups.split(",") if g.strip()]
            repo.set_rollout(args.channel, args.version, groups, load_keys(args.offline_keys, args.online_keys))
            print(f"{args.channel} {args.version} now goes to groups {','.join(groups)}")
        elif args.command == "refresh":
            repo.refresh(load_keys(args.online_keys))
            print("snapshot and timestamp re-signed")
        elif args.command == "rotate-key":
            new_signer = load_key(args.new_key) if args.new_key.exists() else generate_key(args.new_key)
            repo.rotate_key(args.role, args.old_keyid, new_signer, load_keys(args.offline_keys, args.online_keys))
            print(f"root v{repo.root().signed.version} written with the new {args.role} key")
        elif args.command == "show":
            root = repo.root().signed
            print(f"root version {root.version}, expires {root.expires:%Y-%m-%d}")
            for name, role in root.roles.items():
                print(f"  {name}: threshold {role.threshold} of {len(role.keyids)}: {', '.join(role.keyids)}")
            for channel in CHANNELS:
                for release in repo.releases(channel):
                    print(f"  {channel} {release.version} groups={','.join(release.groups)}")
    except PublishError as exc:
        print(f"update_repository: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
