"""Where reading and extraction run: in this process, a local process pool, or a Dask cluster.

An engine is an ordered map over a list of items (files to read, articles to extract) that runs a
per-process warm-up hook once before a process's first item. The corpus-level stages (resolve,
group, reconcile) always run in the calling process on the gathered results, so every engine gives
the same report byte for byte.
"""

from __future__ import annotations

from enum import StrEnum

from claimcheck.engine.base import Engine, EngineError, Extraction, Hook, ensure_warm

__all__ = ["Engine", "EngineError", "EngineKind", "Extraction", "Hook", "ensure_warm", "open_engine"]


class EngineKind(StrEnum):
    """The ``--engine`` choices."""

    LOCAL = "local"  # this process, or a pool of --jobs processes
    DASK = "dask"  # a Dask cluster: --scheduler ADDRESS, or a local cluster of --jobs workers


def open_engine(kind: EngineKind, *, jobs: int = 1, scheduler: str | None = None) -> Engine:
    """The engine for ``kind``; raises EngineError with a one-line reason when it cannot start."""
    if kind is EngineKind.DASK:
        from claimcheck.engine.dask_engine import DaskEngine

        return DaskEngine(scheduler=scheduler, jobs=jobs)
    if scheduler is not None:
        raise EngineError("--scheduler needs --engine dask")
    from claimcheck.engine.local import LocalEngine

    return LocalEngine(jobs=jobs)
