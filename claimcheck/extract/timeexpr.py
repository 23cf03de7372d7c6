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


_CUES: list[tuple[str, StatusKind, Literal["before", "after", "either"]]] = [
    (r"(?:is|are|now|currently|already) (?:shipping|available|in production|on sale|in service)",
     "available", "either"),
    (r"shipping now|now shipping|shipping today|available now|now available|generally available",
     "available", "either"),
    (r"current[\s\-]generation|latest[\s\-]generation", "available", "either"),
    (r"upcoming|forthcoming", "future", "after"),
    (r"(?:has|have|had|was|were) (?:launched|released|debuted)", "available", "before"),
    (r"(?:which|that|has|have|had|was|were|officially|finally|recently) opened|"
     r"opened (?:to (?:the public|traffic|visitors|customers|passengers)|its doors)|"
     r"(?:which|that) (?:launched|debuted) in", "available", "before"),
    (r"previous[\s\-]generation|prior[\s\-]generation|last[\s\-]generation|predecessor", "past", "either"),
    (r"on the horizon|yet to (?:launch|ship|be released|open)|"
     r"not yet (?:available|released|shipping|launched)", "future", "either"),
    (r"(?:scheduled|slated|planned|set|due|expected|poised) "
     r"(?:for|to (?:launch|ship|arrive|debut|open|be released|start)(?: in)?|in|out in)", "plan", "before"),
    (r"(?:will|to) (?:launch|ship|arrive|debut|open|be released|become available)(?: in| by)?",
     "plan", "before"),
    (r"roadmap", "plan", "either"),
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


_RELATIVE = re.compile(
    r"(?i)(?<![\w\-])(?P<rel>a year (?:earlier|ago|before)|last year|the (?:previous|prior) year|a year-ago|"
    r"year-ago|next year)(?![\w])"
    rf"|(?<![\w\-])in (?P<month>{_MONTH_RE})\.?(?!\s*\d)(?![\w])"
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
            offset = 1 if lowered == "next year" else (0 if "this year" in lowered else -1)
            span = _month_span(year + offset, 1, 12)
        else:
            index = _MONTHS[month.lower().rstrip(".")]
            # a bare month is the most recent one at the article's date
            span = _month_span(year if index <= published.end.month else year - 1, index, index)
        found.append(TimeMention(match.start(), match.end(), span, match.group(0)))
    return found
