"""The city's notices on screen (kiosk/announcements.py): an info board on the home
screen that the resident opens with a tap, and a plain list for the queue display and
the service card. An urgent notice says so in words ("Tärkeää"), not by colour alone;
each notice's text carries the language it was written in for screen readers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionButton, QVBoxLayout, QWidget

from kiosk.announcements import Announcement, AnnouncementBoard
from ui.background import OnGuiThread
from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.removal import clear_layout
from ui.widgets.touch import TouchButton, label

REFRESH_MS = 30_000  # a notice starts or ends on time even while nobody touches the kiosk


def notice_line(tr: Translator, a: Announcement) -> str:
    text = a.text(tr.language)
    return tr.t("announcements.urgent_line", text=text) if a.urgent else text


def notice_label(tr: Translator, a: Announcement, role: str):
    lab = label(notice_line(tr, a), role=role)
    lab.setObjectName(f"notice-{a.id}")
    lang = a.language_of_text(tr.language)
    lab.setLocale(QLocale(lang))
    lab.setAccessibleName(notice_line(tr, a))
    return lab


class BannerButton(TouchButton):
    """A button of one line that takes the width it is given and shows as much of its text
    as fits, ending in "…" (the board it opens shows the notices in full). A plain push
    button asks for the width of its whole text: a notice of 400 characters made the home
    screen scroll sideways by 2,000 px. Its accessible name is the whole text."""

    def __init__(self, min_height: int) -> None:
        super().__init__()
        self._full = ""
        self.setMinimumHeight(min_height)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.minimumHeight() * 2, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.minimumHeight() * 2, super().sizeHint().height())

    def _elide(self) -> None:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self).width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, room - 4))
        if shown != self._full and self.width() <= 1:  # not laid out yet: the first resize says how much fits
            shown = self._full
        TouchButton.setText(self, shown)
        self.setAccessibleName(self._full)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # larger text, another theme
            self._elide()


class NoticeBoard(QWidget):
    """Home: one line that says how many notices there are and begins the first; a tap
    opens the list of all of them in full, another tap closes it. Hidden when there are
    none. ``opened`` tells the home screen to give the open board the tiles' room;
    ``present`` whether there is any notice to show (the home screen's greeting gives way)."""

    opened = Signal(bool)
    present = Signal(bool)

    def __init__(self, *, board: AnnouncementBoard, tr: Translator, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("notice-board")
        self.showing = False  # whether a notice is on the board (``present``)
        self.board, self.tr_, self.m = board, tr, metrics
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(metrics.gap_px // 2)
        self.toggle = BannerButton(metrics.touch_px)
        self.toggle.setObjectName("notices-open")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(lambda on: (self.refresh(), self.opened.emit(on)))
        col.addWidget(self.toggle)
        self.list = QWidget()
        self.rows = QVBoxLayout(self.list)
        self.rows.setContentsMargins(metrics.gap_px, 0, metrics.gap_px, 0)
        col.addWidget(self.list)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        board.on_change(OnGuiThread(self, self.refresh))  # a pull reloads the board on the sync thread
        self.refresh()

    def refresh(self) -> None:
        notices = self.board.current()
        self.setVisible(bool(notices))
        if bool(notices) != self.showing:
            self.showing = bool(notices)
            self.present.emit(self.showing)
        clear_layout(self.rows)
        if not notices:
            self.toggle.setChecked(False)
            return
        t = self.tr_.t
        first = notice_line(self.tr_, notices[0])
        opened = self.toggle.isChecked()
        key = "announcements.close" if opened else "announcements.open"
        self.toggle.setText(t(key, n=str(len(notices)), first=first))
        self.list.setVisible(opened)
        if opened:
            for a in notices:
                lab = notice_label(self.tr_, a, "notice" if a.urgent else "muted")
                self.rows.addWidget(lab)
                lab.show()  # now, not at the next event loop turn

    def close_board(self) -> None:
        self.toggle.setChecked(False)


class NoticeList(QWidget):
    """Every current notice (or only some), one per line: queue display, service card."""

    def __init__(self, *, tr: Translator, role: str = "heading") -> None:
        super().__init__()
        self.tr_, self.role = tr, role
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)

    def show_notices(self, notices: list[Announcement]) -> None:
        clear_layout(self.rows)
        for a in notices:
            lab = notice_label(self.tr_, a, "notice" if a.urgent else self.role)
            self.rows.addWidget(lab)
            lab.show()
        self.setVisible(bool(notices))
