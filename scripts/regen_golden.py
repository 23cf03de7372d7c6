#!/usr/bin/env python3
"""Regenerate the golden reports of the seed corpus: tests/golden/seeds.{json,md,csv,sarif}.

Runs the audit on ``sources/`` (paths relative to the repo root, as a user
would type them) with the repo's ``claims.yaml`` when it exists, and writes
each report atomically. Review the diff before committing: a change in a
golden file is a change in what claimcheck tells its users.

    .venv/bin/python scripts/regen_golden.py          # write
    .venv/bin/python scripts/regen_golden.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.atomic import write_atomic  # noqa: E402
from claimcheck.models import AuditResult  # noqa: E402
from claimcheck.report import ReportOptions, render  # noqa: E402

GOLDEN_DIR = ROOT / "tests" / "golden"
GOLDEN_FORMATS = {"json": "seeds.json", "markdown": "seeds.md", "csv": "seeds.csv", "sarif": "seeds.sarif"}
GOLDEN_OPTIONS = ReportOptions(show_acknowledged=True, title="claimcheck report: seed corpus")


def seed_audit() -> AuditResult:
    """The audit of the seed corpus, run from the repo root so paths read ``sources/…``."""
    from claimcheck.pipeline import AuditOptions, run_audit

    ledger = None
    ledger_path = ROOT / "claims.yaml"
    if ledger_path.exists():
        from claimcheck.ledger import load_ledger

        ledger = load_ledger(ledger_path)
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        return run_audit(AuditOptions(paths=("sources",), ledger=ledger))
    finally:
        os.chdir(previous)


def golden_reports(result: AuditResult) -> dict[str, str]:
    return {name: render(result, fmt, options=GOLDEN_OPTIONS) for fmt, name in GOLDEN_FORMATS.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale golden files instead of writing")
    args = parser.parse_args()
    reports = golden_reports(seed_audit())
    stale = []
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        path = GOLDEN_DIR / name
        current = path.read_bytes().decode("utf-8") if path.exists() else None  # keep CRLF
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            write_atomic(path, text)
    verb = "out of date" if args.check else "written"
    print(f"{len(stale)} golden file(s) {verb}: {', '.join(stale) or '-'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
