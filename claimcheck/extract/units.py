"""Units written at a position: the longest symbol or word form in the unit table.

``match_unit`` looks up symbols case-sensitively and runs of up to a few
words case-insensitively ("square kilometres", "kilometres per hour");
``unit_after`` finds the unit that follows a number, hyphenated or in
brackets included.
"""

from __future__ import annotations

import re

from claimcheck.extract.unit_table import GLUED_ONLY, SYMBOLS, WORDS, UnitDef


# Longest first, so "km/h" wins over "km" and "m"; built once from the finished table.
def _symbol_regex() -> re.Pattern[str]:
    alts = sorted(SYMBOLS, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(a) for a in alts) + r")(?![A-Za-z0-9²³])")


_SYM_RE = _symbol_regex()
_WORD_RUN = re.compile(r"[A-Za-z]+\.?|\S")
_MAX_WORDS = max(len(w.split(" ")) for w in WORDS)


def match_unit(text: str, pos: int, glued: bool) -> tuple[UnitDef, int, str] | None:
    """The longest unit written at ``pos``: (unit, end offset, surface)."""
    best: tuple[UnitDef, int, str] | None = None
    m = _SYM_RE.match(text, pos)
    if (
        m
        and (glued or m.group() not in GLUED_ONLY)
        and not (len(m.group()) == 1 and m.end() < len(text) and text[m.end()] == "-" and not glued)
    ):
        best = (SYMBOLS[m.group()], m.end(), m.group())
    words: list[tuple[str, str, int]] = []  # (separator before, word, end)
    p = pos
    sep = ""
    for wm in _WORD_RUN.finditer(text, pos, min(len(text), pos + 64)):
        gap = text[p : wm.start()]
        if len(gap) > 2 or "\n" in gap or (gap and not gap.isspace()):
            break
        tok = wm.group()
        if tok == "-" and words and not gap:
            sep, p = "-", wm.end()
            continue
        if not tok[0].isalpha():
            break
        words.append((sep if words else "", tok.lower(), wm.end()))
        sep, p = " ", wm.end()
        if len(words) > _MAX_WORDS:
            break
    for n in range(min(len(words), _MAX_WORDS), 0, -1):
        key = "".join(s + w for s, w, _ in words[:n])
        end = words[n - 1][2]
        unit = WORDS.get(key) or WORDS.get(key.replace("-", " "))
        if unit is None and key.endswith("."):
            unit, end = WORDS.get(key[:-1]) or WORDS.get(key[:-1].replace("-", " ")), end - 1
        if unit is not None:
            if best is None or end > best[1]:
                best = (unit, end, text[pos:end])
            break
    return best


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
