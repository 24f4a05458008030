"""One service in a list: name, provider with its sector (colour and word), summary, open now."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy

from kiosk.catalogue.domain import Service, tr as text_in
from ui.bidi import mark_catalogue_text
from ui.format import service_status
from ui.i18n import Translator
from ui.icons import Pictogram, icon_for
from ui.widgets.reflow import FlowLayout
from ui.widgets.touch import RichButton, label


def sector_badge(t: Translator, sector: str, wrap: bool = False, words: bool = True) -> QFrame:
    """Who provides it: the sector's pictogram and word on its colour (never colour alone).
    ``wrap``: in a flow of badges (a service row), the words may take two lines.
    ``words=False``: the pictogram alone on the colour (a one-line row beside the search
    keyboard); the word is then only in the accessible name, as it is on the card."""
    badge = QFrame()
    badge.setProperty("role", f"badge-{sector}")
    badge.setObjectName(f"badge-{sector}")
    row = QHBoxLayout(badge)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(8)
    name = icon_for("sector", sector)
    if name:
        row.addWidget(Pictogram(name, em=1.0), 0, Qt.AlignmentFlag.AlignVCenter)
    if not words:
        badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        badge.setAccessibleName(t.label("sector", sector))
        return badge
    # Wraps only when the badge is given less than one line (200 % text in a narrow row): a
    # wrapped label's size hint is still its one line.
    words = label(t.label("sector", sector), wrap=wrap)
    words.setObjectName(f"badge-{sector}-words")
    row.addWidget(words, 0, Qt.AlignmentFlag.AlignVCenter)
    # Preferred height: the flow of badges gives a badge whose words wrap the lines they need.
    badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
    badge.setAccessibleName(words.text())
    return badge


def voucher_badge(t: Translator) -> QFrame:
    """The service takes a voucher: words in a frame, as a sector's badge, so that the words
    wrap inside the frame's padding when the row is narrow."""
    badge = QFrame()
    badge.setProperty("role", "badge-voucher")
    row = QHBoxLayout(badge)
    row.setContentsMargins(0, 0, 0, 0)
    words = label(t.t("results.row.voucher"))
    words.setObjectName("badge-voucher")
    row.addWidget(words)
    badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
    badge.setAccessibleName(words.text())
    return badge


class ServiceRow(RichButton):
    def __init__(self, service: Service, t: Translator, now: datetime, min_height: int,
                 compact: bool = False, one_line: bool = False) -> None:
        super().__init__("row", min_height)
        self.service = service
        if one_line:
            self._one_line(t, now)
            return
        if compact:
            # Beside a keyboard: four rows of their real height in sight at 1280x800.
            self.body.setContentsMargins(16, 10, 16, 10)
            self.body.setSpacing(4)
        lang = t.data_language
        name = text_in(service.names, lang)
        provider = text_in(service.responsible_provider.names, lang)
        title = mark_catalogue_text(label(name, role=None if compact else "heading"), t)
        if compact:
            title.setStyleSheet("font-weight: 700;")  # body size: long names take fewer lines
        self.add(title)
        sectors = sorted(service.sectors, key=("public", "third_sector", "private").index)
        # Badges first: then a long provider name wraps across the whole width.
        voucher = None
        if service.accepts_vouchers:
            # Where a person compares services: not only a filter and a line on the card.
            voucher = voucher_badge(t)
        status = service_status(t, service, now)
        # Compact (beside the search keyboard): the name, the badges, the status, so four rows
        # fit at 1280x800; provider and summary are still read out, and on the card. The status
        # has a line of its own: beside a keyboard of 64 px keys the badges leave it no room.
        badges = FlowLayout(spacing=12)
        for badge in (*(sector_badge(t, s, wrap=True) for s in sectors), *([voucher] if voucher else [])):
            # Beside each other while they fit, under each other when not (200 % text).
            badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            badges.addWidget(badge)
        self.body.addLayout(badges)
        if compact:
            if status is not None:
                # Beside the badges when both fit on a line, under them when not.
                words = label(status[0], role=status[1])
                words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
                badges.addWidget(words)
        else:
            # The provider on a line of its own: beside the badges it left them no room with
            # larger text ("Aa") at 1280x800.
            self.add(mark_catalogue_text(label(provider, role="muted"), t))
        summary = text_in(service.short_descriptions, lang)
        if summary and not compact:
            self.add(mark_catalogue_text(label(summary), t))
        parts = [name, provider, ", ".join(t.label("sector", s) for s in sectors), summary]
        if voucher is not None:
            parts.append(voucher.accessibleName())
        if status is not None:
            if not compact:
                self.add(label(status[0], role=status[1]))
            parts.append(status[0])
        self.setAccessibleName(". ".join(p for p in parts if p))

    def _one_line(self, t: Translator, now: datetime) -> None:
        """Beside the search keyboard: the name, and under it one short line, the sector's
        pictogram and "open now" or "closed now". A row is then hardly taller than a finger
        needs, and five or more are in sight at 1280x800 while typing (issue 20). Provider,
        summary, voucher and hours are on the card, and all of it is in the row's spoken name.
        The name has the row's whole width: beside the pictogram "Preventivmedelsrådgivning"
        was cut at 1280x800."""
        service = self.service
        lang = t.data_language
        self.body.setContentsMargins(14, 6, 14, 8)
        self.body.setSpacing(2)
        name = text_in(service.names, lang)
        title = mark_catalogue_text(label(name), t)
        title.setObjectName("row-name")
        title.setStyleSheet("font-weight: 700;")  # body size: long names take fewer lines
        self.add(title)
        line = QHBoxLayout()
        line.setSpacing(10)
        sectors = sorted(service.sectors, key=("public", "third_sector", "private").index)
        for sector in sectors:
            mark = sector_badge(t, sector, words=False)
            mark.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            mark.setStyleSheet("padding: 2px 6px;")  # the pictogram alone: a small square
            line.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        status = service_status(t, service, now)
        if status is not None:
            short = label(t.t(f"status.now.{status[1]}"), role=status[1])
            short.setObjectName("row-status")
            short.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            line.addWidget(short, 1, Qt.AlignmentFlag.AlignVCenter)
        else:
            line.addStretch(1)
        self.body.addLayout(line)
        provider = text_in(service.responsible_provider.names, lang)
        summary = text_in(service.short_descriptions, lang)
        parts = [name, provider, ", ".join(t.label("sector", s) for s in sectors), summary]
        if service.accepts_vouchers:
            parts.append(t.t("results.row.voucher"))
        if status is not None:
            parts.append(status[0])  # the whole status is read out: "closes at 16.00"
        self.setAccessibleName(". ".join(p for p in parts if p))
