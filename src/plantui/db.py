"""The SQLite store: schema migrations, writing one parsed document, reading documents back.

Tables: ``documents`` (one row per distinct content), ``sources`` (file paths → document),
``nodes`` (the outline tree), ``passages`` (paragraphs and headings' own text, the unit of
search), ``targets``, and the contentless FTS5 table ``passages_fts`` whose rowid is the
passage id (columns ``words`` and ``chars``, see segment.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from plantui.models import Document, Node, Paragraph, Target

MIGRATION_SET = "plantui"
# The names _migrations() registers, in order: checked on every open without importing
# sqlite-utils (~40 ms), which is only needed when one of them is still to be applied.
MIGRATION_NAMES = ("0001_initial", "0002_pages")
_BATCH = 2000  # passages written (and, for one large file, segmented) at a time
PASSAGE_BITS = 22  # a passage id is document_id << 22 | its order: up to 4M passages a document


class DatabaseError(Exception):
    """The database cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class Prepared:
    """A parsed document with everything the writer needs, computed off the writer's thread."""

    document: Document
    sha256: str
    source: str
    path_key: str
    size: int
    encoding: str
    fmt: str
    # (words, chars) per passage in Document.paragraphs() order, when a worker computed them;
    # None: the writer segments in batches (bounded memory for one large file)
    fts: tuple[tuple[str, str], ...] | None


def _migrations() -> Any:
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)

    @migrations(name=MIGRATION_NAMES[0])
    def initial(db: Any) -> None:
        db.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            -- AUTOINCREMENT: a document id, and so every passage id made from it, is never reused,
            -- so an FTS row can never point at another document's text
            CREATE TABLE documents (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                sha256 TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                title_from TEXT NOT NULL DEFAULT 'text',
                issuer TEXT, doc_number TEXT, issued TEXT, published TEXT,
                period_start INTEGER, period_end INTEGER,
                region TEXT, kind TEXT,
                format TEXT, encoding TEXT,
                line_count INTEGER, char_count INTEGER,
                segmenter TEXT,
                imported_at TEXT NOT NULL
            );
            CREATE TABLE sources (
                path_key TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                name TEXT NOT NULL,
                size INTEGER,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                imported_at TEXT NOT NULL
            );
            CREATE INDEX sources_document ON sources(document_id);
            CREATE TABLE nodes (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                parent_id INTEGER REFERENCES nodes(id),
                ord INTEGER NOT NULL,
                depth INTEGER NOT NULL,
                kind TEXT NOT NULL,
                label TEXT NOT NULL,
                number INTEGER,
                title TEXT NOT NULL,
                line_start INTEGER NOT NULL,
                line_end INTEGER NOT NULL
            );
            CREATE INDEX nodes_document ON nodes(document_id, ord);
            CREATE INDEX nodes_parent ON nodes(parent_id);
            -- id = document_id << 22 | ord: the document is in the id, so hits are counted per document
            -- inside SQLite (rowid >> 22) without reading every passage
            CREATE TABLE passages (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                node_id INTEGER REFERENCES nodes(id),
                ord INTEGER NOT NULL,
                role TEXT NOT NULL,
                line_start INTEGER NOT NULL,
                line_end INTEGER NOT NULL,
                text TEXT NOT NULL
            );
            CREATE INDEX passages_document ON passages(document_id, ord);
            CREATE INDEX passages_node ON passages(node_id);
            CREATE TABLE targets (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                node_id INTEGER REFERENCES nodes(id),
                ord INTEGER NOT NULL,
                year INTEGER,
                indicator TEXT NOT NULL,
                value REAL NOT NULL,
                value_max REAL,
                unit TEXT NOT NULL,
                comparator TEXT NOT NULL,
                aspirational INTEGER NOT NULL DEFAULT 0,
                baseline_year INTEGER,
                baseline_value REAL,
                attribute TEXT,
                text TEXT NOT NULL,
                line INTEGER NOT NULL,
                path TEXT NOT NULL
            );
            CREATE INDEX targets_document ON targets(document_id, ord);
            -- one token per character (positions kept: a query is a phrase of characters); a heading's own
            -- text goes in "head", other passages in "body", so bm25 can weigh headings higher. "body"
            -- comes first: FTS5 marks the column only for tokens outside column 0.
            -- columnsize=0: bm25 then weighs how often the query occurs, not passage length, and
            -- ranking skips a size lookup per match (3-4x faster for common words)
            CREATE VIRTUAL TABLE passages_fts USING fts5(
                body, head, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0'
            );
            -- jieba's words (no positions: ranking and word queries only, at a quarter of the size)
            CREATE VIRTUAL TABLE passages_words USING fts5(
                words, content='', detail=none, tokenize='unicode61 remove_diacritics 0'
            );
            -- a node's body text, for people reading plantui.db with datasette or sqlite-utils
            CREATE VIEW node_text AS
                SELECT node_id, group_concat(text, char(10)) AS text FROM
                    (SELECT node_id, text FROM passages WHERE role = 'body' AND node_id IS NOT NULL
                     ORDER BY node_id, ord)
                GROUP BY node_id;
            """
        )

    @migrations(name=MIGRATION_NAMES[1])
    def pages(db: Any) -> None:
        # the first line of every page of a PDF (a JSON list), so hits and targets know their page
        db.execute("ALTER TABLE documents ADD COLUMN page_starts TEXT")

    return migrations


def connect(path: Path | str, *, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """Open (and migrate) the database at ``path``; raise DatabaseError with a one-line reason."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a directory, not a database")
    if not path.exists() and not create:
        raise DatabaseError(f"no database at {path}: run `plantui import PATH…` first")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise DatabaseError(f"{path} is not a plantui database (not SQLite); it was left untouched")
    if not readonly and path.exists() and not _writable(path):
        if create:  # a command that writes (import)
            raise DatabaseError(
                f"cannot write {path}: the file or its folder is read-only (list, search, export "
                "and targets still read it)"
            )
        readonly = True  # read-only media: whoever only reads (the app) gets a read-only connection
    try:
        if readonly:
            conn = _open_readonly(path)
        else:
            if not path.parent.exists():
                raise DatabaseError(f"folder {path.parent} does not exist")
            conn = sqlite3.connect(path, timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        applied = _check_version(conn, path)
        if readonly and not set(MIGRATION_NAMES) <= applied and _writable(path):
            conn.close()  # an older schema: bring it up to date once, then read
            connect(path, create=False).close()
            return connect(path, create=False, readonly=True)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if not set(MIGRATION_NAMES) <= applied:
                _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"cannot open {path}: {exc}") from None
    return conn


