from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from claimcheck import atomic
from claimcheck.atomic import write_atomic


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "héllo\r\nworld\n")
    assert target.read_bytes() == "héllo\r\nworld\n".encode()
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert _leftovers(tmp_path) == []


def test_preserves_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "new"


def test_new_file_gets_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "fresh.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "fresh.txt").stat().st_mode) == 0o644


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"previous report\n")

    def broken_fsync(fd: int) -> None:
        raise error

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(type(error)):
        write_atomic(target, "x" * 100_000)
    assert target.read_bytes() == b"previous report\n"
    assert _leftovers(tmp_path) == []


def test_failure_on_replace_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"a,b\r\n")

    def broken_replace(src: object, dst: object) -> None:
        raise PermissionError("nope")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(PermissionError):
        write_atomic(target, "c,d\r\n")
    assert target.read_bytes() == b"a,b\r\n"
    assert _leftovers(tmp_path) == []


def test_missing_directory_is_an_error_without_leftovers(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "r.json", "{}")


def test_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomic(Path("plain.txt"), "ok")
    assert (tmp_path / "plain.txt").read_text() == "ok"
