"""Line breaks: Chinese line breaking (避头尾) by terminal cells, and text a PDF converter hard-wrapped\nor a font left with ASCII marks read back as the document wrote it."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from plantui.linebreak import NO_END, NO_START, cells, wrap
from plantui.marks import restore
from plantui.parse import parse_text
from support import outline_rows

TEXT = "到2025年，数字经济核心产业增加值占GDP比重达到10%以上，建设“数字河北”，培育（一批）龙头企业。"


def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_one() -> None:
    for width in range(8, 60):
        lines = wrap(TEXT, width)
        assert "".join(lines) == TEXT
        assert all(cells(line) <= width for line in lines)
        assert not any(line[0] in NO_START for line in lines[1:]), (width, lines)
        assert not any(line[-1] in NO_END for line in lines[:-1]), (width, lines)


def test_numbers_and_latin_words_stay_whole() -> None:
    lines = wrap("建设基站达到70000个，推动IPv6规模部署", 14)
    assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in itertools.pairwise(lines))
    assert any("IPv6" in line for line in lines) and any("70000" in line for line in lines)


def test_first_line_may_be_shorter() -> None:
    lines = wrap("一" * 30, 20, first=10)
    assert [cells(line) for line in lines] == [10, 20, 20, 10]


plan_chars = st.lists(
    st.sampled_from(list("数字经济，。、；：（）“”《》1234567890abc %…")), max_size=120
).map("".join)


@given(plan_chars, st.integers(min_value=6, max_value=50))
def test_any_text_keeps_every_character_and_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cells(line) <= width for line in lines)


# --- text as a PDF converter or a font left it (benchmarks/perturb.py makes such text) ---

REAL = Path(__file__).parent / "fixtures" / "real" / "docs"
# a font without Chinese punctuation writes ，。：；（） as ASCII
ASCII_FONT = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")"})


def _excerpt(name: str, first: int, last: int) -> list[str]:
    """Lines ``first``–``last`` (1-based, inclusive) of a file of the real corpus."""
    return (REAL / name).read_text(encoding="utf-8").split("\n")[first - 1 : last]


def _titles(text: str) -> list[tuple[str, str, str]]:
    return [(row[1], row[2], row[3]) for row in outline_rows(parse_text(text).outline)]


def test_brackets_a_font_wrote_as_ascii_are_read_as_chinese_again() -> None:
    # plan_beijing_ecological_security_pattern_2021_pdf.txt:118-157, the 规划依据 list
    lines = _excerpt("plan_beijing_ecological_security_pattern_2021_pdf.txt", 118, 157)
    text = "\n".join(lines).translate(ASCII_FONT)
    assert "（" not in text
    titles = dict(((kind, label), title) for kind, label, title in _titles(text) if kind == "item")
    assert titles["item", "1"] == "《中华人民共和国城乡规划法》（2019 年修正）"
    assert titles["item", "11"] == "《国土空间调查、规划、用途管制用地用海分类指南（试行）》（2020 年）"
    # a bracket opened on one line and closed on the next
    assert titles["item", "18"] == "《北京市湿地保护发展规划（2021-2035 年）》（2021年）"


def test_marks_after_numbers_and_latin_are_chinese_but_a_latin_bracket_stays() -> None:
    # notice_multi_guangzhou_outpatient_special_diseases_2019.txt:981 (a fragment), ASCII font
    line = "(一)血浆总胆固醇浓度>5.17mmol/L(200mg/dl);(二)血浆三酰甘油浓度>2.3mmol/L(200mg/dl)."
    assert (
        restore(line)
        == "（一）血浆总胆固醇浓度>5.17mmol/L(200mg/dl)；（二）血浆三酰甘油浓度>2.3mmol/L(200mg/dl)。"
    )
    assert (
        restore("地区生产总值年均增速4.5%-5%,努力争取更好结果")
        == "地区生产总值年均增速4.5%-5%，努力争取更好结果"
    )
