"""The noun a number counts: "5,000 Falcon rockets" -> "rocket", and English singulars."""

from __future__ import annotations

from claimcheck.extract.lookalikes import MONTHS
from claimcheck.extract.textfold import WORD_AFTER
from claimcheck.language.lexicon import load_lexicon

_TEXT = load_lexicon("en").text
_STOP = _TEXT.noun_stopwords
_MODIFIERS = _TEXT.noun_modifiers
_IRREGULAR = _TEXT.irregular_plurals
_KEEP_S = _TEXT.singular_in_s


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
    """The counted noun: "5,000 Falcon rockets" -> "rocket"; skips up to three modifiers."""
    words: list[str] = []
    p = pos
    for m in WORD_AFTER.finditer(text, pos, min(len(text), pos + 80)):
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
        if low in _STOP or low in MONTHS:
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
