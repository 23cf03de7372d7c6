"""The time a figure speaks of: a stated date, a weekday or relative day resolved against the
article's date, a period carried from the paragraph's earlier sentence, or the article's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimcheck.extract.timeexpr import find_relative_times, find_times
from claimcheck.language.lexicon import load_lexicon, load_quantity_lexicon
from claimcheck.language.patterns import alternation, hyphenated_alternation, spaced_alternation
from claimcheck.models import DateSpan

# The words are data: "timing" in en.yaml, the names of days and months in en.quantities.yaml.
_TIMING, _QUANTITY_WORDS = load_lexicon("en").timing, load_quantity_lexicon("en")
_WEEKDAYS = list(_QUANTITY_WORDS.weekdays)
_RELATIVE_DAY = re.compile(
    rf"(?i)\b(?:(?:{alternation(_TIMING.weekday_openers)})\s+)?(?P<weekday>{alternation(_WEEKDAYS)})"
    rf"|\b(?P<rel>{alternation(_TIMING.relative_days)})\b"
)
_SEASONS = _TIMING.seasons
_AGO = re.compile(rf"(?i){alternation(_TIMING.ago)}")
_PAST_PERIOD = re.compile(
    rf"(?i)\b(?P<which>{alternation((*_TIMING.past_openers, *_TIMING.duration_openers))})\s+"
    rf"(?P<unit>{alternation((*_TIMING.past_units, *_SEASONS))})(?:\s+(?:{alternation(_TIMING.ago)}))?\b"
)
# "..., the company said on Friday": when it was said, not when the figure holds
_SAID_ON = re.compile(
    rf"(?i)\b(?:{alternation(_TIMING.said_verbs)})\s+(?:\w+\s+)?(?:(?:{alternation(_TIMING.said_on)})\s+)?$"
)
_NOT_CLAIM_TIME = re.compile(rf"(?i)(?:{alternation(_TIMING.not_claim_time)})\s+$")
# "up 17% from $0.29 in the third quarter of last year": a period after a base figure is the base's
# (a day is the whole change's: "rose to 14 from 9 on Tuesday")
_PERIOD_DAYS = 28
_BASE_PHRASE = re.compile(rf"(?i)\b(?:{alternation(_TIMING.not_claim_time)})\s+\S*\d")


@dataclass(frozen=True)
class ClaimTime:
    span: DateSpan | None
    stated: bool  # said in the text, not taken from the article's date
    text: str


def _day(d: dt.date) -> DateSpan:
    return DateSpan(start=d, end=d)


_FORWARD = re.compile(
    rf"(?i)\b(?:{alternation(_TIMING.forward)})\b(?:\s+(?:{spaced_alternation(_TIMING.forward_bounds)}))?\s*$"
)
# "will resume Thursday", "would open ... on Wednesday": a weekday said of what is to come is the coming one
_FUTURE = re.compile(rf"(?i)\b(?:{alternation(_TIMING.future_auxiliaries)})\b"
                     rf"(?![^.;:!?,]*\b(?:{alternation(_TIMING.clause_openers)})\b)[^.;:!?,]*$")
_DATE_AFTER = re.compile(r"[,\s(]*")
# Month names and abbreviations, longest first, so "June" is not read as "Jun".
_MONTH_NAMES = sorted(_QUANTITY_WORDS.months, key=len, reverse=True)
_MONTH_DAY = re.compile(
    rf"(?i)\b(?P<month>{alternation(_MONTH_NAMES)})\.?\s+(?P<day>\d{{1,2}})(?:{alternation(_TIMING.day_suffixes)})?"
    r"\b(?!,?\s*\d{4})"
)


def month_days(text: str, published: DateSpan | None) -> list[tuple[int, int, DateSpan, str]]:
    """ "July 1", "on June 9": a day of the article's year (no year said)."""
    if published is None:
        return []
    found: list[tuple[int, int, DateSpan, str]] = []
    for match in _MONTH_DAY.finditer(text):
        month = _QUANTITY_WORDS.months[match.group("month").lower()]
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
            gap = _DATE_AFTER.match(text, match.end())
            if gap is not None and _MONTH_DAY.match(text, gap.end()):
                continue  # "Thursday, April 17": the date says which day; the weekday is checked (CC204)
            target = _WEEKDAYS.index(match.group("weekday").lower())
            if _FORWARD.search(text[max(0, match.start() - 24) : match.start()]) or _FUTURE.search(
                    text[max(0, match.start() - 80) : match.start()]):
                # "until Saturday", "by Friday", "next Tuesday": the coming one
                ahead = (target - day.weekday()) % 7 or 7
                found.append((match.start(), match.end(), _day(day + dt.timedelta(days=ahead)), match.group(0)))
                continue
            back = (day.weekday() - target) % 7
            found.append((match.start(), match.end(), _day(day - dt.timedelta(days=back)), match.group(0)))
        else:
            rel = match.group("rel").lower()
            shift = _TIMING.relative_days[" ".join(rel.split())]
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
        if which in _TIMING.duration_openers and not _AGO.search(match.group(0)):
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
             and not _SAID_ON.search(sentence[max(0, t[0] - 30) : t[0]])
             and not (t[0] >= figure_end and _BASE_PHRASE.search(sentence[figure_end : t[0]])
                      and (t[2].end - t[2].start).days >= _PERIOD_DAYS)]
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
# "the second quarter", "first-half", "full-year", "fiscal 2025": the ordinals and words are data ("timing")
_QUARTERS, _HALVES = _TIMING.quarter_ordinals, _TIMING.half_ordinals
_PERIOD = re.compile(
    rf"(?i)\b(?:(?P<q>Q[1-4])|(?P<qn>{alternation(_QUARTERS)})[\s-]+(?:{alternation(_TIMING.quarter)})"
    rf"|(?P<h>H[12])|(?P<hn>{alternation(_HALVES)})[\s-]+(?:{alternation(_TIMING.half)})"
    rf"|(?P<fy>{hyphenated_alternation(_TIMING.full_year)}|{spaced_alternation(_TIMING.fiscal_year)}|FY))"
    rf"(?:\s+(?:(?:{alternation(_TIMING.year_links)})\s+)?(?:(?:{alternation(_TIMING.fiscal)})\s+)?(?:FY)?'?"
    r"(?P<y1>(?:19|20)\d\d))?"
    rf"(?P<prior>\s+(?:(?:{alternation(_TIMING.year_links)})\s+)?(?:{alternation(_TIMING.last_year)})\b)?"
    r"|\b(?P<y2>(?:19|20)\d\d)\b"
)
_PRIOR_YEAR = "-1"  # a period of the year before the article's own: "the third quarter of last year"


