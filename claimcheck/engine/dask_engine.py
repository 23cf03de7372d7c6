"""The Dask engine: reading and extraction mapped over a Dask cluster, gathered in order.

Without a scheduler address it starts a local cluster of ``jobs`` worker processes (one thread
each, no dashboard, quiet logs) and closes it at the end. Batches go out through a bounded window
of in-flight tasks, so neither the client nor the scheduler ever holds the whole corpus twice.
Each worker runs the warm-up hook once (a per-process singleton, see ``base.ensure_warm``).
"""

from __future__ import annotations

import logging
import math
import os
import socket
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from claimcheck.engine.base import Engine, EngineError, Hook, R, T, batches, run_batch

CONNECT_TIMEOUT_S = 10.0  # to reach a scheduler, and for it to have at least one worker
TASKS_PER_WORKER = 4  # batches per worker for a small corpus: keeps both workers busy to the end
MAX_BATCH = 64  # items per task
WINDOW_PER_WORKER = 4  # in-flight tasks per worker
LARGE_GRAPH_WARNING = "distributed.admin.large-graph-warning-threshold"
BATCH_BYTES_QUIET = "1GiB"  # a batch of MAX_BATCH articles is a few MB; long articles may reach 10 MB
EXTRA = "the dask engine needs the dask extra: pip install 'claimcheck[dask]'"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise EngineError(EXTRA) from None
    return distributed


def _check_address(address: str) -> None:
    from distributed.comm import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except ValueError as exc:
        raise EngineError(f"--scheduler {address!r} is not a Dask scheduler address "
                          f"(expected tcp://HOST:PORT): {exc}") from None


def missing_paths(paths: Sequence[str]) -> tuple[str, list[str]]:
    """Run on a worker: its host name and which of ``paths`` it cannot see."""
    return socket.gethostname(), [p for p in paths if not os.path.exists(p)]


class DaskEngine(Engine):
    name = "dask"

    def __init__(self, scheduler: str | None = None, jobs: int = 1,
                 connect_timeout: float | None = None) -> None:
        distributed = _distributed()
        connect_timeout = CONNECT_TIMEOUT_S if connect_timeout is None else connect_timeout
        self._cluster: Any = None
        self.client: Any = None
        if scheduler is not None:
            _check_address(scheduler)
            try:
                self.client = distributed.Client(scheduler, timeout=connect_timeout, set_as_default=False)
            except (OSError, TimeoutError):
                raise EngineError(f"cannot reach the Dask scheduler at {scheduler} "
                                  f"within {connect_timeout:g} s") from None
        else:
            try:
                self._cluster = distributed.LocalCluster(
                    n_workers=max(1, jobs), processes=True, threads_per_worker=1,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                self.client = distributed.Client(self._cluster, set_as_default=False)
            except Exception as exc:  # ports, permissions, spawn failures: one line, no traceback
                self.close()
                raise EngineError(f"could not start a local Dask cluster: {exc}") from None
        try:
            self.client.wait_for_workers(1, timeout=connect_timeout)
        except (OSError, TimeoutError):
            self.close()
            raise EngineError(f"the Dask scheduler at {scheduler} has no workers "
                              f"(none joined within {connect_timeout:g} s)") from None

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def require_paths(self, paths: Sequence[str]) -> None:
        """Workers read the articles themselves: each must see the folders at the client's paths."""
        wanted = [os.path.abspath(p) for p in paths if os.path.exists(p)]
        if not wanted:
            return
        for worker, (host, missing) in sorted(self.client.run(missing_paths, wanted).items()):
            if missing:
                raise EngineError(
                    f"Dask worker {worker} ({host}) cannot see {missing[0]}: the dask engine reads "
                    "articles on the workers, so every worker needs them at the same path "
                    "(a shared filesystem); see docs/scale.md"
                )

    def map(self, fn: Callable[[T], R], items: Sequence[T], *, warm_up: Hook | None = None) -> Iterator[R]:
        if not items:
            return
        workers = self.workers()
        size = min(MAX_BATCH, math.ceil(len(items) / (workers * TASKS_PER_WORKER)))
        pending = deque(batches(items, size))
        window = workers * WINDOW_PER_WORKER
        in_flight: deque[Any] = deque()
        killed = _distributed().KilledWorker
        import dask

        try:
            while pending or in_flight:
                # batches carry their data in the task: bounded by MAX_BATCH items and the window,
                # so Dask's advice for graphs that embed large data does not apply
                with dask.config.set({LARGE_GRAPH_WARNING: BATCH_BYTES_QUIET}):
                    while pending and len(in_flight) < window:
                        batch = pending.popleft()
                        in_flight.append(self.client.submit(run_batch, fn, warm_up, batch, pure=False))
                yield from in_flight.popleft().result()
        except killed as exc:
            raise EngineError(f"a Dask worker died while running {exc.task!s:.60} "
                              "(out of memory? see docs/scale.md)") from None
        finally:
            for future in in_flight:
                future.cancel()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
