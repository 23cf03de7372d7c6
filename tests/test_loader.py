"""Discovery, dispatch, ids, skip reasons and robustness of the loader."""

from __future__ import annotations

import codecs
import datetime as dt
import os
from pathlib import Path

import pytest

from claimcheck.ledger.schema import ArticleMeta, Ledger
from claimcheck.loader import assign_ids, discover, load_articles, read_article
from claimcheck.models import Article, SkippedFile

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" * 10


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus folder; the working directory is its parent so relative paths can be tested."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "src"
    root.mkdir()
    return root


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(skipped: list[SkippedFile]) -> dict[str, str]:
    return {s.path: s.reason for s in skipped}


# --------------------------------------------------------------------------- discovery


def test_paths_stay_as_given_and_sorted(folder: Path) -> None:
    write(folder / "b.txt", "Beta text.")
    write(folder / "a.md", "Alpha text.")
    write(folder / "sub" / "c.html", "<p>Gamma.</p>")
    write(folder / "sub" / "d.json", '{"text": "Delta."}')
    write(folder / "sub" / "e.jsonl", '{"text": "Epsilon."}\n')
    for given in ("src", "src/"):
        articles, skipped = load_articles([given])
        assert skipped == []
        assert [a.path for a in articles] == [
            "src/a.md",
            "src/b.txt",
            "src/sub/c.html",
            "src/sub/d.json",
            "src/sub/e.jsonl",
        ]
        assert [a.format for a in articles] == ["md", "txt", "html", "json", "jsonl"]
        assert [a.id for a in articles] == ["a", "b", "c", "d", "e#1"]
    articles, _ = load_articles([str(folder)])
    assert articles[0].path == f"{folder}/a.md"


def test_order_of_arguments_does_not_matter_and_duplicates_read_once(folder: Path) -> None:
    write(folder / "a.txt", "Alpha.")
    write(folder / "b.txt", "Beta.")
    one = load_articles(["src/b.txt", "src", "src/a.txt"])
    two = load_articles(["src/a.txt", "src/b.txt", "src", "src/b.txt"])
    assert one == two
    assert [a.path for a in one[0]] == ["src/a.txt", "src/b.txt"]


def test_hidden_and_unsupported(folder: Path) -> None:
    write(folder / "a.txt", "Alpha.")
    write(folder / ".hidden.txt", "Hidden.")
    write(folder / ".git" / "x.txt", "Git object.")
    write(folder / "image.png", PNG)
    write(folder / "README", "No extension.")
    files, skipped = discover(["src", "missing-folder"])
    assert files == ["src/a.txt"]
    reads = "claimcheck reads .txt, .md, .html, .json, .jsonl"
    assert reasons(skipped) == {
        "missing-folder": "no such file or folder",
        "src/README": f"unsupported file type (no extension; {reads})",
        "src/image.png": f"unsupported file type '.png' ({reads})",
    }


def test_binary_file_with_a_text_extension(folder: Path) -> None:
    write(folder / "a.txt", "Alpha.")
    write(folder / "fake.txt", PNG)
    articles, skipped = load_articles(["src"])
    assert [a.path for a in articles] == ["src/a.txt"]
    assert reasons(skipped) == {"src/fake.txt": "binary file (not text)"}


def test_empty_and_whitespace_files(folder: Path) -> None:
    write(folder / "empty.txt", "")
    write(folder / "blank.md", "  \n\t\n")
    write(folder / "fm-only.md", "---\ntitle: x\n---\n")
    articles, skipped = load_articles(["src"])
    assert articles == []
    assert reasons(skipped) == {
        "src/blank.md": "empty file",
        "src/empty.txt": "empty file",
        "src/fm-only.md": "no article text found",
    }


# --------------------------------------------------------------------------- ids


def test_ids_unique_when_stems_clash(folder: Path) -> None:
    write(folder / "x" / "story.txt", "One.")
    write(folder / "y" / "story.txt", "Two.")
    write(folder / "y" / "other.md", "Three.")
    write(folder / "z" / "note.txt", "Four.")
    write(folder / "z" / "note.md", "Five.")
    articles, _ = load_articles(["src"])
    assert [a.id for a in articles] == ["x/story", "other", "y/story", "note.md", "note.txt"]


def test_assign_ids_is_stable() -> None:
    assert assign_ids(["a/b/s.txt", "a/c/s.txt", "t.txt"]) == {
        "a/b/s.txt": "b/s",
        "a/c/s.txt": "c/s",
        "t.txt": "t",
    }


def test_same_article_under_two_names(folder: Path) -> None:
    write(folder / "copy1.txt", "The same article.")
    write(folder / "copy2.txt", "The same article.")
    articles, _ = load_articles(["src"])
    assert [a.id for a in articles] == ["copy1", "copy2"]
    assert articles[0].content_hash == articles[1].content_hash != ""


