"""Module-level functions for engine tests: worker processes import them by name."""

from __future__ import annotations

import os

_warm_calls = 0  # per process: how many times count_warm_up ran here


def count_warm_up() -> None:
    global _warm_calls
    _warm_calls += 1


def pid_and_warm_calls(item: int) -> tuple[int, int, int]:
    """(the item, the process that ran it, how often that process warmed up)."""
    return item, os.getpid(), _warm_calls


def square(item: int) -> int:
    return item * item
