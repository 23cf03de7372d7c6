"""The schema of claims.yaml, version 1 (see DESIGN.md, "claims.yaml").

Only the shape lives here; loading with line-aware errors, rewriting with
comments kept, and acknowledgement policy live in ``ledger.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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

    ``parent`` is an is-a link (Trainium2 is a Trainium: a count of the child
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
    value: str  # as a journalist would write it: "1.4 million chips", "$8 billion", "2027"
    as_of: dt.date | None = None
    source: str | None = None
    note: str | None = None


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


class Ledger(_Strict):
    version: int = LEDGER_VERSION
    articles: dict[str, ArticleMeta] = Field(default_factory=dict)
    entities: dict[str, EntitySpec] = Field(default_factory=dict)
    measures: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # canonical -> synonyms
    facts: tuple[Fact, ...] = ()
    acknowledged: tuple[Acknowledgement, ...] = ()
    path: str | None = Field(default=None, exclude=True)  # where it was read from, for messages
