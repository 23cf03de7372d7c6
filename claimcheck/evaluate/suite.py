"""Several corpora in one table: coverage, recall, precision and look-alikes per corpus, pooled total."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from claimcheck.evaluate.gold import TierChoice
from claimcheck.evaluate.models import CorpusEval
from claimcheck.evaluate.pairs import PairReport
from claimcheck.evaluate.render import SCHEMA, as_text, make_table, pair_groups_table
from claimcheck.evaluate.run import eval_corpus
from claimcheck.ledger_schema import Ledger
from claimcheck.models import Frozen


class SuiteEntry(Frozen):
    name: str
    corpus: Path
    gold: Path
    ledger: Ledger | None = None


class SuiteRow(Frozen):
    """Counts behind one line of the table (a corpus, or the pooled total)."""

    name: str
    articles: int
    covered: int
    claims: int
    covered_consistent: int
    claims_consistent: int
    found_required: int
    required: int
    found: int
    items: int
    correct: int
    predicted: int
    look_alikes: int
    consistent_items: int

    @staticmethod
    def of(name: str, ev: CorpusEval) -> SuiteRow:
        s, cov = ev.score, ev.coverage
        tiers = {t.tier: t for t in s.per_tier}
        return SuiteRow(
            name=name, articles=ev.articles,
            covered=cov.contradictions.covered if cov else 0, claims=cov.contradictions.claims if cov else 0,
            covered_consistent=cov.consistent.covered if cov else 0,
            claims_consistent=cov.consistent.claims if cov else 0,
            found_required=tiers["required"].found, required=tiers["required"].items,
            found=tiers["all"].found, items=tiers["all"].items, correct=s.correct, predicted=s.predicted,
            look_alikes=s.look_alikes, consistent_items=s.consistent_items,
        )


def pooled(rows: Sequence[SuiteRow], name: str = "total") -> SuiteRow:
    fields = [f for f in SuiteRow.model_fields if f != "name"]
    return SuiteRow(name=name, **{f: sum(getattr(r, f) for r in rows) for f in fields})


def run_suite(entries: Sequence[SuiteEntry], tier: TierChoice = "required",
              progress: Callable[[str], None] | None = None) -> list[tuple[str, CorpusEval]]:
    out = []
    for entry in entries:
        if progress:
            progress(entry.name)
        out.append((entry.name, eval_corpus(entry.corpus, entry.gold, tier, ledger=entry.ledger)))
    return out


def _of(num: int, den: int, empty: str = "-") -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else empty


Totals = Sequence[tuple[str, Sequence[str]]]  # (label of a pooled row, names of the corpora it pools)


def _with_totals(results: Sequence[tuple[str, CorpusEval]], totals: Totals) -> list[SuiteRow]:
    rows = [SuiteRow.of(name, ev) for name, ev in results]
    pooled_rows = [pooled([r for r in rows if r.name in names], label) for label, names in totals]
    return rows + pooled_rows


def render_suite(results: Sequence[tuple[str, CorpusEval]], pairs: PairReport | None = None,
                 totals: Totals = ()) -> str:
    """One line per corpus, then one per pooled total; the pair set's groups below."""
    table = make_table("corpus", "articles", "coverage", "coverage, look-alikes", "recall, required",
                       "recall, all", "precision", "look-alikes flagged")
    for row in _with_totals(results, totals):
        table.add_row(
            row.name, str(row.articles), _of(row.covered, row.claims),
            _of(row.covered_consistent, row.claims_consistent), _of(row.found_required, row.required),
            _of(row.found, row.items), _of(row.correct, row.predicted, "- (0 findings)"),
            f"{row.look_alikes} of {row.consistent_items}",
        )
    parts: list[object] = [table]
    if pairs is not None:
        groups = [pairs.overall,
                  *(g.model_copy(update={"name": f"domain {g.name}"}) for g in pairs.by_domain),
                  *(g.model_copy(update={"name": f"subtype {g.name}"}) for g in pairs.by_subtype)]
        parts.append(pair_groups_table(groups, f"pairs {pairs.source}"))
    return as_text(*parts, width=160)


def suite_json(results: Sequence[tuple[str, CorpusEval]], pairs: PairReport | None = None,
               totals: Totals = ()) -> str:
    payload = {
        "schema": SCHEMA,
        "corpora": [r.model_dump(mode="json") for r in _with_totals(results, totals)],
        "pairs": pairs.model_dump(mode="json", exclude={"outcomes"}) if pairs else None,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
