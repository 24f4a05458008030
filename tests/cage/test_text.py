"""Fonts under Wayland as under xcb: Finnish, Swedish and right-to-left Arabic text in the
kiosk's theme, drawn under cage and under X11, compared line by line and kept for a person
to look at.

tests/cage/text_sample.py reports, from inside each process, the font family Qt picked for
every run of glyphs and any glyph no font had (the box); the screenshots then give where
each line's ink stands, which must agree between the two within a pixel or two.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.cage.session import REPO, KioskSession, difference, read_unit, wait_for
from tests.cage.test_session import keep
from tests.cage.text_sample import FINNISH_NAME

pytestmark = pytest.mark.slow

# How far a line's ink may stand from the same line under the other platform (pixels), and
# how much more or less ink it may have: antialiasing, not another font or another order.
EDGE_TOLERANCE_PX = 2
INK_TOLERANCE = 0.03


def ink(image: QImage, rect) -> dict:
    """Left, right, top and bottom of the dark pixels in ``rect``, and how many there are."""
    gray = image.copy(*rect).convertToFormat(QImage.Format.Format_Grayscale8)
    bits = bytes(gray.constBits())
    stride = gray.bytesPerLine()
    dark = bytes.maketrans(bytes(range(256)), bytes(1 if v < 128 else 0 for v in range(256)))
    left, right, top, bottom, count = gray.width(), -1, None, None, 0
    for y in range(gray.height()):
        row = bits[y * stride: y * stride + gray.width()].translate(dark)
        n = row.count(1)
        if not n:
            continue
        count += n
        left, right = min(left, row.index(1)), max(right, row.rindex(1))
        top = y if top is None else top
        bottom = y
    return {"left": rect[0] + left, "right": rect[0] + right, "top": rect[1] + (top or 0),
            "bottom": rect[1] + (bottom or 0), "count": count}


@pytest.fixture(scope="module")
def drawn(display, tmp_path_factory):
    """The sample under xcb (Xvfb) and under cage (Wayland): (picture, report) for each."""
    tmp = tmp_path_factory.mktemp("text")
    unit_env = read_unit().environment
    xcb_png, xcb_json = tmp / "text-xcb.png", tmp / "text-xcb.json"
    # The unit's input method setting on both sides, so they differ in the platform only.
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display.name, "PYTHONPATH": str(REPO),
           "QT_IM_MODULE": unit_env.get("QT_IM_MODULE", "")}
    env.pop("WAYLAND_DISPLAY", None)
    subprocess.run([sys.executable, "-m", "tests.cage.text_sample", "--grab", str(xcb_png), "--report",
                    str(xcb_json)], cwd=REPO, env=env, check=True, timeout=60, capture_output=True)
    xcb = QImage(str(xcb_png))
    keep(xcb_png)

    device = tmp / "device.toml"
    device.write_text("", encoding="utf-8")
    wayland_json = tmp / "text-wayland.json"
    session = KioskSession(display=display, tmp=tmp, device=device, size=(1280, 800),
                           app=[sys.executable, "-m", "tests.cage.text_sample", "--report", str(wayland_json)])
    try:
        session.start()
        wayland_png = tmp / "text-wayland.png"
        # Once the sample has drawn: its report is written and the screen is no longer black.
        wait_for(wayland_json.exists, 30, what="the sample's report under Wayland")
        shot = wait_for(lambda: (lambda s: s if difference(s, xcb) < 0.05 else None)(session.screenshot(wayland_png)),
                        30, interval=0.2, what="the sample drawn under Wayland")
        keep(wayland_png)
    finally:
        session.stop()
    return {"xcb": (xcb, json.loads(xcb_json.read_text(encoding="utf-8"))),
            "wayland": (shot, json.loads(wayland_json.read_text(encoding="utf-8")))}


def test_both_platforms_really_ran(drawn):
    assert drawn["xcb"][1]["platform"] == "xcb"
    assert drawn["wayland"][1]["platform"] == "wayland"
    assert (drawn["wayland"][0].width(), drawn["wayland"][0].height()) == (1280, 800)


def test_every_letter_has_a_glyph_in_a_font_that_covers_it(drawn):
    for side, (_, report) in drawn.items():
        arabic = set(report["arabic_families"])
        for name, line in report["lines"].items():
            assert line["runs"], f"{side} {name}: nothing laid out"
            for run in line["runs"]:
                assert run["missing"] == 0, f"{side} {name}: {run['missing']} letters drawn as boxes in {run}"
            families = {r["family"] for r in line["runs"]}
            if name.startswith("ar-"):
                # Arabic letters in a font that has them; spaces, colons and the Finnish
                # name in the theme's font.
                assert families & arabic and families <= arabic | {"Noto Sans"}, (side, name, line["runs"])
            else:
                # The theme's font (ui/appearance.py), not a fallback, for Finnish and Swedish.
                assert families == {"Noto Sans"}, (side, name, line["runs"])


def test_the_same_fonts_under_wayland_as_under_xcb(drawn):
    xcb, wayland = drawn["xcb"][1]["lines"], drawn["wayland"][1]["lines"]
    assert xcb.keys() == wayland.keys()
    for name in xcb:
        assert (xcb[name]["family"], xcb[name]["pixel_size"]) == (wayland[name]["family"], wayland[name]["pixel_size"])
        assert [r["family"] for r in xcb[name]["runs"]] == [r["family"] for r in wayland[name]["runs"]], name
        assert xcb[name]["rect"] == wayland[name]["rect"], name


def test_the_same_lines_and_widths_on_screen(drawn, capsys):
    (xcb_shot, report), (wayland_shot, _) = drawn["xcb"], drawn["wayland"]
    widths = []
    for name, line in report["lines"].items():
        a, b = ink(xcb_shot, line["rect"]), ink(wayland_shot, line["rect"])
        assert a["count"] > 200, f"{name}: no text on the xcb picture"
        for edge in ("left", "right", "top", "bottom"):
            assert abs(a[edge] - b[edge]) <= EDGE_TOLERANCE_PX, f"{name}: {edge} {a[edge]} (xcb) vs {b[edge]} (Wayland)"
        assert abs(a["count"] - b["count"]) <= INK_TOLERANCE * a["count"], f"{name}: ink {a['count']} vs {b['count']}"
        widths.append(f"{name} {a['right'] - a['left'] + 1}/{b['right'] - b['left'] + 1}")
    with capsys.disabled():
        print("\ntext width in px, xcb/Wayland: " + ", ".join(widths))


def test_arabic_reads_right_to_left_with_the_finnish_name_in_order(drawn):
    shot, report = drawn["wayland"]
    for name, line in report["lines"].items():
        x, _, w, _ = line["rect"]
        seen = ink(shot, line["rect"])
        if name.startswith("ar-"):
            assert line["rtl"]
            # Mirrored: the line starts at the right edge and its left end is open.
            assert seen["right"] >= x + w - 12 and seen["left"] > x + w // 3, f"{name} is not right-aligned: {seen}"
        else:
            assert seen["left"] <= x + 12, f"{name} is not left-aligned: {seen}"
    runs = report["lines"]["ar-name"]["runs"]
    assert FINNISH_NAME in report["lines"]["ar-name"]["text"]
    latin = [r for r in runs if not r["rtl"]]
    arabic = [r for r in runs if r["rtl"] and r["glyphs"] > 1]
    assert latin and arabic
    # The Arabic word comes first, so it stands at the right; the Finnish name, kept
    # left to right by its isolate, to its left.
    assert max(r["right"] for r in latin) <= min(r["left"] for r in arabic) + 1, runs


def test_no_input_method_is_loaded(drawn):
    """The unit's QT_IM_MODULE keeps ibus or Qt's virtual keyboard out of the process."""
    for side, (_, report) in drawn.items():
        assert report["qt_im_module"] == read_unit().environment["QT_IM_MODULE"]
        assert set(report["input_methods"]) <= {"libcomposeplatforminputcontextplugin.so"}, (side, report)
