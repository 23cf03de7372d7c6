"""The readers' English word lists are data in en.yaml: they load into typed sections, every list the readers
build on is there, and a missing or mistyped entry is refused with its place named."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from claimcheck.extract import lexicon as cues
from claimcheck.extract.timeexpr import find_status_cues
from claimcheck.frames import timing
from claimcheck.language.lexicon import Lexicon, QuantityLexicon, lexicon_folder, load_lexicon
from claimcheck.language.patterns import alternation, spaced_alternation


def _data(name: str = "en.yaml") -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((lexicon_folder() / name).read_text(encoding="utf-8"))
    return loaded


def test_the_sections_load_with_their_lists() -> None:
    lexicon = load_lexicon("en")
    assert {"killed", "sold", "deployed"} <= set(lexicon.text.count_verbs)
    assert "revenue" in lexicon.text.money_measures["revenue"]
    assert lexicon.text.function_words and lexicon.text.abbreviations and lexicon.text.sentence_openers
    assert lexicon.text.quantifiers["most"] == (50.01, 100.0)
    assert list(lexicon.markers.modality) == ["hedged", "forecast", "plan"]  # the order modality is read in
    assert lexicon.markers.negation and lexicon.markers.attribution.verbs and lexicon.markers.period.spans
    assert lexicon.frames.light_verbs and lexicon.names.suffixes and lexicon.html.chrome_words
    assert lexicon.dates.year_parts["late"] == (7, 12)


def test_patterns_are_built_from_the_lists() -> None:
    assert cues.NEGATION.search("the figure was never confirmed")
    assert cues.TOTAL_MARKERS.search("40 stores across the country")
    assert cues.MODAL_LABEL.match("Prediction: 15 goals").lastgroup == "forecast"  # type: ignore[union-attr]
    assert cues.COUNT_VERBS.find("12 people were killed", 0, 22) == [("killed", 15, 21)]


def test_phrases_are_matched_literally_and_in_order() -> None:
    pattern = re.compile(f"(?:{alternation(['vs.', 'vs', 'run-rate'])})")
    assert pattern.match("vs. them").group(0) == "vs."  # type: ignore[union-attr]
    assert pattern.match("vsX") is not None and pattern.match("v.s") is None


def test_a_missing_section_or_list_is_refused_by_name() -> None:
    data = _data()
    del data["markers"]["negation"]
    with pytest.raises(ValidationError, match=r"markers\.negation"):
        Lexicon.model_validate(data)
    data = _data()
    del data["html"]
    with pytest.raises(ValidationError, match="html"):
        Lexicon.model_validate(data)


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("text", "quantifiers", "most"), [50.0], r"text\.quantifiers\.most"),  # a range needs both ends
        (("text", "count_verbs"), ["killed"], r"text\.count_verbs"),  # classes, not a list
        (("markers", "modality"), {"maybe": ["perhaps"]}, r"markers\.modality"),  # not a modality
        (("dates", "year_parts", "early"), ["january", 6], r"dates\.year_parts\.early"),
        (("frames", "unknown_list"), ["word"], r"frames\.unknown_list"),  # a misspelt entry is not ignored
        (("status", "cues", 0, "kind"), "soon", r"status\.cues\.0\.kind"),  # not a status
        (("status", "cues", 0, "forms"), [[["is", ""], ["shipping"]]], r"status\.cues\.0"),  # "" only in a later slot
        (("timing", "seasons", "summer"), [6], r"timing\.seasons\.summer"),  # a season needs both months
        (("numeric", "data_measure_patterns"), ["memory"], r"numeric\.data_measure_patterns"),  # classes
    ],
)
def test_a_mistyped_entry_is_refused_by_name(path: tuple[str | int, ...], value: object, where: str) -> None:
    data = copy.deepcopy(_data())
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(ValidationError, match=where):
        Lexicon.model_validate(data)


def test_the_reader_sections_load() -> None:
    lexicon = load_lexicon("en")
    assert [cue.kind for cue in lexicon.status.cues][:2] == ["available", "available"]
    assert lexicon.timing.relative_days["a day later"] == 1 and lexicon.timing.seasons["fall"] == (9, 11)
    assert "HBM\\w*" in lexicon.numeric.data_measure_patterns["memory"]  # a pattern, kept as written
    assert lexicon.proportions.whole_words and lexicon.clauses.owner_cues and lexicon.frames.per_unit_words
    assert "TL;DR" in lexicon.text.generic_token_patterns


def test_status_cues_are_built_from_their_slots() -> None:
    found = [(c.kind, c.text) for c in find_status_cues("It is set to launch in 2027; the previous-generation part.")]
    assert found == [("plan", "set to launch in"), ("past", "previous-generation")]
    assert [c.text for c in find_status_cues("It will ship by June and will open.")] == ["will ship by", "will open"]


def test_timing_patterns_are_built_from_the_lists() -> None:
    assert timing._SAID_ON.search("the company said on ")
    assert timing._PAST_PERIOD.search("last autumn").group("unit") == "autumn"  # type: ignore[union-attr]
    assert timing._FORWARD.search("until at  the earliest ")  # a space in forward_bounds is any white space


def test_spaced_phrases_match_any_white_space() -> None:
    pattern = re.compile(spaced_alternation(["of the", "a.b"]))
    assert pattern.fullmatch("of \t the") and pattern.fullmatch("a.b") and not pattern.fullmatch("axb")


def test_the_quantity_qualifiers_after_a_number_are_data() -> None:
    data = _data("en.quantities.yaml")
    assert QuantityLexicon.model_validate(data).approx_after == ("or so",)
    del data["between_joiners"]
    with pytest.raises(ValidationError, match="between_joiners"):
        QuantityLexicon.model_validate(data)
