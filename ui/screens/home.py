"""Home: what the kiosk can do for you, in big tiles."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import flow as places
from kiosk.announcements import AnnouncementBoard
from kiosk.config import ModulesConfig
from kiosk.flow import KioskFlow
from ui.i18n import Translator
from ui.icons import icon_for
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.reflow import columns_that_fit
from ui.widgets.notices import NoticeBoard
from ui.widgets.touch import Tile, button, label

# Tiles whose capability comes in its own module: (tile, config module, flow place).
# Until a screen is registered for the place (KioskWindow.register_screen), a tap says
# plainly that this kiosk cannot do it yet.
COMING_TILES = (
    ("book", "booking", "booking"),
    # Arriving for a booked time (issue 17): the place exists when the queue is on too.
    ("checkin", "booking", "checkin"),
    ("queue", "queue", "queue"),
    ("nurse", "video", "video"),
    ("feedback", "feedback", "feedback"),
    ("participation", "participation", "participation"),
)


# The tiles' padding (side, top and bottom): closer than a browse tile's, so that three rows
# of tiles keep their words at 1280x800; a tile is still far taller than a finger needs.
PAD = (20, 12)


class HomeScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, modules: ModulesConfig,
                 show_message: Callable[..., None], announcements: AnnouncementBoard | None = None) -> None:
        super().__init__()
        self.flow = flow
        self.tr_ = tr
        self.show_message = show_message
        col = QVBoxLayout(self)
        col.setContentsMargins(metrics.margin_px, metrics.margin_px, metrics.margin_px, metrics.margin_px // 2)
        # A little closer than other screens: three rows of tiles, their words and the foot
        # fit a 1280x800 screen at the site's text in every language (Arabic lines are tall).
        gap = metrics.gap_px * 3 // 4
        col.setSpacing(gap)
        self.welcome = label(role="title")
        self.hint = label(role="muted")
        col.addWidget(self.welcome)
        # The city's notices, as a board the resident opens (kiosk/announcements.py): one line
        # in the greeting's place. The greeting says nothing a notice does not, and both with
        # the tiles did not fit 1280x800 (the page scrolled by 2-73 px); a smaller line or
        # shorter tiles would have cost their words' size, which a resident with reading
        # glasses needs more than a welcome.
        self.notices = NoticeBoard(board=announcements, tr=tr, metrics=metrics) if announcements else None
        if self.notices is not None:
            col.addWidget(self.notices)
            self.notices.present.connect(lambda on: self.welcome.setVisible(not on))
            self.welcome.setVisible(not self.notices.showing)

        grid = QGridLayout()
        grid.setSpacing(gap)
        self.tiles: dict[str, Tile] = {}
        # The one thing every visitor can do stands out in the action colour.
        find = Tile(metrics.tile_px, role="tile-main", icon=icon_for("home", "find"), pad=PAD, spacing=4,
                    under_icon=True)
        find.setObjectName("tile-find")
        find.clicked.connect(lambda: flow.go(places.BROWSE))
        self.tiles["find"] = find
        shown = [(name, place) for name, module, place in COMING_TILES if getattr(modules, module)]
        # More than four tiles go three to a row, so they keep their height on 1280x800.
        self._cols_wanted = 3 if len(shown) > 4 else 2
        self._cols = 0
        self._grid = grid
        self._find = find
        self._small: list[Tile] = []
        for name, place in shown:
            tile = Tile(metrics.tile_px, icon=icon_for("home", name), pad=PAD, spacing=4, under_icon=True)
            tile.setObjectName(f"tile-{name}")
            tile.clicked.connect(lambda _=False, name=name, place=place: self._open(name, place))
            self.tiles[name] = tile
            self._small.append(tile)
        self._lay_tiles(self._cols_wanted)
        # At 200 % text a tile is as wide as its longest word (Estonian "järjekorranumber"):
        # three side by side then ran past a 1280x800 screen. Fewer to a row, the page scrolls.
        self._fit_soon = QTimer(self)
        self._fit_soon.setSingleShot(True)
        self._fit_soon.setInterval(0)
        self._fit_soon.timeout.connect(self._fit_columns)
        # No scroll area of its own: the window's page scrolls the whole screen at larger text
        # (ui/widgets/page_stack.py). A scroll area here asked the page for the tiles' natural
        # height, so at the site's own text the page scrolled and the staff button fell below
        # the fold at 1280x800.
        self.tile_area = QWidget()
        self.tile_area.setObjectName("home-tiles")
        self.tile_area.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.tile_area, 1)
        if self.notices is not None:
            # An open board takes the tiles' room (at 1280x800 both do not fit); closing it
            # brings the tiles back.
            self.notices.opened.connect(lambda on: self.tile_area.setVisible(not on))
            col.addStretch(0)

        # The hint shares the foot with the staff button: a row of its own above the tiles
        # pushed the staff button below a 1280x800 screen (Arabic lines are half again as tall).
        bottom = QHBoxLayout()
        bottom.setSpacing(metrics.gap_px)
        bottom.addWidget(self.hint, 1, Qt.AlignmentFlag.AlignVCenter)
        self.staff = button("", "", min_height=metrics.touch_px)
        self.staff.setObjectName("staff-entry")
        self.staff.clicked.connect(lambda: flow.go(places.STAFF))
        bottom.addWidget(self.staff, 0, Qt.AlignmentFlag.AlignRight)
        col.addLayout(bottom)
        self.retranslate()

    def _lay_tiles(self, cols: int) -> None:
        if cols == self._cols:
            return
        grid = self._grid
        for w in (self._find, *self._small):
            grid.removeWidget(w)
        for r in range(grid.rowCount()):
            grid.setRowStretch(r, 0)
        grid.addWidget(self._find, 0, 0, 1, cols)
        for i, tile in enumerate(self._small):
            grid.addWidget(tile, 1 + i // cols, i % cols)
        for r in range(1 + (len(self._small) + cols - 1) // cols):
            grid.setRowStretch(r, 1)
        self._cols = cols

    def _fit_columns(self) -> None:
        page = self.parentWidget()   # the page's viewport (ui/widgets/page_stack.py)
        if page is None or not self._small:
            return
        margins = self.layout().contentsMargins()
        room = page.width() - margins.left() - margins.right()
        widest = max(t.minimumSizeHint().width() for t in self._small)
        self._lay_tiles(columns_that_fit(widest, room, self._grid.spacing(), self._cols_wanted))

    def resizeEvent(self, event) -> None:   # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_soon.start()   # after this layout pass

    def changeEvent(self, event) -> None:   # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_soon.start()   # the text size changed the tiles' longest words

    def _open(self, name: str, place: str) -> None:
        if self.flow.knows(place):
            self.flow.go(place)
            return
        self.show_message("home.not_yet.heading", "home.not_yet.message",
                          what=self.tr_.t(f"home.{name}.title"))

    def title(self) -> str:
        return self.tr_.t("home.bar_title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def retranslate(self) -> None:
        t = self.tr_.t
        self.welcome.setText(t("home.welcome"))
        self.hint.setText(t("home.hint"))
        for name, tile in self.tiles.items():
            tile.set_texts(t(f"home.{name}.title"), t(f"home.{name}.subtitle"))
        if hasattr(self, "_fit_soon"):
            self._fit_soon.start()   # another language's words may not fit three to a row
        self.staff.setText(t("home.staff"))
        self.staff.setAccessibleName(t("home.staff"))
        if self.notices is not None:
            self.notices.refresh()

    def enter(self, place) -> None:
        super().enter(place)
        if self.notices is not None:
            self.notices.close_board()  # the next person finds it closed
            self.notices.refresh()
