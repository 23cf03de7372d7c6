"""Quantity recognition: data-driven cases from tests/data/quantities.yaml plus focused checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.quantities import find_quantities, scan, singular

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "quantities.yaml").read_text(encoding="utf-8")
)["cases"]
FIELDS = ("text", "kind", "unit", "dimension", "qualifier", "noun")
NUMBERS = ("nominal", "low", "high")


def _approx(value: float | None) -> object:
    return None if value is None else pytest.approx(value, rel=1e-9, abs=1e-15)


def test_enough_cases() -> None:
    assert len(CASES) >= 70
    assert sum(1 for c in CASES if not c["expect"]) >= 8  # negative cases


@pytest.mark.parametrize("case", CASES, ids=[c["sentence"][:48] for c in CASES])
def test_sentence(case: dict[str, Any]) -> None:
    text = case["sentence"]
    got = find_quantities(text)
    summary = [(q.text, q.kind, q.nominal) for q in got]
    assert len(got) == len(case["expect"]), summary
    for q, want in zip(got, case["expect"], strict=True):
        assert text[q.start : q.end] == q.text
        for f in FIELDS:
            assert getattr(q, f) == want[f], (f, summary)
        for f in NUMBERS:
            assert getattr(q, f) == _approx(want[f]), (f, summary)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234,567", 1234567), ("1\u202f234\u202f567.89", 1234567.89), ("40\u00a0000", 40000),
        ("12,34,567.89", 1234567.89), ("one hundred and sixty-one", 161), ("two thirds", 2 / 3),
        ("a dozen", 12), ("half a dozen", 6), ("three quarters", 0.75), ("1.3e6", 1.3e6),
        ("twenty-one trillion three hundred", 21000000000300), ("one and a half", 1.5),
        ("two hundred point zero three", 200.03), (".08", 0.08), ("１２３", 123),
    ],
)
def test_number_grammar(text: str, value: float) -> None:
    got = find_quantities(text)
    assert len(got) == 1 and got[0].nominal == pytest.approx(value)


def test_separate_numbers_are_not_glued() -> None:
    assert [q.nominal for q in find_quantities("22,24,26,31")] == [22, 24, 26, 31]
    assert [q.nominal for q in find_quantities("423 0000")] == [423, 0]


def test_units_agree_across_prefixes() -> None:
    a = find_quantities("1.83 PFLOPS")[0]
    b = find_quantities("1,830 TFLOP/s")[0]
    assert a.nominal == b.nominal == pytest.approx(1.83e15)
    assert find_quantities("4 GiB")[0].nominal == 4 * 2**30
    assert find_quantities("$138B")[0].nominal == pytest.approx(138e9)


def test_offsets_survive_full_width_digits() -> None:
    text = "売上 ＄１２ billion"
    (q,) = find_quantities(text)
    assert text[q.start : q.end] == q.text and q.nominal == pytest.approx(12e9)


@pytest.mark.parametrize(
    ("word", "singular_form"),
    [
        ("chips", "chip"), ("companies", "company"), ("series", "series"), ("boxes", "box"),
        ("churches", "church"), ("houses", "house"), ("buses", "bus"), ("people", "person"), ("news", "news"),
    ],
)
def test_singular(word: str, singular_form: str) -> None:
    assert singular(word) == singular_form


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    got = scan(text)  # scan, not find_quantities: a bug must surface here, not be swallowed
    last = 0
    for q in got:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= last
        last = q.end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,.-–/ %$kKmMbBxX:+−\u00a0\u202fabc"))
def test_numeric_noise_never_raises(text: str) -> None:
    for q in scan(text):
        assert text[q.start : q.end] == q.text
