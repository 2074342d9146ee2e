"""Segmentation: rjieba with our dictionary gives Python jieba's words on real plans."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plantui import segment
from plantui.parse import parse_text
from support import FIXTURES, SEEDS


def _paragraphs(path_text: str, name: str) -> list[str]:
    return [p.text for p, _, _ in parse_text(path_text, name).paragraphs()]


def _jieba_words(text: str) -> str:
    tokenizer = segment.python_jieba()
    return " ".join(w for w in tokenizer.cut(text) if any(segment.is_token_char(ch) for ch in w))


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt"))[:2], ids=lambda p: p.name)
def test_words_are_python_jiebas_on_seeds(path: Path) -> None:
    for text in _paragraphs(path.read_text(encoding="utf-8"), path.name):
        assert segment.words(text) == _jieba_words(text), text


def test_number_runs_split_as_jieba_splits_them() -> None:
    # real lines: a medical notice's units, a plan's period, a decimal heading, a date field
    for text in (
        "加任意时间血浆葡萄糖≥11.1mmol/L（200 mg/dl），或空腹血糖",
        "河北省数字经济发展规划（2020-2025年）",
        "1.1.1 综合经济实力大幅提升。",
        "发布日期:2022-02-16",
        "推进NB-IoT在水、电、气表智能计量，建成5G基站1万个、IPv6",
    ):
        assert segment.words(text) == _jieba_words(text)
    assert "NB-IoT" in segment.words("推进NB-IoT在水表中的应用").split()


def test_real_markdown_export_agrees() -> None:
    path = FIXTURES / "real" / "docs" / "reg_shanghai_data_regulation_2021.md"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    differing = [line for line in lines if segment.words(line) != _jieba_words(line)]
    assert differing == []


def test_chars_pair_every_character_with_the_next_and_mark_the_rest() -> None:
    mark = segment.PLACEHOLDER
    assert segment.chars("5G基站，") == f"5G G基 基站 站{mark} {mark}"
    assert segment.chars("数，，“字") == f"数{mark} {mark} 字{mark}"  # a run of marks is one mark
    assert segment.chars("") == ""
    text = "".join(chr(c) for c in range(0x20, 0x3000, 7))
    seen = "".join(ch if segment.is_token_char(ch) else mark for ch in text)
    while mark * 2 in seen:
        seen = seen.replace(mark * 2, mark)
    expected = " ".join(mark if ch == mark else seen[i : i + 2].ljust(2, mark) for i, ch in enumerate(seen))
    assert segment.chars(text) == expected


def test_a_term_is_the_phrase_of_its_pairs_and_a_character_every_pair_it_starts() -> None:
    assert segment.char_phrase("数字经济") == '"数字 字经 经济"'
    assert segment.char_phrase("数") == '"数"*'
    assert segment.char_phrase("5G，") == f'"5G G{segment.PLACEHOLDER}"'
    assert segment.char_phrase("，5G") == f'"{segment.PLACEHOLDER} 5G"'
    assert segment.char_phrase("5，G") == f'"5{segment.PLACEHOLDER} {segment.PLACEHOLDER} G"*'
    assert segment.char_phrase("，。") is None  # nothing the index holds: the text is read


def test_fingerprint_names_the_segmenter() -> None:
    assert segment.backend() in ("rjieba", "jieba")
    assert len(segment.fingerprint()) == 16


def _table_chars(text: str) -> str:
    """``chars`` through the translation table only (the path for text beyond the BMP)."""
    seen = segment._characters(text)
    if not seen:
        return ""
    mark = segment.PLACEHOLDER
    return " ".join(mark if ch == mark else seen[i : i + 2].ljust(2, mark) for i, ch in enumerate(seen))


def test_the_fast_path_of_chars_agrees_with_the_table_everywhere() -> None:
    # every BMP character (surrogates included), in runs that mix kept and dropped ones, and the
    # placeholder written in the text itself next to punctuation
    mark = segment.PLACEHOLDER
    for start in range(0, 0x10000, 97):
        text = "".join(chr(c) for c in range(start, min(start + 97, 0x10000)))
        assert segment.chars(text) == _table_chars(text), hex(start)
    for text in (f"数{mark}，{mark}据", f"，{mark}", f"{mark}{mark}字", "𠀀数，😀", "a😀，b"):
        assert segment.chars(text) == _table_chars(text), text


def test_chars_agree_with_the_table_on_real_plans() -> None:
    lines = []
    for path in sorted((FIXTURES / "real" / "docs").glob("*.md"))[:20]:
        lines += path.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 2000
    assert [segment.chars(line) for line in lines] == [_table_chars(line) for line in lines]


def _tokens(conn: sqlite3.Connection, text: str) -> list[tuple[str, int]]:
    conn.execute("DELETE FROM t")
    conn.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (text,))
    return [(r[0], r[1]) for r in conn.execute("SELECT term, offset FROM v ORDER BY offset")]


def test_the_word_index_holds_the_same_tokens_as_the_words() -> None:
    # index_words keeps the punctuation words drops: the tokenizer drops them in turn, so each
    # passage gives the index the same terms at the same positions
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    path = FIXTURES / "real" / "docs" / "reg_shanghai_data_regulation_2021.md"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += [
        "加任意时间血浆葡萄糖≥11.1mmol/L（200 mg/dl），或空腹血糖",
        "“十四五”——2020-2025年，NB-IoT、5G。",
    ]
    for line in lines:
        assert _tokens(conn, segment.index_words(line)) == _tokens(conn, segment.words(line)), line
