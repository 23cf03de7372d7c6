"""The command line: each command maps its options onto a typed request and runs it through the
application object (``app.py``), which decides the exit code. No decisions live here."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.app import Application
from claimcheck.cli_ledger import ledger_app
from claimcheck.cli_options import (
    AsOf,
    Cache,
    CacheDir,
    EngineOpt,
    FailOn,
    Follow,
    Formats,
    GroupOnOpt,
    Jobs,
    LedgerPath,
    Outputs,
    Paths,
    SchedulerOpt,
    outputs,
    run,
)
from claimcheck.engine import EngineKind, GroupOn
from claimcheck.entry import run_guarded
from claimcheck.enums import ListFormat, Severity
from claimcheck.options import (
    AuditRequest,
    CheckRequest,
    ClaimsRequest,
    EvalRequest,
    FiguresRequest,
    RulesRequest,
)

app = typer.Typer(
    name="claimcheck",
    help="Fact-check a folder of news articles against each other: extract sourced factual claims "
    "(counts, money, percentages, specs, dates), group equivalent claims across articles and report "
    "the ones that cannot all be true, with file:line evidence.",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
app.add_typer(ledger_app, name="ledger")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    """claimcheck: where do your sources disagree?"""


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
    engine: EngineOpt = EngineKind.LOCAL, scheduler: SchedulerOpt = None, group_on: GroupOnOpt = GroupOn.AUTO,
) -> None:
    """Read every article, extract claims, and show the contradictions with file:line evidence.

    Example: claimcheck audit sources/ -f json -o report.json -f html -o report.html
    """
    run(Application.audit, AuditRequest(
        paths=tuple(paths or ()), outputs=outputs(fmt, output), min_severity=min_severity, fail_on=fail_on,
        as_of=as_of, ledger=ledger, show_acknowledged=show_acknowledged, jobs=jobs, cache=cache,
        cache_dir=cache_dir, follow_symlinks=follow_symlinks, engine=engine, scheduler=scheduler,
        group_on=group_on))


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
    run(Application.check, CheckRequest(
        paths=tuple(paths or ()), ledger=ledger, fail_on=fail_on, changed_since=changed_since,
        against=against, outputs=outputs(fmt, output), as_of=as_of, jobs=jobs, cache=cache,
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
    run(Application.claims, ClaimsRequest(paths=tuple(paths or ()), format=fmt, output=output, as_of=as_of,
                                 ledger=ledger, jobs=jobs, cache=cache, cache_dir=cache_dir,
                                 follow_symlinks=follow_symlinks))


@app.command("figures")
def figures_command(paths: Paths = None, as_of: AsOf = None, ledger: LedgerPath = None, jobs: Jobs = 1,
                    cache: Cache = True, cache_dir: CacheDir = None, follow_symlinks: Follow = False) -> None:
    """Every figure side by side: what each article says, when, and the odd ones out (disagreements first)."""
    run(Application.figures, FiguresRequest(paths=tuple(paths or ()), as_of=as_of, ledger=ledger, jobs=jobs,
                                            cache=cache, cache_dir=cache_dir, follow_symlinks=follow_symlinks))


@app.command("rules")
def rules_command(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Listing format.")] = ListFormat.TABLE,
) -> None:
    """List every rule: code, name, kind, the claim kinds it reads, and what it finds."""
    run(Application.rules, RulesRequest(format=fmt))


@app.command("eval")
def eval_command(
    corpus: Annotated[Path | None, typer.Argument(help="The corpus folder the gold file annotates.")] = None,
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold YAML of CORPUS.")] = None,
    pairs: Annotated[Path | None, typer.Option("--pairs", help="Labelled pair set: JSONL of a, b, label.")]
    = None,
    tier: Annotated[str, typer.Option("--tier", help="Recall over: required, bonus or all.")] = "all",
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.TABLE,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses, false alarms and uncovered "
                                          "gold claims.")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="Score this saved JSON report instead.")]
    = None,
    min_recall: Annotated[float | None, typer.Option("--min-recall", help="Exit 1 below this.")] = None,
    min_precision: Annotated[float | None, typer.Option("--min-precision", help="Exit 1 below this.")] = None,
    min_coverage: Annotated[float | None, typer.Option("--min-coverage", help="Exit 1 below this.")] = None,
    min_balanced_accuracy: Annotated[float | None, typer.Option("--min-balanced-accuracy", help="Exit 1 "
                                                                "below this (pairs).")] = None,
    jobs: Jobs = 1, ledger: LedgerPath = None,
) -> None:
    """Score an audit of CORPUS against a gold file (recall, precision, look-alikes, claim coverage),
    and/or a labelled pair set (balanced accuracy). Exit 1 when a --min-* bar is missed."""
    run(Application.evaluate, EvalRequest(
        corpus=corpus, gold=gold, pairs=pairs, tier=tier, format=fmt, verbose=verbose, report=report,
        min_recall=min_recall, min_precision=min_precision, min_coverage=min_coverage,
        min_balanced_accuracy=min_balanced_accuracy, jobs=jobs, ledger=ledger))


def main() -> None:
    """The console entry point (signals and unexpected errors: see ``claimcheck.entry``)."""
    run_guarded(app)
