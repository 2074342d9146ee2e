"""Indicator tables laid out in columns by a PDF's text extraction (pdftotext -layout), read by
the meaning of each token: the 主要指标 table of a 纲要.

    类别          指标名称          单位     2020 年     2025 年               属性
          地区生产总值              亿元     17826.56 26000 左右 7 左右
        第一产业增加值           亿元     2539.88     3250   5 左右
    2 人均地区生产总值             元      47000 70000 左右    7 左右         预期性
    经济 3 制造业增加值占地区生产总值比重       %       19          25 以上             预期性
    创新    每万人口高价值发明专利拥有量增
       13                      %       11         —          15 左右   预期性
          长

A row is a line where a unit is followed by values: the indicator stands before the unit (a
row number and 类别 words before it), the values fill the columns the header names in order
(2020 年, 2025 年, 年均增速); `—` is an empty cell. Lines without values are pieces of wrapped
cells: a row without an indicator takes the pieces above it and as many below (每万人口…增 /
row / 长); a row whose indicator is a wrapped tail (比率) takes the long pieces above it. Short
pieces alone (增长, 保障) are 类别 words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from plantui import patterns as P
from plantui.models import Paragraph, Target
from plantui.targets import words as W
from plantui.targets.cells import RATE_WORDS, SPACE, YEAR_IN_HEADER, read_value, split_unit

_TOKEN = re.compile(r"\S+")


_HEADER_MAX = 40  # a header line is short: 类别 指标名称 单位 2020 年 2025 年 属性


_QUALIFIERS = ("左右", "以上", "以内", "以下")


_VALUE = re.compile(r"^(?:每年)?[≥≤<>]?[\[(]?\d+(?:\.\d+)?[\])]?(?:左右|以上|以内|以下)?$|^[-—–/]+$")


_INTEGER = re.compile(r"^\d{1,3}$")


_ATTRIBUTE = re.compile(r"^(?:预期性|约束性)$")


_CATEGORY = re.compile(r"^[\u4e00-\u9fff]{1,2}$")


_UNITS = frozenset((*W.UNITS, "吨标准煤", "标准煤"))


_MAGNITUDE = re.compile(r"^(?:万亿|亿|万|千|百)")


_TAIL = 3  # an indicator this short on its row is the end of a wrapped cell (比率)


_GROWTH = re.compile(r"增长|增速|增幅")


@dataclass
class _Row:
    line: int
    para: Paragraph
    indicator: str
    unit: str
    values: list[str]
    attribute: str | None
    wants: int = 0  # pieces it takes from below


@dataclass
class LayoutTable:
    """A table read: its caption, value columns (base year, target year, a rate column), rows."""

    caption: str
    base: int | None
    target: int | None
    rate: bool
    rows: list[_Row] = field(default_factory=list)


def source_lines(paragraphs: Sequence[Paragraph]) -> list[tuple[str, int, Paragraph]]:
    """The source lines of ``paragraphs``, undoing the joining of hard-wrapped lines."""
    out = []
    for para in paragraphs:
        cuts = [0, *(offset for offset, _ in para.breaks), len(para.text)]
        lines = [para.line, *(line for _, line in para.breaks)]
        for start, end, line in zip(cuts, cuts[1:], lines, strict=False):
            out.append((para.text[start:end].strip(), line, para))
    return out


def layout_tables(
    paragraphs: Sequence[Paragraph], reference: int | None
) -> tuple[list[LayoutTable], set[int]]:
    """The column-laid tables among ``paragraphs``, and the paragraph lines they take."""
    found: list[LayoutTable] = []
    taken: set[int] = set()
    if not any("单位" in p.text and "指标" in p.text for p in paragraphs):
        return found, taken
    lines = source_lines(paragraphs)
    index = 0
    while index < len(lines):
        if "单位" not in lines[index][0]:
            index += 1
            continue
        squashed = SPACE.sub("", P.fold(lines[index][0]))
        years = [int(m.group("y")) for m in YEAR_IN_HEADER.finditer(squashed)]
        if not (years and "单位" in squashed and "指标" in squashed and len(squashed) <= _HEADER_MAX):
            index += 1
            continue
        near = " ".join(t for t, _, _ in lines[max(0, index - 2) : index + 3])
        first = min(years)
        base = first if len(set(years)) >= 2 and (reference is None or first <= reference) else None
        caption = next((t for t, _, _ in reversed(lines[max(0, index - 4) : index]) if "指标" in t), "")
        table = LayoutTable(caption, base, max(years), bool(RATE_WORDS.search(near)))
        end = _rows(lines, index + 1, table)
        if len(table.rows) >= 2:
            found.append(table)
            taken |= {para.line for _, _, para in lines[index:end]}
        index = max(end, index + 1)
    return found, taken


def _rows(lines: list[tuple[str, int, Paragraph]], start: int, table: LayoutTable) -> int:
    """Read the rows after a header into ``table``; where the table ends."""
    pending: list[str] = []
    index = start
    while index < len(lines):
        text, line, para = lines[index]
        folded = P.fold(text)
        if folded.startswith("注") or folded.endswith("。"):
            break
        tokens = _tokens(text)
        if _repeated_header(folded) or not tokens:
            index += 1
            continue
        row = _row(tokens, line, para)
        if row is None:
            piece = _piece(tokens)
            if len(piece) > _HEADER_MAX:
                break  # prose: the table has ended
            if piece:
                pending.append(piece)
            index += 1
            continue
        rows = table.rows
        if rows and rows[-1].wants:
            rows[-1].indicator += "".join(pending[: rows[-1].wants])
            pending = pending[rows[-1].wants :]
        long = [p for p in pending if len(p) > 2]
        if not row.indicator:
            # a cell wrapped around its row: as many pieces above as below, one each in practice
            # (a short piece alone is a 类别 word or the tail of the row above: 保障, 求)
            row.indicator, row.wants = "".join(long or pending), 1 if pending else 0
        elif len(row.indicator) <= _TAIL:
            # 县级及以上城市空气质量优良天数 / 20 比率: one piece above; more is a tangle of cells
            row.indicator = long[0] + row.indicator if len(long) == 1 else ""
        pending = []
        rows.append(row)
        index += 1
    if table.rows and table.rows[-1].wants:
        table.rows[-1].indicator += "".join(pending[: table.rows[-1].wants])
    return index


def _repeated_header(folded: str) -> bool:
    squashed = SPACE.sub("", folded)
    return (
        "指标名称" in squashed
        or (squashed[-2:] == "属性" and "单位" in squashed)
        or bool(RATE_WORDS.search(squashed) and not any(c.isdigit() for c in squashed))
    )


def _tokens(text: str) -> list[str]:
    """The cells of a line as written: 26000 左右 is one, 每年 6000 以上 one, （500 万元口径） one."""
    out: list[str] = []
    for match in _TOKEN.finditer(P.fold(text)):
        token = text[match.start() : match.end()]
        last = P.fold(out[-1]) if out else ""
        if out and (match.group() in _QUALIFIERS or last == "每年" or _open(last)):
            out[-1] += token
        else:
            out.append(token)
    return out


def _open(token: str) -> bool:
    return token.count("(") > token.count(")")


def _is_unit(token: str) -> bool:
    token = P.fold(token)
    return _MAGNITUDE.sub("", token) in _UNITS or token in _UNITS


def _is_value(token: str) -> bool:
    return bool(_VALUE.match(P.fold(token)))


def _row(tokens: list[str], line: int, para: Paragraph) -> _Row | None:
    attribute = next((t for t in tokens if _ATTRIBUTE.match(t)), None)
    tokens = [t for t in tokens if not _ATTRIBUTE.match(t)]
    unit = next((i for i in range(len(tokens) - 1) if _is_unit(tokens[i]) and _is_value(tokens[i + 1])), None)
    if unit is None:
        return None
    values = []
    for token in tokens[unit + 1 :]:
        if not _is_value(token):
            break
        values.append(token)
    head = tokens[:unit]
    number = next((i for i, t in enumerate(head) if _INTEGER.match(P.fold(t))), None)
    if number is not None:
        head = head[number + 1 :]  # 经济 3 制造业增加值…: the 类别 and the row number
    indicator = "".join(head).lstrip("#")
    return _Row(line, para, indicator, tokens[unit], values, attribute)


def _piece(tokens: list[str]) -> str:
    """The indicator's part of a line without values: no row number, 属性 or 类别 word."""
    tokens = [t for t in tokens if not _ATTRIBUTE.match(t)]
    if tokens and _INTEGER.match(P.fold(tokens[0])):
        tokens = tokens[1:]
    if len(tokens) >= 2 and _CATEGORY.match(tokens[0]):
        tokens = tokens[1:]  # 创新 每万人口高价值发明专利拥有量增
    return "".join(tokens).lstrip("#")


