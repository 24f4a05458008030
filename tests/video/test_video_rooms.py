"""'Talk to a nurse now': the kiosk's request against the real reference backend process."""

from __future__ import annotations

import pytest

from kiosk.config import load_config
from kiosk.video import FROM_ON_DEMAND, VideoLinkError, alternatives, plan_call
from sync.client import BackendClient, BackendUnavailable, NotEnrolled
from sync.video_rooms import NoOneAvailable, release_room, request_room
from tests.backend import free_port, start_backend


@pytest.fixture(scope="module")
def video_backend(tmp_path_factory):
    """The reference backend with one nurse on duty for health-video, none for social-video."""
    workdir = tmp_path_factory.mktemp("video-backend")
    mp = pytest.MonkeyPatch()
    mp.setenv("WELFARE_VIDEO_ON_DUTY", "health-video=1,social-video=0")
    mp.setenv("WELFARE_VIDEO_ROOM_URL", "https://video.example.fi/{room}#config.defaultLanguage={lang}")
    try:
        proc = start_backend(f"sqlite:///{workdir / 'backend.db'}", workdir)
    finally:
        mp.undo()
    yield proc
    proc.stop()


def enrolled_client(backend) -> BackendClient:
    site = backend.new_site()
    client = BackendClient(backend.url, timeout_s=5)
    client.credentials = client.enrol(backend.enrolment_code(site), "video-kiosk")
    return client


def test_a_room_while_someone_is_free_then_no_one_until_it_is_released(video_backend):
    kiosk = enrolled_client(video_backend)
    offer = request_room(kiosk, service_id="health-video", language="sv")
    assert offer.link == f"https://video.example.fi/{offer.room}#config.defaultLanguage=sv"
    assert offer.room.startswith("health-video-") and len(offer.room) == len("health-video-") + 16

    other_kiosk = enrolled_client(video_backend)
    with pytest.raises(NoOneAvailable):  # the one nurse is in the first call
        request_room(other_kiosk, service_id="health-video", language="fi")
    assert release_room(other_kiosk, offer.room) is False  # only the kiosk that holds it
    assert release_room(kiosk, offer.room) is True
    again = request_room(other_kiosk, service_id="health-video", language="fi")
    assert again.room != offer.room
    assert release_room(other_kiosk, again.room)


def test_no_one_on_duty_offers_a_queue_number_or_a_booking(video_backend):
    kiosk = enrolled_client(video_backend)
    with pytest.raises(NoOneAvailable):
        request_room(kiosk, service_id="social-video", language="fi")
    assert alternatives(load_config().modules) == ("queue", "booking")


def test_offline_and_unknown_kiosks_are_told_apart(video_backend):
    with pytest.raises(BackendUnavailable):  # nothing listens there: the kiosk is offline
        request_room(_offline_client(), service_id="health-video", language="fi")
    stranger = BackendClient(video_backend.url, timeout_s=5)
    with pytest.raises(NotEnrolled):
        request_room(stranger, service_id="health-video", language="fi")


def _offline_client() -> BackendClient:
    from sync.client import DeviceCredentials

    return BackendClient(f"http://127.0.0.1:{free_port()}", timeout_s=2,
                         credentials=DeviceCredentials("d", "t", "s"))


def test_the_offered_link_must_still_be_on_the_kiosks_list(video_backend):
    kiosk = enrolled_client(video_backend)
    offer = request_room(kiosk, service_id="health-video", language="en")
    try:
        video = load_config().video  # allowed_hosts = ["video.example.fi"]
        call = plan_call(video, service_id="health-video", source=FROM_ON_DEMAND, lang="en",
                         link=offer.link, room=offer.room)
        assert call.link == offer.link and call.mode == "embedded"
        with pytest.raises(VideoLinkError):
            plan_call(video, service_id="health-video", source=FROM_ON_DEMAND, lang="en",
                      link=offer.link.replace("video.example.fi", "video.example.fi.evil.test"))
    finally:
        release_room(kiosk, offer.room)
