"""Finnish, Swedish and Arabic (right to left) text in the kiosk's theme and fonts, full
screen: run under cage (Wayland) and under xcb by tests/cage/test_text.py to compare.

``python -m tests.cage.text_sample [--grab PATH]``: with --grab, save the window's own
picture once shown and exit (the xcb side); without, stay until killed (the cage side).
"""

from __future__ import annotations

import argparse
import sys

SAMPLES = [
    ("fi", "Hyvinvointikioski: Äänestä ja kerro ideasi", False),
    ("sv", "Välfärdskiosk: Rösta och berätta din idé, på svenska", False),
    # Arabic is being added to the kiosk's languages by another change; until then a sample.
    ("ar", "كشك الرعاية: صوّت وشارك فكرتك", True),
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--grab")
    ap.add_argument("--config")  # given by the unit's command line; the sample uses the defaults
    args = ap.parse_args(argv)
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from kiosk.config import load_config
    from ui.app import apply_theme

    app = QApplication(sys.argv[:1])
    config = load_config(None)
    apply_theme(app, config)
    window = QWidget()
    window.setObjectName("text-sample")
    window.setStyleSheet("#text-sample { background: #FFFFFF; } QLabel { color: #000000; }")
    column = QVBoxLayout(window)
    for lang, text, rtl in SAMPLES:
        label = QLabel(text)
        label.setObjectName(f"sample-{lang}")
        if rtl:
            # As an Arabic screen will: right to left, so the leading (left) alignment is mirrored.
            label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        column.addWidget(label)
    window.resize(1280, 800)
    window.showFullScreen()
    if args.grab:
        def grab():
            window.grab().save(args.grab)
            app.exit(0)
        QTimer.singleShot(500, grab)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
