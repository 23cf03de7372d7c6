"""Numeric rules over events: two values for one measure of one event (CC101), a running count
that falls (CC103), a part larger than its whole (CC102). One finding per event and measure."""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterator

from claimcheck.decide.rules.base import Reach, Rule, RuleContext, register
from claimcheck.decide.score import BOUND_QUALIFIERS, confidence, disjoint, pair_features
from claimcheck.enums import Severity
from claimcheck.events.grouping import Event
from claimcheck.extract import display
from claimcheck.frames.timing import periods_compatible
from claimcheck.language.lexicon import load_lexicon
from claimcheck.models import PLANNED, Claim, ClaimKind, Finding, FindingValue

_MIN_CONFIDENCE = 0.5  # below this a difference is not reported as a conflict
# a bound ("as many as 80") or an approximation ("about 325") fits several stated values: it joins
# the one value it admits, never bridges two that conflict
_SOFT = BOUND_QUALIFIERS | {"approx", "nearly"}




def _cluster(claims: list[Claim]) -> list[list[Claim]]:
    """Claims whose values are compatible, by a sweep over the sorted intervals of stated values;
    a bound ("as many as 80") joins a value it admits but never bridges two values that conflict."""
    def order(c: Claim) -> tuple[float, float, str]:
        return (c.value.low if c.value.low is not None else float("-inf"),
                c.value.high if c.value.high is not None else float("inf"), c.id)

    stated = sorted((c for c in claims if c.value.qualifier not in _SOFT), key=order)
    bounds = sorted((c for c in claims if c.value.qualifier in _SOFT), key=order)
    clusters: list[list[Claim]] = []
    for claim in stated:
        if clusters and not any(disjoint(claim, member) for member in clusters[-1]):
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    for claim in bounds:
        # "as many as 80" joins the one value it admits; one that admits two conflicting values
        # ("about 325" beside "300 to 350" and "330 to 380") cannot say which, and joins neither
        homes = [c for c in clusters if not any(disjoint(claim, m) for m in c)]
        if len(homes) == 1:
            homes[0].append(claim)
        elif not homes:
            clusters.append([claim])
    return clusters


def _value_of(cluster: list[Claim]) -> FindingValue:
    exact = [c for c in cluster if c.value.qualifier == "exact"] or cluster
    shown = exact[0]
    return FindingValue(
        display=shown.value.display or display.interval(shown.value.low, shown.value.high, shown.value.unit),
        low=shown.value.low, high=shown.value.high,
        articles=tuple(sorted({c.path for c in cluster})), claim_ids=tuple(sorted(c.id for c in cluster)),
    )


def _severity(score: float, features: dict[str, float]) -> Severity:
    """Severity combines how sure the conflict is (the score, already past the reporting bar) with
    how far apart the figures are and how firmly they are stated. A plan set against an outcome
    ("modality_mismatch") is shown one level lower, never hidden."""
    exact_confirmed = bool(features["both_exact"]) and not features["soft_modality"]
    planned = bool(features["modality_mismatch"])
    if features["log_gap"] >= 2.3 or (exact_confirmed and features["log_gap"] >= 0.7 and score >= 0.75):
        level = Severity.HIGH  # ten times apart, or twice apart with both figures exact and confirmed
    elif exact_confirmed or score >= 0.75 or features["log_gap"] >= 0.4:
        level = Severity.MEDIUM  # two confirmed exact figures for one event that differ are at least medium
    else:
        level = Severity.LOW
    # a plan set against what was reported later; two reports of one day about one plan are not that
    later = features["log_time_gap"] > 0 or features["stated_times_differ"] > 0
    if planned and later and level is not Severity.LOW:
        level = Severity.MEDIUM if level is Severity.HIGH else Severity.LOW
    return level


