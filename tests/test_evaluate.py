"""Scoring logic of claimcheck.evaluate on hand-made predictions over a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck import evaluate
from claimcheck.cli import app
from claimcheck.evaluate import GoldError, PredClaim, Prediction, load_gold, score
from claimcheck.models import AuditResult, Claim, ClaimKind, Contradiction, Value

A = (
    "Harbor City\n\nThe port handled 1,200 ships in 2024, officials said.\n"
    "All ferries now run on batteries.\n"
)
B = (
    "Harbor City\n\nAbout 800 ships docked in 2024, the port authority said.\n"
    "Only 60% of ferries are electric, according to the union.\n"
    "Cargo volume was 5 km of quay or 5,000 m, depending on who you ask.\n"
)
GOLD = {
    "contradictions": [
        {
            "id": "ships",
            "kind": "numeric",
            "claims": [
                {"file": "a.txt", "quote": "1,200 ships in 2024"},
                {"file": "b.txt", "quote": "About 800 ships docked in 2024"},
            ],
        },
        {
            "id": "ferries",
            "kind": "proportion",
            "claims": [
                {"file": "a.txt", "quote": "All ferries now run on batteries"},
                {"file": "b.txt", "quote": "Only 60% of ferries are electric"},
            ],
        },
    ],
    "consistent": [
        {
            "id": "quay",
            "claims": [
                {"file": "b.txt", "quote": "5 km of quay"},
                {"file": "b.txt", "quote": "5,000 m"},
            ],
        },
    ],
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(A, encoding="utf-8")
    (root / "b.txt").write_text(B, encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    return root


def pred(pid: str, kind: str, *claims: tuple[str, int, str]) -> Prediction:
    return Prediction(
        id=pid, kind=kind, claims=tuple(PredClaim(path=p, line=n, quote=q) for p, n, q in claims)
    )


SHIPS = pred("p1", "numeric", ("corpus/a.txt", 3, "1,200 ships"), ("corpus/b.txt", 3, "About 800 ships"))
QUAY = pred("p2", "numeric", ("b.txt", 5, "5 km"), ("b.txt", 5, "5,000 m"))
WRONG_LINE = pred("p3", "proportion", ("a.txt", 4, "batteries"), ("b.txt", 3, "800"))


def test_gold_locates_lines(corpus: Path) -> None:
    gold = load_gold(corpus.parent / "gold.yaml", corpus)
    assert [s.line_start for s in gold.contradictions[0].claims[0].spans] == [3]
    assert gold.contradictions[1].claims[1].spans[0].line_start == 4


def test_recall_precision_and_lookalikes(corpus: Path) -> None:
    gold = load_gold(corpus.parent / "gold.yaml", corpus)
    report = score([SHIPS, QUAY, WRONG_LINE], gold)
    assert (report.gold, report.found, report.recall) == (2, 1, 0.5)
    assert (report.predicted, report.correct) == (3, 1)
    assert report.precision == pytest.approx(0.3333, abs=1e-4)
    assert report.consistent_false_positives == 1
    assert [f.id for f in report.false_alarms] == ["p2", "p3"]
    assert report.false_alarms[0].consistent == ["quay"]
    assert [m.id for m in report.misses] == ["ferries"]
    assert report.per_kind["numeric"].recall == 1.0
    assert report.per_kind["numeric"].precision == 0.5
    assert report.per_kind["proportion"].recall == 0.0
    assert report.per_kind["proportion"].precision == 0.0


def test_two_predictions_for_one_item_both_count(corpus: Path) -> None:
    gold = load_gold(corpus.parent / "gold.yaml", corpus)
    ferries = pred("p4", "proportion", ("a.txt", 4, "All ferries"), ("b.txt", 4, "60% of ferries"))
    again = pred("p5", "numeric", ("a.txt", 3, "1,200"), ("b.txt", 3, "800 ships docked"))
    report = score([SHIPS, ferries, again], gold)
    assert (report.recall, report.precision) == (1.0, 1.0)
    assert report.matches == {"ships": ["p1", "p5"], "ferries": ["p4"]}


def test_quote_not_found_falls_back_to_line_and_words(corpus: Path) -> None:
    gold = load_gold(corpus.parent / "gold.yaml", corpus)
    loose = pred("p6", "numeric", ("a.txt", 3, "1200 ships"), ("b.txt", 3, "about 800 ships"))
    other_line = pred("p7", "numeric", ("a.txt", 4, "1200 ships"), ("b.txt", 3, "about 800 ships"))
    report = score([loose, other_line], gold)
    assert report.matches["ships"] == ["p6"]


def test_pair_inside_consistent_item_does_not_match() -> None:
    text = "Quay length is 5 km.\nThat is 5,000 m.\nA rival says 9 km.\n"
    claims = [{"file": "q.txt", "quote": q} for q in ("5 km", "5,000 m", "9 km")]
    data = {
        "contradictions": [{"id": "len", "kind": "numeric", "claims": claims}],
        "consistent": [{"id": "conv", "claims": claims[:2]}],
    }
    gold = evaluate.Gold(corpus=".", texts={"q.txt": text}, contradictions=(), consistent=())
    located = [
        evaluate.LocatedClaim(
            file="q.txt", quote=c["quote"], spans=tuple(evaluate._find_spans(text, c["quote"]))
        )
        for c in claims
    ]
    gold = gold.model_copy(
        update={
            "contradictions": (evaluate.LocatedItem(id="len", kind="numeric", claims=tuple(located)),),
            "consistent": (evaluate.LocatedItem(id="conv", kind=None, claims=tuple(located[:2])),),
        }
    )
    assert data["consistent"]
    only_same = pred("a", "numeric", ("q.txt", 1, "5 km"), ("q.txt", 2, "5,000 m"))
    real = pred("b", "numeric", ("q.txt", 2, "5,000 m"), ("q.txt", 3, "9 km"))
    report = score([only_same, real], gold)
    assert report.matches == {"len": ["b"]}
    assert report.consistent_false_positives == 1


def test_empty_predictions(corpus: Path) -> None:
    report = score([], load_gold(corpus.parent / "gold.yaml", corpus))
    assert (report.recall, report.precision) == (0.0, 1.0)
    assert "Missed" in evaluate.format_table(report)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda g: g["contradictions"][0]["claims"][0].update(quote="1,300 ships"), "quote '1,300 ships'"),
        (lambda g: g["contradictions"][0]["claims"][0].update(file="zzz.txt"), "ships: file 'zzz.txt'"),
        (lambda g: g["contradictions"][0].update(kind="weird"), "kind must be one of"),
        (lambda g: g["consistent"][0].update(id="ships"), "duplicate id"),
        (lambda g: g["contradictions"][0].update(extra=1), "invalid gold file"),
    ],
)
def test_invalid_gold_names_item(corpus: Path, mutate: object, message: str) -> None:
    data = json.loads(json.dumps(GOLD))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(GoldError, match=message.replace("(", r"\(")):
        evaluate.parse_gold(data, corpus)


def _result_with(claims: list[tuple[str, int, str]]) -> AuditResult:
    made = tuple(
        Claim(
            id=f"c{i}",
            article=p,
            path=p,
            line=n,
            start=0,
            end=1,
            sentence=q,
            quote=q,
            kind=ClaimKind.NUMERIC,
            subject="ships",
            measure="ship",
            value=Value(low=1, high=1),
        )
        for i, (p, n, q) in enumerate(claims)
    )
    con = Contradiction(
        id="x1",
        rule="CC101",
        rule_name="numeric",
        kind="numeric",
        severity="high",
        subject="ships",
        measure="ship",
        explanation="differ",
        claims=made,
    )
    return AuditResult(articles=(), contradictions=(con,))


def test_cli_eval_report_json_and_thresholds(corpus: Path, tmp_path: Path) -> None:
    result = _result_with([("corpus/a.txt", 3, "1,200 ships"), ("corpus/b.txt", 3, "800 ships")])
    preds = evaluate.predictions_from_result(result)
    report = {
        "contradictions": [
            {"id": p.id, "kind": p.kind, "claims": [c.model_dump() for c in p.claims]} for p in preds
        ]
    }
    saved = tmp_path / "report.json"
    saved.write_text(json.dumps(report), encoding="utf-8")
    gold = str(corpus.parent / "gold.yaml")
    runner = CliRunner()
    ok = runner.invoke(app, ["eval", str(corpus), "--gold", gold, "--report", str(saved), "--format", "json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["recall"] == 0.5
    low = runner.invoke(
        app, ["eval", str(corpus), "--gold", gold, "--report", str(saved), "--min-recall", "0.9"]
    )
    assert low.exit_code == 1
    assert "recall     0.500" in low.stdout


def test_cli_eval_bad_gold_exits_2(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "contradictions:\n  - id: x\n    kind: numeric\n    claims:\n"
        "      - {file: a.txt, quote: nowhere}\n      - {file: b.txt, quote: ships}\n"
    )
    out = CliRunner().invoke(app, ["eval", str(corpus), "--gold", str(bad)])
    assert out.exit_code == 2
    assert "contradictions/x" in out.output


def test_arithmetic_gold_needs_arithmetic_prediction(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "h.txt").write_text(
        "Inspectors counted 1,240 homes: 610 destroyed and 480 damaged.\n", encoding="utf-8"
    )
    data = {
        "contradictions": [
            {
                "id": "homes",
                "kind": "arithmetic",
                "claims": [
                    {"file": "h.txt", "quote": "counted 1,240 homes"},
                    {"file": "h.txt", "quote": "610 destroyed and 480 damaged"},
                ],
            }
        ]
    }
    gold = evaluate.parse_gold(data, root)
    numeric = pred("n", "numeric", ("h.txt", 1, "1,240 homes"), ("h.txt", 1, "610 destroyed"))
    arith = pred("a", "arithmetic", ("h.txt", 1, "1,240 homes"), ("h.txt", 1, "610"), ("h.txt", 1, "480"))
    report = score([numeric, arith], gold)
    assert report.matches == {"homes": ["a"]}
    assert report.precision == 0.5
