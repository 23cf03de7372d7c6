#!/usr/bin/env python3
"""One table of accuracy figures: every realnews cluster, the seeds, and the pair set.

For each folder of ../shared/realnews that holds a gold.yaml, and for the seeds (sources/ with
tests/gold/seeds.yaml, audited with the repo's claims.yaml as a user would), prints claim coverage,
recall on required contradictions, precision and look-alikes flagged, with a pooled total; then the
pair set's recall, false-alarm rate and balanced accuracy by domain and subtype. Run it after each
change to extraction or matching:

    .venv/bin/python scripts/eval_realnews.py
    .venv/bin/python scripts/eval_realnews.py --dev           # also tests/corpora with a tests/gold file
    .venv/bin/python scripts/eval_realnews.py --no-pairs --json

Per-corpus detail (HIT/MISS, false alarms, uncovered gold claims):
``claimcheck eval CORPUS --gold CORPUS/gold.yaml -v``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.evaluate.pairs import load_pairs, run_pairs, score_pairs  # noqa: E402
from claimcheck.evaluate.run import stderr_progress  # noqa: E402
from claimcheck.evaluate.suite import SuiteEntry, render_suite, run_suite, suite_json  # noqa: E402
from claimcheck.ledger import load_ledger  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD_NAME = "gold.yaml"
GOLD_DIR = ROOT / "tests" / "gold"
SEEDS = "seeds"


def entries(shared: Path, dev: bool) -> list[SuiteEntry]:
    found = [
        SuiteEntry(name=folder.name, corpus=folder, gold=folder / GOLD_NAME)
        for folder in sorted((shared / "realnews").iterdir())
        if (folder / GOLD_NAME).is_file()
    ]
    ledger = ROOT / "claims.yaml"
    found.append(SuiteEntry(name=SEEDS, corpus=ROOT / "sources", gold=GOLD_DIR / "seeds.yaml",
                            ledger=load_ledger(ledger) if ledger.is_file() else None))
    if dev:
        found += [
            SuiteEntry(name=folder.name, corpus=folder, gold=GOLD_DIR / f"{folder.name}.yaml")
            for folder in sorted((ROOT / "tests" / "corpora").iterdir())
            if (GOLD_DIR / f"{folder.name}.yaml").is_file()
        ]
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (realnews/, pairs/)")
    ap.add_argument("--pairs", type=Path, default=None, help="pair set (default: SHARED/pairs/*.jsonl)")
    ap.add_argument("--no-pairs", action="store_true", help="skip the pair set")
    ap.add_argument("--dev", action="store_true", help="also the project's corpora under tests/corpora")
    ap.add_argument("--json", action="store_true", help="machine-readable figures instead of the table")
    args = ap.parse_args()
    if not (args.shared / "realnews").is_dir():
        print(f"error: {args.shared / 'realnews'} not found (use --shared)", file=sys.stderr)
        return 2
    results = run_suite(entries(args.shared, args.dev), tier="required",
                        progress=lambda name: print(f"eval: {name}", file=sys.stderr, flush=True))
    pairs = None
    if not args.no_pairs:
        pair_file = args.pairs or next(iter(sorted((args.shared / "pairs").glob("*.jsonl"))), None)
        if pair_file is not None:
            outcomes = run_pairs(load_pairs(pair_file), progress=stderr_progress())
            pairs = score_pairs(outcomes, source=pair_file.name)
    realnews = [name for name, _ in results if (args.shared / "realnews" / name).is_dir()]
    totals = [("total realnews", realnews), ("total realnews + seeds", [*realnews, SEEDS])]
    render = suite_json if args.json else render_suite
    sys.stdout.write(render(results, pairs, totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
