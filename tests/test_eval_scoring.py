"""Scoring with the reference scorer's semantics, on hand-made findings over the tiny harbor corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.evaluate import parse_gold, predictions_from_report, score
from tests.eval_fixtures import at, load, prediction, write_corpus


@pytest.mark.parametrize("offsets", [True, False], ids=["in-memory", "saved-report"])
def test_recall_per_tier_precision_and_lookalikes(tmp_path: Path, offsets: bool) -> None:
    gold, _ = load(tmp_path)
    preds = [
        prediction("p1", "numeric", at(gold, "a.md", "1,200 ships", offsets=offsets),
                   at(gold, "b.txt", "800 ships", offsets=offsets)),
        # one side of the contradiction only: listed as consistent, so a look-alike, never a hit
        prediction("p2", "numeric", at(gold, "a.md", "1,200 ships", offsets=offsets),
                   at(gold, "c.txt", "1,200 ships", offsets=offsets)),
        prediction("p3", "numeric", at(gold, "a.md", "5 km", offsets=offsets),
                   at(gold, "b.txt", "5,000 m", offsets=offsets)),
        prediction("p4", "numeric", at(gold, "c.txt", "340", offsets=offsets),
                   at(gold, "b.txt", "60%", offsets=offsets)),
    ]
    report = score(preds, gold)
    assert (report.tier, report.gold, report.found, report.recall) == ("all", 2, 1, 0.5)
    assert [(t.tier, t.items, t.found, t.recall) for t in report.per_tier] == [
        ("required", 1, 1, 1.0), ("bonus", 1, 0, 0.0), ("all", 2, 1, 0.5)]
    assert (report.predicted, report.correct, report.precision) == (4, 1, 0.25)
    assert (report.look_alikes, report.unjudged, report.consistent_items, report.borderline_items) == (2, 1, 2, 1)
    assert [(i.id, i.hit, i.predictions) for i in report.items] == [("ships", True, ("p1",)), ("ferries", False, ())]
    assert [(f.id, f.look_alike, f.consistent) for f in report.false_alarms] == [
        ("p2", True, ("ships-agree",)), ("p3", True, ("wall-units",)), ("p4", False, ())]
    assert [(c.path, c.line, c.quote) for c in report.false_alarms[2].claims] == [
        ("c.txt", 4, "340"), ("b.txt", 4, "60%")]
    assert [m.id for m in report.misses] == ["ferries"]
    assert report.per_kind["numeric"].model_dump() == {
        "gold": 1, "found": 1, "predicted": 4, "correct": 1, "recall": 1.0, "precision": 0.25}
    assert report.per_kind["proportion"].model_dump() == {
        "gold": 1, "found": 0, "predicted": 0, "correct": 0, "recall": 0.0, "precision": 0.0}


def test_tier_selects_recall_but_not_precision(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    ferries = prediction("f", "proportion", at(gold, "a.md", "All ferries"), at(gold, "b.txt", "60% of ferries"))
    required = score([ferries], gold, "required")
    bonus = score([ferries], gold, "bonus")
    assert (required.gold, required.found, required.recall, required.precision) == (1, 0, 0.0, 1.0)
    assert (bonus.gold, bonus.found, bonus.recall, bonus.precision) == (1, 1, 1.0, 1.0)
    assert [m.id for m in required.misses] == ["ships"]
    assert bonus.misses == ()


def test_nothing_reported_and_empty_tier(tmp_path: Path) -> None:
    data = {"contradictions": [{"id": "ships", "kind": "numeric", "tier": "bonus",
                                "claims": [{"file": "a.md", "quote": "1,200 ships"},
                                           {"file": "b.txt", "quote": "800 ships"}]}]}
    gold, _ = load(tmp_path, data)
    report = score([], gold, "required")
    assert (report.gold, report.recall, report.predicted, report.precision) == (0, 1.0, 0, 0.0)


def test_a_finding_with_three_claims_counts_once_and_two_findings_both_count(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    three = prediction("t", "numeric", at(gold, "a.md", "1,200 ships"), at(gold, "c.txt", "1,200 ships"),
                       at(gold, "b.txt", "800 ships"))
    again = prediction("u", "numeric", at(gold, "c.txt", "1,200"), at(gold, "b.txt", "800"))
    report = score([three, again], gold)
    assert [(i.id, i.predictions) for i in report.items] == [("ships", ("t", "u")), ("ferries", ())]
    assert (report.correct, report.precision, report.look_alikes) == (2, 1.0, 0)


def test_kind_of_a_finding_does_not_matter(tmp_path: Path) -> None:
    """As in the reference scorer: a numeric finding on an arithmetic item's claims finds it."""
    corpus, _ = write_corpus(tmp_path)
    (corpus / "h.txt").write_text("Inspectors counted 1,240 homes: 610 destroyed and 480 damaged.\n")
    data = {"contradictions": [{"id": "homes", "kind": "arithmetic",
                                "claims": [{"file": "h.txt", "quote": "counted 1,240 homes"},
                                           {"file": "h.txt", "quote": "610 destroyed and 480 damaged"}]}]}
    gold = parse_gold(data, corpus)
    numeric = prediction("n", "numeric", at(gold, "h.txt", "1,240 homes"), at(gold, "h.txt", "610 destroyed"))
    assert score([numeric], gold).found == 1


