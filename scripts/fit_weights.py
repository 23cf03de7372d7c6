#!/usr/bin/env python3
"""Fit the conflict score's weights (claimcheck/decide/weights.yaml) on annotated pairs.

Inputs, all annotated by people and none written alongside the scoring code:
- every folder of ../shared/realnews with its gold.yaml (real news; evaluation texts read in place);
- the development corpora in tests/corpora with tests/gold/*.yaml, and the seeds (sources/);
- the SummEdits pair set ../shared/pairs/summedits-dev.jsonl.

For every candidate pair the numeric rule would score (two value clusters of one event that no
article gives together, across articles, in compatible periods), the features are computed and the
pair labelled: 1 when its claims stand for two sides of a gold contradiction, 0 otherwise (a
look-alike, or a difference the annotators did not call a contradiction). In a pair set, a pair is
1 when the set labels it a contradiction and the summary's figure appears nowhere in the document
(the edited figure), else 0.

    .venv/bin/python scripts/fit_weights.py            # extract, fit, write weights.yaml
    .venv/bin/python scripts/fit_weights.py --dry-run  # print the fit, write nothing

The extracted table (features and labels, no article text) is written to
scripts/training/pairs.csv so the fit can be inspected and repeated; numpy (which spaCy brings)
is all the fit needs, and the runtime only reads the weights.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.decide.decision import published_days  # noqa: E402
from claimcheck.decide.rules.numeric import pair_candidates, same_time_clusters, scored_features  # noqa: E402
from claimcheck.decide.score import FEATURES  # noqa: E402
from claimcheck.evaluate.access import PredClaim  # noqa: E402
from claimcheck.evaluate.gold import load_gold  # noqa: E402
from claimcheck.evaluate.matching import ClaimMatcher  # noqa: E402
from claimcheck.events.grouping import group_events  # noqa: E402
from claimcheck.ledger import load_ledger  # noqa: E402
from claimcheck.models import AuditResult, Claim  # noqa: E402
from claimcheck.pipeline import AuditOptions, run_audit  # noqa: E402

SHARED = ROOT.parent / "shared"
TABLE = ROOT / "scripts" / "training" / "pairs.csv"
WEIGHTS = ROOT / "claimcheck" / "decide" / "weights.yaml"
PRIOR = ROOT / "scripts" / "training" / "prior.yaml"
# Features these inputs cannot teach, kept at their prior: the pair set's texts carry no dates and
# its edits are small by design (5.52 -> 5.53), so time and gap features would learn the make-up of
# the data (undated positives, small gaps), not what makes figures conflict.
FROZEN = ("same_day", "log_time_gap", "stated_times_differ", "log_gap", "gap_over_precision")
PAIR_WEIGHT = 0.5  # a pair-set example counts half: its labels are per pair of texts, not per figure


def _candidates(result: AuditResult) -> Iterator[tuple[Claim, Claim, dict[str, float]]]:
    events = group_events(list(result.claims), published_days(list(result.articles)))
    for event in events:
        for clusters in same_time_clusters(event):
            for _i, _j, a, b in pair_candidates(clusters):
                yield a, b, scored_features(a, b)


def _pred(claim: Claim) -> PredClaim:
    return PredClaim(path=claim.path, line=claim.line, quote=claim.quote, start=claim.start, end=claim.end,
                     article=claim.article, sentence=claim.sentence)


def corpus_rows(name: str, corpus: Path, gold_path: Path, ledger_path: Path | None = None) -> list[dict]:
    gold = load_gold(gold_path, corpus)
    ledger = load_ledger(ledger_path) if ledger_path else None
    result = run_audit(AuditOptions(paths=(str(corpus),), ledger=ledger))
    matcher = ClaimMatcher(gold)
    index = {claim: i for i, claim in enumerate(matcher.claims)}
    sides = [[{index[c]} for c in item.claims] for item in gold.contradictions]
    alike = [{index[c] for c in item.claims} for item in gold.consistent]
    rows = []
    for a, b, features in _candidates(result):
        ga, gb = matcher.match(_pred(a)), matcher.match(_pred(b))
        label = 0
        for item in sides:
            members = set().union(*item)
            for x in ga & members:
                for y in gb & members:
                    if x != y and not any(x in s and y in s for s in alike):
                        label = 1
        rows.append({"source": name, "a": f"{Path(a.path).name}:{a.line}", "b": f"{Path(b.path).name}:{b.line}",
                     "label": label, "weight": 1.0, **features})
    return rows


def pair_rows(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        pair = json.loads(line)
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "a.txt").write_text(pair["a"], encoding="utf-8")
            (Path(folder) / "b.txt").write_text(pair["b"], encoding="utf-8")
            result = run_audit(AuditOptions(paths=(folder,)))
        document = pair["a"]
        for a, b, features in _candidates(result):
            summary = b if b.path.endswith("b.txt") else a
            # the figure as a word of its own: "20" is not in a document for being part of "2020"
            edited = summary.value.text and not re.search(rf"(?<![\w.,]){re.escape(summary.value.text)}(?![\w]|[.,]\d)",
                                                          document)
            label = int(pair["label"] == "contradiction" and bool(edited))
            rows.append({"source": f"pairs:{pair.get('id', n)}", "a": a.value.text, "b": b.value.text,
                         "label": label, "weight": PAIR_WEIGHT, **features})
    return rows


def collect() -> list[dict]:
    rows: list[dict] = []
    for folder in sorted((SHARED / "realnews").iterdir()):
        if (folder / "gold.yaml").is_file():
            rows += corpus_rows(folder.name, folder, folder / "gold.yaml")
    for gold in sorted((ROOT / "tests" / "gold").glob("*.yaml")):
        if gold.stem == "seeds":
            rows += corpus_rows("seeds", ROOT / "sources", gold, ROOT / "claims.yaml")
        elif (ROOT / "tests" / "corpora" / gold.stem).is_dir():
            rows += corpus_rows(gold.stem, ROOT / "tests" / "corpora" / gold.stem, gold)
    pairs = SHARED / "pairs" / "summedits-dev.jsonl"
    if pairs.is_file():
        rows += pair_rows(pairs)
    return rows


def write_table(rows: list[dict]) -> None:
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    with TABLE.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=["source", "a", "b", "label", "weight", *FEATURES])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})


def read_table() -> list[dict]:
    # a feature newer than the table reads as 0
    with TABLE.open(newline="", encoding="utf-8") as source:
        return [{**row, "label": int(row["label"]), "weight": float(row["weight"]),
                 **{name: float(row.get(name) or 0.0) for name in FEATURES}} for row in csv.DictReader(source)]


def fit(rows: list[dict], strength: float) -> tuple[float, dict[str, float]]:
    """Logistic regression whose weights are pulled toward the prior (scripts/training/prior.yaml):
    minimise the weighted log loss plus strength * |w - prior|^2, by Newton steps. With a few
    hundred examples the data moves a weight only where it has evidence, and classes are balanced
    so a missed conflict costs as much as a false one."""
    import numpy as np
    import yaml

    prior_raw = yaml.safe_load(PRIOR.read_text(encoding="utf-8"))
    prior = np.array([prior_raw["bias"], *(prior_raw["weights"].get(n, 0.0) for n in FEATURES)], dtype=float)
    x = np.array([[1.0, *(row[name] for name in FEATURES)] for row in rows])
    y = np.array([row["label"] for row in rows], dtype=float)
    sample = np.array([row["weight"] for row in rows], dtype=float)
    positives = max(1.0, float((sample * y).sum()))
    negatives = max(1.0, float((sample * (1 - y)).sum()))
    sample = sample * np.where(y == 1, 0.5 / positives, 0.5 / negatives) * len(rows)
    w = prior.copy()
    penalty = np.array([strength, *(1e6 if name in FROZEN else strength for name in FEATURES)])

    def objective(v: np.ndarray) -> float:
        z = x @ v
        loss = np.logaddexp(0.0, z) - y * z  # -log p(y): stable for large |z|
        return float((sample * loss).sum() + (penalty * (v - prior) ** 2).sum())

    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (sample * (p - y)) + 2 * penalty * (w - prior)
        hessian = (x * (sample * p * (1 - p))[:, None]).T @ x + 2 * np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        size, current = 1.0, objective(w)
        while objective(w - size * step) > current and size > 1e-6:
            size /= 2  # backtracking: Newton steps can overshoot on separable data
        w = w - size * step
        if float(np.abs(size * step).max()) < 1e-8:
            break
    return float(w[0]), {name: float(v) for name, v in zip(FEATURES, w[1:], strict=True)}


def write_weights(bias: float, weights: dict[str, float], rows: list[dict]) -> None:
    positives = sum(r["label"] for r in rows)
    lines = [
        "# Weights of the conflict score (logistic). Written by scripts/fit_weights.py from annotated pairs",
        "# (real news gold, development corpora, seeds and the SummEdits dev pairs; see that script).",
        f"# Fitted on {len(rows)} candidate pairs, {positives} of them conflicts, pulled toward the prior in",
        "# scripts/training/prior.yaml. The runtime only reads this file.",
        f"bias: {bias:.4f}",
        "weights:",
        *(f"  {name}: {weights[name]:.4f}" for name in FEATURES),
    ]
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="fit and print; write nothing")
    parser.add_argument("--strength", type=float, default=1.0, help="pull toward the prior weights (L2)")
    parser.add_argument("--from-table", action="store_true",
                        help=f"refit from {TABLE.relative_to(ROOT)} instead of re-reading the corpora")
    args = parser.parse_args()
    rows = read_table() if args.from_table else collect()
    bias, weights = fit(rows, args.strength)
    positives = sum(r["label"] for r in rows)
    print(f"{len(rows)} candidate pairs, {positives} conflicts")
    print(f"bias {bias:+.3f}")
    for name in FEATURES:
        print(f"  {name:22s} {weights[name]:+.3f}")
    hits = sum(1 for r in rows if (1 / (1 + math.exp(-(bias + sum(weights[n] * r[n] for n in FEATURES))))
                                   >= 0.5) == bool(r["label"]))
    print(f"training accuracy {hits / len(rows):.3f}")
    if not args.dry_run:
        if not args.from_table:
            write_table(rows)
        write_weights(bias, weights, rows)
        print(f"wrote {WEIGHTS.relative_to(ROOT)} and {TABLE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
