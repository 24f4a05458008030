"""Every release is verified with TUF against a real repository on 127.0.0.1.

Attacks are played by editing the served static files, as a compromised mirror
would. Each rejection must (a) be reported as "verification_failed", never as
"up to date", (b) leave the kiosk on its version and (c) leave the trusted
metadata on the kiosk unchanged.
"""

from __future__ import annotations

import json
import shutil
import time
from datetime import timedelta

import pytest
from tuf.api.metadata import Metadata

from sync.update.feed import ReleaseFeed, VerificationFailed
from sync.update.install import VersionStore
from sync.update.status import read_status
from tests.packaging.conftest import make_updater, metadata_snapshot, publisher


def _feed(settings) -> ReleaseFeed:
    return ReleaseFeed(
        metadata_dir=settings.metadata_dir,
        repository_url=settings.repository_url,
        download_dir=settings.download_dir,
        channel=settings.channel,
        device_group=settings.device_group,
    )


@pytest.fixture
def kiosk_on_1_0_0(repository, all_signers, make_archive, device, kiosk_processes):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    settings = device()
    kiosk = kiosk_processes(settings)
    status = make_updater(settings, kiosk).run_once()
    assert status.state == "updated", status
    return settings, kiosk


def test_update_from_n_to_n_plus_1_is_found_verified_and_installed(
    repository, all_signers, make_archive, kiosk_on_1_0_0
):
    settings, kiosk = kiosk_on_1_0_0
    store = VersionStore(settings.install_root)
    assert store.current_version() == "1.0.0"
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)

    status = make_updater(settings, kiosk).run_once()

    assert status.state == "updated", status
    assert store.current_version() == "1.1.0"
    assert store.previous_version() == "1.0.0"
    assert (settings.install_root / "versions" / "1.1.0" / "VERSION").read_text().strip() == "1.1.0"
    assert read_status(settings.state_dir)["current_version"] == "1.1.0"
    # And once there, the same check finds nothing newer.
    assert make_updater(settings, kiosk).run_once().state == "up_to_date"


def _assert_rejected(settings, kiosk, before: dict[str, bytes]) -> dict:
    status = make_updater(settings, kiosk).run_once()
    assert status.state == "verification_failed", status
    assert VersionStore(settings.install_root).current_version() == "1.0.0"
    assert metadata_snapshot(settings.metadata_dir) == before, "trusted metadata changed"
    return read_status(settings.state_dir)


