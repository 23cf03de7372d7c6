"""Several corpora in one table, pooled totals; and the realnews clusters and pair set in ../shared."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from claimcheck.evaluate import (
    LocatedItem,
    PredClaim,
    Prediction,
    load_gold,
    load_pairs,
    run_pairs,
    score,
    score_pairs,
)
from claimcheck.evaluate.run import eval_corpus, eval_result
from claimcheck.evaluate.suite import SuiteRow, pooled, render_suite, suite_json
from tests.eval_fixtures import fake_result, load

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REALNEWS = sorted(p for p in (SHARED / "realnews").glob("*") if (p / "gold.yaml").is_file())
PAIR_FILES = sorted((SHARED / "pairs").glob("*.jsonl"))
needs_shared = pytest.mark.skipif(not REALNEWS or not PAIR_FILES,
                                  reason=f"the shared evaluation data is not beside the clone ({SHARED})")


def test_rows_and_pooled_totals(tmp_path: Path) -> None:
    gold, gold_path = load(tmp_path)
    result = fake_result(gold, [("a.md", "1,200 ships"), ("b.txt", "800 ships"), ("b.txt", "60%")], [[0, 1]])
    ev = eval_result(gold, gold_path, result, "required")
    row = SuiteRow.of("harbor", ev)
    assert row.model_dump() == {
        "name": "harbor", "articles": 3, "covered": 3, "claims": 5, "covered_consistent": 1, "claims_consistent": 4,
        "found_required": 1, "required": 1, "found": 1, "items": 2, "correct": 1, "predicted": 1, "look_alikes": 0,
        "consistent_items": 2}
    total = pooled([row, row.model_copy(update={"name": "again"})], "both")
    assert (total.name, total.covered, total.claims, total.found, total.items) == ("both", 6, 10, 2, 4)
    text = render_suite([("harbor", ev), ("again", ev)], totals=[("both", ["harbor", "again"])])
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "harbor 3 0.60 (3/5) 0.25 (1/4) 1.00 (1/1) 0.50 (1/2) 1.00 (1/1) 0 of 2" in lines
    assert "both 6 0.60 (6/10) 0.25 (2/8) 1.00 (2/2) 0.50 (2/4) 1.00 (2/2) 0 of 4" in lines
    data = json.loads(suite_json([("harbor", ev)], totals=[("total", ["harbor"])]))
    assert [r["name"] for r in data["corpora"]] == ["harbor", "total"]


@needs_shared
@pytest.mark.parametrize("folder", REALNEWS, ids=lambda p: p.name)
def test_every_realnews_gold_file_evaluates(folder: Path) -> None:
    gold = load_gold(folder / "gold.yaml", folder)
    assert gold.contradictions and gold.consistent
    ev = eval_corpus(folder, folder / "gold.yaml")
    assert ev.score.gold == len(gold.contradictions)
    assert ev.coverage is not None
    assert ev.coverage.consistent.claims > 0


@needs_shared
@pytest.mark.parametrize("folder", REALNEWS, ids=lambda p: p.name)
def test_citing_the_gold_itself_finds_every_item_and_flags_every_lookalike(folder: Path) -> None:
    gold = load_gold(folder / "gold.yaml", folder)
    paths = {a.id: a.path for a in gold.articles}

    def cite(item: LocatedItem) -> Prediction:
        return Prediction(id=item.id, kind=item.kind or "numeric", claims=tuple(
            PredClaim(path=paths[s.article], line=s.line_start, quote=c.quote, start=s.start, end=s.end,
                      article=s.article)
            for c in item.claims for s in c.spans[:1]))

    found = score([cite(i) for i in gold.contradictions], gold)
    assert (found.found, found.correct, found.look_alikes) == (len(gold.contradictions),) * 2 + (0,)
    alike = score([cite(i) for i in gold.consistent], gold)
    assert (alike.found, alike.look_alikes) == (0, len(gold.consistent))


@needs_shared
def test_the_pair_set_reads_and_runs() -> None:
    for path in PAIR_FILES:
        pairs = load_pairs(path)
        assert {p.label for p in pairs} == {"contradiction", "no_contradiction"}
        report = score_pairs(run_pairs(pairs[:4]))
        assert report.overall.pairs == 4


@needs_shared
def test_the_realnews_script_prints_one_table(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("eval_realnews", ROOT / "scripts" / "eval_realnews.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script
    spec.loader.exec_module(script)
    names = [e.name for e in script.entries(SHARED, dev=False)]
    assert names == [p.name for p in REALNEWS] + ["seeds"]
    monkeypatch.setattr(sys, "argv", ["eval_realnews.py", "--no-pairs"])
    assert script.main() == 0
    out = capsys.readouterr().out
    assert all(name in out for name in names)
    assert "total realnews + seeds" in out
