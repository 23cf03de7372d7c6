"""Regular expressions built from a lexicon's phrase lists."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation, each matched literally and tried in the order given (a regex
    takes the first alternative that matches, so the order of a list can decide what a pattern finds)."""
    return "|".join(re.escape(phrase) for phrase in phrases)
