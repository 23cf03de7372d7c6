"""`claimcheck check` and `claimcheck ledger` end to end, in a scratch git repository.

Each scenario runs twice: against a tiny stand-in pipeline (so the gate's behaviour is tested
whatever the extractor does), and against the real pipeline on a small corpus written for
these tests.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import pipeline
from claimcheck.cli import app
from claimcheck.models import Article, AuditResult, Claim, ClaimKind, Contradiction, Value

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# --------------------------------------------------------------------------- a stand-in pipeline

_UNITS = re.compile(r"\b([A-Z]\w+) has (\d[\d,]*) units\b")


def stub_run_audit(options: pipeline.AuditOptions, progress: object = None) -> AuditResult:
    """'X has N units' claims; two articles giving different N for X contradict."""
    roots = [Path(p) for p in options.paths]
    files = sorted({f for p in roots for f in (p.rglob("*.txt") if p.is_dir() else [p])})
    articles, claims = [], []
    for file in files:
        text = file.read_text()
        articles.append(Article(id=file.stem, path=str(file), format="txt", text=text))
        for number, line in enumerate(text.splitlines(), 1):
            for m in _UNITS.finditer(line):
                value = float(m.group(2).replace(",", ""))
                claims.append(Claim(
                    id=f"{file.stem}:{number}", article=file.stem, path=str(file), line=number, start=0,
                    end=len(m.group(0)), sentence=line, quote=m.group(0), kind=ClaimKind.NUMERIC,
                    subject=m.group(1), measure="unit", value=Value(low=value, high=value, text=m.group(2)),
                ))
    found = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.subject == b.subject and a.article != b.article and a.value != b.value:
                key = f"CC101|{a.subject}|unit|{'|'.join(sorted((a.article, b.article)))}"
                found.append(Contradiction(
                    id=hashlib.sha256(key.encode()).hexdigest()[:16], rule="CC101",
                    rule_name="numeric-interval-conflict", kind="numeric", severity="high", subject=a.subject,
                    measure="unit", explanation=f"{a.quote} vs {b.quote}", claims=(a, b),
                ))
    return AuditResult(articles=tuple(articles), claims=tuple(claims), contradictions=tuple(found))


@dataclass
class Backend:
    name: str
    corpus: dict[str, str]  # two findings: stale vs holds, and a second pair
    stale: str  # the article reviewed as stale
    holds: str  # the article whose figure holds
    agree: str  # a new article that agrees with the one that holds
    disagree: str  # a new article that does not; its figure is on ``disagree_line``
    disagree_line: int
    edit: tuple[str, str] = ("", "")  # in ``holds``: the accepted figure, and what it is edited to
    extra: dict[str, str] = field(default_factory=dict)


STUB = Backend(
    "stub",
    {"old.txt": "Old report.\nWidgetco has 100 units in service.\n",
     "new.txt": "Newer report.\nWidgetco has 250 units in service.\n",
     "gadget_a.txt": "Gadget news.\nGadgetco has 7 units.\n",
     "gadget_b.txt": "More gadget news.\nGadgetco has 9 units.\n"},
    stale="old.txt", holds="new.txt",
    agree="Fresh news.\nWidgetco has 250 units now.\n",
    disagree="Fresh news.\n\nSome context.\nWidgetco has 900 units now.\n", disagree_line=4,
    edit=("has 250 units", "has 260 units"),
)


def _story(title: str, body: str) -> str:
    return f"{title}\n\nMarch 20, 2026\n\n{body}\n"


REAL = Backend(
    "real",
    {"harbor_old.txt": _story("Norvale expands its robot fleet", "Norvale Robotics said it has deployed over "
                              "10,000 Kestrel robots in warehouses worldwide.\n\nA new plant opens next year."),
     "wire_update.txt": _story("Norvale robot count passes a million", "Norvale Robotics has deployed 1.4 million "
                               "Kestrel robots in total, the company said on Friday.\n\nAnalysts expect demand "
                               "to keep growing."),
     "budget_a.txt": _story("City council approves budget", "The Brookfield city council approved a budget of "
                            "$48 million for the coming year, officials said."),
     "budget_b.txt": _story("Brookfield passes spending plan", "The Brookfield city council approved a budget of "
                            "$96 million for the coming year, the mayor said.")},
    stale="harbor_old.txt", holds="wire_update.txt",
    agree=_story("Kestrel robots everywhere", "Norvale Robotics has deployed 1.4 million Kestrel robots so far, "
                 "a spokesperson said."),
    disagree=_story("A smaller fleet than claimed", "Analysts doubt the figures.\n\nNorvale Robotics has "
                    "deployed 250,000 Kestrel robots in total, the company said."),
    disagree_line=7,
    edit=("1.4 million Kestrel robots in total", "9 million Kestrel robots in total"),
)


@pytest.fixture(params=["stub", "real"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Backend:
    if request.param == "stub":
        monkeypatch.setattr(pipeline, "run_audit", stub_run_audit)
        return STUB
    return REAL


# --------------------------------------------------------------------------- repo helpers


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(cwd)}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(*args: str, github: bool = False) -> Run:
    env = {"GITHUB_ACTIONS": "true" if github else None, "NO_COLOR": "1"}
    result = CliRunner().invoke(app, list(args), env=env)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    git(repo, "tag", "-f", "base")


@pytest.fixture
def repo(tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "sources").mkdir()
    for name, text in backend.corpus.items():
        (tmp_path / "sources" / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "corpus")
    yield tmp_path


def failing_ids(run: Run) -> set[str]:
    return set(re.findall(r"\[id ([^\]]+)\]", run.out + run.err))


def finding_between(*names: str) -> str:
    result = pipeline.run_audit(pipeline.AuditOptions(paths=("sources",), cache_dir=None))
    for item in result.contradictions:
        if {Path(c.path).name for c in item.claims} == set(names):
            return item.id
    raise AssertionError(f"no finding between {names}: {[c.id for c in result.contradictions]}")


def review(backend: Backend) -> tuple[str, str]:
    """Both seed findings reviewed in one call: the stale side's finding with --keep."""
    kept = finding_between(backend.stale, backend.holds)
    other = next(i for i in (finding_between(*n) for n in _pairs(backend)) if i != kept)
    run = cli("ledger", "accept", kept[:8], other, "--keep", f"sources/{backend.holds}", "--note", "reviewed")
    assert run.code == 2 and "none of the --keep files gives a claim in" in run.err  # the other has no side
    run = cli("ledger", "accept", kept[:8], "--keep", f"sources/{backend.holds}", "--note", "the old figure is stale")
    assert run.code == 0, run
    run = cli("ledger", "accept", other, "--note", "two budgets, both stand")
    assert run.code == 0, run
    return kept, other


