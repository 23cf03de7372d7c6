"""CC203: one thing said to be running and stopped on the same day ("production resumed on Monday"
against "the plant will stay closed until at least July 1", said on Monday)."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from claimcheck.decide.rules.base import Reach, Rule, RuleContext, register
from claimcheck.enums import Severity
from claimcheck.frames.mentions import keys_meet, name_key
from claimcheck.models import Claim, ClaimKind, Finding, FindingValue


def _days(claim: Claim) -> tuple[float, float]:
    return (claim.value.low or 0.0), (claim.value.high or 0.0)


def _clash(on: Claim, off: Claim) -> bool:
    """A state's first day falls inside the other's stated days (both ends included)."""
    on_low, on_high = _days(on)
    off_low, off_high = _days(off)
    return (off_low <= on_low <= off_high) or (on_low <= off_low <= on_high and on_low == on_high == off_low)


def _same_thing(a: str, b: str) -> bool:
    """ "the Dunmere plant" and "Harlow Chemicals' Dunmere plant": the same head noun and a
    name in common, or name keys that meet."""
    if keys_meet(a, b):
        return True
    wa, wb = a.split(), b.split()
    return bool(wa and wb and wa[-1] == wb[-1] and set(wa[:-1]) & set(wb[:-1]))


def _groups(claims: list[Claim]) -> dict[str, list[Claim]]:
    keys = sorted({name_key(c.subject) for c in claims if c.subject}, key=lambda k: (-len(k), k))
    root = {k: next((r for r in keys if r != k and _same_thing(k, r) and len(r) > len(k)), k) for k in keys}
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.subject:
            groups[root[name_key(claim.subject)]].append(claim)
    return groups


@register
class StatusConflict(Rule):
    code = "CC203"
    reach = Reach.CROSS
    name = "status-conflict"
    description = "One thing said to be running in one report and stopped over the same days in another"
    kind = "temporal"
    claim_kinds = (ClaimKind.TEMPORAL,)

    def findings(self, context: RuleContext) -> list[Finding]:
        status = [c for c in context.claims if c.kind == ClaimKind.TEMPORAL and c.state]
        found: list[Finding] = []
        for subject, claims in sorted(_groups(status).items()):
            ons = [c for c in claims if c.state == "on"]
            offs = [c for c in claims if c.state == "off"]
            pairs = [(a, b) for a in ons for b in offs if a.article != b.article and (_clash(a, b) or _clash(b, a))]
            if not pairs:
                continue
            on, off = pairs[0]
            planned = "plan" in (on.modality, off.modality)
            confidence = 0.6 if planned else 0.8
            values = (FindingValue(display=on.value.display, low=on.value.low, high=on.value.high,
                                   articles=(on.path,), claim_ids=(on.id,)),
                      FindingValue(display=off.value.display, low=off.value.low, high=off.value.high,
                                   articles=(off.path,), claim_ids=(off.id,)))
            raw = "\0".join([self.code, subject, on.value.display, off.value.display])
            found.append(Finding(
                id=hashlib.sha256(raw.encode()).hexdigest()[:16],
                topic=hashlib.sha256(f"{self.code}\0{subject}".encode()).hexdigest()[:16],
                rule=self.code, rule_name=self.name, kind=self.kind,
                severity=Severity.LOW if planned else Severity.MEDIUM, subject=on.subject, measure="status",
                explanation=(f"{on.path.rsplit('/', 1)[-1]} says {on.subject} was {on.value.display}, but "
                             f"{off.path.rsplit('/', 1)[-1]} says it was {off.value.display}: it cannot be both."),
                claims=(on, off), event=on.value.text, confidence=confidence,
                features=(("opposite_states", 1.0), ("plan", float(planned))), values=values,
            ))
        return found
