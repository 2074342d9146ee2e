"""The filter's counts (browse.filter_counts, document_counts, document_node_counts) against a plain Python
substring count over the stored passages of the seeds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plantui import browse

# real queries: common and rare words, single characters (the first keystroke), a prefix and its
# extension, two terms, cased letters and digits, punctuation alone, a term that can overlap itself
QUERIES = [
    "数",
    "的",
    "数字",
    "数字经",
    "数字经济",
    "发展",
    "数据",
    "区块链",
    "人工智能",
    "高质量发展",
    "数字 经济",
    "创新 数据 平台",
    "5G",
    "5g",
    "AI",
    "，",
    "（一）",
    "%",
    "２０",
    "00",
    "没有这个词",
]


def _expected(conn: sqlite3.Connection, query: str) -> tuple[dict[int, int], dict[int, dict[int, int]]]:
    words = [w for w in query.split() if w]
    parents: dict[int, int | None] = dict(conn.execute("SELECT id, parent_id FROM nodes").fetchall())
    docs: dict[int, int] = {}
    nodes: dict[int, dict[int, int]] = {}
    for document_id, node_id, text in conn.execute("SELECT document_id, node_id, text FROM passages"):
        if not all(w in text for w in words):
            continue
        found = sum(text.count(w) for w in words)
        docs[document_id] = docs.get(document_id, 0) + found
        current = node_id
        while current is not None:
            per = nodes.setdefault(document_id, {})
            per[current] = per.get(current, 0) + found
            current = parents[current]
    return {d: n for d, n in docs.items() if n}, nodes


@pytest.mark.parametrize("query", QUERIES)
def test_counts_equal_a_substring_count(seeded: sqlite3.Connection, query: str) -> None:
    docs, nodes = _expected(seeded, query)
    all_documents = [r[0] for r in seeded.execute("SELECT id FROM documents")]
    result = browse.filter_counts(seeded, query, all_documents)
    assert result.doc_counts == docs
    assert result.total == sum(docs.values())
    assert result.node_counts == {n: c for per in nodes.values() for n, c in per.items()}
    for document_id in all_documents:
        assert browse.document_node_counts(seeded, query, document_id) == nodes.get(document_id, {})
    # the plans on screen, counted before the rest: the same numbers, plans without any left out
    for some in (all_documents[:2], all_documents[1:], [all_documents[-1], all_documents[0]]):
        assert browse.document_counts(seeded, query, some) == {d: docs[d] for d in some if d in docs}


def test_the_queries_find_something(seeded: sqlite3.Connection) -> None:
    """The comparison above is not vacuous: most queries occur in the seeds, some many times."""
    totals = [browse.filter_counts(seeded, q).total for q in QUERIES]
    assert sum(1 for t in totals if t) >= len(QUERIES) - 4
    assert max(totals) > 1000


def test_a_self_overlapping_term_counts_without_overlap(seeded: sqlite3.Connection) -> None:
    """``str.count`` does not overlap: a run of three of a doubled character counts once."""
    text = next(t for (t,) in seeded.execute("SELECT text FROM passages") if len(t) > 4)
    doubled = text[0] * 2
    docs, _ = _expected(seeded, doubled)
    assert browse.filter_counts(seeded, doubled).doc_counts == docs


def test_the_outline_tells_plans_of_the_same_name_apart(tmp_path: Path) -> None:
    """The app's outline lists the plans by browse.documents: two 政府工作报告 of 国务院 and two
    converters' copies of the untitled 2024 北京 report are each named so that one can tell them apart."""
    from plantui import db
    from plantui.importer import import_paths

    fixtures = Path(__file__).resolve().parent / "fixtures"
    files = [
        fixtures / "real" / "docs" / "report_state_council_2013.txt",
        fixtures / "real" / "docs" / "report_state_council_2017.txt",
        fixtures / "converted" / "docs" / "pdf_beijing_gov_work_report_2024_markitdown.md",
        fixtures / "converted" / "docs" / "pdf_beijing_gov_work_report_2024_pymupdf4llm.md",
        fixtures / "real" / "docs" / "report_anhui_2026.txt",
    ]
    conn = db.connect(tmp_path / "p.db")
    import_paths(conn, [str(f) for f in files], workers=1)
    shown = [d.shown for d in browse.documents(conn)]
    assert len(shown) == len(set(shown)) == 5
    assert "政府工作报告 · 全国 2013" in shown and "政府工作报告 · 全国 2017" in shown
    assert "2026年安徽省政府工作报告" in shown
    untitled = sorted(s for s in shown if s.startswith("〔无标题〕"))
    # the part of the file names that differs, not their long common beginning
    assert [s.rsplit(" · ", 1)[1] for s in untitled] == ["markitdown", "pymupdf4llm"]
    conn.close()
