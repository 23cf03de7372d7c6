"""Numbers as written: digit literals with separators, number words, scale words.

The text is cut into tokens by one compiled regex with no nested quantifiers
(so adversarial input stays linear); digit runs are then split into literals
in plain Python, and number phrases ("two hundred and six", "1.4 million",
"three quarters") are read by a small left-to-right parser over the tokens.
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


def adjacent(text: str, a: Tok, b: Tok) -> bool:
    """Tokens separated only by spaces on one line (so a phrase never spans lines)."""
    gap = text[a.end : b.start]
    return len(gap) <= 3 and (gap == "" or gap.isspace()) and "\n" not in gap


def _is_num_word(t: Tok) -> bool:
    return t.kind == "word" and t.text in UNIT_WORDS


def _ordinal_word(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
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


def _denominator(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
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
            and (den := _denominator(toks, nk, text)) is not None
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
        return _denominator(toks, j, text) is not None
    got = _small_value(toks, i, text)
    if got is None or toks[i].kind == "num":
        return False
    j = _join(toks, got[1], text)
    return j is not None and _denominator(toks, j, text) is not None


def ordinal_at(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
    return _ordinal_word(toks, i, text)


# --------------------------------------------------------------------------- text that is not a number

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_MASKS = re.compile(
    r"(?<![0-9])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?(?:[aApP]\.?[mM]\.?)(?![A-Za-z]))?"  # 10:30, 2:00 pm
    r"|(?<![0-9.])[0-9]{1,2}\s?(?:[ap]\.m\.|[aApP][mM])(?![A-Za-z])"  # 6pm, 11 a.m.
    r"|(?<![0-9.,/-])[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])"  # 2024-11-22
    r"|(?<![0-9.,/-])[0-9]{1,2}([/.-])[0-9]{1,2}\1(?:[0-9]{4}|[0-9]{2})(?![0-9/])"  # 11/22/2024
    r"|\+?(?<![0-9-])[0-9]+(?:[-/][0-9]+){2,}"  # phone numbers, ISBNs, codes
    r"|\+[0-9]{1,3}(?:[\s.-][0-9]{2,4}){2,}"  # +44 20 7946 0958
    r"|\([0-9]{3}\)\s?[0-9]{3}-[0-9]{4}"
)
_CHUNK = re.compile(r"\S+")


def fold(text: str) -> str:
    """Same-length copy with full-width forms and non-ASCII decimal digits as ASCII.

    Offsets into the result are offsets into the original, which is why this
    maps character by character instead of applying NFKC to the whole text.
    """
    if text.isascii():
        return text
    out = text.translate(_FULLWIDTH)
    if any(ch.isdecimal() and not ch.isascii() for ch in out):
        out = "".join(str(int(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in out)
    return out


def masked(text: str) -> bytearray:
    """1 for every character inside a URL, e-mail, time of day, numeric date or phone number."""
    mask = bytearray(len(text) + 1)
    if "/" in text or "@" in text or "www." in text:
        for m in _CHUNK.finditer(text):
            chunk = m.group()
            if "://" in chunk or chunk.startswith(("www.", "(www.")) or ("@" in chunk and "." in chunk):
                mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _MASKS.finditer(text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def alnum_at(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos].isalnum() or text[pos] == "_")


def glued_code(text: str, tok: Tok) -> bool:
    """Digits that are part of a name or code: "H100", "Trainium2", "GPT-4", "COVID-19"."""
    s = tok.start
    if s > 0 and (text[s - 1].isalpha() or text[s - 1] == "_"):
        return True
    if s > 1 and text[s - 1] in "-/" and (text[s - 2].isalpha() or text[s - 2] in "_"):
        return True
    return s > 0 and text[s - 1] == "." and s > 1 and text[s - 2].isalnum()


def number_before(text: str, pos: int) -> bool:
    """Whether a digit (or a number's unit) ends just before ``pos``, so a '-' there is a dash."""
    k = pos - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    return k >= 0 and (text[k].isdigit() or text[k] in "%$€£")
