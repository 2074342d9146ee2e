"""Opening plantui.db: schema migrations, version checks, read-only and read-write connections.

Tables: ``documents`` (one row per distinct content), ``sources`` (file paths → document),
``nodes`` (the outline tree), ``passages`` (paragraphs and headings' own text, the unit of
search), ``targets``; ``passages_fts``, an FTS5 index over ``passages.text`` (external content,
a token per character: the pair it starts, see segment.py) whose rowid is the passage id; ``passages_words``
(jieba's words, contentless); the views ``node_text``, ``plans`` and ``plan_targets`` for
people reading the file with datasette or sqlite-utils.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MIGRATION_SET = "plantui"
# The names _migrations() registers, in order: checked on every open without importing
# sqlite-utils (~40 ms), which is only needed when one of them is still to be applied.
MIGRATION_NAMES = (
    "0001_initial",
    "0002_pages",
    "0003_external_fts",
    "0004_node_kinds",
    "0005_outline_counts",
    "0006_pair_index",
)
# A document's passages are one run of ids starting at a multiple of 2**BLOCK_BITS (its
# passage_first); ``id >> BLOCK_BITS`` names a block of one document, so hits are counted per
# document inside SQLite (GROUP BY block) while ids stay close together (small gaps keep the
# index's rowid deltas short: a 22-bit document field made every document's first entry of a
# term 4 bytes)
BLOCK_BITS = 7


class DatabaseError(Exception):
    """The database cannot be used; the message says why in one line."""


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

    @migrations(name=MIGRATION_NAMES[2])
    def external_fts(db: Any) -> None:
        external_index(db.conn)

    @migrations(name=MIGRATION_NAMES[3])
    def node_kinds(db: Any) -> None:
        # `plantui list` counts each plan's nodes by kind: at 10,000 plans 0.37 s without it
        db.execute("CREATE INDEX IF NOT EXISTS nodes_kind ON nodes(document_id, kind)")

    @migrations(name=MIGRATION_NAMES[4])
    def outline_counts(db: Any) -> None:
        # a plan's nodes by kind and its targets, written at import: `plantui list` reads one
        # column instead of counting a million nodes at 10,000 plans
        db.execute("ALTER TABLE documents ADD COLUMN outline_counts TEXT")
        db.execute(OUTLINE_COUNTS_BACKFILL)

    @migrations(name=MIGRATION_NAMES[5])
    def pair_index(db: Any) -> None:
        pair_index_migration(db.conn)

    return migrations


# The character index reads its text from ``passages`` (external content), so sqlite-utils and
# datasette find it (content="passages"), can scan and count it, and show its rows. What it
# holds are segment.chars() tokens, not the raw text: search through plantui (or the phrase of
# a query's pairs, "区块 块链") rather than FTS5 functions that re-read the text (bm25,
# highlight, snippet). columnsize=0: no per-row size table, as before.
_FTS = """
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, content="passages", content_rowid="id", columnsize=0, tokenize='unicode61 remove_diacritics 0'
)
"""
# browsing with facets: a plan with its year, a target with its plan's region and kind
_VIEWS = """
CREATE VIEW plans AS
    SELECT d.id, d.title, d.region, d.kind, d.issuer, d.doc_number, d.issued,
        CAST(substr(d.issued, 1, 4) AS INTEGER) AS year, d.period_start, d.period_end,
        d.format, d.char_count, (SELECT min(s.path) FROM sources s WHERE s.document_id = d.id) AS source,
        (SELECT count(*) FROM targets t WHERE t.document_id = d.id) AS targets
    FROM documents d;
CREATE VIEW plan_targets AS
    SELECT t.id, t.document_id, d.title AS plan, d.region, d.kind, t.year, t.indicator, t.value,
        t.value_max, t.unit, t.comparator, t.attribute AS 属性, t.baseline_year, t.baseline_value,
        t.text, t.line
    FROM targets t JOIN documents d ON d.id = t.document_id;
