"""When was an article published, and how do we know?

Priority: ``--as-of`` > the file's own metadata (set by the format readers) >
the ledger > a dateline near the top of the body > the year the text mentions
most often outside forward-looking phrases.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections import Counter
from typing import Any

from claimcheck.language.lexicon import load_lexicon, load_quantity_lexicon
from claimcheck.language.patterns import abbreviation, alternation, spaced_alternation
from claimcheck.ledger.schema import ArticleMeta, Ledger
from claimcheck.models import Article, ArticleDate, DateSpan
from claimcheck.readers import url_spans

# The words are data: "dates" and "clock" in en.yaml, the month names in en.quantities.yaml.
_DATES, _CLOCK = load_lexicon("en").dates, load_lexicon("en").clock
MONTHS: dict[str, int] = dict(load_quantity_lexicon("en").months)  # names and abbreviations, lower case

# Capitalised, as a "CITY, March 3, 2026 —" dateline is matched case-sensitively; longest first, so that "June"
# is not read as "Jun".
_MONTH_NAME = rf"(?:{alternation(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))})"
_MONTH = rf"{_MONTH_NAME}\.?"
_DAY = rf"(?:[0-3]?\d)(?:{alternation(load_lexicon('en').timing.day_suffixes)})?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = rf"(?:(?:{alternation(w.capitalize() for w in _DATES.weekday_stems)})[a-z]*\.?,?\s+)?"
DATE_PATTERN = (
    rf"{_WEEKDAY}(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})"
    rf"|(?P<d2>{_DAY})\s+(?:(?:{alternation(_DATES.day_month_links)})\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))"
)
_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_AMPM = "|".join(abbreviation(letters) for letters in (*_CLOCK.before_noon, *_CLOCK.after_noon))  # "a.m.", "pm"
_TIME = (  # an optional time after a date: ", 10:30 a.m. ET", " | 14:05 (UTC+1)"
    rf"(?:\s*(?:,|{alternation(_CLOCK.at)}|-|–|—|\|)?\s*\d{{1,2}}(?::\d{{2}}){{0,2}}\s*(?:{_AMPM})?"
    r"\s*(?:\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
)
_DATE_LINE_RE = re.compile(
    rf"\s*(?:(?P<prefix>{alternation(_DATES.dateline_labels)})(?:\s+(?:{alternation(_DATES.dateline_label_links)}))?"
    r"\s*:?\s*)?"
    rf"(?P<date>{DATE_PATTERN}){_TIME}\s*",
    re.IGNORECASE,
)
_CLASSIC_DATELINE_RE = re.compile(
    rf"\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){{0,3}}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?,\s+)?"
    rf"(?P<date>{DATE_PATTERN})\s*(?:\([A-Za-z .]+\)\s*)?(?:—|–|-{{1,2}})\s",
)
_ISO_RE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")

_YEAR_MENTION_RE = re.compile(r"(?<![\w$£€#.,])((?:19|20)\d{2}|2100)(?![\w%$])(?![.,]\d)")
_CLAUSE_END_RE = re.compile(r"[.!?;](?=\s)|\n")
_FORWARD_RE = re.compile(rf"\b(?:{alternation(_DATES.forward_words)})\b", re.IGNORECASE)
_MAY_RE = re.compile(rf"\b(?:{alternation(_DATES.forward_lower_case)})\b")  # lower case only: "May 2019" is a month
_BY_RE = re.compile(
    rf"\b(?:{alternation(_DATES.by)})\s+(?:(?:{spaced_alternation(_DATES.by_bounds)})\s+"
    rf"|(?:{alternation(_DATES.by_prefixes)})-?\s*|Q[1-4]\s+)?$",
    re.IGNORECASE,
)
_LOOKBACK = 90  # characters of the same clause searched for forward-looking words
_INFER_LIMIT = 2_000_000  # characters read when inferring a year; plenty for any article


def day_span(day: dt.date) -> DateSpan:
    return DateSpan(start=day, end=day)


def year_span(year: int) -> DateSpan:
    return DateSpan(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))


def _month_span(year: int, month: int) -> DateSpan:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return DateSpan(start=dt.date(year, month, 1), end=nxt - dt.timedelta(days=1))


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    for n in "123":
        if groups.get(f"y{n}"):
            month_text = groups[f"m{n}"].rstrip(".").lower()
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text, 0)
            try:
                return dt.date(int(groups[f"y{n}"]), month, int(re.sub(r"\D", "", groups[f"d{n}"])))
            except ValueError:
                return None
    return None


def parse_date_text(text: str) -> DateSpan | None:
    """Parse a written date: ISO (day, month or year), RFC 2822, or "Mar 3, 2019" style."""
    text = text.strip()
    iso = _ISO_RE.match(text)
    if iso:
        try:
            year, month, day = int(iso[1]), iso[2], iso[3]
            if day:
                return day_span(dt.date(year, int(month), int(day)))
            if month:
                return _month_span(year, int(month))
            return year_span(year) if 1000 <= year <= 2999 else None
        except ValueError:
            return None
    match = _DATE_RE.search(text[:200])
    if match:
        found = _from_match(match)
        if found:
            return day_span(found)
    try:
        return day_span(email.utils.parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        return None


def parse_date_value(value: Any) -> DateSpan | None:
    """A metadata value (YAML date, datetime, string, int year) as a span, or None."""
    if isinstance(value, dt.datetime):
        return day_span(value.date())
    if isinstance(value, dt.date):
        return day_span(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
        return year_span(value)
    if isinstance(value, str) and value.strip():
        return parse_date_text(value)
    return None


# --------------------------------------------------------------------------- dateline


def find_dateline(article: Article, max_lines: int = 15) -> ArticleDate | None:
    """A date-only line (or a classic "CITY, March 3, 2025 —" dateline) near the top of the body."""
    text = article.text
    seen = 0
    found: list[tuple[dt.date, str, int, bool]] = []
    position = 0
    while position < len(text) and seen < max_lines:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if line.strip():
            seen += 1
            hit = _date_in_line(line[:300])
            if hit is not None:
                day, quoted, updated = hit
                line_no = article.line_at(position + len(line) - len(line.lstrip()))
                found.append((day, quoted, line_no, updated))
                if not updated:
                    break
        position = end + 1
    if not found:
        return None
    day, quoted, line_no, _ = next((f for f in found if not f[3]), found[0])
    return ArticleDate(span=day_span(day), origin="dateline", reason=f'dateline "{quoted}" on line {line_no}')


def _date_in_line(line: str) -> tuple[dt.date, str, bool] | None:
    if len(line) <= 120:
        match = _DATE_LINE_RE.fullmatch(line)
        if match:
            day = _from_match(match)
            if day:
                updated = (match["prefix"] or "").lower() in _DATES.updated_labels
                return day, match["date"].strip(), updated
    match = _CLASSIC_DATELINE_RE.match(line)
    if match:
        day = _from_match(match)
        if day:
            return day, match["date"].strip(), False
    return None


_YEARLESS_DATELINE_RE = re.compile(
    r"\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+)?,\s+"
    rf"(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})\s*(?:\([A-Za-z .]+\)\s*)?(?:—|–|-{{1,2}})\s"
)


def yearless_dateline(article: Article, year: int, max_lines: int = 15) -> ArticleDate | None:
    """ "ESSENDORF, June 17 (Wire) -": wire copy omits the year of the day it is filed; the year is
    that of the other articles of the folder (years a text mentions are often of older events)."""
    for line_no, line in enumerate(article.text.splitlines()[: max_lines * 3], start=1):
        match = _YEARLESS_DATELINE_RE.match(line[:200])
        if not match:
            continue
        month = MONTHS.get(match["month"].lower())
        try:
            day = dt.date(year, month or 0, int(match["day"]))
        except ValueError:
            return None
        reason = (f'dateline "{match["month"]} {match["day"]}" on line {line_no}, '
                  f"year {day.year} from the other articles' dates")
        return ArticleDate(span=day_span(day), origin="dateline", reason=reason)
    return None


# --------------------------------------------------------------------------- inference


def _forward_looking(text: str, start: int) -> bool:
    window_start = max(0, start - _LOOKBACK)
    window = text[window_start:start]
    ends = list(_CLAUSE_END_RE.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    if _BY_RE.search(window):
        return True
    return bool(_FORWARD_RE.search(window) or _MAY_RE.search(window))


def infer_year(text: str) -> ArticleDate | None:
    """The year mentioned most often outside URLs and forward-looking phrases (ties: the later)."""
    urls = url_spans(text, _INFER_LIMIT)
    counts: Counter[int] = Counter()
    total = 0
    url_index = 0
    for match in _YEAR_MENTION_RE.finditer(text, 0, _INFER_LIMIT):
        start = match.start()
        while url_index < len(urls) and urls[url_index][1] <= start:
            url_index += 1
        if url_index < len(urls) and urls[url_index][0] <= start:
            continue
        total += 1
        if not _forward_looking(text, start):
            counts[int(match.group(1))] += 1
    if not counts:
        return None
    year, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    plural = "mention" if total == 1 else "mentions"
    reason = (
        f"inferred: the text mentions {year} most often outside forward-looking phrases "
        f"({count} of {total} year {plural}); set the date in claims.yaml or use --as-of"
    )
    return ArticleDate(span=year_span(year), origin="inferred", reason=reason)


# --------------------------------------------------------------------------- article


def ledger_entry(article: Article, ledger: Ledger | None) -> tuple[str, ArticleMeta] | None:
    """The ledger's metadata for ``article``, looked up by id, then by path."""
    if ledger is None or not ledger.articles:
        return None
    path = article.path.replace("\\", "/")
    for key in (article.id, path, path.removeprefix("./"), path.rsplit("/", 1)[-1]):
        if key in ledger.articles:
            return key, ledger.articles[key]
    return None


def date_article(article: Article, *, ledger: Ledger | None, as_of: dt.date | None) -> Article:
    """Return ``article`` with ``published`` set by the priority described in the module docstring."""
    published: ArticleDate | None
    if as_of is not None:
        published = ArticleDate(span=day_span(as_of), origin="as-of", reason=f"--as-of {as_of.isoformat()}")
    elif article.published is not None and article.published.origin in ("front-matter", "metadata"):
        return article
    else:
        published = None
        entry = ledger_entry(article, ledger)
        if entry is not None and entry[1].published is not None:
            where = ledger.path if ledger is not None and ledger.path else "claims.yaml"
            published = ArticleDate(
                span=day_span(entry[1].published),
                origin="ledger",
                reason=f'{where}: articles["{entry[0]}"].published {entry[1].published.isoformat()}',
            )
        if published is None:
            published = find_dateline(article)
        if published is None:
            published = infer_year(article.text)
    if published == article.published:
        return article
    return article.model_copy(update={"published": published})


def article_date_label(article: Article) -> str:
    """'2019-03-03 (dateline "Mar 3, 2019" on line 4)', or "date unknown"."""
    if article.published is None:
        return "date unknown"
    return f"{article.published.span.label()} ({article.published.reason})"
