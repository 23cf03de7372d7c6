"""Load one language's lexicon (a YAML data file) into typed lookups, once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, PrivateAttr, model_validator

from claimcheck.language.sections import (
    ClauseWords,
    ClockWords,
    DateWords,
    FrameWords,
    HtmlWords,
    Markers,
    NameWords,
    NumericWords,
    ProportionWords,
    StatusWords,
    TextWords,
    TimingWords,
)


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    language: str
    stopwords: frozenset[str]
    min_stopword_share: float
    measure_classes: dict[str, tuple[str, ...]]
    generic_nouns: frozenset[str]
    generic_fallback: dict[str, str]
    fallback_predicates: frozenset[str]
    remainder_cues: frozenset[str]
    breakdown_openers: tuple[str, ...]
    list_joiners: tuple[str, ...]
    list_continuers: tuple[str, ...]
    change_from: tuple[str, ...]
    change_to: tuple[str, ...]
    source_openers: tuple[str, ...]
    source_by: tuple[str, ...]
    source_determiners: tuple[str, ...]
    settlement_nouns: frozenset[str]
    directions: frozenset[str]
    attribution_verbs: frozenset[str]
    modality: dict[str, tuple[str, ...]]
    other_event_cues: frozenset[str]
    part_cues: tuple[str, ...]
    whole_cues: tuple[str, ...]
    per_unit_cues: frozenset[str]
    anaphora_nouns: frozenset[str]
    all_but: tuple[str, ...]
    all_but_complements: dict[str, str]
    event_measures: frozenset[str]
    street_suffixes: dict[str, str]
    result_phrases: dict[str, str]
    copulas: frozenset[str]
    evaluative_adjectives: frozenset[str]
    counterfactual_aux: frozenset[str]
    effect_classes: frozenset[str]
    running_counts: frozenset[str]
    organisation_nouns: frozenset[str]
    change_up: frozenset[str]
    change_down: frozenset[str]
    fixed_measures: frozenset[str]
    status_verbs: dict[str, tuple[str, ...]]
    status_adjectives: dict[str, tuple[str, ...]]
    until_cues: tuple[str, ...]
    # word lists of the readers and of their patterns, by section (claimcheck/language/sections.py)
    text: TextWords
    markers: Markers
    frames: FrameWords
    names: NameWords
    dates: DateWords
    clock: ClockWords
    html: HtmlWords
    status: StatusWords
    timing: TimingWords
    numeric: NumericWords
    proportions: ProportionWords
    clauses: ClauseWords

    _classes: dict[str, str] = PrivateAttr(default_factory=dict)
    _modalities: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        for name, lemmas in self.measure_classes.items():
            for lemma in lemmas:
                self._classes.setdefault(lemma, name)  # the first class listed wins
        for label, cues in self.modality.items():
            for cue in cues:
                self._modalities.setdefault(cue, label)

    def measure_class(self, lemma: str, pos: str = "") -> str | None:
        """The class of a lemma; an entry written "lemma:POS" holds for that part of speech only."""
        if pos and (found := self._classes.get(f"{lemma.lower()}:{pos}")):
            return found
        return self._classes.get(lemma.lower())

    def counted_class(self, lemma: str, pos: str) -> str | None:
        """The class of a noun a figure counts: an entry "lemma:COUNTED" holds only there ("three
        shelters" counts shelters, while "2,000 people needed shelter" is an evacuation)."""
        return self._classes.get(f"{lemma.lower()}:COUNTED") or self.measure_class(lemma, pos)

    def is_change(self, lemma: str) -> bool:
        """A verb that moves a figure up or down ("rise", "cut", "narrow")."""
        return lemma in self.change_up or lemma in self.change_down

    def modality_of(self, phrase: str) -> str | None:
        return self._modalities.get(phrase.lower())


class UnitEntry(BaseModel):
    """One step of the unit table: a unit with its surface forms, or a step that registers other data."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    unit: str = ""
    dim: str = ""
    factor: float = 1.0
    symbols: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    kind: Literal["unit", "currency", "percent", "multiplier"] = "unit"
    offset: float = 0.0
    plural: bool = True
    prefixed: bool = False  # add the SI prefixes to its one symbol and one word
    small: bool = False  # ... and the small ones
    aliases: dict[str, str] = {}  # word -> a word already registered
    currency_words: bool = False  # register the currency words here
    iso_codes: bool = False  # register the ISO codes here

    @model_validator(mode="after")
    def _one_unit_or_a_step(self) -> UnitEntry:
        if bool(self.unit) != bool(self.dim):
            raise ValueError("a unit needs both its canonical unit and its dimension")
        if not self.unit and not (self.aliases or self.currency_words or self.iso_codes):
            raise ValueError("an entry names a unit, aliases, currency_words or iso_codes")
        if self.prefixed and (len(self.symbols) > 1 or len(self.words) > 1):
            raise ValueError("a prefixed unit has at most one symbol and one word")
        return self


class QuantityLexicon(BaseModel):
    """A language's words for quantities: number words, scales, units, currencies, qualifiers, dates."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    language: str
    ones: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, float]
    suffix_scales: dict[str, float]
    dozens: dict[str, int]
    ordinals: dict[str, int | float]
    ordinals_not_denominators: tuple[str, ...]
    denominators: dict[str, int | float]
    hundreds: tuple[str, ...]
    fold_words: dict[str, float]
    multiplier_words: dict[str, float]
    multiplier_followers: frozenset[str]
    not_comparative: frozenset[str]
    times_words: tuple[str, ...]
    qualifiers: dict[Literal["over", "at_least", "nearly", "under", "at_most", "up_to", "approx"], tuple[str, ...]]
    range_openers: tuple[str, ...]
    range_joiners: tuple[str, ...]
    between_joiners: tuple[str, ...]
    between_openers: tuple[str, ...]
    plus_suffixes: tuple[str, ...]
    at_least_after: tuple[str, ...]
    approx_after: tuple[str, ...]
    currency_words: dict[str, tuple[str, ...]]
    iso_codes: tuple[str, ...]
    code_aliases: dict[str, str]
    prefix_symbols: dict[str, str]
    dollar_prefixes: dict[str, str]
    months: dict[str, int]
    weekdays: tuple[str, ...]
    si_prefixes: dict[str, float]
    si_prefix_words: dict[str, float]
    small_prefixes: dict[str, float]
    small_prefix_words: dict[str, float]
    invariant_plurals: tuple[str, ...]
    glued_only: tuple[str, ...]
    units: tuple[UnitEntry, ...]


