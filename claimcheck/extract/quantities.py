"""Find quantities in text: numbers with their unit, qualifier, precision and counted noun.

One pass over tokens (numbers.py) finds number phrases; each is then read in
its context: a currency before it, a scale suffix or unit after it
(units.py), a qualifier ("more than", "about"), a range partner ("30-40%"),
and the noun it counts. Spans that are not quantities at all (URLs, times of
day, dates, phone numbers, product names like "H100") are dropped. Every
step is linear in the text, so no input can make this slow.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimcheck.extract import numbers as nb
from claimcheck.extract.numbers import SUFFIX_SCALES, Tok, ordinal_at, parse_phrase, tokenize
from claimcheck.extract.units import GBP_POUNDS, UnitDef, currency_before, match_unit
from claimcheck.models import Quantity

_PERCENT = UnitDef("%", "percent", 1.0, "percent")
_RATIO = UnitDef("x", "ratio", 1.0, "multiplier")
_SCI = re.compile(r"[eE][+-]?[0-9]{1,3}(?![A-Za-z0-9])")
_POWER = re.compile(r"\^[+-]?[0-9]{1,3}(?![0-9])")
_GLUED_WORD = re.compile(r"[A-Za-z]+")
_ORD_SUFFIX = {"st", "nd", "rd", "th"}
_VAGUE = {
    "tens": 10.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
    "dozens": 12.0, "scores": 20.0,
}
_MULTIPLIER_VERBS = {
    "doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "double": 2.0, "triple": 3.0,
    "treble": 3.0, "quadruple": 4.0, "twice": 2.0, "thrice": 3.0,
}


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


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start, non-overlapping; never raises."""
    try:
        return scan(text)
    except Exception:  # a flaw in one odd text must never stop an audit; tests call scan() directly
        return []


def scan(text: str) -> list[Quantity]:
    if not isinstance(text, str) or not text:
        return []
    folded = nb.fold(text)
    masked = nb.masked(folded)
    toks = tokenize(folded)
    prims: list[Prim] = []
    i = 0
    while i < len(toks):
        got = _read(toks, i, folded, masked)
        if got is None:
            i += 1
            continue
        prim, i = got
        if prim is not None and math.isfinite(prim.value) and (not prims or prim.start >= prims[-1].end):
            prims.append(prim)
    prims = _multiplier_words(toks, folded, prims)
    return _finish(text, folded, prims)


def _read(toks: list[Tok], i: int, text: str, masked: bytearray) -> tuple[Prim | None, int] | None:
    t = toks[i]
    if masked[t.start]:
        return None
    if t.kind == "word":
        if t.text in _VAGUE:
            return _vague(toks, i, text)
        if t.text.endswith("fold") and t.text[:-4] in FOLD_WORDS:
            v = FOLD_WORDS[t.text[:-4]]
            return Prim(t.start, t.end, v, 0.0, _RATIO, t.raw, "multiplier", words=True), i + 1
        if t.text in ("minus", "negative"):
            return None
        ordinal = ordinal_at(toks, i, text)
        if ordinal is not None:
            end = toks[ordinal[1]].end
            return Prim(t.start, end, ordinal[0], 0.0, kind="ordinal", words=True), ordinal[1] + 1
    elif t.kind != "num":
        return None
    elif nb.glued_code(text, t):
        return None, _skip_glued(toks, i, text)
    elif _list_marker(text, t):
        return None
    phrase = parse_phrase(toks, i, text)
    if phrase is None:
        return None
    last = toks[phrase.last]
    prim = Prim(
        t.start, last.end, phrase.value, phrase.step, words=phrase.words, scale=phrase.scale,
        scaled=phrase.scale != 1.0,
        integer=t.kind == "num" and not t.decimals and not t.grouped,
        digits=t.raw if t.kind == "num" else "",
    )
    nxt = phrase.last + 1
    if t.kind == "num" and phrase.first == phrase.last:
        got = _fraction(toks, i, text)
        if got is not None:
            prim.value, prim.step, prim.integer, nxt = got[0], 0.0, False, got[1] + 1
            prim.end = toks[got[1]].end
        _exponent(prim, text)
    over = _over_fraction(toks, phrase.last, text)
    if over is not None:
        prim.value, prim.step, prim.end, prim.integer = prim.value / over[0], 0.0, toks[over[1]].end, False
        nxt = over[1] + 1
    read = _suffix(prim, text)
    if read is None:
        return None, nxt
    prim = read
    if t.kind == "word" and prim.unit is None and not keep_word_number(toks, i, phrase.last, text):
        return None, phrase.last + 1
    while nxt < len(toks) and toks[nxt].start < prim.end:
        nxt += 1
    return _negative(prim, toks, i, text), nxt


