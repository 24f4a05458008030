"""One service in a list: name, provider with its sector (colour and word), summary, open now."""

from __future__ import annotations

from datetime import datetime

from kiosk.catalogue.domain import Service, tr as text_in
from ui.bidi import mark_catalogue_text
from ui.format import service_status
from ui.i18n import Translator
from ui.widgets.touch import RichButton, label


def sector_badge(t: Translator, sector: str):
    badge = label(t.label("sector", sector), role=f"badge-{sector}", wrap=False)
    badge.setObjectName(f"badge-{sector}")
    return badge


class ServiceRow(RichButton):
    def __init__(self, service: Service, t: Translator, now: datetime, min_height: int) -> None:
        super().__init__("row", min_height)
        self.service = service
        lang = t.data_language
        name = text_in(service.names, lang)
        provider = text_in(service.responsible_provider.names, lang)
        self.add(mark_catalogue_text(label(name, role="heading"), t))
        sectors = sorted(service.sectors, key=("public", "third_sector", "private").index)
        # Badges first: then a long provider name wraps across the whole width.
        self.add_row(*(sector_badge(t, s) for s in sectors), mark_catalogue_text(label(provider, role="muted"), t))
        summary = text_in(service.short_descriptions, lang)
        if summary:
            self.add(mark_catalogue_text(label(summary), t))
        status = service_status(t, service, now)
        parts = [name, provider, ", ".join(t.label("sector", s) for s in sectors), summary]
        if status is not None:
            self.add(label(status[0], role=status[1]))
            parts.append(status[0])
        self.setAccessibleName(". ".join(p for p in parts if p))
