"""Digit literals as written: the tokenizer that cuts text into numbers, words and symbols.

The text is cut into tokens by one compiled regex with no nested quantifiers
(so adversarial input stays linear); digit runs are then split into literals
in plain Python. Number words are in numwords.py and number phrases ("two
hundred and six", "2.7 million") are read from these tokens by phrases.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A digit run may contain thousands separators and decimal points; which of
# them really belong to one number is decided by ``split_run``, not the regex.
_TOKEN = re.compile(r"(?P<num>[0-9](?:[0-9,.\u00a0\u202f\u2009 ]*[0-9])?)|(?P<word>[A-Za-z]+)|(?P<sym>\S)")
THOUSANDS_SEPS = {",", "\u00a0", "\u202f", "\u2009", " "}
_MAX_DIGITS = 24  # longer digit strings are codes or noise, never quantities
_MAX_RUN = 16  # more bare numbers in one run ("1 2 3 4 ...", "1,1,1,...") is a data dump, not prose


@dataclass(frozen=True, slots=True)
class Tok:
    kind: str  # "num" | "word" | "sym"
    start: int
    end: int
    text: str  # lower case for words
    raw: str
    value: float = 0.0
    decimals: int = 0  # digits after the decimal point, for precision
    grouped: bool = False  # had thousands separators


def _numeral(run: str, base: int, groups: list[tuple[int, int]], i: int, j: int, frac: bool) -> Tok | None:
    """A literal from groups i..j of a run (the last one is the fraction when ``frac``)."""
    start, end = base + groups[i][0], base + groups[j][1]
    int_groups = groups[i:j] if frac else groups[i : j + 1]
    digits = "".join(run[a:b] for a, b in int_groups)
    frac_digits = run[groups[j][0] : groups[j][1]] if frac else ""
    if len(digits) + len(frac_digits) > _MAX_DIGITS:
        return None
    value = float(f"{digits}.{frac_digits}" if frac_digits else digits)
    raw = run[groups[i][0] : groups[j][1]]
    return Tok("num", start, end, raw, raw, value, len(frac_digits), len(int_groups) > 1)


_INDIAN = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}")


def split_run(run: str, base: int) -> list[Tok]:
    """Split a digit run ("1,234.5", "22,24,26", "192.168.1.2") into literals."""
    groups = [(m.start(), m.end()) for m in re.finditer(r"[0-9]+", run)]
    seps = [""] + [run[groups[k - 1][1] : groups[k][0]] for k in range(1, len(groups))]
    n = len(groups)
    out: list[Tok] = []
    i = 0
    while i < n:
        j = i
        first_len = groups[i][1] - groups[i][0]
        sep = seps[i + 1] if i + 1 < n else ""
        if sep in THOUSANDS_SEPS and first_len <= 3:
            k = i
            while k + 1 < n and seps[k + 1] == sep and groups[k + 1][1] - groups[k + 1][0] == 3:
                k += 1
            ok = k > i and not (k + 1 < n and seps[k + 1] == sep)
            if ok and sep == " ":
                # A plain space groups thousands only when unambiguous: "1 234 567", "40 000".
                ok = k - i >= 2 or run[groups[k][0] : groups[k][1]] == "000"
            if ok:
                j = k
        if j == i and sep == ",":
            m = _INDIAN.match(run, groups[i][0])
            if m and (m.end() == len(run) or run[m.end()] != ","):
                while j + 1 < n and groups[j + 1][1] <= m.end():
                    j += 1
        dotted = seps[i] == "."  # inside "192.168.1.2": no decimals at all
        frac = False
        if not dotted and j + 1 < n and seps[j + 1] == "." and not (j + 2 < n and seps[j + 2] == "."):
            frac = True
            j += 1
        tok = _numeral(run, base, groups, i, j, frac)
        if tok is not None:
            out.append(tok)
            if len(out) > _MAX_RUN:
                return []
        i = j + 1
    return out


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        if kind == "num":
            lits = split_run(m.group(), m.start())
            s = m.start()
            if (
                lits
                and lits[0].start == s
                and not lits[0].decimals
                and not lits[0].grouped
                and s > 0
                and (text[s - 1] == "." and (s == 1 or not (text[s - 2].isalnum() or text[s - 2] in ".,")))
            ):
                t = lits[0]  # ".08": a decimal with no leading zero
                v = float("0." + t.raw) if len(t.raw) <= _MAX_DIGITS else 0.0
                lits[0] = Tok("num", s - 1, t.end, "." + t.raw, "." + t.raw, v, len(t.raw))
                if toks and toks[-1].start == s - 1:
                    toks.pop()
            toks.extend(lits)
        elif kind == "word":
            raw = m.group()
            toks.append(Tok("word", m.start(), m.end(), raw.lower(), raw))
        else:
            toks.append(Tok("sym", m.start(), m.end(), m.group(), m.group()))
    return toks


def adjacent(text: str, a: Tok, b: Tok) -> bool:
    """Tokens separated only by spaces on one line (so a phrase never spans lines)."""
    gap = text[a.end : b.start]
    return len(gap) <= 3 and (gap == "" or gap.isspace()) and "\n" not in gap
