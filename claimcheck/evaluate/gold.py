"""Gold files (the older project format and the tiered one), validated and located in article texts.

Gold format (YAML)::

    topic: slug                      # optional
    contradictions:
      - id: slug
        kind: numeric|temporal|proportion|arithmetic|categorical
        claims: [{file: a.txt, quote: "verbatim text", line: 12}, ...]   # line: optional
        why: ...                     # or note; optional
        severity: high|medium|low    # optional
        tier: required|bonus         # default required
    consistent:                      # look-alikes: must not be flagged
      - {id: slug, claims: [...], why: ...}
    borderline:                      # arguable: read, never scored
      - {id: slug, claims: [...], why: ...}

Every quote is located in the text the extractor reads (the article after its reader removed
markup), tolerant of whitespace and typographic quotes; a quote that is not there is an error
naming the item, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.evaluate.locate import Folded
from claimcheck.loader import load_articles
from claimcheck.models import Article, ContradictionKind, Frozen, Severity

KINDS: tuple[str, ...] = get_args(ContradictionKind)
COVERAGE_KINDS = ("numeric", "temporal", "proportion", "arithmetic")  # kinds a figure extractor can cover
Tier = Literal["required", "bonus"]
TierChoice = Literal["required", "bonus", "all"]
TIER_CHOICES: tuple[TierChoice, ...] = ("required", "bonus", "all")


class GoldError(ValueError):
    """The gold file is invalid: a clear message naming the item, never a traceback."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldClaimSpec(_Strict):
    file: str
    quote: str = Field(min_length=1)
    line: int | None = None  # disambiguates a quote that occurs more than once


class GoldItemSpec(_Strict):
    id: str
    kind: str | None = None
    note: str | None = None
    why: str | None = None
    severity: Severity | None = None
    tier: Tier = "required"
    claims: tuple[GoldClaimSpec, ...]


class GoldFileSpec(_Strict):
    topic: str | None = None
    contradictions: tuple[GoldItemSpec, ...] = ()
    consistent: tuple[GoldItemSpec, ...] = ()
    borderline: tuple[GoldItemSpec, ...] = ()


class Span(Frozen):
    """One place a gold quote occurs: offsets into an article's text and its stored lines."""

    article: str  # Article.id
    start: int
    end: int
    line_start: int
    line_end: int


class LocatedClaim(Frozen):
    """A gold claim: one (file, quote) in the corpus, wherever it occurs."""

    file: str  # path relative to the corpus, "/" separated
    quote: str
    spans: tuple[Span, ...]


class LocatedItem(Frozen):
    id: str
    kind: str | None
    tier: Tier = "required"
    severity: Severity | None = None
    why: str = ""
    claims: tuple[LocatedClaim, ...]


class Gold(Frozen):
    corpus: str
    topic: str | None = None
    articles: tuple[Article, ...]
    contradictions: tuple[LocatedItem, ...]
    consistent: tuple[LocatedItem, ...]
    borderline: int = 0  # items read but never scored


def relative_path(path: str, corpus: str) -> str:
    """An article path as given to the loader, relative to the corpus folder, "/" separated."""
    return Path(os.path.relpath(path, corpus)).as_posix()


class _Locator:
    def __init__(self, corpus: Path, articles: list[Article]) -> None:
        self.by_file: dict[str, list[Article]] = {}
        for article in articles:
            self.by_file.setdefault(relative_path(article.path, str(corpus)), []).append(article)
        self.texts: dict[str, Folded] = {a.id: Folded(a.text) for a in articles}
        self.corpus = corpus

    def resolve(self, name: str) -> str | None:
        name = Path(name).as_posix()
        if name in self.by_file:
            return name
        hits = [f for f in self.by_file if f.endswith("/" + name)]
        return hits[0] if len(hits) == 1 else None

    def claim(self, spec: GoldClaimSpec, where: str) -> LocatedClaim:
        rel = self.resolve(spec.file)
        if rel is None:
            raise GoldError(
                f"{where}: file {spec.file!r} not found (once) among the articles under {self.corpus}"
            )
        spans = [
            Span(article=a.id, start=f.start, end=f.end, line_start=a.line_at(f.start),
                 line_end=a.line_at(max(f.start, f.end - 1)))
            for a in self.by_file[rel]
            for f in self.texts[a.id].find_all(spec.quote)
        ]
        if spec.line is not None:
            spans = [s for s in spans if s.line_start <= spec.line <= s.line_end]
        if not spans:
            at = f" on line {spec.line}" if spec.line is not None else ""
            raise GoldError(f"{where}: quote {spec.quote!r} not found in the text of {rel}{at}")
        return LocatedClaim(file=rel, quote=spec.quote, spans=tuple(spans))

    def item(self, spec: GoldItemSpec, section: str) -> LocatedItem:
        where = f"{section}/{spec.id}"
        if section == "contradictions" and spec.kind not in KINDS:
            raise GoldError(f"{where}: kind must be one of {', '.join(KINDS)}, not {spec.kind!r}")
        if len(spec.claims) < 2:
            raise GoldError(f"{where}: needs at least two claims")
        return LocatedItem(
            id=spec.id, kind=spec.kind, tier=spec.tier, severity=spec.severity,
            why=spec.why or spec.note or "", claims=tuple(self.claim(c, where) for c in spec.claims),
        )


def parse_gold(data: Any, corpus: Path) -> Gold:
    """Validate gold data (already parsed YAML) against the articles under ``corpus``."""
    try:
        spec = GoldFileSpec.model_validate(data or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(p) for p in first["loc"])
        raise GoldError(f"invalid gold file at {where}: {first['msg']}") from None
    seen: set[str] = set()
    for section, items in (("contradictions", spec.contradictions), ("consistent", spec.consistent),
                           ("borderline", spec.borderline)):
        for item in items:
            if item.id in seen:
                raise GoldError(f"{section}/{item.id}: duplicate id")
            seen.add(item.id)
    if not corpus.is_dir():
        raise GoldError(f"corpus folder {corpus} not found")
    articles, _ = load_articles([str(corpus)])
    locator = _Locator(corpus, articles)
    return Gold(
        corpus=str(corpus),
        topic=spec.topic,
        articles=tuple(articles),
        contradictions=tuple(locator.item(i, "contradictions") for i in spec.contradictions),
        consistent=tuple(locator.item(i, "consistent") for i in spec.consistent),
        borderline=len(spec.borderline),
    )


def load_gold(path: Path, corpus: Path) -> Gold:
    """Read, validate and locate a gold file for the corpus folder it annotates."""
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C loader: much faster on big gold files
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from None
    if not corpus.is_dir():
        raise GoldError(f"corpus folder {corpus} not found")
    return parse_gold(data, corpus)
