"""The local engine: in this process, or a pool of ``--jobs`` processes on this machine."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

from claimcheck.engine.base import Engine, Hook, R, T, batches, ensure_warm, run_batch

PARALLEL_MIN = 64  # below this many items a process pool costs more than it saves
CHUNK = 32  # items per task sent to a pool process


class LocalEngine(Engine):
    """``jobs`` processes, each running the warm-up hook once; the pool starts on first need and is
    shared by every map of one audit (reading, then extraction)."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Sequence[T], *, warm_up: Hook | None = None) -> Iterator[R]:
        if self.jobs == 1 or len(items) < PARALLEL_MIN:
            if items:
                ensure_warm(warm_up)
            for item in items:
                yield fn(item)
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        chunks = batches(items, CHUNK)
        for results in self._pool.map(run_batch, repeat(fn), repeat(warm_up), chunks):
            yield from results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
