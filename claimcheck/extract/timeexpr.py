"""Time expressions ("in 2027", "late 2026 or early 2027", "Q3 2024", "September 2023")
and status cues ("shipping now", "upcoming", "scheduled for"), as spans of days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from claimcheck.language.lexicon import load_lexicon, load_quantity_lexicon
from claimcheck.language.patterns import alternation
from claimcheck.models import DateSpan

# Month names and abbreviations -> month number: data in claimcheck/language/lexicons/en.quantities.yaml.
_MONTHS = dict(load_quantity_lexicon("en").months)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Parts of a year ("early", "second half of") -> (first month, last month): the "dates" section of en.yaml.
_PART_MONTHS = load_lexicon("en").dates.year_parts
_PART = rf"(?:(?P<part>{alternation(_PART_MONTHS)})[\s\-]+)?"
_POINT = (
    rf"{_PART}(?:(?P<q>Q[1-4])\s+|(?P<h>H[12])\s+|(?P<month>{_MONTH_RE})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?)?"
    rf"(?P<year>(?:18|19|20)\d\d)(?![\w\-]|[,.]\d)"
)
_POINT_RE = re.compile(rf"(?i)(?<![\w\-]){_POINT}")
_EITHER_RE = re.compile(rf"(?i)(?<![\w\-])(?P<a>{_POINT.replace('?P<', '?P<a_')})\s+(?:or|to|-|–)\s+"
                        rf"(?P<b>{_POINT.replace('?P<', '?P<b_')})")


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    span: DateSpan
    text: str


def _month_span(year: int, first: int, last: int) -> DateSpan:
    return DateSpan(
        start=dt.date(year, first, 1), end=dt.date(year, last, calendar.monthrange(year, last)[1])
    )


def _span(groups: dict[str, str | None], prefix: str = "") -> DateSpan | None:
    def g(key: str) -> str | None:
        return groups.get(prefix + key)

    year = int(g("year") or 0)
    if not 1800 <= year <= 2100:
        return None
    month = g("month")
    if month:
        index = _MONTHS[month.lower().rstrip(".")]
        day = g("day")
        if day and 1 <= int(day) <= calendar.monthrange(year, index)[1]:
            date = dt.date(year, index, int(day))
            return DateSpan(start=date, end=date)
        return _month_span(year, index, index)
    quarter = g("q")
    if quarter:
        q = int(quarter[1])
        return _month_span(year, 3 * q - 2, 3 * q)
    half = g("h")
    if half:
        return _month_span(year, 1, 6) if half.upper() == "H1" else _month_span(year, 7, 12)
    part = g("part")
    if part:
        first, last = _PART_MONTHS[re.sub(r"[\s\-]+", " ", part.lower())]
        return _month_span(year, first, last)
    return _month_span(year, 1, 12)


def find_times(text: str, start: int = 0, end: int | None = None) -> list[TimeMention]:
    """Time expressions in text[start:end]; "late 2026 or early 2027" is one span."""
    end = len(text) if end is None else end
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for match in _EITHER_RE.finditer(text, start, end):
        groups = match.groupdict()
        first, second = _span(groups, "a_"), _span(groups, "b_")
        if first and second and first.start <= second.end:
            span = DateSpan(start=first.start, end=second.end)
            found.append(TimeMention(match.start(), match.end(), span, match.group(0)))
            taken.append((match.start(), match.end()))
    for match in _POINT_RE.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in taken):
            continue
        point = _span(match.groupdict())
        if point:
            found.append(TimeMention(match.start(), match.end(), point, match.group(0)))
    found.sort(key=lambda t: t.start)
    return found


StatusKind = Literal["available", "future", "plan", "past"]


@dataclass(frozen=True, slots=True)
class StatusCue:
    start: int
    end: int
    kind: StatusKind
    text: str
    attaches: Literal["before", "after", "either"]  # where its entity usually stands


def _slot(slot: tuple[str, ...], joiner: str) -> str:
    """A slot after the first: the joiner and one of its phrases; optional if it lists ""."""
    if slot[-1] == "":
        return f"(?:{joiner}(?:{alternation(slot[:-1])}))?"
    return f"{joiner}(?:{alternation(slot)})"


def _cue_pattern(forms: tuple[tuple[tuple[str, ...], ...], ...], hyphen: bool) -> str:
    joiner = r"[\s\-]" if hyphen else " "
    return "|".join(
        f"(?:{alternation(form[0])})" + "".join(_slot(slot, joiner) for slot in form[1:]) for form in forms
    )


# Status cues ("shipping now", "upcoming", "scheduled for"): the "status" section of en.yaml, tried in its order.
_CUES: list[tuple[str, StatusKind, Literal["before", "after", "either"]]] = [
    (_cue_pattern(cue.forms, cue.hyphen), cue.kind, cue.attaches) for cue in load_lexicon("en").status.cues
]
_CUE_RE = [
    (re.compile(rf"(?i)(?<![\w\-])(?:{pattern})(?![\w])"), kind, where) for pattern, kind, where in _CUES
]


def find_status_cues(text: str, start: int = 0, end: int | None = None) -> list[StatusCue]:
    end = len(text) if end is None else end
    cues: list[StatusCue] = []
    for regex, kind, where in _CUE_RE:
        for match in regex.finditer(text, start, end):
            if any(c.start < match.end() and match.start() < c.end for c in cues):
                continue
            # "future generations of X" speaks of X's successors, not of X
            tail = text[match.end() : match.end() + 16].lower()
            if tail.lstrip(" s").startswith("of ") or tail.startswith(("'s", "’s")):
                continue  # "the previous generation's cluster" describes a property, not a status
            cues.append(StatusCue(match.start(), match.end(), kind, match.group(0), where))
    cues.sort(key=lambda c: c.start)
    return cues


_TIMING = load_lexicon("en").timing
_RELATIVE = re.compile(
    rf"(?i)(?<![\w\-])(?P<rel>{alternation(_TIMING.last_year)}|{alternation(_TIMING.next_year)})(?![\w])"
    rf"|(?<![\w\-])(?:{alternation(_TIMING.in_month)}) (?P<month>{_MONTH_RE})\.?(?!\s*\d)(?![\w])"
)


def _shift(span: DateSpan, years: int) -> DateSpan:
    def move(day: dt.date) -> dt.date:
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # 29 February
            return day.replace(year=day.year + years, day=28)

    return DateSpan(start=move(span.start), end=move(span.end))


def find_relative_times(text: str, start: int, end: int, published: DateSpan | None) -> list[TimeMention]:
    """ "last year", "a year earlier", "in March" resolved against the article's date."""
    if published is None:
        return []
    found: list[TimeMention] = []
    year = published.end.year
    for match in _RELATIVE.finditer(text, start, end):
        rel, month = match.group("rel"), match.group("month")
        if rel:
            lowered = rel.lower()
            offset = 1 if lowered in _TIMING.next_year else -1
            span = _month_span(year + offset, 1, 12)
        else:
            index = _MONTHS[month.lower().rstrip(".")]
            # a bare month is the most recent one at the article's date
            span = _month_span(year if index <= published.end.month else year - 1, index, index)
        found.append(TimeMention(match.start(), match.end(), span, match.group(0)))
    return found