def finding_id(rule: str, event: str, measure: str, values: list[str]) -> str:
    raw = "\0".join([rule, event, measure, *sorted(values)])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _explain(event: Event, values: list[FindingValue], majority: FindingValue | None,
             written: dict[str, str]) -> str:
    """ "For Widget chip (the reported event): "over 5,000" (a.txt) vs "2.5 million" (b.txt),
    which cannot both hold." The figures as written, then the articles giving each."""
    what = f"{event.subject} {event.measure}".strip() if event.subject else event.measure
    parts = []
    for value in values:
        articles = ", ".join(a.rsplit("/", 1)[-1] for a in value.articles[:3])
        more = f" and {len(value.articles) - 3} more" if len(value.articles) > 3 else ""
        parts.append(f'"{written.get(value.display, value.display)}" ({articles}{more})')
    text = f"For {what} ({event.label}"
    text += f", according to {event.source_name or event.source}" if event.source else ""
    text += f"): {' vs '.join(parts)}, which cannot all hold."
    if majority is not None:
        text += f' Most articles give "{written.get(majority.display, majority.display)}".'
    return text


def _written(cluster: list[Claim]) -> str:
    exact = [c for c in cluster if c.value.qualifier == "exact"] or cluster
    return exact[0].value.text or exact[0].value.display


def _same_effect(a: Claim, b: Claim) -> bool:
    """Things counted by what happened to them: "five villages damaged" and "seven villages
    destroyed" are two counts, not one."""
    lexicon = load_lexicon("en")
    effects = [lexicon.measure_class(c.predicate) for c in (a, b)]
    if any(e not in lexicon.effect_classes for e in effects):
        return True
    return effects[0] == effects[1]


def _same_period(a: Claim, b: Claim) -> bool:
    return periods_compatible(a.period, b.period)


def _given_together(by_article: dict[str, list[Claim]], a: Claim, b: Claim) -> bool:
    """One article of the event gives both values: they describe different things."""
    for article in {a.article, b.article}:
        mine = by_article.get(article, [])
        if any(not disjoint(c, a) for c in mine) and any(not disjoint(c, b) for c in mine):
            return True
    return False


def _apart(first: list[Claim], second: list[Claim]) -> bool:
    """No article gives both values: one that does shows they describe different things
    (a subgroup and the whole, two people), so the difference is no conflict."""
    # a bound ("at least 6") fits many values: it proves nothing; nor does a figure for another
    # period ("$1.36 in the second quarter" beside a fourth-quarter forecast)
    stated_first = [c for c in first if c.value.qualifier not in BOUND_QUALIFIERS]
    stated_second = [c for c in second if c.value.qualifier not in BOUND_QUALIFIERS]
    return not any(a.article == b.article and _same_period(a, b) for a in stated_first for b in stated_second)


_TIME_FEATURES = ("log_time_gap", "stated_times_differ", "same_day")


