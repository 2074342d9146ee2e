"""Search: every passage that contains the query, and nothing else, ranked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plantui.search import matching_passages, search, snippet
from support import SEEDS

QUERIES = [
    "数字经济",
    "工业互联网",
    "专栏",
    "5G",
    "区块链",
    "云",
    "互联网+",
    "IPv6",
    "NB-IoT",
    "到2025年",
    "字经",
    "（一）",
    "。",
    "数据 人才",
    "g",
]


def _truth(conn: sqlite3.Connection, query: str) -> set[int]:
    words = query.split()
    return {r[0] for r in conn.execute("SELECT id, text FROM passages") if all(w in r[1] for w in words)}


@pytest.mark.parametrize("query", QUERIES)
def test_hits_are_exactly_the_passages_that_contain_the_query(seeded: sqlite3.Connection, query: str) -> None:
    result = search(seeded, query)
    assert {h.passage_id for h in result.hits} == _truth(seeded, query)
    assert result.count == len(result.hits)
    assert set(matching_passages(seeded, query)) == _truth(seeded, query)


def test_syntax_characters_are_literal(seeded: sqlite3.Connection) -> None:
    for query in ['"', "AND", "OR NOT", "NEAR(", "*", "^", "a:b", "(", ")", "😀", '数据"', "x" * 10_000]:
        result = search(seeded, query)
        assert {h.passage_id for h in result.hits} == _truth(seeded, query)


def test_ranking_puts_dense_and_heading_hits_first(seeded: sqlite3.Connection) -> None:
    hits = search(seeded, "区块链").hits
    assert hits[0].score <= hits[-1].score
    assert any("区块链" in h.text for h in hits[:3])


@pytest.mark.parametrize("query", ["数据", "区块链"])
def test_limit_keeps_the_total_count(seeded: sqlite3.Connection, query: str) -> None:
    from plantui.search import CANDIDATES

    full = search(seeded, query)
    limited = search(seeded, query, limit=3)
    assert len(limited.hits) == 3 and limited.count == full.count
    if full.count <= CANDIDATES:  # every match ranked: the same order as without a limit
        assert [h.passage_id for h in limited.hits] == [h.passage_id for h in full.hits[:3]]
    else:  # candidates ranked: as good as any hit of the full list can be
        assert limited.hits[0].score <= full.hits[-1].score


def test_hits_carry_breadcrumb_and_lines(seeded: sqlite3.Connection) -> None:
    hit = next(h for h in search(seeded, "积极开展区块链技术研究").hits)
    assert hit.path == ("四、主要任务", "（六）加快发展新一代信息技术产业", "专栏十：区块链发展专项行动")
    assert (hit.kind, hit.line_start, hit.line_end) == ("column", 280, 280)
    assert hit.source.endswith("000_92c45eb8100875c9.txt")


def test_document_filter(seeded: sqlite3.Connection) -> None:
    one = seeded.execute("SELECT document_id FROM sources WHERE name LIKE '000%'").fetchone()[0]
    hits = search(seeded, "区块链", documents=[one]).hits
    assert hits and {h.document_id for h in hits} == {one}


def test_snippet_marks_every_hit() -> None:
    assert snippet("发展区块链，推广区块链应用", ["区块链"]) == "发展[区块链]，推广[区块链]应用"
    long = "甲" * 50 + "区块链" + "乙" * 80
    assert snippet(long, ["区块链"]).startswith("…") and snippet(long, ["区块链"]).endswith("…")


def test_raw_query_reports_bad_syntax(seeded: sqlite3.Connection) -> None:
    from plantui.search import SearchError

    assert search(seeded, "区块链 OR 人工智能", raw=True).count > search(seeded, "区块链", raw=True).count > 0
    with pytest.raises(SearchError):
        search(seeded, '"unbalanced', raw=True)


def test_a_heading_outranks_a_body_mention(seeded: sqlite3.Connection) -> None:
    hits = search(seeded, "布局区块链").hits
    assert hits[0].kind == "item" and hits[0].text.startswith("7.布局区块链")


@pytest.mark.parametrize("query", ["区块链", "数据", "5G", "互联网+", "（一）", "数据 人才"])
def test_counts_per_document_match_a_substring_scan(seeded: sqlite3.Connection, query: str) -> None:
    from plantui.search import count_by_document

    truth: dict[int, int] = {}
    words = query.split()
    for document_id, text in seeded.execute("SELECT document_id, text FROM passages"):
        if all(w in text for w in words):
            truth[document_id] = truth.get(document_id, 0) + 1
    assert count_by_document(seeded, query) == truth
    one = next(iter(truth))
    assert len(matching_passages(seeded, query, [one])) == truth[one]


def test_hits_name_untitled_plans_by_their_first_words(seeded: sqlite3.Connection) -> None:
    hits = search(seeded, "两化融合").hits
    untitled = [h for h in hits if h.title.startswith("002_")]
    assert untitled and all(h.name.startswith("〔无标题〕") for h in untitled)
    assert all(h.as_json()["name"] == h.name for h in hits)


@pytest.mark.parametrize("candidates", [10, 30])  # 数据's 207 passages: sampled by slices, in one pass
def test_a_common_word_ranks_candidates_from_the_whole_library(
    seeded: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, candidates: int
) -> None:
    import plantui.search as search_module

    full = search(seeded, "数据")
    monkeypatch.setattr(search_module, "CANDIDATES", candidates)
    limited = search(seeded, "数据", limit=5)
    assert limited.count == full.count == len(_truth(seeded, "数据")) > 10
    assert len(limited.hits) == 5 and all("数据" in h.text for h in limited.hits)
    assert [h.score for h in limited.hits] == sorted(h.score for h in limited.hits)
    wider = search(seeded, "数据", limit=full.count)  # a limit past the count ranks every match
    assert [h.passage_id for h in wider.hits] == [h.passage_id for h in full.hits]
    spread = {h.document_id for h in search(seeded, "数据", limit=10).hits}
    assert len(spread) > 1


@pytest.mark.parametrize("query", ["数字经济", "工业互联网", "信息基础设施", "数字化转型"])
def test_a_common_phrase_counted_in_halves_counts_every_match(
    seeded: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    # few candidates make these common: their count goes through the two halves at once
    import plantui.search as search_module
    from plantui.store import halves

    calls: list[int] = []
    real = halves.count_in_halves
    monkeypatch.setattr(search_module.db, "count_in_halves", lambda *a: calls.append(1) or real(*a))
    monkeypatch.setattr(search_module, "CANDIDATES", 1)
    monkeypatch.setattr(search_module, "_ONE_PASS", 1)
    result = search(seeded, query, limit=1)
    assert result.count == len(_truth(seeded, query)) > 2
    assert calls == [1]


def test_halves_read_the_file_now_at_the_path(tmp_path: Path) -> None:
    # a library removed and made anew at the same path is counted afresh, not from the old file
    from plantui import db
    from plantui.importer import import_paths
    from plantui.store.halves import count_in_halves

    path = tmp_path / "lib.db"
    sql = "SELECT count(*) FROM passages WHERE instr(text, ?) > 0 AND id >= ? AND id < ?"
    counts = []
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        for leftover in tmp_path.glob("lib.db*"):
            leftover.unlink()
        conn = db.connect(path)
        import_paths(conn, [str(seed)], workers=1)
        low, high = conn.execute("SELECT min(id), max(id) FROM passages").fetchone()
        counts.append(count_in_halves(conn, sql, ["数字"], low, high))
        truth = conn.execute("SELECT count(*) FROM passages WHERE instr(text, '数字') > 0").fetchone()[0]
        assert counts[-1] == truth
        conn.close()
    assert counts[0] != counts[1]


def test_an_interrupted_count_in_halves_stops_both_halves(seeded_path: Path) -> None:
    # the app interrupts a stale query on its connection: the half on the second connection
    # is interrupted (or never started) as well, and the next count is whole again
    from plantui import db
    from plantui.store import halves

    conn = db.connect(seeded_path, create=False, readonly=True)
    sql = "SELECT count(*) FROM passages WHERE instr(text, ?) > 0 AND id >= ? AND id < ?"
    low, high = conn.execute("SELECT min(id), max(id) FROM passages").fetchone()
    conn.set_progress_handler(lambda: 1, 100)  # every statement on this connection is interrupted
    with pytest.raises(sqlite3.OperationalError):
        halves.count_in_halves(conn, sql, ["数字"], low, high)
    conn.set_progress_handler(None, 100)
    truth = conn.execute("SELECT count(*) FROM passages WHERE instr(text, '数字') > 0").fetchone()[0]
    assert halves.count_in_halves(conn, sql, ["数字"], low, high) == truth
    conn.close()
