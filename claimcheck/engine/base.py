"""The engine contract: an ordered, batched map with a once-per-process warm-up hook.

Functions and hooks given to an engine must be importable module-level callables: a process pool
or a Dask worker receives them by reference, never by value.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from types import TracebackType
from typing import TypeVar

from claimcheck.ledger_schema import Ledger
from claimcheck.models import Article, Claim, Frozen

T = TypeVar("T")
R = TypeVar("R")
Hook = Callable[[], object]
ExtractOne = Callable[[tuple[Article, Ledger | None]], list[Claim]]


class EngineError(Exception):
    """An engine cannot start or lost its workers; the message is one line for the user."""


class Extraction(Frozen):
    """What the pipeline maps over articles: the per-article function (Article + ledger -> claims)
    and the hook that prepares a process before its first article (say, loading a language
    pipeline). Both are module-level functions so worker processes can import them."""

    extract: ExtractOne
    warm_up: Hook | None = None


_warmed: set[str] = set()  # hooks already run in this process
_warm_lock = threading.Lock()  # a Dask worker may run several threads


def _hook_name(hook: Hook) -> str:
    return f"{getattr(hook, '__module__', '?')}.{getattr(hook, '__qualname__', repr(hook))}"


def ensure_warm(hook: Hook | None) -> None:
    """Run ``hook`` once in this process (the first caller runs it, the others wait for it)."""
    if hook is None:
        return
    name = _hook_name(hook)
    if name in _warmed:
        return
    with _warm_lock:
        if name not in _warmed:
            hook()
            _warmed.add(name)


def run_batch(fn: Callable[[T], R], warm_up: Hook | None, batch: Sequence[T]) -> list[R]:
    """One task on a worker: warm the process up (once), then ``fn`` over the batch in order."""
    ensure_warm(warm_up)
    return [fn(item) for item in batch]


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    size = max(1, size)
    return [list(items[start:start + size]) for start in range(0, len(items), size)]


class Engine(ABC):
    """An ordered map; use it as a context manager so workers and pools are always released."""

    name: str = "engine"

    @abstractmethod
    def map(self, fn: Callable[[T], R], items: Sequence[T], *, warm_up: Hook | None = None) -> Iterator[R]:
        """``fn`` over ``items``; results come in the order of ``items`` whatever ran first."""

    def require_paths(self, paths: Sequence[str]) -> None:  # noqa: B027 (optional hook)
        """Raise EngineError when a worker cannot see the files under ``paths``."""

    def close(self) -> None:  # noqa: B027 (optional hook)
        """Release pools, clients and clusters."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
