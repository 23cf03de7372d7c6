"""The schema of claims.yaml, version 1 (see DESIGN.md, "claims.yaml").

Only the shape lives here: loading with line-aware errors is ``load.py``, rewriting with comments
kept ``edit.py``, what a review writes ``review.py``, facts as claims ``facts.py`` and how the
verdicts apply to findings ``verdicts.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from claimcheck.enums import ReviewStatus
from claimcheck.models import ClaimKind, DateSpan, Qualifier, Scope

LEDGER_VERSION = 1
LEDGER_ARTICLE = "ledger"  # the article id of accepted facts when they take part in findings


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ArticleMeta(_Strict):
    """Facts about one article that the article itself may not state."""

    published: dt.date | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None


class EntitySpec(_Strict):
    """A canonical entity: how articles name it and where it sits.

    ``parent`` is an is-a link (Widget2 is a Widget: a count of the child
    is part of a count of the parent). ``owner`` is a made-by / belongs-to
    link (a product and its maker): a claim by the owner about the entity is
    about all of it, a claim by anyone else is about their share.
    """

    aliases: tuple[str, ...] = ()
    parent: str | None = None
    owner: str | None = None
    kind: str | None = None  # free text: product, company, person, place


class FactValue(_Strict):
    """A normalised value as the pipeline read it. For a time (``dimension: time``) the bounds are dates."""

    low: float | dt.date | None = None
    high: float | dt.date | None = None
    unit: str = ""
    dimension: str = "number"
    qualifier: Qualifier = "exact"
    text: str = ""  # as the article wrote it: "2.5 million"
    display: str = ""  # normalised: "1.35 million – 1.45 million chip"


class SourceRef(_Strict):
    """Where an accepted fact was read: the article path (as the audit names it) and the quote."""

    path: str
    quote: str = ""


class Fact(_Strict):
    """An accepted fact: new and changed articles are checked against it.

    ``ledger accept --keep FILE`` writes the typed form (``value`` and ``source`` as mappings, the
    time the claim speaks of as a label such as ``2026``); a reviewer may also write a fact by hand,
    with the value as a journalist would ("2.7 million units") and ``as_of`` for its date.
    """

    subject: str
    measure: str
    kind: ClaimKind | None = None  # numeric, temporal, proportion; from the value when not given
    event: str | None = None
    time: DateSpan | None = None  # written as a label: 2026, 2026-03-04, 2024-2025, 2026-01-01..2026-06-30
    as_of: dt.date | None = None
    value: str | FactValue
    owner: str | None = None  # whose share the figure is, for a part ("Acme's units")
    scope: Scope = "unspecified"
    time_varying: bool = False  # a running total: a later, larger figure is an update
    source: str | SourceRef | None = None
    finding: str | None = None  # the reviewed finding whose --keep accepted it
    note: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        """``value: 2027`` reads as the text "2027"."""
        return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value

    @field_validator("time", mode="before")
    @classmethod
    def _time_from_label(cls, value: Any) -> Any:
        return span_from_label(value)


def span_from_label(value: Any) -> Any:
    """``DateSpan.label()`` read back: a year, a span of years, a day, or ``start..end``."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return DateSpan(start=value, end=value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        if ".." in text:
            start, end = (dt.date.fromisoformat(part.strip()) for part in text.split("..", 1))
            return DateSpan(start=start, end=end)
        years = text.split("-")
        if len(years) <= 2 and all(len(y) == 4 and y.isdigit() for y in years):
            return DateSpan(start=dt.date(int(years[0]), 1, 1), end=dt.date(int(years[-1]), 12, 31))
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"not a time label such as 2026, 2024-2025, 2026-03-04 or A..B ({exc})") from None
    return DateSpan(start=day, end=day)


class ClaimRef(_Strict):
    """A claim as a reviewer saw it: which article, about what, which value (as written). No line:
    lines move when an article is edited, values do not."""

    path: str
    value: str
    subject: str | None = None
    measure: str | None = None
    quote: str | None = None


AckStatus = ReviewStatus  # the name this module used before the enum


class Acknowledgement(_Strict):
    """A reviewer's verdict on one finding, by its id.

    ``keep`` names the articles whose claims hold (their values became facts), ``stale`` the other
    claims, which no longer raise findings, and ``seen`` the values the reviewer saw: a value not
    among them re-opens the finding.
    """

    id: str
    status: ReviewStatus
    note: str = ""
    expires: dt.date | None = None
    topic: str | None = None  # the finding's value-free identity: finds it again when a value changes
    rule: str | None = None  # informative copies, so a reviewer reading the file knows what it was
    subject: str | None = None
    measure: str | None = None
    keep: tuple[str, ...] = ()
    seen: tuple[ClaimRef, ...] = ()
    stale: tuple[ClaimRef, ...] = ()

    def is_live(self, today: dt.date) -> bool:
        """An acknowledgement counts up to and including its expiry date."""
        return self.expires is None or today <= self.expires


_COLLECTIONS = ("articles", "entities", "measures", "facts", "acknowledged")


class Ledger(_Strict):
    version: int = LEDGER_VERSION
    articles: dict[str, ArticleMeta] = Field(default_factory=dict)
    entities: dict[str, EntitySpec] = Field(default_factory=dict)
    measures: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # canonical -> synonyms
    facts: tuple[Fact, ...] = ()
    acknowledged: tuple[Acknowledgement, ...] = ()
    path: str | None = Field(default=None, exclude=True)  # where it was read from, for messages

    @model_validator(mode="before")
    @classmethod
    def _empty_is_nothing(cls, data: Any) -> Any:
        """A key left empty in YAML (``acknowledged:``, an entity with no details) means none."""
        if not isinstance(data, dict):
            return data
        data = {k: v for k, v in data.items() if not (v is None and k in _COLLECTIONS)}
        for key in ("articles", "entities"):
            if isinstance(data.get(key), dict):
                data[key] = {name: {} if spec is None else spec for name, spec in data[key].items()}
        return data
    # YAML line of each location, e.g. ("facts", 0) or ("acknowledged", 2, "status"); set by the loader
    _lines: dict[tuple[str | int, ...], int] = PrivateAttr(default_factory=dict)

    def line_of(self, *loc: str | int) -> int | None:
        """The 1-based line in the ledger file where ``loc`` starts, when loaded from a file."""
        return self._lines.get(tuple(loc))

    def acknowledgement(self, fingerprint: str) -> Acknowledgement | None:
        return next((ack for ack in self.acknowledged if ack.id == fingerprint), None)
