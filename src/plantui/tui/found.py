"""What was found, as Markdown for ``e``: the hits of 检索 and the filtered outline; pure apart
from the read queries of ``outline_markdown``."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from plantui import browse, search


def _marked(text: str, words: list[str]) -> str:
    """``text`` with every hit in bold."""
    out, cursor = [], 0
    for start, end in search.find_spans(text, words):
        out += [text[cursor:start], "**", text[start:end], "**"]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def hits_markdown(result: search.SearchResult, names: Mapping[int, str]) -> str:
    """Every hit of a search, grouped by plan, each with its breadcrumb, lines and whole passage."""
    words = search.terms(result.query)
    plans = {h.document_id for h in result.hits}
    total = sum(browse.occurrences(h.text, words) for h in result.hits)  # counted as the app counts
    lines = [f"# 检索：{result.query}", "", f"共 {total} 处 · {result.count} 段 · {len(plans)} 篇", ""]
    current: int | None = None
    for hit in sorted(result.hits, key=lambda h: (h.document_id, h.line_start)):
        if hit.document_id != current:
            current = hit.document_id
            lines += [f"## {names.get(hit.document_id, hit.title)}", ""]
            if hit.source:
                lines += [f"来源：{hit.source}", ""]
        where = " › ".join(hit.path) or "（前言）"
        span = f"{hit.line_start}" if hit.line_end == hit.line_start else f"{hit.line_start}–{hit.line_end}"
        page = f"，第 {hit.page} 页" if hit.page is not None else ""
        lines += [f"### {where}（第 {span} 行{page}）", "", _marked(hit.text, words), ""]
    return "\n".join(lines)


def outline_markdown(conn: sqlite3.Connection, query: str, names: Mapping[int, str]) -> str:
    """The outline narrowed to the branches holding ``query``, with hit counts, as nested lists."""
    counts = browse.filter_counts(conn, query)
    counts = browse.filter_counts(conn, query, list(counts.doc_counts))
    lines = [
        f"# 目录：{query}",
        "",
        f"共 {counts.total} 处 · {len(counts.doc_counts)} 篇",
        "",
    ]
    for document_id, hits in counts.doc_counts.items():
        lines.append(f"- **{names.get(document_id, str(document_id))}** ({hits})")
        depth: dict[int, int] = {}
        for node in browse.nodes(conn, document_id):
            found = counts.node_counts.get(node.id)
            if not found:
                continue
            level = depth.get(node.parent_id, 0) + 1 if node.parent_id is not None else 1
            depth[node.id] = level
            lines.append(f"{'  ' * level}- {node.display} ({found}) · 第 {node.line} 行")
    return "\n".join(lines) + "\n"
