"""Runs the stages in order and returns an AuditResult. No printing, no globals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from claimcheck.ledger_schema import Ledger
from claimcheck.models import AuditResult, Frozen

ProgressCallback = Callable[[int, int], None]  # (done, total) articles


class AuditOptions(Frozen):
    paths: tuple[str, ...] = ("sources",)
    as_of: dt.date | None = None
    ledger: Ledger | None = None
    jobs: int = 1
    cache_dir: Path | None = None
    follow_symlinks: bool = False


def run_audit(options: AuditOptions, progress: ProgressCallback | None = None) -> AuditResult:
    """Load, extract, match, reconcile; acknowledgements applied from ``options.ledger``."""
    raise NotImplementedError  # filled in by the core pipeline work
