"""The time a figure speaks of: a stated date, a weekday or relative day resolved against the
article's date, a period carried from the paragraph's earlier sentence, or the article's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimcheck.extract.timeexpr import find_relative_times, find_times
from claimcheck.models import DateSpan

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE_DAY = re.compile(
    r"(?i)\b(?:(?:on|last|this|early|late)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|\b(?P<rel>yesterday|today|tonight|a day (?:earlier|before|later))\b"
)
_NOT_CLAIM_TIME = re.compile(r"(?i)(?:since|from|as of|compared with|up from|down from|than in)\s+$")


@dataclass(frozen=True)
class ClaimTime:
    span: DateSpan | None
    stated: bool  # said in the text, not taken from the article's date
    text: str


def _day(d: dt.date) -> DateSpan:
    return DateSpan(start=d, end=d)


def relative_days(text: str, published: DateSpan | None) -> list[tuple[int, int, DateSpan, str]]:
    if published is None or published.start != published.end:
        return []
    day = published.end
    found: list[tuple[int, int, DateSpan, str]] = []
    for match in _RELATIVE_DAY.finditer(text):
        if match.group("weekday"):
            back = (day.weekday() - _WEEKDAYS.index(match.group("weekday").lower())) % 7
            found.append((match.start(), match.end(), _day(day - dt.timedelta(days=back)), match.group(0)))
        else:
            rel = match.group("rel").lower()
            shift = {"yesterday": -1, "today": 0, "tonight": 0}.get(rel, -1 if "later" not in rel else 1)
            found.append((match.start(), match.end(), _day(day + dt.timedelta(days=shift)), match.group(0)))
    return found


def stated_times(sentence: str, published: DateSpan | None) -> list[tuple[int, int, DateSpan, str]]:
    """Every time said in a sentence, with offsets into it; starts of periods ("since 2023") dropped."""
    found = [(t.start, t.end, t.span, t.text) for t in find_times(sentence)]
    found += [(t.start, t.end, t.span, t.text) for t in find_relative_times(sentence, 0, len(sentence), published)]
    found += relative_days(sentence, published)
    return sorted(t for t in found if not _NOT_CLAIM_TIME.search(sentence[max(0, t[0] - 16) : t[0]]))


def claim_time(sentence: str, figure_start: int, figure_end: int, published: DateSpan | None,
               carried: ClaimTime | None) -> ClaimTime:
    """The nearest stated time outside the figure itself; else the paragraph's; else the article's."""
    times = [t for t in stated_times(sentence, published) if not (figure_start <= t[0] < figure_end)]
    if times:
        nearest = min(times, key=lambda t: min(abs(t[0] - figure_end), abs(figure_start - t[1])))
        return ClaimTime(span=nearest[2], stated=True, text=nearest[3])
    if carried is not None:
        return carried
    return ClaimTime(span=published, stated=False, text="")


def background_time(sentence: str, published: DateSpan | None) -> ClaimTime | None:
    """A sentence that sets a past period ("in February, a quake hit X") carries it to the next
    sentences of its paragraph, so their figures belong to that period, not to the story's day."""
    if published is None:
        return None
    for start, _end, span, text in stated_times(sentence, published):
        if span.end < published.start - dt.timedelta(days=7) and start >= 0:
            return ClaimTime(span=span, stated=True, text=text)
    return None
