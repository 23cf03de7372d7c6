"""Find article files, read them into :class:`Article` values, and say why others were skipped.

Paths stay as the user gave them; output is sorted and deterministic; nothing is
ever written, and no bad file raises.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from claimcheck.dating import date_article, ledger_entry, yearless_dateline
from claimcheck.decode import read_text
from claimcheck.ledger.schema import Ledger
from claimcheck.models import Article, SkippedFile
from claimcheck.readers import EXTENSIONS, SUPPORTED_LABEL, reader_for

__all__ = ["date_article", "discover", "load_articles", "read_article"]


class _Walk:
    def __init__(self, follow_symlinks: bool) -> None:
        self.follow = follow_symlinks
        self.found: dict[str, str] = {}  # display path -> real path
        self.skipped: dict[str, str] = {}
        self.visited: set[str] = set()  # real folders already walked

    def skip(self, path: str, reason: str) -> None:
        self.skipped.setdefault(path, reason)

    def add_file(self, path: str, real: str) -> None:
        ext = os.path.splitext(path.rsplit("/", 1)[-1])[1].lower()
        if ext in EXTENSIONS:
            self.found.setdefault(path, real)
        elif ext:
            self.skip(path, f"unsupported file type '{ext}' (claimcheck reads {SUPPORTED_LABEL})")
        else:
            self.skip(path, f"unsupported file type (no extension; claimcheck reads {SUPPORTED_LABEL})")

    def given(self, path: str) -> None:
        try:
            info = os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            self.skip(path, "no such file or folder")
            return
        except OSError as exc:
            self.skip(path, f"cannot access: {exc.strerror or exc}")
            return
        if stat.S_ISLNK(info.st_mode):
            target = self._link_target(path)
            if target is None:
                return
            info = target
        if stat.S_ISDIR(info.st_mode):
            self.walk(path)
        elif stat.S_ISREG(info.st_mode):
            self.add_file(path, os.path.realpath(path))
        else:
            self.skip(path, "not a regular file")

    def _link_target(self, path: str) -> os.stat_result | None:
        try:
            return os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.skip(path, "symlink loop (the link points back to itself)")
            else:
                try:
                    self.skip(path, f"broken symlink (points to {os.readlink(path)}, which does not exist)")
                except OSError:
                    self.skip(path, "broken symlink")
            return None

    def walk(self, root: str) -> None:
        root_real = os.path.realpath(root)
        self.visited.add(root_real)
        stack: list[tuple[str, str]] = [(root, root_real)]
        while stack:
            folder, folder_real = stack.pop()
            try:
                with os.scandir(folder) as handle:
                    entries = sorted(handle, key=lambda e: e.name, reverse=True)
            except OSError as exc:
                self.skip(folder, f"cannot read folder: {exc.strerror or exc}")
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # hidden files and folders (.git, .claimcheck, .venv)
                path = _join(folder, entry.name)
                try:
                    if entry.is_symlink():
                        self._link(path, root, root_real, folder_real, stack)
                    elif entry.is_dir(follow_symlinks=False):
                        real = os.path.join(folder_real, entry.name)
                        self.visited.add(real)
                        stack.append((path, real))
                    elif entry.is_file(follow_symlinks=False):
                        self.add_file(path, os.path.join(folder_real, entry.name))
                    else:
                        self.skip(path, "not a regular file")
                except OSError as exc:
                    self.skip(path, f"cannot access: {exc.strerror or exc}")

    def _link(
        self, path: str, root: str, root_real: str, folder_real: str, stack: list[tuple[str, str]]
    ) -> None:
        info = self._link_target(path)
        if info is None:
            return
        target = os.path.realpath(path)
        if not self.follow and not _inside(target, root_real):
            self.skip(path, f"symlink points outside {root} (use --follow-symlinks)")
            return
        if stat.S_ISDIR(info.st_mode):
            if _inside(folder_real, target):
                self.skip(path, "symlink loop (points to a folder that contains it)")
            elif target in self.visited:
                self.skip(path, "symlink to a folder that was already read")
            else:
                self.visited.add(target)
                stack.append((path, target))
        elif stat.S_ISREG(info.st_mode):
            self.add_file(path, target)
        else:
            self.skip(path, "not a regular file")


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _join(folder: str, name: str) -> str:
    if folder in (".", "./"):
        return name
    return folder + name if folder.endswith("/") else f"{folder}/{name}"


def _sort_key(path: str) -> tuple[str, int]:
    match = re.fullmatch(r"(.*?)[:#](\d+)", path)
    return (match[1], int(match[2])) if match else (path, 0)


def discover(paths: Sequence[str], *, follow_symlinks: bool = False) -> tuple[list[str], list[SkippedFile]]:
    """Article files under ``paths`` (sorted, each real file once) and what was skipped."""
    walk = _Walk(follow_symlinks)
    for path in sorted(set(paths)):
        walk.given(path)
    files: list[str] = []
    seen: set[str] = set()
    for path in sorted(walk.found):
        real = walk.found[path]
        if real not in seen:
            seen.add(real)
            files.append(path)
    skipped = [SkippedFile(path=p, reason=r) for p, r in walk.skipped.items()]
    return files, sorted(skipped, key=lambda s: _sort_key(s.path))


def _stem(path: str) -> str:
    return os.path.splitext(path.replace("\\", "/").rsplit("/", 1)[-1])[0]


def assign_ids(paths: Sequence[str]) -> dict[str, str]:
    """The file stem, or the path from the common root of same-stem files (without extension)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        groups[_stem(path)].append(path)
    ids: dict[str, str] = {}
    for stem, group in groups.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        absolute = [os.path.abspath(p) for p in group]
        root = os.path.commonpath([os.path.dirname(a) for a in absolute])
        relative = {
            p: os.path.relpath(a, root).replace(os.sep, "/") for p, a in zip(group, absolute, strict=True)
        }
        bare = {p: os.path.splitext(r)[0] for p, r in relative.items()}
        clash = len(set(bare.values())) < len(bare)
        ids.update(relative if clash else bare)
    return ids


