"""Numeric claims: a quantity, what it measures, whose it is, and how it is qualified."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract import lexicon
from claimcheck.extract.clause import (
    SentenceContext,
    choose_owner,
    choose_subject,
    clause_bounds,
    comparison_base,
    content_terms,
)
from claimcheck.language.lexicon import load_lexicon
from claimcheck.language.patterns import alternation, spaced_alternation
from claimcheck.models import ClaimKind, Quantity, Scope

_TEXT = load_lexicon("en").text
_WORDS = load_lexicon("en").numeric

# Physical dimensions map to a measure on their own; nearby words refine it.
_DIMENSION_MEASURE = {
    "compute": "compute", "bandwidth": "bandwidth", "bit-rate": "network bandwidth", "power": "power",
    "energy": "energy", "frequency": "clock speed", "length": "length", "mass": "weight", "area": "area",
    "volume": "volume", "speed": "speed", "temperature": "temperature",
}


def _measure_patterns(classes: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str]]]:
    """(measure, pattern) for each class of regular expressions in the lexicon, in the order listed."""
    return [(name, re.compile(rf"(?i)(?:{'|'.join(patterns)})")) for name, patterns in classes.items()]


# What a data size, a length or a time measures, by the words near it ("numeric" in en.yaml).
_DATA_MEASURES = _measure_patterns(_WORDS.data_measure_patterns)
_LENGTH_MEASURES = _measure_patterns(_WORDS.length_measure_patterns)
_TIME_MEASURES = [
    *_measure_patterns(_WORDS.time_measure_patterns),
    ("duration", re.compile(rf"(?i)(?:{alternation(_WORDS.duration_before)})\s*$")),
]
_MEMORY_BANDWIDTH = re.compile(rf"(?i){alternation(_WORDS.memory_bandwidth)}")


@dataclass(frozen=True)
class NumericDraft:
    """Everything the claim builder needs besides article bookkeeping."""

    kind: ClaimKind
    quantity: Quantity
    subject: str
    subject_text: str
    owner: str | None
    scope: Scope
    measure: str
    measure_terms: tuple[str, ...]
    quote_start: int
    quote_end: int
    base: str | None = None
    time_varying: bool = False
    clause: tuple[int, int] = (0, 0)


_VERB_REACH = 40
_BRACKET = re.compile(rf"(?i)(?:{alternation(_WORDS.brackets)})\b")
_BRACKET_BEFORE = re.compile(
    rf"(?i)(?:\b[a-z]{{3,}}(?:{'|'.join(_WORDS.bracket_plural_endings)})|"
    rf"\b(?:{alternation(_WORDS.bracket_age_words)}))\s+$"
)
_IRREGULAR = _TEXT.counted_irregulars
_IRREGULAR_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(" + alternation(_IRREGULAR) + r")\b"
)
_NOUN_AFTER = re.compile(r"\s+(?:[A-Z][\w\-.]*\s+|[a-z]+-[a-z]+\s+){0,3}([a-z]{3,}(?:s|es|ies))\b")
_PARTITIVE = re.compile(rf"\s+(?:{spaced_alternation(_WORDS.partitive)})\s")
_MONEY_SUBJECT_BEFORE = re.compile(rf"(?i)\b(?:{alternation(_WORDS.money_subject_preps)})\s+$")
_PERCENT_PHRASE_BREAK = re.compile(rf"(?i),|\b(?:{alternation(_WORDS.percent_phrase_breaks)})\b")
_PERCENT_TAIL_BREAK = re.compile(rf"(?i),|;|\.\s|{alternation(_WORDS.percent_tail_breaks)}")
_RATIO_FILLERS = re.compile(rf"(?i)\b(?:{alternation(_WORDS.ratio_fillers)})\b")


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def counted_noun(text: str, quantity: Quantity, limit: int) -> tuple[str, int, int] | None:
    """The counted noun and the span from the number to it: "5,000 Acme2 units" -> unit."""
    if quantity.noun:
        stem = re.escape(quantity.noun[:-1] if quantity.noun.endswith("y") else quantity.noun)
        match = re.compile(rf"(?i)\b{stem}\w*").search(text, quantity.end, min(limit, quantity.end + 60))
        return (quantity.noun, quantity.end, match.end()) if match else None
    fallback = _NOUN_AFTER.match(text, quantity.end, min(limit, quantity.end + 60))
    if fallback:
        return singular(fallback.group(1)), quantity.end, fallback.end()
    irregular = _IRREGULAR_AFTER.match(text[quantity.end : min(limit, quantity.end + 40)])
    if irregular:
        return _IRREGULAR[irregular.group(1)], quantity.end, quantity.end + irregular.end()
    return None


def _nearest_word(words: lexicon.WordClasses, text: str, start: int, end: int, anchor: int
                  ) -> tuple[str, int, int] | None:
    """The class of the lexicon word nearest to ``anchor`` in text[start:end], and its span."""
    best: tuple[int, str, int, int] | None = None
    for name, w_start, w_end in words.find(text, start, end):
        distance = w_start - anchor if w_start >= anchor else anchor - w_end + 3
        if best is None or distance < best[0]:
            best = (distance, name, w_start, w_end)
    return (best[1], best[2], best[3]) if best else None


def _nearest(patterns: list[tuple[str, re.Pattern[str]]], text: str, start: int, end: int, anchor: int
             ) -> tuple[str, int, int] | None:
    best: tuple[int, str, int, int] | None = None
    for name, pattern in patterns:
        for match in pattern.finditer(text, start, end):
            distance = match.start() - anchor if match.start() >= anchor else anchor - match.end() + 3
            if best is None or distance < best[0]:
                best = (distance, name, match.start(), match.end())
    return (best[1], best[2], best[3]) if best else None


def _scope(clause: str) -> Scope:
    if lexicon.AGGREGATE_MARKERS.search(clause):
        return "aggregate"
    if lexicon.TOTAL_MARKERS.search(clause):
        return "total"
    return "unspecified"


def _count_measure(ctx: SentenceContext, q: Quantity, c_start: int, c_end: int) -> NumericDraft | None:
    if _PARTITIVE.match(ctx.text, q.end):
        return None  # "two of the four labs": a share, not a count
    found = counted_noun(ctx.text, q, c_end)
    noun = (found[1], found[2]) if found else None
    # the verb must stand by the figure (about four words either side): a "has" two clauses away
    # says nothing about this number, and picking it up made unrelated counts comparable
    near_end = (noun[1] if noun else q.end) + _VERB_REACH + 20  # a phrase may start in reach and end past it
    reach_start = max(c_start, q.start - _VERB_REACH)
    verb = _nearest_word(lexicon.COUNT_VERBS, ctx.text, reach_start, min(c_end, near_end), q.start)
    if verb and noun and noun[0] <= verb[1] < noun[1]:
        # the noun itself ("customers") matched a class; what happens to it ("lost power") says more
        after_end = min(c_end, noun[1] + 2 * _VERB_REACH)
        after = _nearest_word(lexicon.COUNT_VERBS, ctx.text, noun[1], after_end, noun[1])
        before = _nearest_word(lexicon.COUNT_VERBS, ctx.text, reach_start, q.start, q.start)
        verb = after or before or verb
    clause = ctx.text[c_start:c_end]
    scope = _scope(clause)
    # a bare "two labs" is description; a count is a claim when something happens to it or it is a total
    if verb is None and scope != "total":
        return None
    if noun is None and not (verb and verb[0] in lexicon.PEOPLE_CLASSES):
        return None  # "rose to 58" counts nothing nameable unless the verb says what (a death toll)
    mention, topic = choose_subject(ctx, q.start, q.end, inside=noun)
    subject = mention.name if mention else (topic or "")
    noun_word = lexicon.NOUN_SYNONYMS.get(found[0], found[0]) if found else "count"
    if verb and verb[0] in lexicon.PEOPLE_CLASSES:
        measure = f"people {verb[0]}"  # "23 deaths" and "killed 41 people" count the same thing
    else:
        measure = f"{noun_word} {verb[0]}" if verb else noun_word
    period = lexicon.PERIOD.search(ctx.text, q.end, min(c_end, q.end + 60))
    if period:
        measure += " " + " ".join(period.group(0).lower().split())
    pieces = [q.start, q.end] + ([noun[1]] if noun else []) + ([verb[1], verb[2]] if verb else [])
    if scope == "unspecified" and lexicon.PART_MARKERS.search(ctx.text[max(c_start, q.start - 25) : q.start]):
        scope = "part"
    owner = choose_owner(ctx, subject, q.start, q.end)
    alone = lexicon.ALONE.search(ctx.text, ctx.start, ctx.end)
    if alone:
        # "in Port X alone, 450,000 ..." / "... stores in the Y alone": that place's share
        preceding = [m for m in ctx.mentions if m.end <= alone.start() and alone.start() - m.end <= 3]
        if preceding:
            owner, scope = preceding[-1].name, "part"
            # "In Port X alone, 450,000 homes ...": the place is the share, not the subject
            if owner == subject:
                others = [m.name for m in ctx.mentions
                          if c_start <= m.start < c_end and m.name != owner and not m.possessive]
                subject = others[0] if others else (ctx.topic or ctx.main_entity or subject)
        else:
            # "in the downtown district alone": an unnamed part is still a part
            before_alone = ctx.text[max(ctx.start, alone.start() - 40) : alone.start()]
            words = re.findall(r"\b[a-z][\w\-]*", before_alone)
            words = [w for w in words if w not in lexicon.STOPWORDS][-3:]
            if words:
                owner, scope = " ".join(words), "part"
    return NumericDraft(
        ClaimKind.NUMERIC, q, subject, mention.surface if mention else "", owner,
        scope, measure, content_terms(measure), min(pieces), max(pieces),
        time_varying=bool(verb and verb[0] in lexicon.TIME_VARYING_CLASSES) or scope == "total",
        clause=(c_start, c_end),
    )


_PERIOD_WORDS = _TEXT.money_period_words  # "quarterly revenue" is revenue; "cloud revenue" is not


def _money_measure(ctx: SentenceContext, q: Quantity, c_start: int, c_end: int) -> NumericDraft | None:
    window = (max(c_start, q.start - 60), min(c_end, q.end + 40))
    found = _nearest_word(lexicon.MONEY_WORDS, ctx.text, *window, q.end)
    if found is None:
        return None
    measure, m_start, m_end = found
    # a segment ("online sales", "cloud revenue") is not the whole; period words ("quarterly") don't matter
    modifier = re.search(r"([A-Za-z][a-z\-]+)\s+$", ctx.text[max(c_start, m_start - 25) : m_start])
    if modifier and modifier.group(1).lower() not in _PERIOD_WORDS and modifier.group(1).lower() not in \
            lexicon.STOPWORDS and \
            modifier.group(1).lower() not in _TEXT.money_not_segments:
        measure = f"{modifier.group(1).lower()} {measure}"
    # the party the money is about: "investment in X", "commitment from X"
    subject_mention = None
    for mention in ctx.mentions:
        if c_start <= mention.start < c_end and mention.start >= min(m_start, q.start):
            before = ctx.text[max(c_start, mention.start - 8) : mention.start]
            if _MONEY_SUBJECT_BEFORE.search(before):
                subject_mention = mention
                break
    if subject_mention is None:
        subject_mention, topic = choose_subject(ctx, q.start, q.end)
    else:
        topic = None
    subject = subject_mention.name if subject_mention else (topic or "")
    clause = ctx.text[c_start:c_end]
    scope = _scope(clause)
    if scope == "unspecified" and lexicon.PART_MARKERS.search(ctx.text[max(c_start, q.start - 25) : q.start]):
        scope = "part"
    spans = [q.start, q.end, m_start, m_end]
    if subject_mention and abs(subject_mention.start - q.end) < 40:
        spans += [subject_mention.start, subject_mention.end]
    return NumericDraft(
        ClaimKind.NUMERIC, q, subject, subject_mention.surface if subject_mention else "", None, scope,
        measure, (measure,), min(spans), max(spans),
        time_varying=measure in lexicon.TIME_VARYING_MONEY and scope == "total", clause=(c_start, c_end),
    )


_GENERIC_DIMENSIONS = {"length", "time", "mass", "area", "volume", "speed", "temperature", "data"}
_OF_NOUN = re.compile(
    rf"\s+(?:{alternation(_WORDS.measured_of)})\s+(?:(?:{alternation(_WORDS.measured_of_determiners)})\s+)?"
    r"([a-z][a-z\-]{2,})"
)
_PROPORTION_OF = re.compile(rf"\s+(?:{alternation(_WORDS.proportion_of)})\s")
_NOUN_BEFORE = re.compile(
    rf"([a-z][a-z\-]{{2,}})\s+(?:{alternation(_WORDS.measured_links)})?"
    rf"\s*(?:{alternation(_WORDS.measured_qualifiers)})?\s*$"
)


def _thing_measured(ctx: SentenceContext, q: Quantity, c_start: int) -> str | None:
    """For vague dimensions, the noun that says what was measured: "380 mm of rain", "a surge of 3 m"."""
    after = _OF_NOUN.match(ctx.text, q.end)
    if after and after.group(1) not in lexicon.STOPWORDS:
        return after.group(1)
    before = _NOUN_BEFORE.search(ctx.text[max(c_start, q.start - 40) : q.start])
    if before and before.group(1) not in lexicon.STOPWORDS:
        return before.group(1)
    return None


def _spec_measure(ctx: SentenceContext, q: Quantity, c_start: int, c_end: int) -> NumericDraft | None:
    window_start, window_end = max(c_start, q.start - 40), min(c_end, q.end + 40)
    if q.dimension == "data":
        found = _nearest(_DATA_MEASURES, ctx.text, window_start, window_end, q.end)
        measure = found[0] if found else "data size"
    elif q.dimension == "length":
        found = _nearest(_LENGTH_MEASURES, ctx.text, window_start, window_end, q.end)
        measure = found[0] if found else "length"
    elif q.dimension == "time":
        found = _nearest(_TIME_MEASURES, ctx.text, window_start, window_end, q.start)
        measure = found[0] if found else "duration"
    else:
        measure = _DIMENSION_MEASURE.get(q.dimension, q.dimension)
        found = None
    if q.dimension == "bandwidth" and _MEMORY_BANDWIDTH.search(ctx.text[window_start:window_end]):
        measure = "memory bandwidth"
    if q.dimension in _GENERIC_DIMENSIONS and found is None and ctx.table_header is None:
        thing = _thing_measured(ctx, q, c_start)
        if thing is None:
            return None  # "four decades", "three meters" alone: too vague to compare across articles
        measure = f"{measure} of {thing}"
    if ctx.table_header is not None:
        measure = measure if q.dimension != "data" or found else "memory"
    tag = lexicon.PRECISION_TAG.search(ctx.text, q.start, min(c_end, q.end + 30))
    if tag:
        measure = f"{measure} {tag.group(0)}"
    clause = ctx.text[c_start:c_end]
    near = ctx.text[max(c_start, q.start - 20) : min(c_end, q.end + 30)]
    scope: Scope = "aggregate" if lexicon.AGGREGATE_MARKERS.search(near) else "per_unit"
    if scope == "per_unit" and lexicon.TOTAL_MARKERS.search(near):
        scope = "aggregate"
    mention, topic = choose_subject(ctx, q.start, q.end)
    owner = choose_owner(ctx, mention.name if mention else topic, q.start, q.end, beneficiary_only=True)
    if ctx.table_header is not None and ctx.table_cells:
        first = ctx.table_cells[0]
        row_subject = [m for m in ctx.mentions if first[0] <= m.start < first[1]]
        mention, topic = (row_subject[-1], None) if row_subject else (None, None)
    subject = mention.name if mention else (topic or "")
    end = tag.end() if tag else q.end
    del clause
    return NumericDraft(
        ClaimKind.NUMERIC, q, subject, mention.surface if mention else "", owner, scope, measure,
        content_terms(measure), q.start, end, clause=(c_start, c_end),
    )


def _percent_measure(ctx: SentenceContext, q: Quantity, c_start: int, c_end: int) -> NumericDraft | None:
    after = ctx.text[q.end : min(c_end, q.end + 60)]
    before = ctx.text[max(c_start, q.start - 40) : q.start]
    # only the phrase the percentage belongs to: "reduced training times by 35%", not the whole clause
    before = _PERCENT_PHRASE_BREAK.split(before)[-1]
    if _PROPORTION_OF.match(after):
        return None  # "60% of X": a proportion, built by proportions.py
    down = lexicon.DIRECTION_DOWN.search(before + " " + after[:30])
    up = lexicon.DIRECTION_UP.search(before + " " + after[:30])
    direction = "down" if down else ("up" if up else "")
    after = _PERCENT_TAIL_BREAK.split(after)[0]
    terms = content_terms(before + " " + after)
    terms = tuple(
        t for t in terms if not (lexicon.DIRECTION_DOWN.fullmatch(t) or lexicon.DIRECTION_UP.fullmatch(t))
    )
    if not terms:
        return None
    base = comparison_base(ctx, q.end, c_end)
    mention, topic = choose_subject(ctx, q.start, q.end)
    subject = mention.name if mention else (topic or "")
    measure = " ".join(([direction] if direction else []) + list(terms[:6]))
    return NumericDraft(
        ClaimKind.NUMERIC, q, subject, mention.surface if mention else "", None, "unspecified", measure,
        terms, max(c_start, q.start - len(before.lstrip())), min(c_end, q.end + len(after)),
        base=base.name if base else None, clause=(c_start, c_end),
    )


def _ratio(ctx: SentenceContext, q: Quantity, c_start: int, c_end: int) -> NumericDraft | None:
    base = comparison_base(ctx, q.end, c_end) or comparison_base(ctx, c_start, q.start)
    mention, topic = choose_subject(ctx, q.start, q.end)
    if base is None:
        # "three times its average of 95 mm": the arithmetic check works within the sentence
        subject = mention.name if mention else (topic or "")
        return NumericDraft(ClaimKind.RATIO, q, subject, mention.surface if mention else "", None,
                            "unspecified", "sentence ratio", (), q.start, q.end, base=None,
                            clause=(c_start, c_end))
    if mention is not None and mention.name == base.name:
        mention, topic = None, ctx.topic
    subject = mention.name if mention else (topic or "")
    tail = ctx.text[q.end : min(c_end, q.end + 60)]
    tag = lexicon.PRECISION_TAG.search(tail)
    down = lexicon.DIRECTION_DOWN.search(tail[:25])
    direction = "down" if down else "up"
    terms = content_terms(
        _RATIO_FILLERS.sub(" ", tail.split(",")[0])
    )
    measure = " ".join(terms[:4]) if terms else ""
    if tag:
        measure = f"{measure} {tag.group(0)}".strip()
    return NumericDraft(
        ClaimKind.RATIO, q, subject, mention.surface if mention else "", None, "unspecified",
        f"{direction} {measure}".strip(), terms, q.start, base.end, base=base.name, clause=(c_start, c_end),
    )


_LIST_OPENER = re.compile(
    r"\s*(?::|—|–|" + "|".join(",? " + re.escape(opener) for opener in _WORDS.list_openers) + r")\s*"
)
_LIST_JOINER = re.compile(r"^[^,;.:]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _is_bracket(ctx: SentenceContext, q: Quantity) -> bool:
    """ "children under 10", "adults over 65": an age or size bracket, not a count."""
    before = ctx.text[max(ctx.start, q.start - 20) : q.start]
    return bool(_BRACKET.match(q.text) and _BRACKET_BEFORE.search(before))


def listed_parts(
    ctx: SentenceContext, quantities: list[Quantity], totals: list[NumericDraft]
) -> list[NumericDraft]:
    """ "1,240 homes: 610 destroyed, 480 with major damage and 90 with minor damage" -> three parts."""
    parts: list[NumericDraft] = []
    for total in totals:
        if total.kind != ClaimKind.NUMERIC or total.quantity.dimension != "number":
            continue
        gap = ctx.text[total.quote_end : min(ctx.end, total.quote_end + 40)]
        opener = _LIST_OPENER.search(gap)
        if opener is None or not re.fullmatch(r"[^,;.0-9]*", gap[: opener.start()]):
            continue
        start = total.quote_end + opener.end()
        # "78 children under 10, 22 teenagers and 24 adults": the age bracket is not a list item
        items = [q for q in quantities if q.start >= start and q.kind == "number" and not _is_bracket(ctx, q)]
        chain: list[Quantity] = []
        for item in items:
            if not chain:
                if item.start - start > 2:
                    break
            elif not _LIST_JOINER.match(ctx.text[chain[-1].end : item.start]):
                break
            chain.append(item)
        if len(chain) >= 2:
            parts += [
                NumericDraft(ClaimKind.NUMERIC, q, total.subject, total.subject_text, None, "part",
                             total.measure, total.measure_terms, q.start, q.end,
                             base=f"parts:{total.quantity.text}", clause=total.clause)
                for q in chain
            ]
    return parts


def numeric_drafts(ctx: SentenceContext, quantities: list[Quantity]) -> list[NumericDraft]:
    drafts: list[NumericDraft] = []
    for q in quantities:
        if q.kind in ("year", "ordinal"):
            continue
        if _is_bracket(ctx, q):
            continue
        c_start, c_end = clause_bounds(ctx, q.start)
        if q.kind == "multiplier":
            draft = _ratio(ctx, q, c_start, c_end)
        elif q.kind == "currency":
            draft = _money_measure(ctx, q, c_start, c_end)
        elif q.kind == "percent":
            draft = _percent_measure(ctx, q, c_start, c_end)
        elif q.kind == "unit":
            draft = _spec_measure(ctx, q, c_start, c_end)
        else:
            draft = _count_measure(ctx, q, c_start, c_end)
        if draft is not None and draft.subject:
            drafts.append(draft)
    parts = listed_parts(ctx, quantities, drafts)
    listed = {p.quantity.start for p in parts}
    return [d for d in drafts if d.quantity.start not in listed] + parts
