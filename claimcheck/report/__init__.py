"""Output formats. Every reporter lays out the same sorted records (see ``records``).

The CLI calls::

    from claimcheck.report import FORMAT_CHOICES, ReportOptions, render, write_report
    text = render(result, "markdown", options=ReportOptions(min_severity="medium"))
    write_report(result, "html", Path("report.html"), options=...)   # atomic
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.atomic import write_atomic
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

FORMATS: dict[str, type[Reporter]] = {
    "table": TableReporter,
    "json": JsonReporter,
    "markdown": MarkdownReporter,
    "html": HtmlReporter,
    "csv": CsvReporter,
    "sarif": SarifReporter,
    "github": GithubReporter,
}
FORMAT_CHOICES: tuple[str, ...] = tuple(FORMATS)


def get_reporter(fmt: str) -> Reporter:
    try:
        return FORMATS[fmt]()
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMAT_CHOICES)}") from None


def render(result: AuditResult, fmt: str, *, options: ReportOptions | None = None) -> str:
    """The whole report in format ``fmt`` as text."""
    reporter = get_reporter(fmt)
    return reporter.render(build_records(result, options or ReportOptions()))


def write_report(result: AuditResult, fmt: str, path: Path, *, options: ReportOptions | None = None) -> None:
    """Render and write atomically: the previous file stays whole if anything fails."""
    write_atomic(path, render(result, fmt, options=options))


def format_for_path(path: Path) -> str | None:
    """Guess a format from an output file's extension (``.md`` → markdown), or None."""
    suffix = path.suffix.lower()
    aliases = {".markdown": "markdown", ".htm": "html", ".txt": "table"}
    for name, reporter in FORMATS.items():
        if reporter.extension == suffix and name not in ("github", "table"):
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