_REPRESENTATIVES = 4  # claims per value compared: cost stays bounded when thousands repeat one value


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per sentence said on one day: copied articles add readers, not readings."""
    chosen: dict[tuple[str, str, object], Claim] = {}
    for claim in sorted(claims, key=lambda c: (c.path, c.start)):
        chosen.setdefault((claim.sentence, claim.quote, claim.time), claim)
    return list(chosen.values())


def _representatives(cluster: list[Claim]) -> list[Claim]:
    """A few claims of a value, each saying it in other words: copies of one sentence in copied
    articles stand for one another, so ten copies of a folder are scored as one."""
    chosen: dict[tuple[str, str], Claim] = {}
    for claim in sorted(cluster, key=lambda c: (c.sentence, c.quote, c.path, c.start)):
        chosen.setdefault((claim.sentence, claim.quote), claim)
        if len(chosen) == _REPRESENTATIVES:
            break
    return list(chosen.values())


def pair_candidates(clusters: list[list[Claim]], *, same_value: bool = False
                    ) -> Iterator[tuple[int, int, Claim, Claim]]:
    """Cross-article pairs between value clusters that no article gives together and whose periods
    can be the same (index of each cluster, and the two claims)."""
    for i, first in enumerate(clusters):
        for j in range(i + 1, len(clusters)):
            second = clusters[j]
            if not _apart(first, second):
                continue
            for a in _representatives(first):
                for b in _representatives(second):
                    if a.article != b.article and (same_value or _same_period(a, b)) and _same_effect(a, b):
                        yield i, j, a, b


def scored_features(a: Claim, b: Claim, *, across_time: bool = False, same_value: bool = False
                    ) -> dict[str, float]:
    features = pair_features(a, b)
    if across_time:
        features.update(dict.fromkeys(_TIME_FEATURES, 0.0))
    if same_value:  # the values agree by design: the gap is not the evidence here
        features.update(log_gap=0.7, gap_over_precision=3.0)
    return features


def event_finding(rule: type[Rule], event: Event, clusters: list[list[Claim]], *,
                  across_time: bool = False, same_value: bool = False) -> Finding | None:
    """One finding from the clusters of an event: the values in pairs that score as a conflict,
    with the confidence and features of the strongest pair.
    ``across_time``: the rule compares readings of different times on purpose (a running count
    that falls), so time distance is its premise, not evidence against it."""
    best: tuple[float, dict[str, float]] | None = None
    involved: set[int] = set()
    for i, j, a, b in pair_candidates(clusters, same_value=same_value):
        features = scored_features(a, b, across_time=across_time, same_value=same_value)
        score = confidence(features)
        if score >= _MIN_CONFIDENCE:
            involved.update((i, j))
        if best is None or score > best[0]:
            best = (score, features)
    if best is None or best[0] < _MIN_CONFIDENCE:
        return None
    score, features = best
    kept = [c for index, c in enumerate(clusters) if index in involved]
    values = [_value_of(c) for c in kept]
    values.sort(key=lambda v: (-len(v.articles), v.low if v.low is not None else 0.0))
    majority = values[0] if len(values[0].articles) > len(values[1].articles) else None
    claims = [c for cluster in kept for c in cluster]
    return Finding(
        id=finding_id(rule.code, event.key, event.measure, [v.display for v in values]),
        topic=finding_id(rule.code, event.key, event.measure, []),
        rule=rule.code, rule_name=rule.name, kind=rule.kind, severity=_severity(score, features),
        subject=event.subject, measure=event.measure, explanation=_explain(event, values, majority, {
            _value_of(c).display: _written(c) for c in kept}),
        claims=tuple(sorted(claims, key=lambda c: (c.path, c.start)))[:12], event=event.label,
        confidence=round(score, 3), features=tuple((k, round(v, 3)) for k, v in sorted(features.items())),
        values=tuple(values), majority=majority.display if majority else None,
        outliers=tuple(v.display for v in values[1:]) if majority else (),
    )


def same_time_clusters(event: Event) -> Iterator[list[list[Claim]]]:
    """Value clusters per reading time: a running count compares only readings of one day, a fixed
    figure all of them."""
    by_time: dict[object, list[Claim]] = defaultdict(list)
    timeless: list[Claim] = []
    for claim in event.claims:
        if event.timeline and (claim.time is None or claim.time_guessed):
            # an undated text (a summary, a note) can speak of any day, and so can one whose date was
            # only guessed from the years it mentions
            timeless.append(claim)
            continue
        by_time[claim.time.start if event.timeline and claim.time is not None else None].append(claim)
    if not by_time:
        by_time[None] = []
    running = event.timeline and event.measure.split(" (", 1)[0] in load_lexicon("en").running_counts
    first_day = min((k for k in by_time if k is not None), default=None)  # type: ignore[type-var]
    for when, dated in sorted(by_time.items(), key=lambda kv: str(kv[0])):
        if running and when is not None and when == first_day and len(by_time) > 1:
            continue  # on the day it happens a toll moves by the hour: a lower figure that day is earlier
        members = [*dated, *timeless]
        clusters = _cluster(members)
        if len(clusters) > 1 and len({c.article for c in members}) > 1:
            yield clusters


@register
class NumericConflict(Rule):
    code = "CC101"
    reach = Reach.MEASURE
    name = "numeric-interval-conflict"
    description = "Two figures for one measure of one event, at one time, whose ranges do not overlap"
    kind = "numeric"
    claim_kinds = (ClaimKind.NUMERIC,)

    def findings(self, context: RuleContext) -> list[Finding]:
        found: list[Finding] = []
        for event in context.events:
            for clusters in same_time_clusters(event):
                finding = event_finding(NumericConflict, event, clusters)
                if finding is not None:
                    found.append(finding)
        return found


@register
class RunningCountFalls(Rule):
    code = "CC103"
    reach = Reach.MEASURE
    name = "running-count-falls"
    description = "A running count (deaths, cases, units deployed) lower in a later report than in an earlier one"
    kind = "numeric"
    claim_kinds = (ClaimKind.NUMERIC,)

    def findings(self, context: RuleContext) -> list[Finding]:
        found: list[Finding] = []
        running = load_lexicon("en").running_counts
        for event in context.events:
            if not event.timeline or event.measure.split(" (", 1)[0] not in running:
                continue  # only a running total cannot fall; a count of a state ("still in hospital") can
            # a reading's time must be known: said in the text or the article's real date, not a guess
            dated = _distinct([c for c in event.claims if c.time is not None and not c.time_guessed
                               and c.modality not in PLANNED])
            dated.sort(key=lambda c: (c.time.start if c.time else None, c.id))
            by_article: dict[str, list[Claim]] = defaultdict(list)
            for member in event.claims:
                by_article[member.article].append(member)
            finding = self._first_fall(event, dated, by_article)
            if finding is not None:
                found.append(finding)
        return found

    @staticmethod
    def _first_fall(event: Event, dated: list[Claim], by_article: dict[str, list[Claim]]) -> Finding | None:
        """Each reading against the highest of the readings that ended before it began: a later
        figure of the same day (four, then two, both "on Tuesday") is set against Monday's peak."""
        # readings are taken by start time; those passed wait in a heap by end time and join the
        # peak once they ended before the reading at hand began, so each is handled once
        waiting: list[tuple[dt.date, int]] = []
        peak: Claim | None = None
        for index, claim in enumerate(dated):
            assert claim.time is not None
            while waiting and waiting[0][0] < claim.time.start:
                ended = dated[heapq.heappop(waiting)[1]]
                if peak is None or (ended.value.low or 0.0, ended.id) > (peak.value.low or 0.0, peak.id):
                    peak = ended
            if peak is not None and peak.time is not None and (
                claim.value.high is not None and peak.value.low is not None
                and claim.value.high * 1.005 < peak.value.low and peak.article != claim.article
                and not _given_together(by_article, peak, claim)
            ):
                finding = event_finding(RunningCountFalls, event, [[peak], [claim]], across_time=True)
                if finding is None:
                    return None
                return finding.model_copy(update={
                    "explanation": f"{finding.explanation} A running count cannot fall: the later report "
                                   f"({claim.time.label()}) is lower than the earlier one ({peak.time.label()}).",
                })
            heapq.heappush(waiting, (claim.time.end, index))
        return None


