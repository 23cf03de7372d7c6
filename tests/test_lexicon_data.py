"""The readers' English word lists are data in en.yaml: they load into typed sections, every list the readers
build on is there, and a missing or mistyped entry is refused with its place named."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from claimcheck import dating
from claimcheck.extract import lexicon as cues
from claimcheck.extract import multipliers, numeric
from claimcheck.extract.timeexpr import find_status_cues
from claimcheck.frames import extras, timing
from claimcheck.language.lexicon import Lexicon, QuantityLexicon, lexicon_folder, load_lexicon
from claimcheck.language.patterns import abbreviation, alternation, hyphenated_alternation, spaced_alternation


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
        (("timing", "quarter_ordinals", "first"), "one", r"timing\.quarter_ordinals\.first"),  # a number
        (("frames", "rank_ordinals"), ["second"], r"frames\.rank_ordinals"),  # ordinals with their ranks
        (("clock", "zones", "est"), -300, r"clock"),  # a zone code is written in capitals
        (("clock", "zones_24h"), ["GMT", "CET"], r"clock"),  # a 24-hour zone must be a known zone
        (("dates", "updated_labels"), ["modified"], r"dates"),  # an update label must be a dateline label
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


def test_the_last_sections_load() -> None:
    lexicon = load_lexicon("en")
    assert lexicon.timing.quarter_ordinals["4th"] == 4 and list(lexicon.timing.half_ordinals) == ["first", "second"]
    assert lexicon.frames.rank_ordinals["fifth"] == 5 and "first" not in lexicon.frames.rank_ordinals
    assert lexicon.clock.zones["EDT"] == -240 and lexicon.clock.zones_24h == ("GMT", "UTC")
    assert "may" in lexicon.dates.forward_lower_case and "last updated" in lexicon.dates.updated_labels
    assert lexicon.numeric.measured_of == ("of",) and lexicon.numeric.proportion_of == ("of",)


def test_period_names_are_built_from_the_lists() -> None:
    assert timing.period_label("revenue in the second-quarter of fiscal 2025 was $5m", 40, 43) == "2025/Q2"
    assert timing.period_label("first half sales of 40 units", 20, 22) == "*/H1"
    assert timing.period_label("full-year sales of 40 units", 18, 20) == "*/"
    assert timing.period_label("1st half sales of 40 units", 18, 20) == ""  # halves only spelled out


def test_hyphenated_and_abbreviated_phrases() -> None:
    assert re.fullmatch(hyphenated_alternation(["full year"]), "full - year")
    assert not re.fullmatch(hyphenated_alternation(["full year"]), "fullyear")
    for written in ("am", "a.m.", "a.m", "am."):
        assert re.fullmatch(abbreviation("am"), written)
    assert re.fullmatch(abbreviation("am", r"\.?\s?"), "a. m.") and not re.fullmatch(abbreviation("am"), "a. m.")


def test_clock_times_are_built_from_the_lists() -> None:
    match = extras._CLOCK.search("at 12:15 p. m. (pdt) the line closed")
    assert match is not None and match.group("ampm") == "p. m." and match.group("tz") == "pdt"
    assert extras._CLOCK.search("1353 hours (1023 GMT)").group("tz24") == "GMT"  # type: ignore[union-attr]
    assert extras._CLOCK.search("(1023 EST)") is None  # four bare digits need a 24-hour zone


def test_dating_patterns_are_built_from_the_lists() -> None:
    assert dating.parse_date_text("Tues., 3rd of March 2026") is not None
    assert dating._DATE_LINE_RE.fullmatch("Last updated on: June 4, 2024 at 10:30 a.m. ET")
    assert dating._forward_looking("The company may open in 2027", 24)
    assert not dating._forward_looking("In May 2027", 7)  # "May" capitalised is the month
    assert dating._forward_looking("done by the  middle of 2027", 23) and dating._forward_looking("by mid-2027", 7)
    assert dating.MONTHS["sept"] == 9 and dating.MONTHS["december"] == 12


def test_of_and_times_are_built_from_the_lists() -> None:
    assert numeric._OF_NOUN.match(" of its rain").group(1) == "rain"  # type: ignore[union-attr]
    assert numeric._PROPORTION_OF.match(" of them") and not numeric._PROPORTION_OF.match(" off")
    assert multipliers.times_multiplier("three times more", 5) == (11, "times")
    assert multipliers.times_multiplier("3 times already", 1) is None
