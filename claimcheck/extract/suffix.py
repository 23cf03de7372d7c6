"""What follows a number literal: scale suffixes ("10k", "2.33 k"), units, currency, "th", "1990s".

Letters glued to digits are a scale, a unit, an ordinal or decade suffix, or
else a code ("5G", "24703L202") and no quantity at all; a currency written
before the number is read here too, as it decides between "m" as metres
and "m" as million.
"""

from __future__ import annotations

import re

from claimcheck.extract.currencies import currency_before
from claimcheck.extract.multipliers import times_multiplier
from claimcheck.extract.numwords import SUFFIX_SCALES
from claimcheck.extract.prim import RATIO, Prim, currency_unit
from claimcheck.extract.textfold import alnum_at
from claimcheck.extract.unit_table import GBP_POUNDS, UnitDef
from claimcheck.extract.units import match_unit, unit_after

_GLUED_WORD = re.compile(r"[A-Za-z]+")
_ORD_SUFFIX = {"st", "nd", "rd", "th"}
_SPACED_SCALES = {
    "k": 1e3, "K": 1e3, "bn": 1e9, "mn": 1e6, "MM": 1e6, "mil": 1e6, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12,
    "tn": 1e12, "bln": 1e9, "mln": 1e6, "tln": 1e12,
}


def read_suffix(prim: Prim, text: str) -> Prim | None:
    """Read what follows the number: scale suffix, unit, percent, multiplier; None when it is a code."""
    pos = prim.end
    unit: tuple[UnitDef, int, str] | None = None
    cur = currency_before(text, prim.start)
    glued = pos < len(text) and (text[pos].isalpha() or text[pos] in "%×°µμ'")
    word = _GLUED_WORD.match(text, pos) if glued else None
    if word is not None:
        w = word.group()
        after = word.end()
        if w.lower() in _ORD_SUFFIX and prim.integer and not alnum_at(text, after):
            prim.kind, prim.end = "ordinal", after
            return prim
        if w in ("s", "S") and prim.integer and 1800 <= prim.value <= 2099 and not alnum_at(text, after):
            prim.kind, prim.end, prim.high = "year", after, prim.value + 9
            return prim
        unit = match_unit(text, pos, glued=True)
        scale = SUFFIX_SCALES.get(w) if not alnum_at(text, after) else None
        if cur is not None and w == "m" and not alnum_at(text, after):
            scale, unit = 1e6, None
        if scale is not None and (unit is None or unit[0].kind != "currency"):
            _apply_scale(prim, scale, after)
            pos, glued = after, False
            unit = None
        elif unit is None:
            return None  # "24703L202", "5G": letters glued to digits make a code
    if glued and word is None:
        unit = match_unit(text, pos, glued=True)
    elif not glued:
        sp = spaced_scale(text, pos, cur is not None)
        if sp is not None:
            _apply_scale(prim, sp[0], sp[1])
            pos = sp[1]
        unit = unit_after(text, pos, prim.scaled)
    if unit is not None:
        u, uend, surface = unit
        if u.unit == "g" and surface.lower().startswith("pound") and (prim.scale >= 1e6 or cur is not None):
            u = GBP_POUNDS  # "361 million pounds" is money, "25 pounds" a weight
        # With a currency before the number, "$5 million tons" stays money; the unit word is a noun.
        if cur is None or u.kind == "currency":
            prim.unit, prim.surface_unit, prim.end = u, surface, uend
    if prim.unit is None and cur is not None:
        prim.unit = currency_unit(cur[0])
        prim.surface_unit, prim.start = cur[2], cur[1]
    elif prim.unit is not None and prim.unit.kind == "currency" and cur is not None:
        prim.start = cur[1]
    if prim.unit is None and (mult := times_multiplier(text, prim.end)) is not None:
        prim.unit, prim.surface_unit, prim.end = RATIO, mult[1], mult[0]
    if prim.unit is not None:
        prim.kind = prim.unit.kind
    return prim


def _apply_scale(prim: Prim, scale: float, end: int) -> None:
    prim.value *= scale
    prim.step *= scale
    prim.scale, prim.scaled, prim.end = scale, True, end
    prim.surface_unit = None


def spaced_scale(text: str, pos: int, currency: bool) -> tuple[float, int] | None:
    """A scale abbreviation after a space: "2.33 k", "$1.8 m", "1,674.5 G"."""
    p = pos
    while p < len(text) and p - pos < 2 and text[p] == " ":
        p += 1
    if p == pos:
        return None
    m = _GLUED_WORD.match(text, p)
    if m is None or alnum_at(text, m.end()) or (m.end() < len(text) and text[m.end()] in "/²³"):
        return None
    w = m.group()
    if w == "m" and currency:
        return 1e6, m.end()
    return (
        (_SPACED_SCALES[w], m.end())
        if w in _SPACED_SCALES and (len(w) > 1 or w in "kK" or currency)
        else None
    )
