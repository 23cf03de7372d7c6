"""Group numeric frames into events: one measure of one subject (and one source, where sources
measure differently) in one period. Values are compared only within an event.

Cost is linear in claims: every claim gets a key, keys are bucketed in one pass, and subject
variants are joined per measure with a union-find over the distinct names (not over claims).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from claimcheck.frames.mentions import keys_meet, name_key
from claimcheck.language.lexicon import load_lexicon
from claimcheck.models import Claim, ClaimKind, Frozen

_STORY_WINDOW = dt.timedelta(days=10)  # a stated time this far before the article's date is another event
_UNCOMPARABLE = frozenset({"number", "percent", "currency", "time", ""})


class Event(Frozen):
    key: str
    measure: str
    subject: str
    source: str  # "" unless the measure is read differently by different sources
    source_name: str = ""  # the source as an article writes it ("U.S. Geological Survey"), for reports
    period: str  # "story" for the reported event itself, else the stated period's label
    timeline: bool  # a running count: later growth is an update
    claims: tuple[Claim, ...]
    # the bucket (measure, subject, target, source, period, scope) events are listed in: events grouped
    # partition by partition are merged back into the order of one group_events over every claim
    order: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return "the reported event" if self.period == "story" else self.period


def period_of(claim: Claim, published: dict[str, dt.date]) -> str:
    if claim.other_event:
        return "another event"
    if claim.elsewhere and claim.place:
        when = claim.time.label() if claim.time is not None and claim.time_stated else ""
        return f"in {claim.place}" + (f", {when}" if when else "")
    if claim.time is None or not claim.time_stated:
        return "story"
    day = published.get(claim.article)
    if day is not None and claim.time.end < day - _STORY_WINDOW:
        return claim.time.label()
    if day is None and claim.time.start.year != claim.time.end.year:
        return claim.time.label()
    return "story"


def _subject_roots(claims: list[Claim]) -> dict[tuple[str, str], str]:
    """Per measure, join subject variants ("Hollin" / "Hollin Island", "NWS" / "National Weather Service")."""
    by_measure: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        by_measure[claim.measure].add(name_key(claim.subject))
    roots: dict[tuple[str, str], str] = {}
    for measure, keys in by_measure.items():
        ordered = sorted(keys, key=lambda k: (-len(k), k))
        for key in ordered:
            root = next((r for r in ordered if r != key and len(r) > len(key) and keys_meet(key, r)), key)
            roots[(measure, key)] = roots.get((measure, root), root)
        named = {roots[(measure, k)] for k in keys if k}
        if "" in keys and len(named) == 1 and measure not in load_lexicon("en").fixed_measures:
            # every article that names what this measure is about names the same thing: the ones
            # that name nothing speak of it too
            roots[(measure, "")] = next(iter(named))
    return roots


def source_dependent(claims: list[Claim]) -> frozenset[tuple[str, str]]:
    """(measure, subject) pairs that one article gives different values for from different sources:
    each source then speaks for itself (one agency's magnitude is not another's)."""
    seen: dict[tuple[str, str, str], set[tuple[str, float | None]]] = defaultdict(set)
    for claim in claims:
        if claim.sources and _named(claim.sources[0]):
            seen[(claim.article, claim.measure, _subject_unless_source(claim))].add(
                (name_key(claim.sources[0]), claim.value.nominal))
    found: set[tuple[str, str]] = set()
    for (_article, measure, subject), pairs in seen.items():
        if len({s for s, _ in pairs}) > 1 and len({v for _, v in pairs}) > 1:
            found.add((measure, subject))
    return frozenset(found)


def _subject_is_source(claim: Claim) -> bool:
    """The subject read is the claim's own source ("the Survey puts the magnitude at 6.1")."""
    subject = name_key(claim.subject)
    return any(keys_meet(subject, name_key(s)) for s in claim.sources)


def _subject_unless_source(claim: Claim) -> str:
    return "" if _subject_is_source(claim) else name_key(claim.subject)


def _named(source: str) -> bool:
    """ "Ostria's seismic centre", "the NWS": a source that can be told apart; "officials" cannot."""
    return any(word[:1].isupper() for word in source.split())


def _source_keys(claim: Claim) -> list[str]:
    return [name_key(s) for s in claim.sources if _named(s)]


def _runs(measure: str, members: list[Claim]) -> bool:
    """A count reported over days runs (later growth is an update) unless the measure is fixed by
    nature (a population, a distance) or the figures are not counts at all."""
    base = measure.split(" (", 1)[0]
    if base in load_lexicon("en").fixed_measures:
        return False
    return any(c.time_varying for c in members) or all(c.value.dimension == "number" for c in members)


def group_events(claims: list[Claim], published: dict[str, dt.date]) -> list[Event]:
    numeric = [c for c in claims if c.kind == ClaimKind.NUMERIC and c.measure not in _UNCOMPARABLE
               and c.polarity]
    roots = _subject_roots(numeric)
    fixed = load_lexicon("en").fixed_measures
    by_source = source_dependent(numeric)
    buckets: dict[tuple[str, str, str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in numeric:
        subject = roots[(claim.measure, name_key(claim.subject))]
        if not subject and claim.measure in fixed:
            continue  # an age, a distance, a population of nothing named says nothing comparable
        if _subject_is_source(claim):
            # "the Survey puts the magnitude at 6.1": the subject read is the source; but "Acme said it
            # would cut 2,300 jobs" is about Acme, unless the folder's unnamed figures speak of another
            subject = roots.get((claim.measure, ""), "") or ("" if claim.measure in fixed else subject)
        period = period_of(claim, published)
        if period == "another event":
            continue
        target = name_key(claim.target or "")
        scope = claim.scope if claim.scope in ("part", "per_unit") else "whole"
        sources = [""]
        if (claim.measure, subject) in by_source:
            sources = _source_keys(claim)
            if not sources:
                continue  # unattributed: cannot be set against any one source's figure
        # a share is not a count, nor a length a sum of money: the value's dimension is part of the event
        dimension = claim.value.dimension
        measure = claim.measure if dimension in ("number", "") else f"{claim.measure} ({dimension})"
        for source in sources:
            buckets[(measure, subject, target, source, period, scope)].append(claim)
    events: list[Event] = []
    for (measure, subject, target, source, period, scope_key), members in sorted(buckets.items()):
        if len({c.article for c in members}) < 2:
            continue
        key = "|".join((measure, subject, target, source, period, scope_key))
        written = sorted(s for c in members for s in c.sources if source and name_key(s) == source)
        events.append(Event(key=key, measure=measure, subject=members[0].subject if subject else "",
                            source=source, source_name=written[0] if written else source, period=period,
                            timeline=_runs(measure, members),
                            claims=tuple(sorted(members, key=lambda c: (c.path, c.start))),
                            order=(measure, subject, target, source, period, scope_key)))
    return events
