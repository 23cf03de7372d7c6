"""Property tests: the extractor never raises and its spans are exact; the audit is order-independent.

``find_quantities`` has its own never-raises property in tests/test_quantities.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.extract.entities import AliasTable
from claimcheck.extract.extractor import extract_claims
from claimcheck.models import Article, AuditResult, Contradiction
from claimcheck.pipeline import AuditOptions, run_audit
from claimcheck.report import render

SEEDS = Path(__file__).resolve().parent.parent / "sources"
SEED_FILES = sorted(p.name for p in SEEDS.iterdir() if p.is_file())

# News-like fragments (invented names, no seed sentences) mixed with arbitrary text, so generated
# inputs reach the claim builders and not only the "no number here" paths.
FRAGMENTS = st.sampled_from([
    "Acme", "Globex", "Initech Corp", "the company", "officials", "said", "reported", "according to",
    "plans to", "expected to", "is shipping now", "current generation", "upcoming", "in 2027",
    "late 2026 or early 2027", "by 2030", "on March 3, 2024", "deployed", "chips", "workers", "stores",
    "revenue", "all of", "most of", "none of", "more than", "over", "nearly", "about", "up to",
    "at least", "between", "and", "times", "faster than", "4.4x", "%", "percent", "million", "billion",
    "$", "€", "TB/s", "PFLOPS", "1,400,000", "1\u00a0400\u00a0000", "1\u202f400", "30–40%", "−5",
    "１２３", "10²", "½", "2.52", "10,000", "1.4 million", ".", ",", ";", ":", "\n", "\n\n", "(", ")",
    "\"", "“", "”", "|", "- ", "#", "\u200b", "\u00ad", "\ufeff", "e\u0301", "🙂",
])
NEWS_TEXT = st.lists(FRAGMENTS, max_size=80).map(" ".join)
ANY_TEXT = st.one_of(NEWS_TEXT, st.text(max_size=600), st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)),
                                                                  max_size=60).map("".join))
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _article(text: str) -> Article:
    return Article(id="prop", path="prop.txt", format="txt", text=text)


@PROPERTY
@given(ANY_TEXT)
def test_extract_claims_never_raises_and_spans_are_exact(text: str) -> None:
    article = _article(text)
    for claim in extract_claims(article, AliasTable(None)):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert claim.quote == article.text[claim.start : claim.end]
        assert claim.quote in claim.sentence
        assert claim.line == article.line_at(claim.start)
        assert claim.article == article.id and claim.path == article.path


# --------------------------------------------------------------------------- order independence


def _copy_corpus(root: Path, order: list[str]) -> None:
    """``root/sources`` holding the seed files, created (and so listed by the OS) in ``order``."""
    folder = root / "sources"
    folder.mkdir(parents=True)
    for name in order:
        shutil.copyfile(SEEDS / name, folder / name)


def _audit_json(paths: list[str]) -> str:
    return render(run_audit(AuditOptions(paths=tuple(paths))), "json")


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seedcopy")
    _copy_corpus(root, SEED_FILES)
    return root


@pytest.fixture(scope="module")
def reference_json(seed_copy: Path) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(seed_copy)
        return _audit_json(["sources"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations([f"sources/{name}" for name in SEED_FILES]))
def test_report_bytes_ignore_the_order_files_are_given(
    seed_copy: Path, reference_json: str, order: list[str]
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(seed_copy)
        assert _audit_json(order) == reference_json


def test_report_bytes_ignore_the_directory_listing_order(tmp_path: Path, reference_json: str) -> None:
    orders = [SEED_FILES, SEED_FILES[::-1], [*SEED_FILES[2:], *SEED_FILES[:2]]]
    outputs = set()
    for index, order in enumerate(orders):
        root = tmp_path / f"copy{index}"
        _copy_corpus(root, order)
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(root)
            outputs.add(_audit_json(["sources"]))
            outputs.add(_audit_json(["sources/"]))
    assert outputs == {reference_json}


def test_the_same_folder_given_twice_is_audited_once(seed_copy: Path, reference_json: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(seed_copy)
        assert _audit_json(["sources", "sources"]) == reference_json
        files = [f"sources/{name}" for name in SEED_FILES]
        assert _audit_json([*files, "sources"]) == reference_json


# --------------------------------------------------------------------------- JSON round trip


def _contract(contradiction: Contradiction) -> dict[str, object]:
    return {
        "id": contradiction.id,
        "rule": contradiction.rule,
        "kind": contradiction.kind,
        "severity": contradiction.severity,
        "status": contradiction.status,
        "subject": contradiction.subject,
        "measure": contradiction.measure,
        "explanation": contradiction.explanation,
        "claims": sorted(
            ({"id": c.id, "article": c.article, "path": c.path, "line": c.line, "quote": c.quote,
              "sentence": c.sentence} for c in contradiction.claims),
            key=str,
        ),
    }


def _round_trip(result: AuditResult) -> None:
    """Every contract field of every contradiction survives render -> json.loads (the report may
    order the claims of a contradiction by file and line, so claims compare as sets)."""
    data = json.loads(render(result, "json"))
    keys = ("id", "rule", "kind", "severity", "status", "subject", "measure", "explanation")
    claim_keys = ("id", "article", "path", "line", "quote", "sentence")
    rebuilt = sorted(
        ({**{k: c[k] for k in keys},
          "claims": sorted(({k: cl[k] for k in claim_keys} for cl in c["claims"]), key=str)}
         for c in data["contradictions"]),
        key=lambda d: str(d["id"]),
    )
    expected = sorted((_contract(c) for c in result.contradictions), key=lambda d: str(d["id"]))
    assert rebuilt == expected
    assert [a["path"] for a in data["articles"]] == [a.path for a in result.articles]
    assert [(s["path"], s["reason"]) for s in data["skipped"]] == [(s.path, s.reason) for s in result.skipped]


def test_seed_report_round_trips(seed_copy: Path) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(seed_copy)
        result = run_audit(AuditOptions(paths=("sources",)))
    assert result.contradictions, "the seed corpus has contradictions to round-trip"
    _round_trip(result)


# Two or three short generated articles with conflicting figures and odd characters in the quotes.
SUBJECTS = st.sampled_from(["Acme", "Globex", "Initech"])
FIGURES = st.sampled_from(["10,000", "1.4 million", "about 300", "more than 2,000", "1\u00a0400\u00a0000",
                           "85%", "30–40%", "$2 billion", "4.9 TB/s"])
NOISE = st.sampled_from(["", " “quoted”", " <b>&amp;</b>", " \\ back\\slash", " 🙂", " \t", " é\u0301"])


@st.composite
def small_corpus(draw: st.DrawFn) -> list[str]:
    texts = []
    for _ in range(draw(st.integers(2, 3))):
        lines = [
            f"{draw(SUBJECTS)} said it has deployed {draw(FIGURES)} units{draw(NOISE)} in 2025."
            for _ in range(draw(st.integers(1, 4)))
        ]
        texts.append("\n".join(lines) + "\n")
    return texts


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(small_corpus())
def test_generated_reports_round_trip(tmp_path_factory: pytest.TempPathFactory, texts: list[str]) -> None:
    folder = tmp_path_factory.mktemp("gen")
    for index, text in enumerate(texts):
        (folder / f"a{index}.txt").write_text(text, encoding="utf-8")
    _round_trip(run_audit(AuditOptions(paths=(str(folder),))))

