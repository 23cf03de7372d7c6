"""Hostile and broken input at the level of the whole tool: Unicode figures, signals, internal errors,
and the audited folders left untouched (no cache, no temp file, no symlink followed out)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import cli
from claimcheck.pipeline import AuditOptions, run_audit
from claimcheck.report import FORMAT_CHOICES, render

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "sources"

# --------------------------------------------------------------------------- Unicode in numbers

UNICODE_ARTICLES = {
    "a.txt": (
        "Acme said on 3 March 2025 that it had deployed 1\u00a0400\u00a0000 sensors "
        "and 2\u202f500 gateways.\n"
        "Revenue rose 30–40% to $2.5\u00a0billion, and margins moved −5 points (from 12 % to 7 %).\n"
        "Shipments are planned for 2026—2027; the older model shipped １２３ units in ２０２４.\n"
        "Peak output reached 10² units per hour, or 4.9\u2009TB/s, about ½ of the target.\n"
    ),
    "b.md": (
        "---\ntitle: Acme update\ndate: 2025-04-01\n---\n"
        "# Acme\n\nAcme has deployed 10,000 sensors, the company said.\n\n"
        "Revenue rose 55\u00a0% to $3\u2009billion; margins fell \u22127\u202fpoints.\n\n"
        "| metric | value |\n|---|---|\n| sensors | 1\u2009400\u2009000 |\n| gateways | ２,５００ |\n"
    ),
    "c.html": (
        "<html><head><title>Acme &amp; friends</title></head><body><article>"
        "<p>Acme&#8217;s sensors: 1&nbsp;400&nbsp;000 deployed&#x2014;not 10&#8239;000.</p>"
        "<p>Growth of 30&ndash;40&#37; was reported, and a drop of &minus;5 points.</p>"
        "</article></body></html>"
    ),
}


def test_unicode_numbers_run_through_the_whole_pipeline(tmp_path: Path) -> None:
    for name, text in UNICODE_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_audit(AuditOptions(paths=(str(tmp_path),)))
    assert len(result.articles) == 3, result.skipped
    assert result.claims, "the figures above should yield claims"
    for claim in result.claims:
        article = next(a for a in result.articles if a.id == claim.article)
        assert article.text[claim.start : claim.end] == claim.quote
    for fmt in FORMAT_CHOICES:
        assert isinstance(render(result, fmt), str)
    data = json.loads(render(result, "json"))
    assert data["summary"]["articles"] == 3


# --------------------------------------------------------------------------- main(): signals and bugs


def _call_main(monkeypatch: pytest.MonkeyPatch, raised: BaseException) -> int:
    def boom() -> None:
        raise raised

    monkeypatch.setattr(cli, "app", boom)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    code = stopped.value.code
    assert isinstance(code, int)
    return code


def test_main_turns_a_bug_into_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CLAIMCHECK_DEBUG", raising=False)
    assert _call_main(monkeypatch, RuntimeError("boom\nsecond line")) == 2
    err = capsys.readouterr().err
    assert err == ("claimcheck: internal error: RuntimeError: boom second line "
                   "(please report; run with CLAIMCHECK_DEBUG=1 for the traceback)\n")


def test_main_reraises_with_claimcheck_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_DEBUG", "1")
    monkeypatch.setattr(cli, "app", lambda: (_ for _ in ()).throw(ValueError("kept")))
    with pytest.raises(ValueError, match="kept"):
        cli.main()


def test_main_keyboard_interrupt(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert _call_main(monkeypatch, KeyboardInterrupt()) == 130
    assert capsys.readouterr().err == "claimcheck: interrupted; nothing was written\n"


def test_main_restores_signal_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    before = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
    monkeypatch.setattr(cli, "app", lambda: None)
    cli.main()
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_main_sigterm_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def terminated() -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler interrupts this
        raise AssertionError("SIGTERM was not handled")

    monkeypatch.setattr(cli, "app", terminated)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 128 + signal.SIGTERM
    assert capsys.readouterr().err == "claimcheck: interrupted; nothing was written\n"


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``folder`` (hidden ones too): size and mtime; the folders' own mtimes."""
    found = {".": (0, folder.stat().st_mtime_ns)}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[str(path.relative_to(folder))] = (info.st_size if path.is_file() else 0, info.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synth import generate

    folder = tmp_path_factory.mktemp("big") / "corpus"
    generate(folder, 2500, 11)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("existing", [True, False], ids=["existing-report", "no-report"])
def test_interrupted_run_writes_nothing(tmp_path: Path, big_corpus: Path, sig: int, existing: bool) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    report = out_dir / "out.json"
    if existing:
        report.write_bytes(b'{"previous": "report"}\n')
    before = _snapshot(out_dir)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("CLAIMCHECK_DEBUG", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "audit", str(big_corpus), "-f", "json", "-o", str(report)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(3.0)  # imports done, mid-extraction (the corpus takes several seconds)
    assert child.poll() is None, "the audit finished before the signal; use a bigger corpus"
    child.send_signal(sig)
    _, err = child.communicate(timeout=120)
    assert child.returncode not in (0, None)
    assert child.returncode == 128 + sig
    assert err.strip().splitlines() == ["claimcheck: interrupted; nothing was written"], err
    assert "Traceback" not in err
    assert _snapshot(out_dir) == before  # no partial report, no temp file, old report byte-identical
    if existing:
        assert report.read_bytes() == b'{"previous": "report"}\n'


# --------------------------------------------------------------------------- the audited folder


def _invoke(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, xdg: Path) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(cli.app, args, env={"XDG_CACHE_HOME": str(xdg)})
    return result.exit_code, result.output


@pytest.fixture()
def audited(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


@pytest.mark.parametrize("where", ["inside", "outside"])
def test_audit_never_writes_into_the_audited_folder(
    tmp_path: Path, audited: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    before = _snapshot(audited)
    cwd = audited if where == "inside" else tmp_path
    target = "." if where == "inside" else "sources"
    out, xdg = tmp_path / "report.json", tmp_path / "xdg"
    for _ in range(2):  # a cold and a warm cache
        code, output = _invoke(["audit", target, "-f", "json", "-o", str(out)], cwd, monkeypatch, xdg)
        assert code == 0, output
        code, output = _invoke(["audit", target], cwd, monkeypatch, xdg)
        assert code == 0, output
        code, output = _invoke(["claims", target, "-f", "json"], cwd, monkeypatch, xdg)
        assert code == 0, output
    assert _snapshot(audited) == before
    assert (tmp_path / "xdg" / "claimcheck").is_dir()  # the cache lives in the user cache directory
    assert not (tmp_path / ".claimcheck").exists() and not (audited / ".claimcheck").exists()


def test_symlinks_out_of_the_folder_need_follow_symlinks(
    tmp_path: Path, audited: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("Acme said it has deployed 123,456 sensors in 2025.\n")
    (audited / "link.txt").symlink_to(outside / "secret.txt")
    (audited / "linkdir").symlink_to(outside)
    out = tmp_path / "report.json"
    args = ["audit", "sources", "-f", "json", "-o", str(out)]
    code, output = _invoke(args, tmp_path, monkeypatch, tmp_path / "x")
    assert code == 0, output
    data = json.loads(out.read_text(encoding="utf-8"))
    skipped = {s["path"]: s["reason"] for s in data["skipped"]}
    assert skipped["sources/link.txt"] == "symlink points outside sources (use --follow-symlinks)"
    assert skipped["sources/linkdir"] == "symlink points outside sources (use --follow-symlinks)"
    assert not any("link" in a["path"] for a in data["articles"])
    assert "123,456" not in out.read_text(encoding="utf-8")

    code, output = _invoke(["audit", "sources", "--follow-symlinks", "-f", "json", "-o", str(out)], tmp_path,
                           monkeypatch, tmp_path / "x")
    assert code == 0, output
    data = json.loads(out.read_text(encoding="utf-8"))
    paths = {a["path"] for a in data["articles"]}
    assert {"sources/link.txt", "sources/linkdir/secret.txt"} & paths  # the same file, read once
    assert not any(s["path"].startswith("sources/link") for s in data["skipped"] if "outside" in s["reason"])
