"""Prim: one number read in its immediate context, the unit shared by the recognizer's steps.

Reading a number (numread.py) fills a Prim from the literal, what follows it
(suffix.py) and notation glued to it (notation.py); ranges, qualifiers and
filters (qualifiers.py, lookalikes.py) then adjust it before quantities.py
turns it into a Quantity.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.extract.unit_table import UnitDef

RATIO = UnitDef("x", "ratio", 1.0, "multiplier")


@dataclass(slots=True)
class Prim:
    """A number read in its immediate context, before ranges and qualifiers."""

    start: int
    end: int
    value: float  # stated value with scale applied, in the stated unit
    step: float  # precision in the stated unit; 0 when exact
    unit: UnitDef | None = None
    surface_unit: str | None = None
    kind: str = "number"
    scale: float = 1.0
    scaled: bool = False
    high: float | None = None  # vague plurals: "hundreds of thousands"
    words: bool = False
    integer: bool = True  # written as digits with no decimals or separators
    digits: str = ""


def currency_unit(code: str) -> UnitDef:
    return UnitDef(code, "currency", 1.0, "currency")