ReadTask = tuple[str, str, str]  # (path as the user gave it, the file to open, article id)
ReadResult = tuple[list[Article], list[SkippedFile]]
MapFiles = Callable[[Callable[[ReadTask], ReadResult], list[ReadTask]], Iterable[ReadResult]]


def _read(path: str, file_id: str, source: str | None = None) -> ReadResult:
    decoded = read_text(source or path)
    if isinstance(decoded, str):
        return [], [SkippedFile(path=path, reason=decoded)]
    fmt = EXTENSIONS.get(os.path.splitext(path)[1].lower(), "txt")
    try:
        parsed = reader_for(fmt)(decoded.text)
    except Exception as exc:  # a reader bug must not stop the audit
        return [], [SkippedFile(path=path, reason=f"could not read {fmt}: {type(exc).__name__}: {exc}")]
    skipped = [SkippedFile(path=path + p.where, reason=p.reason) for p in parsed.problems]
    articles: list[Article] = []
    for doc in parsed.docs:
        if not doc.text.strip():
            skipped.append(SkippedFile(path=path + (doc.record_key or ""), reason="no article text found"))
            continue
        article_id = doc.record_id or file_id + (doc.record_key or "")
        articles.append(
            Article(
                id=article_id,
                path=path,
                format=fmt,
                title=doc.title,
                url=doc.url,
                outlet=doc.outlet,
                published=doc.published,
                text=doc.text,
                line_map=doc.line_map,
                content_hash=hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
                encoding=decoded.encoding,
            )
        )
    if not articles and not skipped:
        skipped.append(SkippedFile(path=path, reason="no article text found"))
    return articles, skipped


def read_article(path: str) -> list[Article] | SkippedFile:
    """Read one file (a .jsonl file can hold many articles); the reason when none can be read."""
    articles, skipped = _read(path, _stem(path))
    if articles:
        return articles
    if len(skipped) == 1:
        return skipped[0]
    return SkippedFile(
        path=path, reason=f"no readable article ({len(skipped)} problems; first: {skipped[0].reason})"
    )


def read_task(task: ReadTask) -> ReadResult:
    """Read one file of a load (in this process or on an engine's worker)."""
    path, source, file_id = task
    return _read(path, file_id, source)


def _in_process(fn: Callable[[ReadTask], ReadResult], tasks: list[ReadTask]) -> Iterator[ReadResult]:
    return (fn(task) for task in tasks)


def _apply_ledger(article: Article, ledger: Ledger | None) -> Article:
    entry = ledger_entry(article, ledger)
    if entry is None:
        return article
    meta = entry[1]
    update = {
        k: getattr(meta, k)
        for k in ("title", "outlet", "url")
        if getattr(meta, k) and not getattr(article, k)
    }
    return article.model_copy(update=update) if update else article


def load_articles(
    paths: Sequence[str],
    *,
    follow_symlinks: bool = False,
    ledger: Ledger | None = None,
    as_of: dt.date | None = None,
    map_files: MapFiles = _in_process,
) -> tuple[list[Article], list[SkippedFile]]:
    """Discover, read and date every article under ``paths``; sorted by path, ids unique.

    ``map_files`` reads the files, in order (an engine's map: a process pool or Dask workers, which
    open each file by its absolute path); ids and dates are settled here, over the whole corpus."""
    files, skipped = discover(paths, follow_symlinks=follow_symlinks)
    ids = assign_ids(files)
    articles: list[Article] = []
    tasks = [(path, os.path.abspath(path), ids[path]) for path in files]
    for read, problems in map_files(read_task, tasks):
        articles.extend(read)
        skipped.extend(problems)
    taken: dict[str, int] = {}
    result: list[Article] = []
    for article in articles:
        count = taken.get(article.id, 0) + 1
        taken[article.id] = count
        if count > 1:
            article = article.model_copy(update={"id": f"{article.id}~{count}"})
        article = _apply_ledger(article, ledger)
        result.append(date_article(article, ledger=ledger, as_of=as_of))
    return _date_yearless(result), sorted(skipped, key=lambda s: _sort_key(s.path))


_FIRM = ("front-matter", "metadata", "ledger", "dateline", "as-of")


def _date_yearless(articles: list[Article]) -> list[Article]:
    """Articles dated only by a guessed year, whose dateline gives a day without a year, take the year
    most of the folder's firmly dated articles have."""
    years = Counter(a.published.span.start.year for a in articles
                    if a.published is not None and a.published.origin in _FIRM
                    and a.published.span.start == a.published.span.end)
    if not years:
        return articles
    year = years.most_common(1)[0][0]
    dated: list[Article] = []
    for article in articles:
        if article.published is None or article.published.origin == "inferred":
            found = yearless_dateline(article, year)
            if found is not None:
                article = article.model_copy(update={"published": found})
        dated.append(article)
    return dated
