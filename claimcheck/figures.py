"""Figures side by side: every value the articles give for one event and measure, on one screen.

``build_figures`` is a pure function over an AuditResult. It reads the
grouping (``result.groups``), lays each group's claims out by distinct
normalised value, decides the majority and the outliers (or, for a figure
reported over time, which step is an update and which a fall), attaches the
findings that cite the group's claims, and sorts the groups so that the ones
where the sources disagree come first. Reporters only lay the result out.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.enums import Severity
from claimcheck.figures_standing import Standing, standings
from claimcheck.models import (
    AuditResult,
    Claim,
    ClaimGroup,
    DateSpan,
    Finding,
    Frozen,
    Modality,
    Scope,
    Status,
)

DISAGREEING: frozenset[Standing] = frozenset({"outlier", "split", "conflict"})
SIGNIFICANT_DIGITS = 12  # a nominal value is rounded to this many digits before values are compared


def findings_of(result: AuditResult) -> tuple[Finding, ...]:
    """The one place that reads findings off a result (``contradictions`` today)."""
    return result.contradictions


def confidence_of(finding: Finding) -> float | None:
    """How sure the decision is (0..1)."""
    confidence = getattr(finding, "confidence", None)
    return float(confidence) if confidence is not None else None


class FigureClaim(Frozen):
    """One article's sentence giving the figure."""

    id: str
    article: str
    path: str
    line: int
    quote: str
    text: str  # the figure as written
    published: str | None  # the article's publication date (a DateSpan label)
    time: DateSpan | None  # the time the figure speaks of
    modality: Modality
    attribution: str | None
    scope: Scope  # part, total, aggregate or per unit: why two values may both hold


class FigureValue(Frozen):
    """One distinct normalised value of a group, with every claim that gives it."""

    display: str
    value: float | None  # the nominal value, or the middle of the interval (ordinal days for dates)
    low: float | None
    high: float | None
    unit: str
    time: DateSpan | None  # on a timeline: the time this value speaks of
    articles: int  # distinct articles that give it
    standing: Standing
    claims: tuple[FigureClaim, ...]


class FigureFinding(Frozen):
    id: str
    rule: str
    rule_name: str
    severity: Severity
    status: Status
    confidence: float | None


class FigureGroup(Frozen):
    key: str
    subject: str
    measure: str
    event: str
    timeline: bool
    disagrees: bool  # some values cannot all hold: an outlier, no majority, or a conflict over time
    values: tuple[FigureValue, ...]
    findings: tuple[FigureFinding, ...]

    @property
    def topic(self) -> str:
        return " — ".join(part for part in (self.subject, self.measure) if part) or "(no subject)"

    @property
    def majority(self) -> FigureValue | None:
        return next((v for v in self.values if v.standing == "majority"), None)

    @property
    def outliers(self) -> tuple[FigureValue, ...]:
        return tuple(v for v in self.values if v.standing == "outlier")

    @property
    def articles(self) -> int:
        return len({k.article for v in self.values for k in v.claims})

    @property
    def claims(self) -> int:
        return sum(len(v.claims) for v in self.values)


def build_figures(result: AuditResult) -> tuple[FigureGroup, ...]:
    """The figure groups of ``result``: disagreements first, then by subject, measure and event."""
    claims = {c.id: c for c in result.claims}
    published = {s.id: s.published for s in result.summaries()}
    cited: dict[str, list[Finding]] = {}
    for finding in findings_of(result):
        for claim in finding.claims:
            cited.setdefault(claim.id, []).append(finding)
    groups = []
    for group in result.groups:
        members = sorted((claims[i] for i in group.claim_ids if i in claims), key=_claim_order)
        if members:
            findings = {f.id: f for c in members for f in cited.get(c.id, [])}
            groups.append(_group(group, members, published, findings.values()))
    return tuple(sorted(groups, key=_group_order))


def _claim_order(c: Claim) -> tuple[str, int, int, str]:
    return (c.path, c.line, c.start, c.id)


