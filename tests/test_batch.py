"""Importing in batches (store/batch.py): one transaction and one indexing per batch of files,
each file in a savepoint of its own; what lands is what per-file transactions would give."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from plantui import db
from plantui.importer import import_paths
from plantui.search import search
from plantui.store import batch as batch_module
from plantui.store import write as write_module
from support import FIXTURES, SEEDS

QUERIES = ["数字经济", "工业互联网", "5G", "（一）", "目标", "数"]


def _plans(tmp_path: Path) -> Path:
    """The seeds and some real plans, in one folder."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for path in sorted((FIXTURES / "real" / "docs").glob("report_*.txt"))[:6]:
        shutil.copy(path, folder / path.name)
    return folder


def _truth(conn: sqlite3.Connection, query: str) -> int:
    rows = conn.execute("SELECT text FROM passages").fetchall()
    return sum(all(w in r[0] for w in query.split()) for r in rows)


def _check(conn: sqlite3.Connection) -> None:
    for table in ("passages_fts", "passages_words"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    conn.commit()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for query in QUERIES:
        assert search(conn, query).count == _truth(conn, query), query


@pytest.mark.parametrize("limit", [1, 60_000, 10_000_000])  # a batch per file, a few, one
def test_batches_give_what_one_file_a_transaction_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    folder = _plans(tmp_path)
    monkeypatch.setattr(batch_module, "BATCH_CHARS", limit)
    conn = db.connect(tmp_path / "lib.db")
    results = import_paths(conn, [str(folder)], workers=1)
    assert [r.status for r in results] == ["new"] * 11
    _check(conn)
    segments = conn.execute("SELECT count(DISTINCT segid) FROM passages_fts_idx").fetchone()[0]
    if limit == 10_000_000:
        assert segments == 1  # one batch, indexed at once: one segment
    # importing again changes nothing; --force writes every file again, in batches
    assert {r.status for r in import_paths(conn, [str(folder)], workers=1)} == {"unchanged"}
    assert {r.status for r in import_paths(conn, [str(folder)], force=True, workers=1)} == {"updated"}
    _check(conn)


def test_the_same_content_twice_in_one_batch_is_one_document(tmp_path: Path) -> None:
    # the second file replaces the first's rows while they are still held: they are indexed first
    folder = tmp_path / "plans"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / "a.txt")
    shutil.copy(seed, folder / "b.txt")
    conn = db.connect(tmp_path / "lib.db")
    results = import_paths(conn, [str(folder)], workers=1)
    assert [r.status for r in results] == ["new", "new"]
    assert results[0].document_id == results[1].document_id
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 2
    _check(conn)


def test_a_file_that_fails_to_write_is_rolled_back_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _plans(tmp_path)
    real = write_module.write_rows
    calls: list[str] = []

    def flaky(conn: sqlite3.Connection, prepared: write_module.Prepared, *args: object) -> int:
        calls.append(prepared.source)
        document_id = real(conn, prepared, *args)  # type: ignore[arg-type]
        if len(calls) == 3:  # written, then it fails: its rows must go, the others' stay
            raise sqlite3.OperationalError("simulated failure")
        return document_id

    monkeypatch.setattr(batch_module, "write_rows", flaky)
    conn = db.connect(tmp_path / "lib.db")
    results = import_paths(conn, [str(folder)], workers=1)
    failed = [r for r in results if r.failed]
    assert len(failed) == 1 and "simulated failure" in failed[0].reason
    assert failed[0].path == calls[2]
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 10
    assert conn.execute("SELECT count(*) FROM sources WHERE path = ?", (calls[2],)).fetchone()[0] == 0
    _check(conn)


def test_a_batch_that_cannot_be_committed_is_written_file_by_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _plans(tmp_path)
    real = write_module.Held.index
    failures = [1]

    def index_once_failing(self: write_module.Held, conn: sqlite3.Connection) -> None:
        if failures and self.entries:
            failures.pop()
            raise sqlite3.OperationalError("simulated failure at commit")
        real(self, conn)

    monkeypatch.setattr(write_module.Held, "index", index_once_failing)
    conn = db.connect(tmp_path / "lib.db")
    results = import_paths(conn, [str(folder)], workers=1)
    assert not failures  # the failure happened
    assert [r.status for r in results] == ["new"] * 11
    ids = [r.document_id for r in results]
    assert sorted(ids) == sorted(
        r[0] for r in conn.execute("SELECT id FROM documents")
    )  # ids said are the stored ones
    _check(conn)


def test_ctrl_c_keeps_the_files_finished_before_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C while the fourth file is written: the three before it stay imported, the fourth and
    # the rest do not, and the library is whole
    folder = _plans(tmp_path)
    real = write_module.write_rows
    calls: list[str] = []

    def interrupted(conn: sqlite3.Connection, prepared: write_module.Prepared, *args: object) -> int:
        calls.append(prepared.source)
        document_id = real(conn, prepared, *args)  # type: ignore[arg-type]
        if len(calls) == 4:
            raise KeyboardInterrupt
        return document_id

    monkeypatch.setattr(batch_module, "write_rows", interrupted)
    conn = db.connect(tmp_path / "lib.db")
    with pytest.raises(KeyboardInterrupt):
        import_paths(conn, [str(folder)], workers=1)
    assert sorted(r[0] for r in conn.execute("SELECT path FROM sources")) == sorted(calls[:3])
    _check(conn)
