"""Queries the app needs, headless: document and node lists, a document's reading content,
filter counts per document and node, all 专栏. The app calls these from worker threads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from plantui import db, search, segment
from plantui.blocks import page_of
from plantui.models import display_title


@dataclass(frozen=True)
class DocEntry:
    id: int
    title: str
    title_from: str
    kind: str | None
    region: str | None
    period: tuple[int, int] | None
    source: str
    name: str = ""  # what the app shows (naming.plan_name): never a file stem
    issuer: str | None = None
    doc_number: str | None = None
    issued: str | None = None
    published: str | None = None

    @property
    def shown(self) -> str:
        return self.name or self.title


@dataclass(frozen=True)
class NodeEntry:
    id: int
    document_id: int
    parent_id: int | None
    depth: int
    kind: str
    label: str
    title: str
    line: int
    path: tuple[str, ...]

    @property
    def display(self) -> str:
        return display_title(self.kind, self.label, self.title)


@dataclass(frozen=True)
class Block:
    """One thing the reader draws, in reading order.

    kind: ``meta`` (the plan's metadata line), ``heading``, ``para``, ``column`` (a 专栏's
    heading, opening its box), ``end`` (closing the box).
    """

    kind: str
    text: str
    node_id: int | None = None
    passage_id: int | None = None
    depth: int = 0
    line: int = 0
    node_kind: str = ""


@dataclass(frozen=True)
class Content:
    document: DocEntry
    blocks: tuple[Block, ...]
    nodes: tuple[NodeEntry, ...]
    targets: tuple[tuple[int, str], ...]  # (line, clause) of each target, for highlighting
    page_starts: tuple[int, ...] = ()  # first line of every page (PDF); empty without pages


@dataclass(frozen=True)
class FilterResult:
    query: str
    total: int
    doc_counts: dict[int, int] = field(default_factory=dict)
    node_counts: dict[int, int] = field(default_factory=dict)  # own hits plus descendants' hits
    counted: bool = True  # False: only which plans and nodes hold the words is known, not how often
    # while not ``counted``: the plans (and their nodes) whose numbers are occurrences already
    exact: frozenset[int] = frozenset()

    def is_exact(self, document_id: int) -> bool:
        """Whether the numbers of this plan (and of its nodes) are counted occurrences."""
        return self.counted or document_id in self.exact


@dataclass(frozen=True)
class ColumnEntry:
    node_id: int
    document_id: int
    document: str
    label: str
    title: str
    parent: str
    line: int
    page: int | None = None  # the PDF page the 专栏 starts on


_DOCUMENT_COLUMNS = (
    "SELECT d.id, d.title, d.title_from, d.kind, d.region, d.period_start, d.period_end, "
    "(SELECT min(path) FROM sources s WHERE s.document_id = d.id) AS source, "
    "d.issuer, d.doc_number, d.issued, d.published FROM documents d"
)


def documents(conn: sqlite3.Connection) -> list[DocEntry]:
    """Every document with its first source and its name, in import order (light queries: the
    list must be quick)."""
    names = db.plan_names(conn)
    return [_entry(r, names.get(r[0], "")) for r in conn.execute(_DOCUMENT_COLUMNS + " ORDER BY d.id")]


def has_targets(conn: sqlite3.Connection) -> bool:
    """Whether any plan has a target (without reading them: the app reads a plan's when shown)."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM targets)").fetchone()[0])


def document(conn: sqlite3.Connection, document_id: int) -> DocEntry | None:
    row = conn.execute(_DOCUMENT_COLUMNS + " WHERE d.id = ?", (document_id,)).fetchone()
    return None if row is None else _entry(row, db.plan_names(conn, [document_id]).get(document_id, ""))


def _entry(r: sqlite3.Row, name: str = "") -> DocEntry:
    period = (r[5], r[6]) if r[5] is not None else None
    return DocEntry(r[0], r[1], r[2], r[3], r[4], period, r[7] or "", name, r[8], r[9], r[10], r[11])


def nodes(conn: sqlite3.Connection, document_id: int) -> list[NodeEntry]:
    """The outline of one document in reading order, each node with its breadcrumb."""
    out: list[NodeEntry] = []
    paths: dict[int, tuple[str, ...]] = {}
    for r in conn.execute("SELECT * FROM nodes WHERE document_id = ? ORDER BY ord", (document_id,)):
        parent = paths.get(r["parent_id"], ()) if r["parent_id"] is not None else ()
        path = (*parent, display_title(r["kind"], r["label"], r["title"]))
        paths[r["id"]] = path
        out.append(
            NodeEntry(
                r["id"],
                r["document_id"],
                r["parent_id"],
                r["depth"],
                r["kind"],
                r["label"],
                r["title"],
                r["line_start"],
                path,
            )
        )
    return out


def content(conn: sqlite3.Connection, document_id: int) -> Content:
    """Everything the reader shows for a document, as blocks in reading order."""
    entry = document(conn, document_id)
    if entry is None:
        raise db.DatabaseError(f"no document with id {document_id}")
    outline = nodes(conn, document_id)
    by_id = {n.id: n for n in outline}
    blocks: list[Block] = [Block("meta", _meta_line(entry))]
    open_columns: list[NodeEntry] = []
    rows = conn.execute(
        # lines that only label metadata (## 政策标题：) are searchable but never shown as text
        "SELECT id, node_id, role, line_start, text FROM passages WHERE document_id = ? AND role != 'label' "
        "ORDER BY ord",
        (document_id,),
    ).fetchall()
    for row in rows:
        node = by_id.get(row["node_id"]) if row["node_id"] is not None else None
        # a 专栏's box closes when reading leaves it
        while open_columns and (node is None or not _inside(node, open_columns[-1], by_id)):
            blocks.append(Block("end", "", open_columns.pop().id))
        if row["role"] == "head" and node is not None:
            if node.kind == "column":
                open_columns.append(node)
                blocks.append(
                    Block("column", row["text"], node.id, row["id"], node.depth, row["line_start"], node.kind)
                )
            else:
                blocks.append(
                    Block(
                        "heading", row["text"], node.id, row["id"], node.depth, row["line_start"], node.kind
                    )
                )
        else:
            blocks.append(
                Block(
                    "para",
                    row["text"],
                    row["node_id"],
                    row["id"],
                    node.depth if node else 0,
                    row["line_start"],
                    node.kind if node else "",
                )
            )
    while open_columns:
        blocks.append(Block("end", "", open_columns.pop().id))
    targets = tuple(
        (r[0], r[1])
        for r in conn.execute(
            "SELECT line, text FROM targets WHERE document_id = ? ORDER BY ord", (document_id,)
        )
    )
    pages = conn.execute("SELECT page_starts FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
    return Content(entry, tuple(blocks), tuple(outline), targets, tuple(json.loads(pages)) if pages else ())


def _inside(node: NodeEntry, column: NodeEntry, by_id: dict[int, NodeEntry]) -> bool:
    current: NodeEntry | None = node
    while current is not None:
        if current.id == column.id:
            return True
        current = by_id.get(current.parent_id) if current.parent_id is not None else None
    return False


def _meta_line(entry: DocEntry) -> str:
    parts = [entry.kind or "", entry.region or ""]
    if entry.period:
        parts.append(f"{entry.period[0]}–{entry.period[1]}")
    parts.append(entry.source)
    return " · ".join(p for p in parts if p)


def occurrence_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each written term, left to right and not overlapping
    itself (as ``str.count`` counts), sorted. The one way the app counts and walks hits."""
    spans = []
    for word in words:
        if not word:
            continue
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + len(word))
    return sorted(spans)


def occurrences(text: str, words: Sequence[str]) -> int:
    """How many ``occurrence_spans`` ``text`` holds."""
    return sum(text.count(w) for w in words if w)


def _occurrences_sql(words: Sequence[str]) -> tuple[str, list[str]]:
    """``occurrences`` as an SQL expression over ``text`` (computed inside SQLite, off the GIL).

    ``replace`` drops every occurrence left to right, as ``str.count`` counts; the lengths are
    taken in bytes (a cast to BLOB only relabels the value), which divide as characters do but
    need no walk through the text to count its characters."""
    terms = [w for w in words if w]
    sql = " + ".join(
        "(length(CAST(text AS BLOB)) - length(CAST(replace(text, ?, '') AS BLOB))) / length(CAST(? AS BLOB))"
        for _ in terms
    )
    return sql or "0", [x for w in terms for x in (w, w)]


def filter_members(conn: sqlite3.Connection, query: str, expanded: Sequence[int] = ()) -> FilterResult:
    """Which documents, and which nodes of the expanded documents, hold ``query``, from the FTS
    index alone (quick even for a single common character); ``counted`` is False: the numbers
    are passages, not occurrences, and are not shown."""
    plans = search.plans_holding_characters(conn, query)
    total: int | None = None
    if plans is not None:
        # one character (the first keystroke): which plans hold it is all the tree needs at once;
        # the passages holding the scarcest of the characters bound the total (never shown)
        doc_counts = dict.fromkeys(plans, 1)
        total = min(search.character_count(conn, ch) for ch in search.terms(query))
    else:
        doc_counts = search.count_by_document(conn, query)
    node_counts = _member_nodes(conn, query, expanded, doc_counts)
    total = sum(doc_counts.values()) if total is None else total
    return FilterResult(query, total, doc_counts, node_counts, counted=False)


def filter_first(
    conn: sqlite3.Connection, query: str, wanted: int, expanded: Sequence[int] = ()
) -> tuple[FilterResult, bool] | None:
    """``filter_members`` for the first ``wanted`` plans holding ``query`` (a screenful: the
    outline narrows before a common word's every match is read), and whether they are all of
    them; None where ``filter_members`` must do (one character, a word checked in the text)."""
    first = search.first_documents(conn, query, wanted)
    if first is None:
        return None
    doc_counts, complete = first
    node_counts = _member_nodes(conn, query, expanded, doc_counts)
    return FilterResult(query, sum(doc_counts.values()), doc_counts, node_counts, counted=False), complete


def _member_nodes(
    conn: sqlite3.Connection, query: str, expanded: Sequence[int], doc_counts: dict[int, int]
) -> dict[int, int]:
    """Per node of the expanded documents, its passages holding ``query`` (its descendants' too)."""
    node_counts: dict[int, int] = {}
    for document_id in sorted(set(expanded) & doc_counts.keys()):
        parents = dict(
            conn.execute("SELECT id, parent_id FROM nodes WHERE document_id = ?", (document_id,)).fetchall()
        )
        owners = dict(
            conn.execute("SELECT id, node_id FROM passages WHERE document_id = ?", (document_id,)).fetchall()
        )
        for passage in search.matching_passages(conn, query, [document_id]):
            current = owners.get(passage)
            while current is not None:
                node_counts[current] = node_counts.get(current, 0) + 1
                current = parents.get(current)
    return node_counts


def _matching(
    conn: sqlite3.Connection, words: Sequence[str], document_id: int | None = None
) -> tuple[str, list[object]]:
    """A WHERE clause over ``passages`` for the passages holding every term: the character
    index narrows (as in search.py; to one document's rowid range, which FTS5 seeks to, when
    ``document_id`` is given), ``instr`` keeps exactly the passages that hold the text. A term
    whose phrase match is a substring match (``segment.is_exact_term``) needs no ``instr``."""
    looked_up = [w for w in words if not segment.is_character_term(w)]
    phrases = [p for p in map(segment.char_phrase, looked_up) if p is not None]
    checked = [w for w in words if not (phrases and w in looked_up and segment.is_exact_term(w))]
    clauses: list[str] = ["instr(text, ?) > 0" for _ in checked]
    args: list[object] = list(checked)
    if document_id is not None:
        span: list[object] = list(db.document_span(conn, document_id))
        clauses.insert(0, "id BETWEEN ? AND ?")
        args[:0] = span
    if phrases:
        index = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
        if document_id is not None:
            clauses.insert(0, f"id IN ({index} AND rowid BETWEEN ? AND ?)")
            args[:0] = [" AND ".join(phrases), *span]
        else:
            clauses.insert(0, f"id IN ({index})")
            args.insert(0, " AND ".join(phrases))
    return " AND ".join(clauses), args


def filter_counts(conn: sqlite3.Connection, query: str, expanded: Sequence[int] = ()) -> FilterResult:
    """Occurrences of ``query`` per document, and per node (with ancestors) for the expanded documents.

    Only passages holding every term count, and in them every occurrence of a term (see
    ``occurrence_spans``): the outline, the reader's counter and 检索 all count this way. One
    statement counts inside SQLite and returns a row per document, so a worker counting tens of
    thousands of passages never competes with the screen for Python's lock row by row.
    """
    words = [w for w in search.terms(query) if w]
    if not words:
        return FilterResult(query, 0)
    if len(words) == 1 and segment.is_character_term(words[0]):
        return _character_counts(conn, query, words[0], expanded)
    count, count_args = _occurrences_sql(words)
    where, where_args = _matching(conn, words)
    doc_counts = {
        r[0]: r[1]
        for r in conn.execute(
            # counted per passage first: grouping the rows directly would sort each passage's text
            # along with its key (LIMIT -1 keeps SQLite from folding the subquery back in)
            f"SELECT document, sum(found) FROM (SELECT document_id AS document, {count} AS found "
            f"FROM passages WHERE {where} LIMIT -1) GROUP BY 1",
            [*count_args, *where_args],
        )
        if r[1]
    }
    node_counts: dict[int, int] = {}
    for document_id in sorted(set(expanded) & doc_counts.keys()):
        node_counts.update(document_node_counts(conn, query, document_id))
    return FilterResult(query, sum(doc_counts.values()), doc_counts, node_counts)


def document_counts(conn: sqlite3.Connection, query: str, document_ids: Sequence[int]) -> dict[int, int]:
    """Occurrences of ``query`` in each of a few documents (the plans on screen, counted before the
    rest of the library), counted as ``filter_counts`` counts; plans without any are left out.
    Each plan is one rowid range of the index, so a plan costs what its own passages cost."""
    words = [w for w in search.terms(query) if w]
    if not words:
        return {}
    count, count_args = _occurrences_sql(words)
    out: dict[int, int] = {}
    for document_id in document_ids:
        where, where_args = _matching(conn, words, document_id)
        found = conn.execute(
            f"SELECT sum({count}) FROM passages WHERE {where}", [*count_args, *where_args]
        ).fetchone()[0]
        if found:
            out[document_id] = found
    return out


def document_node_counts(conn: sqlite3.Connection, query: str, document_id: int) -> dict[int, int]:
    """Occurrences of ``query`` in each node of one document, its descendants' included, counted
    as ``filter_counts`` counts (for a plan opened while a filter is on)."""
    words = [w for w in search.terms(query) if w]
    if not words:
        return {}
    count, count_args = _occurrences_sql(words)
    where, where_args = _matching(conn, words, document_id)
    own = conn.execute(
        f"SELECT node_id, sum({count}) FROM passages WHERE {where} AND node_id IS NOT NULL GROUP BY 1",
        [*count_args, *where_args],
    ).fetchall()
    parents = dict(
        conn.execute("SELECT id, parent_id FROM nodes WHERE document_id = ?", (document_id,)).fetchall()
    )
    node_counts: dict[int, int] = {}
    for node, found in own:
        current: int | None = node
        while current is not None:
            node_counts[current] = node_counts.get(current, 0) + found
            current = parents.get(current)
    return node_counts


# each token of passages_fts where it occurs (a per-connection view of the index; nothing is stored)
_INSTANCES = "temp.plantui_instances"


def _character_counts(
    conn: sqlite3.Connection, query: str, character: str, expanded: Sequence[int]
) -> FilterResult:
    """``filter_counts`` for one character (the first keystroke of most queries, and the most
    frequent): every occurrence of a character starts one pair of the index, so FTS5's instance
    list of the pairs it starts counts them without reading a passage's text (数 at 1000 plans:
    99 ms, reading the text 186 ms)."""
    vocabulary = "fts5vocab(main, passages_fts, instance)"
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_INSTANCES} USING {vocabulary}")
    blocks = conn.execute(
        f"SELECT doc >> {db.BLOCK_BITS}, count(*) FROM {_INSTANCES} WHERE term >= ? AND term < ? GROUP BY 1",
        (character, character + "\U0010ffff"),
    ).fetchall()
    doc_counts = db.documents_of_blocks(conn, blocks)
    node_counts: dict[int, int] = {}
    for document_id in sorted(set(expanded) & doc_counts.keys()):
        # the instance list cannot seek to one document; its text, found by a rowid range, is short
        node_counts.update(document_node_counts(conn, query, document_id))
    return FilterResult(query, sum(doc_counts.values()), doc_counts, node_counts)


def columns(conn: sqlite3.Connection) -> list[ColumnEntry]:
    """Every 专栏 across plans with its plan and the section it belongs to."""
    rows = conn.execute(
        "SELECT n.id, n.document_id, n.parent_id, n.label, n.title, n.line_start, d.title AS doc, "
        "d.page_starts "
        "FROM nodes n JOIN documents d ON d.id = n.document_id WHERE n.kind = 'column' "
        "ORDER BY n.document_id, n.ord"
    ).fetchall()
    names = db.plan_names(conn, {r["document_id"] for r in rows})
    parents = db.node_paths(conn, [r["parent_id"] for r in rows if r["parent_id"] is not None])
    pages: dict[str, tuple[int, ...]] = {}
    for r in rows:
        if r["page_starts"] and r["page_starts"] not in pages:
            pages[r["page_starts"]] = tuple(json.loads(r["page_starts"]))
    return [
        ColumnEntry(
            r["id"],
            r["document_id"],
            names.get(r["document_id"], r["doc"]),
            r["label"],
            r["title"],
            parents.get(r["parent_id"], ("",))[-1],
            r["line_start"],
            page_of(pages[r["page_starts"]], r["line_start"]) if r["page_starts"] else None,
        )
        for r in rows
    ]
