"""plantui's datasette plugin: the passages search box finds what ``plantui search`` finds.

datasette turns ``?_search=区块链`` into ``passages_fts MATCH escape_fts('区块链')``. The index
holds at every character the pair it starts (segment.py), so on a plantui database this plugin's
``escape_fts`` writes each whitespace-separated term as the phrase of its pairs, exactly as
plantui.search does; where a term has letters with case or punctuation (which the tokenizer folds),
a filter checks the text as well. Databases that are not plantui's keep datasette's own
``escape_fts``. Loaded by ``plantui serve``, and by any ``datasette`` run in the same environment
(entry point ``datasette: plantui``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar, cast

import datasette
from datasette.filters import FilterArguments

from plantui import segment

F = TypeVar("F", bound=Callable[..., Any])


def hookimpl(**options: bool) -> Callable[[F], F]:
    """datasette's hookimpl marker, typed (it returns the function unchanged)."""
    return cast(Callable[[F], F], datasette.hookimpl(**options))


SEARCHABLE = ("passages", "passages_fts")  # tables whose search box reads passages_fts


def is_plantui(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('passages_fts', '_sqlite_migrations', 'passages')"
    ).fetchone()
    return bool(found[0] == 3)


def fts_query(query: str) -> str:
    """The FTS5 query over ``passages_fts`` for a query written as a user writes it: every term a
    phrase of character pairs (a term of punctuation only matches every passage with punctuation,
    and the text filter keeps the right ones)."""
    anything = '"' + segment.PLACEHOLDER + '"*'
    phrases = [segment.char_phrase(term) or anything for term in query.split()]
    return " AND ".join(phrases) if phrases else '""'


def needs_text_check(query: str) -> bool:
    return not all(segment.is_exact_term(term) for term in query.split())


def contains_all(text: str | None, query: str) -> int:
    return int(text is not None and all(term in text for term in query.split()))


@hookimpl(trylast=True)  # after datasette's own prepare_connection, so this escape_fts wins
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    if database.startswith("_") or not is_plantui(conn):
        return
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("plantui_contains_all", 2, contains_all, deterministic=True)


@hookimpl()
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    query = request.args.get("_search")
    if table not in SEARCHABLE or not query or not needs_text_check(query):
        return None
    if request.args.get("_searchmode") == "raw":
        return None
    return FilterArguments(["plantui_contains_all(text, :plantui_search)"], params={"plantui_search": query})
