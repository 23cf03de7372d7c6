"""Where each distinct value of a figure group stands: majority and outliers, or a step over time.

A value's *support* is the number of articles whose figure is compatible
with it (the intervals overlap, see ``decide.score.disjoint``), so "2.5 million"
and "more than 2.5 million" back each other while "5,000" does not. The
best-supported value is the majority when every value that cannot hold with
it has less support; otherwise the group is split. Aggregates (a whole
system's memory) are weighed apart from the other figures (one chip's
memory), as the contradiction rules do: each side has its own majority.

On a timeline (a running total reported at several times) the values are
read in time order instead: a value above everything stated at the previous
time is an update, one below it a conflict (a running total does not fall),
two incompatible values for the same time conflict too.
"""

from __future__ import annotations

from typing import Literal

from claimcheck.decide.score import disjoint as disjoint_within_tolerance
from claimcheck.models import Claim, ClaimKind

SWEEP_SLACK = 0.01  # wider than any tolerance ``disjoint`` allows: the sweep only proposes pairs

Standing = Literal[
    "majority",  # the value most articles support
    "agrees",  # compatible with the majority, stated differently ("more than 2.5 million")
    "outlier",  # cannot hold together with the majority
    "split",  # no value has more support than the values it conflicts with
    "first",  # timeline: the earliest reading
    "same",  # timeline: compatible with the reading before
    "update",  # timeline: grew since the reading before
    "conflict",  # timeline: fell since the reading before, or disagrees with a reading of the same time
    "undated",  # timeline: no time known for this reading
]


def standings(buckets: list[list[Claim]], timeline: bool) -> list[Standing]:
    """One standing per bucket (the claims giving one distinct value), in the buckets' order."""
    if timeline:
        return _over_time(buckets)
    out: list[Standing] = ["split"] * len(buckets)
    for aggregate in (False, True):
        part = [i for i, bucket in enumerate(buckets) if (bucket[0].scope == "aggregate") == aggregate]
        if part:
            for i, standing in zip(part, _by_support([buckets[i] for i in part]), strict=True):
                out[i] = standing
    return out


def disjoint(a: Claim, b: Claim) -> bool:
    """The two values cannot both hold: dates and shares exactly, other figures within float slack."""
    if a.kind in (ClaimKind.TEMPORAL, ClaimKind.PROPORTION):
        return disjoint_within_tolerance(a, b, 0.0)
    return disjoint_within_tolerance(a, b)


def _by_support(buckets: list[list[Claim]]) -> list[Standing]:
    reps = [bucket[0] for bucket in buckets]
    articles = [{c.article for c in bucket} for bucket in buckets]
    friends = _compatible(reps)
    support = [len(articles[i].union(*(articles[j] for j in friends[i]))) for i in range(len(buckets))]
    best = min(
        range(len(buckets)), key=lambda i: (-support[i], -len(articles[i]), -len(buckets[i]), _order(reps[i]))
    )
    rivals = set(range(len(buckets))) - friends[best] - {best}
    if any(support[j] >= support[best] for j in rivals):
        return ["split"] * len(buckets)
    return ["majority" if j == best else "outlier" if j in rivals else "agrees" for j in range(len(buckets))]


def _compatible(reps: list[Claim]) -> list[set[int]]:
    """For each value, the other values it can hold together with.

    A sweep over the intervals (widened by ``SWEEP_SLACK``) finds the candidate pairs, so a group
    with thousands of narrow, distinct values costs n log n rather than n²; ``disjoint`` decides.
    """
    spans = []
    for i, claim in enumerate(reps):
        low, high = _bounds(claim)
        spans.append((low - abs(low) * SWEEP_SLACK, high + abs(high) * SWEEP_SLACK, i))
    spans.sort()
    friends: list[set[int]] = [set() for _ in reps]
    open_spans: list[tuple[float, int]] = []  # (high, index) of the spans that may still meet a later one
    for low, high, i in spans:
        open_spans = [(h, j) for h, j in open_spans if h >= low]
        for _, j in open_spans:
            if not disjoint(reps[i], reps[j]):
                friends[i].add(j)
                friends[j].add(i)
        open_spans.append((high, i))
    return friends


def _order(claim: Claim) -> tuple[str, int, int, str]:
    return (claim.path, claim.line, claim.start, claim.id)


def _bounds(claim: Claim) -> tuple[float, float]:
    low = claim.value.low if claim.value.low is not None else float("-inf")
    high = claim.value.high if claim.value.high is not None else float("inf")
    return low, high


def _over_time(buckets: list[list[Claim]]) -> list[Standing]:
    reps = [bucket[0] for bucket in buckets]
    times = sorted({c.time for c in reps if c.time is not None}, key=lambda t: (t.start, t.end))
    out: list[Standing] = ["undated"] * len(buckets)
    previous: list[Claim] = []
    at: dict[object, list[int]] = {}
    for i, c in enumerate(reps):
        at.setdefault(c.time, []).append(i)
    for time in times:
        here = at[time]
        for i in here:
            same_time_clash = any(disjoint(reps[i], reps[j]) for j in here if j != i)
            out[i] = "conflict" if same_time_clash else _step(reps[i], previous)
        previous = [reps[i] for i in here]
    return out


def _step(claim: Claim, previous: list[Claim]) -> Standing:
    if not previous:
        return "first"
    low, high = _bounds(claim)
    if all(disjoint(claim, p) and high < _bounds(p)[0] for p in previous):
        return "conflict"
    if all(disjoint(claim, p) and low > _bounds(p)[1] for p in previous):
        return "update"
    return "same"