def _pairs(backend: Backend) -> list[tuple[str, str]]:
    names = sorted(backend.corpus)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:]
            if {a, b} != {backend.stale, backend.holds} and a[:4] == b[:4]]


# --------------------------------------------------------------------------- scenarios


def test_agreeing_article_passes_disagreeing_one_fails_citing_the_fact(repo: Path, backend: Backend) -> None:
    first = cli("check", "--fail-on", "low")
    assert first.code == 1 and len(failing_ids(first)) == 2
    review(backend)
    ledger = (repo / "claims.yaml").read_text()
    assert "facts:\n- subject:" in ledger and f"keep:\n  - sources/{backend.holds}" in ledger
    assert f"stale:\n  - {{path: sources/{backend.stale}" in ledger
    assert cli("check", "--fail-on", "low").code == 0
    commit(repo, "reviewed ledger")

    (repo / "sources" / "zz_agree.txt").write_text(backend.agree)
    agreeing = cli("check", "--changed-since", "base", "--fail-on", "low")
    assert agreeing.code == 0, agreeing
    assert agreeing.out.startswith("claimcheck check: no unacknowledged finding at or above low")
    commit(repo, "an agreeing article")

    (repo / "sources" / "zz_disagree.txt").write_text(backend.disagree)
    run = cli("check", "--changed-since", "base", github=True)
    assert run.code == 1
    lines = run.out.splitlines()
    assert all(line.startswith("::") for line in lines)  # nothing for people on the annotation stream
    assert lines[0].startswith(f"::error file=sources/zz_disagree.txt,line={backend.disagree_line},")
    assert sum(line.startswith("::error ") for line in lines) == 1  # one per line, however many findings
    assert not any(line.startswith("::error ") for line in lines[1:])
    assert "(accepted fact)" in lines[0] and "claims.yaml:" in lines[0]
    assert lines[-1].startswith("::notice title=claimcheck::claimcheck: ")
    assert f"; {len(lines) - 1} annotated line(s) in " in lines[-1]
    assert "FAIL " in run.err and "(accepted fact)" in run.err and "::" not in run.err


