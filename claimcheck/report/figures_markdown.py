"""The ``## Figures`` section of the Markdown report: each figure group as a table, disagreements first.

Groups with one value and no finding are listed together in one short table
at the end. All article text goes through ``md_escape``.
"""

from __future__ import annotations

from claimcheck.figures import FigureClaim, FigureGroup, FigureValue
from claimcheck.report.figures_common import (
    STANDING_LABELS,
    counts,
    finding_label,
    headline,
    qualities,
    time_label,
    verdict,
)
from claimcheck.report.markdown import md_escape
from claimcheck.report.records import highlight

HEADER = (
    "| Value | As written | Source | Published | Speaks of | Modality | Said by | Standing |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
)


def _quote(k: FigureClaim) -> str:
    before, figure, after = highlight(k.quote, k.quote, k.text).quote_parts
    bold = f"**{md_escape(figure)}**" if figure else ""
    return f"“{md_escape(before)}{bold}{md_escape(after)}”"


def _row(v: FigureValue, k: FigureClaim) -> str:
    cells = (
        md_escape(v.display) or "—",
        _quote(k),
        md_escape(f"{k.path}:{k.line}"),
        md_escape(k.published or "—"),
        md_escape(time_label(k)),
        md_escape(qualities(k)),
        md_escape(k.attribution or "—"),
        STANDING_LABELS[v.standing],
    )
    return "| " + " | ".join(cells) + " |"


def _group(g: FigureGroup) -> list[str]:
    facts = [md_escape(verdict(g)), counts(g)]
    if g.event:
        facts.insert(0, f"event: {md_escape(g.event)}")
    lines = [f"### {md_escape(g.topic)}", "", " · ".join(facts), ""]
    if g.findings:
        lines += ["Findings: " + " · ".join(f"`{md_escape(finding_label(f))}`" for f in g.findings), ""]
    lines += list(HEADER)
    lines += [_row(v, k) for v in g.values for k in v.claims]
    return [*lines, ""]


def _agreeing(groups: list[FigureGroup]) -> list[str]:
    lines = ["### Figures the sources agree on", "", "| Figure | Value | Sources |", "| --- | --- | --- |"]
    for g in groups:
        (value,) = g.values
        sources = ", ".join(f"{k.path}:{k.line}" for k in value.claims)
        lines.append(f"| {md_escape(g.topic)} | {md_escape(value.display)} | {md_escape(sources)} |")
    return [*lines, ""]


def figures_section(groups: tuple[FigureGroup, ...]) -> list[str]:
    """The section's lines, or none when no claims were grouped."""
    if not groups:
        return []
    quiet = [g for g in groups if len(g.values) == 1 and not g.findings]
    out = ["## Figures", "", headline(groups) + ".", ""]
    for g in groups:
        if g not in quiet:
            out += _group(g)
    if quiet:
        out += _agreeing(quiet)
    return out
