"""Every rule's pass and fail cases (``tests/rules/<code>.yaml``), run through the real pipeline.

One YAML file per registered rule, in the manner of sqlfluff's rule test cases::

    rule: CC101

    two_exact_tolls_for_one_quake:        # the case's name
      expect: fail                        # fail: the rule must raise the finding below
      finding:
        rule: CC101
        figures: ["212", "274"]           # figures as written: each must be the value of one of its claims
      articles:                           # file name -> text, written to a temporary folder
        a.md: |
          ---
          published: 2025-02-11
          ---
          ...

    same_length_in_km_and_miles:
      expect: pass                        # pass: the rule raises no finding at all
      figures: ["120 km", "75 miles"]     # optional: each must still be read as a claim (no empty pass)
      articles: {...}

A case may add ``ledger:``, the claims.yaml a user would keep beside the articles (entities with
their owners and parents), where the rule needs what only the ledger can say ("Helix is made by
Corvel Semiconductor"); it is loaded as claimcheck loads any ledger.

A case the pipeline does not meet yet keeps its expectation and says why under ``xfail``; it runs as
a non-strict expected failure, so it shows up as XPASS once the pipeline meets it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.decide.rules import registry
from claimcheck.ledger import load_ledger
from claimcheck.models import AuditResult, Claim, Finding, Value
from claimcheck.pipeline import AuditOptions, run_audit

CASES_DIR = Path(__file__).resolve().parent / "rules"
MIN_CASES = 3  # of each expectation, per rule, not counting expected failures
_CASE_KEYS = {"expect", "finding", "figures", "articles", "ledger", "xfail"}


@dataclass(frozen=True)
class RuleCase:
    rule: str
    name: str
    expect: str  # "pass" or "fail"
    articles: dict[str, str]
    figures: tuple[str, ...]  # fail: the finding's figures; pass: figures that must be read as claims
    ledger: dict[str, Any] | None = None  # claims.yaml, as a mapping
    xfail: str | None = None

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.expect}-{self.name}"


def _case(rule: str, name: str, raw: dict[str, Any], where: Path) -> RuleCase:
    unknown = set(raw) - _CASE_KEYS
    assert not unknown, f"{where}: case {name} has unknown keys {sorted(unknown)}"
    expect = raw.get("expect")
    assert expect in ("pass", "fail"), f"{where}: case {name}: expect must be pass or fail"
    articles = raw.get("articles")
    assert isinstance(articles, dict) and articles, f"{where}: case {name} needs articles (file name -> text)"
    assert all(isinstance(t, str) and t.strip() for t in articles.values()), f"{where}: case {name}: empty article"
    if expect == "fail":
        finding = raw.get("finding") or {}
        assert finding.get("rule") == rule, f"{where}: case {name}: a fail case names the finding's rule ({rule})"
        figures = finding.get("figures") or []
        assert figures, f"{where}: case {name}: a fail case lists the figures its finding must carry"
    else:
        assert "finding" not in raw, f"{where}: case {name}: a pass case expects no finding"
        figures = raw.get("figures") or []
    xfail = raw.get("xfail")
    assert xfail is None or (isinstance(xfail, str) and xfail.strip()), f"{where}: case {name}: xfail needs a reason"
    ledger = raw.get("ledger")
    assert ledger is None or isinstance(ledger, dict), f"{where}: case {name}: ledger is a claims.yaml mapping"
    return RuleCase(rule=rule, name=name, expect=expect, articles=dict(articles),
                    figures=tuple(str(f) for f in figures), ledger=ledger, xfail=xfail)


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe YAML that refuses a key given twice (two cases of one name would hide one of them)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicated = sorted({str(k) for k in keys if keys.count(k) > 1})
        if duplicated:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {duplicated}", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def load_cases(path: Path) -> list[RuleCase]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # a SafeLoader: nothing is executed
    assert isinstance(data, dict) and data.get("rule") == path.stem, f"{path}: starts with rule: {path.stem}"
    return [_case(path.stem, name, raw, path) for name, raw in data.items() if name != "rule"]


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.yaml"))


def all_cases() -> Iterator[RuleCase]:
    for path in case_files():
        yield from load_cases(path)


def _params(cases: Iterable[RuleCase]) -> list[Any]:
    params = []
    for case in cases:
        marks = [pytest.mark.xfail(reason=case.xfail, strict=False)] if case.xfail else []
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def audit(articles: dict[str, str], folder: Path, ledger: dict[str, Any] | None = None) -> AuditResult:
    """The whole pipeline over the case's articles, written to an empty folder, with the case's
    ledger (written beside the folder and loaded as any claims.yaml) or none; no cache."""
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    loaded = None
    if ledger is not None:
        path = folder.parent / "claims.yaml"
        path.write_text(yaml.safe_dump(ledger, sort_keys=False), encoding="utf-8")
        loaded = load_ledger(path)
    return run_audit(AuditOptions(paths=(str(folder),), ledger=loaded, cache_dir=None))


def gives(claim: Claim, figure: str) -> bool:
    """The claim's value as written is the figure (or holds it whole: "212" in "212 people", not in "2,120")."""
    pattern = rf"(?<![\w.,]){re.escape(figure.strip())}(?![\w]|[.,]\d)"
    return re.search(pattern, claim.value.text or claim.quote, flags=re.IGNORECASE) is not None


