"""Colours, type sizes and touch-target sizes for the kiosk, light and dark.

Every text colour the theme uses is listed in ``text_pairs()`` so a test can check
WCAG contrast for each: >= 4.5:1 in the light and dark themes, >= 7:1 in the high-contrast
theme that a resident switches on with the "Aa" button (ui/appearance.py), together with
larger text (``enlarged``, up to 200 %). The keypad's focus ring (``focus`` outside, ``focus_inner``
inside, 3 px each, drawn by ui/keypad.py) is two-tone (WCAG technique C40): its two colours
are >= 9:1 apart, so one of them is >= 3:1 against any fill or page it lies on. Sizes are in points for text (body >= 20 pt at
1920x1080) and pixels for touch targets (>= 64 px tall at 1080p, i.e. >= 12 mm on
a 24" screen); the 1280x800 layout scales them down a little, never below 64 px.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Palette:
    background: str
    surface: str        # cards, list rows
    text: str
    muted: str          # secondary text; still >= 4.5:1 on background and surface
    primary: str        # main action buttons
    on_primary: str
    tile: str           # home and browse tiles
    on_tile: str
    selected: str       # a chosen filter or language
    on_selected: str
    border: str         # outlines of buttons (not text: 3:1 is enough, we keep more)
    open: str           # "Open now" text on surface
    closed: str         # "Closed" text on surface
    public: str         # sector badges: colour + word, never colour alone
    private: str
    third_sector: str
    on_badge: str
    overlay: str        # the idle countdown card
    on_overlay: str
    warning: str        # notices on the staff screen
    on_warning: str
    focus: str          # the keypad's focus ring, outer line: it borders the page
    focus_inner: str    # its inner line, on the control's own fill; >= 9:1 against ``focus``


LIGHT = Palette(
    background="#FFFFFF", surface="#F1F4F8", text="#111418", muted="#3F4650",
    primary="#0A4F8F", on_primary="#FFFFFF", tile="#DCE9F7", on_tile="#0A2540",
    selected="#0A4F8F", on_selected="#FFFFFF", border="#5A6573",
    open="#146B34", closed="#A3201B",
    public="#0A4F8F", private="#6A2C91", third_sector="#146B34", on_badge="#FFFFFF",
    overlay="#111418", on_overlay="#FFFFFF", warning="#FFF1C2", on_warning="#3D2E00",
    focus="#111418", focus_inner="#FFB347",
)

DARK = Palette(
    background="#101316", surface="#1C2127", text="#F3F5F7", muted="#C3CAD2",
    primary="#8CC4FF", on_primary="#06213D", tile="#1F3550", on_tile="#F3F5F7",
    selected="#8CC4FF", on_selected="#06213D", border="#9AA6B2",
    open="#7BE0A0", closed="#FF9D97",
    public="#8CC4FF", private="#D7B0F5", third_sector="#7BE0A0", on_badge="#06131F",
    overlay="#F3F5F7", on_overlay="#101316", warning="#4A3B00", on_warning="#FFF1C2",
    focus="#FFB347", focus_inner="#101316",
)

# Yellow and white on black: the combination low-vision residents ask for, every text >= 7:1.
HIGH_CONTRAST = Palette(
    background="#000000", surface="#141414", text="#FFFFFF", muted="#E6E6E6",
    primary="#FFE500", on_primary="#000000", tile="#1A1A1A", on_tile="#FFFFFF",
    selected="#FFE500", on_selected="#000000", border="#FFFFFF",
    open="#8CF5A6", closed="#FFB0AB",
    public="#9DD5FF", private="#E8C2FF", third_sector="#8CF5A6", on_badge="#000000",
    overlay="#FFFFFF", on_overlay="#000000", warning="#FFE500", on_warning="#000000",
    focus="#00E1FF", focus_inner="#000000",
)

THEMES = {"light": LIGHT, "dark": DARK}
HIGH_CONTRAST_MIN = 7.0   # WCAG 1.4.6 (AAA); the ordinary themes keep 1.4.3's 4.5:1
FOCUS_MIN = 3.0           # WCAG 1.4.11 / 2.4.13: a focus indicator against what it borders
FOCUS_TONES_MIN = 9.0     # WCAG C40: the two lines of a two-tone ring against each other


def text_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """(what, foreground, background) for every text the kiosk draws."""
    return [
        ("body text", p.text, p.background),
        ("body text on card", p.text, p.surface),
        ("secondary text", p.muted, p.background),
        ("secondary text on card", p.muted, p.surface),
        ("action button", p.on_primary, p.primary),
        ("tile", p.on_tile, p.tile),
        ("selected choice", p.on_selected, p.selected),
        ("open now", p.open, p.surface),
        ("open now on page", p.open, p.background),
        ("closed", p.closed, p.surface),
        ("closed on page", p.closed, p.background),
        ("public sector badge", p.on_badge, p.public),
        ("private sector badge", p.on_badge, p.private),
        ("third sector badge", p.on_badge, p.third_sector),
        ("countdown", p.on_overlay, p.overlay),
        ("staff notice", p.on_warning, p.warning),
    ]


def focus_ring(p: Palette) -> tuple[str, str]:
    """The ring's (outer, inner) line colours."""
    return p.focus, p.focus_inner


