"""Notation glued to a number literal: slash fractions, "1 out of 3", scientific and power notation."""

from __future__ import annotations

import math
import re

from claimcheck.extract.numbers import Tok
from claimcheck.extract.phrases import parse_phrase
from claimcheck.extract.prim import Prim

_SCI = re.compile(r"[eE][+-]?[0-9]{1,3}(?![A-Za-z0-9])")
_POWER = re.compile(r"\^[+-]?[0-9]{1,3}(?![0-9])")


def over_fraction(toks: list[Tok], last: int, text: str) -> tuple[float, int] | None:
    """ "one over three", "1 out of 3" ending a clause: a fraction, not two counts."""
    j = last + 1
    if j >= len(toks) or toks[j].text not in ("over", "out") or toks[j].start - toks[last].end != 1:
        return None
    j += 1
    if toks[j - 1].text == "out":
        if j >= len(toks) or toks[j].text != "of":
            return None
        j += 1
    if j >= len(toks) or text[toks[j - 1].end : toks[j].start] != " ":
        return None
    den = parse_phrase(toks, j, text)
    if den is None or den.value == 0 or den.step not in (0.0, 1.0):
        return None
    k = den.last + 1
    if k < len(toks) and toks[k].kind != "sym" and text[toks[den.last].end : toks[k].start].strip() == "":
        return None  # "$2000 over 3 years": the second number counts something
    return den.value, den.last


def slash_fraction(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
    """ "3/4", "10 1/2": slash fractions of small integers, never dates."""

    def slash(k: int) -> tuple[float, int] | None:
        if k + 2 >= len(toks) or toks[k + 1].text != "/":
            return None
        a, s, b = toks[k], toks[k + 1], toks[k + 2]
        if not (a.end == s.start and s.end == b.start and b.kind == "num" and a.kind == "num"):
            return None
        if a.decimals or b.decimals or a.grouped or b.grouped or b.value == 0 or b.value > 1000:
            return None
        if k + 3 < len(toks) and toks[k + 3].text == "/" and toks[k + 3].start == b.end:
            return None
        return a.value / b.value, k + 2

    own = slash(i)
    if own is not None:
        return own
    t = toks[i]
    if i + 1 < len(toks) and t.kind == "num" and not t.decimals and toks[i + 1].kind == "num":
        gap = text[t.end : toks[i + 1].start]
        mixed = slash(i + 1) if gap.isspace() and len(gap) <= 2 else None
        if mixed is not None and mixed[0] < 1:
            return t.value + mixed[0], mixed[1]
    return None


def apply_exponent(prim: Prim, text: str) -> None:
    """ "3e8", "10^6": scientific or power notation right after the literal, applied in place."""
    m = _SCI.match(text, prim.end)
    if m:
        exp = int(m.group()[1:])
        if abs(exp) > 300 or not math.isfinite(prim.value * 10.0**exp):
            return
        prim.value *= 10.0**exp
        prim.step *= 10.0**exp
        prim.end, prim.scaled = m.end(), True
        return
    m = _POWER.match(text, prim.end)
    if m:
        try:
            value = prim.value ** int(m.group()[1:])
        except (OverflowError, ZeroDivisionError):
            return
        if isinstance(value, float) and math.isfinite(value):
            prim.value, prim.step, prim.end = value, 0.0, m.end()
