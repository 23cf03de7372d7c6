"""Score claimcheck against gold annotations and labelled pair sets (`claimcheck eval`).

Modules: ``gold`` (reading and locating gold files), ``access`` (the one place that reads an audit
result's findings and claims), ``matching`` (which gold claims a finding's claim stands for,
and which have an extracted claim on their span: coverage), ``scoring`` (recall per
tier, precision, look-alikes), ``pairs`` (pair sets), ``render`` and ``suite`` (tables and JSON),
``run`` (one corpus, the bars, the CLI's request).
"""

from claimcheck.evaluate.access import (
    PredClaim,
    Prediction,
    claims_of,
    findings_of,
    predictions_from_report,
    predictions_from_result,
)
from claimcheck.evaluate.gold import (
    COVERAGE_KINDS,
    KINDS,
    Gold,
    GoldError,
    LocatedClaim,
    LocatedItem,
    Span,
    load_gold,
    parse_gold,
)
from claimcheck.evaluate.matching import coverage
from claimcheck.evaluate.models import CorpusEval, Coverage, EvalReport, FalseAlarm, ItemResult
from claimcheck.evaluate.pairs import Pair, PairError, PairReport, load_pairs, run_pairs, score_pairs
from claimcheck.evaluate.scoring import score

__all__ = [
    "COVERAGE_KINDS",
    "KINDS",
    "CorpusEval",
    "Coverage",
    "EvalReport",
    "FalseAlarm",
    "Gold",
    "GoldError",
    "ItemResult",
    "LocatedClaim",
    "LocatedItem",
    "Pair",
    "PairError",
    "PairReport",
    "PredClaim",
    "Prediction",
    "Span",
    "claims_of",
    "coverage",
    "findings_of",
    "load_gold",
    "load_pairs",
    "parse_gold",
    "predictions_from_report",
    "predictions_from_result",
    "run_pairs",
    "score",
    "score_pairs",
]
