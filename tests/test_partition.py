"""The decision stage partition by partition (claimcheck.decide.partition), without Dask: a stable
key, every claim in exactly one partition, and the partitions' groups and findings together equal to
one pass over every claim, on every corpus the tests have (and real news when ../shared has it)."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.decide.decision import decide, group_of, published_days
from claimcheck.decide.partition import (
    cross_slice,
    decide_part,
    merge,
    partition_claims,
    partition_of,
    plan,
    stable_hash,
)
from claimcheck.decide.rules import Reach, registry
from claimcheck.engine import EngineError, EngineKind, GroupOn, groups_on_workers
from claimcheck.ledger import load_ledger
from claimcheck.loader import load_articles
from claimcheck.models import Article, Claim
from claimcheck.pipeline import EXTRACTION
from claimcheck.resolve import EntityGraph, resolve_claims

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews"
FOLDERS = [ROOT / "sources", *sorted((ROOT / "tests" / "corpora").iterdir())]
CORPORA = {"seeds": [ROOT / "sources"], "all": FOLDERS,
           **{p.name: [p] for p in FOLDERS[1:]}, "realnews": [REALNEWS]}


def _corpus(folders: list[Path]) -> tuple[list[Article], list[Claim], EntityGraph]:
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"{folders[0]} is absent")
    ledger = load_ledger(ROOT / "claims.yaml")
    articles, _ = load_articles([str(f) for f in folders], ledger=ledger)
    claims = [claim for article in articles for claim in EXTRACTION.extract((article, ledger))]
    names = {name for claim in claims for name in (claim.subject, *claim.entities) if name}
    graph = EntityGraph(ledger, names, articles)
    return articles, resolve_claims(claims, graph), graph


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request: pytest.FixtureRequest) -> tuple[list[Article], list[Claim], EntityGraph]:
    return _corpus(CORPORA[request.param])


def test_the_partition_key_is_stable_across_processes() -> None:
    # Python's own hash() of a str changes with PYTHONHASHSEED; the partition must not
    code = "from claimcheck.decide.partition import stable_hash; print(stable_hash('people killed'))"
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}).stdout.strip()
            for seed in ("1", "2")}
    assert seen == {str(stable_hash("people killed"))}
    assert stable_hash("people killed") == 15676133467929135890


def test_every_claim_is_in_exactly_one_partition_with_its_whole_measure(corpus: tuple) -> None:
    _, claims, _ = corpus
    for partitions in (1, 3, 32):
        parts = partition_claims(claims, partitions)
        assert len(parts) == partitions
        assert sorted(c.id for part in parts for c in part) == sorted(c.id for c in claims)
        for index, part in enumerate(parts):
            assert all(partition_of(c, partitions) == index for c in part)
            assert [c for c in claims if c in part] == part  # input order kept
        homes = {(c.measure, index) for index, part in enumerate(parts) for c in part}
        assert len(homes) == len({measure for measure, _ in homes})


@pytest.mark.parametrize("partitions", [1, 3, 32])
def test_partition_local_findings_together_are_the_global_findings(corpus: tuple, partitions: int) -> None:
    articles, claims, graph = corpus
    events, findings = decide(claims, articles, graph)
    # each task travels pickled to a worker, and its outcome back
    work = [pickle.loads(pickle.dumps(w)) for w in plan(claims, graph, published_days(articles), partitions)]
    outcomes = [pickle.loads(pickle.dumps(decide_part(w))) for w in work]
    groups, merged = merge(outcomes)
    assert groups == [group_of(e) for e in events]
    assert [f.model_dump_json() for f in merged] == [f.model_dump_json() for f in findings]


def test_the_cross_measure_rules_find_on_the_slice_what_they_find_on_every_claim(corpus: tuple) -> None:
    from claimcheck.decide.rules import RuleContext

    articles, claims, graph = corpus
    published = published_days(articles)
    whole = RuleContext(claims=claims, events=[], graph=graph, published=published)
    sliced = RuleContext(claims=cross_slice(claims), events=[], graph=graph, published=published)
    for rule in registry():
        if rule.reach is Reach.CROSS:
            assert rule.findings(sliced) == rule.findings(whole), rule.code


def test_every_registered_rule_says_what_it_must_see_together() -> None:
    reaches = {rule.code: rule.reach for rule in registry()}
    assert reaches == {"CC101": Reach.MEASURE, "CC102": Reach.MEASURE, "CC103": Reach.MEASURE,
                       "CC202": Reach.MEASURE, "CC204": Reach.MEASURE, "CC205": Reach.MEASURE, "CC201": Reach.CROSS, "CC203": Reach.CROSS,
                       "CC301": Reach.CROSS, "CC401": Reach.CORPUS, "CC402": Reach.CORPUS}


def test_where_the_grouping_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import engine

    monkeypatch.setattr(engine, "GROUP_ON_WORKERS_FROM", 10)
    assert groups_on_workers(GroupOn.AUTO, EngineKind.DASK, 10)
    assert not groups_on_workers(GroupOn.AUTO, EngineKind.DASK, 9)
    assert not groups_on_workers(GroupOn.AUTO, EngineKind.LOCAL, 10**9)
    assert not groups_on_workers(GroupOn.CLIENT, EngineKind.DASK, 10**9)
    assert groups_on_workers(GroupOn.WORKERS, EngineKind.DASK, 0)
    with pytest.raises(EngineError, match="--group-on workers needs --engine dask"):
        groups_on_workers(GroupOn.WORKERS, EngineKind.LOCAL, 0)
