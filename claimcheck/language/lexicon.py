"""Load one language's lexicon (a YAML data file) into typed lookups, once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, PrivateAttr


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    language: str
    stopwords: frozenset[str]
    min_stopword_share: float
    measure_classes: dict[str, tuple[str, ...]]
    generic_nouns: frozenset[str]
    generic_fallback: dict[str, str]
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

    def modality_of(self, phrase: str) -> str | None:
        return self._modalities.get(phrase.lower())


def available_languages() -> tuple[str, ...]:
    folder = resources.files("claimcheck.language") / "lexicons"
    return tuple(sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")))


@lru_cache(maxsize=4)
def load_lexicon(language: str = "en") -> Lexicon:
    source = resources.files("claimcheck.language") / "lexicons" / f"{language}.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    return Lexicon.model_validate(data)


def lexicon_digest() -> str:
    """Digest of every lexicon file: part of the cache key, so an edited word list re-reads claims."""
    import hashlib

    digest = hashlib.sha1()
    folder = resources.files("claimcheck.language") / "lexicons"
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml"):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
