"""Query → hits: every passage that contains the query exactly as written, best first.

Each whitespace-separated term becomes a phrase of character pairs in ``passages_fts``
(see segment.py), which matches exactly the passages containing the term. Where the
tokenizer is lossy (cased letters, punctuation) the candidates are checked against the
text, so every hit contains every term. The count is always exact (counted inside FTS5).
Hits rank by how often the terms occur (saturating as bm25 does, a heading's own text
counting double); with a ``limit``, a query matching more than ``CANDIDATES`` passages ranks
a bounded set of candidates drawn evenly from the whole library instead of every match, so
a common word costs the same as a rare one. Query syntax characters are taken literally;
``raw=True`` hands the query to FTS5 over jieba's words (``passages_words``) unchanged.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from plantui import db, segment
from plantui.blocks import page_of
from plantui.snippets import find_spans as find_spans
from plantui.snippets import snippet as snippet
from plantui.snippets import window as window

# With a limit, at most this many matches are read and ranked (drawn from _SPREAD equal slices
# of the library, so the best hits of a common word come from every part of it, not the first plans)
CANDIDATES = 200
_SPREAD = 20
_ONE_PASS = 10  # up to this many times CANDIDATES matches are listed in one pass and sampled
# up to this many passages a character's candidates come from its pairs, beyond it from a scan
# of slices (measured at 10,000 plans: 40,000 passages cost either way about 10 ms)
_PREFIX_MOST = 40_000
_MATCH = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
_K1 = 1.2  # bm25's saturation: the 2nd occurrence in a passage counts less than the 1st
_HEAD = 2.0  # a heading's own text weighs double


class SearchError(Exception):
    """A query that cannot run (only raw FTS5 queries can be malformed)."""


@dataclass(frozen=True)
class Hit:
    """One passage that matches, with where it sits in its plan."""

    passage_id: int
    document_id: int
    source: str
    title: str
    node_id: int | None
    kind: str
    path: tuple[str, ...]
    line_start: int
    line_end: int
    text: str
    words: tuple[str, ...]  # what was looked for: the snippet is cut around it when asked for
    score: float
    name: str = ""  # the plan's name for people (naming.py): its title, or 〔无标题〕 and first words
    page: int | None = None  # the PDF page the passage starts on

    @property
    def snippet(self) -> str:
        """A window of the text around the first hit (made on demand: piped output of 46,000
        hits never asks for it)."""
        return snippet(self.text, self.words)

    def as_json(self) -> dict[str, object]:
        extra: dict[str, object] = {"page": self.page} if self.page is not None else {}
        return {
            "document": self.document_id,
            "source": self.source,
            "title": self.title,
            "name": self.name or self.title,
            "path": list(self.path),
            "kind": self.kind,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            **extra,
        }


@dataclass(frozen=True)
class SearchResult:
    query: str
    count: int
    hits: tuple[Hit, ...]

    def as_json(self) -> dict[str, object]:
        return {"query": self.query, "count": self.count, "hits": [h.as_json() for h in self.hits]}


def terms(query: str) -> list[str]:
    """The terms of a plain query: whitespace separates terms that must all occur."""
    return query.split()


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int | None = None,
    documents: Sequence[int] | None = None,
    raw: bool = False,
) -> SearchResult:
    """Find passages for ``query``; ``count`` is the number of matching passages in all."""
    words = terms(query)
    if not words and not raw:
        return SearchResult(query, 0, ())
    rows, count = (
        _raw_rows(conn, query, documents, limit) if raw else _plain_rows(conn, words, documents, limit)
    )
    hits = tuple(_hits(conn, rows, [] if raw else words))
    return SearchResult(query, count, hits)


def matching_passages(
    conn: sqlite3.Connection, query: str, documents: Sequence[int] | None = None
) -> list[int]:
    """Ids, ascending, of every passage containing all terms of ``query`` (for filters and counts)."""
    words = terms(query)
    if not words:
        return []
    expression, exact = _expression(words)
    if expression is None:
        sql, args = _scan(conn, "p.id", words, documents)
        return sorted(r[0] for r in conn.execute(sql, args))
    if exact and documents is None:
        rows = conn.execute(_MATCH + " ORDER BY rowid", (expression,)).fetchall()
        return [r[0] for r in rows]
    if exact and documents is not None:
        # a document's passages are one rowid range, which FTS5 can seek to
        found: list[int] = []
        for document_id in sorted(documents):
            first, last = db.document_span(conn, document_id)
            found += [
                r[0]
                for r in conn.execute(
                    _MATCH + " AND rowid BETWEEN ? AND ? ORDER BY rowid", (expression, first, last)
                )
            ]
        return sorted(found)
    sql = (
        "SELECT p.id, p.text FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
        "WHERE passages_fts MATCH ?"
    )
    sql, args = _with_documents(sql, [expression], documents, "p.document_id")
    return sorted(r[0] for r in conn.execute(sql, args) if exact or _contains_all(r[1], words))


def plans_holding_characters(conn: sqlite3.Connection, query: str) -> list[int] | None:
    """For a query of single characters only (数, 数 据): the plans that hold every one, from
    plan_chars, without reading a passage; None for any other query."""
    words = terms(query)
    if not words or not all(segment.is_character_term(w) for w in words):
        return None
    return _plans_with(conn, words)


def count_by_document(conn: sqlite3.Connection, query: str) -> dict[int, int]:
    """How many passages of each document contain every term of ``query``."""
    words = terms(query)
    if not words:
        return {}
    expression, exact = _expression(words)
    shift = db.BLOCK_BITS
    if expression is not None and exact:
        # counted per block inside SQLite: a few thousand rows to put together, not every match;
        # a phrase of several pairs in two halves of the library at once (see _count_all)
        sql = f"SELECT rowid >> {shift}, count(*) FROM passages_fts WHERE passages_fts MATCH ?"
        span = _halves_span(conn, expression)
        if span is None:
            return db.documents_of_blocks(conn, conn.execute(sql + " GROUP BY 1", (expression,)))
        halves = sql + " AND rowid >= ? AND rowid < ? GROUP BY 1"
        return db.documents_of_blocks(conn, db.rows_in_halves(conn, halves, [expression], *span))
    blocks: dict[int, int] = {}
    for passage in matching_passages(conn, query):
        blocks[passage >> shift] = blocks.get(passage >> shift, 0) + 1
    return db.documents_of_blocks(conn, blocks.items())


def first_documents(conn: sqlite3.Connection, query: str, wanted: int) -> tuple[dict[int, int], bool] | None:
    """``count_by_document`` for the first ``wanted`` documents in the index's order (the order
    plans were imported, as listed), read from the start of the match list and stopped there;
    and whether that is every document. None where a match must be checked against the text
    (``count_by_document`` then). A common word's first screenful costs a few hundred matches,
    not every one in the library."""
    words = terms(query)
    expression, exact = _expression(words) if words else (None, False)
    if expression is None or not exact:
        return None
    starts, documents = db.block_documents(conn)
    found: dict[int, int] = {}
    rows = conn.execute(
        f"SELECT rowid >> {db.BLOCK_BITS} FROM passages_fts WHERE passages_fts MATCH ?", (expression,)
    )
    for (block,) in rows:
        index = bisect.bisect_right(starts, block) - 1
        if index < 0:
            continue
        document_id = documents[index]
        if document_id not in found and len(found) >= wanted:
            return found, False
        found[document_id] = found.get(document_id, 0) + 1
    return found, True


def _expression(words: Sequence[str]) -> tuple[str | None, bool]:
    """The FTS5 expression over ``chars`` and whether its matches need no text check."""
    phrases = []
    exact = True
    for word in words:
        if not any(segment.is_token_char(ch) for ch in word) or segment.is_character_term(word):
            # only punctuation or symbols, or one character (a prefix of every pair it starts
            # costs seconds for a common one): check the text
            exact = False
            continue
        exact = exact and segment.is_exact_term(word)
        phrase = segment.char_phrase(word)
        if phrase is not None:
            phrases.append(phrase)
    if not phrases:
        return None, False
    return " AND ".join(phrases), exact


def _with_documents(
    sql: str, args: list[object], documents: Sequence[int] | None, column: str
) -> tuple[str, list[object]]:
    if documents is None:
        return sql, args
    marks = ",".join("?" * len(documents))
    joiner = " AND " if " WHERE " in sql else " WHERE "
    return sql + f"{joiner}{column} IN ({marks})", [*args, *documents]


_COLUMNS = "p.id, p.document_id, p.node_id, p.role, p.line_start, p.line_end, p.text"


def _plain_rows(
    conn: sqlite3.Connection, words: Sequence[str], documents: Sequence[int] | None, limit: int | None
) -> tuple[list[dict[str, Any]], int]:
    expression, exact = _expression(words)
    if expression is None:
        return _scan_rows(conn, words, documents, limit)
    if exact and documents is None and limit is not None:
        return _top_rows(conn, words, expression, limit)
    sql = (
        f"SELECT {_COLUMNS} FROM passages p "
        "WHERE p.id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?)"
    )
    sql, args = _with_documents(sql, [expression], documents, "p.document_id")
    rows = [dict(r) for r in conn.execute(sql, args)]
    if not exact:
        rows = [r for r in rows if _contains_all(r["text"], words)]
    ranked = _ranked(rows, words)
    return (ranked[:limit] if limit is not None else ranked), len(ranked)


def _top_rows(
    conn: sqlite3.Connection, words: Sequence[str], expression: str, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """The best ``limit`` hits among at most CANDIDATES matches, and the exact total count."""
    bound = max(CANDIDATES, limit)
    # one pass answers a word found up to _ONE_PASS times: its count, and candidates taken at
    # even steps through its matches (a list of a few thousand ids costs less than a second pass)
    ids = [r[0] for r in conn.execute(_MATCH + " LIMIT ?", (expression, _ONE_PASS * bound + 1))]
    count = len(ids)
    if bound < count <= _ONE_PASS * bound:
        ids = ids[:: -(-count // bound)]
    elif count > bound:  # a common word: count every match, rank candidates from every slice
        count = _count_all(conn, expression)
        sql = _MATCH + " AND rowid >= ? AND rowid < ? LIMIT ?"
        ids = [
            r[0]
            for start, end, share in _slices(conn, bound)
            for r in conn.execute(sql, (expression, start, end, share))
        ]
    return _rows_of(conn, ids, words)[:limit], count


def _count_all(conn: sqlite3.Connection, expression: str) -> int:
    """Every match of ``expression`` (in two halves at once where _halves_span says so)."""
    span = _halves_span(conn, expression)
    if span is None:
        return int(conn.execute(f"SELECT count(*) FROM ({_MATCH})", (expression,)).fetchone()[0])
    sql = f"SELECT count(*) FROM ({_MATCH} AND rowid >= ? AND rowid < ?)"
    return db.count_in_halves(conn, sql, [expression], *span)


def _halves_span(conn: sqlite3.Connection, expression: str) -> tuple[int, int] | None:
    """The passage ids over which to read every match of ``expression`` in two halves at once
    (store/halves.py), or None to read it whole. A phrase of several pairs costs a pass over each
    pair's positions (25 ms for 互联网 at 10,000 plans), worth splitting over both cores; a single
    pair is a plain list, cheaper read whole (and the id range is not looked up for it)."""
    if " " not in expression:
        return None
    low, high = _id_range(conn)
    return None if low is None or high is None else (low, high)


def _id_range(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
    """The lowest and highest passage id (None, None in an empty library)."""
    # two subqueries: each is one b-tree seek, where min() and max() in one SELECT scan the table
    low, high = conn.execute(
        "SELECT (SELECT min(id) FROM passages), (SELECT max(id) FROM passages)"
    ).fetchone()
    return low, high


def _slices(conn: sqlite3.Connection, bound: int) -> list[tuple[int, int, int]]:
    """_SPREAD equal id ranges [start, end) over the library and how many candidates to take
    from each, so the best hits of a common term come from every part of it, not the first plans."""
    low, high = _id_range(conn)
    if low is None or high is None:
        return []
    step = (high - low) // _SPREAD + 1
    share = bound // _SPREAD + 1
    return [(start, start + step, share) for start in range(low, high + 1, step)]


def _ranked(rows: list[dict[str, Any]], words: Sequence[str]) -> list[dict[str, Any]]:
    """Rows with a ``score`` (negative, lower is better, as FTS5's bm25), best first.

    Every term adds its occurrences saturated as bm25 does (tf·(k1+1)/(tf+k1)), doubled in a
    heading's own text; passages are not penalised for length (as with columnsize=0 before).
    """
    for row in rows:
        text = row["text"]
        weight = _HEAD if row["role"] == "head" else 1.0
        total = 0.0
        for word in words:
            found = text.count(word) if word else 0
            total += weight * found * (_K1 + 1) / (found + _K1)
        row["score"] = -total
    rows.sort(key=lambda r: (r["score"], r["id"]))
    return rows


def _scan_rows(
    conn: sqlite3.Connection, words: Sequence[str], documents: Sequence[int] | None, limit: int | None
) -> tuple[list[dict[str, Any]], int]:
    """Terms the pair index does not look up (single characters, punctuation): the text of the
    plans that hold every such character (plan_chars) is read. One character alone with a
    limit: its count is kept (char_counts) and its best hits are ranked among candidates."""
    if len(words) == 1 and segment.is_character_term(words[0]) and documents is None and limit is not None:
        return _character_rows(conn, words[0], limit)
    sql, args = _scan(conn, _COLUMNS, words, documents)
    rows = _ranked([dict(r) for r in conn.execute(sql, args)], words)
    return (rows[:limit] if limit is not None else rows), len(rows)


def _scan(
    conn: sqlite3.Connection, columns: str, words: Sequence[str], documents: Sequence[int] | None
) -> tuple[str, list[object]]:
    """The SELECT of ``columns`` over the passages holding every term, read in their text, in
    the plans that hold every single-character term (plan_chars) and are among ``documents``."""
    plans = _plans_with(conn, [w for w in words if segment.is_character_term(w)])
    if documents is not None:
        wanted = set(documents)
        plans = [d for d in plans if d in wanted] if plans is not None else sorted(wanted)
    where = " AND ".join("instr(p.text, ?) > 0" for _ in words)
    if plans is None:
        return f"SELECT {columns} FROM passages p WHERE {where}", list(words)
    marks = ",".join("?" * len(plans))
    return f"SELECT {columns} FROM passages p WHERE p.document_id IN ({marks}) AND {where}", [*plans, *words]


def _plans_with(conn: sqlite3.Connection, characters: Sequence[str]) -> list[int] | None:
    """The plans holding every one of ``characters`` (None: no character to narrow by)."""
    if not characters:
        return None
    expression = " AND ".join(f'"{ch}"' for ch in characters)
    rows = conn.execute("SELECT rowid FROM plan_chars WHERE plan_chars MATCH ? ORDER BY rowid", (expression,))
    return [r[0] for r in rows]


def character_count(conn: sqlite3.Connection, character: str) -> int:
    """How many passages hold ``character`` (kept with every document written)."""
    row = conn.execute("SELECT passages FROM char_counts WHERE ch = ?", (character,)).fetchone()
    return int(row[0]) if row is not None else 0


def _character_rows(conn: sqlite3.Connection, character: str, limit: int) -> tuple[list[dict[str, Any]], int]:
    """One character: its exact count from char_counts, and candidates to rank. Where it is not
    common, every pair it starts (a prefix query, a few ms below _PREFIX_MOST passages), taken
    at even steps; a common one is met at once in every part of the library, so the first few
    passages holding it in each of _SPREAD slices (a prefix query would merge the lists of
    thousands of pairs: 0.2-0.3 s for 业 at 10,000 plans)."""
    count = character_count(conn, character)
    bound = max(CANDIDATES, limit)
    if count <= _PREFIX_MOST:
        ids = [r[0] for r in conn.execute(_MATCH, (f'"{character}"*',))]
        return _rows_of(conn, ids[:: -(-len(ids) // bound) or 1], [character])[:limit], count
    sql = f"SELECT {_COLUMNS} FROM passages p WHERE p.id >= ? AND p.id < ? AND instr(p.text, ?) > 0 LIMIT ?"
    rows = [
        dict(r)
        for start, end, share in _slices(conn, bound)
        for r in conn.execute(sql, (start, end, character, share))
    ]
    return _ranked(rows, [character])[:limit], count


def _rows_of(conn: sqlite3.Connection, ids: list[int], words: Sequence[str]) -> list[dict[str, Any]]:
    """The passages ``ids``, ranked."""
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(ids), 900):
        marks = ",".join("?" * len(chunk))
        rows += [
            dict(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM passages p WHERE p.id IN ({marks})", chunk)
        ]
    return _ranked(rows, words)


def _raw_rows(
    conn: sqlite3.Connection, query: str, documents: Sequence[int] | None, limit: int | None
) -> tuple[list[dict[str, Any]], int]:
    """FTS5 syntax over jieba's words (AND, OR, NOT, prefix*); phrases need a plain query."""
    select = (
        "SELECT p.id, p.document_id, p.node_id, p.role, p.line_start, p.line_end, p.text, "
        "bm25(passages_words) AS score FROM passages_words JOIN passages p ON p.id = passages_words.rowid "
        "WHERE passages_words MATCH ?"
    )
    sql, args = _with_documents(select, [query], documents, "p.document_id")
    try:
        rows = [dict(r) for r in conn.execute(sql + " ORDER BY score, p.id", args)]
    except sqlite3.OperationalError as exc:
        raise SearchError(f"--raw query {query!r}: {raw_error(str(exc))}") from None
    return (rows[:limit] if limit is not None else rows), len(rows)


_RAW_ERRORS = (
    (
        "phrase queries are not supported",
        'a phrase ("数字 经济") cannot be matched: --raw searches jieba\'s words, which keep no '
        "positions; search the phrase without --raw to find it exactly as written",
    ),
    (
        "NEAR queries are not supported",
        "NEAR cannot be used: --raw searches jieba's words, which keep no positions; "
        "search the words without --raw to find passages holding all of them",
    ),
    ("unterminated string", 'a " opens a phrase that is never closed'),
    ("unknown special query", "* must follow a word (数字*)"),
    ('syntax error near ""', "the query ends where a word was expected (after AND, OR, NOT or a bracket)"),
)


def raw_error(message: str) -> str:
    """An SQLite FTS5 error about a --raw query, in words a user can act on."""
    for needle, words in _RAW_ERRORS:
        if needle in message:
            return words
    if message.startswith("no such column: "):
        column = message.removeprefix("no such column: ")
        return (
            f"a colon names a column, and the word index has no column {column!r}; "
            "without --raw a colon is an ordinary character"
        )
    near = message.removeprefix("fts5: ")
    if near.startswith("syntax error near "):
        where = near.removeprefix("syntax error near ")
        return f'not valid FTS5 syntax at {where} (quote a word that is an operator: "AND")'
    return f"not valid FTS5 syntax ({near})"


def _contains_all(text: str, words: Iterable[str]) -> bool:
    return all(word in text for word in words)


def _hits(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]], words: Sequence[str]) -> list[Hit]:
    documents: dict[int, tuple[str, str]] = {}
    pages: dict[int, tuple[int, ...]] = {}
    nodes: dict[int, tuple[str, tuple[str, ...]]] = {}
    node_ids = {r["node_id"] for r in rows if r["node_id"] is not None}
    paths = db.node_paths(conn, node_ids)
    for chunk in _chunks(sorted(node_ids), 900):
        marks = ",".join("?" * len(chunk))
        for n in conn.execute(f"SELECT id, kind FROM nodes WHERE id IN ({marks})", chunk):
            nodes[n[0]] = (n[1], paths.get(n[0], ()))
    for d in {r["document_id"] for r in rows}:
        row = conn.execute(
            "SELECT d.title, min(s.path), d.page_starts FROM documents d LEFT JOIN sources s "
            "ON s.document_id = d.id WHERE d.id = ?",
            (d,),
        ).fetchone()
        documents[d] = (row[0], row[1] or "")
        pages[d] = tuple(json.loads(row[2])) if row[2] else ()
    names = db.plan_names(conn, documents)
    hits = []
    for r in rows:
        title, source = documents[r["document_id"]]
        kind, path = nodes.get(r["node_id"], ("preamble", ()))
        hits.append(
            Hit(
                r["id"],
                r["document_id"],
                source,
                title,
                r["node_id"],
                kind,
                path,
                r["line_start"],
                r["line_end"],
                r["text"],
                tuple(words),
                float(r["score"]),
                names.get(r["document_id"], title),
                page_of(pages[r["document_id"]], r["line_start"]),
            )
        )
    return hits


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
