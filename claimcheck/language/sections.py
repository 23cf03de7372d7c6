"""The sections of a language's lexicon file that hold the text readers' word lists.

Each section is a typed model, so a missing, unknown or mistyped entry fails when the file is loaded, with
the section and entry named, not later in a reader.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

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
    generic_token_patterns: Words  # regular expressions, each matched against a whole token


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
    day_parts: frozenset[str]
    holding_nouns: frozenset[str]
    event_noun_suffixes: tuple[str, ...]
    report_event_verbs: frozenset[str]
    repeat_cues: frozenset[str]
    time_units: frozenset[str]
    light_verbs: frozenset[str]
    numberish_words: Words
    superlative_stems: Words
    continuing_pronouns: Words
    beneficiary_preps: frozenset[str]
    part_words: Words
    part_before: Words
    per_unit_words: frozenset[str]
    increment_after: frozenset[str]
    reporting_lemmas: frozenset[str]
    generic_head_preps: frozenset[str]
    bound_before: Words
    not_ranks: frozenset[str]
    age_words: frozenset[str]
    subject_pronouns: frozenset[str]
    place_preps: frozenset[str]
    rank_ordinals: dict[str, int]


class NameWords(_Section):
    """What name keys fold away so that variants of one name meet."""

    suffixes: frozenset[str]
    dropped: frozenset[str]
    expansions: dict[str, str]


class DateWords(_Section):
    """Parts of a year (claimcheck/extract/timeexpr.py) and the words of datelines and of a year's inference
    (claimcheck/dating.py)."""

    year_parts: dict[str, tuple[int, int]]  # "early" -> (first month, last month)
    weekday_stems: Words
    day_month_links: Words
    time_links: Words
    dateline_labels: Words
    dateline_label_links: Words
    updated_labels: Words
    forward_words: Words
    forward_lower_case: Words
    by: Words
    by_bounds: Words
    by_prefixes: Words

    @model_validator(mode="after")
    def _updated_labels_are_labels(self) -> DateWords:
        if not set(self.updated_labels) <= set(self.dateline_labels):
            raise ValueError("updated_labels lists words that are not dateline_labels")
        return self


class ClockWords(_Section):
    """Clock times: claimcheck/frames/extras.py (and the time after a dateline's date, claimcheck/dating.py)."""

    before_noon: Words  # letters of an abbreviation: "am" reads "a.m.", "a. m.", "am"
    after_noon: Words
    hours: Words
    at: Words
    zones: dict[str, int]  # time-zone code -> minutes from UTC
    zones_24h: Words

    @model_validator(mode="after")
    def _zones_are_known(self) -> ClockWords:
        if not set(self.zones_24h) <= set(self.zones):
            raise ValueError("zones_24h lists codes that are not in zones")
        if any(code != code.upper() for code in self.zones):
            raise ValueError("a zone code is written in capitals")
        return self


class HtmlWords(_Section):
    chrome_words: frozenset[str]


Slot = tuple[str, ...]  # phrases tried in order; a last "" makes the slot optional


class StatusCueEntry(_Section):
    """One status cue: its forms, each a row of slots joined by a space (or a space or hyphen)."""

    kind: Literal["available", "future", "plan", "past"]
    attaches: Literal["before", "after", "either"]
    hyphen: bool = False
    forms: tuple[tuple[Slot, ...], ...]

    @model_validator(mode="after")
    def _optional_slots_are_last(self) -> StatusCueEntry:
        for form in self.forms:
            if not form or not form[0] or "" in form[0]:
                raise ValueError("a form starts with a slot that cannot be left out")
            for slot in form:
                if not slot or "" in slot[:-1]:
                    raise ValueError('a slot lists phrases, "" only last')
        return self


class StatusWords(_Section):
    """Words of the status readers: claimcheck/extract/timeexpr.py, extract/status.py and frames/reader.py."""

    cues: tuple[StatusCueEntry, ...]
    join_relatives: Words
    join_copulas: Words
    join_planned: Words
    join_planned_preps: Words
    join_planned_to: Words
    join_events: Words
    join_by: Words
    join_arrivals: Words
    join_arrival_preps: Words
    join_bare: Words
    verb_stems: Words
    time_words: Words


class TimingWords(_Section):
    """Days, seasons and relative times: claimcheck/frames/timing.py and extract/timeexpr.py."""

    last_year: Words
    next_year: Words
    in_month: Words
    weekday_openers: Words
    relative_days: dict[str, int]
    forward: Words
    forward_bounds: Words
    day_suffixes: Words
    past_openers: Words
    duration_openers: Words
    past_units: Words
    ago: Words
    offsets: Words
    future_auxiliaries: Words
    clause_openers: Words
    seasons: dict[str, tuple[int, int]]
    said_verbs: Words
    said_on: Words
    not_claim_time: Words
    quarter_ordinals: dict[str, int]
    quarter: Words
    half_ordinals: dict[str, int]
    half: Words
    full_year: Words  # a space is white space or a hyphen
    fiscal_year: Words  # a space is any white space
    year_links: Words
    fiscal: Words


class NumericWords(_Section):
    """Words of claimcheck/extract/numeric.py; the *_patterns entries are regular expressions, not words."""

    data_measure_patterns: dict[str, Words]
    length_measure_patterns: dict[str, Words]
    time_measure_patterns: dict[str, Words]
    duration_before: Words
    memory_bandwidth: Words
    brackets: Words
    bracket_age_words: Words
    bracket_plural_endings: Words  # regular expressions
    partitive: Words
    money_subject_preps: Words
    percent_phrase_breaks: Words
    percent_tail_breaks: Words
    ratio_fillers: Words
    list_openers: Words
    measured_links: Words
    measured_qualifiers: Words
    measured_of: Words
    measured_of_determiners: Words
    proportion_of: Words


class ProportionWords(_Section):
    """Words of claimcheck/extract/proportions.py."""

    whole_determiners: Words
    whole_words: Words
    whole_links: Words
    predicate_words: Words
    predicate_endings: Words  # regular expressions, after any letters
    object_preps: Words
    object_determiners: Words
    possessive_endings: Words


class ClauseWords(_Section):
    """Words of claimcheck/extract/clause.py."""

    breaking_conjunctions: Words
    breaking_before_capital: Words
    owner_cues: Words
