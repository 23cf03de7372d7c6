"""Option types the commands share, and the small parsers behind them (dates, format/output pairs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from claimcheck.app import Application
from claimcheck.engine import GROUP_ON_WORKERS_FROM, EngineKind, GroupOn
from claimcheck.enums import OutputFormat, Severity
from claimcheck.options import OutputSpec, UsageError, pair_outputs

R = TypeVar("R")


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise typer.BadParameter(f"{text!r} is not a valid date ({exc}); expected YYYY-MM-DD") from None


Paths = Annotated[list[str] | None, typer.Argument(help="Article files or folders (searched recursively); "
                                                   "default: sources/", show_default=False)]
AsOf = Annotated[dt.date | None, typer.Option("--as-of", parser=parse_day, metavar="YYYY-MM-DD",
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


def run(command: Callable[[Application, R], None], request: R) -> None:
    application = Application()
    raise typer.Exit(application.run(lambda given: command(application, given), request))


def outputs(fmt: list[OutputFormat] | None, output: list[Path] | None) -> tuple[OutputSpec, ...]:
    try:
        return pair_outputs(fmt or [], output or [])
    except UsageError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format/--output") from None


EngineOpt = Annotated[EngineKind, typer.Option(
    "--engine", case_sensitive=False, help="Where reading and extraction run: local (this machine, --jobs "
    "processes) or dask (a Dask cluster: --scheduler ADDRESS, or a local cluster of --jobs workers; needs the "
    "dask extra).")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS", help="The Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786.")]
GroupOnOpt = Annotated[GroupOn, typer.Option(
    "--group-on", case_sensitive=False, help="Where grouping into events and the rules run: client (this "
    "process, on the gathered claims), workers (the dask workers, claims partitioned by measure; needs "
    f"--engine dask), or auto (workers with --engine dask from {GROUP_ON_WORKERS_FROM:,} claims, else client). "
    "The report is the same byte for byte.")]
