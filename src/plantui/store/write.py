"""Writing plantui.db: one parsed document in one transaction, its passages indexed; removal
and re-indexing."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plantui.models import Document, Target
from plantui.store.schema import BLOCK_BITS, utc_now

_BATCH = 2000  # passages written (and, for one large file, segmented) at a time


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
    # passages holding each character (segment.character_passages), when a worker counted them
    characters: dict[str, int] | None = None


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
    with conn:
        return write_rows(conn, prepared, fingerprint, on_step)


@dataclass
class Held:
    """Full-text rows of documents written but not yet indexed (see store/batch.py): (passage
    id, role, words, chars) for both passage indexes and (plan, characters) for plan_chars."""

    entries: list[tuple[int, str, str, str]] = field(default_factory=list)
    plans: list[tuple[int, str]] = field(default_factory=list)
    chars: int = 0  # characters of passage text held

    def index(self, conn: sqlite3.Connection) -> None:
        """Index what is held, and hold nothing."""
        _index(conn, self.entries)
        conn.executemany("INSERT INTO plan_chars (rowid, chars) VALUES (?, ?)", self.plans)
        self.entries, self.plans, self.chars = [], [], 0


def write_rows(
    conn: sqlite3.Connection,
    prepared: Prepared,
    fingerprint: str,
    on_step: Callable[[int, int], None] | None = None,
    held: Held | None = None,
) -> int:
    """write_document inside the caller's transaction; with ``held``, the document's full-text
    rows are added to it instead of indexed."""
    doc = prepared.document
    old = find_source(conn, prepared.path_key)
    same = find_sha(conn, prepared.sha256)
    if held is not None and (old is not None or same is not None):
        # a document about to be removed may be one of those held (the same content twice in
        # one batch): a contentless index forgets only rows it holds, so index them first
        held.index(conn)
    others: list[sqlite3.Row] = []
    # the plan keeps its id (scripts and notes name plans by id): the same content parsed
    # again (--force), or new content at a source that was the only one of its document
    keep: int | None = same
    if same is not None:
        # replaced, keeping its other sources
        others = conn.execute(
            "SELECT * FROM sources WHERE document_id = ? AND path_key != ?", (same, prepared.path_key)
        ).fetchall()
        delete_document(conn, same)
    elif (
        old is not None
        and not conn.execute(
            "SELECT 1 FROM sources WHERE document_id = ? AND path_key != ?",
            (old["document_id"], prepared.path_key),
        ).fetchone()
    ):
        keep = int(old["document_id"])
        delete_document(conn, keep)
    cursor = conn.execute(
        "INSERT INTO documents (id, sha256, title, title_from, issuer, doc_number, issued, published, "
        "period_start, period_end, region, kind, format, encoding, line_count, char_count, segmenter, "
        "imported_at, page_starts, outline_counts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            keep,
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
            json.dumps(outline_counts(doc), ensure_ascii=False),
        ),
    )
    document_id = int(cursor.lastrowid or 0)
    node_ids = _insert_nodes(conn, document_id, doc)
    _insert_passages(conn, document_id, doc, node_ids, prepared.fts, on_step, prepared.characters, held)
    insert_targets(conn, document_id, doc.targets, doc, node_ids)
    _upsert_source(conn, prepared, document_id)
    conn.executemany(
        "INSERT INTO sources (path_key, path, name, size, document_id, imported_at) VALUES (?,?,?,?,?,?)",
        [(o["path_key"], o["path"], o["name"], o["size"], document_id, o["imported_at"]) for o in others],
    )
    if old is not None and old["document_id"] not in (same, keep):
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


def outline_counts(doc: Document) -> dict[str, int]:
    """The plan's nodes by kind and its number of targets (what `plantui list` shows)."""
    counts: dict[str, int] = {}
    for node, _ in doc.walk():
        counts[node.kind] = counts.get(node.kind, 0) + 1
    if doc.targets:
        counts["targets"] = len(doc.targets)
    return counts


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
    characters: dict[str, int] | None = None,
    held: Held | None = None,
) -> None:
    from plantui import segment

    paragraphs = list(doc.paragraphs())
    # the next free block: ids are never reused while a later document holds its own
    last = conn.execute("SELECT max(id) FROM passages").fetchone()[0] or 0
    first = ((last >> BLOCK_BITS) + 1) << BLOCK_BITS
    conn.execute(
        "UPDATE documents SET passage_first = ?, passage_count = ? WHERE id = ?",
        (first, len(paragraphs), document_id),
    )
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
            else [(segment.index_words(p.text), segment.chars(p.text)) for p, _, _ in batch]
        )
        entries = [(row[0], row[4], w, c) for row, (w, c) in zip(rows, tokens, strict=True)]
        if held is None:
            _index(conn, entries)
        else:
            held.entries += entries
            held.chars += sum(len(row[7]) for row in rows)
        if on_step is not None:
            on_step(start + len(batch), len(paragraphs))
    found = (
        characters if characters is not None else segment.character_passages(p.text for p, _, _ in paragraphs)
    )
    _count_characters(conn, document_id, found, 1, held)


