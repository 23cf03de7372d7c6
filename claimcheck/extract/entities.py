"""Named things in a sentence: ledger aliases first, then name patterns.

Finding is per article (so extraction can be cached per file); deciding that
"Acme Widget" and "Widget" are one entity, or that a product belongs
to a company, is corpus-wide and happens later in ``resolve.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.language.lexicon import load_lexicon
from claimcheck.ledger_schema import Ledger

# Capitalised words that open sentences or headings far more often than they name anything.
_COMMON = load_lexicon("en").text.sentence_openers
# Acronyms that are vocabulary, not names: units, precisions, job titles, generic hardware words.
_GENERIC_TOKEN = re.compile(rf"^(?:{'|'.join(load_lexicon('en').text.generic_token_patterns)})$")
_CAP_TOKEN = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w&]*(?:-[\w&]+)*|[a-z]{1,2}[A-Z][\w]*|\d{1,2}(?:\.\d{1,2})?(?![\w.,]\d))((?:'s|’s|'|’)?)"
)
_VERSION = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_GENERATION = re.compile(r"^(.*?[A-Za-z]{3,})-?(\d+)([a-z]?)$")
_VERSIONED = re.compile(r"^(.+?) \d{1,2}(?:\.\d{1,2})?(?: .*)?$")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[\-•*|:]\s*|[\"“(]\s*)$")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets into the article text
    end: int
    name: str  # canonical after ledger aliases; possessive stripped
    surface: str
    possessive: bool = False


def _strip_possessive(name: str) -> tuple[str, bool]:
    stripped = _POSSESSIVE.sub("", name)
    return stripped, stripped != name


class AliasTable:
    """Ledger aliases, matched case-sensitively and longest first."""

    def __init__(self, ledger: Ledger | None) -> None:
        self.canonical: dict[str, str] = {}
        if ledger:
            for name, spec in ledger.entities.items():
                self.canonical[name] = name
                for alias in spec.aliases:
                    self.canonical[alias] = name
        names = sorted(self.canonical, key=lambda s: (-len(s), s))
        self.pattern = (
            re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?:'s|’s)?(?![\w])")
            if names
            else None
        )

    def lookup(self, name: str) -> str | None:
        return self.canonical.get(name)


# bounded repeats: a run of blank lines or punctuation must not be rescanned from every position
_SENTENCE_OPENING = re.compile(
    r"(?:^|(?<![.!?\"”’)])[.!?][\"”’)]{0,3}[ \t\n]{1,8}|\n[ \t]{0,40})"
    r"([A-Z][\w\-]{0,40})((?: [A-Z][\w\-]{0,40}){0,6})"
)


def capitalised_mid_sentence(text: str) -> set[str]:
    """Words that are names in this article, judged from how it capitalises them.

    Evidence: a capital after a lower-case word; a run of two or more capitalised
    words opening a sentence ("Harbor Freight said"); or the same capitalised word
    opening two or more sentences ("Brightwater said ... Brightwater expects").
    """
    seen: set[str] = set()
    for match in re.finditer(r"\b[a-z][a-z\-]*[,;]? ([A-Z][\w\-]*(?:'s|’s)?)", text):
        seen.add(_strip_possessive(match.group(1))[0])
    openers: dict[str, int] = {}
    for match in _SENTENCE_OPENING.finditer(text):
        first = _strip_possessive(match.group(1))[0]
        rest = [_strip_possessive(t)[0] for t in match.group(2).split()]
        if first in _COMMON or _GENERIC_TOKEN.match(first):
            continue
        if rest and not any(t in _COMMON or _GENERIC_TOKEN.match(t) for t in rest[:1]):
            seen.add(first)
            seen.update(t for t in rest if t not in _COMMON)
        openers[first] = openers.get(first, 0) + 1
    seen.update(word for word, count in openers.items() if count >= 2)
    return seen


def _trusted(token: str, known: set[str]) -> bool:
    """A capitalised token that is a name even at a sentence start or in a title-case heading."""
    return token in known or any(ch.isdigit() or ch.isupper() for ch in token[1:])


Token = tuple[int, int, str, bool]  # start, end, text, ends with a possessive


def _runs(text: str, start: int, end: int) -> list[list[Token]]:
    """Runs of adjacent capitalised tokens (and version numbers), split after a possessive."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    last_end = -10
    for match in _CAP_TOKEN.finditer(text, start, end):
        token_end = match.end() - len(match.group(1))
        token = text[match.start() : token_end]
        adjacent = match.start() - last_end == 1 and text[last_end] in " \u00a0"
        if not (current and adjacent):
            if current:
                runs.append(current)
            current = []
            if _VERSION.fullmatch(token):
                last_end = -10
                continue
        current.append((match.start(), token_end, token, bool(match.group(1))))
        last_end = match.end()
        if match.group(1):
            runs.append(current)
            current = []
            last_end = -10
    if current:
        runs.append(current)
    return runs


