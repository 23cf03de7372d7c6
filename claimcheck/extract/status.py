"""Temporal claims: when a named thing becomes available, relative to the article's date or to a stated
time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.clause import SentenceContext, is_comparison_base
from claimcheck.extract.entities import Mention, looks_like_product
from claimcheck.extract.timeexpr import (
    StatusCue,
    TimeMention,
    find_relative_times,
    find_status_cues,
    find_times,
)
from claimcheck.language.lexicon import load_lexicon
from claimcheck.language.patterns import alternation
from claimcheck.models import DateSpan, Modality

_STATUS = load_lexicon("en").status
# "X, which is scheduled for release in 2027": what may join a named thing to the time of its status.
_JOIN_TO_TIME = re.compile(
    rf"(?i)^\s*(?:[-–—,(]\s*)?(?:(?:{alternation(_STATUS.join_relatives)})\s+)?"
    rf"(?:(?:{alternation(_STATUS.join_copulas)})\s+)?(?:(?:{alternation(_STATUS.join_planned)})\s+"
    rf"(?:{alternation(_STATUS.join_planned_preps)}|(?:{alternation(_STATUS.join_planned_to)})\s+\w+)"
    rf"(?:\s+(?:{alternation(_STATUS.join_events)}))?(?:\s+(?:{alternation(_STATUS.join_by)}))?|"
    rf"(?:{alternation(_STATUS.join_arrivals)})\s+(?:{alternation(_STATUS.join_arrival_preps)})|"
    rf"{alternation(_STATUS.join_bare)})\s+$"
)


@dataclass(frozen=True)
class StatusDraft:
    subject: str
    subject_text: str
    low: DateSpan | None  # availability no earlier than low.start
    high: DateSpan | None  # availability no later than high.end
    cue: str
    modality: Modality
    quote_start: int
    quote_end: int
    explicit_time: bool


def _pick(ctx: SentenceContext, cue: StatusCue) -> tuple[Mention | None, str | None]:
    after = [m for m in ctx.mentions
             if 0 <= m.start - cue.end <= 3 and not ctx.text[cue.end : m.start].strip()]
    if after and cue.attaches == "after":
        return after[0], None
    candidates = [m for m in ctx.mentions if m.end <= cue.start and not is_comparison_base(ctx, m)]
    ranked = [m for m in candidates if looks_like_product(m.name) and not m.possessive] or [
        m for m in candidates if not m.possessive
    ]
    if ranked:
        return ranked[-1], None
    return None, ctx.topic


def _timed(ctx: SentenceContext, times: list[TimeMention]) -> list[tuple[Mention, TimeMention]]:
    pairs = []
    for time in times:
        for mention in reversed(ctx.mentions):
            if mention.end <= time.start and time.start - mention.end <= 40:
                if _JOIN_TO_TIME.match(ctx.text[mention.end : time.start]):
                    pairs.append((mention, time))
                break
    return pairs


def status_drafts(ctx: SentenceContext, published: DateSpan | None) -> list[StatusDraft]:
    cues = find_status_cues(ctx.text, ctx.start, ctx.end)
    if not cues:
        return []
    drafts: list[StatusDraft] = []
    times = find_times(ctx.text, ctx.start, ctx.end)
    done: set[str] = set()
    if any(c.kind in ("plan", "future") for c in cues):
        for named, time in _timed(ctx, times):
            if looks_like_product(named.name) or named.name not in done:
                drafts.append(StatusDraft(named.name, named.surface, time.span, time.span, time.text, "plan",
                                          named.start, time.end, True))
                done.add(named.name)
    if published is None:
        return drafts
    for cue in cues:
        if cue.kind == "plan":
            continue
        mention, topic = _pick(ctx, cue)
        subject = mention.name if mention else topic
        if not subject or subject in done:
            continue
        done.add(subject)
        # "opened in March", "opened to traffic last year": the cue's own time, when it states one
        stated = [t for t in [*times, *find_relative_times(ctx.text, cue.end, ctx.end, published)]
                  if 0 <= t.start - cue.end <= 25]
        if stated and cue.kind == "available":
            low, high = stated[0].span, stated[0].span
        elif cue.kind == "future":
            low, high = published, None
        else:
            low, high = None, published
        spans = [cue.start, cue.end] + ([mention.start, mention.end] if mention else [])
        if stated and cue.kind == "available":
            spans.append(stated[0].end)
        drafts.append(StatusDraft(subject, mention.surface if mention else "", low, high, cue.text,
                                  "confirmed", min(spans), max(spans), bool(stated)))
    return drafts