def test_edited_accepted_figure_reopens_its_finding(repo: Path, backend: Backend) -> None:
    kept, _ = review(backend)
    commit(repo, "reviewed ledger")
    article = repo / "sources" / backend.holds
    before, after = backend.edit
    article.write_text(article.read_text().replace(before, after))
    run = cli("check", "--changed-since", "base")
    assert run.code == 1
    # ids include the values, so the edited finding has a new id (or the same one, in the stub); the
    # review still finds it through its value-free topic and says what changed
    assert failing_ids(run) and (kept in failing_ids(run) or backend.name == "real")
    # the edited figure is either reported as changed since the review, or (when its old value became
    # an accepted fact) as disagreeing with that fact
    assert "values changed since the review" in run.out or (backend.name == "real" and "(accepted fact)" in run.out)


def test_review_in_one_call_exits_0_and_leaves_nothing_behind(repo: Path, backend: Backend) -> None:
    ids = sorted(failing_ids(cli("check", "--fail-on", "low")))
    run = cli("ledger", "accept", *(i[:10] for i in ids), "--note", "both stand", "--expires", "2099-12-31")
    assert run.code == 0 and run.out == f"recorded accepted for {', '.join(ids)} in claims.yaml\n"
    again = cli("ledger", "accept", *ids, "--note", "both stand", "--expires", "2099-12-31")
    assert again.code == 0 and again.out.startswith("already recorded, claims.yaml unchanged")
    assert cli("check", "--fail-on", "low").code == 0
    assert cli("audit").code == 0
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == "?? claims.yaml\n"


def test_expired_acknowledgement_fails_again(repo: Path) -> None:
    ids = sorted(failing_ids(cli("check", "--fail-on", "low")))
    assert cli("ledger", "accept", ids[0], "--note", "temporary", "--expires", "2000-01-01").code == 0
    failed = cli("check", "--fail-on", "low")
    assert failed.code == 1 and ids[0] in failing_ids(failed)
    assert "acknowledgement expired on 2000-01-01" in failed.out


def test_pre_commit_style_against(repo: Path, backend: Backend) -> None:
    review(backend)
    (repo / "sources" / "zz_disagree.txt").write_text(backend.disagree)
    assert cli("check", "--against", "sources", "sources/zz_disagree.txt").code == 1
    bystander = _pairs(backend)[0][0]  # reviewed, and not involved with the new article
    assert cli("check", "--against", "sources", f"sources/{bystander}").code == 0
    shutil.move(repo / "sources" / "zz_disagree.txt", repo / "incoming.txt")
    assert cli("check", "--against", "sources", "incoming.txt").code == 1


def test_changed_since_outside_git_checks_everything(repo: Path) -> None:
    shutil.rmtree(repo / ".git")
    run = cli("check", "--changed-since", "base", "--fail-on", "low")
    assert run.code == 1 and "notice: --changed-since ignored" in run.err


def test_exit_codes_and_bad_options(repo: Path) -> None:
    assert cli("audit", "nope").code == 2
    missing = cli("audit", "sources", "nope/")
    assert missing.code == 2 and missing.err == "error: no such file or folder: nope/\n"
    assert cli("check", "no-such-folder").code == 2
    mixed = cli("audit", "-f", "json", "-f", "html", "-o", "one.json")
    assert mixed.code == 2 and mixed.out == "" and not (repo / "one.json").exists()
    assert "give each format its own --output" in mixed.err
    bad_day = cli("audit", "--as-of", "2026-02-30")
    assert bad_day.code == 2 and "'2026-02-30' is not a valid date" in bad_day.err
    assert cli("check", "--fail-on", "severe").code == 2
    assert cli("ledger", "accept", "zzzzzz", "--note", "x").code == 2
    assert cli("ledger", "accept", "abc", "--status", "fine", "--note", "x").code == 2
    assert cli("ledger", "accept", "abc").code == 2  # a note is required
    init = cli("ledger", "init", "--ledger", "starter.yaml")
    assert init.code == 0, init
    assert cli("ledger", "init", "--ledger", "starter.yaml").code == 2  # it exists now
    (repo / "claims.yaml").write_text("version: 1\nacknowledged:\n  - id: abc\n    status: maybe\n")
    broken = cli("check")
    assert broken.code == 2 and "claims.yaml:4: acknowledged[0].status: must be one of" in broken.err


def test_help_shows_choices_and_required_options() -> None:
    check_help = cli("check", "--help").out
    assert "table|json|markdown|html|csv|sarif|github" in check_help and "<bool>" not in check_help
    accept_help = cli("ledger", "accept", "--help").out
    assert re.search(r"--note <str>\s+Why;.*\[required\]", accept_help, re.S)