def is_timeline(group: ClaimGroup, members: list[Claim]) -> bool:
    """A figure reported over time: said so by the grouping, or a changing count stated at several times."""
    times = {c.time for c in members if c.time is not None}
    return group.timeline or (any(c.time_varying for c in members) and len(times) > 1)


def number_of(claim: Claim) -> float | None:
    """The claim's value as one number: its nominal value, else the middle of its (half-open) interval."""
    v = claim.value
    if v.nominal is not None:
        return float(f"{v.nominal:.{SIGNIFICANT_DIGITS}g}")
    if v.low is not None and v.high is not None:
        return (v.low + v.high) / 2
    return v.low if v.low is not None else v.high


def _value_key(claim: Claim, timeline: bool) -> tuple[object, ...]:
    v = claim.value
    number = number_of(claim) if v.nominal is not None else (v.low, v.high)
    aggregate = claim.scope == "aggregate"
    return (claim.time if timeline else None, aggregate, v.unit, v.dimension, v.qualifier, number)


def _group(
    group: ClaimGroup, members: list[Claim], published: dict[str, str | None], findings: Iterable[Finding]
) -> FigureGroup:
    timeline = is_timeline(group, members)
    by_value: dict[tuple[object, ...], list[Claim]] = {}
    for claim in members:
        by_value.setdefault(_value_key(claim, timeline), []).append(claim)
    buckets = list(by_value.values())
    ranks = standings(buckets, timeline)
    values = [_value(bucket, rank, timeline, published) for bucket, rank in zip(buckets, ranks, strict=True)]
    values.sort(key=_timeline_order if timeline else _value_order)
    refs = sorted((_finding(f) for f in findings), key=lambda f: (-Severity(f.severity).rank, f.rule, f.id))
    return FigureGroup(
        key=group.key,
        subject=group.subject,
        measure=group.measure,
        event=group.event,
        timeline=timeline,
        disagrees=any(v.standing in DISAGREEING for v in values),
        values=tuple(values),
        findings=tuple(refs),
    )


def _value(
    bucket: list[Claim], standing: Standing, timeline: bool, published: dict[str, str | None]
) -> FigureValue:
    first = bucket[0]  # the earliest by path and line: the same whatever order the files came in
    return FigureValue(
        display=first.value.display or first.value.text,
        value=number_of(first),
        low=first.value.low,
        high=first.value.high,
        unit=first.value.unit,
        time=first.time if timeline else None,
        articles=len({c.article for c in bucket}),
        standing=standing,
        claims=tuple(
            FigureClaim(
                id=c.id,
                article=c.article,
                path=c.path,
                line=c.line,
                quote=c.quote,
                text=c.value.text,
                published=published.get(c.article),
                time=c.time,
                modality=c.modality,
                attribution=c.attribution,
                scope=c.scope,
            )
            for c in bucket
        ),
    )


def _finding(f: Finding) -> FigureFinding:
    return FigureFinding(
        id=f.id,
        rule=f.rule,
        rule_name=f.rule_name,
        severity=f.severity,
        status=f.status,
        confidence=confidence_of(f),
    )


STANDING_ORDER: dict[Standing, int] = {"majority": 0, "agrees": 1, "outlier": 2, "split": 3}


def _value_order(v: FigureValue) -> tuple[int, bool, float, str]:
    return (STANDING_ORDER.get(v.standing, 4), v.value is None, v.value or 0.0, v.display)


def _timeline_order(v: FigureValue) -> tuple[bool, str, str, bool, float, str]:
    start, end = (v.time.start.isoformat(), v.time.end.isoformat()) if v.time else ("", "")
    return (v.time is None, start, end, v.value is None, v.value or 0.0, v.display)


def _group_order(g: FigureGroup) -> tuple[int, int, str, str, str, str]:
    rank = (0 if g.disagrees else 1) if g.findings else 2 if g.disagrees else 3 if len(g.values) > 1 else 4
    worst = max((Severity(f.severity).rank for f in g.findings), default=-1)
    return (rank, -worst, g.subject, g.measure, g.event, g.key)
