"""Files added or changed since a git ref, committed, staged, unstaged or untracked."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from claimcheck.gitscope import GitScopeError, changed_since

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(cwd)}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "sources").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "sources" / name).write_text(f"{name}\n")
    (tmp_path / "README").write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "tag", "base")
    return tmp_path


def test_committed_staged_unstaged_untracked(repo: Path) -> None:
    src = repo / "sources"
    (src / "new.txt").write_text("new\n")
    git(repo, "add", "sources/new.txt")
    git(repo, "commit", "-q", "-m", "add")
    (src / "a.txt").write_text("edited\n")  # unstaged
    (src / "b.txt").write_text("staged\n")
    git(repo, "add", "sources/b.txt")
    (src / "untracked file.txt").write_text("u\n")
    (repo / "README").write_text("outside the paths\n")
    got = changed_since("base", [Path("sources")], cwd=repo)
    want = {os.path.realpath(src / n) for n in ("new.txt", "a.txt", "b.txt", "untracked file.txt")}
    assert got == want


def test_deleted_files_are_not_listed_and_nothing_changed_is_empty(repo: Path) -> None:
    assert changed_since("base", [Path("sources")], cwd=repo) == set()
    (repo / "sources" / "c.txt").unlink()
    assert changed_since("base", [Path("sources")], cwd=repo) == set()


def test_from_a_subfolder_with_file_paths(repo: Path) -> None:
    (repo / "sources" / "a.txt").write_text("edited\n")
    (repo / "sources" / "b.txt").write_text("edited\n")
    got = changed_since("base", [Path("a.txt")], cwd=repo / "sources")
    assert got == {os.path.realpath(repo / "sources" / "a.txt")}


def test_unknown_ref_and_no_repo(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    with pytest.raises(GitScopeError, match="unknown git ref 'nope'"):
        changed_since("nope", [Path("sources")], cwd=repo)
    elsewhere = tmp_path_factory.mktemp("norepo")
    with pytest.raises(GitScopeError, match="not inside a git repository"):
        changed_since("base", [Path(".")], cwd=elsewhere)