def _count_characters(
    conn: sqlite3.Connection, document_id: int, found: dict[str, int], sign: int, held: Held | None = None
) -> None:
    """Add (``sign`` 1) or take away (-1) a document's passages in char_counts and plan_chars
    (``found``: passages holding each character, see segment.character_passages); an added
    plan's plan_chars row goes to ``held`` where given."""
    conn.executemany(
        "INSERT INTO char_counts (ch, passages) VALUES (?, ?) "
        "ON CONFLICT(ch) DO UPDATE SET passages = passages + excluded.passages",
        [(ch, sign * n) for ch, n in found.items()],
    )
    if held is not None and sign > 0:
        held.plans.append((document_id, " ".join(sorted(found))))
    else:
        _plan_chars(conn, document_id, found, delete=sign < 0)


def _plan_chars(conn: sqlite3.Connection, document_id: int, found: dict[str, int], delete: bool) -> None:
    """A plan's row of plan_chars, added or (``delete``) taken away: a contentless table forgets
    a row only when given what it indexed, the same characters in the same order."""
    chars = " ".join(sorted(found))
    if delete:
        conn.execute(
            "INSERT INTO plan_chars (plan_chars, rowid, chars) VALUES ('delete', ?, ?)", (document_id, chars)
        )
    else:
        conn.execute("INSERT INTO plan_chars (rowid, chars) VALUES (?, ?)", (document_id, chars))


def _index(
    conn: sqlite3.Connection, entries: Sequence[tuple[int, str, str, str]], delete: bool = False
) -> None:
    """Add (or, with ``delete``, remove) passages in both full-text tables.

    Each entry is (passage id, role, jieba words, character tokens). Removing needs the tokens
    that were indexed: the character index reads ``passages`` only to show rows.
    """
    command = "'delete', " if delete else ""
    fts = "passages_fts, " if delete else ""
    words = "passages_words, " if delete else ""
    conn.executemany(
        f"INSERT INTO passages_fts ({fts}rowid, text) VALUES ({command}?, ?)",
        [(i, c) for i, _, _, c in entries],
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
        _index(
            conn, [(r[0], r[2], segment.index_words(r[1]), segment.chars(r[1])) for r in rows], delete=True
        )
        _count_characters(conn, document_id, segment.character_passages(r[1] for r in rows), -1)
    else:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_stale', '1')")
    conn.execute("DELETE FROM targets WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM passages WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM nodes WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM sources WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def rebuild_fts(conn: sqlite3.Connection, progress: Any = None) -> int:
    """Re-index every passage (after a segmenter change); return the number of passages."""

    with conn:
        return reindex(conn, progress)


def reindex(conn: sqlite3.Connection, progress: Any = None) -> int:
    """``rebuild_fts`` inside the caller's transaction (a migration's): both indexes and the
    character counts from the stored text, a batch of passages at a time."""
    from plantui import segment

    # FTS tables without content of their own are emptied with the delete-all command
    conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('delete-all')")
    conn.execute("INSERT INTO passages_words (passages_words) VALUES ('delete-all')")
    count = 0
    cursor = conn.execute("SELECT id, text, role FROM passages ORDER BY id")
    while batch := cursor.fetchmany(2000):
        _index(conn, [(r[0], r[2], segment.index_words(r[1]), segment.chars(r[1])) for r in batch])
        count += len(batch)
        if progress:
            progress(count)
    count_characters(conn)
    conn.execute("UPDATE documents SET segmenter = ?", (segment.fingerprint(),))
    conn.execute("DELETE FROM meta WHERE key = 'fts_stale'")
    return count


def count_characters(conn: sqlite3.Connection) -> None:
    """Fill char_counts and plan_chars afresh from the stored text (the counts summed over all
    plans and written once: an upsert per character and plan would take minutes at 10,000 plans)."""
    from plantui import segment

    conn.execute("DELETE FROM char_counts")
    conn.execute("INSERT INTO plan_chars (plan_chars) VALUES ('delete-all')")
    totals: Counter[str] = Counter()
    for (document_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        rows = conn.execute("SELECT text FROM passages WHERE document_id = ?", (document_id,))
        found = segment.character_passages(r[0] for r in rows)
        totals.update(found)
        _plan_chars(conn, document_id, found, delete=False)
    conn.executemany("INSERT INTO char_counts (ch, passages) VALUES (?, ?)", sorted(totals.items()))


def fts_is_stale(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM meta WHERE key = 'fts_stale'").fetchone() is not None
