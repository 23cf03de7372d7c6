"""One article in, its claims out: sentences, names, numbers and cues assembled into Claim models."""

from __future__ import annotations

import bisect
import hashlib
import re

from claimcheck.extract import clause as ctxmod
from claimcheck.extract import display, lexicon
from claimcheck.extract.clause import SentenceContext
from claimcheck.extract.entities import (
    AliasTable,
    Mention,
    capitalised_mid_sentence,
    find_mentions,
    looks_like_product,
)
from claimcheck.extract.numeric import NumericDraft, numeric_drafts
from claimcheck.extract.proportions import ProportionDraft, proportion_drafts
from claimcheck.extract.quantities import find_quantities
from claimcheck.extract.sentences import split_sentences, table_cells
from claimcheck.extract.status import StatusDraft, status_drafts
from claimcheck.extract.timeexpr import TimeMention, find_relative_times, find_times
from claimcheck.language.lexicon import load_lexicon
from claimcheck.language.patterns import alternation, spaced_alternation
from claimcheck.models import Article, Claim, ClaimKind, Quantity, Value

_WINDOW = 160  # characters either side of a claim searched for its time and hedges
_NON_NEGATIVE = {
    "number", "currency", "compute", "data", "bandwidth", "bit-rate", "power", "energy", "percent",
}


def _claim_id(article: Article, start: int, end: int, kind: str, measure: str) -> str:
    digest = hashlib.sha1(f"{article.id}\0{start}\0{end}\0{kind}\0{measure}".encode()).hexdigest()
    return digest[:12]


def _quantity_value(q: Quantity) -> Value:
    low, high = q.low, q.high
    if low is None and q.dimension in _NON_NEGATIVE:
        low = 0.0
    return Value(low=low, high=high, nominal=q.nominal, unit=q.unit, dimension=q.dimension,
                 qualifier=q.qualifier, text=q.text,
                 display=display.interval(low, high, q.unit or (q.noun or "")))


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.claims: list[Claim] = []
        self._attributions: dict[int, str | None] = {}

    def add(self, ctx: SentenceContext, *, kind: ClaimKind, start: int, end: int, **fields: object) -> None:
        start, end = max(start, ctx.start), min(max(end, start + 1), ctx.end)
        clause_start, clause_end = ctxmod.clause_bounds(ctx, start)
        # searches around one claim stay within a bounded window, so a sentence packed with figures
        # costs linear time, not figures x sentence length
        near_start, near_end = max(clause_start, start - _WINDOW), min(clause_end, end + _WINDOW)
        time = fields.pop("time", None)
        time_source = fields.pop("time_source", "")
        if time is None:
            def claim_time(t: TimeMention) -> bool:
                """ "since 2023", "from last year": the start of a period, not when the figure holds."""
                return not lexicon.NOT_CLAIM_TIME.search(ctx.text[max(clause_start, t.start - 25) : t.start])

            stated = [
                t for t in find_times(ctx.text, near_start, near_end)
                if not (start <= t.start < end) and claim_time(t)
            ]
            published = self.article.published.span if self.article.published else None
            # "a year earlier" qualifies the figure right before it, not every figure in the clause
            stated += [
                t for t in find_relative_times(ctx.text, start, min(clause_end, end + 40), published)
                if t.start - end <= 30 and claim_time(t)
            ]
            if stated and kind in (ClaimKind.NUMERIC, ClaimKind.PROPORTION):
                time, time_source = stated[0].span, f'stated: "{stated[0].text}"'
            elif self.article.published:
                time = self.article.published.span
                time_source = f"article date ({self.article.published.origin})"
        # hedges and plans qualify what follows them: "beating estimates" after a figure does not make it one
        label = lexicon.MODAL_LABEL.match(ctx.sentence)
        if label and label.lastgroup:
            fields.setdefault("modality", label.lastgroup)
        fields.setdefault("modality", ctxmod.modality(ctx.text[near_start:end]))
        measure = str(fields["measure"])
        self.claims.append(Claim(
            id=_claim_id(self.article, start, end, kind.value, measure), article=self.article.id,
            path=self.article.path, line=self.article.line_at(start), start=start, end=end,
            sentence=ctx.sentence, quote=ctx.text[start:end], kind=kind, time=time, time_source=time_source,
            attribution=self._attribution(ctx),
            polarity=not ctxmod.negated(ctx.text[max(clause_start, start - 30) : end]),
            entities=tuple(dict.fromkeys(m.name for m in ctx.mentions)), **fields,
        ))

    def _attribution(self, ctx: SentenceContext) -> str | None:
        if ctx.start not in self._attributions:
            self._attributions[ctx.start] = ctxmod.attribution(ctx.sentence)
        return self._attributions[ctx.start]

    def numeric(self, ctx: SentenceContext, d: NumericDraft) -> None:
        self.add(ctx, kind=d.kind, start=d.quote_start, end=d.quote_end, subject=d.subject,
                 subject_text=d.subject_text, owner=d.owner, scope=d.scope, measure=d.measure,
                 measure_terms=d.measure_terms, value=_quantity_value(d.quantity), base=d.base,
                 time_varying=d.time_varying)

    def proportion(self, ctx: SentenceContext, d: ProportionDraft) -> None:
        value = Value(low=d.low, high=d.high, nominal=(d.low + d.high) / 2, unit="%", dimension="percent",
                      qualifier="exact" if d.low == d.high else "range", text=d.text,
                      display=display.interval(d.low, d.high, "%"))
        measure = f"share on {d.object}" if d.object else f"share {d.predicate}"
        self.add(ctx, kind=ClaimKind.PROPORTION, start=d.quote_start, end=d.quote_end, subject=d.subject,
                 subject_text=d.subject_text, measure=measure, measure_terms=d.terms, value=value,
                 base=d.object or None)

    def status(self, ctx: SentenceContext, d: StatusDraft) -> None:
        low = float(d.low.start.toordinal()) if d.low else None
        high = float(d.high.end.toordinal()) if d.high else None
        value = Value(low=low, high=high, unit="day", dimension="time", text=d.cue,
                      display=f"available {display.days(low, high)}")
        source = "stated" if d.explicit_time else "relative to the article date"
        self.add(ctx, kind=ClaimKind.TEMPORAL, start=d.quote_start, end=d.quote_end, subject=d.subject,
                 subject_text=d.subject_text, measure="availability", measure_terms=("availability",),
                 value=value, modality=d.modality, time=d.high or d.low, time_source=source)


