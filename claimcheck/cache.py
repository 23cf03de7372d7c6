"""A per-article claims cache in an embedded SQLite file.

Keyed by (content hash, extractor version, ledger entities hash): an edited article, a new
extractor or a changed entity list each miss the cache. The store is a single SQLite file in WAL
mode, so several worker processes can read and write it at once. Any trouble (a corrupt file, a
read-only folder, a locked database) turns the cache off or skips one entry and records a
``warning``; it never raises into the audit.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import platformdirs
from pydantic import TypeAdapter, ValidationError

from claimcheck.models import Claim

DB_NAME = "claims.sqlite3"
SCHEMA_VERSION = 1
_CLAIMS = TypeAdapter(list[Claim])


class CacheKey(NamedTuple):
    content_hash: str
    extractor_version: str
    entities_hash: str


Key = CacheKey | str  # a str is a caller's own digest of all three parts


def _parts(key: Key) -> tuple[str, str, str]:
    if isinstance(key, str):
        return (key, "", "")
    return (key.content_hash, key.extractor_version, key.entities_hash)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def user_cache_dir() -> Path | None:
    """The per-user cache folder (``$XDG_CACHE_HOME/claimcheck`` or ``~/.cache/claimcheck`` on Linux,
    ``~/Library/Caches/claimcheck`` on macOS, ``%LOCALAPPDATA%\\claimcheck\\Cache`` on Windows);
    None when there is no home folder to put it in."""
    try:
        return Path(platformdirs.user_cache_dir("claimcheck", appauthor=False))
    except (RuntimeError, KeyError, OSError):
        return None


def open_cache(cache_dir: Path, audited: Iterable[str | Path] = ()) -> ClaimCache:
    """The cache in ``cache_dir``, unless that lies inside an audited folder (say the command runs
    from inside ``sources/``): then the per-user cache folder, and no cache when that is inside an
    audited folder too. claimcheck never writes into the folders it audits."""
    folders: list[Path] = []
    for given in audited:
        path = Path(given)
        folders.append(path if path.is_dir() else path.parent)
    if any(_inside(cache_dir, folder) for folder in folders):
        fallback = user_cache_dir()
        if fallback is not None and not any(_inside(fallback, folder) for folder in folders):
            return ClaimCache(fallback, folders)
    return ClaimCache(cache_dir, folders)


class ClaimCache:
    """``get`` returns None on a miss; ``warning`` says why the cache is off or an entry was skipped."""

    def __init__(self, cache_dir: Path, audited: Iterable[Path] = (), timeout: float = 30.0) -> None:
        self.path = cache_dir / DB_NAME
        self.warning: str | None = None
        self.hits = 0
        self.misses = 0
        self._conn: sqlite3.Connection | None = None
        for folder in audited:
            if folder.is_dir() and _inside(cache_dir, folder):
                self.warning = f"claims cache off: {cache_dir} is inside the audited folder {folder}"
                return
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS claims ("
                    " content_hash TEXT NOT NULL, extractor TEXT NOT NULL, entities TEXT NOT NULL,"
                    " claims TEXT NOT NULL, PRIMARY KEY (content_hash, extractor, entities)) WITHOUT ROWID"
                )
                conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                conn.execute(
                    "INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )
                row = conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
                if row is None or row[0] != str(SCHEMA_VERSION):
                    found = row[0] if row else "?"
                    raise sqlite3.DatabaseError(f"cache schema {found} is not {SCHEMA_VERSION}")
            except sqlite3.Error:
                conn.close()
                raise
        except (sqlite3.Error, OSError) as exc:
            self.warning = f"claims cache off ({self.path}): {exc}"
            return
        self._conn = conn

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    def get(self, key: Key) -> list[Claim] | None:
        if self._conn is None:
            return None
        try:
            row = self._conn.execute(
                "SELECT claims FROM claims WHERE content_hash = ? AND extractor = ? AND entities = ?",
                _parts(key),
            ).fetchone()
        except sqlite3.Error as exc:
            self.warning = f"claims cache read failed: {exc}"
            self.misses += 1
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            claims = _CLAIMS.validate_json(row[0])
        except (ValidationError, ValueError) as exc:
            self.warning = f"claims cache entry for {_parts(key)[0][:12]} is unreadable, ignored: {exc}"
            self.misses += 1
            return None
        self.hits += 1
        return claims

    def put(self, key: Key, claims: Iterable[Claim]) -> None:
        self.put_many([(key, list(claims))])

    def put_many(self, items: Iterable[tuple[Key, list[Claim]]]) -> None:
        """Store several articles in one transaction (much faster than one put each)."""
        if self._conn is None:
            return
        rows = [(*_parts(key), _CLAIMS.dump_json(claims).decode()) for key, claims in items]
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany(
                    "INSERT OR REPLACE INTO claims (content_hash, extractor, entities, claims)"
                    " VALUES (?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.Error as exc:
            self.warning = f"claims cache write failed, continuing without it: {exc}"

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
