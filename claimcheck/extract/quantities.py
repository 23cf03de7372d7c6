"""Find quantities in text: numbers with their unit, qualifier, precision and counted noun.

One pass over tokens (numbers.py) finds number phrases (phrases.py); each is
read in its context (numread.py): a currency before it, a scale suffix or
unit after it (suffix.py, units.py), notation glued to it (notation.py).
Then, here: numbers that are days or versions are dropped (lookalikes.py),
qualifiers and range partners are joined (qualifiers.py) and each becomes a
Quantity with the noun it counts (nouns.py). Spans that are not quantities at
all (URLs, times of day, dates, phone numbers) are masked first
(textfold.py). Every step is linear in the text, so no input can make this
slow.
"""

from __future__ import annotations

import math

from claimcheck.extract.lookalikes import is_date_day, is_version
from claimcheck.extract.multipliers import multiplier_words
from claimcheck.extract.nouns import noun_after, singular
from claimcheck.extract.numbers import tokenize
from claimcheck.extract.numread import read_at
from claimcheck.extract.prim import Prim
from claimcheck.extract.qualifiers import money_and_cents, qualified_interval, qualifier_before, range_of
from claimcheck.extract.textfold import fold, masked
from claimcheck.models import Quantity

__all__ = ["find_quantities", "scan", "singular"]  # singular: tests and callers read nouns through here

def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start, non-overlapping; never raises."""
    try:
        return scan(text)
    except Exception:  # a flaw in one odd text must never stop an audit; tests call scan() directly
        return []


def scan(text: str) -> list[Quantity]:
    if not isinstance(text, str) or not text:
        return []
    folded = fold(text)
    mask = masked(folded)
    toks = tokenize(folded)
    prims: list[Prim] = []
    i = 0
    while i < len(toks):
        got = read_at(toks, i, folded, mask)
        if got is None:
            i += 1
            continue
        prim, i = got
        if prim is not None and math.isfinite(prim.value) and (not prims or prim.start >= prims[-1].end):
            prims.append(prim)
    prims = multiplier_words(toks, folded, prims)
    return _finish(text, folded, prims)


def _finish(text: str, folded: str, prims: list[Prim]) -> list[Quantity]:
    kept: list[Prim] = []
    for p in prims:
        if is_date_day(folded, p) or is_version(folded, p):
            continue
        if (
            p.kind == "number"
            and p.unit is None
            and p.integer
            and len(p.digits) == 4
            and 1800 <= p.value <= 2100
            and noun_after(folded, p.end, p.value, False) is None
        ):
            p.kind = "year"
        if p.kind in ("year", "ordinal"):
            p.step = 0.0
        kept.append(p)
    out: list[Quantity] = []
    i = 0
    while i < len(kept):
        p = kept[i]
        q_start, qual = qualifier_before(folded, p)
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and money_and_cents(folded, p, nxt):
            i += 1
            nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and (rng := range_of(folded, p, nxt, qual)) is not None:
            out.append(_quantity(text, folded, rng[0], q_start, "range", rng[1]))
            i += 2
            continue
        if qual in ("between", "from"):
            q_start, qual = p.start, "exact"
        out.append(_quantity(text, folded, p, q_start, qual, None))
        i += 1
    return out


def _bounds(p: Prim) -> tuple[float, float, float]:
    conv = p.unit.convert if p.unit is not None else (lambda v: v)
    factor = p.unit.factor if p.unit is not None else 1.0
    nominal = conv(p.value)
    half = abs(p.step * factor) / 2
    return nominal, nominal - half, nominal + half


def _quantity(text: str, folded: str, p: Prim, start: int, qual: str, hi: Prim | None) -> Quantity:
    nominal, low, high = _bounds(p)
    lo_v: float | None = low
    hi_v: float | None = high
    if hi is not None:
        hi_nom = _bounds(hi)[0]
        lo_v, hi_v, nominal = nominal, hi_nom, (nominal + hi_nom) / 2
    elif p.high is not None:
        top = p.unit.convert(p.high) if p.unit is not None else p.high
        lo_v, hi_v, nominal, qual = nominal, top, (nominal + top) / 2, "range"
    else:
        lo_v, hi_v, qual = qualified_interval(folded, p, qual, nominal, low, high)
    kind = (
        p.kind
        if p.kind in ("number", "ordinal", "year", "percent", "currency", "multiplier", "unit")
        else "number"
    )
    unit = p.unit.unit if p.unit is not None else ""
    dim = p.unit.dimension if p.unit is not None else "number"
    noun = noun_after(folded, p.end, p.value, p.high is not None) if kind == "number" else None
    return Quantity(
        start=start, end=p.end, text=text[start : p.end], kind=kind, nominal=nominal, low=lo_v, high=hi_v,
        unit=unit, dimension=dim, qualifier=qual,
        noun=noun,
        surface_unit=p.surface_unit,
    )