def _over_fraction(toks: list[Tok], last: int, text: str) -> tuple[float, int] | None:
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


def _list_marker(text: str, t: Tok) -> bool:
    """ "1. Item" or "2) Item" opening a line is numbering, not a quantity."""
    line_start = text.rfind("\n", 0, t.start) + 1
    if text[line_start : t.start].strip(" \t-*•") or t.decimals or t.grouped:
        return False
    return text[t.end : t.end + 2] in (". ", ") ") or (
        text[t.end : t.end + 1] in (".", ")") and t.end + 1 == len(text)
    )


def _skip_glued(toks: list[Tok], i: int, text: str) -> int:
    """Skip a product code's trailing pieces too ("737-800", "3.5" in "v3.5")."""
    j = i + 1
    while j < len(toks) and toks[j].start == toks[j - 1].end and toks[j].kind != "word":
        j += 1
    return j


def _fraction(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
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


def _exponent(prim: Prim, text: str) -> None:
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


def _vague(toks: list[Tok], i: int, text: str) -> tuple[Prim | None, int] | None:
    """ "tens of thousands", "hundreds of millions", "dozens": an order-of-magnitude interval."""
    t = toks[i]
    base = _VAGUE[t.text]
    low, end, j = base, t.end, i + 1
    if (
        j + 1 < len(toks)
        and toks[j].text == "of"
        and toks[j + 1].text in _VAGUE
        and toks[j + 1].text != "dozens"
    ):
        low, end, j = base * _VAGUE[toks[j + 1].text], toks[j + 1].end, j + 2
    elif t.text in ("tens", "scores") or (i > 0 and toks[i - 1].kind == "num"):
        return None
    high = low * (12.0 if base == 12.0 else 10.0)
    if base == 12.0:
        low *= 2
    return Prim(t.start, end, low, 0.0, kind="number", high=high, words=True), j


def _suffix(prim: Prim, text: str) -> Prim | None:
    """Read what follows the number: scale suffix, unit, percent, multiplier."""
    pos = prim.end
    unit: tuple[UnitDef, int, str] | None = None
    cur = currency_before(text, prim.start)
    glued = pos < len(text) and (text[pos].isalpha() or text[pos] in "%×°µμ'")
    word = _GLUED_WORD.match(text, pos) if glued else None
    if word is not None:
        w = word.group()
        after = word.end()
        if w.lower() in _ORD_SUFFIX and prim.integer and not nb.alnum_at(text, after):
            prim.kind, prim.end = "ordinal", after
            return prim
        if w in ("s", "S") and prim.integer and 1800 <= prim.value <= 2099 and not nb.alnum_at(text, after):
            prim.kind, prim.end, prim.high = "year", after, prim.value + 9
            return prim
        unit = match_unit(text, pos, glued=True)
        scale = SUFFIX_SCALES.get(w) if not nb.alnum_at(text, after) else None
        if cur is not None and w == "m" and not nb.alnum_at(text, after):
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
        prim.unit = _currency(cur[0])
        prim.surface_unit, prim.start = cur[2], cur[1]
    elif prim.unit is not None and prim.unit.kind == "currency" and cur is not None:
        prim.start = cur[1]
    if prim.unit is None and (mult := times_multiplier(text, prim.end)) is not None:
        prim.unit, prim.surface_unit, prim.end = _RATIO, mult[1], mult[0]
    if prim.unit is not None:
        prim.kind = prim.unit.kind
    return prim


def _apply_scale(prim: Prim, scale: float, end: int) -> None:
    prim.value *= scale
    prim.step *= scale
    prim.scale, prim.scaled, prim.end = scale, True, end
    prim.surface_unit = None


def _currency(code: str) -> UnitDef:
    return UnitDef(code, "currency", 1.0, "currency")


def _negative(prim: Prim, toks: list[Tok], i: int, text: str) -> Prim:
    s = prim.start
    if s > 0 and text[s - 1] in "-−" and prim.kind not in ("ordinal",):
        before = text[s - 2] if s >= 2 else " "
        if (before.isspace() or before in "([=:" or s == 1) and not nb.number_before(text, s - 1):
            prim.value, prim.start = -prim.value, s - 1
            if prim.high is not None:
                prim.high = -prim.high
            return prim
    if s >= 2 and text[s - 2 : s] == "- " and not text[: s - 2].strip():
        prim.value, prim.start = -prim.value, s - 2  # "- 10 k" opening a text
        return prim
    if i > 0 and toks[i - 1].text in ("minus", "negative") and text[toks[i - 1].end : s].isspace():
        prim.value, prim.start = -prim.value, toks[i - 1].start
    return prim


def _multiplier_words(toks: list[Tok], text: str, prims: list[Prim]) -> list[Prim]:
    """ "doubled", "triple the", "twice as": multipliers written as words."""
    extra: list[Prim] = []
    for k, t in enumerate(toks):
        if t.kind != "word" or t.text not in _MULTIPLIER_VERBS:
            continue
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        if t.text.endswith("ed") or nxt in MULTIPLIER_FOLLOWERS or comparative(nxt):
            if t.text.endswith("ed") and nxt == "down":
                continue
            extra.append(
                Prim(t.start, t.end, _MULTIPLIER_VERBS[t.text], 0.0, _RATIO, t.raw, "multiplier", words=True)
            )
    if not extra:
        return prims
    merged = sorted(prims + extra, key=lambda p: p.start)
    out: list[Prim] = []
    for p in merged:
        if not out or p.start >= out[-1].end:
            out.append(p)
    return out


# --------------------------------------------------------------------------- context words

FOLD_WORDS = {
    "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0,
    "ten": 10.0, "twenty": 20.0, "hundred": 100.0, "thousand": 1e3, "many": 0.0,
}
FOLD_WORDS.pop("many")
MULTIPLIER_FOLLOWERS = {
    "as", "the", "that", "more", "less", "fewer", "what", "its", "their", "his", "her", "over", "faster",
    "higher", "larger", "bigger", "greater", "lower", "smaller",
}
_NOT_COMPARATIVE = {
    "other", "under", "after", "over", "never", "number", "power", "water", "order", "their", "paper",
    "member", "quarter", "letter", "matter", "ever", "either", "whether", "together", "later", "per",
    "summer", "winter", "offer", "center", "centre", "computer", "player",
}
_PRONOUN_ONE = {
    "the", "this", "that", "which", "each", "every", "any", "no", "another", "only", "last", "next", "first",
    "one", "someone", "anyone", "everyone", "little", "big", "new", "old", "right", "wrong",
}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_SPACED_SCALES = {
    "k": 1e3, "K": 1e3, "bn": 1e9, "mn": 1e6, "MM": 1e6, "mil": 1e6, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12,
    "tn": 1e12, "bln": 1e9, "mln": 1e6, "tln": 1e12,
}


def comparative(word: str) -> bool:
    return len(word) > 4 and word.endswith("er") and word not in _NOT_COMPARATIVE


def keep_word_number(toks: list[Tok], i: int, last: int, text: str) -> bool:
    """Spelled numbers that are really pronouns or parts of speech: "the one you", "first half"."""
    t = toks[i]
    prev = toks[i - 1].text if i > 0 else ""
    if i == last and t.text == "one":
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        after = toks[i + 2].text if i + 2 < len(toks) and nxt == "-" else ""
        if (
            prev in _PRONOUN_ONE
            or nxt in ("another", "who", "which", "that", "thing", "day", "way")
            or after in ("time", "off", "way", "sided", "on", "stop", "third", "half")
        ):
            return False
    if i == last and t.text in ("half", "quarter"):
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        return nxt in ("of", "the", "a", "an") or (prev == "than" and t.text == "half")
    return True


def spaced_scale(text: str, pos: int, currency: bool) -> tuple[float, int] | None:
    """A scale abbreviation after a space: "2.33 k", "$1.8 m", "1,674.5 G"."""
    p = pos
    while p < len(text) and p - pos < 2 and text[p] == " ":
        p += 1
    if p == pos:
        return None
    m = _GLUED_WORD.match(text, p)
    if m is None or nb.alnum_at(text, m.end()) or (m.end() < len(text) and text[m.end()] in "/²³"):
        return None
    w = m.group()
    if w == "m" and currency:
        return 1e6, m.end()
    return (
        (_SPACED_SCALES[w], m.end())
        if w in _SPACED_SCALES and (len(w) > 1 or w in "kK" or currency)
        else None
    )


def unit_after(text: str, pos: int, scaled: bool) -> tuple[UnitDef, int, str] | None:
    """A unit after the number: "5 GW", "3-nanometer", "20 (kg)", "six-mile"."""
    p = pos
    close = ""
    if p < len(text) and text[p] == "-" and p + 1 < len(text) and text[p + 1].isalpha():
        p += 1
    else:
        while p < len(text) and p - pos < 2 and text[p] in " \u00a0\u202f":
            p += 1
        if p < len(text) and text[p] in "([{<":
            close = {"(": ")", "[": "]", "{": "}", "<": ">"}[text[p]]
            p += 1
    got = match_unit(text, p, glued=False)
    if got is None:
        return None
    u, end, surface = got
    if close:
        if end >= len(text) or text[end] != close:
            return None
        end += 1
    if u.unit == "KRW" and not scaled:
        return None  # "3 won the vote": the verb, not the currency
    return u, end, surface


def times_multiplier(text: str, pos: int) -> tuple[int, str] | None:
    """ "three times more", "5 times the size": a multiplier; "3 times already" is a count."""
    m = re.compile(r" {1,2}(times)\s+([A-Za-z]+)").match(text, pos)
    if m is None:
        return None
    follower = m.group(2).lower()
    if follower in MULTIPLIER_FOLLOWERS or comparative(follower):
        return m.end(1), m.group(1)
    return None


# --------------------------------------------------------------------------- from numbers to quantities

_QUAL_BEFORE = re.compile(
    r"(?:^|(?<=[^A-Za-z]))(?P<q>more than|over|above|in excess of|exceeding|upwards of|greater than|north of"
    r"|at least|no fewer than|no less than|not less than|a minimum of|minimum of"
    r"|just under|just shy of|nearly|almost|close to|not quite|just below"
    r"|less than|fewer than|under|below|at most|no more than|not more than|a maximum of|maximum of"
    r"|up to|as many as|as much as|as high as"
    r"|about|around|approximately|approx\.?|roughly|some|circa|an estimated|estimated|~|between|from)\s*$",
    re.IGNORECASE,
)
_QUALIFIERS = {
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
_WORD_AFTER = re.compile(r"[A-Za-z]+|\S")
_STOP = set(
    [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as",
        "than", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being", "has",
        "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "do", "does", "did",
        "not", "no", "its", "their", "his", "her", "our", "your", "my", "it", "they", "we", "he", "she",
        "you", "i", "who", "which", "what", "when", "where", "while", "per", "each", "every", "all", "some",
        "any", "more", "most", "less", "fewer", "over", "under", "about", "into", "onto", "across", "after",
        "before", "since", "until", "during", "between", "among", "against", "said", "says", "say", "told",
        "reported", "according", "total", "totals", "so", "also", "only", "just", "up", "down", "out", "off",
        "there", "here", "then", "new", "other", "such", "own", "same",
    ]
)
_MODIFIERS = {
    "new", "more", "additional", "other", "single", "big", "small", "large", "major", "key", "top", "full",
    "extra", "former", "current", "total", "further", "separate",
}
_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "teeth": "tooth", "geese": "goose", "staff": "staff", "police": "police", "cattle": "cattle",
}
_KEEP_S = {"series", "news", "species", "means", "headquarters", "crossroads", "barracks", "aircraft"}


def singular(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _KEEP_S or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    if (w.endswith("uses") and not w.endswith(("ouses", "auses", "cuses", "fuses", "buses"))) or w.endswith(
        "buses"
    ):
        return w[:-2]  # "viruses", "bonuses", "buses"; but "houses", "causes", "excuses"
    return w[:-1]


def _plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR or w in _KEEP_S:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and w not in _STOP


def noun_after(text: str, pos: int, value: float, vague: bool) -> str | None:
    """The counted noun: "10,000 Trainium chips" -> "chip"; skips up to three modifiers."""
    words: list[str] = []
    p = pos
    for m in _WORD_AFTER.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[p : m.start()]
        if "\n" in gap or len(gap) > 2:
            break
        tok = m.group()
        p = m.end()
        if tok == "-":
            continue
        if not tok[0].isalpha():
            break
        low = tok.lower()
        if low == "of" and not words and vague:
            continue
        if low in _STOP or low in _MONTHS:
            break
        words.append(tok)
        if len(words) == 4:
            break
    for w in words:
        if _plural(w):
            return singular(w)
    if value == 1 and words:
        for w in words:
            if w.lower() not in _MODIFIERS and w.islower():
                return singular(w)
    return None


def _word_before(text: str, pos: int) -> tuple[str, int] | None:
    k = pos
    while k > 0 and text[k - 1] in " .":
        k -= 1
    j = k
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return (text[j:k], j) if j < k else None


def _sentence_start(text: str, pos: int) -> bool:
    k = pos
    while k > 0 and text[k - 1] in " \t\"'“‘(":
        k -= 1
    return k == 0 or text[k - 1] in ".!?:\n"


def _is_date_day(text: str, p: Prim) -> bool:
    if not (
        p.kind in ("number", "ordinal") and p.unit is None and 1 <= p.value <= 31 and p.value == int(p.value)
    ):
        return False
    before = _word_before(text, p.start)
    if before and before[0].lower() in _MONTHS and p.start - before[1] <= len(before[0]) + 2:
        return True
    after = _WORD_AFTER.match(text, p.end + 1) if p.end < len(text) and text[p.end] == " " else None
    if after and after.group().lower() == "of":
        after = _WORD_AFTER.match(text, after.end() + 1)
    return bool(
        (after and after.group().lower() in _MONTHS and after.group()[0].isupper())
        or (after and after.group().lower() in _MONTHS and after.group().lower() not in ("may", "march"))
    )


def _is_version(text: str, p: Prim) -> bool:
    """ "iOS 17", "Claude 3.5 Sonnet", "Windows 11": a name's version, not a count."""
    if p.kind != "number" or p.unit is not None or p.scaled or p.words or p.value >= 1000 or not p.digits:
        return False
    if p.start < 2 or text[p.start - 1] != " " or "," in p.digits:
        return False
    before = _word_before(text, p.start)
    if before is None or before[1] + len(before[0]) != p.start - 1:
        return False
    word, at = before
    if (
        not any(c.isupper() for c in word)
        or word.lower() in _MONTHS | _WEEKDAYS
        or word.lower() in _QUALIFIERS
    ):
        return False
    nxt = _WORD_AFTER.match(text, p.end + 1) if text[p.end : p.end + 1] == " " else None
    return not _sentence_start(text, at) or bool(nxt and nxt.group()[0].isupper())


def _finish(text: str, folded: str, prims: list[Prim]) -> list[Quantity]:
    kept: list[Prim] = []
    for p in prims:
        if _is_date_day(folded, p) or _is_version(folded, p):
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
        q_start, qual = _qualifier_before(folded, p)
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and _money_and_cents(folded, p, nxt):
            i += 1
            nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and (rng := _range(folded, p, nxt, qual)) is not None:
            out.append(_quantity(text, folded, rng[0], q_start, "range", rng[1]))
            i += 2
            continue
        if qual in ("between", "from"):
            q_start, qual = p.start, "exact"
        out.append(_quantity(text, folded, p, q_start, qual, None))
        i += 1
    return out


def _money_and_cents(text: str, a: Prim, b: Prim) -> bool:
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


_QUAL_LAST_WORDS = {
    w.split(" ")[-1].rstrip(".")
    for w in (
        *_QUALIFIERS, "about", "around", "approximately", "approx", "roughly", "some", "circa", "estimated",
        "between", "from",
    )
}


def _qualifier_before(text: str, p: Prim) -> tuple[int, str]:
    # A cheap look at the word before saves running the regex for almost every number.
    k = p.start
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if k == 0 or (
        (text[k - 1] != "~" and not (before := _word_before(text, k)))
        or (text[k - 1] != "~" and before and before[0].lower() not in _QUAL_LAST_WORDS)
    ):
        return p.start, "exact"
    m = _QUAL_BEFORE.search(text, max(0, p.start - 24), p.start)
    if m is None:
        return p.start, "exact"
    word = m.group("q").lower()
    if word in ("between", "from"):
        return m.start("q"), word
    qual = _QUALIFIERS.get(word, "approx")
    if qual == "over" and p.unit is not None and p.unit.dimension == "time":
        return p.start, "exact"  # "over three years" is a period, not a lower bound
    return m.start("q"), qual


def _range(text: str, a: Prim, b: Prim, qual: str) -> tuple[Prim, Prim] | None:
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
        m = _QUAL_AFTER.match(folded, p.end)
        if m is not None and qual == "exact":
            qual = "approx" if m.group("q").strip() == "or so" else "at_least"
            p.end = m.end()
        x = nominal
        if qual == "over":
            lo_v, hi_v = x, 10 * x
        elif qual == "at_least":
            lo_v, hi_v = x, None
        elif qual in ("under", "at_most", "up_to"):
            lo_v, hi_v = None, x
        elif qual == "nearly":
            lo_v, hi_v = 0.9 * x, x
        elif qual == "approx":
            d = max(0.1 * abs(x), high - x)
            lo_v, hi_v = x - d, x + d
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
