"""The decision stage: events in, findings out, one registry pass, findings in a stable order."""

from __future__ import annotations

import datetime as dt

from claimcheck.decide.rules import RuleContext, registry
from claimcheck.events.grouping import Event, group_events
from claimcheck.models import Article, Claim, Finding
from claimcheck.resolve import EntityGraph


def published_days(articles: list[Article]) -> dict[str, dt.date]:
    return {a.id: a.published.span.end for a in articles if a.published is not None}


def decide(claims: list[Claim], articles: list[Article], graph: EntityGraph) -> tuple[list[Event], list[Finding]]:
    published = published_days(articles)
    events = group_events(claims, published)
    context = RuleContext(claims=claims, events=events, graph=graph, published=published)
    findings: dict[str, Finding] = {}
    for rule in registry():
        for finding in rule.findings(context):
            findings.setdefault(finding.id, finding)
    return events, sorted(findings.values(), key=lambda f: (f.rule, f.subject, f.measure, f.id))
