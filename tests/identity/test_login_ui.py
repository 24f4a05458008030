"""The login screen, PIN pad and session bridge in a real kiosk window (pytest-qt,
offscreen): each key through the screen, a personal action that asks for a key and
continues where the person was, the countdown with sound and "More time", and the wipe
after which the next person finds no trace of the previous one."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk import flow as places
from kiosk.identity.lockout import LockoutPolicy
from kiosk.identity.session import NEXT_PERSON, KioskSession, SessionPolicy
from kiosk.identity.staff import StaffKey, replace_staff_verifiers
from kiosk.storage.models import OutboxItem
from sync.client import BackendClient
from sync.identity import CardKey
from sync.oidc import PhoneKey
from sync.server import identity as server_identity
from tests.identity.oidc_phone import Phone
from tests.identity.staff_data import NIINA_CARD, NIINA_PIN, verifier_rows
from tests.conftest import FakeClock
from ui.screens.login import CARD_PAGE, CHOOSE, PHONE_PAGE, PIN_PAGE, LoginKeys, LoginScreen
from ui.session_bridge import SessionBridge, default_sound_player, session_warning_wav

pytestmark = pytest.mark.gui

AINO_CARD, AINO_PIN = "9246000012345678", "4321"


class Kiosk:
    """A window wired the way the lead wires it (see docs/identity.md)."""

    def __init__(self, window, db, keys: LoginKeys, staff: StaffKey | None = None) -> None:
        self.window, self.clock, self.sounds = window, FakeClock(), []
        self.session = KioskSession(SessionPolicy(resident_timeout_s=90, staff_timeout_s=600, warning_s=20,
                                                  max_extensions=10))
        if staff is not None:
            staff.attach(self.session)
        self.bridge = SessionBridge(self.session, window=window, tr=window.translator, metrics=window.metrics,
                                    clock=self.clock, play_sound=lambda: self.sounds.append(self.clock.now))
        self.bridge.timer.stop()            # the test moves time by hand
        self.after = []
        self.login = LoginScreen(parent=window, tr=window.translator, metrics=window.metrics,
                                 session=self.session, keys=keys, clock=self.clock,
                                 after_login=self.after.append)
        window.flow.on_reset(lambda: self.session.end(NEXT_PERSON))

    def advance(self, seconds: float) -> None:
        self.clock.now += seconds
        self.bridge.tick()


@pytest.fixture
def card_client(backend, site, hasher):
    server_identity.add_resident_card(backend.sessions, AINO_CARD, AINO_PIN, subject="res-7f3a",
                                      name="Aino Virtanen", hasher=hasher)
    c = BackendClient(backend.url, timeout_s=5.0)
    c.credentials = c.enrol(backend.enrolment_code(site), "ui-kiosk")
    yield c
    c.close()


def all_texts(root: QWidget) -> str:
    texts = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.text())
        texts.append(w.accessibleName())
    return "\n".join(texts)


def type_pin(qtbot, login: LoginScreen, pin: str) -> None:
    for d in pin:
        qtbot.mouseClick(login.pin_pad.digit_buttons[d], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(login.pin_pad.ok, Qt.MouseButton.LeftButton)


def test_card_key_mid_flow_then_timeout_with_and_without_more_time_then_nothing_is_left(
        qtbot, make_window, db, card_client):
    window = make_window()
    k = Kiosk(window, db, LoginKeys(card=CardKey(card_client)))
    # The person searches, typing something personal, then starts a personal action.
    window.flow.go(places.BROWSE)
    window.flow.go(places.SEARCH)
    field = window.current_screen().field
    qtbot.keyClicks(field, "Aino Virtanen hammas")
    resumed = []
    assert k.session.require("booking.confirm",
                             lambda ident: resumed.append((ident.subject, window.flow.current.name))) is False
    assert k.login.isVisible() and k.login.page() == CHOOSE

    qtbot.mouseClick(k.login.key_buttons["card"], Qt.MouseButton.LeftButton)
    assert k.login.page() == CARD_PAGE
    # The card reader "types" the stripe and Enter into the focused pad.
    qtbot.keyClicks(k.login.card_pad, f";{AINO_CARD}?")
    qtbot.keyClick(k.login.card_pad, Qt.Key.Key_Return)
    assert k.login.page() == PIN_PAGE
    assert AINO_PIN not in all_texts(window)
    type_pin(qtbot, k.login, AINO_PIN)
    qtbot.waitUntil(lambda: k.session.is_open, timeout=10_000)

    # The action continued at the very place the person was; no second question.
    assert resumed == [("res-7f3a", places.SEARCH)] and not k.login.isVisible()
    assert "Aino Virtanen" in k.bridge.badge.who.text()
    assert k.session.require("vote", lambda ident: resumed.append(("vote", ident.subject))) is True
    k.session.personal["bookings"] = ["Aino Virtanen, dentist, Tue 12.00"]
    QGuiApplication.clipboard().setText("booking ref Aino-4471")

    # 70 s without a touch: the countdown shows 20 s and the chime plays once.
    k.advance(70)
    assert k.bridge.warning.isVisible() and k.sounds == [k.clock.now]
    assert "20" in k.bridge.warning.message.text()
    k.advance(5)
    assert "15" in k.bridge.warning.message.text() and len(k.sounds) == 1
    # A stray tap is not an answer; "More time" is.
    qtbot.mouseClick(window.top_bar, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(k.bridge.warning.more, Qt.MouseButton.LeftButton)
    assert not k.bridge.warning.isVisible() and k.session.is_open
    k.advance(85)                                    # 75 s after the extension: warning again
    assert k.bridge.warning.isVisible() and len(k.sounds) == 2
    k.advance(20)                                    # nobody answers
    assert not k.session.is_open

    # Nothing of Aino is left: identity, cache, clipboard, typed text, screens, history.
    assert k.session.identity is None and k.session.personal == {}
    assert QGuiApplication.clipboard().text() == ""
    assert window.flow.history == (places.Place(places.HOME),) and not window.flow.can_go_back
    qtbot.keyClick(window, Qt.Key.Key_Escape)        # back navigation leads nowhere
    assert window.flow.current.name == places.HOME
    texts = all_texts(window)
    for trace in ("Aino", "hammas", "4471", AINO_CARD, "res-7f3a", "dentist"):
        assert trace not in texts, trace
    assert not k.bridge.badge.isVisible() and not k.bridge.warning.isVisible() and not k.login.isVisible()
    assert k.login.card_pad.value == "" and k.login.pin_pad.value == ""


@pytest.mark.conformance("WCAG 3.3.1")
def test_wrong_pin_and_garbage_card_get_clear_hints(qtbot, make_window, db, card_client):
    window = make_window()
    window.translator.set_language("en")
    k = Kiosk(window, db, LoginKeys(card=CardKey(card_client)))
    k.login.ask()
    qtbot.mouseClick(k.login.key_buttons["card"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(k.login.card_pad, "x;;%")
    qtbot.keyClick(k.login.card_pad, Qt.Key.Key_Return)
    assert k.login.page() == CARD_PAGE and "could not be read" in k.login.hint.text()
    assert k.login.card_pad.value == ""
    qtbot.keyClicks(k.login.card_pad, AINO_CARD)
    qtbot.keyClick(k.login.card_pad, Qt.Key.Key_Return)
    type_pin(qtbot, k.login, "0000")
    qtbot.waitUntil(lambda: "tries left" in k.login.hint.text(), timeout=10_000)
    assert k.login.page() == PIN_PAGE and not k.session.is_open


def test_the_readme_demo_card_is_typed_on_the_pad_and_opens_a_session(qtbot, make_window, db, backend, site,
                                                                      hasher):
    # Cards carry hexadecimal numbers: the demo resident card A1B2C3D4 (README "Trying it
    # out", created by `welfare-backend demo`) must be typable with fingers alone.
    from sync.server.cli import DEMO_RESIDENT

    card, pin, subject, name = DEMO_RESIDENT
    server_identity.add_resident_card(backend.sessions, card, pin, subject=subject, name=name, hasher=hasher)
    client = BackendClient(backend.url, timeout_s=5.0)
    client.credentials = client.enrol(backend.enrolment_code(site), "hex-card-kiosk")
    window = make_window()
    k = Kiosk(window, db, LoginKeys(card=CardKey(client)))
    k.login.ask()
    qtbot.mouseClick(k.login.key_buttons["card"], Qt.MouseButton.LeftButton)
    for key in card:
        qtbot.mouseClick(k.login.card_pad.digit_buttons[key], Qt.MouseButton.LeftButton)
    assert k.login.card_pad.display.text() == card
    qtbot.mouseClick(k.login.card_pad.ok, Qt.MouseButton.LeftButton)
    assert k.login.page() == PIN_PAGE
    assert not set(k.login.pin_pad.digit_buttons) - set("0123456789")  # a PIN stays digits only
    type_pin(qtbot, k.login, pin)
    qtbot.waitUntil(lambda: k.session.is_open, timeout=10_000)
    assert k.session.identity.subject == subject and k.session.identity.name == name
    client.close()


def test_lost_network_during_login_says_so_and_the_way_back_returns_to_the_same_place(
        qtbot, make_window, db, card_client):
    window = make_window()
    window.translator.set_language("en")
    dead = BackendClient("http://127.0.0.1:9", credentials=card_client.credentials, timeout_s=1.0)
    k = Kiosk(window, db, LoginKeys(card=CardKey(dead)))
    window.flow.go(places.BROWSE)
    ran = []
    k.session.require("vote", ran.append)
    qtbot.mouseClick(k.login.key_buttons["card"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(k.login.card_pad, AINO_CARD)
    qtbot.keyClick(k.login.card_pad, Qt.Key.Key_Return)
    type_pin(qtbot, k.login, AINO_PIN)
    qtbot.waitUntil(lambda: "No connection" in k.login.hint.text(), timeout=10_000)
    assert k.login.retry.isVisibleTo(k.login)
    for _ in range(3):                                # pin -> card -> choice -> out
        qtbot.mouseClick(k.login.back, Qt.MouseButton.LeftButton)
    assert not k.login.isVisible() and k.session.pending is None and ran == []
    assert window.flow.current.name == places.BROWSE


def test_phone_key_without_a_provider_set_up_says_so(qtbot, make_window, db, client):
    # The real backend answers "not_configured": the resident is told the phone key is
    # not in use here (not "no connection"), and Try again, which cannot help, is hidden.
    from sync.identity import fetch_oidc_provider

    window = make_window()
    k = Kiosk(window, db, LoginKeys(phone=lambda: PhoneKey(**_provider_args(fetch_oidc_provider(client)))))
    for lang in ("fi", "sv"):
        window.translator.set_language(lang)
        k.login.ask()
        qtbot.mouseClick(k.login.key_buttons["phone"], Qt.MouseButton.LeftButton)
        expected = window.translator.t("login.error.no_provider")
        qtbot.waitUntil(lambda: k.login.hint.text() == expected, timeout=10_000)
        assert k.login.page() == CHOOSE and not k.login.retry.isVisibleTo(k.login)
        assert expected != window.translator.t("login.error.offline")
        k.login.clear()


@pytest.mark.slow
def test_a_provider_that_is_down_is_named_before_and_during_the_sign_in(qtbot, make_window, db,
                                                                       start_oidc_provider):
    provider = start_oidc_provider()
    window = make_window()
    keys = LoginKeys(phone=lambda: PhoneKey(issuer=provider.issuer, client_id="welfare-kiosk",
                                            default_interval_s=0.1, timeout_s=2))
    k = Kiosk(window, db, keys)
    expected = window.translator.t("login.error.provider_unreachable")
    k.login.ask()
    qtbot.mouseClick(k.login.key_buttons["phone"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: k.login.page() == PHONE_PAGE, timeout=10_000)
    provider.stop()                                   # goes down while the QR code is shown
    qtbot.waitUntil(lambda: k.login.hint.text() == expected, timeout=15_000)
    assert k.login.page() == CHOOSE and k.login.retry.isVisibleTo(k.login)
    qtbot.mouseClick(k.login.retry, Qt.MouseButton.LeftButton)   # and it is still down
    qtbot.waitUntil(lambda: k.login.hint.text() == expected and k.login.page() == CHOOSE, timeout=15_000)
    assert not k.session.is_open


@pytest.mark.slow
def test_make_runs_openid_provider_lets_the_demo_person_in_by_phone(qtbot, make_window, db, tmp_path):
    # What `make run` does (packaging/run-oidc-demo.sh start): a real provider on 127.0.0.1,
    # set as the demo backend's provider; the kiosk asks the backend, shows the QR code,
    # and the link opened in a browser on the demo machine signs in the demo person.
    import subprocess

    from sync.identity import fetch_oidc_provider
    from tests.conftest import REPO
    from tests.identity.oidc_phone import ensure_provider_installed
    from tests.backend import free_port, start_backend

    ensure_provider_installed()
    backend = start_backend(f"sqlite:///{tmp_path / 'demo.db'}", tmp_path)
    env = {**os.environ, "WELFARE_OIDC_PORT": str(free_port()), "WELFARE_DEMO_VAR": str(tmp_path / "var"),
           "WELFARE_DEMO_DB": backend.db_url}
    script = ["bash", str(REPO / "packaging" / "run-oidc-demo.sh")]
    client = BackendClient(backend.url, timeout_s=5.0)
    try:
        started = subprocess.run([*script, "start"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
        assert started.returncode == 0 and "OpenID provider for the phone key on" in started.stdout, started
        client.credentials = client.enrol(backend.enrolment_code(backend.new_site()), "demo-kiosk")
        window = make_window()
        k = Kiosk(window, db, LoginKeys(phone=lambda: PhoneKey(**_provider_args(fetch_oidc_provider(client)),
                                                               default_interval_s=0.1)))
        k.login.ask()
        qtbot.mouseClick(k.login.key_buttons["phone"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: k.login.page() == PHONE_PAGE, timeout=15_000)
        Phone().approve(k.login.qr.text, login="demo")
        qtbot.waitUntil(lambda: k.session.is_open, timeout=15_000)
        assert k.session.identity.name == "Maija Meikäläinen"
    finally:
        client.close()
        subprocess.run([*script, "stop"], cwd=REPO, env=env, capture_output=True, timeout=30)
        backend.stop()


def _provider_args(setting) -> dict:
    return {"issuer": setting.issuer, "client_id": setting.client_id, "scope": setting.scope, "timeout_s": 5}


@pytest.mark.slow
def test_phone_key_through_the_screen_with_the_real_provider(qtbot, make_window, db, oidc_provider):
    window = make_window()
    keys = LoginKeys(phone=lambda: PhoneKey(issuer=oidc_provider.issuer, client_id="welfare-kiosk",
                                            default_interval_s=0.1, timeout_s=5))
    k = Kiosk(window, db, keys)
    k.login.ask()
    qtbot.mouseClick(k.login.key_buttons["phone"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: k.login.page() == PHONE_PAGE, timeout=10_000)
    link = k.login.qr.text
    assert link.startswith(oidc_provider.issuer + "/device?user_code=")
    assert k.login.user_code.text() and k.login.user_code.text() in link and k.login.qr.matrix
    assert k.login.qr.accessibleName() == window.translator.t("login.phone.scan")  # WCAG 1.1.1
    Phone().approve(link, login="resident-4471")
    qtbot.waitUntil(lambda: k.session.is_open, timeout=10_000)
    assert k.session.identity.name == "Aino Virtanen" and k.after == [k.session.identity]
    assert k.login.qr.text == ""                     # the code is gone from the screen


@pytest.mark.slow
def test_a_phone_approval_after_backing_out_logs_nobody_in(qtbot, make_window, db, oidc_provider):
    window = make_window()
    keys = LoginKeys(phone=lambda: PhoneKey(issuer=oidc_provider.issuer, client_id="welfare-kiosk",
                                            default_interval_s=0.1, timeout_s=5))
    k = Kiosk(window, db, keys)
    k.login.ask()
    qtbot.mouseClick(k.login.key_buttons["phone"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: k.login.page() == PHONE_PAGE, timeout=10_000)
    link = k.login.qr.text
    qtbot.mouseClick(k.login.back, Qt.MouseButton.LeftButton)      # walks away mid sign-in
    qtbot.mouseClick(k.login.back, Qt.MouseButton.LeftButton)
    Phone().approve(link)
    qtbot.wait(800)
    assert not k.session.is_open


def test_staff_log_in_offline_through_the_screen_and_logout_is_audited(qtbot, make_window, db):
    window = make_window()
    replace_staff_verifiers(db, verifier_rows())
    staff = StaffKey(db, policy=LockoutPolicy(max_failures=3, lock_s=60), site="demo-site")
    k = Kiosk(window, db, LoginKeys(staff=staff), staff=staff)
    k.login.ask()
    assert set(k.login.key_buttons) == {"staff"}                    # only the keys switched on
    qtbot.mouseClick(k.login.key_buttons["staff"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(k.login.card_pad, NIINA_CARD)
    qtbot.keyClick(k.login.card_pad, Qt.Key.Key_Return)
    type_pin(qtbot, k.login, NIINA_PIN)
    qtbot.waitUntil(lambda: k.session.is_open, timeout=10_000)
    assert k.session.identity.role == "nurse" and k.after[0].subject == "n-17"
    # Staff sessions last longer: no warning at 5 minutes.
    k.advance(300)
    assert not k.bridge.warning.isVisible() and k.session.is_open
    qtbot.mouseClick(k.bridge.badge.logout, Qt.MouseButton.LeftButton)
    assert not k.session.is_open
    with db.sessions() as s:
        events = [i.payload["event"] for i in s.query(OutboxItem).filter_by(kind="staff_audit")
                  .order_by(OutboxItem.created_at)]
    assert events == ["login", "logout"]


def test_more_time_works_ten_times_in_the_window(qtbot, make_window, db):
    window = make_window()
    k = Kiosk(window, db, LoginKeys())
    from kiosk.identity.keys import CARD, Identity
    k.session.open(Identity(CARD, "res-1", "Eero"), k.clock.now)
    for _ in range(10):
        k.advance(75)
        assert k.bridge.warning.more.isEnabled()
        qtbot.mouseClick(k.bridge.warning.more, Qt.MouseButton.LeftButton)
        assert k.session.is_open and not k.bridge.warning.isVisible()
    k.advance(75)
    assert not k.bridge.warning.more.isEnabled()
    k.advance(20)
    assert not k.session.is_open and len(k.sounds) == 11


# QtMultimedia looks for hardware video decoding and a sound server; a test machine has neither.
@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r"PulseAudioService", r"QSoundEffect", r"ALSA")
@pytest.mark.conformance("5.1.3.10")
def test_the_warning_sound_is_a_real_wav_and_the_default_player_starts(qtbot):
    import io
    import wave

    with wave.open(io.BytesIO(session_warning_wav())) as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
        assert 0.4 < w.getnframes() / w.getframerate() < 1.0
    from PySide6.QtCore import QObject
    play = default_sound_player(QObject())
    assert callable(play)


def test_the_login_covers_the_screen_under_it(qtbot, make_window, db):
    """The cover paints the page's colour over the window (its scroll area is transparent, as every
    scroll area is): the home screen's tiles under it must not show through its empty parts."""
    from PySide6.QtGui import QColor
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    k = Kiosk(window, db, LoginKeys())
    k.login.ask()
    qtbot.waitUntil(k.login.isVisible)
    image = window.grab().toImage()
    tiles = [t for t in window.current_screen().findChildren(QAbstractButton) if t.isVisible()]
    assert tiles, "home shows tiles under the cover"
    page = QColor(window.palette().color(window.backgroundRole())).name()
    shown_through = []
    for tile in tiles:
        centre = tile.mapTo(window, tile.rect().center())
        under = k.login.childAt(k.login.mapFrom(window, centre))
        if under is None or under is k.login.scroll.widget() or under is k.login.scroll.viewport():
            colour = QColor(image.pixel(centre.x(), centre.y())).name()
            if colour != page:
                shown_through.append((tile.objectName(), colour))
    assert not shown_through, f"home shows through the login cover: {shown_through}"
