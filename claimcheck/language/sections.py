"""The sections of a language's lexicon file that hold the text readers' word lists.

Each section is a typed model, so a missing, unknown or mistyped entry fails when the file is loaded, with
the section and entry named, not later in a reader.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Words = tuple[str, ...]  # order kept: patterns built from a list try its phrases in the order written


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextWords(_Section):
    """Words the text reader (claimcheck/extract) looks up."""

    function_words: frozenset[str]
    time_words: frozenset[str]
    count_verbs: dict[str, Words]
    people_classes: frozenset[str]
    time_varying_classes: frozenset[str]
    cumulative_classes: frozenset[str]
    noun_synonyms: dict[str, str]
    money_measures: dict[str, Words]
    time_varying_money: frozenset[str]
    money_period_words: frozenset[str]
    money_not_segments: frozenset[str]
    counted_irregulars: dict[str, str]
    noun_stopwords: frozenset[str]
    noun_modifiers: frozenset[str]
    irregular_plurals: dict[str, str]
    singular_in_s: frozenset[str]
    vague_numbers: dict[str, float]
    pronoun_one: frozenset[str]
    quantifiers: dict[str, tuple[float, float]]
    sentence_openers: frozenset[str]
    abbreviations: frozenset[str]


class PeriodWords(_Section):
    """ "in its first week", "per day", "daily": the pieces of a period that makes a count a rate."""

    prepositions: Words
    determiners: Words
    positions: Words
    spans: Words
    rate_words: Words
    rate_units: Words
    adverbs: Words


class AttributionWords(_Section):
    """ "according to X", "X said", "said X": the pieces of the attribution patterns."""

    according_to: Words
    determiners: Words
    followers: Words
    groups: Words
    bodies: Words
    verbs: Words
    speech: Words


class Markers(_Section):
    """Phrase lists the text reader's patterns are built from (claimcheck/extract/lexicon.py)."""

    total: Words
    since: Words
    since_openers: Words
    since_verbs: Words
    aggregate: Words
    part: Words
    alone: Words
    period: PeriodWords
    not_claim_time: Words
    comparison: Words
    comparison_determiners: Words
    modal_labels: dict[Literal["forecast", "plan", "hedged"], Words]
    modality: dict[Literal["hedged", "forecast", "plan"], Words]
    negation: Words
    direction_up: Words
    direction_down: Words
    attribution: AttributionWords


class FrameWords(_Section):
    """Words the parse-based readers (claimcheck/frames) and the scorer look up."""

    generic_heads: frozenset[str]
    future_aux: frozenset[str]
    period_words: frozenset[str]
    period_nouns: frozenset[str]
    time_units: frozenset[str]
    light_verbs: frozenset[str]


class NameWords(_Section):
    """What name keys fold away so that variants of one name meet."""

    suffixes: frozenset[str]
    dropped: frozenset[str]
    expansions: dict[str, str]


class DateWords(_Section):
    year_parts: dict[str, tuple[int, int]]  # "early" -> (first month, last month)


class HtmlWords(_Section):
    chrome_words: frozenset[str]