def _open_readonly(path: Path) -> sqlite3.Connection:
    """Open for reading only, never writing a byte: ``mode=ro``, and ``immutable=1`` where the
    folder cannot hold the WAL index (read-only media), since SQLite must create one to read a
    WAL database otherwise. Immutable reading ignores a leftover -wal file's changes, so it is
    used only when no -wal file is there."""
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = Path(f"{path}-wal")
    if not os.access(path.parent, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _check_version(conn: sqlite3.Connection, path: Path) -> set[str]:
    """Refuse a database written by a newer plantui before changing anything in it; return the
    names of the migrations it has."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return set()
    if "_sqlite_migrations" not in tables or "documents" not in tables:
        raise DatabaseError(f"{path} is an SQLite database but not a plantui one; it was left untouched")
    applied = {
        r[0]
        for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,))
    }
    unknown = applied - set(MIGRATION_NAMES)
    if unknown:
        raise DatabaseError(
            f"{path} was written by a newer plantui (schema {sorted(unknown)[-1]}); "
            "upgrade plantui to use it; the file was left untouched"
        )
    return applied


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Apply pending migrations holding the write lock, all in one transaction: a second process
    opening the same new database at that moment waits for it, then finds them applied."""
    from sqlite_utils import Database

    conn.execute("BEGIN IMMEDIATE")
    try:
        if set(MIGRATION_NAMES) <= _check_version(conn, path):
            conn.commit()  # another process applied them while this one waited
            return
        migrations = _migrations()
        db = Database(conn)
        if migrations.pending(db):
            migrations.apply(db)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# ---------------------------------------------------------------- writing


def find_source(conn: sqlite3.Connection, path_key: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT s.*, d.sha256, d.title FROM sources s JOIN documents d ON d.id = s.document_id "
        "WHERE s.path_key = ?",
        (path_key,),
    ).fetchone()
    return row


def find_sha(conn: sqlite3.Connection, sha256: str) -> int | None:
    row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row[0])