def carries(finding: Finding, figures: Iterable[str]) -> bool:
    return all(any(gives(claim, figure) for claim in finding.claims) for figure in figures)


def describe(result: AuditResult) -> str:
    lines = [f"{f.rule} {f.severity} {f.subject!r}/{f.measure!r}: "
             + "; ".join(f"{c.value.text!r} in {c.quote!r}" for c in f.claims) for f in result.contradictions]
    return "\n".join(lines) or "no findings"


@pytest.mark.parametrize("case", _params(all_cases()))
def test_rule_case(case: RuleCase, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    result = audit(case.articles, folder, case.ledger)
    found = [f for f in result.contradictions if f.rule == case.rule]
    if case.expect == "fail":
        assert any(carries(f, case.figures) for f in found), (
            f"expected a {case.rule} finding carrying {list(case.figures)}; got:\n{describe(result)}")
    else:
        assert not found, f"expected no {case.rule} finding; got:\n{describe(result)}"
        unread = [fig for fig in case.figures if not any(gives(c, fig) for c in result.claims)]
        assert not unread, f"figures not read as claims (the pass would prove nothing): {unread}"


def test_every_rule_has_its_case_file_and_every_file_a_rule() -> None:
    registered = {rule.code for rule in registry()}
    files = {path.stem for path in case_files()}
    assert registered - files == set(), f"rules without tests/rules/<code>.yaml: {sorted(registered - files)}"
    assert files - registered == set(), f"case files naming no registered rule: {sorted(files - registered)}"


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_case_file_has_enough_cases(path: Path) -> None:
    holding = [c for c in load_cases(path) if c.xfail is None]  # expected failures do not count
    for expect in ("pass", "fail"):
        count = sum(c.expect == expect for c in holding)
        assert count >= MIN_CASES, f"{path.name}: {count} {expect} cases that hold, fewer than {MIN_CASES}"


def test_a_case_file_cannot_name_two_cases_alike(tmp_path: Path) -> None:
    path = tmp_path / "CC101.yaml"
    path.write_text("rule: CC101\ncase:\n  expect: pass\n  articles: {a.md: x}\ncase:\n  expect: pass\n"
                    "  articles: {a.md: y}\n", encoding="utf-8")
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate keys"):
        load_cases(path)


@pytest.mark.parametrize(("written", "figure", "expected"), [
    ("212", "212", True), ("2,120", "212", False), ("About 40%", "40%", True), ("140%", "40%", False),
    ("$13.8 billion", "$13.8 billion", True), ("$13.85 billion", "$13.8 billion", False), ("All", "all", True),
])
def test_a_figure_is_the_value_as_written(written: str, figure: str, expected: bool) -> None:
    claim = Claim.model_construct(value=Value.model_construct(text=written), quote=written)
    assert gives(claim, figure) is expected