def layout_targets(table: LayoutTable, path: tuple[str, ...], default_year: int | None) -> list[Target]:
    """One target per row for the target year, one for the rate column (年均增速, in %)."""
    out: list[Target] = []
    year = table.target if table.target is not None else default_year
    if year is None:
        return out
    for row in table.rows:
        columns = ["base"] if table.base is not None else []
        columns += ["target", "rate"] if table.rate else ["target"]
        cells = dict(zip(columns, row.values, strict=False))
        if not row.indicator or "target" not in cells:
            continue
        factor, unit = split_unit(row.unit)
        base = read_value(cells["base"]) if "base" in cells else None
        text = " ".join([row.indicator, row.unit, *row.values, row.attribute or ""]).strip()
        for column in ("target", "rate"):
            cell = read_value(cells[column]) if column in cells else None
            if cell is None:
                continue
            rate = column == "rate"
            name = row.indicator + ("" if not rate or _GROWTH.search(row.indicator) else "年均增长")
            scale = 1.0 if rate else factor
            out.append(
                Target(
                    year=year,
                    indicator=name + (f"（{cell.label}）" if cell.label else ""),
                    value=cell.value * scale,
                    unit="%" if rate else unit or cell.unit,
                    text=text,
                    line=row.line,
                    value_max=cell.value_max * scale if cell.value_max is not None else None,
                    comparator=cell.comparator,
                    baseline_year=table.base if base is not None and not rate else None,
                    baseline_value=base.value * factor if base is not None and not rate else None,
                    attribute=row.attribute,
                    path=path,
                )
            )
    return out
