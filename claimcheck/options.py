"""What each command is asked to do, as typed values: the command line maps its options onto these,
and the application object (``app.py``) runs them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from claimcheck.engine import EngineKind, GroupOn
from claimcheck.enums import ListFormat, OutputFormat, ReviewStatus, Severity
from claimcheck.models import Frozen


class UsageError(Exception):
    """Options that do not fit together; the message says how to fix them (exit 2)."""


class OutputSpec(Frozen):
    """One report: its format, and the file it goes to (None: standard output)."""

    format: OutputFormat
    path: Path | None = None


def pair_outputs(formats: Sequence[OutputFormat], paths: Sequence[Path]) -> tuple[OutputSpec, ...]:
    """``--format``/``--output`` pairs, zipped in order; an ``--output`` without a format of its own
    takes it from the file extension. Only one report can go to standard output, and only when no
    ``--output`` is given."""
    from claimcheck.report import format_for_path

    if not paths:
        if len(formats) > 1:
            raise UsageError("several --format values need one --output each (one report can go to stdout)")
        return tuple(OutputSpec(format=fmt) for fmt in formats)
    if len(formats) > len(paths):
        raise UsageError(f"{len(formats)} --format values but {len(paths)} --output: give each format "
                         "its own --output (in the same order)")
    specs = []
    for index, path in enumerate(paths):
        fmt = formats[index] if index < len(formats) else format_for_path(path)
        if fmt is None:
            raise UsageError(f"cannot tell the format of {path} from its extension; add --format")
        specs.append(OutputSpec(format=fmt, path=path))
    return tuple(specs)


class RunOptions(Frozen):
    """What every command that audits a corpus shares."""

    paths: tuple[str, ...] = ()  # empty: sources/
    ledger: Path | None = None  # None: ./claims.yaml when it exists
    as_of: dt.date | None = None
    jobs: int = 1
    cache: bool = True
    cache_dir: Path | None = None  # None: the user cache directory
    follow_symlinks: bool = False
    engine: EngineKind = EngineKind.LOCAL  # where reading and extraction run
    scheduler: str | None = None  # a Dask scheduler address for engine dask; None: a local cluster
    group_on: GroupOn = GroupOn.AUTO  # where grouping into events and the rules run


class AuditRequest(RunOptions):
    outputs: tuple[OutputSpec, ...] = ()  # empty: the table on stdout
    min_severity: Severity = Severity.LOW
    fail_on: Severity | None = None  # None: never fail
    show_acknowledged: bool = False


class CheckRequest(RunOptions):
    outputs: tuple[OutputSpec, ...] = ()
    fail_on: Severity = Severity.MEDIUM
    changed_since: str | None = None
    against: str | None = None


class ClaimsRequest(RunOptions):
    format: ListFormat = ListFormat.TABLE
    output: Path | None = None


class FiguresRequest(RunOptions):
    pass


class AcceptRequest(RunOptions):
    ids: tuple[str, ...]
    status: ReviewStatus = ReviewStatus.ACCEPTED
    note: str
    expires: dt.date | None = None
    keep: tuple[str, ...] = ()


class InitRequest(RunOptions):
    target: Path = Path("claims.yaml")
    force: bool = False


class RulesRequest(Frozen):
    """``claimcheck rules``: list the rule registry."""

    format: ListFormat = ListFormat.TABLE


class EvalRequest(Frozen):
    corpus: Path | None = None
    gold: Path | None = None
    pairs: Path | None = None
    tier: str = "all"  # required, bonus or all
    format: ListFormat = ListFormat.TABLE
    verbose: bool = False
    report: Path | None = None
    min_recall: float | None = None
    min_precision: float | None = None
    min_coverage: float | None = None
    min_balanced_accuracy: float | None = None
    jobs: int = 1
    ledger: Path | None = None
