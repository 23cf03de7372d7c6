"""The figures eval reports, as frozen values: what the table shows and ``--format json`` prints."""

from __future__ import annotations

from claimcheck.evaluate.gold import Tier, TierChoice
from claimcheck.models import Frozen, Severity


class CitedClaim(Frozen):
    path: str
    line: int
    quote: str


class ItemResult(Frozen):
    """One gold contradiction: found (HIT) or not (MISS), and by which findings."""

    id: str
    kind: str
    tier: Tier
    severity: Severity | None = None
    why: str = ""
    hit: bool
    predictions: tuple[str, ...]
    claims: tuple[CitedClaim, ...]


class FalseAlarm(Frozen):
    """A finding that matches no gold contradiction."""

    id: str
    kind: str
    explanation: str
    look_alike: bool  # every pair of gold claims it cites lies inside a consistent item
    consistent: tuple[str, ...]  # consistent items holding two or more of its claims
    claims: tuple[CitedClaim, ...]


class TierScore(Frozen):
    tier: TierChoice
    items: int
    found: int
    recall: float  # 1.0 when the tier has no items


class KindScore(Frozen):
    gold: int
    found: int
    predicted: int
    correct: int
    recall: float
    precision: float


class EvalReport(Frozen):
    """Recall, precision and look-alikes of one audit against one gold file."""

    tier: TierChoice  # the tier that ``gold``, ``found`` and ``recall`` count
    gold: int
    found: int
    recall: float
    per_tier: tuple[TierScore, ...]
    predicted: int
    correct: int
    precision: float  # correct / predicted; unmatched findings count as wrong; 0 when nothing is reported
    look_alikes: int  # look-alikes flagged
    unjudged: int
    consistent_items: int
    borderline_items: int
    per_kind: dict[str, KindScore]
    items: tuple[ItemResult, ...]
    false_alarms: tuple[FalseAlarm, ...]

    @property
    def misses(self) -> tuple[ItemResult, ...]:
        """Gold contradictions of the scored tier that no finding found."""
        return tuple(i for i in self.items if not i.hit and self.tier in ("all", i.tier))


class UncoveredClaim(Frozen):
    """A gold claim that no extracted claim overlaps: what the extractor developer works from."""

    file: str
    line: int
    quote: str
    items: tuple[str, ...]  # gold items quoting it


class CoverageShare(Frozen):
    claims: int
    covered: int
    share: float  # 1.0 when there are no claims
    uncovered: tuple[UncoveredClaim, ...]


class Coverage(Frozen):
    """Gold claims with an extracted claim on their span."""

    kinds: tuple[str, ...]  # contradiction kinds counted in ``contradictions``
    contradictions: CoverageShare
    consistent: CoverageShare


class CorpusEval(Frozen):
    corpus: str
    gold: str
    topic: str | None = None
    articles: int
    score: EvalReport
    coverage: Coverage | None = None  # None when scoring a saved report (it lists no claims)


class PairGroup(Frozen):
    """Pair-set figures over one group of pairs (all, one domain, one subtype)."""

    name: str
    pairs: int
    contradictions: int
    flagged_contradictions: int
    consistent: int  # pairs labelled no_contradiction
    flagged_consistent: int
    recall: float | None  # None when the group has no contradictions
    false_alarm_rate: float | None  # None when the group has no consistent pairs
    balanced_accuracy: float | None  # mean of recall and 1 - false-alarm rate; None unless both exist
