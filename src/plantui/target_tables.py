"""Indicator tables → Targets: 指标 | 2020年 | 2025年 | 属性, one target per row.

A table is a run of rows (pipe- or tab-separated) in one node whose header names year
columns. The last year is the target, the first the baseline; a unit comes from a 单位
column or the brackets after the indicator (地区生产总值增长（%）).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plantui import patterns as P
from plantui.models import Paragraph, Target
from plantui.numerals import MAGNITUDES

YEAR_HEADER = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*年?")
NUMBER = re.compile(r"(?P<a>\d+(?:\.\d+)?)(?:\s*[-~]\s*(?P<b>\d+(?:\.\d+)?))?")
UNIT_IN_BRACKETS = re.compile(r"[(（](?P<u>[^()（）]{1,8})[)）]\s*$")
_SYMBOLS = (("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), (">", ">"), ("<", "<"))


def cells(text: str) -> list[str] | None:
    """The cells of a table row, or None when the text is not one."""
    folded = P.fold(text)
    if folded.count("|") >= 2 or (folded.count("|") == 1 and not folded.startswith("|")):
        parts = folded.strip().strip("|").split("|")
    elif "\t" in text:
        parts = text.split("\t")
    else:
        return None
    # cut the original text at the same places: fold keeps offsets
    out, cursor, source = [], 0, text.strip()
    if folded.strip().startswith("|"):
        source = source[1:]
    for part in parts:
        out.append(source[cursor : cursor + len(part)].strip())
        cursor += len(part) + 1
    return out if len(out) >= 2 else None


def table_targets(
    paragraphs: Sequence[Paragraph], reference: int | None, path: tuple[str, ...], default_year: int | None
) -> list[Target]:
    """Targets from every indicator table among ``paragraphs``."""
    out: list[Target] = []
    run: list[tuple[Paragraph, list[str]]] = []
    for para in [*paragraphs, None]:
        row = cells(para.text) if para is not None else None
        if row is not None and para is not None:
            run.append((para, row))
            continue
        if len(run) >= 2:
            out += _table(run, reference, path)
        run = []
    return out


def _table(
    rows: list[tuple[Paragraph, list[str]]], reference: int | None, path: tuple[str, ...]
) -> list[Target]:
    header_index = next((i for i, (_, r) in enumerate(rows) if _year_columns(r)), None)
    if header_index is None:
        return []
    header = rows[header_index][1]
    years = _year_columns(header)
    target_col, target_year = max(years, key=lambda c: c[1])
    if reference is not None and target_year < reference:
        return []
    base_col, base_year = min(years, key=lambda c: c[1])
    indicator_col = _column(header, ("指标", "名称", "项目", "内容")) or _first_text_column(header, years)
    unit_col = _column(header, ("单位",))
    attribute_col = _column(header, ("属性", "性质", "类型"))
    out = []
    for para, row in rows[header_index + 1 :]:
        if len(row) < len(header):
            continue
        indicator = row[indicator_col].strip() if indicator_col is not None else ""
        if not indicator or YEAR_HEADER.match(indicator):
            continue
        unit = row[unit_col].strip() if unit_col is not None else ""
        bracket = UNIT_IN_BRACKETS.search(indicator)
        if bracket:
            unit = unit or bracket.group("u")
            indicator = indicator[: bracket.start()].strip()
        factor, unit = _unit(unit)
        value = _value(row[target_col])
        if value is None:
            continue
        number, number_max, comparator = value
        baseline = _value(row[base_col]) if base_col != target_col else None
        attribute = row[attribute_col].strip() if attribute_col is not None else None
        out.append(
            Target(
                year=target_year,
                indicator=indicator,
                value=number * factor,
                unit=unit,
                text=para.text,
                line=para.line,
                value_max=number_max * factor if number_max is not None else None,
                comparator=comparator,
                baseline_year=base_year if baseline else None,
                baseline_value=baseline[0] * factor if baseline else None,
                attribute=attribute or None,
                path=path,
            )
        )
    return out


def _year_columns(row: list[str]) -> list[tuple[int, int]]:
    found = []
    for index, cell in enumerate(row):
        match = YEAR_HEADER.match(P.fold(cell).strip())
        if match:
            found.append((index, int(match.group("y"))))
    return found


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
    for index, cell in enumerate(header):
        if any(w in cell for w in words):
            return index
    return None


def _first_text_column(header: list[str], years: list[tuple[int, int]]) -> int | None:
    taken = {c for c, _ in years}
    for index, cell in enumerate(header):
        if index not in taken and "序号" not in cell and "类别" not in cell:
            return index
    return None


def _unit(unit: str) -> tuple[float, str]:
    """``亿元`` → (1e8, 元), ``万个`` → (1e4, 个), ``%`` → (1, %)."""
    unit = P.fold(unit).strip()
    for word in ("万亿", "亿", "万", "千"):
        if unit.startswith(word) and len(unit) > len(word):
            return float(MAGNITUDES[word]), unit[len(word) :]
    return 1.0, unit


def _value(cell: str) -> tuple[float, float | None, str] | None:
    folded = P.fold(cell).strip()
    match = NUMBER.search(folded)
    if match is None:
        return None
    comparator = "="
    for symbol, name in _SYMBOLS:
        if symbol in folded[: match.start()]:
            comparator = name
            break
    if "以上" in folded:
        comparator = ">="
    elif "左右" in folded:
        comparator = "~"
    elif "以下" in folded or "以内" in folded:
        comparator = "<="
    number_max = float(match.group("b")) if match.group("b") else None
    return float(match.group("a")), number_max, comparator