def focus_neighbours(p: Palette) -> list[tuple[str, str]]:
    """(what, colour) for everything the focus ring is drawn on or next to: the pages around
    a control and every control's own fill (the ring lies on the control's edge)."""
    return [("page", p.background), ("card", p.surface), ("tile", p.tile),
            ("action button", p.primary), ("chosen button", p.selected),
            ("countdown card", p.overlay), ("staff notice", p.warning)]


def focus_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """(what, the ring's better line there, neighbour): the line of the two that stands out
    more from each neighbour; a test wants it >= FOCUS_MIN."""
    return [(what, max(focus_ring(p), key=lambda line: contrast_ratio(line, colour)), colour)
            for what, colour in focus_neighbours(p)]


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two '#RRGGBB' colours."""
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Metrics:
    """Sizes for one screen resolution."""

    body_pt: float
    small_pt: float     # the smallest text anywhere; still large
    title_pt: float
    tile_pt: float
    touch_px: int       # minimum height of anything you can press
    tile_px: int        # minimum height of a home/browse tile
    gap_px: int
    margin_px: int
    radius_px: int


# The "Aa" steps (ui/appearance.py): the site's own text, larger, and largest at 200 % of the
# site's body size (WCAG 1.4.4; EN 301 549 5.1.4's 0.7 degree capital H at the stated viewing
# distance, docs/accessibility.md).
TEXT_STEPS = (1.0, 1.5, 2.0)


def enlarged(m: Metrics, factor: float = TEXT_STEPS[-1]) -> Metrics:
    """Larger text for a resident who asked for it (5.1.4): every type size times ``factor``,
    touch targets as they are (they only grow with their words); the layouts wrap and scroll
    rather than cut (tested in fi and sv at both resolutions)."""
    return Metrics(body_pt=round(m.body_pt * factor), small_pt=round(m.small_pt * factor),
                   title_pt=round(m.title_pt * factor), tile_pt=round(m.tile_pt * factor),
                   touch_px=m.touch_px, tile_px=m.tile_px, gap_px=m.gap_px, margin_px=m.margin_px,
                   radius_px=m.radius_px)


def metrics_for(resolution: str) -> Metrics:
    if resolution == "1280x800":
        # A 10-13" screen seen from closer: slightly smaller type, same finger.
        return Metrics(body_pt=18, small_pt=16, title_pt=26, tile_pt=22, touch_px=72, tile_px=130,
                       gap_px=14, margin_px=20, radius_px=14)
    return Metrics(body_pt=22, small_pt=20, title_pt=34, tile_pt=28, touch_px=88, tile_px=180,
                   gap_px=20, margin_px=32, radius_px=18)


def stylesheet(p: Palette, m: Metrics) -> str:
    """One application-wide style sheet; widgets pick styles by ``role`` property. It gives a
    background only to what has a colour of its own (cards, buttons, fields, badges, the top bar,
    scroll bars): the page's colour is the application palette's (``palette_roles``), painted by
    the window, and plain containers stay transparent (tests/ui/test_theme_paint.py). The focus
    ring is no part of it: ui/keypad.py paints it, only while keys are used (the style's own
    focus tint, ``outline``, would show on a button just touched)."""
    return f"""
