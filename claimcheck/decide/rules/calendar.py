"""CC204: a date written with a weekday it does not fall on ("Wednesday, April 28" in a year when
April 28 is a Tuesday). One article is enough: the two halves of one phrase disagree."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from claimcheck import explain, reconcile
from claimcheck.decide.rules.base import Reach, Rule, RuleContext, register
from claimcheck.frames.calendar import MEASURE
from claimcheck.frames.event_days import MEASURE_PREFIX as EVENT_DAY
from claimcheck.language.lexicon import load_lexicon
from claimcheck.models import Claim, ClaimKind, Finding


@register
class WeekdayDateMismatch(Rule):
    code = "CC204"
    reach = Reach.MEASURE
    name = "weekday-date-mismatch"
    description = "A date written with a weekday it does not fall on"
    kind = "temporal"
    claim_kinds = (ClaimKind.CATEGORICAL,)

    def findings(self, context: RuleContext) -> list[Finding]:
        found: list[reconcile.Finding] = []
        for claim in context.claims:
            if claim.measure != MEASURE or claim.weekday is None or claim.time is None:
                continue
            actual = claim.time.start.weekday()
            if actual == claim.weekday:
                continue
            day = claim.time.start
            said = calendar.day_name[claim.weekday]
            explanation = (f'{claim.path.rsplit("/", 1)[-1]} writes "{claim.quote}", but '
                           f'{day:%B} {day.day}, {day.year} is a {calendar.day_name[actual]}, not a {said}: '
                           "the weekday or the date is wrong.")
            found.append(reconcile.Finding(self.code, "medium", [claim], "", MEASURE, explanation))
        return reconcile.bucket(found)


@register
class EventDayConflict(Rule):
    code = "CC205"
    reach = Reach.MEASURE
    name = "event-day-conflict"
    description = "The story's own event (one dated in a lead) said to happen on different days"
    kind = "temporal"
    claim_kinds = (ClaimKind.CATEGORICAL,)

    def findings(self, context: RuleContext) -> list[Finding]:
        by_event: dict[str, list[Claim]] = defaultdict(list)
        for claim in context.claims:
            if claim.measure.startswith(EVENT_DAY) and claim.time is not None:
                by_event[claim.measure].append(claim)
        found: list[reconcile.Finding] = []
        for measure, claims in sorted(by_event.items()):
            if not any(c.in_lead for c in claims):
                continue  # not the story's event: "the shelter opened on Sunday" is one of many openings
            days: dict[dt.date, list[Claim]] = defaultdict(list)
            for claim in sorted(claims, key=lambda c: (c.path, c.start)):
                assert claim.time is not None
                days[claim.time.start].append(claim)
            articles = {day: {c.article for c in group} for day, group in days.items()}
            # the day the leads give, then the one most articles give, comes first: the other is the odd one
            ordered = sorted(days, key=lambda d: (not any(c.in_lead for c in days[d]), -len(articles[d]), d))
            first = ordered[0]
            # a day no article shares with the most-cited day (an article giving both tells of two
            # events), said of the same doer, and not a "today" a time zone away from the other
            others = [d for d in ordered[1:] if not (articles[d] & articles[first])
                      and abs((d - first).days) <= _WEEK and _same_event(days[first], days[d])]
            if not others:
                continue
            wrong = others[0]
            a, b = days[first][0], days[wrong][0]
            event = a.predicate or measure[len(EVENT_DAY):]
            explanation = (f'{explain.label(a)} dates "{event}" "{a.value.text}" ({first:%A %B} {first.day}), '
                           f'{explain.label(b)} "{b.value.text}" ({wrong:%A %B} {wrong.day}): it happened on one day.')
            cited = [*days[first][:_CITED], *days[wrong][:_CITED]]
            found.append(reconcile.Finding(self.code, "medium", cited, "", measure, explanation))
        return reconcile.bucket(found)


_CITED = 4  # claims of each day a finding cites
# a wrong weekday or a slipped date lands within the week; days further apart are other stories'
# events (a folder may hold several shootings, each "on Sunday" of its own week)
_WEEK = 6
_RELATIVE = frozenset(load_lexicon("en").timing.relative_days)


def _same_event(firsts: list[Claim], seconds: list[Claim]) -> bool:
    for a in firsts:
        for b in seconds:
            assert a.time is not None and b.time is not None
            relative = a.value.text.lower() in _RELATIVE or b.value.text.lower() in _RELATIVE
            if relative and abs((a.time.start - b.time.start).days) <= 1:
                continue  # "today" in a paper a day ahead of the wire: the date line's time zone
            if not a.subject or not b.subject or a.subject == b.subject:
                return True
    return False

