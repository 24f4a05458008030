"""The accessibility tree of every screen, walked over AT-SPI as a screen reader sees it.

The kiosk runs in its own process on Xvfb with QT_ACCESSIBILITY=1 inside a private D-Bus
session (dbus-run-session); the walker (tests/ui/atspi/walk.py) runs under the *system*
python3 and speaks the AT-SPI D-Bus protocol with python3-dbus (Debian's python3-pyatspi
wraps the same calls; it is not needed). Real parts only: nothing is mocked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "text", "entry", "password text",
               "spin button", "combo box", "slider", "menu item", "list item"}

pytestmark = [pytest.mark.slow]


def _missing() -> str | None:
    for tool in ("dbus-run-session", "Xvfb"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: dbus-daemon, xvfb)"
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "at-spi2-core is not installed"
    probe = subprocess.run(["/usr/bin/python3", "-c", "import dbus"], capture_output=True)
    if probe.returncode != 0:
        return "the system python3 has no dbus module (Debian: python3-dbus)"
    return None


@pytest.fixture(scope="module")
def scenes(tmp_path_factory):
    reason = _missing()
    if reason:
        pytest.skip(f"AT-SPI walk cannot run here: {reason}")
    out = tmp_path_factory.mktemp("atspi") / "scenes.json"
    run = subprocess.run(["dbus-run-session", "--", sys.executable, "-m", "tests.ui.atspi.session", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _catalogue(lang: str) -> dict:
    return json.loads((ROOT / "assets" / "translations" / f"{lang}.json").read_text(encoding="utf-8"))


@pytest.mark.conformance("WCAG 4.1.2", "5.1.2.1", "WCAG 1.3.1")
def test_every_interactive_control_of_every_screen_has_a_role_and_a_name(scenes):
    from tests.ui.atspi.kiosk import LANGUAGES, SCENES

    assert set(scenes) == {f"{s} {lang}" for s in SCENES for lang in LANGUAGES}
    nameless = []
    for scene, nodes in scenes.items():
        controls = [n for n in nodes if n["role"] in INTERACTIVE and n["showing"]]
        assert controls, f"{scene}: no control reached the accessibility bus"
        nameless += [(scene, n["role"], n["extents"]) for n in controls if not n["name"].strip()]
    assert not nameless, nameless


@pytest.mark.conformance("WCAG 3.1.1", "WCAG 4.1.2")
def test_the_names_are_in_the_language_on_screen(scenes):
    fi, sv = _catalogue("fi"), _catalogue("sv")
    plain = {k: v for k, v in fi.items() if isinstance(v, str) and isinstance(sv.get(k), str)}
    finnish_only = {v for k, v in plain.items() if v != sv[k] and len(v) > 3 and "{" not in v}
    swedish_only = {sv[k] for k, v in plain.items() if v != sv[k] and len(sv[k]) > 3 and "{" not in sv[k]}
    wrong = []
    for scene, nodes in scenes.items():
        lang = scene.split()[-1]
        other = finnish_only if lang == "sv" else swedish_only
        names = {n["name"] for n in nodes if n["role"] in INTERACTIVE and n["showing"]}
        assert _catalogue(lang)["appearance.large"] in names, scene   # the Aa button, in this language
        wrong += [(scene, name) for name in names if name in other]
    assert not wrong, wrong


@pytest.mark.conformance("WCAG 1.4.4", "5.1.4")
def test_large_text_keeps_every_control_on_the_bus(scenes):
    for lang in ("fi", "sv"):
        normal = [n["name"] for n in scenes[f"home {lang}"] if n["role"] in INTERACTIVE]
        large = [n["name"] for n in scenes[f"large-text {lang}"] if n["role"] in INTERACTIVE]
        assert normal == large
