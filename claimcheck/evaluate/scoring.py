"""Recall, precision and look-alikes flagged, with the reference scorer's semantics.

- A gold contradiction is found when two claims of one finding can be read as two of its claims
  that are not both inside one ``consistent`` item (claims of one side are listed as consistent, so
  pairing them is never credited). Recall is counted per tier: required, bonus, and all.
- A finding is correct when it finds any gold contradiction, of any tier. Precision is correct
  findings over everything reported: findings that match no gold item count as wrong (so it is a
  lower bound, and 0 when nothing is reported).
- A wrong finding is a look-alike flagged when it cites at least two gold claims and every two of
  its claims can be read as one gold claim or as a pair inside a consistent item; the rest are
  unjudged. (A claim is read as a gold claim when it overlaps its quote: see ``matching``.)
Pure functions over values; no printing.
"""

from __future__ import annotations

import os
from itertools import combinations

from claimcheck.evaluate.access import Prediction
from claimcheck.evaluate.gold import KINDS, TIER_CHOICES, Gold, LocatedClaim, TierChoice, relative_path
from claimcheck.evaluate.matching import ClaimMatcher
from claimcheck.evaluate.models import CitedClaim, EvalReport, FalseAlarm, ItemResult, KindScore, TierScore


def ratio(num: int, den: int, empty: float) -> float:
    return round(num / den, 4) if den else empty


class _Pairs:
    """Pairs of gold claims (by index) that one consistent item holds together."""

    def __init__(self, gold: Gold, index: dict[LocatedClaim, int]) -> None:
        self.items: list[tuple[str, frozenset[int]]] = [
            (item.id, frozenset(index[c] for c in item.claims)) for item in gold.consistent
        ]
        self.blocked = {(a, b) for _, keys in self.items for a, b in combinations(sorted(keys), 2)}

    def conflicting(self, a: int, b: int) -> bool:
        return a != b and (min(a, b), max(a, b)) not in self.blocked

    def holding(self, keys: frozenset[int]) -> list[str]:
        return [name for name, held in self.items if len(held & keys) >= 2]


Readings = tuple[frozenset[int], ...]  # per claim of a finding: the gold claims it can be read as


def _finds(readings: Readings, item: frozenset[int], pairs: _Pairs) -> bool:
    """Two claims of the finding read as two claims of the item that are not held together."""
    return any(
        pairs.conflicting(a, b)
        for first, second in combinations(readings, 2)
        for a in first & item
        for b in second & item
    )


def _looks_alike(readings: Readings, pairs: _Pairs) -> bool:
    read = [r for r in readings if r]
    if len(read) < 2 or len(frozenset().union(*read)) < 2:
        return False
    return all(
        any(a == b or not pairs.conflicting(a, b) for a in first for b in second)
        for first, second in combinations(read, 2)
    )


def _cited(pred: Prediction, corpus: str) -> tuple[CitedClaim, ...]:
    """The finding's claims, with paths relative to the corpus as the gold file names them."""
    return tuple(CitedClaim(path=_shown(c.path, corpus), line=c.line, quote=c.quote) for c in pred.claims)


def _shown(path: str, corpus: str) -> str:
    inside = os.path.abspath(path).startswith(os.path.abspath(corpus) + os.sep)
    return relative_path(path, corpus) if inside else path


def score(predictions: list[Prediction], gold: Gold, tier: TierChoice = "all") -> EvalReport:
    """Score findings against a located gold file; recall over the items of ``tier``."""
    matcher = ClaimMatcher(gold)
    index: dict[LocatedClaim, int] = {c: i for i, c in enumerate(matcher.claims)}
    pairs = _Pairs(gold, index)
    readings: list[Readings] = [tuple(matcher.match(c) for c in p.claims) for p in predictions]
    cited = [frozenset().union(*r) for r in readings]
    by_claim: dict[int, list[int]] = {}
    for pi, keys in enumerate(cited):
        for key in keys:
            by_claim.setdefault(key, []).append(pi)

    items: list[ItemResult] = []
    matched: set[int] = set()
    for item in gold.contradictions:
        item_keys = frozenset(index[c] for c in item.claims)
        candidates = sorted({pi for key in item_keys for pi in by_claim.get(key, [])})
        hits = [pi for pi in candidates if _finds(readings[pi], item_keys, pairs)]
        matched.update(hits)
        items.append(ItemResult(
            id=item.id, kind=item.kind or "", tier=item.tier, severity=item.severity, why=item.why,
            hit=bool(hits), predictions=tuple(predictions[pi].id for pi in hits),
            claims=tuple(
                CitedClaim(path=c.file, line=c.spans[0].line_start, quote=c.quote) for c in item.claims
            ),
        ))

    false_alarms = []
    for pi, pred in enumerate(predictions):
        if pi in matched:
            continue
        false_alarms.append(FalseAlarm(
            id=pred.id, kind=pred.kind, explanation=pred.explanation,
            look_alike=_looks_alike(readings[pi], pairs), consistent=tuple(pairs.holding(cited[pi])),
            claims=_cited(pred, gold.corpus),
        ))

    per_tier = tuple(_tier_score(items, name) for name in TIER_CHOICES)
    chosen = next(t for t in per_tier if t.tier == tier)
    return EvalReport(
        tier=tier,
        gold=chosen.items,
        found=chosen.found,
        recall=chosen.recall,
        per_tier=per_tier,
        predicted=len(predictions),
        correct=len(matched),
        precision=ratio(len(matched), len(predictions), 0.0),
        look_alikes=sum(1 for f in false_alarms if f.look_alike),
        unjudged=sum(1 for f in false_alarms if not f.look_alike),
        consistent_items=len(gold.consistent),
        borderline_items=gold.borderline,
        per_kind=_per_kind(items, predictions, matched, tier),
        items=tuple(items),
        false_alarms=tuple(false_alarms),
    )


def _tier_score(items: list[ItemResult], tier: TierChoice) -> TierScore:
    chosen = [i for i in items if tier == "all" or i.tier == tier]
    found = sum(1 for i in chosen if i.hit)
    return TierScore(tier=tier, items=len(chosen), found=found, recall=ratio(found, len(chosen), 1.0))


def _per_kind(
    items: list[ItemResult], predictions: list[Prediction], matched: set[int], tier: TierChoice
) -> dict[str, KindScore]:
    counts: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in KINDS}  # gold, found, predicted, correct
    for item in items:
        if tier == "all" or item.tier == tier:
            row = counts.setdefault(item.kind, [0, 0, 0, 0])
            row[0] += 1
            row[1] += item.hit
    for pi, pred in enumerate(predictions):
        row = counts.setdefault(pred.kind, [0, 0, 0, 0])
        row[2] += 1
        row[3] += pi in matched
    return {
        kind: KindScore(
            gold=g, found=f, predicted=p, correct=c, recall=ratio(f, g, 1.0), precision=ratio(c, p, 0.0)
        )
        for kind, (g, f, p, c) in counts.items()
        if g or p
    }
