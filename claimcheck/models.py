"""Typed values passed between the pipeline stages.

Every model is frozen: a stage never mutates what an earlier stage produced,
which keeps the pipeline a chain of plain functions and makes results safe to
cache and to compare byte for byte.
"""

from __future__ import annotations

import bisect
import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimcheck.enums import Severity, Status

REPORT_SCHEMA = "claimcheck.report/2"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- time


class DateSpan(Frozen):
    """A closed interval of days; a year is 1 Jan..31 Dec, a day is start == end."""

    start: dt.date
    end: dt.date

    def overlaps(self, other: DateSpan) -> bool:
        return self.start <= other.end and other.start <= self.end

    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            if self.start.year == self.end.year:
                return str(self.start.year)
            return f"{self.start.year}-{self.end.year}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


DateOrigin = Literal["front-matter", "metadata", "ledger", "dateline", "inferred", "as-of"]


class ArticleDate(Frozen):
    """When an article was published, and how claimcheck knows it."""

    span: DateSpan
    origin: DateOrigin
    reason: str  # shown to the user, e.g. 'dateline "Nov 22, 2024" on line 12'


# --------------------------------------------------------------------------- input


ArticleFormat = Literal["txt", "md", "html", "json", "jsonl"]


class Article(Frozen):
    """One article as read from disk.

    ``text`` is what the extractor reads. Character offsets into it map back to
    1-based lines of the stored file through ``line_map``: each entry is
    (offset where a run of text starts, file line of that offset); offsets
    between two entries advance the line at every newline in ``text``.
    """

    id: str
    path: str
    format: ArticleFormat
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: ArticleDate | None = None
    text: str
    line_map: tuple[tuple[int, int], ...] = ((0, 1),)
    content_hash: str = ""
    encoding: str = "utf-8"

    def line_at(self, offset: int) -> int:
        # bisect the (start, line) pairs in place: called once per claim and per report line
        index = max(bisect.bisect_right(self.line_map, (offset, float("inf"))) - 1, 0)
        start, line = self.line_map[index]
        return line + self.text.count("\n", start, max(offset, start))


class SkippedFile(Frozen):
    """A file that was not audited, and why; a value, never an exception."""

    path: str
    reason: str
    language: bool = False  # skipped because claimcheck does not read its language (said on stderr too)


# --------------------------------------------------------------------------- quantities


Qualifier = Literal[
    "exact",  # "2.7 million": precision follows the stated digits
    "approx",  # "about", "roughly", "~"
    "over",  # "over", "more than", "above": > X, same order of magnitude
    "at_least",  # "at least", "no fewer than"
    "under",  # "under", "less than", "fewer than", "below"
    "at_most",  # "at most", "no more than"
    "up_to",  # "up to", "as many as"
    "nearly",  # "nearly", "almost", "just under", "close to"
    "range",  # "20-25%", "between 2 and 3"
]

QuantityKind = Literal["number", "ordinal", "year", "percent", "currency", "multiplier", "unit"]


class Quantity(Frozen):
    """A number found in text, normalised to a canonical unit, as an interval.

    ``low``/``high`` already include the qualifier and the stated precision;
    ``nominal`` is the value as written (the midpoint for a range).
    ``None`` bounds are open ("more than X" has no upper bound in the
    quantity layer; the claim layer applies news conventions).
    """

    start: int
    end: int
    text: str
    kind: QuantityKind
    nominal: float
    low: float | None
    high: float | None
    # canonical: "" (plain number), "%", "x", "USD", "EUR", "GBP", "FLOP/s", "B", "B/s", "W", "s", "m", "g",
    # "Hz", "nm"...
    unit: str
    # "number", "percent", "ratio", "currency", "compute", "data", "bandwidth", "power", "time", "length",
    # "mass", "frequency", ...
    dimension: str
    qualifier: Qualifier = "exact"
    noun: str | None = None  # counted noun, singular and lower case: "unit" for "5,000 Widget units"
    surface_unit: str | None = None  # the unit as written: "PFLOPS", "TB/s", "bn"


# --------------------------------------------------------------------------- claims


class ClaimKind(StrEnum):
    NUMERIC = "numeric"  # a quantity of something
    PROPORTION = "proportion"  # a share: "all", "most", "60% of"
    TEMPORAL = "temporal"  # when something happens or its status at a date
    RATIO = "ratio"  # "3.2x over X"
    CATEGORICAL = "categorical"


Modality = Literal["confirmed", "plan", "forecast", "estimate", "ceiling", "bound", "hedged"]
# what is to come, not what was done: set against an outcome, a difference is a plan that changed
PLANNED: frozenset[str] = frozenset({"plan", "forecast"})
Scope = Literal["total", "part", "aggregate", "per_unit", "unspecified"]


class Value(Frozen):
    """A normalised claim value. For temporal claims the bounds are ordinal days."""

    low: float | None
    high: float | None
    nominal: float | None = None
    unit: str = ""
    dimension: str = "number"
    qualifier: Qualifier = "exact"
    text: str = ""  # as written in the article
    display: str = ""  # normalised, human readable: "1,350,000–1,450,000 chip"


