"""A review-ready Markdown document (GitHub/GitLab flavoured) built from the records.

Every piece of article text goes through ``md_escape``: Markdown control
characters are backslash-escaped, ``<``/``>``/``&`` become entities (so a
quote holding ``<script>`` renders as text), and line breaks inside a table
cell become spaces.
"""

from __future__ import annotations

import re
from typing import ClassVar

from claimcheck.enums import Severity
from claimcheck.report.base import Reporter
from claimcheck.report.records import SEVERITIES, ClaimRecord, ContradictionRecord, Report

BADGES: dict[str, str] = {
    Severity.HIGH: "🔴 **HIGH**", Severity.MEDIUM: "🟠 **MEDIUM**", Severity.LOW: "🟡 **LOW**",
}
_SPECIAL = re.compile(r"([\\`*_\[\]|~#$])")
_LEADING = re.compile(r"^(\s*)(\d*)([-+=.)])(?=\s|$)")


def md_escape(text: str) -> str:
    """Make arbitrary text inert and literal in Markdown, inline and inside table cells."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"\s*[\r\n]+\s*", " ", text)
    # a cell or heading that starts like a list item, quote or setext underline stays text
    return _LEADING.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}", text)


def _quote_cell(k: ClaimRecord) -> str:
    before, figure, after = k.highlight.quote_parts
    bold = f"**{md_escape(figure)}**" if figure else ""
    return f"“{md_escape(before)}{bold}{md_escape(after)}”"


def _value_cell(k: ClaimRecord) -> str:
    return md_escape(k.value.label) or "—"


def _counts_line(records: Report) -> str:
    s = records.summary
    parts = ", ".join(f"{s.by_severity[sev]} {sev}" for sev in SEVERITIES)
    return (
        f"**{s.articles}** articles · **{s.claims}** claims · **{s.contradictions}** contradictions ({parts})"
    )


def _summary_table(records: Report) -> list[str]:
    s = records.summary
    lines = ["| Severity | Count |", "| --- | ---: |"]
    lines += [f"| {BADGES[sev]} | {s.by_severity[sev]} |" for sev in SEVERITIES]
    lines += ["", "| Kind | Count |", "| --- | ---: |"]
    lines += [f"| {kind} | {n} |" for kind, n in s.by_kind.items() if n]
    if not any(s.by_kind.values()):
        lines.append("| (none) | 0 |")
    return lines


def _section(index: int, c: ContradictionRecord) -> list[str]:
    ack = " · ✅ acknowledged" if c.acknowledged else ""
    lines = [
        f"### {index}. {md_escape(c.topic)}",
        "",
        f"{BADGES[c.severity]} · `{c.rule}` {md_escape(c.rule_name)} · {c.kind}{ack}",
        "",
        f"> {md_escape(c.explanation)}",
        "",
    ]
    if c.note:
        lines += [f"*Reviewer's note:* {md_escape(c.note)}", ""]
    lines += ["| Source | Quote | Value |", "| --- | --- | --- |"]
    lines += [f"| {md_escape(k.location)} | {_quote_cell(k)} | {_value_cell(k)} |" for k in c.claims]
    lines += ["", f"<sub>id: {md_escape(c.id)}</sub>", ""]
    return lines


class MarkdownReporter(Reporter):
    name: ClassVar[str] = "markdown"
    extension: ClassVar[str] = ".md"
    media_type: ClassVar[str] = "text/markdown"

    def render(self, records: Report) -> str:
        s = records.summary
        out = [f"# {md_escape(records.title)}", "", _counts_line(records), ""]
        out += _summary_table(records)
        out.append("")
        if records.skipped:
            out += ["<details><summary>Skipped files</summary>", ""]
            out += [f"- {md_escape(f.path)}: {md_escape(f.reason)}" for f in records.skipped]
            out += ["", "</details>", ""]
        if s.hidden_acknowledged:
            out += [f"*{s.hidden_acknowledged} acknowledged contradiction(s) not shown.*", ""]
        from claimcheck.report.figures_markdown import figures_section  # it imports md_escape from here

        if not records.shown:
            out += ["**No contradictions found** among these articles at this severity level.", ""]
        else:
            out += ["## Contradictions", ""]
            for index, c in enumerate(records.shown, start=1):
                out += _section(index, c)
        out += figures_section(records.figures)
        return "\n".join(out).rstrip("\n") + "\n"
