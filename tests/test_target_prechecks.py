"""The quick checks that let target reading skip a clause never skip one that a pattern reads."""

from __future__ import annotations

import re

import pytest

from plantui import patterns as P
from plantui.parse import parse_text
from plantui.read import read_file
from plantui.targets import words as W
from plantui.targets.sentences import CLAUSE_END, SENTENCE_END
from support import FIXTURES, SEEDS

TIME_MARKERS = (
    W.FUTURE_YEAR,
    W.PAST_YEAR,
    W.PAST_WORDS,
    W.FIVE_YEAR_PERIOD,
    W.THIS_YEAR,
    W.NEXT_FIVE_YEARS,
    W.PERIOD_END,
)


def _clauses() -> list[str]:
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        texts.append((path.read_text(encoding="utf-8"), path.name))
    for path in sorted((FIXTURES / "real" / "docs").glob("*.*")):
        _, source = read_file(path)
        texts.append(("\n".join(block.text for block in source.blocks), path.name))
    out = []
    for text, name in texts:
        doc = parse_text(text, name)
        for para, _, _ in doc.paragraphs():
            for sentence in SENTENCE_END.split(P.fold(para.text)):
                out += [c for c in CLAUSE_END.split(sentence) if c]
    return out


@pytest.fixture(scope="module")
def clauses() -> list[str]:
    return _clauses()


def _marks_time(clause: str) -> bool:
    return any(p.search(clause) for p in TIME_MARKERS) or bool(W.BARE_YEAR.match(clause.strip()))


def _counts(clause: str) -> bool:
    amounts = any(m.group("num") or m.group("bare") for m in W.QUANTITY.finditer(clause))
    doubling = W.DOUBLING.search(clause) or W.DOUBLED.search(clause)
    return amounts or bool(W.PERCENT_WORDS.search(clause) or doubling)


def test_time_precheck_passes_every_clause_a_marker_reads(clauses: list[str]) -> None:
    marked = [c for c in clauses if _marks_time(c)]
    assert len(marked) > 300  # the corpus has them: the check below is not vacuous
    assert [c for c in marked if not W.MAY_MARK_TIME.search(c)] == []


def test_count_precheck_passes_every_clause_with_an_amount(clauses: list[str]) -> None:
    counted = [c for c in clauses if _counts(c)]
    assert len(counted) > 300
    assert [c for c in counted if not W.MAY_COUNT.search(c)] == []


@pytest.mark.parametrize(
    "clause",
    [
        "到二〇三五年",
        "截至2019年底",
        "2018年",
        "今年以来",
        "今后五年",
        "“十四五”时期",
        "规划期末",
        "到规划末期",
        "经过5年努力",
        "近年来",
        "已经建成",
        "同比增长",
        "较上年提高",
        "去年",
        "2025年前",
    ],
)
def test_each_marker_example_passes(clause: str) -> None:
    assert _marks_time(clause), clause
    assert W.MAY_MARK_TIME.search(clause)


@pytest.mark.parametrize(
    "clause", ["翻一番", "百分之五十", "千家万户", "增长6%以上", "万亿", "５Ｇ基站１万个"]
)
def test_each_amount_example_passes(clause: str) -> None:
    folded = P.fold(clause)
    assert _counts(folded) or not re.search(r"\d", folded)
    assert W.MAY_COUNT.search(folded)


def test_a_sentence_on_the_present_after_a_quoted_plan_period_holds_no_target() -> None:
    """Seed 001 (河北 数字经济 plan), line 21: the 建议 it quotes names “十四五”期间, then 当前，…
    对经济增长的贡献率达到60%以上 states where things stand, not a 2025 target."""
    from plantui.parse import parse_source
    from plantui.targets import extract_targets

    path = next(SEEDS.glob("001_*.txt"))
    doc = parse_source(read_file(path)[1], path.name)
    assert not [t for t in extract_targets(doc) if t.line == 21]
