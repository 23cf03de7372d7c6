"""Gold files: both formats load, quotes are found tolerantly in the text the extractor reads,
and a bad gold file is a message naming the item."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from claimcheck.evaluate import GoldError, load_gold, parse_gold
from claimcheck.evaluate.locate import find_all, fold
from tests.eval_fixtures import GOLD, article, load, write_corpus


def test_realnews_format_loads_with_tiers_and_borderline(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    assert gold.topic == "harbor"
    assert [(i.id, i.kind, i.tier, i.severity) for i in gold.contradictions] == [
        ("ships", "numeric", "required", "medium"), ("ferries", "proportion", "bonus", "low")]
    assert gold.contradictions[0].why == "1,200 against about 800 for the same year."
    assert [i.id for i in gold.consistent] == ["ships-agree", "wall-units"]
    assert gold.borderline == 1  # read, never located or scored: its second quote is nowhere
    assert len(gold.articles) == 3


def test_quotes_located_in_article_text_with_stored_lines(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    ships_a, ships_b, ships_c = gold.contradictions[0].claims
    a = article(gold, "a.md")
    span = ships_a.spans[0]
    assert a.text[span.start:span.end] == "1,200 ships in 2024"
    assert (ships_a.file, span.article, span.line_start, span.line_end) == ("a.md", a.id, 8, 8)
    assert (ships_b.spans[0].line_start, ships_c.spans[0].line_start) == (3, 3)


def test_typographic_quotes_and_line_breaks_are_tolerated(tmp_path: Path) -> None:
    gold, _ = load(tmp_path)
    a = article(gold, "a.md")
    ferries = gold.contradictions[1].claims[0].spans[0]
    assert a.text[ferries.start:ferries.end] == "All ferries now run on \u201cbattery\u201d power"
    wall = gold.consistent[1].claims[0].spans[0]
    assert a.text[wall.start:wall.end] == "The harbor wall is 5 km\nlong"
    assert (wall.line_start, wall.line_end) == (10, 11)


def test_fold_maps_back_to_original_offsets() -> None:
    text = "Say \u201cHi\u201d \n\n  to   ALL\u2014now \\$4."
    folded, origin = fold(text)
    assert folded == 'say "hi" to all-now $4.'
    assert [text[origin[i]] for i in range(3)] == ["S", "a", "y"]
    found = find_all(text, 'hi" TO all-now $4')
    assert [(text[f.start:f.end]) for f in found] == ["Hi\u201d \n\n  to   ALL\u2014now \\$4"]
    assert find_all("a b a b", "a b") == tuple(find_all("a b a b", "a b"))
    assert [(f.start, f.end) for f in find_all("a b a b", "a b")] == [(0, 3), (4, 7)]
    assert find_all("abc", "   ") == ()


def test_old_project_format_defaults_to_required(tmp_path: Path) -> None:
    data = {
        "contradictions": [{"id": "ships", "kind": "numeric", "note": "differ",
                            "claims": [{"file": "a.md", "quote": "1,200 ships"},
                                       {"file": "b.txt", "quote": "800 ships"}]}],
        "consistent": [{"id": "agree", "claims": [{"file": "a.md", "quote": "1,200 ships"},
                                                  {"file": "c.txt", "quote": "1,200 ships", "line": 3}]}],
    }
    gold, _ = load(tmp_path, data)
    assert (gold.contradictions[0].tier, gold.contradictions[0].why) == ("required", "differ")
    assert gold.consistent[0].claims[1].spans[0].line_start == 3


def test_line_picks_one_occurrence(tmp_path: Path) -> None:
    corpus, _ = write_corpus(tmp_path)
    (corpus / "d.txt").write_text("5 km here.\nAnd 5 km there.\n", encoding="utf-8")
    data = {"consistent": [{"id": "x", "claims": [{"file": "d.txt", "quote": "5 km"},
                                                  {"file": "d.txt", "quote": "5 km", "line": 2}]}]}
    gold = parse_gold(data, corpus)
    first, second = gold.consistent[0].claims
    assert [s.line_start for s in first.spans] == [1, 2]
    assert [s.line_start for s in second.spans] == [2]


def _mutated(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOLD)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g: g["contradictions"][0]["claims"][0].update(quote="1,300 ships"),
         "contradictions/ships: quote '1,300 ships' not found in the text of a.md"),
        (lambda g: g["contradictions"][0]["claims"][0].update(file="zzz.txt"), "contradictions/ships: file 'zzz.txt'"),
        (lambda g: g["contradictions"][0].update(kind="weird"), "contradictions/ships: kind must be one of"),
        (lambda g: g["consistent"][0].update(id="ships"), "consistent/ships: duplicate id"),
        (lambda g: g["borderline"][0].update(id="wall-units"), "borderline/wall-units: duplicate id"),
        (lambda g: g["contradictions"][0].update(extra=1), "invalid gold file at contradictions/0/extra"),
        (lambda g: g["contradictions"][0].update(tier="optional"), "invalid gold file at contradictions/0/tier"),
        (lambda g: g["consistent"][1].update(claims=g["consistent"][1]["claims"][:1]),
         "consistent/wall-units: needs at least two claims"),
        (lambda g: g["consistent"][0]["claims"][1].update(line=1), "quote .* not found in the text of c.txt on line 1"),
    ],
)
def test_invalid_gold_names_the_item(tmp_path: Path, change: Any, message: str) -> None:
    corpus, _ = write_corpus(tmp_path)
    with pytest.raises(GoldError, match=message):
        parse_gold(_mutated(change), corpus)


def test_unreadable_gold_and_missing_corpus(tmp_path: Path) -> None:
    corpus, gold_path = write_corpus(tmp_path)
    gold_path.write_text("contradictions: [unclosed", encoding="utf-8")
    with pytest.raises(GoldError, match="cannot read gold file"):
        load_gold(gold_path, corpus)
    gold_path.write_text("contradictions: []\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"corpus folder .* not found"):
        load_gold(gold_path, tmp_path / "nowhere")