def link_source(conn: sqlite3.Connection, prepared: Prepared, document_id: int) -> None:
    """Point a source path at an existing document (same content under another name)."""
    with conn:
        old = find_source(conn, prepared.path_key)
        _upsert_source(conn, prepared, document_id)
        if old is not None and old["document_id"] != document_id:
            _drop_if_orphan(conn, int(old["document_id"]))


def set_title(conn: sqlite3.Connection, document_id: int, title: str) -> None:
    with conn:
        conn.execute("UPDATE documents SET title = ?, title_from = 'user' WHERE id = ?", (title, document_id))


def write_document(
    conn: sqlite3.Connection,
    prepared: Prepared,
    fingerprint: str,
    on_step: Callable[[int, int], None] | None = None,
) -> int:
    """Insert a document (replacing what its source held before) in one transaction; return its id.

    ``on_step(done, total)`` reports passages indexed, for a progress bar on large files.
    """
    doc = prepared.document
    with conn:
        old = find_source(conn, prepared.path_key)
        same = find_sha(conn, prepared.sha256)
        others: list[sqlite3.Row] = []
        if same is not None:
            # the same content parsed again (--force): replace it, keeping its other sources
            others = conn.execute(
                "SELECT * FROM sources WHERE document_id = ? AND path_key != ?", (same, prepared.path_key)
            ).fetchall()
            delete_document(conn, same)
        cursor = conn.execute(
            "INSERT INTO documents (sha256, title, title_from, issuer, doc_number, issued, published, "
            "period_start, period_end, region, kind, format, encoding, line_count, char_count, segmenter, "
            "imported_at, page_starts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                prepared.sha256,
                doc.title,
                doc.title_from,
                doc.issuer,
                doc.doc_number,
                doc.issued,
                doc.published,
                doc.period[0] if doc.period else None,
                doc.period[1] if doc.period else None,
                doc.region,
                doc.kind,
                prepared.fmt,
                prepared.encoding,
                doc.line_count,
                sum(len(p.text) for p, _, _ in doc.paragraphs()),
                fingerprint,
                utc_now(),
                json.dumps(list(doc.page_starts)) if doc.page_starts else None,
            ),
        )
        document_id = int(cursor.lastrowid or 0)
        node_ids = _insert_nodes(conn, document_id, doc)
        _insert_passages(conn, document_id, doc, node_ids, prepared.fts, on_step)
        insert_targets(conn, document_id, doc.targets, doc, node_ids)
        _upsert_source(conn, prepared, document_id)
        conn.executemany(
            "INSERT INTO sources (path_key, path, name, size, document_id, imported_at) VALUES (?,?,?,?,?,?)",
            [(o["path_key"], o["path"], o["name"], o["size"], document_id, o["imported_at"]) for o in others],
        )
        if old is not None and old["document_id"] != same:
            _drop_if_orphan(conn, int(old["document_id"]))
    return document_id


def _upsert_source(conn: sqlite3.Connection, prepared: Prepared, document_id: int) -> None:
    conn.execute(
        "INSERT INTO sources (path_key, path, name, size, document_id, imported_at) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(path_key) DO UPDATE SET path = excluded.path, size = excluded.size, "
        "document_id = excluded.document_id, imported_at = excluded.imported_at",
        (
            prepared.path_key,
            prepared.source,
            Path(prepared.source).name,
            prepared.size,
            document_id,
            utc_now(),
        ),
    )


