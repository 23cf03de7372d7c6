"""`claimcheck eval` end to end: tables, JSON, -v, bars and exit codes.

Exact figures come from saved reports (the scoring is fixed); runs of the real pipeline only check
what holds for any extractor (shape, counts of inputs, bars of 0 and above 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from tests.eval_fixtures import write_corpus
from tests.test_eval_pairs import PAIRS

RUN = CliRunner()


@pytest.fixture()
def harbor(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus, gold = write_corpus(tmp_path)
    a, b, c = (str(corpus / n) for n in ("a.md", "b.txt", "c.txt"))
    report = {"contradictions": [
        {"id": "p1", "kind": "numeric", "explanation": "ships differ",
         "claims": [{"path": a, "line": 8, "quote": "1,200 ships"}, {"path": b, "line": 3, "quote": "800 ships"}]},
        {"id": "p3", "kind": "numeric", "explanation": "wall differs",
         "claims": [{"path": a, "line": 10, "quote": "5 km"}, {"path": b, "line": 5, "quote": "5,000 m"}]},
        {"id": "p4", "kind": "numeric", "explanation": "crews and ferries",
         "claims": [{"path": c, "line": 4, "quote": "340"}, {"path": b, "line": 4, "quote": "60%"}]},
    ]}
    saved = tmp_path / "report.json"
    saved.write_text(json.dumps(report), encoding="utf-8")
    return corpus, gold, saved


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = RUN.invoke(app, ["eval", *map(str, args)], env={"COLUMNS": "200"})
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_table_shows_figures_and_hit_miss(harbor: tuple[Path, Path, Path]) -> None:
    corpus, gold, saved = harbor
    code, out, _ = invoke(corpus, "--gold", gold, "--report", saved)
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "recall, required 1.00 1/1 gold contradictions found" in lines
    assert "recall, all (--tier) 0.50 1/2 gold contradictions found" in lines
    assert "precision 0.33 1/3 findings match a gold contradiction (the rest count as wrong)" in lines
    assert "look-alikes flagged 1 of 2 consistent items; 1 other findings unjudged" in lines
    assert "coverage - not measured: a saved report lists no claims" in lines
    assert "HIT ships numeric required medium p1" in lines
    assert "MISS ferries proportion bonus low -" in lines
    assert "2 false alarms, 0 uncovered gold claims (-v lists them)" in lines


def test_verbose_lists_false_alarms_with_file_line_and_quote(harbor: tuple[Path, Path, Path]) -> None:
    corpus, gold, saved = harbor
    code, out, _ = invoke(corpus, "--gold", gold, "--report", saved, "-v", "--tier", "required")
    assert code == 0
    assert "  [numeric] look-alike (wall-units): wall differs\n      a.md:10: 5 km\n      b.txt:5: 5,000 m\n" in out
    assert "  [numeric] unjudged: crews and ferries\n      c.txt:4: 340\n      b.txt:4: 60%\n" in out


def test_json_figures(harbor: tuple[Path, Path, Path]) -> None:
    corpus, gold, saved = harbor
    code, out, _ = invoke(corpus, "--gold", gold, "--report", saved, "--format", "json", "--tier", "bonus")
    assert code == 0
    data = json.loads(out)
    assert (data["schema"], data["pairs"], data["missed_bars"]) == ("claimcheck.eval/1", None, [])
    s = data["corpus"]["score"]
    assert (s["tier"], s["gold"], s["found"], s["recall"], s["precision"], s["look_alikes"]) == (
        "bonus", 1, 0, 0.0, 0.3333, 1)
    assert data["corpus"]["coverage"] is None
    assert [i["id"] for i in s["items"] if i["hit"]] == ["ships"]


@pytest.mark.parametrize(
    ("bars", "code", "message"),
    [
        (["--min-recall", "0.9"], 1, "eval: recall (all) 0.50 is below 0.90"),
        (["--min-recall", "0.9", "--tier", "required"], 0, ""),
        (["--min-precision", "0.34"], 1, "eval: precision 0.33 is below 0.34"),
        (["--min-recall", "0.5", "--min-precision", "0.33"], 0, ""),
        (["--min-coverage", "0.5"], 2, "--min-coverage needs an audit of CORPUS (not --report)"),
        (["--min-balanced-accuracy", "0.5"], 2, "--min-balanced-accuracy needs --pairs"),
    ],
)
def test_bars_gate_the_exit_code(harbor: tuple[Path, Path, Path], bars: list[str], code: int, message: str) -> None:
    corpus, gold, saved = harbor
    got, _, err = invoke(corpus, "--gold", gold, "--report", saved, *bars)
    assert got == code
    assert message in err


def test_audit_in_process_measures_coverage(harbor: tuple[Path, Path, Path]) -> None:
    corpus, gold, _ = harbor
    code, out, _ = invoke(corpus, "--gold", gold, "--format", "json", "--min-coverage", "0")
    assert code == 0
    data = json.loads(out)["corpus"]
    assert (data["articles"], data["coverage"]["contradictions"]["claims"], data["coverage"]["consistent"]["claims"]) == (
        3, 5, 4)
    code, _, err = invoke(corpus, "--gold", gold, "--min-coverage", "1.01", "--ledger", gold.parent / "none.yaml")
    assert code == 2 and "none.yaml" in err  # a missing ledger is an input error
    code, _, err = invoke(corpus, "--gold", gold, "--min-coverage", "1.01")
    assert code == 1 and "is below 1.01" in err


def test_pairs_run_through_the_pipeline(tmp_path: Path, harbor: tuple[Path, Path, Path]) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAIRS), encoding="utf-8")
    code, out, err = invoke("--pairs", path, "--format", "json", "--min-balanced-accuracy", "0")
    assert code == 0
    pairs = json.loads(out)["pairs"]
    assert (pairs["overall"]["pairs"], pairs["overall"]["contradictions"], pairs["overall"]["consistent"]) == (5, 3, 2)
    assert [g["name"] for g in pairs["by_domain"]] == ["calls", "news"]
    assert "pairs: 5/5" in err
    corpus, gold, saved = harbor
    code, out, err = invoke(corpus, "--gold", gold, "--report", saved, "--pairs", path, "--min-balanced-accuracy", "1.01")
    assert code == 1 and "balanced accuracy" in err
    assert "HIT" in out and "by subtype" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "nothing to evaluate"),
        (["CORPUS"], "give both CORPUS and --gold"),
        (["CORPUS", "--gold", "GOLD", "--tier", "some"], "--tier required, bonus or all"),
        (["CORPUS", "--gold", "GOLD", "--format", "xml"], "Invalid value for '--format'"),
        (["CORPUS", "--gold", "BADGOLD"], "contradictions/x: quote 'nowhere' not found"),
        (["--pairs", "BADPAIRS"], "bad.jsonl:1: invalid JSON"),
        (["CORPUS", "--gold", "GOLD", "--report", "NOREPORT"], "cannot read report"),
    ],
)
def test_bad_input_exits_2(harbor: tuple[Path, Path, Path], args: list[str], message: str) -> None:
    corpus, gold, _ = harbor
    bad_gold = gold.parent / "bad.yaml"
    bad_gold.write_text("contradictions:\n  - id: x\n    kind: numeric\n    claims:\n"
                        "      - {file: a.md, quote: nowhere}\n      - {file: b.txt, quote: ships}\n")
    (gold.parent / "bad.jsonl").write_text("{oops\n")
    names = {"CORPUS": corpus, "GOLD": gold, "BADGOLD": bad_gold, "BADPAIRS": gold.parent / "bad.jsonl",
             "NOREPORT": gold.parent / "missing.json"}
    code, _, err = invoke(*(names.get(a, a) for a in args))
    assert code == 2
    assert message in err
