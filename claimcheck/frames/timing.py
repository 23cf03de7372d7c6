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
_SEASONS = {"winter": (1, 2), "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_PAST_PERIOD = re.compile(r"(?i)\b(?P<which>last|this past|a|one)\s+"
                          r"(?P<unit>week|month|summer|winter|spring|fall|autumn)(?:\s+(?:ago|earlier|before))?\b")
# "..., the company said on Friday": when it was said, not when the figure holds
_SAID_ON = re.compile(
    r"(?i)\b(?:said|says|announced|told|reported|confirmed|added|stated|wrote)\s+(?:\w+\s+)?(?:on\s+)?$"
)
_NOT_CLAIM_TIME = re.compile(r"(?i)(?:since|from|as of|compared with|up from|down from|than in)\s+$")


@dataclass(frozen=True)
class ClaimTime:
    span: DateSpan | None
    stated: bool  # said in the text, not taken from the article's date
    text: str


def _day(d: dt.date) -> DateSpan:
    return DateSpan(start=d, end=d)


_FORWARD = re.compile(
    r"(?i)\b(?:until|till|through|by|next|before|from)\b(?:\s+at\s+(?:the\s+)?(?:least|earliest))?\s*$"
)
_MONTH_DAY = re.compile(
    r"(?i)\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})"
)
_MONTH_NUMBER = {name: i for i, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def month_days(text: str, published: DateSpan | None) -> list[tuple[int, int, DateSpan, str]]:
    """ "July 1", "on June 9": a day of the article's year (no year said)."""
    if published is None:
        return []
    found: list[tuple[int, int, DateSpan, str]] = []
    for match in _MONTH_DAY.finditer(text):
        month = _MONTH_NUMBER[match.group("month").lower()[:3]]
        try:
            day = dt.date(published.end.year, month, int(match.group("day")))
        except ValueError:
            continue
        found.append((match.start(), match.end(), _day(day), match.group(0)))
    return found


def relative_days(text: str, published: DateSpan | None) -> list[tuple[int, int, DateSpan, str]]:
    if published is None or published.start != published.end:
        return []
    day = published.end
    found: list[tuple[int, int, DateSpan, str]] = []
    for match in _RELATIVE_DAY.finditer(text):
        if match.group("weekday"):
            target = _WEEKDAYS.index(match.group("weekday").lower())
            if _FORWARD.search(text[max(0, match.start() - 24) : match.start()]):
                # "until Saturday", "by Friday", "next Tuesday": the coming one
                ahead = (target - day.weekday()) % 7 or 7
                found.append((match.start(), match.end(), _day(day + dt.timedelta(days=ahead)), match.group(0)))
                continue
            back = (day.weekday() - target) % 7
            found.append((match.start(), match.end(), _day(day - dt.timedelta(days=back)), match.group(0)))
        else:
            rel = match.group("rel").lower()
            shift = {"yesterday": -1, "today": 0, "tonight": 0}.get(rel, -1 if "later" not in rel else 1)
            found.append((match.start(), match.end(), _day(day + dt.timedelta(days=shift)), match.group(0)))
    return found


def past_periods(text: str, published: DateSpan | None) -> list[tuple[int, int, DateSpan, str]]:
    """ "last summer", "a month ago", "last week": periods before the article's date."""
    if published is None:
        return []
    day = published.end
    found: list[tuple[int, int, DateSpan, str]] = []
    for match in _PAST_PERIOD.finditer(text):
        unit, which = match.group("unit").lower(), match.group("which").lower()
        if which in ("a", "one") and not re.search(r"(?i)ago|earlier|before", match.group(0)):
            continue  # "a week" is a duration unless it is "a week ago"
        if unit == "week":
            span = DateSpan(start=day - dt.timedelta(days=13), end=day - dt.timedelta(days=7))
        elif unit == "month":
            first = (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            span = DateSpan(start=first, end=day.replace(day=1) - dt.timedelta(days=1))
        else:
            months = _SEASONS[unit]
            year = day.year if months[1] < day.month else day.year - 1
            end_month = dt.date(year + (months[1] == 12), months[1] % 12 + 1, 1) - dt.timedelta(days=1)
            span = DateSpan(start=dt.date(year, months[0], 1), end=end_month)
        found.append((match.start(), match.end(), span, match.group(0)))
    return found


def stated_times(sentence: str, published: DateSpan | None) -> list[tuple[int, int, DateSpan, str]]:
    """Every time said in a sentence, with offsets into it; starts of periods ("since 2023") dropped."""
    found = [(t.start, t.end, t.span, t.text) for t in find_times(sentence)]
    found += [(t.start, t.end, t.span, t.text) for t in find_relative_times(sentence, 0, len(sentence), published)]
    found += relative_days(sentence, published)
    found += past_periods(sentence, published)
    found += month_days(sentence, published)
    return sorted(t for t in found if not _NOT_CLAIM_TIME.search(sentence[max(0, t[0] - 16) : t[0]]))


def claim_time(sentence: str, figure_start: int, figure_end: int, published: DateSpan | None,
               carried: ClaimTime | None) -> ClaimTime:
    """The nearest stated time outside the figure itself; else the paragraph's; else the article's."""
    times = [t for t in stated_times(sentence, published) if not (figure_start <= t[0] < figure_end)
             and not _SAID_ON.search(sentence[max(0, t[0] - 30) : t[0]])]
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


# a token that names a reporting period ("Q1", "H2", "FY2024"), never what a figure is about
PERIOD_NAME = re.compile(r"^(?:Q[1-4]|H[12]|FY\d{0,4})$")
_ORDINAL = {"first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4"}
_PERIOD = re.compile(
    r"(?i)\b(?:(?P<q>Q[1-4])|(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
    r"|(?P<h>H[12])|(?P<hn>first|second)[\s-]+half|(?P<fy>full[\s-]+year|fiscal(?:\s+year)?|FY))"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:FY)?'?(?P<y1>(?:19|20)\d\d))?"
    r"|\b(?P<y2>(?:19|20)\d\d)\b"
)


def period_label(sentence: str, start: int, end: int) -> str:
    """The reporting period nearest a figure in its sentence: "2020/Q4", "*/Q1", "2023/" (a year).

    Quarters and halves are kept even without a year, so "Q1" and "Q2" are told apart in texts that
    carry no date; "" when the sentence states none."""
    best: tuple[int, str] | None = None
    for match in _PERIOD.finditer(sentence):
        if start <= match.start() < end:
            continue
        distance = min(abs(match.start() - end), abs(start - match.end()))
        if distance > 80:
            continue
        if match.group("y2"):
            label = f"{match.group('y2')}/"
        else:
            year = match.group("y1") or "*"
            if match.group("q") or match.group("qn"):
                part = match.group("q").upper() if match.group("q") else f"Q{_ORDINAL[match.group('qn').lower()]}"
            elif match.group("h") or match.group("hn"):
                part = match.group("h").upper() if match.group("h") else f"H{_ORDINAL[match.group('hn').lower()]}"
            else:
                part = ""
            label = f"{year}/{part}"
        if best is None or distance < best[0]:
            best = (distance, label)
    return best[1] if best else ""


def periods_compatible(a: str, b: str) -> bool:
    """Two period labels can name the same period: equal years (or one unknown) and equal parts
    (a bare year and "full year" are the same part)."""
    if not a or not b:
        return True
    year_a, part_a = a.split("/", 1)
    year_b, part_b = b.split("/", 1)
    years = year_a == year_b or "*" in (year_a, year_b)
    return years and part_a == part_b
