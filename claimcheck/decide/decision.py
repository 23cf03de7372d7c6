"""The decision stage: events in, findings out, one registry pass, findings in a stable order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from claimcheck.decide.rules import RuleContext, registry
from claimcheck.events.grouping import Event, group_events
from claimcheck.models import Article, Claim, ClaimGroup, Finding
from claimcheck.resolve import EntityGraph


def published_days(articles: list[Article]) -> dict[str, dt.date]:
    return {a.id: a.published.span.end for a in articles if a.published is not None}


def group_of(event: Event) -> ClaimGroup:
    """What the report keeps of an event."""
    return ClaimGroup(key=event.key, subject=event.subject, measure=event.measure,
                      claim_ids=tuple(c.id for c in event.claims), timeline=event.timeline, event=event.label)


def collect(per_rule: Iterable[tuple[str, Iterable[Finding]]]) -> list[Finding]:
    """Findings of (rule code, findings) in registry order: the first finding of an id wins, and the
    result is sorted the one way every report lists it."""
    findings: dict[str, Finding] = {}
    for _code, found in per_rule:
        for finding in found:
            findings.setdefault(finding.id, finding)
    return sorted(findings.values(), key=lambda f: (f.rule, f.subject, f.measure, f.id))


def decide(claims: list[Claim], articles: list[Article], graph: EntityGraph) -> tuple[list[Event], list[Finding]]:
    published = published_days(articles)
    events = group_events(claims, published)
    context = RuleContext(claims=claims, events=events, graph=graph, published=published)
    return events, collect((rule.code, rule.findings(context)) for rule in registry())
