"""Quantity recognition stays linear: pathological inputs of 100 KB finish well under a second."""

from __future__ import annotations

import time

import pytest

from claimcheck.extract.quantities import find_quantities, scan

SIZE = 100_000
LIMIT_S = 2.0  # generous so the test is never flaky; typical runs take a small fraction of it

ADVERSARIAL = {
    "digits": "7" * SIZE,
    "comma-ones": ("1," * (SIZE // 2))[:SIZE],
    "spaced-ones": ("1 " * (SIZE // 2))[:SIZE],
    "spaces": " " * SIZE,
    "punctuation": ("-.,;:/%$" * (SIZE // 8))[:SIZE],
    "one-word": "a" * SIZE,
    "glued-code": ("X900" * (SIZE // 4))[:SIZE],
    "dotted": ("1." * (SIZE // 2))[:SIZE],
    "hyphens": ("1-" * (SIZE // 2))[:SIZE],
    "number-words": ("one " * (SIZE // 4))[:SIZE],
    "and-chain": ("one hundred and " * (SIZE // 16))[:SIZE],
    "nbsp-groups": ("1\u00a0000" * (SIZE // 5))[:SIZE],
    "url": "https://" + "a/1" * (SIZE // 3),
    "digit-then-separators": "1" + ", " * (SIZE // 2),
    "qualifiers": ("more than " * (SIZE // 10))[:SIZE],
    "units": ("5 kmh " * (SIZE // 6))[:SIZE],
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    start = time.perf_counter()
    got = scan(text)
    elapsed = time.perf_counter() - start
    assert elapsed < LIMIT_S, f"{name}: {elapsed:.2f}s for {len(text)} chars"
    for q in got[:50]:
        assert text[q.start : q.end] == q.text


def test_huge_digit_string_is_not_a_number() -> None:
    assert find_quantities("9" * 5000) == []


@pytest.mark.parametrize(
    "text", ["\x00", "\ud800", "²³¹", "1²", "٣٤٥", "𝟙𝟚", "1e999", "2^9999", "0/0", "1/0"]
)
def test_odd_characters(text: str) -> None:
    for q in scan(text):
        assert text[q.start : q.end] == q.text
