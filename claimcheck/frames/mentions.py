"""Mentions resolved within one article, and name keys that let variants of one name meet.

"The island", "the company" or "it" stand for a named thing of the same article; nothing is
learned across articles. Name keys fold case, punctuation, determiners, corporate suffixes and
"Widget 3"/"Widget3" so that variants of one name compare equal.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from claimcheck.language.lexicon import load_lexicon

_NAMES = load_lexicon("en").names  # what name keys fold away
_SUFFIXES = _NAMES.suffixes
_EXPANSIONS = _NAMES.expansions
_DROP = _NAMES.dropped
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    lowered = text.lower().replace("’", "'").replace("'s", "").replace(".", "")
    for long, short in _EXPANSIONS.items():
        lowered = lowered.replace(long, short)
    words = [w for w in _WORD.findall(lowered) if w not in _DROP]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    joined: list[str] = []
    for word in words:
        if word.isdigit() and joined and not joined[-1].isdigit():
            joined[-1] += word  # "widget 3" and "widget3" meet
        else:
            joined.append(word)
    return " ".join(joined)


def acronym(key: str) -> str:
    words = key.split()
    return "".join(w[0] for w in words) if len(words) > 1 else key


def keys_meet(a: str, b: str) -> bool:
    """Two name keys name the same thing: equal, an acronym of the other, or one a leading part."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if " " not in short and short == acronym(long):
        return True
    # "Hollin" and "Hollin Island", "Acme" and "Acme Appliance Group": a one-word name that opens a longer one
    return " " not in short and long.split()[0] == short


class ArticleMentions:
    """What definite descriptions and pronouns stand for in one article."""

    def __init__(self, text: str, anaphora_nouns: frozenset[str], organisation_nouns: frozenset[str] = frozenset(),
                 main_organisation: str | None = None) -> None:
        self.text = text
        self.nouns = anaphora_nouns
        self.organisation_nouns = organisation_nouns
        self.main_organisation = main_organisation  # the organisation the article names most
        self.topic: str | None = None  # the last named subject: "it" and "they" refer back to it
        self._cache: dict[str, str | None] = {}

    def named(self, noun: str) -> str | None:
        """ "the island" -> the article's most frequent name built on that noun ("Hollin Island")."""
        noun = noun.lower()
        if noun not in self._cache:
            pattern = re.compile(
                rf"\b((?:[A-Z][\w'’.\-]*\s+){{1,3}}){re.escape(noun)}s?\b|\b{re.escape(noun)}\s+of\s+([A-Z][\w\-]+)",
                re.IGNORECASE,
            )
            names: Counter[str] = Counter()
            for match in pattern.finditer(self.text):
                if match.group(1):
                    words = [w for w in match.group(1).split() if w[:1].isupper()]
                    if not words or words[0].lower() in ("the", "a", "an", "this", "that"):
                        words = words[1:]
                    if words:
                        names[" ".join(words) + " " + noun] += 1
                elif match.group(2) and match.group(2)[0].isupper():
                    names[match.group(2)] += 1
            self._cache[noun] = names.most_common(1)[0][0] if names else None
        return self._cache[noun]

    def resolve(self, text: str, lemma: str, is_pronoun: bool, is_name: bool) -> str:
        if is_name:
            self.topic = text
            return text
        if is_pronoun:
            return self.topic or ""
        found = self.named(lemma)
        if not found and lemma in self.organisation_nouns:
            found = self.main_organisation  # "the automaker", "the company": the one the story is about
        return found or ""
