"""Dates written with their weekday ("Wednesday, April 28", "Friday (March 6)"): a copy desk's first
check is that the two agree. The claim keeps the date as its time and the weekday as written; the
rule CC204 compares them. A date without a year takes the year that puts it nearest the article's
own date, so "Monday, Jan. 5" in a December article is next January."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from claimcheck.extract.sentences import Sentence
from claimcheck.language.lexicon import load_quantity_lexicon
from claimcheck.language.patterns import alternation
from claimcheck.models import Article, Claim, ClaimKind, DateSpan, Value

_WORDS = load_quantity_lexicon("en")
_WEEKDAYS = tuple(_WORDS.weekdays)
_MONTHS = dict(_WORDS.months)
_WEEKDAY_DATE = re.compile(
    rf"(?i)\b(?P<weekday>{alternation(_WEEKDAYS)}),?\s*\(?\s*"
    rf"(?P<month>{alternation(sorted(_MONTHS, key=len, reverse=True))})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
MEASURE = "weekday of date"


def _dated(month: int, day: int, year: int | None, published: dt.date | None) -> dt.date | None:
    years = [year] if year is not None else (
        [published.year - 1, published.year, published.year + 1] if published is not None else [])
    dates = []
    for candidate in years:
        try:
            dates.append(dt.date(candidate, month, day))
        except ValueError:
            continue  # "February 30": no such day that year
    if not dates:
        return None
    return min(dates, key=lambda d: abs((d - published).days)) if published is not None else dates[0]


def weekday_claims(article: Article, sentence: Sentence) -> list[Claim]:
    published = article.published.span.start if article.published is not None else None
    found: list[Claim] = []
    for match in _WEEKDAY_DATE.finditer(sentence.text):
        year = int(match.group("year")) if match.group("year") else None
        when = _dated(_MONTHS[match.group("month").lower()], int(match.group("day")), year, published)
        if when is None:
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        ordinal = float(when.toordinal())
        found.append(Claim(
            id=hashlib.sha1(f"{article.id}\0{start}\0{end}\0weekday".encode()).hexdigest()[:12],
            article=article.id, path=article.path, line=article.line_at(start), start=start, end=end,
            sentence=sentence.text, quote=article.text[start:end], kind=ClaimKind.CATEGORICAL, subject="",
            measure=MEASURE, value=Value(low=ordinal, high=ordinal, nominal=ordinal, dimension="date",
                                         text=match.group(0), display=when.isoformat()),
            time=DateSpan(start=when, end=when), time_source=f'stated: "{match.group(0)}"', time_stated=True,
            weekday=_WEEKDAYS.index(match.group("weekday").lower()),
        ))
    return found
