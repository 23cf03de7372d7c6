"""Where reading and extraction run: in this process, a local process pool, or a Dask cluster.

An engine is an ordered map over a list of items (files to read, articles to extract) that runs a
per-process warm-up hook once before a process's first item. The corpus-level stages (resolve,
group, reconcile) run in the calling process on the gathered results, except grouping and the rules
when ``--group-on`` sends them to the dask workers partitioned by measure; every engine and every
choice gives the same report byte for byte.
"""

from __future__ import annotations

from enum import StrEnum

from claimcheck.engine.base import Engine, EngineError, Extraction, Hook, ensure_warm

__all__ = ["Engine", "EngineError", "EngineKind", "Extraction", "GroupOn", "Hook", "ensure_warm", "open_engine"]


class EngineKind(StrEnum):
    """The ``--engine`` choices."""

    LOCAL = "local"  # this process, or a pool of --jobs processes
    DASK = "dask"  # a Dask cluster: --scheduler ADDRESS, or a local cluster of --jobs workers


class GroupOn(StrEnum):
    """The ``--group-on`` choices: where grouping into events and the rules run."""

    AUTO = "auto"  # the workers with --engine dask once the claims pass GROUP_ON_WORKERS_FROM; else client
    CLIENT = "client"  # this process, on the gathered claims
    WORKERS = "workers"  # the dask workers, partitioned by measure (claimcheck.decide.partition)


GROUP_ON_WORKERS_FROM = 200_000  # claims (real news gives about 12 per article): below this the client
# groups in seconds and shipping the claims out costs more than it saves (docs/scale.md)


def groups_on_workers(group_on: GroupOn, engine: EngineKind, claims: int) -> bool:
    """Whether the decision stage runs on the workers; raises EngineError for a choice that cannot be."""
    if group_on is GroupOn.WORKERS and engine is not EngineKind.DASK:
        raise EngineError("--group-on workers needs --engine dask")
    if group_on is GroupOn.AUTO:
        return engine is EngineKind.DASK and claims >= GROUP_ON_WORKERS_FROM
    return group_on is GroupOn.WORKERS


def open_engine(kind: EngineKind, *, jobs: int = 1, scheduler: str | None = None) -> Engine:
    """The engine for ``kind``; raises EngineError with a one-line reason when it cannot start."""
    if kind is EngineKind.DASK:
        from claimcheck.engine.dask_engine import DaskEngine

        return DaskEngine(scheduler=scheduler, jobs=jobs)
    if scheduler is not None:
        raise EngineError("--scheduler needs --engine dask")
    from claimcheck.engine.local import LocalEngine

    return LocalEngine(jobs=jobs)
