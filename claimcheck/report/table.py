"""The terminal report (rich): a header line, then contradictions grouped by severity.

Article text is only ever added as ``rich.text.Text`` (never parsed as rich
markup), so square brackets in a quote print as they are. With
``options.color`` off (not a terminal, or NO_COLOR) the output has no escape
codes and the conflicting figure is marked «like this» instead of styled.
"""

from __future__ import annotations

import io
from typing import ClassVar

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from claimcheck.enums import Severity
from claimcheck.report.base import Reporter
from claimcheck.report.figures_table import figures_brief
from claimcheck.report.records import SEVERITIES, ClaimRecord, ContradictionRecord, Report

STYLES: dict[str, str] = {
    Severity.HIGH: "bold red", Severity.MEDIUM: "bold yellow", Severity.LOW: "bold cyan",
}
SIDE_BY_SIDE_MIN_WIDTH = 110


class TableReporter(Reporter):
    name: ClassVar[str] = "table"
    extension: ClassVar[str] = ".txt"

    def render(self, records: Report) -> str:
        color = records.options.color
        console = Console(
            file=io.StringIO(),
            width=records.options.width,
            force_terminal=color,
            color_system="standard" if color else None,
            no_color=not color,
            highlight=False,
            emoji=False,
            markup=False,
            soft_wrap=False,
            legacy_windows=False,
            force_jupyter=False,
            force_interactive=False,
        )
        self.color = color
        console.print(self._header(records))
        if not records.shown:
            console.print(Text("No contradictions found.", style="bold green"))
        for severity in SEVERITIES:
            group = [c for c in records.shown if c.severity == severity]
            if not group:
                continue
            console.print()
            console.print(Rule(Text(f"{severity.upper()} ({len(group)})", style=STYLES[severity])))
            for c in group:
                console.print(self._panel(c, records.options.width))
        brief = figures_brief(records.figures)
        if brief is not None:
            console.print(brief)
        output = console.file.getvalue()  # type: ignore[attr-defined]
        return str(output)

    def _header(self, records: Report) -> RenderableType:
        s = records.summary
        text = Text()
        text.append(records.title, style="bold")
        text.append("\n")
        noun = "contradiction" if s.contradictions == 1 else "contradictions"
        text.append(f"{s.articles} articles, {s.claims} claims, {s.contradictions} {noun}: ")
        for i, sev in enumerate(SEVERITIES):
            text.append(", " if i else "")
            text.append(f"{s.by_severity[sev]} {sev}", style=STYLES[sev] if s.by_severity[sev] else "")
        if s.hidden_acknowledged:
            text.append(
                f"\n{s.hidden_acknowledged} acknowledged contradiction(s) hidden (--show-acknowledged)"
            )
        if s.below_min_severity:
            text.append(
                f"\n{s.below_min_severity} contradiction(s) below {records.options.min_severity} hidden"
            )
        if records.skipped:
            text.append(f"\nSkipped {len(records.skipped)} file(s):", style="bold")
            for f in records.skipped:
                text.append(f"\n  {f.path}: {f.reason}", style="dim")
        return text

    def _quote(self, k: ClaimRecord) -> Text:
        before, figure, after = k.highlight.quote_parts
        text = Text("“")
        text.append(before)
        if figure:
            text.append(figure if self.color else f"«{figure}»", style="bold reverse" if self.color else "")
        text.append(after)
        text.append("”")
        return text

    def _claims(self, c: ContradictionRecord, width: int) -> Table:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        if width >= SIDE_BY_SIDE_MIN_WIDTH and len(c.claims) <= 3:
            for k in c.claims:
                table.add_column(Text(k.location, style="bold"), ratio=1, overflow="fold")
            table.add_row(*(self._quote(k) for k in c.claims))
            table.add_row(*(Text(k.value.label, style="green") for k in c.claims))
            return table
        longest = max((len(k.location) for k in c.claims), default=6)
        # path:line is the evidence a reader acts on: keep it on one line where the width allows
        widest = width * 2 // 5
        table.add_column("source", overflow="fold", min_width=min(longest, widest), max_width=widest)
        table.add_column("quote", overflow="fold", ratio=3)
        table.add_column("value", overflow="fold", ratio=2)
        for k in c.claims:
            table.add_row(Text(k.location, style="bold"), self._quote(k), Text(k.value.label, style="green"))
        return table

    def _panel(self, c: ContradictionRecord, width: int) -> Panel:
        title = Text(f"{c.rule} {c.rule_name}", style=STYLES[c.severity])
        topic = Text(c.topic, style="bold")
        topic.append(f"  [{c.kind}]", style="dim")
        if c.acknowledged:
            topic.append("  acknowledged", style="bold green")
        parts: list[RenderableType] = [topic, Text(c.explanation)]
        if c.note:
            parts.append(Text(f"Note: {c.note}", style="italic"))
        parts.append(self._claims(c, width))
        return Panel(
            Group(*parts),
            title=title,
            title_align="left",
            subtitle=Text(c.id, style="dim"),
            subtitle_align="right",
            border_style=STYLES[c.severity] if self.color else "",
            box=box.ROUNDED,
        )