def test_a_claim_overlapping_two_gold_quotes_reads_as_either(tmp_path: Path) -> None:
    corpus, _ = write_corpus(tmp_path)
    (corpus / "d.txt").write_text("Crews fixed an estimated 1,500 pipes.\nThe pipeline runs 1,500 km.\n")
    data = {
        "consistent": [
            {"id": "short", "claims": [{"file": "d.txt", "quote": "an estimated 1,500 pipes"},
                                       {"file": "d.txt", "quote": "1,500 km"}]},
            {"id": "long", "claims": [{"file": "d.txt", "quote": "Crews fixed an estimated 1,500 pipes"},
                                      {"file": "b.txt", "quote": "800 ships"}]},
        ],
    }
    gold = parse_gold(data, corpus)
    inside_both = prediction("x", "numeric", at(gold, "d.txt", "1,500 pipes"), at(gold, "d.txt", "1,500 km"))
    whole_long = prediction("y", "numeric", at(gold, "d.txt", "Crews fixed an estimated 1,500 pipes"),
                            at(gold, "b.txt", "800 ships"))
    report = score([inside_both, whole_long], gold)
    assert [(f.id, f.look_alike, f.consistent) for f in report.false_alarms] == [
        ("x", True, ("short",)), ("y", True, ("long",))]


def test_saved_report_quote_not_found_falls_back_to_line_and_words(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    a, b = gold.articles[0], gold.articles[1]
    report = {"findings": [
        {"id": "loose", "kind": "numeric", "claims": [
            {"path": a.path, "line": 8, "quote": "1200 ships"}, {"path": b.path, "line": 3, "quote": "about 800 ships"}]},
        {"id": "off-line", "kind": "numeric", "claims": [
            {"path": a.path, "line": 9, "quote": "1200 ships"}, {"path": b.path, "line": 3, "quote": "about 800 ships"}]},
    ]}
    scored = score(predictions_from_report(report), gold)
    assert [(i.id, i.predictions) for i in scored.items] == [("ships", ("loose",)), ("ferries", ())]


def test_report_paths_relative_or_absolute_both_match(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    report = {"contradictions": [{"id": "r", "kind": "numeric", "claims": [
        {"path": "harbor/a.md", "line": 8, "quote": "1,200 ships", "article": "a"},
        {"path": "b.txt", "line": 3, "quote": "800 ships"}]}]}
    assert score(predictions_from_report(report), gold).found == 1


def test_a_clause_long_claim_can_stand_for_the_other_side(tmp_path: Path) -> None:
    corpus, _ = write_corpus(tmp_path)
    (corpus / "r.txt").write_text("Revenue rose 25% to $210 million in the year, from $180 million a year earlier.\n")
    data = {"contradictions": [{"id": "growth", "kind": "arithmetic",
                                "claims": [{"file": "r.txt", "quote": "Revenue rose 25% to $210 million in the year"},
                                           {"file": "r.txt", "quote": "from $180 million a year earlier"}]}]}
    gold = parse_gold(data, corpus)
    clause = "Revenue rose 25% to $210 million in the year, from $180 million"
    right = prediction("right", "arithmetic", at(gold, "r.txt", "25%"), at(gold, "r.txt", clause))
    alone = prediction("alone", "arithmetic", at(gold, "r.txt", clause), at(gold, "b.txt", "800 ships"))
    report = score([right, alone], gold)
    assert report.items[0].predictions == ("right",)  # one claim alone never stands for both sides
    assert [(f.id, f.look_alike) for f in report.false_alarms] == [("alone", False)]
