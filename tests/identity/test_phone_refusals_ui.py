"""What the resident reads when the provider hands the kiosk a token it must refuse: the
login screen says the sign-in could not be verified (and offers Try again), never "no
connection". A real provider stub on 127.0.0.1 (tests/identity/provider_stub.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sync.oidc import PhoneKey
from tests.identity.provider_stub import ISSUER_CLIENT, ProviderStub
from tests.identity.test_login_ui import Kiosk
from ui.screens.login import CHOOSE, LoginKeys

pytestmark = pytest.mark.gui


@pytest.fixture
def stub():
    s = ProviderStub().start()
    yield s
    s.stop()


@pytest.mark.parametrize("alg,kid", [("RS256", "ec-1"), ("ES256", "rsa-1")])
def test_a_token_whose_algorithm_does_not_fit_its_key_is_refused_on_screen_not_offline(
        qtbot, make_window, db, stub, alg, kid):
    stub.device_answer = {"interval": 1}
    stub.token_answers = [(200, {"id_token": stub.token(alg=alg, kid=kid), "token_type": "Bearer"})]
    window = make_window()
    k = Kiosk(window, db, LoginKeys(phone=lambda: PhoneKey(issuer=stub.issuer, client_id=ISSUER_CLIENT,
                                                           timeout_s=5)))
    k.login.ask()
    qtbot.mouseClick(k.login.key_buttons["phone"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: k.login.page() == CHOOSE and k.login.hint.text() != "", timeout=10_000)
    assert k.login.hint.text() == window.translator.t("login.error.bad_token")
    assert k.login.hint.text() != window.translator.t("login.error.offline")
    assert k.login.retry.isVisible() and not k.session.is_open
