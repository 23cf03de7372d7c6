"""Which findings fail: new ones, at or above the failing severity, involving an article in scope.

``decide`` is the only filter for the exit code; ``Application.exit_code()`` turns its answer
into one. A finding is in scope when one of its claims comes from an article in the change scope
(``None``: every article); claims of accepted facts never put a finding in scope.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from claimcheck.enums import Severity, Status
from claimcheck.ledger.schema import LEDGER_ARTICLE
from claimcheck.models import AuditResult, Contradiction, Frozen


class Decision(Frozen):
    """The failing findings, and why the others do not fail."""

    fail_on: Severity | None  # None: nothing fails (audit without --fail-on)
    failing: tuple[str, ...] = ()  # ids, in the result's order
    acknowledged: int = 0  # left out because the ledger acknowledges them
    below_threshold: int = 0  # new, but less severe than ``fail_on``
    out_of_scope: int = 0  # new and severe enough, but involving no article in scope
    scoped: bool = False  # a change scope was given
    scope: frozenset[str] | None = None  # real paths of the articles in scope

    @property
    def fails(self) -> bool:
        return bool(self.failing)

    def in_scope(self, path: str) -> bool:
        return self.scope is None or _norm(path) in self.scope


def change_scope(paths: Iterable[str] | None) -> frozenset[str] | None:
    return None if paths is None else frozenset(_norm(p) for p in paths)


def decide(result: AuditResult, *, fail_on: Severity | None, scope: Iterable[str] | None = None) -> Decision:
    """Pick the failing findings. ``scope``: the article paths that can fail (None: every article)."""
    normed = change_scope(scope)
    failing: list[str] = []
    acknowledged = below = out = 0
    for item in result.contradictions:
        if item.status is Status.ACKNOWLEDGED:
            acknowledged += 1
        elif fail_on is None or not Severity(item.severity).at_least(fail_on):
            below += 1
        elif normed is not None and not _touches(item, normed):
            out += 1
        else:
            failing.append(item.id)
    return Decision(fail_on=fail_on, failing=tuple(failing), acknowledged=acknowledged, below_threshold=below,
                    out_of_scope=out, scoped=normed is not None, scope=normed)


def _norm(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _touches(item: Contradiction, scope: frozenset[str]) -> bool:
    return any(_norm(claim.path) in scope for claim in item.claims if claim.article != LEDGER_ARTICLE)
