"""The staff entry: what the kiosk wants staff or IT to know (e.g. a damaged database)."""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Mapping

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.flow import KioskFlow
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.touch import button, kinetic_scroll_area, label

# Staff tools other modules register as flow places; shown when this kiosk has them.
STAFF_TOOLS = (("staff_queue", "staff.tool.queue"), ("sync_status", "staff.tool.sync"))


def source_text(t: Translator, source: str | None) -> str:
    """Where the catalogue came from, in the screen's language: the importer records its
    source in English ("city backend", the demo file's own line)."""
    if not source:
        return "–"
    if source == "city backend":
        return t.t("staff.source.city_backend")
    if source.startswith("Demo"):
        return t.t("staff.source.demo")
    return source  # a catalogue file's own name for itself: data, shown as written


# What staff read about an outbox item, per kind: a headline key and the payload fields the
# words may use. Personal fields (kiosk/outbox.py marks them) are never offered here, and a
# kind missing from this table is caught by a test over every kind the outbox holds.
_ITEM_DETAILS: dict[str, tuple[str, ...]] = {
    "booking": ("service",),
    "booking_cancel": (),
    "booking_checkin": ("service", "event"),
    "feedback": ("service", "smiley", "nps"),
    "feedback_details": ("service", "nps"),
    "walk_in_appointment": ("service", "outcome"),
    "queue_ticket": ("label", "event"),
    "vote": (),
    "idea": (),
    "idea_support": (),
    "staff_audit": ("event",),
}


def describe_outbox_item(t: Translator, kind: str, fields: Mapping, created_at: datetime,
                         service_name: Callable[[str], str | None] = lambda _id: None,
                         now: datetime | None = None) -> str:
    """An outbox item in words for staff, in the screen's language, e.g.
    "Palaute: Terveysaseman sairaanhoitaja, tyytyväinen, suositus 9/10, klo 14.05".

    ``fields`` are the item's non-personal payload fields only; nothing the person wrote
    (comments, ideas, vote choices) or who they are ever reaches this text."""
    from kiosk.catalogue.hours import LOCAL_TZ

    known = t.catalogues[t.language]
    parts = [t.t(f"sync.kind.{kind}").capitalize() if f"sync.kind.{kind}" in known else kind]
    details = []
    for what in _ITEM_DETAILS.get(kind, ()):
        value = fields.get("service_id" if what == "service" else what)
        if value is None or value == "":
            continue
        if what == "service":
            details.append(service_name(str(value)) or t.t("staff.item.unknown_service"))
        elif what == "smiley":
            key = f"feedback.smiley.{value}"
            if key in known:
                details.append(t.t(key).lower())
        elif what == "nps":
            details.append(t.t("staff.item.nps", n=value))
        elif what in ("outcome", "event"):
            key = f"staff.item.{kind}.{value}"
            # A code this kiosk has no words for is staff-facing data: shown as the code.
            details.append(t.t(key) if key in known else str(value))
        else:
            details.append(str(value))
    local = created_at.astimezone(LOCAL_TZ)
    today = (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).date()
    clock = {"h": f"{local.hour:02d}", "m": f"{local.minute:02d}"}
    when = (t.t("staff.item.at", **clock) if local.date() == today
            else t.t("staff.item.on", date=f"{local.day}.{local.month}.{local.year}", **clock))
    return f"{parts[0]}: {', '.join([*details, when])}"


class StaffScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, config: Config, catalogue,
                 notices: tuple[str, ...], version: str = "") -> None:
        super().__init__()
        # Given by the composition root (ui/app.py): importing ui.app here made a circle.
        self.version = version or "–"
        self.tr_ = tr
        self.flow = flow
        self.config = config
        self.catalogue = catalogue
        self.notices = notices
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setSpacing(metrics.gap_px // 2 + 4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        outer.addWidget(kinetic_scroll_area(content))
        self.sign_in = label(role="muted")
        tools = QHBoxLayout()
        self.tools = {}
        for place, _key in STAFF_TOOLS:
            b = button("", "", role="primary", min_height=metrics.touch_px)
            b.setObjectName(f"staff-tool-{place}")
            b.clicked.connect(lambda _=False, p=place: flow.go(p))
            self.tools[place] = b
            tools.addWidget(b)
        tools.addStretch(1)
        self.notices_heading = label(role="heading")
        self.notice_labels = []
        for n in notices:
            # Notices come from the core in the words IT reads in the log; they are
            # for staff, so they are shown as written rather than translated.
            lab = label(n, role="notice")
            lab.setObjectName("staff-notice")
            self.notice_labels.append(lab)
        self.no_notices = label()
        self.device_heading = label(role="heading")
        self.device_lines = [label() for _ in range(5)]
        self.body.addWidget(self.sign_in)
        self.body.addLayout(tools)
        self.body.addWidget(self.notices_heading)
        for lab in self.notice_labels:
            self.body.addWidget(lab)
        self.body.addWidget(self.no_notices)
        self.body.addWidget(self.device_heading)
        for lab in self.device_lines:
            self.body.addWidget(lab)
        self.body.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr_.t("staff.title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def enter(self, place) -> None:
        self._show_tools()

    def _show_tools(self) -> None:
        known = [p for p in self.tools if self.flow.knows(p)]
        for place, b in self.tools.items():
            b.setVisible(place in known)
        self.sign_in.setVisible(not known)

    def retranslate(self) -> None:
        t = self.tr_
        self.sign_in.setText(t.t("staff.no_tools"))
        for place, key in STAFF_TOOLS:
            self.tools[place].setText(t.t(key))
            self.tools[place].setAccessibleName(t.t(key))
        self._show_tools()
        self.notices_heading.setText(t.t("staff.notices"))
        self.no_notices.setText(t.t("staff.no_notices"))
        self.no_notices.setVisible(not self.notices)
        self.device_heading.setText(t.t("staff.device"))
        meta = getattr(self.catalogue, "meta", {}) or {}
        lines = [
            t.t("staff.site", site=self.config.device.site, name=self.config.device.name),
            t.t("staff.version", version=self.version),
            t.plural("staff.catalogue", len(self.catalogue)),
            t.t("staff.source", source=source_text(t, meta.get("source"))),
            t.t("staff.updated", when=(meta.get("imported_at") or "–")[:16].replace("T", " ")),
        ]
        for lab, text in zip(self.device_lines, lines):
            lab.setText(text)
