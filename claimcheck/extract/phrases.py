"""Number phrases: "two hundred and six", "2.7 million", "three quarters", "half a dozen".

A small left-to-right parser over the tokens of numbers.py reads the longest
phrase starting at a token; it never backtracks, so it is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.extract.numbers import Tok, adjacent
from claimcheck.extract.numwords import DOZENS, ONES, SCALES, TENS, UNIT_WORDS, denominator_at


@dataclass(slots=True)
class Phrase:
    """A number phrase read from tokens ``first``..``last`` (inclusive)."""

    first: int
    last: int
    value: float
    step: float  # size of one unit of the last stated digit; 0 when exact (words)
    words: bool  # spelled out, at least partly
    scale: float = 1.0  # the scale word or suffix applied ("million" -> 1e6)
    ordinal: bool = False
    vague: bool = False  # "hundreds of thousands": value is the low end, high is 10x


def _join(toks: list[Tok], k: int, text: str) -> int | None:
    """Index of the next token of a phrase after token k, skipping one joining hyphen."""
    if k + 1 >= len(toks) or not adjacent(text, toks[k], toks[k + 1]):
        return None
    nxt = toks[k + 1]
    if nxt.text == "-" and toks[k].kind == "word":
        if k + 2 < len(toks) and adjacent(text, nxt, toks[k + 2]) and toks[k + 2].kind == "word":
            return k + 2
        return None
    return k + 1


def _small_value(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
    """A number below 100 at i, in words or digits: "seventy-one", "21", "one"."""
    t = toks[i]
    if t.kind == "num" and not t.decimals and not t.grouped:
        return t.value, i
    if t.kind != "word":
        return None
    if t.text in TENS:
        k = _join(toks, i, text)
        if k is not None and toks[k].text in ONES and 0 < ONES[toks[k].text] < 10:
            return TENS[t.text] + ONES[toks[k].text], k
        return TENS[t.text], i
    if t.text in ONES:
        return ONES[t.text], i
    return None


def parse_phrase(toks: list[Tok], i: int, text: str) -> Phrase | None:
    """Read the longest number phrase starting at token i, or None."""
    t = toks[i]
    total = 0.0  # completed scale groups ("two million" of "two million three hundred")
    current: float | None = None  # the group being built
    step = 0.0
    words = t.kind == "word"
    last = ""  # kind of the last token read: unit tens hundred scale digit dozen frac a and
    big = 0.0  # largest scale seen, so "thousand million" multiplies
    scale = 1.0
    before = 0.0  # value before an "and" that starts a fraction
    frac_scale = 1.0  # "three million and a half": the fraction is of the scale
    frac_part: tuple[float, float] | None = None
    if t.kind == "num":
        current, step, last = t.value, 10.0**-t.decimals, "digit"
    elif t.text in ("a", "an"):
        current, last = 1.0, "a"
    elif t.text in ("half", "quarter"):
        current, last = (0.5 if t.text == "half" else 0.25), "frac"
    elif t.text in TENS:
        current, last = TENS[t.text], "tens"
    elif t.text in ONES:
        current, last = ONES[t.text], "unit"
    else:
        return None
    committed = None if last == "a" else (current or 0.0)
    k = end = i
    while True:
        nk = _join(toks, k, text)
        if nk is None:
            break
        n = toks[nk]
        w = n.text if n.kind == "word" else ""
        if last in ("frac", "a") and w == "a" and nk + 1 < len(toks):
            # "half a dozen", "half a million": the article is only glue
            nxt = toks[nk + 1]
            if nxt.text in SCALES or nxt.text in DOZENS or nxt.text == "hundred":
                nk, n, w = nk + 1, nxt, nxt.text
        if w in ONES and last == "tens" and 0 < ONES[w] < 10:
            current = (current or 0) + ONES[w]
            last = "unit"
        elif (w in ONES or w in TENS) and last in ("hundred", "scale", "and"):
            current = (current or 0) + ONES.get(w, TENS.get(w, 0))
            last = "tens" if w in TENS else "unit"
        elif n.kind == "num" and last in ("scale", "and", "hundred") and not n.decimals:
            if (last == "hundred" and n.value >= 100) or (big and n.value >= big):
                break
            current = (current or 0) + n.value
            step = 1.0
            last = "digit"
        elif w in ("hundred", "hundreds") and last not in ("hundred", "scale", "frac2", "and", "a"):
            base = current if current is not None else 1.0
            if base >= 100 and last != "digit":
                break
            current = base * 100
            step *= 100
            words, last = True, "hundred"
        elif w in ("hundred", "hundreds") and last == "a":
            current, last, words = 100.0, "hundred", True
        elif last == "frac2" and w in SCALES and frac_part is not None and SCALES[w] < big:
            # "one billion and a half million": the fraction is of the scale that follows
            current = frac_part[0] + frac_part[1] * SCALES[w]
            frac_part, last = None, "scale"
        elif w in SCALES and (
            last not in ("scale", "and", "frac2") or (last == "scale" and SCALES[w] > scale)
        ):
            s = SCALES[w]
            group = current if current is not None else 1.0
            total = (total + group) * s if s > big else total + group * s
            big = max(big, s)
            step *= s
            scale = s
            current = None
            words, last = True, "scale"
        elif w in DOZENS and last not in ("scale", "dozen", "and"):
            current = (current if current is not None else 1.0) * 12
            step *= 12
            words, last = True, "dozen"
        elif w == "and" and last in ("hundred", "scale", "unit", "tens", "digit"):
            after_and = _join(toks, nk, text)
            if after_and is None:
                break
            follow = toks[after_and]
            if _fraction_follows(toks, after_and, text) and (words or last == "scale"):
                before = before + total + (current or 0)
                frac_scale = big if last == "scale" else 1.0
                total, current = 0.0, None
            elif last in ("hundred", "scale") and (follow.kind == "num" or follow.text in UNIT_WORDS):
                if follow.kind == "num" and (follow.decimals or (big and follow.value >= big)):
                    break
            else:
                break
            last = "and"
        elif w == "of" and last == "frac2" and (got := _of_a_scale(toks, nk, text)) is not None:
            s, nk = got  # "two thirds of a million"
            current = (current or 0) * s
            scale, big = s, max(big, s)
        elif w in ("a", "one") and last == "and":
            current, last = 1.0, "a"
        elif w == "point" and last in ("unit", "tens", "hundred", "scale") and current is not None:
            pt = _point_digits(toks, nk, text)
            if pt is None:
                break
            digits, nk = pt
            current += float("0." + digits)
            words, last = True, "point"
        elif (
            last in ("unit", "tens", "a", "hundred", "digit")
            and (den := denominator_at(toks, nk, text)) is not None
        ):
            if last == "digit" and w not in ("half", "quarter", "quarters"):
                break
            value, nk = den
            numer = total + (current or 0)
            current = before + numer / value * frac_scale
            frac_part = (before, numer / value) if frac_scale > 1 else None
            total, before = 0.0, 0.0
            words, last, step = True, "frac2", 0.0
        else:
            break
        k = nk
        if last not in ("and", "a"):
            end = nk
            committed = before + total + (current or 0.0)
    if committed is None:
        return None
    if t.kind == "word" or last in ("frac2", "dozen"):
        step = 0.0  # spelled numbers and fractions are exact
    return Phrase(i, end, committed, step, words, scale)


def _of_a_scale(toks: list[Tok], k: int, text: str) -> tuple[float, int] | None:
    a = _join(toks, k, text)
    if a is None or toks[a].text not in ("a", "an"):
        return None
    s = _join(toks, a, text)
    if s is None or toks[s].text not in SCALES:
        return None
    return SCALES[toks[s].text], s


def _point_digits(toks: list[Tok], k: int, text: str) -> tuple[str, int] | None:
    """Digits spoken after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    out = ""
    nk = _join(toks, k, text)
    while nk is not None:
        got = _small_value(toks, nk, text)
        if got is None or toks[nk].kind == "num":
            break
        value, last = got
        out += str(int(value))
        k = last
        if value >= 10:
            break
        nk = _join(toks, k, text)
    return (out, k) if out else None


def _fraction_follows(toks: list[Tok], i: int, text: str) -> bool:
    """Whether tokens from i read as a fraction: "a half", "three fifths", "two thirds"."""
    t = toks[i]
    if t.text in ("a", "one") and (j := _join(toks, i, text)) is not None:
        return denominator_at(toks, j, text) is not None
    got = _small_value(toks, i, text)
    if got is None or toks[i].kind == "num":
        return False
    j = _join(toks, got[1], text)
    return j is not None and denominator_at(toks, j, text) is not None
