"""Number words: cardinals, tens, scale words and abbreviations, dozens, ordinals and denominators."""

from __future__ import annotations

from claimcheck.extract.numbers import Tok

ONES = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
    "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12, "lakhs": 1e5, "crores": 1e7,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12,
}
# Abbreviated scales glued to digits ("10k", "$4bn"); case matters: "10M" is
# ten million but "10m" is ten metres (quantities.py decides for currency).
SUFFIX_SCALES = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9,
    "Bn": 1e9, "bln": 1e9, "tn": 1e12, "T": 1e12, "tln": 1e12, "trn": 1e12,
}
DOZENS = {"dozen": 12, "dozens": 12, "dz": 12, "dzs": 12, "doz": 12, "dozs": 12}
_ORD_BASE = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
    "trillionth": 1e12,
}
ORDINALS: dict[str, float] = dict(_ORD_BASE)
# Denominators of spoken fractions: "three fifths", "a quarter", "one half".
DENOMINATORS: dict[str, float] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
for _w, _v in _ORD_BASE.items():
    if _w not in ("first", "second"):
        DENOMINATORS[_w] = _v
        DENOMINATORS[_w + "s"] = _v
UNIT_WORDS = set(ONES) | set(TENS)
NUMBER_WORDS = UNIT_WORDS | {"hundred", "hundreds"} | set(SCALES) | set(DOZENS)


def ordinal_at(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
    """An ordinal word at i, compound ones included ("twenty-first")."""
    t = toks[i]
    if t.kind != "word":
        return None
    if t.text in TENS and i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].kind == "word":
        nxt = toks[i + 2]
        if nxt.start == toks[i + 1].end == t.end + 1 and ORDINALS.get(nxt.text, 99) < 10:
            return TENS[t.text] + ORDINALS[nxt.text], i + 2
    if t.text in ORDINALS:
        return ORDINALS[t.text], i
    return None


def denominator_at(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
    """A fraction's denominator at i: "fifths", "quarter", "twenty-firsts"."""
    t = toks[i]
    if t.kind != "word":
        return None
    if t.text in TENS and i + 2 < len(toks) and toks[i + 1].text == "-":
        nxt = toks[i + 2]
        base = nxt.text[:-1] if nxt.text.endswith("s") else nxt.text
        if nxt.start == toks[i + 1].end and base in ORDINALS and ORDINALS[base] < 10:
            return TENS[t.text] + ORDINALS[base], i + 2
    if t.text in DENOMINATORS:
        return DENOMINATORS[t.text], i
    return None
