"""Find a service: by life situation or by who it is for, or search by word."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import flow as places
from kiosk.catalogue.vocab import LIFE_EVENTS, TARGET_GROUPS
from kiosk.flow import KioskFlow, Place
from ui.i18n import Translator
from ui.icons import icon_for
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.reflow import columns_that_fit
from ui.widgets.removal import discard
from ui.widgets.touch import Tile, button, kinetic_scroll_area, label

# (tab, code list, catalogue attribute, filter parameter)
TABS = {
    "life_event": (LIFE_EVENTS, "life_events"),
    "target_group": (TARGET_GROUPS, "target_groups"),
}


class _TileGrid(QWidget):
    """The tiles' host: asks for the tiles to be placed again when its scroll area's width
    or a tile's minimum (text size, language) changed."""

    def __init__(self, place) -> None:
        super().__init__()
        self._place = place

    def event(self, event) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._place()
        return super().event(event)


class BrowseScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, catalogue) -> None:
        super().__init__()
        self.flow = flow
        self.tr_ = tr
        self.metrics = metrics
        self.catalogue = catalogue
        self.tab = "life_event"
        col = QVBoxLayout(self)
        col.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        col.setSpacing(metrics.gap_px)

        actions = QHBoxLayout()
        actions.setSpacing(metrics.gap_px)
        self.search = button("", "", role="primary", min_height=metrics.touch_px)
        self.search.setObjectName("browse-search")
        self.search.clicked.connect(lambda: flow.go(places.SEARCH))
        self.all = button("", "", min_height=metrics.touch_px)
        self.all.setObjectName("browse-all")
        self.all.clicked.connect(lambda: flow.go(places.RESULTS))
        actions.addWidget(self.search, 2)
        actions.addWidget(self.all, 1)
        col.addLayout(actions)

        tabs = QHBoxLayout()
        tabs.setSpacing(metrics.gap_px)
        self.tab_buttons = {}
        group = QButtonGroup(self)
        for tab in TABS:
            b = button("", "", min_height=metrics.touch_px)
            b.setObjectName(f"tab-{tab}")
            b.setProperty("role", "tab")
            b.setCheckable(True)
            group.addButton(b)
            b.clicked.connect(lambda _=False, tab=tab: self.show_tab(tab))
            self.tab_buttons[tab] = b
            tabs.addWidget(b, 1)
        col.addLayout(tabs)

        self.empty = label(role="muted")
        col.addWidget(self.empty)
        self._grid_host = _TileGrid(self._place_tiles)
        self.grid = QGridLayout(self._grid_host)
        self.grid.setContentsMargins(0, 0, 12, 0)
        self.grid.setSpacing(metrics.gap_px)
        self.area = kinetic_scroll_area(self._grid_host)
        col.addWidget(self.area, 1)
        self.tiles: dict[str, Tile] = {}
        self.show_tab("life_event")
        self.retranslate()

    @property
    def most_columns(self) -> int:
        return 3 if self.metrics.tile_px >= 160 else 2

    @property
    def columns(self) -> int:
        """As many columns as the widest tile's longest word leaves room for, at most
        ``most_columns``: at 200 % text the Swedish life situations in three columns reached
        190 px past the screen's right edge (there is no sideways scrolling)."""
        room = self.area.viewport().width()
        m = self.grid.contentsMargins()
        widest = max((t.minimumSizeHint().width() for t in self.tiles.values()), default=0)
        return columns_that_fit(widest, room - m.left() - m.right(), self.grid.spacing(), self.most_columns)

    def _place_tiles(self) -> None:
        """Each tile in its cell for the columns that fit now (after a resize, another text
        size or language); nothing moves while the columns stay the same."""
        if not hasattr(self, "area") or not hasattr(self, "tiles"):
            return  # still being built
        n = self.columns
        if n == getattr(self, "_placed_columns", None) and list(self.tiles) == getattr(self, "_placed", None):
            return
        self._placed_columns, self._placed = n, list(self.tiles)
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for c in range(self.most_columns):
            self.grid.setColumnStretch(c, 1 if c < n else 0)
        for i, tile in enumerate(self.tiles.values()):
            self.grid.addWidget(tile, i // n, i % n)

    def show_tab(self, tab: str) -> None:
        self.tab = tab
        for name, b in self.tab_buttons.items():
            b.setChecked(name == tab)
        self._build_tiles()

    def _build_tiles(self) -> None:
        codes, attribute = TABS[self.tab]
        counts = self.catalogue.counts(attribute)
        # Only situations that have services: an empty tile is a dead end for the resident.
        shown = [c for c in codes if counts.get(c)]
        if list(self.tiles) == shown and all(t.objectName() == f"{self.tab}-{c}" for c, t in self.tiles.items()):
            # The same tiles (every reset for the next person shows this tab again): new counts
            # only. Making them again cost about 20 ms of the GUI thread at each nurse's logout.
            self._retranslate_tiles(counts)
            return
        for tile in self.tiles.values():
            discard(tile)   # out of the grid now: a tile only hidden kept its cell until Qt deleted it
        self.tiles = {}
        for i, code in enumerate(shown):
            tile = Tile(int(self.metrics.tile_px * 0.8), icon=icon_for(self.tab, code))
            tile.setObjectName(f"{self.tab}-{code}")
            tile.clicked.connect(lambda _=False, code=code: self.flow.go(places.RESULTS, **{self.tab: code}))
            self.grid.addWidget(tile, i // self.most_columns, i % self.most_columns)
            tile.show()  # at once, not on the next event-loop turn, so a quick tap finds it
            self.tiles[code] = tile
        self._placed = None
        self._retranslate_tiles(counts)
        self._place_tiles()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_tiles()  # the grid's host may be wider than the screen now: it is not resized

    def _retranslate_tiles(self, counts: dict[str, int] | None = None) -> None:
        _codes, attribute = TABS[self.tab]
        counts = counts if counts is not None else self.catalogue.counts(attribute)
        for code, tile in self.tiles.items():
            tile.set_texts(self.tr_.label(self.tab, code), self.tr_.plural("browse.count", counts.get(code, 0)))
        self.empty.setText(self.tr_.t("browse.empty"))
        self.empty.setVisible(not self.tiles)

    def enter(self, place: Place) -> None:
        pass

    def title(self) -> str:
        return self.tr_.t("browse.title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def retranslate(self) -> None:
        t = self.tr_.t
        self.search.setText(t("browse.search"))
        self.search.setAccessibleName(t("browse.search"))
        self.all.setText(t("browse.all"))
        self.all.setAccessibleName(t("browse.all"))
        for tab, b in self.tab_buttons.items():
            b.setText(t(f"browse.by_{tab}"))
            b.setAccessibleName(t(f"browse.by_{tab}"))
        self._retranslate_tiles()

    def clear(self) -> None:
        self.show_tab("life_event")
