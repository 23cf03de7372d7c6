"""Claim coverage: gold claims with an extracted claim on their span, counted once each."""

from __future__ import annotations

from pathlib import Path

from claimcheck.evaluate import coverage
from claimcheck.evaluate.run import eval_result
from tests.eval_fixtures import fake_result, load


def test_coverage_of_figure_contradictions_and_of_lookalikes(tmp_path: Path) -> None:
    gold, gold_path = load(tmp_path)
    result = fake_result(gold, [("a.md", "1,200"), ("b.txt", "800"), ("b.txt", "60%"), ("c.txt", "340")], [])
    cov = coverage(gold, result.claims)
    assert cov.kinds == ("numeric", "temporal", "proportion", "arithmetic")
    # ships: a, b, c; ferries: a, b. Covered: a and b of ships, b of ferries.
    assert (cov.contradictions.claims, cov.contradictions.covered, cov.contradictions.share) == (5, 3, 0.6)
    assert [(u.file, u.line, u.quote, u.items) for u in cov.contradictions.uncovered] == [
        ("c.txt", 3, "The port handled 1,200 ships in 2024", ("ships", "ships-agree")),
        ("a.md", 9, 'All ferries now run on "battery" power', ("ferries",)),
    ]
    # look-alikes: a and c of ships-agree, both sides of wall-units; only a's ship count is covered
    assert (cov.consistent.claims, cov.consistent.covered, cov.consistent.share) == (4, 1, 0.25)
    assert [u.quote for u in cov.consistent.uncovered] == [
        "The port handled 1,200 ships in 2024", "The harbor wall is 5 km long", "The wall is 5,000 m long"]
    ev = eval_result(gold, gold_path, result)
    assert ev.coverage == cov
    assert (ev.articles, ev.topic, ev.score.predicted) == (3, "harbor", 0)


def test_a_claim_beside_the_quote_or_in_another_file_does_not_cover(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    result = fake_result(gold, [("a.md", "officials said"), ("b.txt", "Harbor City")], [])
    cov = coverage(gold, result.claims)
    assert cov.contradictions.covered == 0
    assert cov.consistent.covered == 0


def test_kinds_are_chosen_and_an_empty_set_is_full(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    result = fake_result(gold, [("b.txt", "60%")], [])
    only_numeric = coverage(gold, result.claims, kinds=("numeric",))
    assert (only_numeric.contradictions.claims, only_numeric.contradictions.covered) == (3, 0)
    none = coverage(gold, result.claims, kinds=("categorical",))
    assert (none.contradictions.claims, none.contradictions.share) == (0, 1.0)
