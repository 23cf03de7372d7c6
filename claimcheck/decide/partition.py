"""The decision stage partition by partition, with the same findings as one pass over every claim.

Claims are split by measure (``claim.measure``) into P partitions with a stable hash, and each
partition is grouped into events and decided on its own; the rules that read claims across measures
run once over a small slice of the claims (``cross_slice``). Why that is exact, rule by rule, is in
docs/scale.md ("Grouping on the workers"); ``tests/test_partition.py`` checks it on every corpus.

Everything here is plain data and module-level functions: a Dask worker or a pool process imports
``decide_part`` by name and receives a ``Work`` by value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from claimcheck.decide.decision import collect, group_of
from claimcheck.decide.rules import Reach, RuleContext, registry
from claimcheck.events.grouping import group_events
from claimcheck.models import Claim, ClaimGroup, ClaimKind, Finding
from claimcheck.resolve import EntityGraph

PARTITIONS = 32  # enough to keep a few tasks per worker busy; a partition holds whole measures


def partition_key(claim: Claim) -> str:
    """What must stay together: grouping joins subject variants and finds source-dependent figures
    per ``claim.measure`` (not per measure and dimension), and every per-measure rule compares only
    claims of one measure."""
    return claim.measure


def stable_hash(text: str) -> int:
    # Python's hash() of a str is salted per process: the client and every worker must agree
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def partition_of(claim: Claim, partitions: int) -> int:
    return stable_hash(partition_key(claim)) % max(1, partitions)


def partition_claims(claims: Iterable[Claim], partitions: int) -> list[list[Claim]]:
    """Every claim in exactly one of ``partitions`` lists, in its input order (the rules break ties
    by input order through stable sorts, so the order inside a partition must be the global one)."""
    parts: list[list[Claim]] = [[] for _ in range(max(1, partitions))]
    for claim in claims:
        parts[partition_of(claim, len(parts))].append(claim)
    return parts


def cross_slice(claims: Sequence[Claim]) -> list[Claim]:
    """The claims the cross-measure rules (Reach.CROSS) can read, in input order: a superset of what
    each needs and a small share of all claims.

    - CC201, CC203, CC301 pair or group only temporal and proportion claims: all of them.
    - CC401 ratios look up numeric claims by the ratio's subject and base: every claim about those.
    - CC401 changes and sentence ratios, CC402 listed parts (and breakdowns) compare the claims of one sentence, and
      CC402 aggregates those of one line: whole sentences (lines) holding a percentage, a ratio, a
      listed part (lines: an aggregate); a sentence without one gives no finding, whole or not.
    - CC402 aggregates look up per-unit figures of any article: every per-unit claim.

    (CC401 and CC402 run in the CORPUS task since a failed check cites other articles' figures; their
    own checks read no more than this.)"""
    kinds = (ClaimKind.TEMPORAL, ClaimKind.PROPORTION, ClaimKind.RATIO)
    subjects: set[str] = set()
    sentences: set[tuple[str, str]] = set()
    lines: set[tuple[str, int]] = set()
    for claim in claims:
        if claim.kind == ClaimKind.RATIO:
            subjects.update(name for name in (claim.subject, claim.base) if name)
        if claim.kind == ClaimKind.RATIO or claim.value.dimension == "percent" or claim.part_of or (
                claim.base or "").startswith("parts:"):
            sentences.add((claim.article, claim.sentence))
        if claim.scope == "aggregate":
            lines.add((claim.article, claim.line))
    return [c for c in claims if c.kind in kinds or c.scope == "per_unit" or c.subject in subjects
            or (c.article, c.sentence) in sentences or (c.article, c.line) in lines]


@dataclass(frozen=True)
class Work:
    """One task. A dataclass, not a pydantic model: building one must not validate every claim again."""

    reach: Reach
    claims: tuple[Claim, ...]
    graph: EntityGraph
    published: Mapping[str, dt.date] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """A task's result: its events as report groups (with their place in the global order), and each
    rule's findings by code."""

    groups: tuple[tuple[tuple[str, ...], ClaimGroup], ...]
    findings: tuple[tuple[str, tuple[Finding, ...]], ...]


def plan(claims: Sequence[Claim], graph: EntityGraph, published: Mapping[str, dt.date],
         partitions: int = PARTITIONS) -> list[Work]:
    """The tasks: one per non-empty measure partition, one for the cross-measure slice, and one over
    every claim only when a registered rule needs that (CC401 and CC402 do; they group no events)."""
    reaches = {rule.reach for rule in registry()}
    work = [Work(Reach.MEASURE, tuple(part), graph, published)
            for part in partition_claims(claims, partitions) if part]
    if Reach.CROSS in reaches:
        work.append(Work(Reach.CROSS, tuple(cross_slice(claims)), graph, published))
    if Reach.CORPUS in reaches:
        work.append(Work(Reach.CORPUS, tuple(claims), graph, published))
    return work


def decide_part(work: Work) -> Outcome:
    """Run on a worker: group the claims into events (when the task's rules read events) and run the
    rules of the task's reach."""
    rules = [rule for rule in registry() if rule.reach is work.reach]
    claims = list(work.claims)
    published = dict(work.published)
    reading = work.reach is Reach.MEASURE or (work.reach is Reach.CORPUS and any(r.reads_events for r in rules))
    events = group_events(claims, published) if reading else []
    context = RuleContext(claims=claims, events=events, graph=work.graph, published=published)
    # a CORPUS task sees every claim: its events duplicate the measure partitions', so it lists none
    groups = tuple((e.order, group_of(e)) for e in events) if work.reach is Reach.MEASURE else ()
    return Outcome(groups=groups, findings=tuple((rule.code, tuple(rule.findings(context))) for rule in rules))


def merge(outcomes: Iterable[Outcome]) -> tuple[list[ClaimGroup], list[Finding]]:
    """The groups in the order of one group_events over every claim (the buckets' sort order), and
    the findings as ``decide`` gives them: rule by rule in registry order, first finding of an id wins."""
    outcomes = list(outcomes)
    ordered = sorted((pair for outcome in outcomes for pair in outcome.groups), key=lambda pair: pair[0])
    by_rule: dict[str, list[Finding]] = {}
    for outcome in outcomes:
        for code, found in outcome.findings:
            by_rule.setdefault(code, []).extend(found)
    findings = collect((rule.code, by_rule.get(rule.code, [])) for rule in registry())
    return [group for _, group in ordered], findings
