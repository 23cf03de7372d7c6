"""Which article files were added or changed since a git ref.

``changed_since(ref, paths)`` is the union of ``git diff --name-only
REF...HEAD`` (committed on this branch since it forked from REF), the
uncommitted changes (staged and not), and the untracked files, limited to
``paths``. It returns absolute paths, or raises ``GitScopeError`` with a
message for the user when git is missing, the folder is not a repository, or
the ref is unknown (the caller then checks everything).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

GIT_TIMEOUT = 60


class GitScopeError(Exception):
    """Why the change scope could not be computed."""


def _git(args: Sequence[str], cwd: Path) -> str:
    exe = shutil.which("git")
    if exe is None:
        raise GitScopeError("git is not installed")
    try:
        proc = subprocess.run(
            [exe, "-c", "core.quotepath=off", *args],
            cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape",
            timeout=GIT_TIMEOUT, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitScopeError(f"git failed: {exc}") from None
    if proc.returncode != 0:
        raise GitScopeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "git failed")
    return proc.stdout


def repo_root(cwd: Path) -> Path:
    try:
        out = _git(["rev-parse", "--show-toplevel"], cwd)
    except GitScopeError as exc:
        raise GitScopeError(f"not inside a git repository ({exc})") from None
    return Path(out.strip())


def changed_since(ref: str, paths: Sequence[Path], cwd: Path | None = None) -> set[str]:
    """Absolute paths of files under ``paths`` added or changed since ``ref`` (committed or not)."""
    cwd = (cwd or Path.cwd()).resolve()
    root = repo_root(cwd)
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except GitScopeError:
        raise GitScopeError(
            f"unknown git ref {ref!r} (in CI, fetch the history: actions/checkout with fetch-depth: 0)"
        ) from None
    names: set[str] = set()
    names.update(_z(_git(["diff", "--name-only", "-z", "--diff-filter=d", f"{ref}...HEAD"], root)))
    names.update(_z(_git(["diff", "--name-only", "-z", "--diff-filter=d", "HEAD"], root)))
    names.update(_z(_git(["ls-files", "-z", "--others", "--exclude-standard"], root)))
    files = {os.path.realpath(root / name) for name in names}
    return {f for f in files if _under(f, paths, cwd)}


def _z(out: str) -> list[str]:
    return [name for name in out.split("\0") if name]


def _under(file: str, paths: Sequence[Path], cwd: Path) -> bool:
    if not paths:
        return True
    real = os.path.realpath(file)
    for base in paths:
        target = os.path.realpath(base if base.is_absolute() else cwd / base)
        if real == target or real.startswith(target.rstrip(os.sep) + os.sep):
            return True
    return False
