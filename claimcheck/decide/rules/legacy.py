"""Rules kept from the first version: availability timing (CC201), shares (CC301), a part larger
than its whole (CC102), and arithmetic between stated figures (CC401, CC402). Each reads the claim
kinds it was written for; pairs come from the blocking in match.py."""

from __future__ import annotations

from claimcheck import arithmetic, reconcile
from claimcheck.decide.rules.base import Reach, Rule, RuleContext, register
from claimcheck.models import Claim, ClaimKind, Finding


def _as_findings(found: list[reconcile.Finding]) -> list[Finding]:
    return reconcile.bucket(found)


def _pairs(context: RuleContext, kind: ClaimKind) -> list[reconcile.Finding]:
    claims = [c for c in context.claims if c.kind == kind]
    return reconcile.pair_findings(claims, context.graph)


@register
class TemporalConflict(Rule):
    code = "CC201"
    reach = Reach.CROSS
    name = "temporal-status-conflict"
    description = "Incompatible timing or status for the same release or event"
    kind = "temporal"
    claim_kinds = (ClaimKind.TEMPORAL,)

    def findings(self, context: RuleContext) -> list[Finding]:
        # the availability reader speaks of named things (a product, a service): "the walkout" is not one
        named = [c for c in context.claims if c.kind == ClaimKind.TEMPORAL and not c.state
                 and any(ch.isupper() for ch in c.subject)]
        return _as_findings(reconcile.pair_findings(named, context.graph))


@register
class ProportionConflict(Rule):
    code = "CC301"
    reach = Reach.CROSS
    name = "proportion-conflict"
    description = "Incompatible shares: a quantifier such as 'all' vs a percentage"
    kind = "proportion"
    claim_kinds = (ClaimKind.PROPORTION,)

    def findings(self, context: RuleContext) -> list[Finding]:
        return _as_findings(_pairs(context, ClaimKind.PROPORTION))


@register
class PartExceedsWhole(Rule):
    code = "CC102"
    reach = Reach.MEASURE
    name = "part-exceeds-total"
    description = "A part (one customer's share, one generation, one town) larger than the stated whole"
    kind = "numeric"
    claim_kinds = (ClaimKind.NUMERIC,)

    def findings(self, context: RuleContext) -> list[Finding]:
        # a part: one holder's share ("X's 5,000 units"), one place ("in Y alone"), "N of the M"
        parts = [c for c in context.claims if c.kind == ClaimKind.NUMERIC and c.scope == "part"
                 and (c.owner or c.place or "alone" in c.sentence.lower())]
        if not parts:
            return []
        wholes: dict[str, list[Claim]] = {}
        for claim in context.claims:
            if claim.kind == ClaimKind.NUMERIC and claim.scope != "part" and not claim.elsewhere:
                wholes.setdefault(claim.measure, []).append(claim)
        found: list[reconcile.Finding] = []
        for part in parts:
            for whole in wholes.get(part.measure, []):
                if whole.article == part.article or not context.graph.within(part.subject, whole.subject):
                    continue
                finding = reconcile.part_exceeds(part, whole)
                if finding is not None:
                    found.append(finding)
        return _as_findings(found)


@register
class RatioInconsistent(Rule):
    code = "CC401"
    # a failed check cites what other articles give instead (arithmetic._corroborating): every claim
    reach = Reach.CORPUS
    reads_events = False
    name = "ratio-inconsistent"
    description = "A stated ratio or percent change that the two stated values it relates do not give"
    kind = "arithmetic"
    claim_kinds = (ClaimKind.RATIO, ClaimKind.NUMERIC)

    def findings(self, context: RuleContext) -> list[Finding]:
        found = arithmetic.ratio_findings(context.claims)
        found += arithmetic.change_findings(context.claims)
        found += arithmetic.sentence_ratio_findings(context.claims)
        return _as_findings(found)


@register
class AggregateInconsistent(Rule):
    code = "CC402"
    # a failed check cites what other articles give instead (arithmetic._corroborating): every claim
    reach = Reach.CORPUS
    reads_events = False
    name = "aggregate-inconsistent"
    description = "A stated total that its stated parts do not add up to"
    kind = "arithmetic"
    claim_kinds = (ClaimKind.NUMERIC,)

    def findings(self, context: RuleContext) -> list[Finding]:
        found = arithmetic.aggregate_findings(context.claims)
        found += arithmetic.parts_findings(context.claims)
        return _as_findings(found)