def _topic(ctx: SentenceContext, previous: str | None) -> str | None:
    """What the next sentence is about if it names nothing: this sentence's first product-like subject.

    Comparison bases ("over X") and possessive owners do not change the topic.
    """
    subjects = [m for m in ctx.mentions if not m.possessive and not ctxmod.is_comparison_base(ctx, m)]
    if not subjects:
        return previous
    named = [m for m in subjects if looks_like_product(m.name)]
    return named[0].name if named else None


_LEX = load_lexicon("en")
_BY = alternation(_LEX.source_by)
_SOURCE_BEFORE = re.compile(
    rf"(?i)(?:{spaced_alternation(_LEX.source_openers)}|^(?:{_BY})|\n(?:{_BY}))\s+"
    rf"(?:(?:{alternation(_LEX.source_determiners)})\s+)?$"
)


def _dateline(text: str, mention: Mention) -> bool:
    """ "KESSOCK, Ore. —": an all-caps place opening a paragraph is where the story was filed."""
    if not mention.surface.isupper() or len(mention.surface) < 4:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    after = text[mention.end : mention.end + 3]
    return not text[line_start : mention.start].strip() and bool(re.match(r",| ?[—–-]| \(", after))


def _main_entity(article: Article, found: list[list[Mention]]) -> str | None:
    """The name the story is about, for "the company" and sentences that name nobody.

    Counted in the body: a name only in the headline ("Outlet: headline") is a label, not the
    subject; the opening sentences weigh double, and a short form ("Acme") counts for the one
    longer name it begins ("Acme Outfitters").
    """
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    title_end = len(article.title) if article.title and article.text.lstrip().startswith(article.title) else 0
    for index, mentions in enumerate(found):
        for mention in mentions:
            before = article.text[max(0, mention.start - 24) : mention.start]
            if _SOURCE_BEFORE.search(before) or (article.outlet and mention.name in article.outlet):
                continue  # the outlet and the sources it cites are not what the story is about
            in_title = mention.start < title_end + (len(article.text) - len(article.text.lstrip()))
            weight = 0 if in_title else (2 if index < 3 else 1)
            counts[mention.name] = counts.get(mention.name, 0) + weight
            first_seen.setdefault(mention.name, mention.start)
    for short in [n for n in counts if " " not in n]:
        longer = [n for n in counts if n.startswith(short + " ")]
        if len(longer) == 1:
            counts[longer[0]] += counts.pop(short)
    counts = {name: n for name, n in counts.items() if n > 0}
    if article.title:
        for name in counts:
            if name in article.title:
                counts[name] += 2
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], first_seen[n]))


def extract_claims(article: Article, aliases: AliasTable) -> list[Claim]:
    text = article.text
    known = capitalised_mid_sentence(text) | set(aliases.canonical)
    quantities = find_quantities(text)
    starts = [q.start for q in quantities]
    builder = _Builder(article)
    topic: str | None = None
    header: list[str] | None = None
    published = article.published.span if article.published else None
    sentences = split_sentences(text)
    found = [
        [m for m in find_mentions(text, s.start, s.end, aliases, known, s.heading) if not _dateline(text, m)]
        for s in sentences
    ]
    main = _main_entity(article, found)
    for sentence, mentions in zip(sentences, found, strict=True):
        cells: list[tuple[int, int]] = []
        if sentence.table_row:
            values = table_cells(sentence.text)
            if not values:
                continue
            if header is None:
                header = values
                continue
            cursor = sentence.start
            for _ in values:
                bar = text.find("|", cursor)
                nxt = text.find("|", bar + 1, sentence.end)
                if bar < 0 or nxt < 0:
                    break
                cells.append((bar + 1, nxt))
                cursor = nxt
        else:
            header = None
        ctx = SentenceContext(text, sentence.start, sentence.end, mentions, topic, sentence.heading,
                              header if sentence.table_row else None, cells, main)
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        in_sentence = [q for q in quantities[lo:hi] if q.end <= sentence.end]
        for draft in numeric_drafts(ctx, in_sentence):
            builder.numeric(ctx, draft)
        for proportion in proportion_drafts(ctx, in_sentence):
            builder.proportion(ctx, proportion)
        for status in status_drafts(ctx, published):
            builder.status(ctx, status)
        topic = _topic(ctx, topic)
    return builder.claims
