"""linebreak: Chinese line breaking (避头尾) by terminal cells."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from plantui.linebreak import NO_END, NO_START, cells, wrap

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
