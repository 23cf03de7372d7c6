"""Qualifiers and ranges: "more than 5", "about 40%", "10+", "20-25%", "between 2 and 3", "$3 and 50 cents".

A qualifier before a number ("nearly", "up to") or after it ("+", "or
more", "or so") turns a value into an interval; two numbers joined by a
dash, "to" or "between ... and" become one range.
"""

from __future__ import annotations

import re

from claimcheck.extract.prim import Prim
from claimcheck.extract.textfold import word_before

_QUAL_BEFORE = re.compile(
    r"(?:^|(?<=[^A-Za-z]))(?P<q>more than|over|above|in excess of|exceeding|upwards of|greater than|north of"
    r"|at least|no fewer than|no less than|not less than|a minimum of|minimum of"
    r"|just under|just shy of|nearly|almost|close to|not quite|just below"
    r"|less than|fewer than|under|below|at most|no more than|not more than|a maximum of|maximum of"
    r"|up to|as many as|as much as|as high as"
    r"|about|around|approximately|approx\.?|roughly|some|circa|an estimated|estimated|~|between|from)\s*$",
    re.IGNORECASE,
)
QUALIFIERS = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over", "exceeding": "over",
    "upwards of": "over", "greater than": "over", "north of": "over", "at least": "at_least",
    "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "a minimum of": "at_least", "minimum of": "at_least", "just under": "nearly", "just shy of": "nearly",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "not quite": "nearly",
    "just below": "nearly", "less than": "under", "fewer than": "under", "under": "under", "below": "under",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most", "a maximum of": "at_most",
    "maximum of": "at_most", "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "as high as": "up_to",
}
_QUAL_AFTER = re.compile(r"(?P<q>\s?\+|-plus|\s+or (?:more|greater|higher|above)|\s+or so)(?![A-Za-z0-9])")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and|through)\s*|\s*-\s*")
_QUAL_LAST_WORDS = {
    w.split(" ")[-1].rstrip(".")
    for w in (
        *QUALIFIERS, "about", "around", "approximately", "approx", "roughly", "some", "circa", "estimated",
        "between", "from",
    )
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
    if word in ("between", "from"):
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
    if (word == "and" and qual != "between") or (word in ("to", "through") and qual == "between"):
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
        qual = "approx" if m.group("q").strip() == "or so" else "at_least"
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