def _insert_nodes(conn: sqlite3.Connection, document_id: int, doc: Document) -> dict[int, int]:
    """Insert the outline; return a map from id(Node) to the new row id."""
    ids: dict[int, int] = {}
    for order, (node, ancestors) in enumerate(doc.walk()):
        parent = ids[id(ancestors[-1])] if ancestors else None
        cursor = conn.execute(
            "INSERT INTO nodes (document_id, parent_id, ord, depth, kind, label, number, title, line_start, "
            "line_end) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                document_id,
                parent,
                order,
                len(ancestors) + 1,
                node.kind,
                node.label,
                node.number,
                node.title,
                node.line,
                node.line_end,
            ),
        )
        ids[id(node)] = int(cursor.lastrowid or 0)
    return ids


def _insert_passages(
    conn: sqlite3.Connection,
    document_id: int,
    doc: Document,
    node_ids: dict[int, int],
    fts: Sequence[tuple[str, str]] | None,
    on_step: Callable[[int, int], None] | None = None,
) -> None:
    from plantui import segment

    paragraphs = list(doc.paragraphs())
    if len(paragraphs) >= 1 << PASSAGE_BITS:
        raise sqlite3.DataError(f"too many paragraphs in one document ({len(paragraphs)})")
    first = document_id << PASSAGE_BITS
    for start in range(0, len(paragraphs), _BATCH):
        batch = paragraphs[start : start + _BATCH]
        rows = [
            (
                first + start + i,
                document_id,
                node_ids[id(node)] if node is not None else None,
                start + i,
                role,
                para.line,
                para.line_end,
                para.text,
            )
            for i, (para, node, role) in enumerate(batch)
        ]
        conn.executemany(
            "INSERT INTO passages (id, document_id, node_id, ord, role, line_start, line_end, text) "
            "VALUES (?,?,?,?,?,?,?,?)",
            rows,
        )
        tokens = (
            fts[start : start + _BATCH]
            if fts is not None
            else [(segment.words(p.text), segment.chars(p.text)) for p, _, _ in batch]
        )
        _index(conn, [(row[0], row[4], w, c) for row, (w, c) in zip(rows, tokens, strict=True)])
        if on_step is not None:
            on_step(start + len(batch), len(paragraphs))


def _index(
    conn: sqlite3.Connection, entries: Sequence[tuple[int, str, str, str]], delete: bool = False
) -> None:
    """Add (or, with ``delete``, remove) passages in both full-text tables.

    Each entry is (passage id, role, jieba words, character tokens); a heading's own text goes
    in the ``head`` column of passages_fts, everything else in ``body``.
    """
    command = "'delete', " if delete else ""
    fts = "passages_fts, " if delete else ""
    words = "passages_words, " if delete else ""
    conn.executemany(
        f"INSERT INTO passages_fts ({fts}rowid, body, head) VALUES ({command}?, ?, ?)",
        [(i, "", c) if role == "head" else (i, c, "") for i, role, _, c in entries],
    )
    conn.executemany(
        f"INSERT INTO passages_words ({words}rowid, words) VALUES ({command}?, ?)",
        [(i, w) for i, _, w, _ in entries],
    )