"""


OUTLINE_COUNTS_BACKFILL = """
UPDATE documents SET outline_counts = (
    SELECT json_group_object(kind, n) FROM (
        SELECT kind, count(*) AS n FROM nodes WHERE nodes.document_id = documents.id GROUP BY kind
        UNION ALL
        SELECT 'targets', count(*) FROM targets WHERE targets.document_id = documents.id
        HAVING count(*) > 0
    )
)
"""


def external_index(conn: sqlite3.Connection) -> None:
    """Replace the contentless character index (0001) by one over ``passages`` and add the
    browsing views; the index is rebuilt from the stored text (no word segmentation needed)."""
    from plantui import segment

    conn.execute("DROP TABLE IF EXISTS passages_fts")
    conn.execute(_FTS)
    for statement in _VIEWS.split(";"):
        if statement.strip():
            conn.execute(statement)
    cursor = conn.execute("SELECT id, text FROM passages ORDER BY id")
    while rows := cursor.fetchmany(5000):
        tokens = [(r[0], segment.chars(r[1])) for r in rows]
        conn.executemany("INSERT INTO passages_fts (rowid, text) VALUES (?, ?)", tokens)


_PASSAGES = """
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id INTEGER REFERENCES nodes(id),
    ord INTEGER NOT NULL,
    role TEXT NOT NULL,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    text TEXT NOT NULL
)
"""
# jieba's words (no positions: word queries and their bm25 only; the sizes stay, without them
# sqlite-utils and datasette cannot count the table's rows)
_WORDS = """
CREATE VIRTUAL TABLE passages_words USING fts5(
    words, content='', detail=none, tokenize='unicode61 remove_diacritics 0'
)
"""
# A one-character term is answered without the pair index (where it would be a prefix query
# over every pair the character starts: seconds for 数 at 10,000 plans): char_counts holds how
# many passages hold each character (the exact count of such a query), plan_chars each plan's
# characters (which plans to read for its hits), both kept with every document written.
_CHARACTERS = """
CREATE TABLE char_counts (ch TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE plan_chars USING fts5(
    chars, content='', detail=none, tokenize='unicode61 remove_diacritics 0'
);
"""
_NODE_TEXT = """
CREATE VIEW node_text AS
    SELECT node_id, group_concat(text, char(10)) AS text FROM
        (SELECT node_id, text FROM passages WHERE role = 'body' AND node_id IS NOT NULL
         ORDER BY node_id, ord)
    GROUP BY node_id
"""


def pair_index_migration(conn: sqlite3.Connection) -> None:
    """0006: passages renumbered in blocks (BLOCK_BITS), the character index made of pairs of
    characters (segment.chars), the nodes' kind index dropped; both indexes are rebuilt here
    from the stored text (a minute or two for 10,000 plans, said on stderr)."""
    import sys

    conn.execute("ALTER TABLE documents ADD COLUMN passage_first INTEGER")
    conn.execute("ALTER TABLE documents ADD COLUMN passage_count INTEGER")
    counts = conn.execute("SELECT document_id, count(*) FROM passages GROUP BY 1 ORDER BY 1").fetchall()
    first = 1 << BLOCK_BITS
    for document_id, count in counts:
        conn.execute(
            "UPDATE documents SET passage_first = ?, passage_count = ? WHERE id = ?",
            (first, count, document_id),
        )
        first += -(-count >> BLOCK_BITS) << BLOCK_BITS
    conn.execute("UPDATE documents SET passage_first = 0, passage_count = 0 WHERE passage_first IS NULL")
    for name in ("passages_fts", "passages_words"):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute("DROP VIEW IF EXISTS node_text")
    conn.execute("ALTER TABLE passages RENAME TO passages_old")
    conn.execute(_PASSAGES)
    conn.execute(
        "INSERT INTO passages (id, document_id, node_id, ord, role, line_start, line_end, text) "
        "SELECT d.passage_first + p.ord, p.document_id, p.node_id, p.ord, p.role, p.line_start, p.line_end, "
        "p.text FROM passages_old p JOIN documents d ON d.id = p.document_id ORDER BY p.id"
    )
    conn.execute("DROP TABLE passages_old")
    conn.execute("CREATE INDEX passages_document ON passages(document_id, ord)")
    conn.execute("CREATE INDEX passages_node ON passages(node_id)")
    conn.execute("DROP INDEX IF EXISTS nodes_kind")  # `list` reads documents.outline_counts (0005)
    conn.execute(_NODE_TEXT)
    conn.execute(_FTS)
    conn.execute(_WORDS)
    for statement in _CHARACTERS.split(";"):
        if statement.strip():
            conn.execute(statement)
    total = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
    if total > 50_000:
        print(f"plantui: rebuilding the search index of {total} passages (once)…", file=sys.stderr)
    from plantui.store.write import reindex  # write builds on this module: imported when run

    reindex(conn)


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
            conn = open_readonly(path)
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
            _prepare(conn, path, applied)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"cannot open {path}: {exc}") from None
    return conn


def _prepare(conn: sqlite3.Connection, path: Path, applied: set[str]) -> None:
    """Set a writer's pragmas and apply pending migrations. Two processes opening the same new
    file at once: switching to WAL needs the file to itself and is not retried by SQLite's busy
    handler, so a ``database is locked`` here is waited out (up to 30 s)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            if not applied:
                # A new file stores text as UTF-16: two bytes for a Chinese character instead
                # of UTF-8's three (a third less for the passages). It can only be chosen
                # before the first table; SQLite converts at the API, so readers see no
                # difference.
                conn.execute("PRAGMA encoding = 'UTF-16le'")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if not set(MIGRATION_NAMES) <= applied:
                _migrate(conn, path)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            applied = _check_version(conn, path)


def open_readonly(path: Path) -> sqlite3.Connection:
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
