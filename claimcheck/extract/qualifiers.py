"""Qualifiers and ranges: "more than 5", "about 40%", "10+", "20-25%", "between 2 and 3", "$3 and 50 cents".

A qualifier before a number ("nearly", "up to") or after it ("+", "or
more", "or so") turns a value into an interval; two numbers joined by a
dash, "to" or "between ... and" become one range.
"""

from __future__ import annotations

import re

from claimcheck.extract.prim import Prim
from claimcheck.extract.textfold import word_before
from claimcheck.language.lexicon import load_quantity_lexicon
from claimcheck.language.patterns import alternation

_LEX = load_quantity_lexicon("en")  # the words are data: claimcheck/language/lexicons/en.quantities.yaml


def _phrase(words: str) -> str:
    """A qualifier phrase as a regex: a phrase ending in "." may omit it ("approx", "approx.")."""
    if words.endswith(".") and len(words) > 1:
        return _phrase(words[:-1]) + r"\.?"
    return re.escape(words).replace("\\ ", " ")


# Phrase -> the interval it gives; the approximate ones are every other phrase the regex reads.
QUALIFIERS = {p: kind for kind, phrases in _LEX.qualifiers.items() if kind != "approx" for p in phrases}
_APPROX = _LEX.qualifiers.get("approx", ())

_QUAL_BEFORE = re.compile(
    r"(?:^|(?<=[^A-Za-z]))(?P<q>"
    + "|".join(_phrase(p) for p in (*QUALIFIERS, *_APPROX, *_LEX.range_openers))
    + r")\s*$",
    re.IGNORECASE,
)
_QUAL_AFTER = re.compile(
    rf"(?P<q>\s?\+|-(?:{alternation(_LEX.plus_suffixes)})|\s+(?:{alternation(_LEX.at_least_after)})|"
    rf"\s+(?:{alternation(_LEX.approx_after)}))(?![A-Za-z0-9])"
)
_RANGE_GAP = re.compile(rf"\s*(?:-|–|—|{alternation((*_LEX.range_joiners, *_LEX.between_joiners))})\s*|\s*-\s*")
_QUAL_LAST_WORDS = {
    w.split(" ")[-1].rstrip(".") for w in (*QUALIFIERS, *_APPROX, *_LEX.range_openers) if w[:1].isalpha()
}


def qualifier_before(text: str, p: Prim) -> tuple[int, str]:
    """(start, qualifier) for a qualifier just before p; "between"/"from" come back as such for a range."""
    # A cheap look at the word before saves running the regex for almost every number.
    k = p.start
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if k == 0 or (
        (text[k - 1] != "~" and not (before := word_before(text, k)))
        or (text[k - 1] != "~" and before and before[0].lower() not in _QUAL_LAST_WORDS)
    ):
        return p.start, "exact"
    m = _QUAL_BEFORE.search(text, max(0, p.start - 24), p.start)
    if m is None:
        return p.start, "exact"
    word = m.group("q").lower()
    if word in _LEX.range_openers:
        return m.start("q"), word
    qual = QUALIFIERS.get(word, "approx")
    if qual == "over" and p.unit is not None and p.unit.dimension == "time":
        return p.start, "exact"  # "over three years" is a period, not a lower bound
    return m.start("q"), qual


def range_of(text: str, a: Prim, b: Prim, qual: str) -> tuple[Prim, Prim] | None:
    """ "20-25%", "2 to 3 million", "between 2 and 3": (a, b) as one range, or None.

    On success a and b are updated in place: the unit and scale one of them
    states is shared with the other, and a ends where b ends.
    """
    gap = text[a.end : b.start]
    m = _RANGE_GAP.fullmatch(gap)
    if m is None or a.kind == "ordinal" or b.kind == "ordinal" or a.high is not None or b.high is not None:
        return None
    word = gap.strip()
    between = qual in _LEX.between_openers
    if (word in _LEX.between_joiners and not between) or (word in _LEX.range_joiners and between):
        return None
    if a.kind == "year" and b.kind != "year" and b.integer and len(b.digits) == 2 and word in "-–":
        b.value, b.kind = a.value // 100 * 100 + b.value, "year"  # "2023-24"
    if a.unit is not None and b.unit is not None and a.unit.dimension != b.unit.dimension:
        return None
    if (a.kind == "year") != (b.kind == "year"):
        return None
    if a.unit is None and b.unit is not None:
        a.unit, a.kind, a.surface_unit = b.unit, b.kind, b.surface_unit
    if b.unit is None and a.unit is not None:
        if word in ("to", "through") and not b.scaled:
            return None
        b.unit, b.kind = a.unit, a.kind
    if not a.scaled and b.scaled:
        a.value, a.step = a.value * b.scale, a.step * b.scale
    if a.value >= b.value:
        return None
    a.end = b.end
    return a, b


def money_and_cents(text: str, a: Prim, b: Prim) -> bool:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount."""
    if a.kind != "currency" or b.kind != "currency" or a.unit is None or b.unit is None:
        return False
    if a.unit.unit != b.unit.unit or a.unit.factor != 1.0 or b.unit.factor != 0.01 or a.scaled:
        return False
    if not re.fullmatch(r"\s{1,2}(?:and\s{1,2})?", text[a.end : b.start]):
        return False
    a.value += b.value * 0.01
    a.step = min(a.step, 0.01) if a.step else 0.0
    a.end, a.surface_unit = b.end, a.surface_unit
    return True


def qualified_interval(
    text: str, p: Prim, qual: str, nominal: float, low: float, high: float
) -> tuple[float | None, float | None, str]:
    """(low, high, qualifier) for one value under its qualifier; ``low``/``high`` are its precision bounds.

    A qualifier written after the number ("10+", "5 or so") is read here, and
    moves ``p.end`` past it.
    """
    m = _QUAL_AFTER.match(text, p.end)
    if m is not None and qual == "exact":
        qual = "approx" if m.group("q").strip() in _LEX.approx_after else "at_least"
        p.end = m.end()
    x = nominal
    if qual == "over":
        return x, 10 * x, qual
    if qual == "at_least":
        return x, None, qual
    if qual in ("under", "at_most", "up_to"):
        return None, x, qual
    if qual == "nearly":
        return 0.9 * x, x, qual
    if qual == "approx":
        d = max(0.1 * abs(x), high - x)
        return x - d, x + d, qual
    return low, high, qual
