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
