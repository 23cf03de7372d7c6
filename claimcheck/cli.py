"""The command line: each command maps its options onto a typed request and runs it through the
application object (``app.py``), which decides the exit code. No decisions live here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from claimcheck import __version__
from claimcheck.app import Application
from claimcheck.entry import run_guarded
from claimcheck.enums import ListFormat, OutputFormat, ReviewStatus, Severity
from claimcheck.options import (
    AcceptRequest,
    AuditRequest,
    CheckRequest,
    ClaimsRequest,
    EvalRequest,
    InitRequest,
    OutputSpec,
    UsageError,
    pair_outputs,
)

R = TypeVar("R")
app = typer.Typer(
    name="claimcheck",
    help="Fact-check a folder of news articles against each other: extract sourced factual claims "
    "(counts, money, percentages, specs, dates), group equivalent claims across articles and report "
    "the ones that cannot all be true, with file:line evidence.",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
ledger_app = typer.Typer(help="Review findings in the ledger (claims.yaml), or write a starter ledger.",
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(ledger_app, name="ledger")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise typer.BadParameter(f"{text!r} is not a valid date ({exc}); expected YYYY-MM-DD") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    """claimcheck: where do your sources disagree?"""


Paths = Annotated[list[str] | None, typer.Argument(help="Article files or folders (searched recursively); "
                                                   "default: sources/", show_default=False)]
AsOf = Annotated[dt.date | None, typer.Option("--as-of", parser=_day, metavar="YYYY-MM-DD",
                                              help="Treat every article as published on this date.")]
LedgerPath = Annotated[Path | None, typer.Option("--ledger", help="The reviewed ledger; default: "
                                                 "./claims.yaml when it exists.")]
Formats = Annotated[list[OutputFormat] | None, typer.Option("--format", "-f", help="Report format; repeat "
                                                            "with one --output each for several reports.")]
Outputs = Annotated[list[Path] | None, typer.Option("--output", "-o", help="Write the report to this file "
                                                    "(atomically); the format may come from its extension.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for claim extraction.")]
Cache = Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse extracted claims of unchanged files.")]
CacheDir = Annotated[Path | None, typer.Option("--cache-dir", help="Keep the claims cache here; default: "
                                               "the user cache directory.")]
Follow = Annotated[bool, typer.Option("--follow-symlinks", help="Follow symlinks leaving the given folder.")]
FailOn = Annotated[Severity, typer.Option("--fail-on", help="Least severity that fails.")]


def _run(command: Callable[[Application, R], None], request: R) -> None:
    application = Application()
    raise typer.Exit(application.run(lambda given: command(application, given), request))


def _outputs(fmt: list[OutputFormat] | None, output: list[Path] | None) -> tuple[OutputSpec, ...]:
    try:
        return pair_outputs(fmt or [], output or [])
    except UsageError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format/--output") from None


@app.command("audit")
def audit_command(
    paths: Paths = None, fmt: Formats = None, output: Outputs = None,
    min_severity: Annotated[Severity, typer.Option("--min-severity", help="Hide findings below this.")]
    = Severity.LOW,
    fail_on: Annotated[Severity | None, typer.Option("--fail-on", help="Exit 1 when a new finding at or "
                                                     "above this severity exists; default: never.")] = None,
    as_of: AsOf = None, ledger: LedgerPath = None,
    show_acknowledged: Annotated[bool, typer.Option("--show-acknowledged", help="List findings the ledger "
                                                    "acknowledges too.")] = False,
    jobs: Jobs = 1, cache: Cache = True, cache_dir: CacheDir = None, follow_symlinks: Follow = False,
) -> None:
    """Read every article, extract claims, and show the contradictions with file:line evidence.

    Example: claimcheck audit sources/ -f json -o report.json -f html -o report.html
    """
    _run(Application.audit, AuditRequest(
        paths=tuple(paths or ()), outputs=_outputs(fmt, output), min_severity=min_severity, fail_on=fail_on,
        as_of=as_of, ledger=ledger, show_acknowledged=show_acknowledged, jobs=jobs, cache=cache,
        cache_dir=cache_dir, follow_symlinks=follow_symlinks))


@app.command("check")
def check_command(
    paths: Paths = None, ledger: LedgerPath = None,
    fail_on: FailOn = Severity.MEDIUM,
    changed_since: Annotated[str | None, typer.Option("--changed-since", metavar="REF", help="Only findings "
                                                      "involving articles changed since this git ref fail.")]
    = None,
    against: Annotated[str | None, typer.Option("--against", metavar="FOLDER", help="Audit PATHS together "
                                                "with this corpus; only PATHS can fail.")] = None,
    fmt: Formats = None, output: Outputs = None, as_of: AsOf = None, jobs: Jobs = 1, cache: Cache = True,
    cache_dir: CacheDir = None,
) -> None:
    """CI mode: exit 1 when a new finding at or above --fail-on involves a checked article, else 0;
    exit 2 on bad input or an invalid ledger. With GITHUB_ACTIONS=true, annotates the offending lines."""
    _run(Application.check, CheckRequest(
        paths=tuple(paths or ()), ledger=ledger, fail_on=fail_on, changed_since=changed_since,
        against=against, outputs=_outputs(fmt, output), as_of=as_of, jobs=jobs, cache=cache,
        cache_dir=cache_dir))


@app.command("claims")
def claims_command(
    paths: Paths = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Listing format.")] = ListFormat.TABLE,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    as_of: AsOf = None, ledger: LedgerPath = None, jobs: Jobs = 1, cache: Cache = True,
    cache_dir: CacheDir = None, follow_symlinks: Follow = False,
) -> None:
    """List every extracted claim with its normalised value and source: why something was flagged or not."""
    _run(Application.claims, ClaimsRequest(paths=tuple(paths or ()), format=fmt, output=output, as_of=as_of,
                                 ledger=ledger, jobs=jobs, cache=cache, cache_dir=cache_dir,
                                 follow_symlinks=follow_symlinks))


@app.command("eval")
def eval_command(
    corpus: Annotated[Path, typer.Argument(help="The corpus folder the gold file annotates.")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold YAML: contradictions and look-alikes.")],
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.TABLE,
    report: Annotated[Path | None, typer.Option("--report", help="Score this saved JSON report instead of "
                                                "running the audit.")] = None,
    min_recall: Annotated[float | None, typer.Option("--min-recall", help="Exit 1 below this.")] = None,
    min_precision: Annotated[float | None, typer.Option("--min-precision", help="Exit 1 below this "
                                                        "precision.")] = None,
    jobs: Jobs = 1, ledger: LedgerPath = None,
) -> None:
    """Score an audit of CORPUS against a gold file: recall, precision, look-alike false positives."""
    _run(Application.evaluate, EvalRequest(corpus=corpus, gold=gold, format=fmt, report=report, jobs=jobs,
                                           min_recall=min_recall, min_precision=min_precision, ledger=ledger))


@ledger_app.command("accept")
def ledger_accept_command(
    ids: Annotated[list[str], typer.Argument(metavar="ID", help="Finding ids or unique prefixes.")],
    note: Annotated[str, typer.Option("--note", help="Why; shown next to the finding in reports.")],
    keep: Annotated[list[str] | None, typer.Option("--keep", metavar="FILE", help="The claims of FILE in "
                                                   "these findings hold (they become accepted facts, the "
                                                   "other claims stale). Repeatable.")] = None,
    status: Annotated[ReviewStatus, typer.Option("--status", help="accepted: reviewed as it stands; "
                                                 "false-positive: not a contradiction.")]
    = ReviewStatus.ACCEPTED,
    expires: Annotated[dt.date | None, typer.Option("--expires", parser=_day, metavar="YYYY-MM-DD",
                                                    help="The verdict lapses after this day.")] = None,
    paths: Annotated[list[str] | None, typer.Option("--sources", metavar="PATH", help="The articles to audit "
                                                    "for the ids; default: sources/. Repeatable.")] = None,
    ledger: LedgerPath = None,
) -> None:
    """Record reviewed verdicts on findings ID... in the ledger (exit 0 when recorded or already there)."""
    request = AcceptRequest(ids=tuple(ids), note=note.strip(), keep=tuple(keep or ()), status=status,
                            expires=expires, paths=tuple(paths or ()), ledger=ledger)
    _run(Application.accept, request)


@ledger_app.command("init")
def ledger_init_command(
    paths: Paths = None,
    ledger: Annotated[Path, typer.Option("--ledger", help="Where to write it.")] = Path("claims.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing ledger.")] = False,
) -> None:
    """Write a starter ledger from the corpus: dates, candidate entities, commented examples."""
    _run(Application.init, InitRequest(paths=tuple(paths or ()), target=ledger, force=force, cache=False))


def main() -> None:
    """The console entry point (signals and unexpected errors: see ``claimcheck.entry``)."""
    run_guarded(app)