def test_jsonl_ids_and_bad_lines(folder: Path) -> None:
    write(folder / "feed.jsonl", '{"text": "One."}\n{"text": "Two." "x"}\n{"id": "own", "text": "Three."}\n')
    articles, skipped = load_articles(["src"])
    assert [a.id for a in articles] == ["feed#1", "own"]
    assert all(a.path == "src/feed.jsonl" for a in articles)
    assert articles[1].line_at(0) == 3
    assert skipped == [
        SkippedFile(path="src/feed.jsonl:2", reason="line 2: invalid JSON (Expecting ',' delimiter)")
    ]


def test_read_article(folder: Path) -> None:
    path = write(folder / "x.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    result = read_article(str(path))
    assert isinstance(result, list) and [a.id for a in result] == ["x#1", "x#2"]
    bad = write(folder / "bad.json", "{")
    skipped = read_article(str(bad))
    assert isinstance(skipped, SkippedFile) and skipped.reason.startswith("invalid JSON")


# --------------------------------------------------------------------------- encodings and names


def test_encodings(folder: Path) -> None:
    text = "Prices rose to \u20ac5 \u2014 \u201ca record\u201d, said the caf\u00e9.\n"
    write(folder / "utf8.txt", text.encode("utf-8"))
    write(folder / "bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    write(folder / "utf16.txt", text.encode("utf-16"))
    write(folder / "cp1252.txt", text.encode("cp1252"))
    write(
        folder / "latin1.txt",
        "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, M\u00fcller.\n".encode("latin-1"),
    )
    write(folder / "bad.txt", text.encode("utf-8") + b"\xff\xfe\n")
    articles = {a.id: a for a in load_articles(["src"])[0]}
    for name in ("utf8", "bom", "utf16", "cp1252"):
        assert articles[name].text == text, name
    assert articles["latin1"].text == "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, M\u00fcller.\n"
    assert articles["bad"].encoding == "utf-8 (2 invalid bytes replaced)"
    assert articles["bom"].encoding == "utf-8-sig"
    assert articles["cp1252"].encoding == "cp1252"


def test_crlf_line_numbers(folder: Path) -> None:
    write(folder / "crlf.txt", b"Title\r\n\r\nSecond paragraph here.\r\n")
    article = load_articles(["src"])[0][0]
    assert article.text == "Title\n\nSecond paragraph here.\n"
    assert article.line_at(article.text.index("Second")) == 3


def test_spaces_and_non_ascii_names(folder: Path) -> None:
    write(folder / "my folder" / "r\u00e9sum\u00e9 2024.txt", "Accented name.")
    write(folder / "\u65b0\u95fb.md", "Chinese name.")
    articles, skipped = load_articles(["src"])
    assert skipped == []
    assert [a.path for a in articles] == ["src/my folder/r\u00e9sum\u00e9 2024.txt", "src/\u65b0\u95fb.md"]
    assert [a.id for a in articles] == ["r\u00e9sum\u00e9 2024", "\u65b0\u95fb"]


def test_unreadable_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder / "ok.txt", "Readable.")
    locked = write(folder / "locked.txt", "Secret.")
    real_open = open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", guarded_open)
    articles, skipped = load_articles(["src"])
    assert [a.id for a in articles] == ["ok"]
    assert reasons(skipped) == {"src/locked.txt": "cannot read file: Permission denied"}
    assert locked.exists()


def test_unreadable_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder / "sub" / "a.txt", "A.")
    real_scandir = os.scandir

    def guarded(path: str) -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    assert discover(["src"]) == (
        [],
        [SkippedFile(path="src/sub", reason="cannot read folder: Permission denied")],
    )


# --------------------------------------------------------------------------- symlinks


def test_broken_symlink(folder: Path) -> None:
    write(folder / "a.txt", "A.")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    files, skipped = discover(["src"])
    assert files == ["src/a.txt"]
    assert len(skipped) == 1 and skipped[0].path == "src/dangling.txt"
    assert skipped[0].reason.startswith("broken symlink")


def test_symlink_loops(folder: Path) -> None:
    write(folder / "sub" / "a.txt", "A.")
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "self").symlink_to(folder / "self")
    for follow in (False, True):
        files, skipped = discover(["src"], follow_symlinks=follow)
        assert files == ["src/sub/a.txt"]
        got = reasons(skipped)
        assert set(got) == {"src/self", "src/sub/up"}
        assert all(reason.startswith("symlink loop") for reason in got.values())