def _split_run(run: list[Token], at_start: bool, known: set[str], heading: bool = False) -> list[list[Token]]:
    """Cut a run at words that are vocabulary rather than names.

    At a sentence start or in a title-case heading only trusted tokens count,
    because there capitalisation says nothing about name-hood.
    """
    pieces: list[list[Token]] = []
    piece: list[Token] = []
    for item in run:
        token = item[2]
        version = bool(_VERSION.fullmatch(token))
        generic = token in _COMMON or bool(_GENERIC_TOKEN.match(token))
        untrusted = at_start and not version and not _trusted(token, known)
        if generic or untrusted or (version and not piece):
            if piece:
                pieces.append(piece)
            elif generic and item is run[0] and not heading:
                # "Its Lisbon store": the opener took the sentence capital, the next is a name
                at_start = False
            piece = []
            # past a name and a title ("Acme CEO Jane Roe") we are no longer at the sentence start
            at_start = at_start and (heading or not (generic and pieces))
            continue
        piece.append(item)
    if piece:
        pieces.append(piece)
    return pieces


def find_mentions(
    text: str, start: int, end: int, aliases: AliasTable, known: set[str], heading: bool = False
) -> list[Mention]:
    """Entity mentions in text[start:end], non-overlapping, ordered by position."""
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    if aliases.pattern is not None:
        for match in aliases.pattern.finditer(text, start, end):
            surface, possessive = _strip_possessive(match.group(0))
            canonical = aliases.lookup(surface) or surface
            mentions.append(
                Mention(match.start(), match.start() + len(surface), canonical, surface, possessive)
            )
            taken.append((match.start(), match.end()))
    for run in _runs(text, start, end):
        if any(s < run[-1][1] and run[0][0] < e for s, e in taken):
            continue
        before = text[max(start, run[0][0] - 3) : run[0][0]]
        at_start = heading or run[0][0] == start or bool(_SENTENCE_START.search(before))
        for piece in _split_run(run, at_start, known, heading):
            begin, finish = piece[0][0], piece[-1][1]
            name = text[begin:finish].replace("\u00a0", " ")
            mentions.append(Mention(begin, finish, aliases.lookup(name) or name, name, piece[-1][3]))
    mentions.sort(key=lambda m: m.start)
    return mentions


def generation_parent(name: str) -> str | None:
    """The family a product generation belongs to, from its name alone ("Widget3" -> "Widget")."""
    match = _GENERATION.match(name)
    if match and not match.group(1).isupper():
        return match.group(1).rstrip("- ")
    match = _VERSIONED.match(name)
    if match:
        return match.group(1)
    return None


def looks_like_product(name: str) -> bool:
    return any(ch.isdigit() for ch in name) or generation_parent(name) is not None


def candidate_entities(texts: Iterable[str], ledger: Ledger | None = None) -> list[tuple[str, list[str]]]:
    """Names worth listing in a starter ledger: (name, [aliases seen]) by frequency."""
    aliases = AliasTable(ledger)
    counts: dict[str, int] = {}
    for text in texts:
        known = capitalised_mid_sentence(text)
        for mention in find_mentions(text, 0, len(text), aliases, known):
            counts[mention.name] = counts.get(mention.name, 0) + 1
    ranked = sorted((name for name, n in counts.items() if n >= 2), key=lambda n: (-counts[n], n))
    return [(name, []) for name in ranked]
