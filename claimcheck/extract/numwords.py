"""Number words: cardinals, tens, scale words and abbreviations, dozens, ordinals and denominators."""

from __future__ import annotations

from claimcheck.extract.numbers import Tok
from claimcheck.language.lexicon import load_quantity_lexicon

_LEX = load_quantity_lexicon("en")  # the words are data: claimcheck/language/lexicons/en.quantities.yaml
ONES: dict[str, int] = dict(_LEX.ones)
TENS: dict[str, int] = dict(_LEX.tens)
SCALES: dict[str, float] = dict(_LEX.scales)
# Abbreviated scales glued to digits ("10k", "$4bn"); case matters: "10M" is
# ten million but "10m" is ten metres (quantities.py decides for currency).
SUFFIX_SCALES: dict[str, float] = dict(_LEX.suffix_scales)
DOZENS: dict[str, int] = dict(_LEX.dozens)
_ORD_BASE: dict[str, float] = dict(_LEX.ordinals)
ORDINALS: dict[str, float] = dict(_ORD_BASE)
# Denominators of spoken fractions: "three fifths", "a quarter", "one half".
DENOMINATORS: dict[str, float] = dict(_LEX.denominators)
for _w, _v in _ORD_BASE.items():
    if _w not in _LEX.ordinals_not_denominators:
        DENOMINATORS[_w] = _v
        DENOMINATORS[_w + "s"] = _v
UNIT_WORDS = set(ONES) | set(TENS)
NUMBER_WORDS = UNIT_WORDS | set(_LEX.hundreds) | set(SCALES) | set(DOZENS)


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
