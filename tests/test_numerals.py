"""Chinese numerals and amounts."""

from __future__ import annotations

import pytest

from plantui.numerals import chinese_to_number, label_number, parse_amount


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("九", 9),
        ("十", 10),
        ("十三", 13),
        ("二十", 20),
        ("二十一", 21),
        ("一百零一", 101),
        ("12", 12),
        ("⑤", 5),
        ("⑶", 3),
        ("㈢", 3),
    ],
)
def test_label_number(label: str, number: int) -> None:
    assert label_number(label) == number


def test_year_in_chinese_digits() -> None:
    assert chinese_to_number("二〇二五") == 2025


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7万", 70_000),
        ("2.6万亿", 2.6e12),
        ("3000亿", 3e11),
        ("两千", 2000),
        ("万", 10_000),
        ("1.5", 1.5),
        ("三千五百万", 35_000_000),
    ],
)
def test_parse_amount(text: str, value: float) -> None:
    assert parse_amount(text) == pytest.approx(value)


def test_parse_amount_rejects_words() -> None:
    assert parse_amount("若干") is None
