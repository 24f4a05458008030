"""Charts drawn on the server as SVG: no script, no library. Each has a title and a
description for screen readers (role="img" with aria-labelledby), and writes its numbers
on the chart itself; the page shows the same figures in a table beside it, so nothing is
said by colour or shape alone."""

from __future__ import annotations

import html
import itertools

# Contrast at least 3:1 against white (WCAG 2.2 1.4.11, non-text contrast).
BAR = "#1f5fa8"
BAR_ALT = "#6b3fa0"
INK = "#1a1a1a"
_ids = itertools.count(1)


def _frame(width: int, height: int, title: str, desc: str, body: str) -> str:
    n = next(_ids)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="ct{n} cd{n}" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" class="chart">'
            f'<title id="ct{n}">{html.escape(title)}</title><desc id="cd{n}">{html.escape(desc)}</desc>'
            f'{body}</svg>')


def bar_chart(rows: list[tuple[str, float]], *, title: str, unit: str = "") -> str:
    """Horizontal bars, the label left, the value at the bar's end."""
    label_w, bar_h, gap, width = 200, 26, 10, 640
    most = max((v for _, v in rows), default=0) or 1
    parts = []
    for i, (label, value) in enumerate(rows):
        y = i * (bar_h + gap)
        w = round((width - label_w - 70) * value / most)
        parts.append(f'<text x="0" y="{y + 18}" font-size="15" fill="{INK}">{html.escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{BAR}"/>'
                     f'<text x="{label_w + w + 6}" y="{y + 18}" font-size="15" fill="{INK}">'
                     f'{html.escape(_num(value))}{html.escape(unit)}</text>')
    desc = "; ".join(f"{label}: {_num(value)}{unit}" for label, value in rows)
    return _frame(width, max(1, len(rows)) * (bar_h + gap), title, desc, "".join(parts))


def trend_chart(weeks: list[dict], *, title: str, answers_label: str, nps_label: str) -> str:
    """Answers per week as columns with the count above each; the week's NPS under it."""
    col_w, gap, top, chart_h = 44, 12, 24, 120
    width = max(320, len(weeks) * (col_w + gap) + 10)
    height = top + chart_h + 56
    most = max((w["answers"] for w in weeks), default=0) or 1
    parts = [f'<line x1="0" y1="{top + chart_h}" x2="{width}" y2="{top + chart_h}" stroke="{INK}"/>']
    for i, w in enumerate(weeks):
        x = 5 + i * (col_w + gap)
        h = round(chart_h * w["answers"] / most)
        nps = "–" if w["nps"] is None else f"{w['nps']:+.0f}"
        parts.append(f'<rect x="{x}" y="{top + chart_h - h}" width="{col_w}" height="{h}" fill="{BAR}"/>'
                     f'<text x="{x + col_w / 2}" y="{top + chart_h - h - 6}" font-size="13" text-anchor="middle" '
                     f'fill="{INK}">{w["answers"]}</text>'
                     f'<text x="{x + col_w / 2}" y="{top + chart_h + 18}" font-size="12" text-anchor="middle" '
                     f'fill="{INK}">{html.escape(w["week"][-3:])}</text>'
                     f'<text x="{x + col_w / 2}" y="{top + chart_h + 38}" font-size="12" text-anchor="middle" '
                     f'fill="{BAR_ALT}">{html.escape(nps)}</text>')
    desc = "; ".join(f"{w['week']}: {answers_label} {w['answers']}, {nps_label} "
                     f"{'–' if w['nps'] is None else _num(w['nps'])}" for w in weeks)
    return _frame(width, height, title, desc, "".join(parts))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
