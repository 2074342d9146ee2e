"""``plantui search``: every passage that contains the query. On a terminal the best hits
with the total, wrapped by the Chinese rules; piped, every hit on a line of its own."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantui.cli.common import Failure, connect, resolve, terminal
from plantui.textsafe import json_text

if TYPE_CHECKING:
    from rich.console import Console

SHOWN = 10  # hits shown per query on a terminal unless --all or --limit


def search(
    db_path: Path,
    queries: list[str],
    *,
    as_json: bool = False,
    batch: bool = False,
    limit: int | None = None,
    show_all: bool = False,
    doc: list[str] | None = None,
    raw: bool = False,
) -> int:
    """Answer each query; the exit status: 0 when something was found, else 1 (as grep).
    In a ``batch`` (--from-file) a query that cannot run is reported and the others go on."""
    from plantui.search import SearchError
    from plantui.search import search as run

    conn = connect(db_path)
    documents = resolve(conn, doc) if doc else None
    console = None if as_json else terminal()
    shown = limit if limit is not None else (SHOWN if console is not None and not show_all else None)
    found = False
    plain: dict[int, str] = {}  # each plan's name without the suffix that tells namesakes apart
    for text in queries:
        try:
            result = run(conn, text, limit=shown, documents=documents, raw=raw)
        except SearchError as exc:
            if not batch:
                raise
            _query_error(text, str(exc), as_json)
            continue
        found = found or result.count > 0
        if as_json:
            sys.stdout.write(json_text(_stable_names(conn, result.as_json(), plain)) + "\n")
        elif console is not None:
            _print_hits(console, result, limit is None and not show_all)
        else:
            _write_hit_lines(result, prefix=batch)
    return 0 if found else 1


def _stable_names(conn: Any, record: dict[str, Any], plain: dict[int, str]) -> dict[str, Any]:
    """A query's JSON with each hit's ``name`` as in every other JSON output: the plan's name
    without the suffix that tells namesakes apart (that depends on which plans the hits are in;
    ``document`` tells them apart for a script)."""
    from plantui import db

    missing = {hit["document"] for hit in record["hits"]} - plain.keys()
    if missing:
        plain.update(db.plan_names(conn, missing, distinct=False))
    for hit in record["hits"]:
        hit["name"] = plain.get(hit["document"], hit["name"])
    return record


def read_queries(source: str) -> list[str]:
    """One query a line from a file, or from standard input for ``-``."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Failure(f"cannot read queries from {source}: {exc}") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def _query_error(query: str, message: str, as_json: bool) -> None:
    """One query of a batch cannot run: say so, and go on with the others."""
    from plantui.textsafe import printable_line

    if as_json:
        sys.stdout.write(json_text({"query": query, "error": message, "count": 0, "hits": []}) + "\n")
    sys.stderr.write(f"plantui: {printable_line(message)}\n")


def where(hit: Any) -> str:
    """file:line (and the page of a PDF): where to find a hit in the file the user holds."""
    where = f"{os.path.basename(hit.source)}:{hit.line_start}" + (
        f"-{hit.line_end}" if hit.line_end != hit.line_start else ""
    )
    return where + (f" p.{hit.page}" if getattr(hit, "page", None) is not None else "")


def _write_hit_lines(result: Any, *, prefix: bool) -> None:
    """Piped: one hit a line, never wrapped or cut: [query TAB] file:lines TAB plan › path TAB text.
    Tabs and newlines inside a field become spaces; control characters are made visible, in one
    pass over all the lines (tens of thousands of hits)."""
    from plantui.textsafe import printable

    if not result.hits:
        return
    head = _one_line(result.query) + "\t" if prefix else ""
    names: dict[str, str] = {}
    crumbs: dict[tuple[str, ...], str] = {}
    lines = []
    for hit in result.hits:
        name = names.get(hit.source)
        if name is None:
            name = names[hit.source] = _one_line(os.path.basename(hit.source))
        place = f"{name}:{hit.line_start}"
        if hit.line_end != hit.line_start:
            place += f"-{hit.line_end}"
        if getattr(hit, "page", None) is not None:
            place += f" p.{hit.page}"
        parts = (hit.name or hit.title, *hit.path)
        crumb = crumbs.get(parts)
        if crumb is None:
            crumb = crumbs[parts] = " › ".join(_one_line(p) for p in parts)
        lines.append(f"{head}{place}\t{crumb}\t{_one_line(hit.text)}")
    sys.stdout.write(printable("\n".join(lines)) + "\n")


def _one_line(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ") if "\t" in text or "\n" in text else text


def _print_hits(console: Console, result: Any, capped: bool) -> None:
    """On a terminal: the query and its count, then each hit's breadcrumb and snippet, wrapped
    with a hanging indent by the Chinese rules."""
    from rich.text import Text

    from plantui.cli.layout import print_wrapped
    from plantui.search import find_spans, terms
    from plantui.textsafe import printable_line

    head = Text()
    head.append(printable_line(result.query), style="bold")
    if not result.count:
        head.append("  没有找到。")
    elif len(result.hits) < result.count:
        more = "（--all 显示全部）" if capped else ""
        head.append(f"  共 {result.count} 处，显示最相关的 {len(result.hits)} 处{more}")
    else:
        head.append(f"  共 {result.count} 处")
    print_wrapped(console, head, 0, 2)
    words = terms(result.query)
    for hit in result.hits:
        line = Text()
        line.append(printable_line(hit.name or hit.title), style="cyan")
        for part in hit.path:
            line.append(" › " + printable_line(part), style="dim")
        line.append("  " + where(hit), style="dim")
        print_wrapped(console, line, 2, 4)
        body = printable_line(_snippet_text(hit.text, words))
        snippet = Text(body)
        for s, e in find_spans(body, words):
            snippet.stylize("bold yellow", s, e)
        print_wrapped(console, snippet, 4, 0)


def _snippet_text(text: str, words: list[str], width: int = 90) -> str:
    from plantui.search import window

    return text if len(text) <= width else window(text, words, width, before=20)
