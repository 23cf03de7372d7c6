"""Human-readable normalised values: "2.7 million unit", "$45 billion", "3.1 PFLOP/s"."""

from __future__ import annotations

import datetime as dt

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_PREFIXES = ((1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))
_PREFIXED_UNITS = {"FLOP/s", "B", "B/s", "W", "Wh", "bit/s", "Hz"}
_SMALL_UNITS = {"m", "s", "g"}
_SMALL_PREFIXES = ((1.0, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p"))
_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def _trim(value: float) -> str:
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def number(value: float, unit: str = "") -> str:
    magnitude = abs(value)
    if unit in _SMALL_UNITS and 0 < magnitude < 1:
        for factor, prefix in _SMALL_PREFIXES:
            if magnitude >= factor * 0.999:
                return f"{_trim(value / factor)} {prefix}{unit}"
    if unit in _PREFIXED_UNITS:
        for factor, prefix in _PREFIXES:
            if magnitude >= factor:
                return f"{_trim(value / factor)} {prefix}{unit}"
        return f"{_trim(value)} {unit}"
    scaled = _trim(value)
    for factor, word in _SCALES:
        if magnitude >= factor:
            scaled = f"{_trim(value / factor)} {word}"
            break
    if unit in _CURRENCY_SIGNS:
        return f"{_CURRENCY_SIGNS[unit]}{scaled}"
    if unit == "%":
        return f"{scaled}%"
    if unit == "x":
        return f"{scaled}x"
    return f"{scaled} {unit}".strip()


def _word_unit(unit: str) -> bool:
    return (
        len(unit) > 2 and unit.replace(" ", "").isalpha() and unit not in _CURRENCY_SIGNS
        and unit not in _PREFIXED_UNITS and unit not in _SMALL_UNITS
    )


def interval(low: float | None, high: float | None, unit: str = "") -> str:
    if low is not None and high is not None:
        if abs(high - low) <= 1e-9 * max(1.0, abs(high)) or number(low, unit) == number(high, unit):
            return number(low, unit)  # "1,500 km" in metres: one figure, not "1.5 million m – 1.5 million m"
        if _word_unit(unit):  # "5,000 – 50,000 unit", not "5,000 unit – 50,000 unit"
            return f"{number(low)} – {number(high)} {unit}"
        return f"{number(low, unit)} – {number(high, unit)}"
    if low is not None:
        return f"≥ {number(low, unit)}"
    if high is not None:
        return f"≤ {number(high, unit)}"
    return "unknown"


def days(low: float | None, high: float | None) -> str:
    def day(value: float) -> str:
        return dt.date.fromordinal(int(value)).isoformat()

    if low is not None and high is not None:
        return day(low) if low == high else f"{day(low)} .. {day(high)}"
    if low is not None:
        return f"on or after {day(low)}"
    if high is not None:
        return f"on or before {day(high)}"
    return "unknown"
