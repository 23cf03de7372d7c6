"""Arithmetic checks: a stated ratio against the two values it relates, an aggregate against its parts.

Only figures the articles state are used, and when several candidate values
exist the best-fitting pair is taken, so a check fires only when no reading
of the stated numbers makes the arithmetic work.
"""

from __future__ import annotations

import re
from collections import defaultdict

from claimcheck import explain
from claimcheck.frames.mentions import name_key
from claimcheck.frames.timing import periods_compatible
from claimcheck.language.lexicon import load_lexicon
from claimcheck.match import measures_match
from claimcheck.models import PLANNED, Claim, ClaimKind
from claimcheck.models import SeverityName as Severity
from claimcheck.reconcile import Finding, downgrade

_SLACK = 0.05  # ratios in news are rounded ("about 4x"); 5% beyond the stated precision is allowed
_SPEC_DIMENSIONS = {"compute", "data", "bandwidth", "bit-rate", "power", "energy", "frequency", "currency"}


def miss_severity(miss: float, medium_from: float = 0.1) -> Severity:
    """How wrong stated arithmetic is, relative to what the stated figures give: half off is high.

    Totals of listed parts are counts, exact by nature, so a smaller miss already matters there.
    """
    return "high" if miss >= 0.5 else ("medium" if miss >= medium_from else "low")


def _index(claims: list[Claim]) -> dict[tuple[str, str], list[Claim]]:
    table: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if (
            claim.kind == ClaimKind.NUMERIC and claim.value.dimension in _SPEC_DIMENSIONS and claim.polarity
            and claim.scope != "aggregate" and claim.value.low is not None and claim.value.high is not None
        ):
            table[(claim.subject, claim.value.dimension)].append(claim)
    return table


def _ratio_interval(a: Claim, b: Claim) -> tuple[float, float] | None:
    a_low, a_high, b_low, b_high = a.value.low, a.value.high, b.value.low, b.value.high
    if None in (a_low, a_high, b_low, b_high) or not b_low or b_low <= 0:
        return None
    assert a_low is not None and a_high is not None and b_high is not None
    return a_low / b_high, a_high / b_low


def _miss(stated: tuple[float, float], computed: tuple[float, float]) -> float:
    """Relative distance between the stated ratio (with slack) and the computed one; 0 when they agree."""
    low, high = stated[0] * (1 - _SLACK), stated[1] * (1 + _SLACK)
    if computed[1] < low:
        return (low - computed[1]) / computed[1]
    if computed[0] > high:
        return (computed[0] - high) / high
    return 0.0


def ratio_findings(claims: list[Claim]) -> list[Finding]:
    table = _index(claims)
    findings: list[Finding] = []
    for claim in claims:
        if claim.kind != ClaimKind.RATIO or not claim.base or not claim.subject or claim.value.low is None:
            continue
        stated = (claim.value.low, claim.value.high if claim.value.high is not None else claim.value.low)
        best: tuple[float, Claim, Claim, tuple[float, float]] | None = None
        for dimension in sorted(_SPEC_DIMENSIONS):
            tops = [c for c in table.get((claim.subject, dimension), [])
                    if _same_sentence_or_tagged(c, claim)]
            bottoms = [c for c in table.get((claim.base, dimension), []) if _compatible(c, tops)]
            for top in tops:
                for bottom in bottoms:
                    if not (measures_match(top, bottom) or _nested(top.measure, bottom.measure)):
                        continue
                    computed = _ratio_interval(top, bottom)
                    if computed is None:
                        continue
                    if claim.measure.startswith("down"):
                        computed = (1 / computed[1], 1 / computed[0])
                    miss = _miss(stated, computed)
                    rank = (miss, top.article != claim.article, bottom.article != claim.article)
                    if best is None or rank < (best[0], best[1].article != claim.article,
                                               best[2].article != claim.article):
                        best = (miss, top, bottom, computed)
        if best is not None and best[0] > 0:
            _, top, bottom, computed = best
            nominal = claim.value.nominal or stated[0]
            middle = (computed[0] + computed[1]) / 2
            miss = abs(nominal - middle) / middle  # how far the stated ratio is from what the figures give
            severity = miss_severity(miss)
            severity = downgrade(severity, 1 if claim.modality != "confirmed" else 0)
            findings.append(Finding("CC401", severity, [claim, top, bottom], claim.subject, top.measure,
                                    explain.ratio(claim, top, bottom, computed), miss))
    return findings