QWidget {{ color: {p.text}; font-size: {m.body_pt}pt; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {m.title_pt}pt; font-weight: 700; }}
QLabel[role="heading"] {{ font-size: {m.tile_pt}pt; font-weight: 700; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="tile-sub"] {{ color: {p.on_tile}; }}
QLabel[role="small"] {{ color: {p.muted}; font-size: {m.small_pt}pt; }}
QLabel[role="open"] {{ color: {p.open}; font-weight: 700; }}
QLabel[role="closed"] {{ color: {p.closed}; font-weight: 700; }}
QFrame[role="badge-public"] {{ background: {p.public}; color: {p.on_badge}; border-radius: 8px;
    padding: 4px 14px; font-weight: 700; font-size: {m.small_pt}pt; }}
QFrame[role="badge-private"] {{ background: {p.private}; color: {p.on_badge}; border-radius: 8px;
    padding: 4px 14px; font-weight: 700; font-size: {m.small_pt}pt; }}
QFrame[role="badge-third_sector"] {{ background: {p.third_sector}; color: {p.on_badge}; border-radius: 8px;
    padding: 4px 14px; font-weight: 700; font-size: {m.small_pt}pt; }}
QFrame[role="badge-public"] QLabel, QFrame[role="badge-private"] QLabel, QFrame[role="badge-third_sector"] QLabel {{
    background: transparent; color: {p.on_badge}; padding: 0px; font-weight: 700; font-size: {m.small_pt}pt; }}
QFrame[role="badge-voucher"] {{ background: transparent; color: {p.text}; border: 2px solid {p.text};
    border-radius: 8px; padding: 2px 12px; font-weight: 700; font-size: {m.small_pt}pt; }}
QFrame[role="badge-voucher"] QLabel {{ background: transparent; color: {p.text}; border: none; padding: 0px;
    font-weight: 700; font-size: {m.small_pt}pt; }}
QLabel[role="notice"] {{ background: {p.warning}; color: {p.on_warning}; padding: 16px;
    border-radius: {m.radius_px}px; }}
QFrame[role="topbar"] {{ background: {p.surface}; border-bottom: 2px solid {p.border}; }}
QFrame[role="topbar"] QLabel {{ background: transparent; }}
QFrame[role="card"] {{ background: {p.surface}; border-radius: {m.radius_px}px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QPushButton {{ background: {p.surface}; color: {p.text}; border: 2px solid {p.border};
    border-radius: {m.radius_px}px; padding: 8px 24px; min-height: {m.touch_px - 20}px; font-weight: 600; }}
QPushButton:pressed {{ background: {p.tile}; }}
/* A chosen toggle is underlined too, not only coloured (WCAG 1.4.1, EN 301 549 5.6.2): a person
   who cannot tell the colours apart sees which score, topic or tab is chosen. */
QPushButton:checked {{ background: {p.selected}; color: {p.on_selected}; border-color: {p.selected};
    text-decoration: underline; }}
QPushButton[role="tab"] {{ padding: 6px 22px; border-width: 4px; }}  /* the same size checked or not */
QPushButton[role="tab"]:checked {{ background: {p.tile}; color: {p.on_tile}; border: 4px solid {p.primary};
    text-decoration: underline; }}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary}; border-color: {p.primary}; }}
QPushButton[role="tile"], QPushButton[role="row"] {{ background: {p.tile}; color: {p.on_tile};
    border: 2px solid {p.tile}; text-align: left; padding: 0px; }}
QPushButton[role="row"] {{ background: {p.surface}; color: {p.text}; border: 2px solid {p.border}; }}
QPushButton[role="tile"] QLabel {{ color: {p.on_tile}; }}
QPushButton[role="tile-main"] {{ background: {p.primary}; color: {p.on_primary}; border: 2px solid {p.primary};
    text-align: left; padding: 0px; }}
QPushButton[role="tile-main"] QLabel {{ color: {p.on_primary}; }}
QPushButton[role="tile"]:pressed, QPushButton[role="row"]:pressed {{ border-color: {p.primary}; }}
QPushButton[role="key"] {{ padding: 0px; font-size: {m.tile_pt}pt; min-height: {m.touch_px - 8}px; }}
QPushButton[role="key"][words="true"] {{ font-size: {m.body_pt}pt; }}
QLineEdit {{ background: {p.background}; color: {p.text}; border: 3px solid {p.primary};
    border-radius: {m.radius_px}px; padding: 8px 16px; min-height: {m.touch_px - 24}px;
    font-size: {m.tile_pt}pt; }}
QScrollArea {{ border: none; }}
QScrollBar {{ background: {p.background}; }}  /* drawn by the sheet, as the page around it */
QScrollBar:vertical {{ width: 24px; background: {p.surface}; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 10px; min-height: 60px; }}
QFrame[role="overlay"] {{ background: rgba(0, 0, 0, 150); }}
QFrame[role="overlay-card"] {{ background: {p.overlay}; border-radius: {m.radius_px}px; }}
QFrame[role="overlay-card"] QLabel {{ color: {p.on_overlay}; background: transparent; }}
QPushButton:focus {{ outline: none; }}
"""


def palette_roles(p: Palette) -> dict[str, str]:
    """The application palette's colours by QPalette role name (ui/appearance.py sets them).

    The window paints the page's colour from this palette, and so do the scroll areas' contents
    (Qt fills them): the style sheet gives no plain ``QWidget`` a background, so containers are
    transparent and each colour is painted once. These are the roles a sheet's ``background``
    and ``color`` on every widget used to set, so what other widgets read from their palette
    (a pictogram's ink) is what it was."""
    return {"Window": p.background, "Base": p.background, "Button": p.background,
            "WindowText": p.text, "Text": p.text, "ButtonText": p.text}


def palette_fields() -> list[str]:
    return [f.name for f in fields(Palette)]
