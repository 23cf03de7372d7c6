"""The engine contract without Dask: ordered maps, one warm-up per process, an injectable extractor,
and clear errors when the dask engine cannot run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from engine_probes import count_warm_up, pid_and_warm_calls, square
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.engine import EngineError, EngineKind, Extraction, open_engine
from claimcheck.engine.dask_engine import EXTRA, DaskEngine, missing_paths
from claimcheck.engine.local import PARALLEL_MIN, LocalEngine
from claimcheck.ledger_schema import Ledger
from claimcheck.models import Article, Claim
from claimcheck.pipeline import AuditOptions, _extract_one, run_audit

ROOT = Path(__file__).resolve().parent.parent


def _no_claims(args: tuple[Article, Ledger | None]) -> list[Claim]:
    return []


def _first_claim_only(args: tuple[Article, Ledger | None]) -> list[Claim]:
    return _extract_one(args)[:1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_local_map_keeps_the_order_of_its_items(jobs: int) -> None:
    items = list(range(PARALLEL_MIN * 3 + 5))
    with LocalEngine(jobs) as engine:
        assert list(engine.map(square, items)) == [i * i for i in items]
        assert list(engine.map(square, [])) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_warm_up_hook_runs_once_in_each_process(jobs: int) -> None:
    items = list(range(PARALLEL_MIN * 4))
    with LocalEngine(jobs) as engine:
        results = list(engine.map(pid_and_warm_calls, items, warm_up=count_warm_up))
        again = list(engine.map(pid_and_warm_calls, items, warm_up=count_warm_up))
    assert [r[0] for r in results] == items
    assert {calls for _, _, calls in results + again} == {1}
    if jobs == 1:
        assert {pid for _, pid, _ in results} == {os.getpid()}


def test_the_pipeline_maps_the_injected_extraction() -> None:
    options = AuditOptions(paths=(str(ROOT / "sources"),))
    full = run_audit(options)
    assert full.claims and full.contradictions
    assert run_audit(options, extraction=Extraction(extract=_no_claims)).claims == ()
    first = run_audit(options.model_copy(update={"jobs": 2}), extraction=Extraction(extract=_first_claim_only))
    assert 0 < len(first.claims) <= len(full.articles) < len(full.claims)


def test_a_scheduler_needs_the_dask_engine() -> None:
    with pytest.raises(EngineError, match="--scheduler needs --engine dask"):
        open_engine(EngineKind.LOCAL, scheduler="tcp://127.0.0.1:8786")


def test_without_dask_installed_the_dask_engine_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(EngineError, match="pip install 'claimcheck\\[dask\\]'"):
        DaskEngine()
    result = CliRunner().invoke(app, ["audit", str(ROOT / "sources"), "--engine", "dask", "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {EXTRA}"
    assert "Traceback" not in result.stdout + result.stderr


def test_a_worker_that_cannot_see_the_articles_is_a_clear_error(tmp_path: Path) -> None:
    assert missing_paths([str(tmp_path), str(tmp_path / "absent")])[1] == [str(tmp_path / "absent")]

    class Client:  # stands in for a distributed.Client whose one worker lacks the folder
        def run(self, fn: object, paths: list[str]) -> dict[str, tuple[str, list[str]]]:
            return {"tcp://10.0.0.7:4000": ("node7", paths)}

    engine = DaskEngine.__new__(DaskEngine)
    engine.client, engine._cluster = Client(), None
    with pytest.raises(EngineError, match=r"worker tcp://10.0.0.7:4000 \(node7\) cannot see .*shared filesystem"):
        engine.require_paths([str(tmp_path), str(tmp_path / "absent")])
