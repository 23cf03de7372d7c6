"""Multipliers written as words: "doubled", "triple the", "twice as", "tenfold", "three times more"."""

from __future__ import annotations

import re

from claimcheck.extract.numbers import Tok
from claimcheck.extract.prim import RATIO, Prim
from claimcheck.language.lexicon import load_quantity_lexicon
from claimcheck.language.patterns import alternation

_LEX = load_quantity_lexicon("en")  # the words are data: claimcheck/language/lexicons/en.quantities.yaml
# Stems of "-fold" words: "tenfold", "hundredfold" ("manyfold" has no value, so it is absent).
FOLD_WORDS: dict[str, float] = dict(_LEX.fold_words)
_MULTIPLIER_VERBS: dict[str, float] = dict(_LEX.multiplier_words)
MULTIPLIER_FOLLOWERS = set(_LEX.multiplier_followers)
_NOT_COMPARATIVE = set(_LEX.not_comparative)
_TIMES = re.compile(rf" {{1,2}}({alternation(_LEX.times_words)})\s+([A-Za-z]+)")


def comparative(word: str) -> bool:
    return len(word) > 4 and word.endswith("er") and word not in _NOT_COMPARATIVE


def times_multiplier(text: str, pos: int) -> tuple[int, str] | None:
    """ "three times more", "5 times the size": a multiplier; "3 times already" is a count."""
    m = _TIMES.match(text, pos)
    if m is None:
        return None
    follower = m.group(2).lower()
    if follower in MULTIPLIER_FOLLOWERS or comparative(follower):
        return m.end(1), m.group(1)
    return None


def multiplier_words(toks: list[Tok], text: str, prims: list[Prim]) -> list[Prim]:
    """ "doubled", "triple the", "twice as": multipliers written as words, merged into ``prims``.

    They are read in a pass of their own after the numbers, so a number
    already read wins over a multiplier word it overlaps.
    """
    extra: list[Prim] = []
    for k, t in enumerate(toks):
        if t.kind != "word" or t.text not in _MULTIPLIER_VERBS:
            continue
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        if t.text.endswith("ed") or nxt in MULTIPLIER_FOLLOWERS or comparative(nxt):
            if t.text.endswith("ed") and nxt == "down":
                continue
            extra.append(
                Prim(t.start, t.end, _MULTIPLIER_VERBS[t.text], 0.0, RATIO, t.raw, "multiplier", words=True)
            )
    if not extra:
        return prims
    merged = sorted(prims + extra, key=lambda p: p.start)
    out: list[Prim] = []
    for p in merged:
        if not out or p.start >= out[-1].end:
            out.append(p)
    return out
