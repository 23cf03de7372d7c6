"""Evaluate one corpus (audit in process, or a saved report), check the bars CI gates on, and answer
`claimcheck eval`: its options as one value in, the text to print and the bars missed out."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from claimcheck.evaluate.access import claims_of, predictions_from_report, predictions_from_result
from claimcheck.evaluate.gold import Gold, GoldError, TierChoice, load_gold
from claimcheck.evaluate.matching import coverage
from claimcheck.evaluate.models import CorpusEval
from claimcheck.evaluate.pairs import PairError, PairReport, load_pairs, run_pairs, score_pairs
from claimcheck.evaluate.render import render_corpus, render_json, render_pairs
from claimcheck.evaluate.scoring import score
from claimcheck.ledger_schema import Ledger
from claimcheck.models import AuditResult, Frozen


class Bars(Frozen):
    """The least figures a run must reach; None: not checked."""

    min_recall: float | None = None
    min_precision: float | None = None
    min_coverage: float | None = None
    min_balanced_accuracy: float | None = None


class BarError(ValueError):
    """A bar was set for a figure this run does not produce."""


def audit_corpus(corpus: Path, ledger: Ledger | None = None, jobs: int = 1) -> AuditResult:
    from claimcheck.pipeline import AuditOptions, run_audit

    return run_audit(AuditOptions(paths=(str(corpus),), ledger=ledger, jobs=max(1, jobs)))


def eval_result(gold: Gold, gold_path: Path, result: AuditResult, tier: TierChoice = "all") -> CorpusEval:
    """Score an in-memory audit of the gold's corpus: findings, and claim coverage."""
    return CorpusEval(
        corpus=gold.corpus, gold=str(gold_path), topic=gold.topic, articles=len(gold.articles),
        score=score(predictions_from_result(result), gold, tier),
        coverage=coverage(gold, claims_of(result)),
    )


def eval_report(gold: Gold, gold_path: Path, report: Path, tier: TierChoice = "all") -> CorpusEval:
    """Score a saved JSON report; it lists findings only, so coverage is not measured."""
    try:
        predictions = predictions_from_report(json.loads(report.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GoldError(f"cannot read report {report}: {exc}") from None
    return CorpusEval(corpus=gold.corpus, gold=str(gold_path), topic=gold.topic, articles=len(gold.articles),
                      score=score(predictions, gold, tier))


def eval_corpus(corpus: Path, gold_path: Path, tier: TierChoice = "all", ledger: Ledger | None = None,
                jobs: int = 1) -> CorpusEval:
    """Audit ``corpus`` in process and score it against ``gold_path``."""
    gold = load_gold(gold_path, corpus)
    return eval_result(gold, gold_path, audit_corpus(corpus, ledger, jobs), tier)


def check_bars(bars: Bars, corpus: bool, report: bool, pairs: bool) -> None:
    """Before any work: BarError when a bar is set for a figure this run will not produce."""
    needs = [
        (bars.min_recall, corpus, "--min-recall needs CORPUS and --gold"),
        (bars.min_precision, corpus, "--min-precision needs CORPUS and --gold"),
        (bars.min_coverage, corpus and not report, "--min-coverage needs an audit of CORPUS (not --report)"),
        (bars.min_balanced_accuracy, pairs, "--min-balanced-accuracy needs --pairs"),
    ]
    for bar, available, message in needs:
        if bar is not None and not available:
            raise BarError(message)


def missed_bars(bars: Bars, corpus: CorpusEval | None, pairs: PairReport | None) -> list[str]:
    """One line per bar the run misses; a figure that is undefined (no pairs of a label) misses."""
    checks: list[tuple[float | None, str, float | None]] = []
    if corpus is not None:
        share = corpus.coverage.contradictions.share if corpus.coverage else None
        checks += [(bars.min_recall, f"recall ({corpus.score.tier})", corpus.score.recall),
                   (bars.min_precision, "precision", corpus.score.precision),
                   (bars.min_coverage, "coverage", share)]
    if pairs is not None:
        checks.append((bars.min_balanced_accuracy, "balanced accuracy", pairs.overall.balanced_accuracy))
    return [
        f"{name} {'undefined' if figure is None else f'{figure:.2f}'} is below {bar:.2f}"
        for bar, name, figure in checks
        if bar is not None and (figure is None or figure < bar)
    ]


# --------------------------------------------------------------------------- the eval command

EvalFormat = Literal["table", "json"]
PROGRESS_LINES = 10  # progress lines in a whole pair run


class EvalInputError(ValueError):
    """Bad options or input files: exit 2 with this message."""


class EvalRequest(Frozen):
    corpus: Path | None = None
    gold: Path | None = None
    pairs: Path | None = None
    report: Path | None = None
    tier: TierChoice = "all"
    format: EvalFormat = "table"
    verbose: bool = False
    bars: Bars = Bars()
    ledger: Ledger | None = None
    jobs: int = 1


class EvalOutcome(Frozen):
    text: str
    missed: tuple[str, ...]  # one line per bar missed; empty: exit 0


def _corpus(request: EvalRequest) -> CorpusEval | None:
    if request.corpus is None and request.gold is None:
        return None
    if request.corpus is None or request.gold is None:
        raise EvalInputError("give both CORPUS and --gold (or only --pairs)")
    gold = load_gold(request.gold, request.corpus)
    if request.report is not None:
        return eval_report(gold, request.gold, request.report, request.tier)
    result = audit_corpus(request.corpus, request.ledger, request.jobs)
    return eval_result(gold, request.gold, result, request.tier)


def stderr_progress() -> Callable[[int, int], None]:
    """Progress of a pair run on stderr: a line every few pairs (the run takes minutes on big sets)."""

    def tick(done: int, total: int) -> None:
        if done == total or done % max(1, total // PROGRESS_LINES) == 0:
            end = "\n" if done == total or not sys.stderr.isatty() else "\r"
            print(f"pairs: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return tick




def run_eval(request: EvalRequest, progress: Callable[[int, int], None] | None = None) -> EvalOutcome:
    """Score the corpus and/or the pair set; EvalInputError for bad input."""
    if request.corpus is None and request.gold is None and request.pairs is None:
        raise EvalInputError("nothing to evaluate: give CORPUS --gold GOLD.yaml, or --pairs FILE.jsonl")
    try:
        given = (request.corpus is not None, request.report is not None, request.pairs is not None)
        check_bars(request.bars, *given)
        pair_set = load_pairs(request.pairs) if request.pairs is not None else None  # bad input fails first
        corpus = _corpus(request)
        pairs = None
        if pair_set is not None:
            pairs = score_pairs(run_pairs(pair_set, progress=progress), source=str(request.pairs))
        missed = missed_bars(request.bars, corpus, pairs)
    except (GoldError, PairError, BarError) as exc:
        raise EvalInputError(str(exc)) from None
    if request.format == "json":
        text = render_json(corpus, pairs, missed)
    else:
        sections = [render_corpus(corpus, request.verbose) if corpus else "",
                    render_pairs(pairs, request.verbose) if pairs else ""]
        text = "\n".join(part for part in sections if part)
    return EvalOutcome(text=text, missed=tuple(missed))
