"""Finnish, Swedish and Arabic (right to left) text in the kiosk's theme and fonts, full
screen: run under cage (Wayland) and under xcb by tests/cage/test_text.py to compare.

``python -m tests.cage.text_sample [--grab PATH] [--report PATH]``: with --grab, save the
window's own picture once shown and exit (the xcb side); without, stay until killed (the
cage side). --report writes what Qt made of each line (JSON, see ``report``): the font
family each run of glyphs was drawn in, glyphs no font had (drawn as boxes), where the
line stands and in which order its runs read; the families that have Arabic letters; and
which input method Qt loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

# (name, language, role, text). The Arabic lines are the kiosk's own translations, one with
# a Finnish service name inside it as the screens put it there (Translator.isolate).
FINNISH_NAME = "Äitiysneuvola Kontula"


def samples():
    from ui.i18n import Translator

    ar = Translator("ar")
    return [
        ("fi-title", "fi", "title", "Hyvinvointikioski: Äänestä ja kerro ideasi"),
        ("fi-long", "fi", "heading", "Terveyskeskuspäivystyksen ajanvarausjärjestelmä, Yöpäivystys"),
        ("fi-body", "fi", None, "Lähin hyvinvointiasema: Kontulan ostoskeskus, Keinulaudantie 4 Ö"),
        ("sv-title", "sv", "title", "Välfärdskiosk: Rösta och berätta din idé"),
        ("sv-body", "sv", None, "Hälsostationens tidsbokning i Åbo och Närpes, på svenska"),
        ("ar-title", "ar", "title", ar.t("search.title")),
        ("ar-name", "ar", "heading", ar.t("booking.what", service=ar.isolate(FINNISH_NAME))),
    ]


def input_method_plugins() -> list[str]:
    """The input method plugins Qt loaded into this process (none is what the kiosk wants)."""
    maps = Path("/proc/self/maps").read_text(errors="replace")
    return sorted({Path(line.split()[-1]).name for line in maps.splitlines()
                   if "/platforminputcontexts/" in line})


def runs(label) -> list[dict]:
    """The glyph runs of the label's text as Qt shapes it: font family, visual x range,
    missing glyphs (index 0, the box a font draws for a letter it does not have)."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setTextDirection(label.layoutDirection())
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100000)
    layout.endLayout()
    out = []
    for run in line.glyphRuns():
        rect = run.boundingRect()
        out.append({"family": run.rawFont().familyName(), "glyphs": len(run.glyphIndexes()),
                    "missing": sum(1 for g in run.glyphIndexes() if g == 0),
                    "left": rect.left(), "right": rect.right(),
                    "rtl": run.isRightToLeft()})
    out.sort(key=lambda r: r["left"])
    return out


def report(window, labels) -> dict:
    from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication

    lines = {}
    for name, label in labels.items():
        top_left = label.mapTo(window, label.rect().topLeft())
        lines[name] = {"text": label.text(), "family": QFontInfo(label.font()).family(),
                       "pixel_size": QFontInfo(label.font()).pixelSize(),
                       "rect": [top_left.x(), top_left.y(), label.width(), label.height()],
                       "rtl": label.layoutDirection().name == "RightToLeft",
                       "runs": runs(label)}
    return {"platform": QGuiApplication.platformName(), "size": [window.width(), window.height()],
            "qt_im_module": os.environ.get("QT_IM_MODULE"), "input_methods": input_method_plugins(),
            # The families that have Arabic letters (a box-glyph or last-resort font has none).
            "arabic_families": QFontDatabase.families(QFontDatabase.WritingSystem.Arabic),
            "lines": lines}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--grab")
    ap.add_argument("--report")
    ap.add_argument("--config")  # given by the unit's command line; the sample uses the defaults
    args = ap.parse_args(argv)
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from kiosk.config import load_config
    from ui.app import apply_theme
    from ui.widgets.touch import label as themed_label

    app = QApplication(sys.argv[:1])
    config = load_config(None)
    apply_theme(app, config)
    window = QWidget()
    window.setObjectName("text-sample")
    window.setStyleSheet("#text-sample { background: #FFFFFF; } QLabel { color: #000000; }")
    column = QVBoxLayout(window)
    labels = {}
    for name, lang, role, text in samples():
        label = themed_label(text, role=role, wrap=False)
        label.setObjectName(f"sample-{name}")
        if lang == "ar":
            # As an Arabic screen is (ui/bidi.py): right to left, the leading edge on the right.
            label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        column.addWidget(label)
        labels[name] = label
    window.resize(1280, 800)
    window.showFullScreen()

    def shown():
        if args.report:
            Path(args.report).write_text(json.dumps(report(window, labels), ensure_ascii=False, indent=1),
                                         encoding="utf-8")
        if args.grab:
            window.grab().save(args.grab)
            app.exit(0)
    QTimer.singleShot(500, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
