"""Proportion claims: "all of X are Y", "most of X", "60% of X runs on Y", "the entire X was done on Y"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.clause import SentenceContext, content_terms
from claimcheck.language.lexicon import load_lexicon
from claimcheck.language.patterns import alternation
from claimcheck.models import Quantity

_QUANTIFIERS = load_lexicon("en").text.quantifiers  # share, in percent
_QUANT_RE = re.compile(
    r"(?i)(?<![\w\-])(?P<q>"
    + "|".join(sorted(map(re.escape, _QUANTIFIERS), key=len, reverse=True))
    + r") of\s+"
)
_WORDS = load_lexicon("en").proportions
_WHOLE_RE = re.compile(
    rf"(?i)(?<![\w\-])(?:(?:{alternation(_WORDS.whole_determiners)})\s+)?(?P<q>{alternation(_WORDS.whole_words)})\s+"
    rf"(?P<np>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s+(?:{alternation(_WORDS.whole_links)})\s+"
)
_AUX = re.compile(
    rf"(?i)\s(?:{alternation(_WORDS.predicate_words)}|[a-z]+(?:{'|'.join(_WORDS.predicate_endings)}))(?![\w])"
)
_OBJECT_BEFORE = re.compile(
    rf"(?i)(?:{alternation(_WORDS.object_preps)})\s+(?:(?:{alternation(_WORDS.object_determiners)})\s+|"
    rf"\w+(?:{alternation(_WORDS.possessive_endings)})\s+)?"
    r"(?:[a-z][\w\-]{0,20}\s+){0,2}$"  # "on Acme's custom Widget chips"
)


@dataclass(frozen=True)
class ProportionDraft:
    low: float
    high: float
    text: str  # the quantifier or percentage as written
    subject: str
    subject_text: str
    object: str
    terms: tuple[str, ...]
    quote_start: int
    quote_end: int
    predicate: str = ""  # the predicate's words, for people to read: "fully electric"


def _draft(ctx: SentenceContext, q_start: int, q_end: int, np_start: int, low: float, high: float,
           text: str, verb_from: int | None = None) -> ProportionDraft | None:
    aux = _AUX.search(ctx.text, verb_from if verb_from is not None else np_start, ctx.end)
    if aux is None:
        return None
    np_end = aux.start()
    pred_end = ctx.end
    for stop in (".", ";", ",", " - ", " — "):
        found = ctx.text.find(stop, aux.end(), ctx.end)
        if found != -1:
            pred_end = min(pred_end, found)
    # "Acme's latest models": the named owner of the group is the subject when nothing else is named
    named = [m for m in ctx.mentions if np_start <= m.start < np_end]
    in_np = [m for m in named if not m.possessive] or named
    objects = [
        m for m in ctx.mentions
        if aux.start() <= m.start < pred_end
        and _OBJECT_BEFORE.search(ctx.text[max(aux.start(), m.start - 20) : m.start])
    ]
    objects = [m for m in objects if not m.possessive] or objects
    predicate = ctx.text[aux.start() : pred_end]
    for mention in objects:
        predicate = predicate.replace(mention.surface, " ")
    words = content_terms(predicate)
    verbs = tuple(sorted({t[:5] for t in words}))  # stems match "trained" with "training"
    if not verbs:
        return None
    if in_np:
        subject_name, subject_surface = in_np[0].name, in_np[0].surface
    else:
        # "all of the state's public schools": the group itself is what the share is of
        group = content_terms(ctx.text[np_start:np_end])
        if not group:
            return None
        subject_name = subject_surface = " ".join(group)
    obj = objects[0].name if objects else ""
    end = objects[0].end if objects else pred_end
    return ProportionDraft(low, high, text, subject_name, subject_surface, obj, verbs, q_start, end,
                           " ".join(dict.fromkeys(words)))


def proportion_drafts(ctx: SentenceContext, quantities: list[Quantity]) -> list[ProportionDraft]:
    drafts: list[ProportionDraft] = []
    for match in _QUANT_RE.finditer(ctx.text, ctx.start, ctx.end):
        low, high = _QUANTIFIERS[match.group("q").lower()]
        draft = _draft(ctx, match.start(), match.end(), match.end(), low, high, match.group("q"))
        if draft:
            drafts.append(draft)
    for match in _WHOLE_RE.finditer(ctx.text, ctx.start, ctx.end):
        draft = _draft(ctx, match.start(), match.end(), match.start("np"), 100.0, 100.0,
                       match.group(0).strip(), verb_from=match.end())
        if draft:
            drafts.append(draft)
    for q in quantities:
        if q.kind != "percent" or not re.match(r"\s+of\s", ctx.text[q.end : q.end + 5]):
            continue
        np_start = ctx.text.index("of", q.end) + 3
        low = q.low if q.low is not None else 0.0
        high = q.high if q.high is not None else 100.0
        draft = _draft(ctx, q.start, q.end, np_start, low, high, q.text)
        if draft:
            drafts.append(draft)
    return drafts