class Claim(Frozen):
    id: str
    article: str
    path: str
    line: int
    start: int  # quote span, offsets into Article.text
    end: int
    sentence: str
    quote: str
    kind: ClaimKind
    subject: str  # canonical entity; "" when the text names none
    subject_text: str = ""
    owner: str | None = None  # whose share it is, for scope "part": "for X", "X is running"
    scope: Scope = "unspecified"
    measure: str  # normalised: "unit deployed", "compute", "availability", "share trained on widget"
    measure_terms: tuple[str, ...] = ()
    value: Value
    modality: Modality = "confirmed"
    polarity: bool = True
    attribution: str | None = None
    time: DateSpan | None = None  # the time the claim speaks of
    time_source: str = ""
    base: str | None = None  # for ratios: the entity compared against
    entities: tuple[str, ...] = ()  # canonical entities named in the sentence
    time_varying: bool = False  # a count that changes over time (deployed, deaths, headcount)
    # read from the parse (frames); defaults keep claims of the older readers valid
    counted: str = ""  # lemma of the counted noun: "resident", "chip"; "" when the figure names none
    predicate: str = ""  # lemma of the governing predicate: "kill", "recall"
    sources: tuple[str, ...] = ()  # who the claim is attributed to, each as written
    place: str | None = None  # where it holds: "in Kerman province"
    target: str | None = None  # what it is measured against: "south of X"
    time_stated: bool = False  # the time is said in the text, not taken from the article's date
    time_guessed: bool = False  # the article's date was only inferred from years its text mentions
    other_event: bool = False  # "another 2,000", "the previous round": not the story's own figure
    state: Literal["", "on", "off"] = ""  # a status claim: running/open ("on") or not ("off") over its value's days
    change: Literal["", "up", "down"] = ""  # a stated change: "rose 9.5%", "a 12% drop"
    in_lead: bool = False  # said in the article's first sentences, where a story puts its main figures
    elsewhere: bool = False  # set in a place the article's lead does not name: another event ("a quake in X")
    period: str = ""  # a reporting period said next to the figure: "2020/Q4", "*/Q1", "2023/" (a year)
    restrictors: tuple[str, ...] = ()  # words narrowing what is counted: "non-life threatening", "at the scene"
    part_of: str | None = None  # the id of the total this figure is listed as a part of ("Of the 520, 340 ...")
    weekday: int | None = None  # the weekday written beside a date ("Wednesday, April 28"), Monday = 0


class ClaimGroup(Frozen):
    """Claims that speak of the same subject and measure; an updating figure reads as a timeline."""

    key: str
    subject: str
    measure: str
    claim_ids: tuple[str, ...]
    timeline: bool = False
    event: str = ""  # a human label of the event or period the group speaks of; empty when unknown


# What the rule stages written before the Severity enum return; pydantic turns it into Severity.
SeverityName = Literal["high", "medium", "low"]
ContradictionKind = Literal["numeric", "temporal", "proportion", "arithmetic", "categorical"]


class FindingValue(Frozen):
    """One distinct value in a finding, and the articles that give it."""

    display: str
    low: float | None
    high: float | None
    articles: tuple[str, ...]  # paths
    claim_ids: tuple[str, ...]


class Finding(Frozen):
    """One disagreement about one measure of one event: its distinct values, who gives each, and
    how sure claimcheck is that they cannot all hold."""

    id: str  # fingerprint: rule, event, measure and values; never line numbers
    rule: str  # stable code, e.g. "CC101"
    rule_name: str  # e.g. "numeric-interval-conflict"
    kind: ContradictionKind
    severity: Severity
    status: Status = Status.NEW
    subject: str
    measure: str
    explanation: str
    claims: tuple[Claim, ...]
    note: str | None = None  # the reviewer's note when acknowledged
    event: str = ""  # the event or period the values speak of
    # what the finding is about without its values (rule, event, measure): a reviewed finding whose
    # values were since edited has a new id but the same topic, so the review can say what changed
    topic: str = ""
    confidence: float = 1.0  # 0..1: how sure the decision is that the values conflict
    features: tuple[tuple[str, float], ...] = ()  # the features that decided it, with their values
    values: tuple[FindingValue, ...] = ()  # distinct values, majority first
    majority: str | None = None  # display of the value most articles give, when one does
    outliers: tuple[str, ...] = ()  # displays of the other values


Contradiction = Finding  # the name used before schema 2; kept for readers of older code


class ArticleSummary(Frozen):
    id: str
    path: str
    title: str | None
    published: str | None  # a DateSpan label
    published_origin: str | None = None
    published_reason: str | None = None
    claims: int


class AuditResult(Frozen):
    schema_: str = REPORT_SCHEMA
    articles: tuple[Article, ...]
    skipped: tuple[SkippedFile, ...] = ()
    claims: tuple[Claim, ...] = ()
    groups: tuple[ClaimGroup, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()

    def summaries(self) -> tuple[ArticleSummary, ...]:
        counts: dict[str, int] = {}
        for claim in self.claims:
            counts[claim.article] = counts.get(claim.article, 0) + 1
        return tuple(
            ArticleSummary(
                id=a.id,
                path=a.path,
                title=a.title,
                published=a.published.span.label() if a.published else None,
                published_origin=a.published.origin if a.published else None,
                published_reason=a.published.reason if a.published else None,
                claims=counts.get(a.id, 0),
            )
            for a in self.articles
        )
