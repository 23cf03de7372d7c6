"""Regular expressions built from a lexicon's phrase lists."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation, each matched literally and tried in the order given (a regex
    takes the first alternative that matches, so the order of a list can decide what a pattern finds)."""
    return "|".join(re.escape(phrase) for phrase in phrases)


def spaced_alternation(phrases: Iterable[str]) -> str:
    """The phrases as one alternation like alternation(), but a space in a phrase matches any white space."""
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)


def hyphenated_alternation(phrases: Iterable[str]) -> str:
    """The phrases as one alternation like alternation(), but a space in a phrase matches any run of white space
    and hyphens ("full year", "full-year")."""
    return "|".join(re.escape(phrase).replace(r"\ ", r"[\s-]+") for phrase in phrases)


def abbreviation(letters: str, between: str = r"\.?") -> str:
    """An abbreviation by its letters, each but the last followed by ``between`` (by default an optional dot) and
    the last by an optional dot: "am" gives a regex for "am", "a.m." and "a.m"."""
    return between.join(re.escape(letter) for letter in letters) + r"\.?"
