"""Gold files validate, and the real pipeline clears provisional accuracy floors on every corpus.

The floors are provisional (the lead tunes them as the extractor improves). While ``run_audit``
is not implemented the floor tests skip with that reason.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimcheck.evaluate import EvalReport, Gold, load_gold, predictions_from_result, score

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
CORPORA = {
    "seeds": ROOT / "sources",
    "storm_merrow": ROOT / "tests" / "corpora" / "storm_merrow",
    "brightwater_earnings": ROOT / "tests" / "corpora" / "brightwater_earnings",
}
# name -> (min recall, min precision); provisional
# (recall, precision) floors, set just under what the pipeline scores today (BENCHMARKS.md, Accuracy):
# with the spaCy frames and event grouping (issue 8/9 rebuild): seeds 1.0, storm_merrow 0.5/0.57,
# brightwater_earnings 0.25/1.0, synthetic-200 0.75/0.81 (down from the regex core tuned on them).
FLOORS: dict[str, tuple[float, float]] = {
    "seeds": (1.0, 1.0),
    "storm_merrow": (0.375, 0.375),
    "brightwater_earnings": (0.375, 0.75),
    "synthetic-200": (0.75, 0.8),
}


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimcheck_bench_synth", ROOT / "benchmarks" / "synth.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _audit_and_score(corpus: Path, gold: Gold) -> EvalReport:
    from claimcheck.ledger import load_ledger
    from claimcheck.pipeline import AuditOptions, run_audit

    # the seed corpus is audited with its reviewed ledger, as a user would; the others have none
    ledger = load_ledger(ROOT / "claims.yaml") if corpus.resolve() == (ROOT / "sources").resolve() else None
    return score(predictions_from_result(run_audit(AuditOptions(paths=(str(corpus),), ledger=ledger))), gold)


def _assert_floors(name: str, report: EvalReport) -> None:
    min_recall, min_precision = FLOORS[name]
    misses = ", ".join(m.id for m in report.misses)
    alarms = ", ".join(f"{f.kind}:{f.explanation[:60]}" for f in report.false_alarms[:5])
    assert report.recall >= min_recall, f"{name}: recall {report.recall} < {min_recall}; missed {misses}"
    assert report.precision >= min_precision, (
        f"{name}: precision {report.precision} < {min_precision}; false alarms {alarms}"
    )


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_gold_validates(name: str) -> None:
    gold = load_gold(GOLD_DIR / f"{name}.yaml", CORPORA[name])
    assert len(gold.contradictions) >= 5
    assert len(gold.consistent) >= 4
    kinds = {item.kind for item in gold.contradictions}
    assert {"numeric", "temporal", "proportion", "arithmetic"} <= kinds


@pytest.mark.parametrize("name", ["storm_merrow", "brightwater_earnings"])
def test_dev_corpus_shape(name: str) -> None:
    files = sorted(p for p in CORPORA[name].iterdir() if p.is_file())
    assert len(files) >= 5
    assert {".txt", ".md", ".html", ".json"} <= {p.suffix for p in files}
    gold = load_gold(GOLD_DIR / f"{name}.yaml", CORPORA[name])
    assert len(gold.contradictions) >= 6
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            assert text.startswith("---\n") and "\npublished: " in text
        if path.suffix == ".html":
            assert 'property="article:published_time"' in text
        if path.suffix == ".json":
            assert '"published"' in text


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_accuracy_floor(name: str) -> None:
    gold = load_gold(GOLD_DIR / f"{name}.yaml", CORPORA[name])
    _assert_floors(name, _audit_and_score(CORPORA[name], gold))


def test_synthetic_generator_is_deterministic(tmp_path: Path) -> None:
    synth = _synth()
    first = synth.generate(tmp_path / "a", 40, seed=7)
    second = synth.generate(tmp_path / "b", 40, seed=7)
    other = synth.generate(tmp_path / "c", 40, seed=8)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 41 and "gold.yaml" in names
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert first.read_bytes() == second.read_bytes() != other.read_bytes()
    gold = load_gold(first, tmp_path / "a")
    assert gold.contradictions and gold.consistent


def test_synthetic_articles_have_datelines_and_paragraphs(tmp_path: Path) -> None:
    synth = _synth()
    synth.generate(tmp_path, 30, seed=1)
    for path in sorted(tmp_path.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert any(synth.MONTHS[0] in line or any(m in line for m in synth.MONTHS) for line in lines[1:4])
        paragraphs = [p for p in "\n".join(lines[4:]).split("\n\n") if p.strip()]
        assert 3 <= len(paragraphs) <= 8


def test_synthetic_200_floor(tmp_path: Path) -> None:
    gold_path = _synth().generate(tmp_path, 200, seed=2025)
    gold = load_gold(gold_path, tmp_path)
    assert len(gold.contradictions) >= 40
    _assert_floors("synthetic-200", _audit_and_score(tmp_path, gold))


# held-out set 3, read for diagnosis at stop 14 and development data since: recall over all tiers (1 of 6)
# and precision as floors
# (flood: the shelter breakdown that does not add up; layoffs: 2,800 against 2,300 job cuts)
# each also has one correct CC204 finding (a weekday its date does not fall on) that counts as wrong: the
# gold quotes a weekday error as two articles' dates, and a finding in one phrase cannot match two claims
# held-out sets 3 (stop 14), 6 and 7 (stop 15), read for diagnosis after their first run: (recall, precision)
SET3_FLOORS: dict[str, tuple[float, float]] = {
    "heldout_flood": (0.16, 0.3), "heldout_layoffs": (0.3, 0.45),
    "heldout_airline": (0.37, 0.4), "heldout_derailment": (0.24, 0.45),
    "heldout_fare": (0.24, 0.45), "heldout_mine": (0.12, 0.2),
}


@pytest.mark.parametrize("name", sorted(SET3_FLOORS))
def test_held_out_set_3_keeps_its_figures(name: str) -> None:
    corpus = ROOT / "tests" / "corpora" / name
    report = _audit_and_score(corpus, load_gold(GOLD_DIR / f"{name}.yaml", corpus))
    min_recall, min_precision = SET3_FLOORS[name]
    assert report.recall >= min_recall, [m.id for m in report.misses]
    assert report.precision >= min_precision, [f.explanation[:80] for f in report.false_alarms]
