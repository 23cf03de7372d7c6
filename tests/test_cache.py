"""ClaimCache: round trip, keys, concurrency, and graceful failure."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from claimcheck.cache import DB_NAME, CacheKey, ClaimCache
from claimcheck.models import Claim, ClaimKind, DateSpan, Value


def make_claim(i: int) -> Claim:
    import datetime as dt

    return Claim(
        id=f"c{i}",
        article="a",
        path="src/a.txt",
        line=i + 1,
        start=0,
        end=5,
        sentence="Ships: 1,200.",
        quote="1,200",
        kind=ClaimKind.NUMERIC,
        subject="port",
        measure="ship",
        value=Value(low=1150, high=1250),
        time=DateSpan(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)),
        entities=("port",),
    )


KEY = CacheKey("h1", "x1", "e1")


def test_round_trip_and_key_parts(tmp_path: Path) -> None:
    with ClaimCache(tmp_path / ".claimcheck") as cache:
        assert cache.enabled and cache.warning is None
        assert cache.get(KEY) is None
        claims = [make_claim(0), make_claim(1)]
        cache.put(KEY, claims)
        assert cache.get(KEY) == claims
        assert cache.get(CacheKey("h1", "x2", "e1")) is None
        assert cache.get(CacheKey("h1", "x1", "e2")) is None
        cache.put(KEY, [])
        assert cache.get(KEY) == []
        assert (cache.hits, cache.misses) == (2, 3)
    reopened = ClaimCache(tmp_path / ".claimcheck")
    assert reopened.get(KEY) == []
    reopened.close()
    reopened.close()


def test_put_many(tmp_path: Path) -> None:
    with ClaimCache(tmp_path) as cache:
        cache.put_many([(CacheKey(f"h{i}", "x", "e"), [make_claim(i)]) for i in range(100)])
        assert cache.get(CacheKey("h42", "x", "e")) == [make_claim(42)]


def test_corrupt_database_disables_with_warning(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    cache = ClaimCache(tmp_path)
    assert not cache.enabled
    assert cache.warning and "claims cache off" in cache.warning
    assert cache.get(KEY) is None
    cache.put(KEY, [make_claim(0)])  # no error


def test_unwritable_location_disables_with_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ClaimCache(blocker / "sub")
    assert not cache.enabled and cache.warning
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / DB_NAME).mkdir()  # a folder where the file should be
    assert not ClaimCache(tmp_path / "d").enabled


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    import sqlite3

    with ClaimCache(tmp_path) as cache:
        cache.put(KEY, [make_claim(0)])
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("UPDATE claims SET claims = '[{\"id\": 1}]'")
    conn.commit()
    conn.close()
    with ClaimCache(tmp_path) as cache:
        assert cache.get(KEY) is None
        assert cache.warning and "unreadable" in cache.warning


def test_never_inside_audited_folder(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    cache = ClaimCache(sources / ".claimcheck", audited=[sources])
    assert not cache.enabled and cache.warning and "inside the audited folder" in cache.warning
    assert not (sources / ".claimcheck").exists()
    outside = ClaimCache(tmp_path / ".claimcheck", audited=[sources])
    assert outside.enabled
    outside.close()


def _writer(args: tuple[str, int]) -> int:
    folder, worker = args
    with ClaimCache(Path(folder)) as cache:
        for i in range(40):
            cache.put(CacheKey(f"w{worker}-{i}", "x", "e"), [make_claim(i)])
            cache.get(CacheKey(f"w{(worker + 1) % 4}-{i}", "x", "e"))
        return 0 if cache.warning is None else 1


def test_concurrent_processes(tmp_path: Path) -> None:
    with mp.get_context("spawn").Pool(4) as pool:
        failures = sum(pool.map(_writer, [(str(tmp_path), w) for w in range(4)]))
    assert failures == 0
    with ClaimCache(tmp_path) as cache:
        assert all(
            cache.get(CacheKey(f"w{w}-{i}", "x", "e")) == [make_claim(i)] for w in range(4) for i in range(40)
        )


def test_plain_string_keys(tmp_path: Path) -> None:
    with ClaimCache(tmp_path) as cache:
        cache.put("digest-1", [make_claim(3)])
        assert cache.get("digest-1") == [make_claim(3)]
        assert cache.get("digest-2") is None
        assert cache.get(CacheKey("digest-1", "", "")) == [make_claim(3)]
