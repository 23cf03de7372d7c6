"""CC204: a date written with a weekday it does not fall on ("Wednesday, April 28" in a year when
April 28 is a Tuesday). One article is enough: the two halves of one phrase disagree."""

from __future__ import annotations

import calendar

from claimcheck import reconcile
from claimcheck.decide.rules.base import Reach, Rule, RuleContext, register
from claimcheck.frames.calendar import MEASURE
from claimcheck.models import ClaimKind, Finding


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
