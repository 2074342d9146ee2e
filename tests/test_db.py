"""The store: migrations, import, re-import, replacement, refusal of foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plantui import db
from plantui.importer import import_paths
from plantui.search import search
from support import SEEDS


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "p.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"documents", "sources", "nodes", "passages", "targets", "passages_fts", "node_text"} <= tables
    db.connect(tmp_path / "p.db").close()  # opening again applies nothing twice


def test_reimport_of_same_content_changes_nothing(seeded_copy: Path) -> None:
    conn = db.connect(seeded_copy)
    before = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
    results = import_paths(conn, [str(SEEDS)], workers=1)
    assert {r.status for r in results} == {"unchanged"}
    assert conn.execute("SELECT count(*) FROM passages").fetchone()[0] == before


def test_changed_content_replaces_the_old_version(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "p.db")
    plan = _write(tmp_path / "plan.txt", "一、总体要求\n（一）目标。发展区块链产业。\n")
    assert import_paths(conn, [str(plan)])[0].status == "new"
    _write(plan, "一、总体要求\n（一）目标。发展人工智能产业。\n")
    assert import_paths(conn, [str(plan)])[0].status == "updated"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert search(conn, "区块链").count == 0
    assert search(conn, "人工智能").count == 1


def test_a_plan_keeps_its_id_when_its_file_changes_or_is_parsed_again(tmp_path: Path) -> None:
    """Scripts and notes name plans by id (the CLI's errors say so); an updated file or --force
    gave the plan a new id and `plantui export 101` failed after a re-import."""
    conn = db.connect(tmp_path / "p.db")
    (tmp_path / "plans").mkdir()
    first = _write(tmp_path / "plans" / "a.txt", "一、总体要求\n（一）目标。发展区块链产业。\n")
    second = _write(tmp_path / "plans" / "b.txt", "一、总体要求\n（一）目标。发展数字经济。\n")
    ids = [r.document_id for r in import_paths(conn, [str(first), str(second)])]
    _write(first, "一、总体要求\n（一）目标。发展人工智能产业。\n")
    assert [(r.status, r.document_id) for r in import_paths(conn, [str(first)])] == [("updated", ids[0])]
    forced = import_paths(conn, [str(tmp_path / "plans")], force=True)
    assert sorted((r.status, r.document_id) for r in forced) == [("updated", ids[0]), ("updated", ids[1])]
    assert search(conn, "人工智能").hits[0].document_id == ids[0]
    assert search(conn, "区块链").count == 0 and search(conn, "数字经济").count == 1


def test_a_file_named_twice_is_imported_once(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "p.db")
    (tmp_path / "plans").mkdir()
    plan = _write(tmp_path / "plans" / "a.txt", "一、总体要求\n（一）目标。发展区块链产业。\n")
    results = import_paths(conn, [str(plan), str(plan), str(tmp_path / "plans")])
    assert [(r.status, r.document_id) for r in results] == [("new", 1)]


def test_two_files_with_the_same_content_share_one_document(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "p.db")
    text = "一、总体要求\n（一）目标。发展区块链产业。\n"
    a, b = _write(tmp_path / "a.txt", text), _write(tmp_path / "b.txt", text)
    statuses = [r.status for r in import_paths(conn, [str(a), str(b)])]
    assert statuses == ["new", "new"]
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert [r.sources for r in db.list_documents(conn)] == [(str(a), str(b))]
    assert search(conn, "区块链").count == 1


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "p.db")
    good = _write(tmp_path / "good.txt", "一、总体要求\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 not really text")
    empty = _write(tmp_path / "empty.txt", "")
    results = {Path(r.path).name: r for r in import_paths(conn, [str(bad), str(good), str(empty)])}
    assert results["good.txt"].status == "new"
    assert results["bad.txt"].status == "failed" and "PDF" in results["bad.txt"].reason
    assert results["empty.txt"].status == "failed" and "empty" in results["empty.txt"].reason


def test_folder_import_skips_and_lists_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    _write(tmp_path / "plans" / "a.txt", "一、总体要求\n")
    _write(tmp_path / "plans" / "notes.xlsx", "x")
    _write(tmp_path / "plans" / "old.doc", "x")
    _write(tmp_path / "plans" / "broken.docx", "x")
    results = import_paths(db.connect(tmp_path / "p.db"), [str(tmp_path / "plans")])
    assert sorted((Path(r.path).name, r.status) for r in results) == [
        ("a.txt", "new"),
        ("broken.docx", "failed"),
        ("notes.xlsx", "skipped"),
        ("old.doc", "failed"),
    ]
    reasons = {Path(r.path).name: r.reason for r in results}
    assert "soffice --headless --convert-to docx" in reasons["old.doc"]
    assert "not a valid .docx" in reasons["broken.docx"]


def test_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.db", "just some text")
    with pytest.raises(db.DatabaseError, match="not SQLite"):
        db.connect(path)
    assert path.read_text(encoding="utf-8") == "just some text"


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(db.DatabaseError, match="not a plantui one"):
        db.connect(path)


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    conn = db.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('plantui', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(db.DatabaseError, match="newer plantui"):
        db.connect(path)
    assert path.read_bytes() == before


def test_load_document_gives_back_the_parsed_outline(seeded: sqlite3.Connection) -> None:
    from plantui.parse import parse_text
    from support import outline_rows

    name = "000_92c45eb8100875c9.txt"
    document_id = db.resolve_document(seeded, name)
    loaded = db.load_document(seeded, document_id)
    parsed = parse_text((SEEDS / name).read_text(encoding="utf-8"), name)
    assert outline_rows(loaded.outline) == outline_rows(parsed.outline)
    assert [p.text for p, _, _ in loaded.paragraphs()] == [p.text for p, _, _ in parsed.paragraphs()]


def test_resolve_document_by_id_name_and_title(seeded: sqlite3.Connection) -> None:
    first = db.resolve_document(seeded, "000_92c45eb8100875c9.txt")
    assert db.resolve_document(seeded, str(first)) == first
    assert db.resolve_document(seeded, "000_92c45eb8100875c9") == first
    assert db.resolve_document(seeded, "河北省数字经济发展规划") == first
    with pytest.raises(db.DatabaseError, match="ambiguous"):
        db.resolve_document(seeded, "河")
    with pytest.raises(db.DatabaseError, match="no document"):
        db.resolve_document(seeded, "上海")


def test_node_text_view_gives_a_nodes_body(seeded: sqlite3.Connection) -> None:
    row = seeded.execute(
        "SELECT t.text FROM nodes n JOIN node_text t ON t.node_id = n.id WHERE n.title = '发展基础' "
        "AND n.kind = 'section' ORDER BY n.id LIMIT 1"
    ).fetchone()
    assert row[0].startswith("我省数字经济具有良好的基础条件")


def test_a_new_segmenter_rebuilds_the_index_and_search_stays_exact(seeded_copy: Path, tmp_path: Path) -> None:
    conn = db.connect(seeded_copy)
    before = {q: search(conn, q).count for q in ("区块链", "数据", "5G")}
    conn.execute("UPDATE documents SET segmenter = 'an older jieba'")
    conn.commit()
    plan = _write(tmp_path / "new.txt", "一、总体要求\n（一）目标。发展区块链产业。\n")
    results = import_paths(conn, [str(plan)])
    assert [r.status for r in results] == ["new"]
    from plantui import segment

    stamps = {r[0] for r in conn.execute("SELECT DISTINCT segmenter FROM documents")}
    assert stamps == {segment.fingerprint()}
    assert search(conn, "区块链").count == before["区块链"] + 1
    assert search(conn, "数据").count == before["数据"]
    assert search(conn, "5G").count == before["5G"]


def test_migration_names_match_the_registered_migrations() -> None:
    assert tuple(m.name for m in db._migrations()._migrations) == db.MIGRATION_NAMES


def _as_version_2(path: Path) -> None:
    """Turn a database back into what plantui wrote before 0003: a contentless character index
    (a heading's own text in "head", the rest in "body"), no browsing views."""
    from plantui import segment

    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE passages_fts")
    conn.execute("DROP VIEW plans")
    conn.execute("DROP VIEW plan_targets")
    conn.execute(
        "CREATE VIRTUAL TABLE passages_fts USING fts5(body, head, content='', columnsize=0, "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    conn.executemany(
        "INSERT INTO passages_fts (rowid, body, head) VALUES (?, ?, ?)",
        [
            (i, "", segment.chars(t)) if role == "head" else (i, segment.chars(t), "")
            for i, role, t in conn.execute("SELECT id, role, text FROM passages").fetchall()
        ],
    )
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_external_fts'")
    conn.commit()
    conn.close()


def test_a_version_2_database_migrates_and_finds_the_same(seeded_copy: Path) -> None:
    queries = ("区块链", "数据 人才", "5G", "。", "字经")
    conn = db.connect(seeded_copy)
    before = {q: [h.passage_id for h in search(conn, q).hits] for q in queries}
    conn.close()
    _as_version_2(seeded_copy)
    with pytest.raises(sqlite3.OperationalError, match="does not support scanning"):
        sqlite3.connect(seeded_copy).execute("SELECT count(*) FROM passages_fts").fetchone()
    conn = db.connect(seeded_copy, readonly=True)  # a reader brings it up to date first
    assert {q: [h.passage_id for h in search(conn, q).hits] for q in queries} == before
    assert conn.execute("SELECT count(*) FROM passages_fts").fetchone()[0] == len(
        conn.execute("SELECT id FROM passages").fetchall()
    )
    assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 5


def _as_version_5(path: Path) -> None:
    """Turn a database back into what plantui wrote before 0006: passage ids document_id << 22 |
    ord, one token per character in passages_fts, the nodes' kind index, no passage_first."""
    from plantui import segment
    from plantui.store.schema import _FTS, _NODE_TEXT, _PASSAGES, _WORDS

    conn = sqlite3.connect(path)
    for name in ("passages_fts", "passages_words"):
        conn.execute(f"DROP TABLE {name}")
    conn.execute("DROP VIEW node_text")
    conn.execute("ALTER TABLE passages RENAME TO passages_new")
    conn.execute(_PASSAGES)
    conn.execute(
        "INSERT INTO passages SELECT (document_id << 22) + ord, document_id, node_id, ord, role, line_start, "
        "line_end, text FROM passages_new"
    )
    conn.execute("DROP TABLE passages_new")
    conn.execute("CREATE INDEX passages_document ON passages(document_id, ord)")
    conn.execute("CREATE INDEX passages_node ON passages(node_id)")
    conn.execute("CREATE INDEX nodes_kind ON nodes(document_id, kind)")
    conn.execute(_NODE_TEXT)
    conn.execute("ALTER TABLE documents DROP COLUMN passage_first")
    conn.execute("ALTER TABLE documents DROP COLUMN passage_count")
    conn.execute(_FTS)
    conn.execute(_WORDS)
    rows = conn.execute("SELECT id, text FROM passages").fetchall()
    conn.executemany(
        "INSERT INTO passages_fts (rowid, text) VALUES (?, ?)",
        [(i, " ".join(t.translate(segment._CHAR_TABLE))) for i, t in rows],
    )
    conn.executemany(
        "INSERT INTO passages_words (rowid, words) VALUES (?, ?)", [(i, segment.words(t)) for i, t in rows]
    )
    conn.execute("DROP TABLE char_counts")
    conn.execute("DROP TABLE plan_chars")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_pair_index'")
    conn.commit()
    conn.close()


def test_a_version_5_database_migrates_to_the_pair_index_and_finds_the_same(seeded_copy: Path) -> None:
    """0006: passages renumbered in blocks, the character index rebuilt as pairs of characters:
    every query finds the same passages (by plan, line and text) as before."""
    queries = ("区块链", "数据 人才", "5G", "。", "字经", "数", "创新 数", "（一）")

    def found(conn: sqlite3.Connection) -> dict[str, list[tuple[int, int, str]]]:
        out = {}
        for query in queries:
            result = search(conn, query)
            out[query] = sorted((h.document_id, h.line_start, h.text) for h in result.hits)
            assert result.count == len(out[query])
        return out

    conn = db.connect(seeded_copy)
    before = found(conn)
    conn.close()
    _as_version_5(seeded_copy)
    old = sqlite3.connect(seeded_copy)
    assert old.execute("SELECT min(id) FROM passages").fetchone()[0] >= 1 << 22
    old.close()
    conn = db.connect(seeded_copy, readonly=True)  # a reader brings it up to date first
    assert found(conn) == before
    firsts = [r[0] for r in conn.execute("SELECT passage_first FROM documents")]
    assert all(first % (1 << db.BLOCK_BITS) == 0 for first in firsts) and max(firsts) < 1 << 12
    assert conn.execute("SELECT count(*) FROM passages_fts").fetchone()[0] == len(
        conn.execute("SELECT id FROM passages").fetchall()
    )
    assert "nodes_kind" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_a_new_database_stores_text_in_utf16(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "p.db")
    assert conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-16le"
    import_paths(conn, [str(SEEDS / "000_92c45eb8100875c9.txt")])
    assert search(conn, "区块链").count > 0


def test_removing_a_document_removes_its_index_rows(seeded_copy: Path) -> None:
    conn = db.connect(seeded_copy)
    one = conn.execute("SELECT document_id FROM sources WHERE name LIKE '000%'").fetchone()[0]
    total = search(conn, "区块链").count
    own = search(conn, "区块链", documents=[one]).count
    first, last = db.document_span(conn, one)
    with conn:
        db.delete_document(conn, one)
    assert search(conn, "区块链").count == total - own
    left = conn.execute(
        "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '\"区块 块链\"' AND rowid BETWEEN ? AND ?",
        (first, last),
    ).fetchone()[0]
    assert own > 0 and left == 0 and last > first


def test_list_reads_the_counts_written_at_import_as_the_nodes_count_them(seeded_copy: Path) -> None:
    """0005: a plan's nodes by kind and its targets are written at import; they equal what
    counting the nodes and targets tables gives, and a row without them falls back to counting."""
    import json

    seeded = db.connect(seeded_copy)
    counted: dict[int, dict[str, int]] = {}
    for doc, kind, n in seeded.execute(
        "SELECT document_id, kind, count(*) FROM nodes GROUP BY document_id, kind"
    ):
        counted.setdefault(doc, {})[kind] = n
    for doc, n in seeded.execute("SELECT document_id, count(*) FROM targets GROUP BY document_id"):
        counted.setdefault(doc, {})["targets"] = n
    stored = {i: json.loads(c) for i, c in seeded.execute("SELECT id, outline_counts FROM documents")}
    assert stored == counted
    rows = {r.id: r.counts for r in db.list_documents(seeded)}
    seeded.execute("UPDATE documents SET outline_counts = NULL WHERE id = (SELECT min(id) FROM documents)")
    assert {r.id: r.counts for r in db.list_documents(seeded)} == rows == counted