def _nested(a: str, b: str) -> bool:
    """ "memory bandwidth" and "bandwidth": one measure names the other more precisely."""
    words_a, words_b = set(a.split()), set(b.split())
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def _same_sentence_or_tagged(candidate: Claim, ratio: Claim) -> bool:
    """The numerator is the value the ratio sentence states, or one with the same measure tag."""
    if candidate.article == ratio.article and candidate.sentence == ratio.sentence:
        return True
    return bool(ratio.measure_terms) and any(t in candidate.measure.lower() for t in ratio.measure_terms)


def _compatible(candidate: Claim, tops: list[Claim]) -> bool:
    return any(candidate.value.dimension == top.value.dimension for top in tops)


def aggregate_findings(claims: list[Claim]) -> list[Finding]:
    """ "N units with an aggregate Q": Q must be N times the per-unit figure stated for that unit."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[(claim.article, claim.line)].append(claim)
    table = _index(claims)
    findings: list[Finding] = []
    for group in by_sentence.values():
        counts = [c for c in group if c.value.dimension == "number" and c.value.qualifier == "exact"]
        totals = [c for c in group if c.scope == "aggregate" and c.value.dimension in _SPEC_DIMENSIONS]
        for count in counts:
            for total in totals:
                units = [u for u in table.get((count.subject, total.value.dimension), [])
                         if u.scope == "per_unit" and measures_match(u, total)]
                results = []
                for unit in units:
                    c_low, c_high = count.value.low, count.value.high
                    u_low, u_high = unit.value.low, unit.value.high
                    if c_low is None or c_high is None or u_low is None or u_high is None:
                        continue
                    computed = (c_low * u_low, c_high * u_high)
                    stated = (total.value.low or 0.0, total.value.high or float("inf"))
                    results.append((_miss(stated, computed), unit, computed))
                if results and min(r[0] for r in results) > 0:
                    miss, unit, computed = min(results, key=lambda r: r[0])
                    severity = miss_severity(miss)
                    explanation = explain.aggregate(total, count, unit, computed)
                    findings.append(Finding("CC402", severity, [total, count, unit], total.subject,
                                            total.measure, explanation, miss))
    return findings


def _position(claim: Claim) -> int:
    found = claim.sentence.find(claim.value.text) if claim.value.text else -1
    return found if found >= 0 else claim.sentence.find(claim.quote)


def _nearest(candidates: list[Claim], where: int) -> list[Claim]:
    """The candidate nearest a change, preferring those after it ("rose 12% to X from Y")."""
    after = [c for c in candidates if _position(c) > where]
    return sorted(after or candidates, key=lambda c: abs(_position(c) - where))[:1]


def _by_sentence(claims: list[Claim]) -> dict[tuple[str, str], list[Claim]]:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.article, claim.sentence)].append(claim)
    return groups


def parts_findings(claims: list[Claim]) -> list[Finding]:
    """A stated total against the parts the same sentence lists for it."""
    findings: list[Finding] = []
    for group in _by_sentence(claims).values():
        # the total a part names: by claim id (a breakdown read from the parse) or by its written figure
        parts_of: dict[tuple[bool, str], list[Claim]] = defaultdict(list)
        for claim in group:
            if claim.part_of:
                parts_of[(True, claim.part_of)].append(claim)
            elif claim.base and claim.base.startswith("parts:"):
                parts_of[(False, claim.base[6:])].append(claim)
        for (by_id, named), parts in sorted(parts_of.items()):
            totals = [c for c in group if c.id == named] if by_id else [
                c for c in group if c.value.text == named and not (c.base or "").startswith("parts:")]
            if not totals or any(p.value.low is None or p.value.high is None for p in parts):
                continue
            total = totals[0]
            computed = (sum(p.value.low or 0.0 for p in parts), sum(p.value.high or 0.0 for p in parts))
            stated = (total.value.low or 0.0,
                      total.value.high if total.value.high is not None else float("inf"))
            if computed[1] < stated[0] or computed[0] > stated[1]:
                middle = (computed[0] + computed[1]) / 2
                miss = abs((total.value.nominal or stated[0]) - middle) / max(middle, 1e-12)
                severity = miss_severity(miss, medium_from=0.02)
                # a part another article gives as the total leaves it ("14 routes, nine from A": five from B)
                others = [c for part in parts for c in _corroborating(
                    claims, [total], part, (stated[0] - (computed[1] - (part.value.high or 0.0)),
                                            stated[1] - (computed[0] - (part.value.low or 0.0))),
                    total.measure, done_only=False)][:_CORROBORATING]  # a planned cut's parts are told as plans too
                findings.append(Finding("CC402", severity, [total, *parts], total.subject, total.measure,
                                        _citing(explain.parts(total, parts, computed), others), miss, extra=others))
    return findings


_CORROBORATING = 2  # other articles' figures cited beside a failed check: enough to show, not to list


def _corroborating(claims: list[Claim], checked: list[Claim], like: Claim, interval: tuple[float, float],
                   measure: str, *, done_only: bool = True) -> list[Claim]:
    """Figures of other articles that state what the failed arithmetic gives instead ("17.8 percent"
    where one article's "22 percent" does not fit its own values): evidence for the reader of which
    figure is wrong, and the other side of the contradiction."""
    articles = {c.article for c in checked}
    low, high = interval
    slack = max(abs(high) * 0.01, 0.05)
    found = [c for c in claims
             if c.article not in articles and c.kind == ClaimKind.NUMERIC and c.polarity
             and c.value.dimension == like.value.dimension and c.value.unit == like.value.unit
             and _same_subject(c, like) and (c.measure in (measure, like.measure) or _named_alike(c, like))
             # the same kind of figure: a change the same way, of the same period, stated as done
             and c.change == like.change and periods_compatible(c.period, like.period) and not c.other_event
             and (not done_only or _planned(c) == _planned(like))
             and c.value.low is not None and c.value.high is not None
             and c.value.low <= high + slack and c.value.high >= low - slack
             and not (like.value.low is not None and like.value.high is not None
                      and c.value.low <= like.value.high and c.value.high >= like.value.low)]
    distinct = {(c.article, c.value.text): c for c in sorted(found, key=lambda c: (c.path, -c.start))}
    return sorted(distinct.values(), key=lambda c: (c.path, c.start))[:_CORROBORATING]


_NAME = re.compile(r"\b[A-Z][\w'’.-]{2,}")


def _names_after(claim: Claim) -> frozenset[str]:
    """Capitalised words just after a figure: where or whose it is ("19 to Orwin Falls General")."""
    at = claim.sentence.find(claim.value.text)
    tail = claim.sentence[at + len(claim.value.text) : at + len(claim.value.text) + 48] if at >= 0 else ""
    return frozenset(_NAME.findall(tail))


def _planned(claim: Claim) -> bool:
    return claim.modality in PLANNED


def _same_subject(a: Claim, b: Claim) -> bool:
    return not a.subject or not b.subject or name_key(a.subject) == name_key(b.subject)


def _named_alike(a: Claim, b: Claim) -> bool:
    """Two figures read as different verbs ("went to", "treated at") that name the same place or
    holder right after them: the same part, said in other words. Never two known measures that
    differ, nor two counted nouns ("110 people at Millhaven" is not "about 140 homes in Millhaven")."""
    classes = load_lexicon("en").measure_classes
    if (a.measure in classes or b.measure in classes) or (a.counted and b.counted and a.counted != b.counted):
        return False
    return bool(_names_after(a) & _names_after(b))


def _citing(text: str, others: list[Claim]) -> str:
    if not others:
        return text
    named = " and ".join(f'{explain.label(c)} ("{c.value.text}")' for c in others)
    return f"{text} {named} {'gives' if len(others) == 1 else 'give'} the figure that fits."


def change_findings(claims: list[Claim]) -> list[Finding]:
    """ "X of $4.82 billion was up 12% from $4.1 billion": the two stated values give 17.6%, not 12%."""
    findings: list[Finding] = []
    for group in _by_sentence(claims).values():
        changes = [c for c in group if c.kind == ClaimKind.NUMERIC and c.value.dimension == "percent"
                   and (c.change or c.measure.split(" ", 1)[0] in ("up", "down"))]
        values = [c for c in group
                  if c.kind == ClaimKind.NUMERIC and c.value.dimension not in ("percent", "ratio")
                  and c.value.low and c.value.high]
        for change in changes:
            where = _position(change)
            def preceded_by(claim: Claim, word: str) -> bool:
                lead = claim.sentence[max(0, _position(claim) - 8) : _position(claim)]
                return lead.strip().lower().endswith(word)

            # "X was up 12% from Y", "rose 12% to X, from Y", "from Y to X, a rise of 12%": the old
            # value follows "from", the new one follows "to" or stands before the change; each
            # change takes the nearest of each, so two changes in one sentence keep their own values
            others = [_position(c) for c in changes if c is not change]
            mine = [c for c in values  # values of this change's clause: no other change stands between
                    if not any(min(where, _position(c)) < p < max(where, _position(c)) for p in others)]
            olds = _nearest([c for c in mine if preceded_by(c, "from")], where)
            news = _nearest([c for c in mine if c not in olds and preceded_by(c, "to")], where) or sorted(
                (c for c in mine if c not in olds and _position(c) < where), key=lambda c: where - _position(c))[:1]
            for old in olds:
                for new in news:
                    if (new.value.unit, new.value.dimension) != (old.value.unit, old.value.dimension):
                        continue
                    ratio = _ratio_interval(new, old)
                    if ratio is None or change.value.low is None or change.value.high is None:
                        continue
                    down = change.change == "down" or (not change.change and change.measure.startswith("down"))
                    pct = ((1 - ratio[1]) * 100, (1 - ratio[0]) * 100) if down else ((ratio[0] - 1) * 100,
                                                                                     (ratio[1] - 1) * 100)
                    slack = max(0.5, 0.05 * abs(change.value.high))
                    if pct[1] < change.value.low - slack or pct[0] > change.value.high + slack:
                        middle = (pct[0] + pct[1]) / 2
                        miss = abs((change.value.nominal or 0.0) - middle) / max(abs(middle), 1e-9)
                        severity = miss_severity(miss)
                        fits = _corroborating(claims, [change], change, pct, change.measure)
                        findings.append(Finding("CC401", severity, [change, new, old], change.subject,
                                                new.measure, _citing(explain.change(change, new, old, pct), fits),
                                                miss, extra=fits))
    return findings


def sentence_ratio_findings(claims: list[Claim]) -> list[Finding]:
    """ "380 mm of rain, three times its average of 95 mm": the values the sentence states give 4x."""
    findings: list[Finding] = []
    for group in _by_sentence(claims).values():
        ratios = (c for c in group
                  if c.kind == ClaimKind.RATIO and c.base is None and c.value.low is not None)
        for ratio in ratios:
            where = _position(ratio)
            values = [c for c in group
                      if c.kind == ClaimKind.NUMERIC and c.value.dimension not in ("percent", "ratio")
                      and c.value.low and c.value.high]
            before = [c for c in values if _position(c) < where]
            after = [c for c in values if _position(c) > where]
            if not before or not after:
                continue
            top, bottom = before[-1], after[0]
            if (top.value.unit, top.value.dimension) != (bottom.value.unit, bottom.value.dimension):
                continue
            computed = _ratio_interval(top, bottom)
            if computed is None:
                continue
            low = ratio.value.low
            assert low is not None  # the generator above only yields ratios with a stated low
            stated = (low, ratio.value.high if ratio.value.high is not None else low)
            if _miss(stated, computed) > 0:
                middle = (computed[0] + computed[1]) / 2
                miss = abs((ratio.value.nominal or stated[0]) - middle) / middle
                severity = miss_severity(miss)
                findings.append(Finding("CC401", severity, [ratio, top, bottom], ratio.subject, top.measure,
                                        explain.sentence_ratio(ratio, top, bottom, computed), miss))
    return findings
