"""The schema of claims.yaml, version 1 (see DESIGN.md, "claims.yaml").

Only the shape lives here: loading with line-aware errors is ``ledger.py``,
rewriting with comments kept ``ledger_edit.py``, facts as claims ``facts.py``
and acknowledgement policy ``policy.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

LEDGER_VERSION = 1


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


class Fact(_Strict):
    """An accepted fact: new articles are checked against it like against another article."""

    subject: str
    measure: str
    value: str  # as a journalist would write it: "2.7 million units", "$3 billion", "2031"
    as_of: dt.date | None = None
    source: str | None = None
    note: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        """``value: 2027`` reads as the text "2027"."""
        return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


AckStatus = Literal["accepted", "false-positive"]


class Acknowledgement(_Strict):
    """A reviewer's verdict on one contradiction, by fingerprint."""

    id: str
    status: AckStatus
    note: str = ""
    expires: dt.date | None = None
    rule: str | None = None  # informative copies, so a reviewer reading the file knows what it was
    subject: str | None = None
    measure: str | None = None


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