def test_symlink_outside_the_folder(folder: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere" / "out.txt", "Outside.")
    write(tmp_path / "elsewhere" / "deep" / "more.txt", "More outside.")
    (folder / "link.txt").symlink_to(outside)
    (folder / "linkdir").symlink_to(tmp_path / "elsewhere")
    write(folder / "in.txt", "Inside.")
    (folder / "inlink.txt").symlink_to(folder / "in.txt")
    files, skipped = discover(["src"])
    assert files == ["src/in.txt"]  # the inside link is the same file, read once
    assert reasons(skipped) == {
        "src/link.txt": "symlink points outside src (use --follow-symlinks)",
        "src/linkdir": "symlink points outside src (use --follow-symlinks)",
    }
    files, skipped = discover(["src"], follow_symlinks=True)
    assert files == ["src/in.txt", "src/link.txt", "src/linkdir/deep/more.txt"]
    assert skipped == []


def test_symlink_given_explicitly_is_followed(folder: Path, tmp_path: Path) -> None:
    target = write(tmp_path / "real.txt", "Real.")
    (folder / "alias.txt").symlink_to(target)
    assert discover(["src/alias.txt"]) == (["src/alias.txt"], [])


# --------------------------------------------------------------------------- scale


def test_deeply_nested_folders(folder: Path) -> None:
    deep = folder.joinpath(*[f"d{n}" for n in range(60)])
    write(deep / "bottom.txt", "At the bottom.")
    articles, skipped = load_articles(["src"])
    assert skipped == [] and len(articles) == 1
    assert articles[0].path.count("/") == 61


def test_many_small_files(folder: Path) -> None:
    for n in range(10_000):
        (folder / f"f{n:05d}.txt").write_text(f"Short article number {n} from 2024.\n")
    articles, skipped = load_articles(["src"])
    assert skipped == [] and len(articles) == 10_000
    assert articles[0].path == "src/f00000.txt" and articles[-1].path == "src/f09999.txt"


def test_large_article(folder: Path) -> None:
    paragraph = (
        "The council said 1,204 homes were affected in March 2024, officials confirmed. " * 12 + "\n\n"
    )
    content = "Big Story\n\n" + paragraph * (50 * 1024 * 1024 // len(paragraph))
    write(folder / "big.txt", content)
    articles, skipped = load_articles(["src"])
    assert skipped == [] and len(articles) == 1
    article = articles[0]
    assert len(article.text) == len(content)
    assert article.title == "Big Story"
    assert article.published is not None and article.published.span.label() == "2024"
    assert article.line_at(len(content) - 1) == content.count("\n")


def test_single_huge_line(folder: Path) -> None:
    write(folder / "line.txt", "word " * (1024 * 1024) + "end")
    articles, skipped = load_articles(["src"])
    assert skipped == [] and len(articles[0].text) == 5 * 1024 * 1024 + 3
    assert articles[0].title is None


# --------------------------------------------------------------------------- formats end to end


def test_malformed_inputs_load(folder: Path) -> None:
    write(folder / "fm.md", "---\ntitle: [unclosed\n---\nBody of the article.\n")
    write(folder / "page.html", "<html><body><div><p>Unclosed <b>tags\n</div></div></span><p>More")
    articles, skipped = load_articles(["src"])
    assert skipped == []
    by_id = {a.id: a for a in articles}
    assert "Body of the article." in by_id["fm"].text
    assert by_id["page"].text == "Unclosed tags\nMore"


def test_ledger_and_as_of(folder: Path) -> None:
    write(folder / "a.txt", "No dates in this text.")
    write(folder / "b.md", "---\ndate: 2024-01-02\n---\nText from 2019.")
    ledger = Ledger(
        articles={
            "a": ArticleMeta(published=dt.date(2023, 4, 5), outlet="Wire"),
            "src/b.md": ArticleMeta(published=dt.date(2020, 1, 1)),
        }
    )
    articles, _ = load_articles(["src"], ledger=ledger)
    a, b = articles
    assert a.published is not None and (a.published.origin, a.published.span.label()) == (
        "ledger",
        "2023-04-05",
    )
    assert a.outlet == "Wire"
    assert b.published is not None and (b.published.origin, b.published.span.label()) == (
        "front-matter",
        "2024-01-02",
    )
    articles, _ = load_articles(["src"], ledger=ledger, as_of=dt.date(2026, 3, 1))
    assert {x.published.origin for x in articles if x.published} == {"as-of"}


def test_line_map_of_every_format(folder: Path) -> None:
    write(folder / "a.md", "---\ntitle: T\n---\n\n# Head\n\nThe target sentence.\n")
    write(folder / "b.html", "<html>\n<body>\n<p>Intro.</p>\n\n<p>The target sentence.</p>\n</body></html>")
    write(folder / "c.json", '{\n  "title": "T",\n  "text": "Intro.\\nThe target sentence."\n}\n')
    articles = {a.id: a for a in load_articles(["src"])[0]}
    expected = {"a": 7, "b": 5, "c": 3}
    for article_id, line in expected.items():
        article: Article = articles[article_id]
        assert article.line_at(article.text.index("The target sentence")) == line, article_id


# --------------------------------------------------------------------------- read-only


def test_loader_never_writes(folder: Path) -> None:
    write(folder / "a.txt", "Alpha.")
    write(folder / "sub" / "b.md", "---\ntitle: B\n---\nBeta.")
    write(folder / "c.png", PNG)
    (folder / "dangling").symlink_to(folder / "none")

    def snapshot() -> dict[str, tuple[int, int]]:
        out = {}
        for dirpath, dirnames, filenames in os.walk(folder):
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                info = os.lstat(path)
                out[path] = (info.st_mtime_ns, info.st_size)
        dir_info = os.lstat(folder)
        out[str(folder)] = (dir_info.st_mtime_ns, dir_info.st_size)
        return out

    before = snapshot()
    load_articles(["src"])
    load_articles(["src"], follow_symlinks=True)
    assert snapshot() == before