# The parts a language may have beside its "<language>.yaml": "<language>.<part>.yaml".
LEXICON_PARTS: dict[str, type[BaseModel]] = {"quantities": QuantityLexicon}


def lexicon_folder() -> Traversable:
    return resources.files("claimcheck.language") / "lexicons"


def _lexicon_files() -> list[str]:
    return sorted(p.name for p in lexicon_folder().iterdir() if p.name.endswith(".yaml"))


def available_languages() -> tuple[str, ...]:
    """Languages with a lexicon: a file "<language>.yaml"; "<language>.<part>.yaml" files are its parts."""
    names = (name.removesuffix(".yaml") for name in _lexicon_files())
    return tuple(name for name in names if "." not in name)


def _read(name: str) -> object:
    source = lexicon_folder() / name
    return yaml.safe_load(source.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_lexicon(language: str = "en") -> Lexicon:
    return Lexicon.model_validate(_read(f"{language}.yaml"))


@lru_cache(maxsize=4)
def load_quantity_lexicon(language: str = "en") -> QuantityLexicon:
    return QuantityLexicon.model_validate(_read(f"{language}.quantities.yaml"))


def lexicon_digest() -> str:
    """Digest of every lexicon file: part of the cache key, so an edited word list re-reads claims."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted(lexicon_folder().iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml"):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
