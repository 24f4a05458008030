"""Every picture that carries meaning has words a screen reader can say (WCAG 1.1.1).

The kiosk's pictures are of two kinds: pictograms beside words (decorative: silent, the words
are the name; tests/ui/test_pictograms.py) and QR codes, which carry something the resident can
take away. A QR code's name says what scanning it gives, in the language on screen.
"""

from __future__ import annotations

import re

import pytest

from tests.ui.conftest import scenes_window, settle

KEY = re.compile(r"^[a-z_]+(\.[a-z_0-9]+)+$")   # an untranslated key, e.g. "queue.follow_phone"


def _shown_codes(window):
    from ui.widgets.qr import QrCodeWidget

    return {code.objectName() or repr(code): code for code in window.findChildren(QrCodeWidget)
            if code.isVisible() and code.text}


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.1.1")
def test_every_qr_code_shown_in_any_scene_has_a_name_in_the_language_on_screen(qtbot, tmp_path):
    """Walks every screenshot scene in Finnish (the codes of the queue ticket, the booking done,
    the service card and the take-part receipt are shown), then switches to Swedish and Arabic in
    place: each visible code is named, not by a key, and the name follows the language. The
    login's phone page, the arrival's ticket and the video call's codes are checked where their
    screens are tested (test_login_ui, test_checkin_screen, test_video_screen)."""
    from ui import screenshots

    seen: dict[str, dict[str, str]] = {}   # code -> language -> name
    unnamed = []
    with scenes_window(qtbot, tmp_path, "1280x800") as (window, parts):
        for scene, action in screenshots.scenes(window):
            window.reset_for_next_person()
            window.translator.set_language("fi")
            action()
            settle(qtbot)
            codes = _shown_codes(window)
            for lang in ("fi", "sv", "ar"):
                if lang != "fi":
                    window.translator.set_language(lang)
                    settle(qtbot)
                for key, code in codes.items():
                    name = code.accessibleName()
                    if not name.strip() or KEY.match(name):
                        unnamed.append((scene, key, lang, name))
                    seen.setdefault(key, {})[lang] = name
    assert not unnamed, unnamed
    # The scenes show the codes of these screens (a scene that stops showing one fails here,
    # so the walk cannot pass by seeing none).
    assert {"service-qr", "queue-qr", "booking-qr", "receipt-qr"} <= set(seen), sorted(seen)
    same = {key: names for key, names in seen.items() if len(set(names.values())) < len(names)}
    assert not same, same   # each language says it in its own words