def insert_targets(
    conn: sqlite3.Connection,
    document_id: int,
    targets: Iterable[Target],
    doc: Document,
    node_ids: dict[int, int],
) -> None:
    """Insert targets, each linked to the node whose lines hold its sentence."""
    spans = [(n.line, n.line_end, node_ids[id(n)], len(a)) for n, a in doc.walk()]
    rows = []
    for order, t in enumerate(targets):
        holders = [s for s in spans if s[0] <= t.line <= s[1]]
        node_id = max(holders, key=lambda s: s[3])[2] if holders else None
        rows.append(
            (
                document_id,
                node_id,
                order,
                t.year,
                t.indicator,
                t.value,
                t.value_max,
                t.unit,
                t.comparator,
                int(t.aspirational),
                t.baseline_year,
                t.baseline_value,
                t.attribute,
                t.text,
                t.line,
                json.dumps(list(t.path), ensure_ascii=False),
            )
        )
    conn.executemany(
        "INSERT INTO targets (document_id, node_id, ord, year, indicator, value, value_max, unit, "
        "comparator, aspirational, baseline_year, baseline_value, attribute, text, line, path) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _drop_if_orphan(conn: sqlite3.Connection, document_id: int) -> None:
    """Delete a document no source points at any more, FTS rows included."""
    if conn.execute("SELECT 1 FROM sources WHERE document_id = ?", (document_id,)).fetchone():
        return
    delete_document(conn, document_id)


def delete_document(conn: sqlite3.Connection, document_id: int) -> None:
    """Remove a document's rows (inside the caller's transaction)."""
    from plantui import segment

    rows = conn.execute(
        "SELECT id, text, role FROM passages WHERE document_id = ?", (document_id,)
    ).fetchall()
    stamp = conn.execute("SELECT segmenter FROM documents WHERE id = ?", (document_id,)).fetchone()
    if stamp is not None and stamp[0] == segment.fingerprint():
        # A contentless FTS5 table forgets a row only when given the exact tokens it indexed.
        _index(conn, [(r[0], r[2], segment.words(r[1]), segment.chars(r[1])) for r in rows], delete=True)
    else:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_stale', '1')")
    conn.execute("DELETE FROM targets WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM passages WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM nodes WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM sources WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def rebuild_fts(conn: sqlite3.Connection, progress: Any = None) -> int:
    """Re-index every passage (after a segmenter change); return the number of passages."""
    from plantui import segment

    fingerprint = segment.fingerprint()
    with conn:
        # contentless tables are emptied with the delete-all command, not DELETE
        conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('delete-all')")
        conn.execute("INSERT INTO passages_words (passages_words) VALUES ('delete-all')")
        count = 0
        rows = conn.execute("SELECT id, text, role FROM passages ORDER BY id").fetchall()
        for start in range(0, len(rows), 2000):
            batch = rows[start : start + 2000]
            _index(conn, [(r[0], r[2], segment.words(r[1]), segment.chars(r[1])) for r in batch])
            count += len(batch)
            if progress:
                progress(count)
        conn.execute("UPDATE documents SET segmenter = ?", (fingerprint,))
        conn.execute("DELETE FROM meta WHERE key = 'fts_stale'")
    return count


def fts_is_stale(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM meta WHERE key = 'fts_stale'").fetchone() is not None


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class DocumentRow:
    """A document as listed: metadata, its source paths and counts."""

    id: int
    title: str
    title_from: str
    sources: tuple[str, ...]
    sha256: str
    issuer: str | None
    doc_number: str | None
    issued: str | None
    published: str | None
    period: tuple[int, int] | None
    region: str | None
    kind: str | None
    counts: dict[str, int]


def list_documents(conn: sqlite3.Connection) -> list[DocumentRow]:
    """Every document with its sources and outline counts, in import order."""
    sources: dict[int, list[str]] = {}
    for row in conn.execute("SELECT document_id, path FROM sources ORDER BY path"):
        sources.setdefault(row[0], []).append(row[1])
    counts: dict[int, dict[str, int]] = {}
    for row in conn.execute("SELECT document_id, kind, count(*) FROM nodes GROUP BY document_id, kind"):
        counts.setdefault(row[0], {})[row[1]] = row[2]
    for row in conn.execute("SELECT document_id, count(*) FROM targets GROUP BY document_id"):
        counts.setdefault(row[0], {})["targets"] = row[1]
    out = []
    for row in conn.execute("SELECT * FROM documents ORDER BY id"):
        out.append(_document_row(row, sources.get(row["id"], []), counts.get(row["id"], {})))
    return out


def _document_row(row: sqlite3.Row, sources: list[str], counts: dict[str, int]) -> DocumentRow:
    period = (row["period_start"], row["period_end"]) if row["period_start"] is not None else None
    return DocumentRow(
        row["id"],
        row["title"],
        row["title_from"],
        tuple(sources),
        row["sha256"],
        row["issuer"],
        row["doc_number"],
        row["issued"],
        row["published"],
        period,
        row["region"],
        row["kind"],
        counts,
    )


def load_document(conn: sqlite3.Connection, document_id: int) -> Document:
    """Rebuild the Document (outline, preamble, targets) stored under ``document_id``."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise DatabaseError(f"no document with id {document_id}")
    heads: dict[int, Paragraph] = {}
    bodies: dict[int | None, list[Paragraph]] = {}
    for p in conn.execute(
        "SELECT node_id, role, line_start, line_end, text FROM passages WHERE document_id = ? ORDER BY ord",
        (document_id,),
    ):
        para = Paragraph(p["text"], p["line_start"], p["line_end"])
        if p["role"] == "head":
            heads[p["node_id"]] = para
        else:
            bodies.setdefault(p["node_id"], []).append(para)
    node_rows = conn.execute(
        "SELECT * FROM nodes WHERE document_id = ? ORDER BY ord", (document_id,)
    ).fetchall()
    children: dict[int | None, list[sqlite3.Row]] = {}
    for n in node_rows:
        children.setdefault(n["parent_id"], []).append(n)

    def build(n: sqlite3.Row) -> Node:
        kids = tuple(build(c) for c in children.get(n["id"], []))
        return Node(
            n["kind"],
            n["label"],
            n["number"],
            n["title"],
            heads.get(n["id"]),
            n["line_start"],
            n["line_end"],
            tuple(bodies.get(n["id"], [])),
            kids,
        )

    period = (row["period_start"], row["period_end"]) if row["period_start"] is not None else None
    return Document(
        title=row["title"],
        title_from=row["title_from"],
        outline=tuple(build(n) for n in children.get(None, [])),
        preamble=tuple(bodies.get(None, [])),
        issuer=row["issuer"],
        doc_number=row["doc_number"],
        issued=row["issued"],
        published=row["published"],
        period=period,
        region=row["region"],
        kind=row["kind"],
        targets=tuple(load_targets(conn, document_id)),
        line_count=row["line_count"] or 0,
        page_starts=tuple(json.loads(row["page_starts"])) if row["page_starts"] else (),
    )


def load_targets(conn: sqlite3.Connection, document_id: int | None = None) -> Iterator[Target]:
    sql = "SELECT * FROM targets" + (" WHERE document_id = ?" if document_id is not None else "")
    args: tuple[int, ...] = (document_id,) if document_id is not None else ()
    for t in conn.execute(sql + " ORDER BY document_id, ord", args):
        yield target_from_row(t)


def plan_targets(conn: sqlite3.Connection, documents: Sequence[int] | None = None) -> list[Any]:
    """Every target with its plan's id, title, first source and region, in document order."""
    from plantui.compare import PlanTarget

    sql = (
        "SELECT t.*, d.title AS doc_title, d.region AS doc_region, d.page_starts AS doc_pages, "
        "(SELECT min(path) FROM sources s WHERE s.document_id = d.id) AS doc_source "
        "FROM targets t JOIN documents d ON d.id = t.document_id"
    )
    args: list[int] = []
    if documents is not None:
        sql += f" WHERE t.document_id IN ({','.join('?' * len(documents))})"
        args = list(documents)
    rows = conn.execute(sql + " ORDER BY t.document_id, t.ord", args).fetchall()
    from plantui.blocks import page_of

    pages: dict[str, tuple[int, ...]] = {}
    out = []
    for r in rows:
        starts = pages.setdefault(r["doc_pages"] or "", tuple(json.loads(r["doc_pages"] or "[]")))
        target = target_from_row(r)
        out.append(
            PlanTarget(
                r["document_id"],
                r["doc_title"],
                r["doc_source"] or "",
                r["doc_region"],
                target,
                page_of(starts, target.line),
            )
        )
    return out


def node_paths(conn: sqlite3.Connection, node_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Breadcrumbs (display titles from the top down) of nodes, read through their parents."""
    from plantui.models import display_title

    known: dict[int, tuple[int | None, str]] = {}
    wanted = {n for n in node_ids if n is not None}
    while wanted:
        batch = sorted(wanted)[:900]
        wanted.difference_update(batch)
        for row in conn.execute(
            f"SELECT id, parent_id, kind, label, title FROM nodes WHERE id IN ({','.join('?' * len(batch))})",
            batch,
        ):
            known[row[0]] = (row[1], display_title(row[2], row[3], row[4]))
            if row[1] is not None and row[1] not in known:
                wanted.add(row[1])
    paths: dict[int, tuple[str, ...]] = {}

    def path(node_id: int) -> tuple[str, ...]:
        if node_id not in paths:
            parent, title = known[node_id]
            paths[node_id] = (*(path(parent) if parent is not None and parent in known else ()), title)
        return paths[node_id]

    return {n: path(n) for n in node_ids if n in known}


def target_from_row(t: sqlite3.Row) -> Target:
    return Target(
        year=t["year"],
        indicator=t["indicator"],
        value=t["value"],
        unit=t["unit"],
        text=t["text"],
        line=t["line"],
        value_max=t["value_max"],
        comparator=t["comparator"],
        aspirational=bool(t["aspirational"]),
        baseline_year=t["baseline_year"],
        baseline_value=t["baseline_value"],
        attribute=t["attribute"],
        path=tuple(json.loads(t["path"])),
    )


def plan_names(conn: sqlite3.Connection, document_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The name to show for each document (see naming.py): its title, or for a plan that states
    none, its kind and first words. Only untitled plans cost a look at their first passage."""
    from plantui.naming import plan_name

    sql = "SELECT id, title, title_from, kind, region FROM documents"
    args: list[int] = []
    if document_ids is not None:
        args = sorted(set(document_ids))
        if not args:
            return {}
        sql += f" WHERE id IN ({','.join('?' * len(args))})"
    names: dict[int, str] = {}
    for row in conn.execute(sql, args).fetchall():
        opening = ""
        if row[2] == "file":
            first = conn.execute(
                "SELECT text FROM passages WHERE id >= ? AND id < ? ORDER BY id LIMIT 1",
                (row[0] << PASSAGE_BITS, (row[0] + 1) << PASSAGE_BITS),
            ).fetchone()
            opening = first[0] if first else ""
        names[row[0]] = plan_name(row[1], row[2], kind=row[3], opening=opening, region=row[4])
    return names


def document_sources(conn: sqlite3.Connection, document_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute("SELECT path FROM sources WHERE document_id = ? ORDER BY path", (document_id,))
    ]


def document_sha(conn: sqlite3.Connection, document_id: int) -> str:
    row = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
    return str(row[0]) if row else ""


def resolve_documents(conn: sqlite3.Connection, specs: Sequence[str]) -> list[int]:
    """Document ids for DOC arguments: an id, a source file name or path, or a unique part of a title."""
    ids = []
    for spec in specs:
        ids.append(resolve_document(conn, spec))
    return ids


def resolve_document(conn: sqlite3.Connection, spec: str) -> int:
    spec = spec.strip()
    if spec.isdigit():
        row = conn.execute("SELECT id FROM documents WHERE id = ?", (int(spec),)).fetchone()
        if row:
            return int(row[0])
    name = Path(spec).name
    stem = Path(spec).stem
    rows = conn.execute(
        "SELECT DISTINCT document_id FROM sources WHERE path = ? OR name = ? OR name LIKE ? ESCAPE '\\'",
        (spec, name, _like_escape(stem) + ".%"),
    ).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if not rows:
        rows = conn.execute("SELECT id FROM documents WHERE instr(title, ?) > 0", (spec,)).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if not rows:
        raise DatabaseError(f"no document matches {spec!r}; `plantui list` shows them")
    names = plan_names(conn, [r[0] for r in rows])
    candidates = [f"{i}: {names[i]}" for i in sorted(names)]
    more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
    raise DatabaseError(
        f"{spec!r} is ambiguous, it matches "
        + "; ".join(candidates[:8])
        + more
        + f"; name one by its id ({sorted(names)[0]})"
    )


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
