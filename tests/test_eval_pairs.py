"""Pair sets: loading, running each pair as a two-article folder, and the figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.evaluate import PairError, load_pairs, run_pairs, score_pairs
from claimcheck.models import Article, AuditResult, Claim, ClaimKind, Contradiction, Value

PAIRS = [
    {"id": "p1", "domain": "news", "subtype": "numeric", "label": "contradiction",
     "a": "The mill employs 300 people.", "b": "The mill employs 900 people. FLAG"},
    {"id": "p2", "domain": "news", "subtype": "numeric", "label": "contradiction",
     "a": "The mill opened in 1990.", "b": "The mill opened in 1980."},
    {"id": "p3", "domain": "calls", "subtype": "temporal", "label": "contradiction",
     "a": "Revenue rose 4% in May.", "b": "Revenue rose 4% in June. FLAG"},
    {"id": "p4", "domain": "calls", "subtype": "consistent", "label": "no_contradiction",
     "a": "Revenue was $2 million.", "b": "Revenue was $2 million. FLAG"},
    {"id": "p5", "domain": "news", "subtype": "consistent", "label": "no_contradiction",
     "a": "The mill employs 300 people.", "b": "About 300 people work at the mill. AONLY"},
]


def _claim(folder: Path, name: str) -> Claim:
    return Claim(id=name, article=name, path=str(folder / name), line=1, start=0, end=3, sentence="x",
                 quote="x", kind=ClaimKind.NUMERIC, subject="s", measure="m", value=Value(low=1, high=1))


def fake_auditor(seen: list[tuple[Path, str, str]]):  # type: ignore[no-untyped-def]
    """Flags b.txt when it says FLAG; a finding between two claims of a.txt when b says AONLY."""

    def audit(folder: Path) -> AuditResult:
        a, b = (folder / "a.txt").read_text(), (folder / "b.txt").read_text()
        seen.append((folder, a, b))
        cited = {"FLAG": ("a.txt", "b.txt"), "AONLY": ("a.txt", "a.txt")}
        findings = tuple(
            Contradiction(id=word, rule="CC101", rule_name="n", kind="numeric", severity="high", subject="s",
                          measure="m", explanation="e", claims=tuple(_claim(folder, n) for n in names))
            for word, names in cited.items() if word in b
        )
        return AuditResult(articles=(Article(id="a", path=str(folder / "a.txt"), format="txt", text=a),),
                           contradictions=findings)

    return audit


@pytest.fixture()
def pair_file(tmp_path: Path) -> Path:
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAIRS) + "\n", encoding="utf-8")
    return path


def test_pairs_run_in_a_temporary_folder_each(pair_file: Path, tmp_path: Path) -> None:
    seen: list[tuple[Path, str, str]] = []
    ticks: list[tuple[int, int]] = []
    outcomes = run_pairs(load_pairs(pair_file), fake_auditor(seen), progress=lambda d, t: ticks.append((d, t)))
    assert [(o.id, o.flagged) for o in outcomes] == [("p1", True), ("p2", False), ("p3", True), ("p4", True),
                                                     ("p5", False)]
    assert [(a, b) for _, a, b in seen] == [(p["a"], p["b"]) for p in PAIRS]
    folders = [folder for folder, _, _ in seen]
    assert len(set(folders)) == 5
    assert not any(f.is_relative_to(tmp_path) or f.exists() for f in folders)  # never the user's folders; gone after
    assert ticks == [(n, 5) for n in range(1, 6)]
    assert [(c.path, c.quote) for c in outcomes[0].findings[0]] == [("a.txt", "x"), ("b.txt", "x")]


def test_pair_figures_overall_by_domain_and_subtype(pair_file: Path) -> None:
    report = score_pairs(run_pairs(load_pairs(pair_file), fake_auditor([])), source="pairs.jsonl")
    overall = report.overall
    assert (overall.pairs, overall.contradictions, overall.flagged_contradictions) == (5, 3, 2)
    assert (overall.consistent, overall.flagged_consistent) == (2, 1)
    assert (overall.recall, overall.false_alarm_rate, overall.balanced_accuracy) == (0.6667, 0.5, 0.5833)
    assert [(g.name, g.pairs, g.recall, g.false_alarm_rate, g.balanced_accuracy) for g in report.by_domain] == [
        ("calls", 2, 1.0, 1.0, 0.5), ("news", 3, 0.5, 0.0, 0.75)]
    assert [(g.name, g.recall, g.false_alarm_rate, g.balanced_accuracy) for g in report.by_subtype] == [
        ("consistent", None, 0.5, None), ("numeric", 0.5, None, None), ("temporal", 1.0, None, None)]


def test_optional_fields_default(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"a": "x", "b": "y", "label": "no_contradiction", "domain": null}\n')
    (pair,) = load_pairs(path)
    assert (pair.id, pair.domain, pair.subtype) == ("line-1", "unspecified", "unspecified")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"a": "x", "b": "y", "label": "maybe"}', r"p.jsonl:2: label: Input should be 'contradiction'"),
        ('{"a": "x", "label": "contradiction"}', r"p.jsonl:2: b: Field required"),
        ('{"a": "x", "b": "y", "label": "contradiction", "c": 1}', r"p.jsonl:2: c: Extra inputs"),
        ("[1, 2]", r"p.jsonl:2: invalid JSON: not a JSON object"),
        ("{oops", r"p.jsonl:2: invalid JSON"),
    ],
)
def test_bad_pair_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"a": "x", "b": "y", "label": "contradiction"}\n' + line + "\n")
    with pytest.raises(PairError, match=message):
        load_pairs(path)


def test_empty_or_missing_pair_file(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_text("\n\n")
    with pytest.raises(PairError, match="no pairs"):
        load_pairs(tmp_path / "e.jsonl")
    with pytest.raises(PairError, match="cannot read pair file"):
        load_pairs(tmp_path / "missing.jsonl")
