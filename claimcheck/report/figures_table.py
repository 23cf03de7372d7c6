"""Figures on the terminal: ``claimcheck figures`` and the short section that ends ``claimcheck audit``.

Groups where the sources disagree come first, each as a table of who says
what, when; groups whose sources all give one value follow as one line each.
Article text is only added as ``rich.text.Text``, never parsed as markup.
"""

from __future__ import annotations

import io
import shutil
from typing import TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from claimcheck.figures import FigureGroup, FigureValue
from claimcheck.models import AuditResult
from claimcheck.report.base import ReportOptions, want_color
from claimcheck.report.figures_common import (
    STANDING_LABELS,
    counts,
    finding_label,
    headline,
    qualities,
    time_label,
    verdict,
)
from claimcheck.report.records import build_records

BRIEF_GROUPS = 8  # groups the audit's closing section names before pointing to `claimcheck figures`
STANDING_STYLES = {"outlier": "bold red", "conflict": "bold red", "split": "yellow", "update": "green"}


def terminal_options(stream: TextIO) -> ReportOptions:
    """Colour and width for ``stream``: the terminal's own width, or 120 columns when piped."""
    tty = bool(getattr(stream, "isatty", None) and stream.isatty())
    width = shutil.get_terminal_size((120, 24)).columns if tty else 120
    return ReportOptions(color=want_color(stream), width=min(max(width, 40), 400))


def _console(options: ReportOptions) -> Console:
    return Console(
        file=io.StringIO(), width=options.width, force_terminal=options.color,
        color_system="standard" if options.color else None, no_color=not options.color,
        highlight=False, emoji=False, markup=False, soft_wrap=False, legacy_windows=False,
        force_jupyter=False, force_interactive=False,
    )


def _title(g: FigureGroup) -> Text:
    text = Text(g.topic, style="bold")
    if g.event:
        text.append(f"  {g.event}", style="cyan")
    text.append(f"  {verdict(g)} · {counts(g)}", style="dim")
    return text


def _table(g: FigureGroup, width: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    longest = max(len(f"{k.path}:{k.line}") for v in g.values for k in v.claims)
    # path:line is the evidence a reader acts on: keep it on one line where the width allows
    widest = width * 2 // 5
    table.add_column("source", overflow="fold", min_width=min(longest, widest), max_width=widest)
    table.add_column("as written", ratio=2, overflow="fold")
    table.add_column("value", ratio=3, overflow="fold")
    table.add_column("published", overflow="fold", max_width=12)
    table.add_column("speaks of", overflow="fold", max_width=12)
    table.add_column("modality · said by", ratio=3, overflow="fold")
    for v in g.values:
        for index, k in enumerate(v.claims):
            said = qualities(k) + (f" · {k.attribution}" if k.attribution else "")
            table.add_row(
                Text(f"{k.path}:{k.line}", style="bold"),
                Text(k.text),
                _value(v) if index == 0 else Text(""),
                Text(k.published or "—"), Text(time_label(k)), Text(said),
                end_section=index == len(v.claims) - 1,
            )
    return table


def _value(v: FigureValue) -> Text:
    text = Text(v.display, style="green")
    if v.standing != "split":  # with no majority the group's title says so once
        text.append(f"\n{STANDING_LABELS[v.standing]}", style=STANDING_STYLES.get(v.standing, "dim"))
    return text


def _group(g: FigureGroup, width: int) -> RenderableType:
    parts: list[RenderableType] = [_title(g)]
    if g.findings:
        parts.append(Text("findings: " + " · ".join(finding_label(f) for f in g.findings), style="yellow"))
    parts.append(_table(g, width))
    return Group(*parts)


def _one_line(g: FigureGroup) -> Text:
    (value,) = g.values
    sources = ", ".join(f"{k.path}:{k.line}" for k in value.claims)
    text = Text(f"{g.topic}: ", style="bold")
    text.append(value.display, style="green")
    text.append(f"  {sources}", style="dim")
    return text


def render_figures(result: AuditResult, options: ReportOptions | None = None) -> str:
    """The whole ``claimcheck figures`` view as text."""
    options = options or ReportOptions()
    groups = build_records(result, options).figures
    console = _console(options)
    console.print(Text("claimcheck figures", style="bold"))
    if not groups:
        console.print("No figures were grouped: no two claims speak of the same subject and measure.")
    else:
        console.print(headline(groups))
    quiet = [g for g in groups if len(g.values) == 1 and not g.findings]
    for g in groups:
        if g not in quiet:
            console.print()
            console.print(_group(g, options.width))
    if quiet:
        console.print()
        console.print(Rule(Text(f"ALL SOURCES AGREE ({len(quiet)})", style="bold green")))
        for g in quiet:
            console.print(_one_line(g))
    return str(console.file.getvalue())  # type: ignore[attr-defined]


def figures_brief(groups: tuple[FigureGroup, ...]) -> RenderableType | None:
    """The audit's closing section: the groups whose values differ, one line each, in the articles' words."""
    if not groups:
        return None
    differing = [g for g in groups if g.disagrees]
    lines: list[RenderableType] = [Text(""), Rule(Text("FIGURES", style="bold")), Text(headline(groups))]
    for g in differing[:BRIEF_GROUPS]:
        text = Text(f"  {g.topic}: ", style="bold")
        if g.timeline:
            text.append(verdict(g))
        else:
            text.append(" · ".join(v.claims[0].text or v.display for v in g.values))
            text.append(f" — {verdict(g)}", style="dim")
        lines.append(text)
    if len(differing) > BRIEF_GROUPS:
        lines.append(Text(f"  … and {len(differing) - BRIEF_GROUPS} more", style="dim"))
    lines.append(Text("`claimcheck figures` shows every group side by side.", style="dim"))
    return Group(*lines)
