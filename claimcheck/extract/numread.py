"""Reading one number at a token: the literal or phrase, what is glued to it, its sign.

``read_at`` turns the token at i into a Prim, or into nothing when the
number is list numbering, part of a code ("X200", "v3.5"), masked text, or a
spelled word that is really a pronoun ("the one who").
"""

from __future__ import annotations

from claimcheck.extract.multipliers import FOLD_WORDS
from claimcheck.extract.notation import apply_exponent, over_fraction, slash_fraction
from claimcheck.extract.numbers import Tok
from claimcheck.extract.numwords import ordinal_at
from claimcheck.extract.phrases import parse_phrase
from claimcheck.extract.prim import RATIO, Prim
from claimcheck.extract.suffix import read_suffix
from claimcheck.extract.textfold import glued_code, number_before
from claimcheck.language.lexicon import load_lexicon

_TEXT = load_lexicon("en").text
_VAGUE = _TEXT.vague_numbers  # "tens", "dozens": order of magnitude
_PRONOUN_ONE = _TEXT.pronoun_one


def read_at(toks: list[Tok], i: int, text: str, masked: bytearray) -> tuple[Prim | None, int] | None:
    """(number, next token) for a number at token i; (None, next) skips a span; None: not a number here."""
    t = toks[i]
    if masked[t.start]:
        return None
    if t.kind == "word":
        if t.text in _VAGUE:
            return _vague(toks, i, text)
        if t.text.endswith("fold") and t.text[:-4] in FOLD_WORDS:
            v = FOLD_WORDS[t.text[:-4]]
            return Prim(t.start, t.end, v, 0.0, RATIO, t.raw, "multiplier", words=True), i + 1
        if t.text in ("minus", "negative"):
            return None
        ordinal = ordinal_at(toks, i, text)
        if ordinal is not None:
            end = toks[ordinal[1]].end
            return Prim(t.start, end, ordinal[0], 0.0, kind="ordinal", words=True), ordinal[1] + 1
    elif t.kind != "num":
        return None
    elif glued_code(text, t):
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
        got = slash_fraction(toks, i, text)
        if got is not None:
            prim.value, prim.step, prim.integer, nxt = got[0], 0.0, False, got[1] + 1
            prim.end = toks[got[1]].end
        apply_exponent(prim, text)
    over = over_fraction(toks, phrase.last, text)
    if over is not None:
        prim.value, prim.step, prim.end, prim.integer = prim.value / over[0], 0.0, toks[over[1]].end, False
        nxt = over[1] + 1
    read = read_suffix(prim, text)
    if read is None:
        return None, nxt
    prim = read
    if t.kind == "word" and prim.unit is None and not keep_word_number(toks, i, phrase.last, text):
        return None, phrase.last + 1
    while nxt < len(toks) and toks[nxt].start < prim.end:
        nxt += 1
    return _negative(prim, toks, i, text), nxt


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


def _negative(prim: Prim, toks: list[Tok], i: int, text: str) -> Prim:
    s = prim.start
    if s > 0 and text[s - 1] in "-−" and prim.kind not in ("ordinal",):
        before = text[s - 2] if s >= 2 else " "
        if (before.isspace() or before in "([=:" or s == 1) and not number_before(text, s - 1):
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
