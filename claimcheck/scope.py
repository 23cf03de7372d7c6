"""Which paths the audit reads and which articles a check is about: file discovery for ``audit`` and
``check`` in one place.

Every given path must exist (a missing one is an input error, exit 2). ``--against CORPUS`` audits
the given files together with the corpus, and only the given files can fail (the pre-commit hook
passes the changed files this way). ``--changed-since REF`` keeps, of those, the files git reports
as added or changed; without git, outside a repository or with an unknown ref the check covers
every article and says why.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from claimcheck.gitscope import GitScopeError, changed_since
from claimcheck.loader import discover
from claimcheck.models import Frozen

DEFAULT_PATHS = ("sources",)


class InputError(Exception):
    """Input the run cannot start from: a missing path, no readable article."""


class Scope(Frozen):
    audit_paths: tuple[str, ...]  # what the pipeline reads
    changed: tuple[str, ...] | None = None  # the article files that can fail; None: every one
    notice: str | None = None  # why the change scope could not be used


def audit_paths(given: Sequence[str]) -> tuple[str, ...]:
    """The paths as given (``sources`` when none), after checking that each exists."""
    paths = tuple(given) or DEFAULT_PATHS
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        hint = " (run from the folder that holds sources/, or name the articles)" if not given else ""
        raise InputError(f"no such file or folder: {', '.join(missing)}{hint}")
    return paths


def check_scope(
    given: Sequence[str], *, against: str | None = None, since: str | None = None,
    follow_symlinks: bool = False,
) -> Scope:
    """The audit paths and the change scope of ``claimcheck check``."""
    paths = audit_paths(given)
    changed: set[str] | None = None
    read = paths
    if against is not None:
        corpus = audit_paths([against])[0]
        files, _ = discover(paths, follow_symlinks=follow_symlinks)
        changed = {os.path.realpath(f) for f in files}
        outside = [p for p in paths if not _inside(p, corpus)]
        read = (corpus, *outside)
    notice = None
    if since is not None:
        try:
            touched = changed_since(since, [Path(p) for p in paths])
        except GitScopeError as exc:
            notice = f"--changed-since ignored, checking every article: {exc}"
        else:
            changed = touched if changed is None else changed & touched
    return Scope(audit_paths=read, changed=None if changed is None else tuple(sorted(changed)), notice=notice)


def _inside(path: str, folder: str) -> bool:
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)
