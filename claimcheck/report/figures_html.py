"""The ``id="figures"`` section of the HTML report: one sortable table per figure group.

The page reads without JavaScript: every group is a ``<details>`` element
(open where the sources give several values, closed where they all agree),
figures reported over time carry an inline SVG timeline, and the measure
filter and the sort buttons only appear once figures.js runs. Everything
taken from an article goes through ``e`` (``html.escape``).
"""

from __future__ import annotations

from claimcheck.figures import FigureClaim, FigureFinding, FigureGroup, FigureValue
from claimcheck.report.figures_common import (
    STANDING_LABELS,
    counts,
    headline,
    qualities,
    time_label,
    verdict,
)
from claimcheck.report.figures_svg import timeline_svg
from claimcheck.report.html import e, line_anchor
from claimcheck.report.records import Report, anchor_for, highlight

# (header, sort type): "number" sorts on the cell's data-sort value, "text" on its text
COLUMNS = (
    ("Source", "text"),
    ("As written", "text"),
    ("Value", "number"),
    ("Published", "text"),
    ("Speaks of", "text"),
    ("Modality", "text"),
    ("Said by", "text"),
)


class _Links:
    """Where a claim's source and a finding's badge point inside the page (only to targets that exist)."""

    def __init__(self, records: Report) -> None:
        self.lines = {a.id: (a.anchor, bool(a.lines)) for a in records.articles}
        self.shown = {c.id for c in records.shown}

    def claim(self, k: FigureClaim) -> str:
        anchor, has_lines = self.lines.get(k.article, (anchor_for(k.article), False))
        return f"#{line_anchor(anchor, k.line)}" if has_lines else f"#a-{anchor}"

    def finding(self, f: FigureFinding) -> str:
        label = f"{e(f.rule)} {e(f.severity)}" + (
            f" · {f.confidence:.2f}" if f.confidence is not None else ""
        )
        title = f' title="{e(f.rule_name)} · {e(f.id)} · {e(f.status)}"'
        if f.id in self.shown:
            return f'<a class="badge sev-{e(f.severity)}" href="#c-{e(anchor_for(f.id))}"{title}>{label}</a>'
        return f'<span class="badge sev-{e(f.severity)}"{title}>{label}</span>'


def _quote(k: FigureClaim) -> str:
    before, figure, after = highlight(k.quote, k.quote, k.text).quote_parts
    marked = f"<mark>{e(figure)}</mark>" if figure else ""
    return f"“{e(before)}{marked}{e(after)}”"


def _row(v: FigureValue, k: FigureClaim, links: _Links) -> str:
    number = "" if v.value is None else repr(v.value)
    start = k.time.start.isoformat() if k.time else ""
    # with no majority the group's verdict says so once; a badge on every row would only repeat it
    badge = "" if v.standing == "split" else (
        f' <span class="st st-{e(v.standing)}">{e(STANDING_LABELS[v.standing])}</span>'
    )
    cells = (
        f'<td class="src"><a href="{e(links.claim(k))}">{e(k.path)}:{k.line}</a></td>',
        f'<td class="quote" data-sort="{e(k.text)}">{_quote(k)}</td>',
        f'<td class="val" data-sort="{e(number)}">{e(v.display) or "—"}{badge}</td>',
        f'<td class="when">{e(k.published or "—")}</td>',
        f'<td class="when" data-sort="{e(start)}">{e(time_label(k))}</td>',
        f"<td>{e(qualities(k))}</td>",
        f"<td>{e(k.attribution or '—')}</td>",
    )
    return f'<tr class="st-{e(v.standing)}">{"".join(cells)}</tr>'


def _table(g: FigureGroup, links: _Links) -> str:
    heads = "".join(
        f'<th scope="col" data-type="{kind}" aria-sort="none"><button type="button">{name}</button></th>'
        for name, kind in COLUMNS
    )
    rows = "".join(_row(v, k, links) for v in g.values for k in v.claims)
    return (
        f'<div class="fig-scroll"><table class="fig-table"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _group(g: FigureGroup, links: _Links) -> str:
    state = "disagrees" if g.disagrees else "agrees"
    is_open = " open" if len(g.values) > 1 else ""
    event = f' <span class="event">{e(g.event)}</span>' if g.event else ""
    timeline = ' <span class="tag">timeline</span>' if g.timeline else ""
    findings = "".join(links.finding(f) for f in g.findings)
    return (
        f'<details class="fig {state}" id="f-{e(anchor_for(g.key))}" data-measure="{e(g.measure)}"{is_open}>'
        f'<summary><span class="topic">{e(g.topic)}</span>{event}{timeline}'
        f'<span class="verdict">{e(verdict(g))}</span><span class="counts">{e(counts(g))}</span>'
        f'<span class="fbadges">{findings}</span></summary>'
        f"{timeline_svg(g) if g.timeline else ''}{_table(g, links)}</details>"
    )


def _filter(groups: tuple[FigureGroup, ...]) -> str:
    measures: dict[str, int] = {}
    for g in groups:
        measures[g.measure] = measures.get(g.measure, 0) + 1
    options = "".join(
        f'<option value="{e(m)}">{e(m) or "(none)"} ({n})</option>' for m, n in sorted(measures.items())
    )
    return (
        '<nav class="fig-filters" aria-label="Figure filters" hidden><label>Measure '
        f'<select id="fig-measure"><option value="" selected>all measures ({len(groups)})</option>{options}'
        '</select></label><span id="fig-count"></span></nav>'
    )


def figures_section(records: Report) -> str:
    """The whole section; empty when no claims were grouped."""
    groups = records.figures
    if not groups:
        return ""
    links = _Links(records)
    return (
        '<section id="figures"><h2>Figures side by side</h2>'
        f'<p class="sub">{e(headline(groups))}. Groups where every source gives one value are folded.</p>'
        f"{_filter(groups)}{''.join(_group(g, links) for g in groups)}"
        '<p class="empty" id="fig-empty" hidden>No figures for this measure.</p></section>'
    )
