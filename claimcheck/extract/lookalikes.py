"""Numbers that are not amounts: days of the month ("May 5", "5th of June") and versions ("iOS 17")."""

from __future__ import annotations

from claimcheck.extract.prim import Prim
from claimcheck.extract.qualifiers import QUALIFIERS
from claimcheck.extract.textfold import WORD_AFTER, sentence_start, word_before
from claimcheck.language.lexicon import load_quantity_lexicon

_LEX = load_quantity_lexicon("en")  # the words are data: claimcheck/language/lexicons/en.quantities.yaml
MONTHS = set(_LEX.months)
WEEKDAYS = set(_LEX.weekdays)


def is_date_day(text: str, p: Prim) -> bool:
    """ "May 5", "5 June", "5th of June": a day of the month, not a count."""
    if not (
        p.kind in ("number", "ordinal") and p.unit is None and 1 <= p.value <= 31 and p.value == int(p.value)
    ):
        return False
    before = word_before(text, p.start)
    if before and before[0].lower() in MONTHS and p.start - before[1] <= len(before[0]) + 2:
        return True
    after = WORD_AFTER.match(text, p.end + 1) if p.end < len(text) and text[p.end] == " " else None
    if after and after.group().lower() == "of":
        after = WORD_AFTER.match(text, after.end() + 1)
    return bool(
        (after and after.group().lower() in MONTHS and after.group()[0].isupper())
        or (after and after.group().lower() in MONTHS and after.group().lower() not in ("may", "march"))
    )


def is_version(text: str, p: Prim) -> bool:
    """ "iOS 17", "Model 3.5 Turbo", "Windows 11": a name's version, not a count."""
    if p.kind != "number" or p.unit is not None or p.scaled or p.words or p.value >= 1000 or not p.digits:
        return False
    if p.start < 2 or text[p.start - 1] != " " or "," in p.digits:
        return False
    before = word_before(text, p.start)
    if before is None or before[1] + len(before[0]) != p.start - 1:
        return False
    word, at = before
    if (
        not any(c.isupper() for c in word)
        or word.lower() in MONTHS | WEEKDAYS
        or word.lower() in QUALIFIERS
    ):
        return False
    nxt = WORD_AFTER.match(text, p.end + 1) if text[p.end : p.end + 1] == " " else None
    return not sentence_start(text, at) or bool(nxt and nxt.group()[0].isupper())
