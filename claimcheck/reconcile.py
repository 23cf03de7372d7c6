"""Contradiction rules over matched claim pairs. Each finding names its rule by a stable code; the
name and kind come from the rule registry (``claimcheck.decide.rules``).

A pair contradicts only when, for the same subject and measure and compatible
scope and time, the two value intervals cannot both hold. Several conflicting
pairs between the same two articles on the same subject and measure make one
contradiction, so the report (and the ledger) speak of each disagreement once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck import explain
from claimcheck.decide.rules.base import rule_info
from claimcheck.extract.lexicon import CUMULATIVE_CLASSES
from claimcheck.match import candidate_pairs
from claimcheck.models import PLANNED, Claim, ClaimKind, Contradiction
from claimcheck.models import SeverityName as Severity
from claimcheck.resolve import EntityGraph

_LEVELS: tuple[Severity, ...] = ("low", "medium", "high")
_TOLERANCE = 0.005  # relative slack for unit conversions and float noise


@dataclass
class Finding:
    rule: str
    severity: Severity
    claims: list[Claim]
    subject: str
    measure: str
    explanation: str
    score: float = 0.0  # how strong: larger first when several pairs fall into one contradiction
    extra: list[Claim] = field(default_factory=list)


def downgrade(severity: Severity, steps: int = 1) -> Severity:
    return _LEVELS[max(0, _LEVELS.index(severity) - steps)]


def _bounds(claim: Claim) -> tuple[float, float]:
    low = claim.value.low if claim.value.low is not None else float("-inf")
    high = claim.value.high if claim.value.high is not None else float("inf")
    return low, high


def separation(a: Claim, b: Claim) -> float:
    """How many times apart two disjoint intervals are (1.0 means touching)."""
    (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
    if a_high < b_low:
        small, large = a_high, b_low
    elif b_high < a_low:
        small, large = b_high, a_low
    else:
        return 1.0
    if small <= 0:
        return float("inf")
    return large / small


def disjoint(a: Claim, b: Claim, tolerance: float = _TOLERANCE) -> bool:
    (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
    return a_high * (1 + tolerance) < b_low or b_high * (1 + tolerance) < a_low


def _magnitude_severity(factor: float) -> Severity:
    return "high" if factor >= 10 else ("medium" if factor >= 1.5 else "low")


def _soft(claims: list[Claim]) -> int:
    return 1 if any(c.modality != "confirmed" for c in claims) else 0


def _times_overlap(a: Claim, b: Claim) -> bool:
    if a.time is None or b.time is None:
        return True
    return a.time.overlaps(b.time)


def _numeric(a: Claim, b: Claim, graph: EntityGraph) -> Finding | None:
    if a.article == b.article and a.sentence == b.sentence:
        return None  # two figures in one sentence are compared or listed by the writer, not contradicted
    if not (a.polarity and b.polarity) or (a.scope == "aggregate") != (b.scope == "aggregate"):
        return None
    same_subject = a.subject == b.subject
    if a.value.dimension == "percent" and (not same_subject or a.base != b.base):
        return None
    # a part (one owner's share, or a child entity) against a whole
    for part, whole in ((a, b), (b, a)):
        child = part.subject != whole.subject and graph.within(part.subject, whole.subject)
        owned_part = (part.owner is not None and whole.owner is None and whole.scope != "part"
                      and (same_subject or child))
        child_part = child and part.owner == whole.owner and whole.scope == "total"
        if owned_part or child_part:
            return part_exceeds(part, whole) if graph.within(part.subject, whole.subject) else None
    if not same_subject or a.owner != b.owner:
        return None
    unnamed_part = (a.scope == "part" and a.owner is None) or (b.scope == "part" and b.owner is None)
    if unnamed_part or (a.value.dimension == "currency" and (a.scope == "total") != (b.scope == "total")):
        # a listed part ("78 of them children") or one payment against a total: it may not exceed
        # the whole, and need not equal it; two such parts say nothing about each other
        if (a.scope == "part") == (b.scope == "part") and unnamed_part:
            return None
        part, whole = (b, a) if a.scope == "total" or b.scope == "part" else (a, b)
        return part_exceeds(part, whole)
    if a.value.dimension == "currency" and "part" in (a.scope, b.scope):
        return None  # a tranche and another amount: neither bounds the other
    if a.time_varying and not _times_overlap(a, b):
        return _cumulative(a, b)
    if (a.time_source.startswith("stated") or b.time_source.startswith("stated")) \
            and not _times_overlap(a, b):
        return None  # figures for different periods ("a year earlier") are not in conflict
    if not disjoint(a, b):
        return None
    factor = separation(a, b)
    severity = downgrade(_magnitude_severity(factor), _soft([a, b]))
    # exact figures make the clearest evidence, so they lead when several pairs say the same
    exact = sum(c.value.qualifier == "exact" for c in (a, b))
    return Finding("CC101", severity, [a, b], a.subject, a.measure, explain.numeric(a, b, factor),
                   exact + factor / 1e6)


def part_exceeds(part: Claim, whole: Claim) -> Finding | None:
    """CC102 when the part's least value is above the whole's greatest, at a time the whole covers."""
    if part.value.low is None or whole.value.high is None or not _times_overlap_or_before(part, whole):
        return None
    if part.value.low <= whole.value.high * (1 + _TOLERANCE):
        return None
    factor = part.value.low / max(whole.value.high, 1e-12)
    severity = downgrade(_magnitude_severity(factor), _soft([part, whole]))
    return Finding("CC102", severity, [whole, part], whole.subject, whole.measure,
                   explain.part_exceeds(whole, part, factor), factor)


def _times_overlap_or_before(part: Claim, whole: Claim) -> bool:
    if part.time is None or whole.time is None or not part.time_varying:
        return True
    return part.time.start <= whole.time.end


def _cumulative(a: Claim, b: Claim) -> Finding | None:
    if {a.modality, b.modality} & PLANNED:
        return None  # a prediction of a running total is not a reading of it
    earlier, later = (a, b) if a.time and b.time and a.time.end < b.time.start else (b, a)
    verb = a.measure.split(" ")[-1]
    if verb not in CUMULATIVE_CLASSES or earlier.value.low is None or later.value.high is None:
        return None
    if later.value.high * (1 + _TOLERANCE) >= earlier.value.low:
        return None
    factor = earlier.value.low / max(later.value.high, 1e-12)
    severity = downgrade(_magnitude_severity(factor), _soft([a, b]))
    return Finding("CC103", severity, [earlier, later], a.subject, a.measure,
                   explain.cumulative(earlier, later), factor)


def _temporal(a: Claim, b: Claim) -> Finding | None:
    if a.subject != b.subject or not disjoint(a, b, 0.0):
        return None
    severity: Severity = "medium" if _soft([a, b]) else "high"
    gap = separation(a, b)
    return Finding("CC201", severity, [a, b], a.subject, "availability", explain.temporal(a, b), gap)


def _proportion(a: Claim, b: Claim, graph: EntityGraph) -> Finding | None:
    if not graph.related(a.subject, b.subject):
        return None
    if (a.base or b.base) and not (a.base and b.base and graph.related(a.base, b.base)):
        return None
    if not (a.polarity and b.polarity) or not disjoint(a, b, 0.0):
        return None
    points = max(_bounds(a)[0] - _bounds(b)[1], _bounds(b)[0] - _bounds(a)[1])
    severity: Severity = "high" if points >= 30 else ("medium" if points >= 5 else "low")
    severity = downgrade(severity, _soft([a, b]))
    # name the group after the maker when one side speaks of the maker ("X's models") and one of its product
    subject = a.subject if a.subject in graph.makers(b.subject) else (
        b.subject if b.subject in graph.makers(a.subject) else min(a.subject, b.subject))
    return Finding("CC301", severity, [a, b], subject, a.measure, explain.proportion(a, b, points), points)


def pair_findings(claims: list[Claim], graph: EntityGraph) -> list[Finding]:
    findings: list[Finding] = []
    for a, b in candidate_pairs(claims, graph):
        if a.kind == ClaimKind.NUMERIC:
            found = _numeric(a, b, graph)
        elif a.kind == ClaimKind.TEMPORAL:
            found = _temporal(a, b)
        elif a.kind == ClaimKind.PROPORTION:
            found = _proportion(a, b, graph)
        else:
            found = None
        if found is not None:
            findings.append(found)
    return findings


def to_contradiction(findings: list[Finding]) -> Contradiction:
    """One contradiction from all findings sharing a rule, subject, measure and article pair; its
    name and kind come from the rule registry."""
    best = max(findings, key=lambda f: (_LEVELS.index(f.severity), f.score))
    claims: dict[str, Claim] = {}
    for finding in [best, *[f for f in findings if f is not best]]:
        for claim in finding.claims:
            claims.setdefault(claim.id, claim)
    cited = {c.id: c for f in findings for c in f.extra if c.id not in claims}  # evidence, not identity
    rule = rule_info(best.rule)
    if rule is None:
        raise KeyError(f"rule {best.rule} is not registered")
    return Contradiction(
        id=explain.fingerprint(best.rule, best.subject, best.claims, best.measure), rule=best.rule,
        rule_name=rule.name, kind=rule.kind,
        severity=best.severity, subject=best.subject, measure=best.measure, explanation=best.explanation,
        claims=(*tuple(claims.values())[:6], *tuple(cited.values())[:_CITED]),
    )


_CITED = 2  # other articles' figures shown beside a failed check


def bucket(findings: list[Finding]) -> list[Contradiction]:
    buckets: dict[str, list[Finding]] = {}
    for finding in findings:
        key = explain.fingerprint(finding.rule, finding.subject, finding.claims, finding.measure)
        buckets.setdefault(key, []).append(finding)
    return [to_contradiction(group) for _, group in sorted(buckets.items())]