def _label(match: re.Match[str]) -> str:
    if match.group("y2"):
        return f"{match.group('y2')}/"
    year = match.group("y1") or (_PRIOR_YEAR if match.group("prior") else "*")
    if match.group("q") or match.group("qn"):
        part = match.group("q").upper() if match.group("q") else f"Q{_QUARTERS[match.group('qn').lower()]}"
    elif match.group("h") or match.group("hn"):
        part = match.group("h").upper() if match.group("h") else f"H{_HALVES[match.group('hn').lower()]}"
    else:
        part = ""
    return f"{year}/{part}"


def period_label(sentence: str, start: int, end: int) -> str:
    """The reporting period nearest a figure in its sentence: "2020/Q4", "*/Q1", "2023/" (a year),
    "-1/Q3" (that quarter of the year before: resolved by ``with_year``).

    Quarters and halves are kept even without a year, so "Q1" and "Q2" are told apart in texts that
    carry no date; "" when the sentence states none."""
    best: tuple[int, str] | None = None
    for match in _PERIOD.finditer(sentence):
        based = match.start() >= end and _BASE_PHRASE.search(sentence[end : match.start()])
        if start <= match.start() < end or based:
            continue  # inside the figure, or the period of the base it is compared with
        distance = min(abs(match.start() - end), abs(start - match.end()))
        if distance <= 80 and (best is None or distance < best[0]):
            best = (distance, _label(match))
    return best[1] if best else ""


def article_period_years(text: str, published_year: int | None = None) -> dict[str, int]:
    """The latest year an article names with each quarter or half ("Q3" -> 2020 for "third quarter
    2020"): in a report on results, a bare "the third quarter" is the one being reported, the
    latest, and earlier years are bases for comparison."""
    years: dict[str, int] = {}
    for match in _PERIOD.finditer(text):
        year, _, part = _label(match).partition("/")
        if part and year.isdigit() and (published_year is None or int(year) <= published_year):
            years[part] = max(years.get(part, 0), int(year))  # a guidance year to come is not the one reported
    return years


def with_year(label: str, years: dict[str, int]) -> str:
    """ "*/Q3" -> "2020/Q3" when the article names the third quarter of 2020 and of no later year;
    "-1/Q3" (the third quarter of last year) -> "2019/Q3"; a label the article cannot date stays."""
    year, _, part = label.partition("/")
    if year not in ("*", _PRIOR_YEAR) or part not in years:
        return label.replace(_PRIOR_YEAR + "/", "*/", 1) if year == _PRIOR_YEAR else label
    return f"{years[part] - (1 if year == _PRIOR_YEAR else 0)}/{part}"


def periods_compatible(a: str, b: str) -> bool:
    """Two period labels can name the same period: equal years (or one unknown) and equal parts
    (a bare year and "full year" are the same part)."""
    if not a or not b:
        return True
    year_a, part_a = a.split("/", 1)
    year_b, part_b = b.split("/", 1)
    years = year_a == year_b or "*" in (year_a, year_b)
    return years and part_a == part_b
