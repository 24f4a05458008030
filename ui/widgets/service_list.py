"""A scrolling list of service rows; tapping a row opens its card.

A row is a widget of several labels and costs one to two milliseconds to make and
polish on the GUI thread, so a list of a hundred services made in one go held the
screen still for a quarter of a second or more (after a video call, at a language
switch). The list therefore makes what fills its viewport at once (a quick tap finds a
real row), the rest in slices of at most about half a frame per event-loop turn, and
nothing while it is hidden: a hidden list is made when it is next shown. Rows are kept
for the language and minute they were made in, so a search that narrows with every key
press moves the rows it already has instead of making them again.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Callable, Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalogue.domain import Service
from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.removal import discard
from ui.widgets.service_row import ServiceRow
from ui.widgets.touch import kinetic_scroll_area


def slice_full(started: float, budget_s: float) -> Callable[[], bool]:
    """For work made in pieces within one event-loop turn: asked after each piece, says whether
    the slice is full, that is whether one more piece as long as the longest yet would overrun
    ``budget_s`` from ``started`` (a channel's card is 4-5 ms: two of them made a 10 ms slice).
    The service card's slices use it too (ui/screens/service.py)."""
    last, longest = started, 0.0

    def full() -> bool:
        nonlocal last, longest
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        return now - started + longest > budget_s
    return full


class ServiceList(QWidget):
    chosen = Signal(str)  # service id

    # Enough for any real site; a longer list is not something a person scrolls through.
    MAX_ROWS = 150
    # Work per event-loop turn after the first screenful: leaves the rest of a 16 ms frame
    # for drawing and for the person's next touch. The turn after a slice also lays out and
    # paints what it made (5-7 ms at 1920x1080): 6 ms slices made 14-15 ms turns.
    SLICE_S = 0.004
    # Old rows deleted per turn (a deletion is cheaper than a new row, but not free).
    RETIRE_PER_TURN = 40

    def __init__(self, *, tr: Translator, metrics: Metrics, now: Callable[[], datetime], compact: bool = False,
                 one_line: bool = False) -> None:
        """``compact``: name, badges and status (the booking's list). ``one_line``: pictogram,
        name and a short "open now" (beside the search keyboard, ui/widgets/service_row.py)."""
        super().__init__()
        self.compact = compact
        self.one_line = one_line
        self.tr_ = tr
        self.metrics = metrics
        self.now = now
        self._rows: list[ServiceRow] = []  # shown, in order
        self._kept: dict[str, ServiceRow] = {}  # every row made for ``_made_for``, by service id
        self._made_for: tuple | None = None  # (languages, minute) the kept rows are right for
        self._retired: list[ServiceRow] = []
        self._stale = False  # services or language changed while hidden: made at the next show
        self._content = QWidget()
        self._col = QVBoxLayout(self._content)
        self._col.setContentsMargins(0, 0, 12, 0)
        self._col.setSpacing(metrics.gap_px // 2 + 4)
        self._col.addStretch(1)
        # Rows come at the foot, slice by slice; the rows on the screen stay where they are, so a
        # slice paints what it adds (below the fold, mostly), not the rows shown again (5-7 ms).
        self._content.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.area = kinetic_scroll_area(self._content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        self._services: list[Service] = []
        self._made_at: datetime | None = None
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._next_slice)

    # Narrower than this many lines of text, a list shows no long service name whole
    # ("Preventivmedelsrådgivning" beside the search keyboard at 200 % text): a screen that
    # puts the list beside something else (ui/widgets/reflow.py Columns) stacks instead.
    MIN_LINES_WIDE = 7
    # Around a one-line row's name: the list's right margin and scroll bar (ui/theme.py, 24 px),
    # the row's border (2 px a side) and its body's margins (14 px a side, service_row.py).
    ROW_AROUND_NAME_PX = 12 + 24 + 2 * 2 + 2 * 14 + 4

    def set_widest_words(self, words: Sequence[str]) -> None:
        """The longest words of the names this list may show (a search's whole catalogue):
        the list is never narrower than the widest of them in a row's bold name, so a name is
        never cut at its side, whatever the next key press finds, and the list does not
        change width while the resident types."""
        # By letters first; the widest in the font of the moment is measured then.
        self._widest_words = sorted(set(words), key=len, reverse=True)[:24]
        self._widest_for = None
        self.updateGeometry()

    def _widest_word_px(self) -> int:
        words = getattr(self, "_widest_words", ())
        if not words:
            return 0
        font = self.font()
        font.setBold(True)  # a one-line row's name (service_row.py)
        key = font.key()
        if getattr(self, "_widest_for", None) != key:
            fm = QFontMetrics(font)
            self._widest_for, self._widest_px = key, max(fm.horizontalAdvance(w) for w in words)
        return self._widest_px + self.ROW_AROUND_NAME_PX

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        lines = self.MIN_LINES_WIDE * self.fontMetrics().height()
        return QSize(max(hint.width(), lines, self._widest_word_px()), hint.height())

    @property
    def rows(self) -> list[ServiceRow]:
        """Every row of the list. Asking for all of them makes the ones still to come now
        (a caller that reads them all, such as a test, waits for them anyway)."""
        if self._stale or len(self._rows) < len(self._services):
            self._stale = False
            self._make_rows(until=lambda: False)
        return self._rows

    @property
    def complete(self) -> bool:
        """Every row is made and every old one gone (tests wait on this)."""
        return not self._stale and len(self._rows) == len(self._services) and not self._retired

    def show_services(self, services: Sequence[Service]) -> None:
        self._services = list(services[: self.MAX_ROWS])
        self._rebuild()

    def _rebuild(self) -> None:
        now = self.now()
        made_for = (self.tr_.language, self.tr_.data_language, now.replace(second=0, microsecond=0))
        if made_for != self._made_for:
            # Another language, or a minute on ("open now" may have changed): new rows.
            self._retire(list(self._kept.values()))
            self._made_for, self._made_at = made_for, now
        # Rows no longer in the list leave the screen at once; deleting them waits for the slices.
        wanted = {s.id for s in self._services}
        for row in self._rows:
            if row.service.id not in wanted:
                row.hide()
        self._rows = []
        if len(self._kept) > 2 * self.MAX_ROWS:
            self._retire([r for sid, r in self._kept.items() if sid not in wanted])
        self.area.verticalScrollBar().setValue(0)
        if not self.isVisible():
            self._stale = True
            if self._retired:
                self._more.start()
            return
        self._stale = False
        self._first_screenful()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._first_screenful()

    def _first_screenful(self) -> None:
        # Until the rows made cover the viewport (at least two, however small it is now).
        spacing = self._col.spacing()
        height = max(self.area.viewport().height(), 2 * self.metrics.touch_px)
        filled = [0, 0]  # height of the rows measured so far, how many of them

        def enough() -> bool:
            # Only the rows made since the last look: a row's size hint lays it out (0.1 ms),
            # and summing all of them at every row cost a few ms per key press.
            for r in self._rows[filled[1]:]:
                filled[0] += r.sizeHint().height() + spacing
            filled[1] = len(self._rows)
            return len(self._rows) >= 2 and filled[0] >= height
        self._make_rows(until=enough)
        self._schedule()

    def _next_slice(self) -> None:
        started = time.perf_counter()
        # Old rows go within the slice too (40 of them took up to 12 ms in one turn).
        retire, self._retired = self._retired[: self.RETIRE_PER_TURN], self._retired[self.RETIRE_PER_TURN:]
        for i, row in enumerate(retire):
            if i and time.perf_counter() - started >= self.SLICE_S:
                self._retired[:0] = retire[i:]
                break
            discard(row)
        if not self._stale:
            self._make_rows(until=slice_full(started, self.SLICE_S))
        self._schedule()

    def _schedule(self) -> None:
        if self._retired or (not self._stale and len(self._rows) < len(self._services)):
            self._more.start()

    def _retire(self, rows: list[ServiceRow]) -> None:
        for row in rows:
            row.hide()
            self._kept.pop(row.service.id, None)
        self._retired.extend(rows)

    def _make_rows(self, until: Callable[[], bool]) -> None:
        while len(self._rows) < len(self._services) and not until():
            i = len(self._rows)
            s = self._services[i]
            row = self._kept.get(s.id)
            if row is not None and row.service is not s:  # the catalogue was reloaded
                self._retire([row])
                row = None
            if row is None:
                # One "open now" for the whole list: the time the kept rows were made at.
                row = ServiceRow(s, self.tr_, self._made_at, self.metrics.touch_px, compact=self.compact,
                                 one_line=self.one_line)
                row.setObjectName(f"service-{s.id}")
                row.clicked.connect(lambda _=False, sid=s.id: self.chosen.emit(sid))
                self._kept[s.id] = row
            if self._col.indexOf(row) != i:
                self._col.removeWidget(row)
                self._col.insertWidget(i, row)
            row.show()  # at once, not on the next event-loop turn, so a quick tap finds it
            self._rows.append(row)
        self._fit_content()

    def _fit_content(self) -> None:
        # The scroll area gives the rows their room one event-loop turn after they came, and by
        # then the next slice has come: every row shown was squeezed below the height its words
        # need (200 % text) until the last slice. The room is given now instead.
        width = self._content.width()
        need = self._content.heightForWidth(width)
        if need > self._content.height():
            self._content.resize(width, need)

    def retranslate(self) -> None:
        self._rebuild()