@register
class PeriodConflict(Rule):
    code = "CC202"
    reach = Reach.MEASURE
    name = "figure-period-conflict"
    description = "The same figure for one measure given for two different reporting periods (Q1 vs Q2, 2023 vs 2024)"
    kind = "temporal"
    claim_kinds = (ClaimKind.NUMERIC,)

    def findings(self, context: RuleContext) -> list[Finding]:
        found: list[Finding] = []
        for event in context.events:
            if event.timeline:
                continue  # a running count may stand still across periods
            periods: dict[str, set[str]] = defaultdict(set)  # article -> the periods it gives this measure for
            first: dict[tuple[str, str, float | None], Claim] = {}  # one claim per period and figure
            for claim in event.claims:
                if claim.period:
                    periods[claim.article].add(claim.period)
                    first.setdefault((claim.period, claim.value.text, claim.value.nominal), claim)
            finding = self._first_conflict(event, list(first.values()), periods)
            if finding is not None:
                found.append(finding)
        return found

    @staticmethod
    def _first_conflict(event: Event, dated: list[Claim], periods: dict[str, set[str]]) -> Finding | None:
        # cost grows with the distinct (period, figure) pairs of one measure, not with the articles
        for a in dated:
            for b in dated:
                if a.article >= b.article or periods_compatible(a.period, b.period) or disjoint(a, b, 0.0):
                    continue
                if any(periods_compatible(p, b.period) for p in periods[a.article]) or any(
                        periods_compatible(p, a.period) for p in periods[b.article]):
                    continue  # each article speaks of both periods: two figures, not one misdated
                finding = event_finding(PeriodConflict, event, [[a], [b]], across_time=True, same_value=True)
                if finding is not None:
                    return finding.model_copy(update={"explanation": (
                        f"{a.path.rsplit('/', 1)[-1]} gives {a.value.display} for {_period(a.period)}, "
                        f"{b.path.rsplit('/', 1)[-1]} gives the same figure for {_period(b.period)}: "
                        "one of them dates it wrongly.")})
        return None


def _period(label: str) -> str:
    year, part = label.split("/", 1)
    return " ".join(p for p in (part or "the year", "" if year == "*" else year) if p)
