"""What a sentence says around a number: its clause, the entity it is about, who says so, how sure."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from claimcheck.extract import lexicon
from claimcheck.extract.entities import Mention, looks_like_product
from claimcheck.language.lexicon import load_lexicon
from claimcheck.language.patterns import alternation
from claimcheck.models import Modality

_CLAUSES = load_lexicon("en").clauses  # the words are data: "clauses" in en.yaml
_CLAUSE_BREAK = re.compile(
    rf"[;:]|\s[—–]\s|\s-\s|,\s(?:{alternation(_CLAUSES.breaking_conjunctions)}|"
    rf"(?:{alternation(_CLAUSES.breaking_before_capital)})\s(?=[A-Z]))\s|\.\s"
)
_OWNER_BEFORE = re.compile(rf"(?i)(?:{alternation(_CLAUSES.owner_cues)})\s+$")


@dataclass(frozen=True)
class SentenceContext:
    text: str  # the whole article text: offsets are global
    start: int
    end: int
    mentions: list[Mention]
    topic: str | None  # the entity the surrounding text is about, for sentences that name none
    heading: bool = False
    table_header: list[str] | None = None
    table_cells: list[tuple[int, int]] = field(default_factory=list)  # spans of this row's cells
    main_entity: str | None = None  # what the article is mostly about: "the company" refers to it

    @property
    def sentence(self) -> str:
        return self.text[self.start : self.end]

    @functools.cached_property
    def clause_breaks(self) -> list[tuple[int, int]]:
        """Clause boundaries, found once per sentence: every claim in it asks for them."""
        return [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(self.text, self.start, self.end)]


def clause_bounds(ctx: SentenceContext, position: int) -> tuple[int, int]:
    """The clause around ``position``: semicolons, colons, spaced dashes and ", but" end clauses."""
    if ctx.table_header is not None:
        for s, e in ctx.table_cells:
            if s <= position < e:
                return s, e
    breaks = ctx.clause_breaks
    index = bisect.bisect_right(breaks, (position, position))
    start = ctx.start
    for _, b_end in reversed(breaks[:index]):
        if b_end <= position:
            start = b_end
            break
    end = ctx.end
    for b_start, _ in breaks[index:]:
        if b_start >= position:
            end = b_start
            break
    return start, end


def is_comparison_base(ctx: SentenceContext, mention: Mention) -> bool:
    """"over X", "than X", "compared with X": X is what the subject is measured against."""
    window = ctx.text[max(ctx.start, mention.start - 30) : mention.start]
    return bool(lexicon.COMPARISON_BEFORE.search(window))


def comparison_base(ctx: SentenceContext, after: int, before: int) -> Mention | None:
    for mention in ctx.mentions:
        if after <= mention.start < before and is_comparison_base(ctx, mention):
            return mention
    return None


def choose_subject(
    ctx: SentenceContext, anchor_start: int, anchor_end: int, inside: tuple[int, int] | None = None
) -> tuple[Mention | None, str | None]:
    """The entity a value at [anchor_start, anchor_end) is about, and the topic fallback.

    Preference: a name inside the value's own noun phrase ("5,000 Widget units");
    then the clause's first product-like name that is neither a comparison base
    nor a possessive owner (the grammatical subject, past any aside), then its
    first such name of any kind; the same in the sentence before the clause; the
    topic carried from the text around it; a possessive owner; a following name.
    """
    if inside is not None:
        for mention in ctx.mentions:
            if inside[0] <= mention.start and mention.end <= inside[1]:
                return mention, None
    c_start, _ = clause_bounds(ctx, anchor_start)
    for window_start in (c_start, ctx.start):
        preceding = [
            m for m in ctx.mentions
            if window_start <= m.start and m.end <= anchor_start and not is_comparison_base(ctx, m)
        ]
        for rank in (lambda m: looks_like_product(m.name) and not m.possessive, lambda m: not m.possessive):
            ranked = [m for m in preceding if rank(m)]
            if ranked:
                return ranked[0], None
    if ctx.topic:
        return None, ctx.topic
    owners = [m for m in ctx.mentions if c_start <= m.start and m.end <= anchor_start]
    if owners:
        return owners[-1], None
    # names after the figure are mostly speakers and sources ("..., the CEO said"): the article's
    # main subject is the better guess for "the company operates 1,150 stores"
    return None, ctx.main_entity


def choose_owner(ctx: SentenceContext, subject: str | None, anchor_start: int, anchor_end: int,
                 beneficiary_only: bool = False) -> str | None:
    """Whose share a count is: "dedicated to X", "for X", or the clause's subject "X is running N"."""
    c_start, c_end = clause_bounds(ctx, anchor_start)
    for mention in ctx.mentions:
        if anchor_end <= mention.start <= c_end and mention.name != subject:
            before = ctx.text[max(anchor_end, mention.start - 20) : mention.start]
            # plain "by" is left out: "by Christmas", "by Friday" are deadlines, not owners
            if _OWNER_BEFORE.search(before):
                return mention.name
    if beneficiary_only:
        return None
    for mention in ctx.mentions:
        if (c_start <= mention.start and mention.end <= anchor_start and mention.name != subject
                and not is_comparison_base(ctx, mention)):
            return mention.name
    return None


def modality(clause: str) -> Modality:
    for name, pattern in lexicon.MODALITY_PATTERNS:
        if pattern.search(clause):
            return name  # type: ignore[return-value]
    return "confirmed"


def attribution(sentence: str) -> str | None:
    for pattern in lexicon.ATTRIBUTION_PATTERNS:
        match = pattern.search(sentence)
        if match:
            who = match.group("who").strip(" ,")
            if who and len(who) <= 60:
                return who
    return None


def negated(clause: str) -> bool:
    return bool(lexicon.NEGATION.search(clause))


_TIME_WORDS = lexicon.TIME_WORDS  # dropped from content terms: "quarter revenue" is revenue


def content_terms(text: str) -> tuple[str, ...]:
    """Lower-case content words, crudely singularised, for fuzzy measure matching; time words dropped."""
    terms = []
    for word in re.findall(r"[A-Za-z][A-Za-z]+", text.lower()):
        if word in lexicon.STOPWORDS or word in _TIME_WORDS or len(word) < 3:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        terms.append(word)
    return tuple(terms)
