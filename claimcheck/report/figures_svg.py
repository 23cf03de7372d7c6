"""An inline SVG timeline for a figure reported over time: one point per reading, growth and falls marked.

Plain SVG markup (no script, no external reference), so the strict CSP of the
HTML report holds and the chart reads without JavaScript. Values spanning more
than ``LOG_SPAN`` times are drawn on a log scale. Every label is escaped.
"""

from __future__ import annotations

import math

from claimcheck.figures import FigureGroup, FigureValue
from claimcheck.report.figures_common import STANDING_LABELS
from claimcheck.report.html import e as _e

WIDTH, HEIGHT = 640, 190
LEFT, RIGHT, TOP, BOTTOM = 150, 70, 18, 36  # plot margins; the left one holds the value labels
LOG_SPAN = 20.0
LABEL_GAP = 14.0  # pixels between two value labels


def _x_of(values: list[FigureValue]) -> dict[int, float]:
    days = sorted({(v.time.start.toordinal() + v.time.end.toordinal()) / 2 for v in values if v.time})
    first, last = days[0], days[-1]
    width = WIDTH - LEFT - RIGHT
    out = {}
    for index, v in enumerate(values):
        assert v.time is not None
        day = (v.time.start.toordinal() + v.time.end.toordinal()) / 2
        out[index] = LEFT + (width * (day - first) / (last - first) if last > first else width / 2)
    return out


def _y_of(values: list[FigureValue]) -> tuple[dict[int, float], bool]:
    numbers = [v.value for v in values if v.value is not None]
    low, high = min(numbers), max(numbers)
    log = low > 0 and high / low >= LOG_SPAN

    def scale(x: float) -> float:
        return math.log10(x) if log else x

    span = scale(high) - scale(low)
    height = HEIGHT - TOP - BOTTOM
    out = {}
    for index, v in enumerate(values):
        assert v.value is not None
        share = (scale(v.value) - scale(low)) / span if span else 0.5
        out[index] = TOP + height * (1 - share)
    return out, log


def plottable(g: FigureGroup) -> list[FigureValue]:
    """The readings that have both a time and a number, in time order."""
    return [v for v in g.values if v.time is not None and v.value is not None]


def timeline_svg(g: FigureGroup) -> str:
    """The chart, or "" when fewer than two dated readings exist."""
    values = plottable(g)
    if len({v.time for v in values}) < 2:
        return ""
    xs, (ys, log) = _x_of(values), _y_of(values)
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{_e(g.topic)} over time" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{_e(g.topic)} over time{' (log scale)' if log else ''}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" '
        f'x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}"/>',
    ]
    for (i, a), (j, b) in zip(enumerate(values), list(enumerate(values))[1:], strict=False):
        if a.time != b.time:
            parts.append(
                f'<line class="step st-{_e(b.standing)}" x1="{xs[i]:.1f}" y1="{ys[i]:.1f}" '
                f'x2="{xs[j]:.1f}" y2="{ys[j]:.1f}"/>'
            )
    labelled: set[str] = set()
    label_ys: list[float] = []
    for i, v in enumerate(values):
        assert v.time is not None
        when = v.time.label()
        sources = ", ".join(f"{k.path}:{k.line}" for k in v.claims)
        parts.append(
            f'<circle class="point st-{_e(v.standing)}" cx="{xs[i]:.1f}" cy="{ys[i]:.1f}" r="5">'
            f"<title>{_e(v.display)} — {_e(when)} — {_e(STANDING_LABELS[v.standing])} — {_e(sources)}</title>"
            "</circle>"
        )
        if all(abs(ys[i] - y) >= LABEL_GAP for y in label_ys):  # close values share one label
            label_ys.append(ys[i])
            parts.append(
                f'<text class="vlabel" x="{LEFT - 10}" y="{ys[i] + 4:.1f}" '
                f'text-anchor="end">{_e(v.display)}</text>'
            )
        if when not in labelled:
            labelled.add(when)
            parts.append(
                f'<text class="tlabel" x="{xs[i]:.1f}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="middle">{_e(when)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
