"""The dask engine on a local cluster (loopback only): the same report, byte for byte, as the local
engine; one warm-up per worker; a one-line error when the scheduler cannot be reached.

Skips with its reason only when dask is not installed outside CI; in CI (.ci/run sets CLAIMCHECK_CI)
a missing dask is a failure, so this test always runs there."""

from __future__ import annotations

import logging
import os
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

if os.environ.get("CLAIMCHECK_CI"):
    import distributed
else:
    distributed = pytest.importorskip(
        "distributed", reason="dask is not installed: pip install -e '.[dask]' to run the dask engine tests"
    )

from engine_probes import count_warm_up, pid_and_warm_calls

from claimcheck.cli import app
from claimcheck.engine import dask_engine
from claimcheck.engine.dask_engine import DaskEngine

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "sources", *sorted((ROOT / "tests" / "corpora").iterdir())]
REALNEWS = ROOT.parent / "shared" / "realnews"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def _audit(tmp_path: Path, name: str, *options: str, corpora: list[Path] = CORPORA) -> bytes:
    output = tmp_path / f"{name}.json"
    args = ["audit", *map(str, corpora), "--ledger", str(ROOT / "claims.yaml"), "--no-cache",
            "-f", "json", "-o", str(output), *options]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return output.read_bytes()


def test_a_local_cluster_of_two_workers_gives_the_local_report_byte_for_byte(tmp_path: Path) -> None:
    local = _audit(tmp_path, "local")
    assert b'"contradictions"' in local and len(local) > 10_000
    assert _audit(tmp_path, "dask", "--engine", "dask", "--jobs", "2") == local


def test_a_running_scheduler_gives_the_same_report(tmp_path: Path, scheduler: str) -> None:
    local = _audit(tmp_path, "local", "--jobs", "2")
    assert _audit(tmp_path, "dask", "--engine", "dask", "--scheduler", scheduler) == local


@pytest.mark.parametrize("corpora", [CORPORA, [ROOT / "sources"], [REALNEWS]], ids=["corpora", "seeds", "realnews"])
def test_grouping_on_the_workers_gives_the_local_report_byte_for_byte(tmp_path: Path, scheduler: str,
                                                                       corpora: list[Path]) -> None:
    if not all(folder.is_dir() for folder in corpora):
        pytest.skip(f"{corpora[0]} is absent")
    local = _audit(tmp_path, "local", corpora=corpora)
    assert b'"contradictions"' in local
    shuffled = _audit(tmp_path, "dask", "--engine", "dask", "--scheduler", scheduler, "--group-on", "workers",
                      corpora=corpora)
    assert shuffled == local


def test_grouping_on_workers_without_dask_is_one_line_and_exit_2() -> None:
    args = ["audit", str(ROOT / "sources"), "--no-cache", "--group-on", "workers"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == "error: --group-on workers needs --engine dask\n"


def test_each_worker_warms_up_once_and_results_keep_their_order(scheduler: str) -> None:
    items = list(range(300))
    with DaskEngine(scheduler=scheduler) as engine:
        assert engine.workers() == 2
        results = list(engine.map(pid_and_warm_calls, items, warm_up=count_warm_up))
        again = list(engine.map(pid_and_warm_calls, items[:10], warm_up=count_warm_up))
    assert [item for item, _, _ in results] == items
    assert {calls for _, _, calls in results + again} == {1}
    assert os.getpid() not in {pid for _, pid, _ in results}


def test_batches_of_long_articles_go_out_without_dask_warnings(scheduler: str) -> None:
    items = ["x" * 400_000 + str(i) for i in range(256)]  # 32 per batch of 2 workers: 12 MB, over 10 MB
    with DaskEngine(scheduler=scheduler) as engine, warnings.catch_warnings():
        warnings.simplefilter("error")
        assert list(engine.map(len, items)) == [len(item) for item in items]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("address, message", [
    ("tcp://127.0.0.1:{port}", "error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port} within 1 s"),
    ("no-port", "error: --scheduler 'no-port' is not a Dask scheduler address"),
])
def test_an_unreachable_scheduler_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, address: str,
                                                         message: str) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_S", 1.0)
    port = _closed_port()
    args = ["audit", str(ROOT / "sources"), "--no-cache", "--engine", "dask",
            "--scheduler", address.format(port=port)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message.format(port=port))
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
