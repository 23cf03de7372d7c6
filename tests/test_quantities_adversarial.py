"""Quantity recognition stays linear on pathological inputs: the time grows with the size, not its square.

The test compares two sizes four times apart instead of holding a wall-clock limit, so a slow or
busy machine does not fail it.
"""

from __future__ import annotations

import time

import pytest

from claimcheck.extract.quantities import find_quantities, scan
from claimcheck.models import Quantity

SIZE = 100_000
MAX_GROWTH = 9.0  # at 4 times the size: linear is about 4, quadratic about 16
FLOOR_S = 0.005  # below this a timing is noise: the small run counts as at least this long

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


def _best_of(text: str, runs: int = 2) -> tuple[float, list[Quantity]]:
    best, got = float("inf"), []
    for _ in range(runs):
        start = time.perf_counter()
        got = scan(text)
        best = min(best, time.perf_counter() - start)
    return best, got


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    small_size, large_size = SIZE // 8, SIZE // 2
    (small, _), (large, got) = _best_of(text[:small_size]), _best_of(text[:large_size])
    growth = large / max(small, FLOOR_S)
    assert growth < MAX_GROWTH, f"{name}: {small:.4f}s at {small_size:,} chars, {large:.4f}s at {large_size:,}"
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