def test_tampered_bundle_is_rejected(repository, all_signers, make_archive, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    served = next((repository.targets_dir / "releases").glob("*.welfare-kiosk-1.1.0.tar.gz"))
    evil = bytearray(served.read_bytes())
    evil[-10] ^= 0xFF  # same length, different bytes
    served.write_bytes(bytes(evil))

    status = make_updater(settings, kiosk).run_once()

    assert status.state == "verification_failed"
    assert "LengthOrHashMismatch" in status.message
    assert not (settings.install_root / "versions" / "1.1.0").exists()
    assert not list(settings.download_dir.glob("welfare-kiosk-1.1.0*"))
    assert VersionStore(settings.install_root).current_version() == "1.0.0"


def test_longer_tampered_bundle_is_rejected_not_called_a_network_error(
    repository, all_signers, make_archive, kiosk_on_1_0_0
):
    settings, kiosk = kiosk_on_1_0_0
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    served = next((repository.targets_dir / "releases").glob("*.welfare-kiosk-1.1.0.tar.gz"))
    served.write_bytes(served.read_bytes() + b"appended payload")
    assert make_updater(settings, kiosk).run_once().state == "verification_failed"
    assert not (settings.install_root / "versions" / "1.1.0").exists()


def test_tampered_metadata_is_rejected(repository, all_signers, make_archive, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    before = metadata_snapshot(settings.metadata_dir)
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    path = repository.metadata_dir / "timestamp.json"
    doc = json.loads(path.read_text())
    doc["signed"]["expires"] = "2099-01-01T00:00:00Z"  # keep the signature, change what it signs
    path.write_text(json.dumps(doc))

    status = _assert_rejected(settings, kiosk, before)
    assert "UnsignedMetadata" in status["message"]


def test_unsigned_metadata_is_rejected(repository, all_signers, make_archive, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    before = metadata_snapshot(settings.metadata_dir)
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    path = repository.metadata_dir / "timestamp.json"
    doc = json.loads(path.read_text())
    doc["signatures"] = []
    path.write_text(json.dumps(doc))

    _assert_rejected(settings, kiosk, before)


def test_tampered_targets_metadata_is_rejected_and_trusted_targets_kept(
    repository, all_signers, make_archive, kiosk_on_1_0_0
):
    settings, kiosk = kiosk_on_1_0_0
    trusted_targets = (settings.metadata_dir / "targets.json").read_bytes()
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    newest = max(repository.metadata_dir.glob("*.targets.json"), key=lambda p: int(p.name.split(".")[0]))
    doc = json.loads(newest.read_text())
    info = doc["signed"]["targets"]["releases/welfare-kiosk-1.1.0.tar.gz"]
    info["length"] += 1  # points kiosks at a different file, signature left as it was
    newest.write_text(json.dumps(doc))
    # The snapshot pins targets by version only, so only the signature can catch this.

    status = make_updater(settings, kiosk).run_once()

    assert status.state == "verification_failed"
    assert "UnsignedMetadata" in status.message
    assert (settings.metadata_dir / "targets.json").read_bytes() == trusted_targets
    assert VersionStore(settings.install_root).current_version() == "1.0.0"


def test_rollback_to_older_metadata_is_rejected(repository, all_signers, make_archive, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    old_timestamp = (repository.metadata_dir / "timestamp.json").read_bytes()
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    assert make_updater(settings, kiosk).run_once().state == "updated"
    before = metadata_snapshot(settings.metadata_dir)
    # A mirror replays the older, correctly signed timestamp.
    (repository.metadata_dir / "timestamp.json").write_bytes(old_timestamp)

    status = make_updater(settings, kiosk).run_once()

    assert status.state == "verification_failed"
    assert "BadVersionNumber" in status.message
    assert VersionStore(settings.install_root).current_version() == "1.1.0"
    assert metadata_snapshot(settings.metadata_dir) == before


def test_publisher_refuses_to_publish_a_lower_version(repository, all_signers, make_archive, kiosk_on_1_0_0):
    with pytest.raises(publisher.PublishError, match="higher version"):
        repository.add_release(make_archive("0.9.0"), "0.9.0", channel="stable", groups=["*"], signers=all_signers)


def test_expired_metadata_freeze_attack_is_rejected(repository, all_signers, make_archive, device, kiosk_processes):
    # The served repository, re-opened to sign a timestamp valid for 2 seconds (not
    # 1 day) so the test can watch it expire instead of faking the clock.
    repository = publisher.UpdateRepository(repository.repo_dir, expiry={"timestamp": timedelta(seconds=2)})
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    settings = device()
    feed = _feed(settings)
    assert feed.newest_release().version == "1.0.0"
    before = metadata_snapshot(settings.metadata_dir)
    time.sleep(2.5)  # the mirror keeps serving the same (now stale) timestamp: a freeze attack

    with pytest.raises(VerificationFailed, match="Expired"):
        _feed(settings).newest_release()
    status = make_updater(settings, kiosk_processes(settings)).run_once()
    assert status.state == "verification_failed"
    assert metadata_snapshot(settings.metadata_dir) == before


def test_root_signed_by_too_few_keys_is_rejected(repository, keys, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    before = metadata_snapshot(settings.metadata_dir)
    offline, _ = keys
    one_root_key = publisher.load_key(offline / "root-1.pem")
    # The publisher itself refuses (threshold is 2 of 3) ...
    with pytest.raises(publisher.PublishError, match="root signatures"):
        repository.rotate_key("timestamp", None, publisher.generate_key(offline / "new.pem"), [one_root_key])
    # ... and a thief with one root key who writes root v2 by hand is refused by the kiosk.
    root_md = repository.root()
    root_md.signed.version = 2
    root_md.signed.add_key(publisher.generate_key(offline / "thief.pem").public_key, "targets")
    root_md.signatures.clear()
    root_md.sign(one_root_key)
    root_md.to_file(str(repository.metadata_dir / "2.root.json"))

    status = _assert_rejected(settings, kiosk, before)
    assert "UnsignedMetadata" in status["message"]


def test_root_rotation_signed_by_threshold_is_accepted(repository, keys, make_archive, all_signers, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    offline, online = keys
    new_timestamp_key = publisher.generate_key(offline / "timestamp-2.pem")
    old_timestamp_id = publisher.load_key(online / "timestamp.pem").public_key.keyid
    two_root_keys = [publisher.load_key(offline / f"root-{n}.pem") for n in (1, 3)]
    repository.rotate_key("timestamp", old_timestamp_id, new_timestamp_key, two_root_keys + all_signers)
    (online / "timestamp.pem").unlink()  # the old online key is gone for good
    signers_now = publisher.load_keys(offline, online) + [new_timestamp_key]
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=signers_now)

    assert make_updater(settings, kiosk).run_once().state == "updated"
    trusted_root = Metadata.from_file(str(settings.metadata_dir / "root.json"))
    assert trusted_root.signed.version == 2


def test_targets_signed_by_too_few_keys_is_rejected(tmp_path, repository, make_archive, device):
    offline, online = tmp_path / "k-off", tmp_path / "k-on"
    publisher.create_keys(offline, online, root_keys=3, targets_keys=2)
    # Replace the served repository by one whose targets role needs 2 of 2 keys.
    shutil.rmtree(repository.repo_dir)
    repository = publisher.UpdateRepository(repository.repo_dir)
    repository.init_with_roles(publisher._role_signers(offline, online), thresholds={"root": 2, "targets": 2})
    settings = device()
    assert _feed(settings).newest_release() is None
    before = metadata_snapshot(settings.metadata_dir)
    one_targets_key = [publisher.load_key(offline / "targets-1.pem")]
    online_keys = publisher.load_keys(online)
    archive = make_archive("1.0.0")
    with pytest.raises(publisher.PublishError, match="targets needs 2"):
        repository.add_release(archive, "1.0.0", channel="stable", groups=["*"], signers=one_targets_key + online_keys)
    # Bypass the publisher's own check, as an attacker holding one targets key would.
    original = repository._sign

    def sign_below_threshold(md, role, signers, root):
        try:
            original(md, role, signers, root)
        except publisher.PublishError:
            pass

    repository._sign = sign_below_threshold
    repository.add_release(archive, "1.0.0", channel="stable", groups=["*"], signers=one_targets_key + online_keys)

    with pytest.raises(VerificationFailed, match="UnsignedMetadata"):
        _feed(settings).newest_release()
    after = metadata_snapshot(settings.metadata_dir)
    assert after["targets.json"] == before["targets.json"] and after["root.json"] == before["root.json"]


def test_a_kiosk_that_is_not_enrolled_reports_verification_failure(tmp_path, server):
    feed = ReleaseFeed(metadata_dir=tmp_path / "none", repository_url=server, download_dir=tmp_path / "d",
                       channel="stable", device_group="default")
    with pytest.raises(VerificationFailed, match="enrol"):
        feed.newest_release()


def test_unreachable_repository_is_not_called_up_to_date(device, kiosk_processes, repository):
    settings = device()
    from dataclasses import replace

    settings = replace(settings, repository_url="http://127.0.0.1:9")  # nothing listens on port 9
    status = make_updater(settings, kiosk_processes(settings)).run_once()
    assert status.state == "unreachable"


def test_daily_refresh_with_online_keys_keeps_kiosks_updating(repository, keys, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    _, online = keys
    before = repository._latest("snapshot").signed.version
    repository.refresh(publisher.load_keys(online))  # no offline key needed
    assert repository._latest("snapshot").signed.version == before + 1
    assert make_updater(settings, kiosk).run_once().state == "up_to_date"
    trusted = Metadata.from_file(str(settings.metadata_dir / "snapshot.json"))
    assert trusted.signed.version == before + 1


def test_waiting_version_is_not_downloaded_again(repository, all_signers, make_archive, kiosk_on_1_0_0):
    settings, kiosk = kiosk_on_1_0_0
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    assert make_updater(settings, kiosk, idle=False).run_once().state == "waiting_for_idle"
    # Break the served archive: a second download would now fail verification.
    served = next((repository.targets_dir / "releases").glob("*.welfare-kiosk-1.1.0.tar.gz"))
    served.write_bytes(b"x" * served.stat().st_size)
    assert make_updater(settings, kiosk, idle=False).run_once().state == "waiting_for_idle"
    assert make_updater(settings, kiosk, idle=True).run_once().state == "updated"
