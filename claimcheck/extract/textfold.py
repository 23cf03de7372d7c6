"""The text around numbers: Unicode folding, masks over spans that are never quantities, look-arounds.

The recognizer reads a folded copy of the text (same length, so offsets carry
over) with URLs, e-mail addresses, times of day, numeric dates and phone
numbers masked out; the small look-around helpers here answer questions about
the characters next to a number without tokenizing again.
"""

from __future__ import annotations

import re

from claimcheck.extract.numbers import Tok

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
WORD_AFTER = re.compile(r"[A-Za-z]+|\S")  # the next word, or the next symbol when no word comes first


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
    """Digits that are part of a name or code: "X200", "Falcon9", "F-35", "COVID-19"."""
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


def word_before(text: str, pos: int) -> tuple[str, int] | None:
    """The word ending before ``pos`` (past spaces and dots) and where it starts."""
    k = pos
    while k > 0 and text[k - 1] in " .":
        k -= 1
    j = k
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return (text[j:k], j) if j < k else None


def sentence_start(text: str, pos: int) -> bool:
    k = pos
    while k > 0 and text[k - 1] in " \t\"'“‘(":
        k -= 1
    return k == 0 or text[k - 1] in ".!?:\n"
