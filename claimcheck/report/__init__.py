"""Output formats. Every reporter lays out the same sorted records (see ``records``).

The application calls::

    from claimcheck.report import ReportOptions, render, write_report
    text = render(result, OutputFormat.MARKDOWN, options=ReportOptions(min_severity="medium"))
    write_report(result, OutputFormat.HTML, Path("report.html"), options=...)   # atomic

A ``Decision`` (claimcheck.gate) marks the findings that fail and the articles in scope; the
GitHub annotations use it to pick ``::error`` over ``::warning``.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.atomic import write_atomic
from claimcheck.enums import OutputFormat
from claimcheck.gate import Decision
from claimcheck.models import AuditResult
from claimcheck.report.base import Reporter, ReportOptions, want_color
from claimcheck.report.csv_report import CsvReporter
from claimcheck.report.github import GithubReporter
from claimcheck.report.html import HtmlReporter
from claimcheck.report.json_report import JsonReporter
from claimcheck.report.markdown import MarkdownReporter
from claimcheck.report.records import Report, build_records
from claimcheck.report.sarif import SarifReporter
from claimcheck.report.table import TableReporter

FORMATS: dict[OutputFormat, type[Reporter]] = {
    OutputFormat.TABLE: TableReporter,
    OutputFormat.JSON: JsonReporter,
    OutputFormat.MARKDOWN: MarkdownReporter,
    OutputFormat.HTML: HtmlReporter,
    OutputFormat.CSV: CsvReporter,
    OutputFormat.SARIF: SarifReporter,
    OutputFormat.GITHUB: GithubReporter,
}
FORMAT_CHOICES: tuple[str, ...] = tuple(FORMATS)


def get_reporter(fmt: OutputFormat | str) -> Reporter:
    try:
        return FORMATS[OutputFormat(fmt)]()
    except ValueError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMAT_CHOICES)}") from None


def render(
    result: AuditResult, fmt: OutputFormat | str, *, options: ReportOptions | None = None,
    decision: Decision | None = None,
) -> str:
    """The whole report in format ``fmt`` as text."""
    reporter = get_reporter(fmt)
    return reporter.render(build_records(result, options or ReportOptions(), decision))


def write_report(
    result: AuditResult, fmt: OutputFormat | str, path: Path, *, options: ReportOptions | None = None,
    decision: Decision | None = None,
) -> None:
    """Render and write atomically: the previous file stays whole if anything fails."""
    write_atomic(path, render(result, fmt, options=options, decision=decision))


def format_for_path(path: Path) -> OutputFormat | None:
    """Guess a format from an output file's extension (``.md`` → markdown), or None."""
    suffix = path.suffix.lower()
    aliases = {".markdown": OutputFormat.MARKDOWN, ".htm": OutputFormat.HTML, ".txt": OutputFormat.TABLE}
    for name, reporter in FORMATS.items():
        if reporter.extension == suffix and name not in (OutputFormat.GITHUB, OutputFormat.TABLE):
            return name
    return aliases.get(suffix)


__all__ = [
    "FORMATS",
    "FORMAT_CHOICES",
    "Report",
    "ReportOptions",
    "Reporter",
    "build_records",
    "format_for_path",
    "get_reporter",
    "render",
    "want_color",
    "write_report",
]
