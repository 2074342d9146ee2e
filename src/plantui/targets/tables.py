"""Indicator tables → Targets: 指标 | 2020年 | 2025年 | 属性, one target per row.

This module finds the tables and walks their rows; cells.py reads a header and a row.

A table comes in one of two forms:

- rows with separators (``a | b | c`` from a reader or Markdown, or tab-separated), read
  by position under their header;
- flattened to one cell a line (a Word or web table pasted as text: 序号 / 指标 / 预期值 / 属性
  each on its own line, then 1 / 生产安全事故死亡人数 / 下降15% / 约束性 …), read by meaning:
  rows start at their sequence numbers, the indicator is the longest cell that is not a
  value, the values fill the header's value columns in order.

The header names the value columns: years (2020年, 2025年目标, 其中：2021年任务) and words
(预期值, 目标值, 计划任务). The earliest year is the baseline when it is not after the year the
plan speaks from (or it is called 现状/基期); every other value column gives a target, a
column without a year taking the five-year plan the caption names (表3 “十四五”…主要指标) or
the year around the table. A unit comes from a 单位 column, the brackets after the indicator
(城市防洪达标率（%）) or the value itself (下降15%).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from plantui import patterns as P
from plantui.models import Paragraph, Target
from plantui.targets.cells import (
    HEADER_CELL_MAX,
    RATE_WORDS,
    SPACE,
    YEAR_HEADER,
    YEAR_IN_HEADER,
    cells,
    is_value,
    read_header,
    row_targets,
    value_columns,
)
from plantui.targets.layout import LayoutTable, layout_tables, layout_targets, source_lines

# Header cells of a flattened table, squashed: 序号, 指　　标, 2020年现状, 其中：2021年任务 …
HEADER_CELL = re.compile(
    r"^(?:序号|编号|类别|类型|领域|维度|(?:主要)?指标(?:名称)?|名称|项目|指标属性|属性|性质|单位|计量单位|"
    r"预期值|目标值|规划值|计划任务|目标|备注|年均增长.*|.{0,4}(?:19|20)\d{2}\s*年?.{0,4})$"
)


_SEPARATED = re.compile(r"[|｜\t]")


_MERGED = 2  # at most so many leading cells (类别, 序号) merged with the row above


ATTRIBUTE = re.compile(r"^(?:约束性|预期性)$")


# a flattened table ends at prose: a long line or a sentence
_CELL_MAX = 60


# 十四五 in a caption: 十一五 ended in 2010, each next plan five years later
_FIVE_YEAR = re.compile(r"十(?P<n>[一二三四五六七八九])五")


_CN_DIGITS = "一二三四五六七八九"


@dataclass(frozen=True)
class Tables:
    """The tables found among a node's paragraphs, read once their year is known."""

    paragraphs: Sequence[Paragraph]
    flat: list[tuple[str, list[Paragraph], list[list[Paragraph]]]]
    spaced: list[tuple[str, list[str], list[_SpaceRow]]]
    lines: frozenset[int]  # the lines of flattened and spaced tables: cells, not sentences
    rows: frozenset[int]  # the lines of rows with separators in tables whose header names values
    laid: list[LayoutTable]  # tables laid out in columns by a PDF's text extraction


def find_tables(paragraphs: Sequence[Paragraph], reference: int | None = None) -> Tables:
    """The flattened, column-laid and space-separated tables among ``paragraphs`` (rows with
    separators are found as they are read: they never pass for sentences)."""
    flat = _flat_tables(paragraphs)
    laid, laid_lines = layout_tables(paragraphs, reference)
    rest = [p for p in paragraphs if p.line not in laid_lines] if laid_lines else paragraphs
    spaced, spaced_lines = _space_tables(rest)
    lines = {p.line for _, header, rows in flat for p in [*header, *(p for row in rows for p in row)]}
    taken = frozenset(lines | spaced_lines | laid_lines)
    return Tables(paragraphs, flat, spaced, taken, _indicator_rows(paragraphs), laid)


def _indicator_rows(paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The lines of the runs of rows with separators that have a header naming value columns
    (years, 预期值): indicator tables. The rows of other tables hold prose."""
    found: set[int] = set()
    run: list[tuple[Paragraph, list[str]]] = []
    for para in [*paragraphs, None]:
        row = cells(para.text) if para is not None and _SEPARATED.search(para.text) else None
        if row is not None and para is not None:
            run.append((para, row))
            continue
        if run and any(value_columns(r, None) for _, r in run):
            found.update(p.line for p, _ in run)
        run = []
    return frozenset(found)


def table_targets(
    tables: Tables, reference: int | None, path: tuple[str, ...], default_year: int | None
) -> list[Target]:
    """Targets from every indicator table of a node."""
    paragraphs = tables.paragraphs
    out: list[Target] = []
    run: list[tuple[Paragraph, list[str]]] = []
    caption = ""
    for para in [*paragraphs, None]:
        row = cells(para.text) if para is not None else None
        if row is not None and para is not None:
            run.append((para, row))
            continue
        if len(run) >= 2:
            out += _table(run, reference, path, _year_of_caption(caption) or default_year)
        run = []
        caption = para.text if para is not None else ""
    for caption, header, rows in tables.flat:
        out += _flat_table(header, rows, reference, path, _year_of_caption(caption) or default_year)
    for table in tables.laid:
        out += layout_targets(table, path, _year_of_caption(table.caption) or default_year)
    for caption, columns, space_rows in tables.spaced:
        year = _year_of_caption(caption) or default_year
        out += _space_targets(space_rows, columns, reference, path, year)
    return out


def _year_of_caption(caption: str) -> int | None:
    """表3 “十四五”全省城市内涝治理主要指标 → 2025."""
    match = _FIVE_YEAR.search(caption)
    if match is None:
        return None
    return 2010 + 5 * _CN_DIGITS.index(match.group("n"))


def _table(
    rows: list[tuple[Paragraph, list[str]]],
    reference: int | None,
    path: tuple[str, ...],
    default_year: int | None,
) -> list[Target]:
    header_index = next((i for i, (_, r) in enumerate(rows) if value_columns(r, reference)), None)
    if header_index is None:
        return []
    header = read_header(rows[header_index][1], reference)
    if header is None:
        return []
    out = []
    for para, row in rows[header_index + 1 :]:
        missing = len(rows[header_index][1]) - len(row)
        if 0 < missing <= _MERGED:
            # 类别 merged over several rows: the first cells of the rows below it are gone
            row = [""] * missing + row
        if len(row) < len(rows[header_index][1]):
            continue
        indicator = row[header.indicator].strip() if header.indicator is not None else ""
        if not indicator or YEAR_HEADER.match(indicator) or is_value(indicator):
            continue
        unit = row[header.unit].strip() if header.unit is not None else ""
        attribute = row[header.attribute].strip() if header.attribute is not None else None
        values = {column.index: [row[column.index]] for column in header.columns}
        out += row_targets(header, para, indicator, unit, attribute or None, values, path, default_year)
    return out


def _flat_tables(
    paragraphs: Sequence[Paragraph],
) -> list[tuple[str, list[Paragraph], list[list[Paragraph]]]]:
    """Each flattened table: its caption, its header cells and its rows of cells."""
    found: list[tuple[str, list[Paragraph], list[list[Paragraph]]]] = []
    # long paragraphs are neither headers nor cells: no need to fold them
    texts = [SPACE.sub("", P.fold(p.text)) if len(p.text) <= _CELL_MAX * 2 else "。" for p in paragraphs]
    if not any(len(t) <= HEADER_CELL_MAX and HEADER_CELL.match(t) for t in texts):
        return found
    index = 0
    while index < len(paragraphs):
        end = index
        while end < len(paragraphs) and len(texts[end]) <= HEADER_CELL_MAX and HEADER_CELL.match(texts[end]):
            end += 1
        header = list(paragraphs[index:end])
        if len(header) >= 3 and read_header([p.text for p in header], None) is not None:
            rows, after = _flat_rows(paragraphs, texts, end, header)
            if rows:
                caption = paragraphs[index - 1].text if index > 0 else ""
                found.append((caption, header, rows))
                index = after
                continue
        index = max(end, index + 1)
    return found


def _flat_rows(
    paragraphs: Sequence[Paragraph], texts: list[str], start: int, header: list[Paragraph]
) -> tuple[list[list[Paragraph]], int]:
    """The rows after a flattened header, split at their sequence numbers 1, 2, 3 … (or, without
    a 序号 column, every as many cells as the header has); and where the table ends."""
    numbered = any(SPACE.sub("", p.text) in ("序号", "编号") for p in header)
    end = start
    while end < len(paragraphs) and _is_cell(texts[end]):
        end += 1
    rows: list[list[Paragraph]] = []
    if not numbered:
        width = len(header)
        rows = [list(paragraphs[i : i + width]) for i in range(start, end, width)]
        return [r for r in rows if len(r) == width], end
    expected = 1
    for index in range(start, end):
        if texts[index] == str(expected):
            rows.append([paragraphs[index]])
            expected += 1
        elif rows:
            rows[-1].append(paragraphs[index])
        else:
            return [], start  # the first row must be numbered 1
    return rows, end


def _is_cell(text: str) -> bool:
    return 0 < len(text) <= _CELL_MAX and not text.endswith("。") and not text.startswith("注")


def _flat_table(
    header_cells: list[Paragraph],
    rows: list[list[Paragraph]],
    reference: int | None,
    path: tuple[str, ...],
    default_year: int | None,
) -> list[Target]:
    header = read_header([p.text for p in header_cells], reference)
    if header is None:
        return []
    value_columns = [c.index for c in header.columns]
    out: list[Target] = []
    for row in rows:
        texts = [p.text.strip() for p in row[1:] if p.text.strip()]  # the sequence number first
        attribute = next((t for t in texts if ATTRIBUTE.match(t)), None)
        texts = [t for t in texts if not ATTRIBUTE.match(t)]
        names = [i for i, t in enumerate(texts) if not is_value(t)]
        if not names:
            continue
        position = max(names, key=lambda i: len(texts[i]))  # the cells before it are categories
        after = texts[position + 1 :]
        unit = ""
        if header.unit is not None and after and not is_value(after[0]):
            unit, after = after[0], after[1:]
        stated = [t for t in after if is_value(t)]
        values = _spread(stated, value_columns)
        para = next(p for p in row if p.text.strip() == texts[position])
        out += row_targets(header, para, texts[position], unit, attribute, values, path, default_year)
    return out


def _spread(cells: list[str], columns: list[int]) -> dict[int, list[str]]:
    """The value cells of a row over the header's value columns, in order. More cells than
    columns: an even share each (设区市≥25 / 县级市≥20 | 设市城市≥55 / 其他县城≥25), else the
    last column takes the rest (—— | 重点城市≥30 / 一般城市≥15)."""
    if not columns:
        return {}
    if len(cells) <= len(columns):
        return {column: [cell] for column, cell in zip(columns, cells, strict=False)}
    if len(cells) % len(columns) == 0:
        share = len(cells) // len(columns)
        return {column: cells[i * share : (i + 1) * share] for i, column in enumerate(columns)}
    out = {column: [cell] for column, cell in zip(columns[:-1], cells, strict=False)}
    out[columns[-1]] = cells[len(columns) - 1 :]
    return out


ROW_START = re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>\S.*)$")


_UNIT_TOKEN = re.compile(r"^(?:[%‰/]|[^\d\s]{1,4}|[^\d\s]{1,6}/[^\d\s]{1,4})$")


_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}$")  # 每万人口高价值发明专利拥有量1


_PIECE_MAX = 40  # a wrapped piece of a cell is shorter than a line of prose


@dataclass
class _SpaceRow:
    line: int
    para: Paragraph
    indicator: str
    unit: str
    attribute: str
    values: list[str]
    above: list[str]
    below: list[str]

    @property
    def complete(self) -> bool:
        return bool(self.indicator and self.unit)


def _space_tables(
    paragraphs: Sequence[Paragraph],
) -> tuple[list[tuple[str, list[str], list[_SpaceRow]]], set[int]]:
    """Tables whose cells are separated by spaces (caption, value columns, rows), and their lines."""
    found: list[tuple[str, list[str], list[_SpaceRow]]] = []
    taken: set[int] = set()
    if not any("属性" in p.text for p in paragraphs):
        return found, taken
    lines = source_lines(paragraphs)
    index = 0
    while index < len(lines):
        squashed = SPACE.sub("", lines[index][0])
        if (
            not ("属性" in squashed and ("指标" in squashed or "单位" in squashed))
            or len(squashed) > HEADER_CELL_MAX
        ):
            index += 1
            continue
        zone = [t for t, _, _ in lines[max(0, index - 2) : index + 4] if not ROW_START.match(t)]
        columns = max((_space_columns(t) for t in zone), key=len, default=[])
        caption = next((t for t, _, _ in reversed(lines[max(0, index - 4) : index]) if "指标" in t), "")
        rows, end = _space_rows(lines, index + 1)
        if columns and rows:
            found.append((caption, columns, rows))
            taken |= {line for _, line, _ in lines[index:end]}
        index = max(end, index + 1)
    return found, taken


def _space_columns(text: str) -> list[str]:
    """The value columns a header line names: 2025年 年均[累计] → two."""
    return [
        t for t in text.split() if YEAR_IN_HEADER.search(t) or YEAR_HEADER.match(t) or RATE_WORDS.search(t)
    ]


def _space_rows(lines: list[tuple[str, int, Paragraph]], start: int) -> tuple[list[_SpaceRow], int]:
    """The numbered rows after a header, with the wrapped pieces between them; where they end."""
    rows: list[_SpaceRow] = []
    pieces: list[str] = []
    index = start
    while index < len(lines):
        text, line, para = lines[index]
        match = ROW_START.match(text)
        tokens = match.group("rest").split() if match else []
        attribute = next((i for i, t in enumerate(tokens) if ATTRIBUTE.match(t)), None)
        if match and int(match.group("n")) == len(rows) + 1 and attribute is not None:
            before, after = tokens[:attribute], tokens[attribute + 1 :]
            indicator, unit = "", ""
            if len(before) >= 2:
                indicator, unit = "".join(before[:-1]), before[-1]
            elif before and _UNIT_TOKEN.match(before[0]):
                unit = before[0]
            elif before:
                indicator = before[0]
            row = _SpaceRow(line, para, indicator, unit, tokens[attribute], after, [], [])
            _place(pieces, rows[-1] if rows else None, row)
            rows.append(row)
            pieces = []
        elif match or len(text) > _PIECE_MAX or text.endswith("。"):
            break  # a footnote (1 指…) or prose: the table has ended
        elif rows:
            pieces.append(text)
        index += 1
    if rows and pieces and not rows[-1].complete:
        rows[-1].below += pieces
        pieces = []
    return rows, index - len(pieces)


def _place(pieces: list[str], previous: _SpaceRow | None, row: _SpaceRow) -> None:
    """Lines between two rows belong to whichever of them misses a cell (the next one first)."""
    if not pieces:
        return
    if previous is not None and not previous.complete:
        # a cell wrapped around its row has as many pieces below it as above
        share = len(previous.above) if not row.complete else len(pieces)
        previous.below += pieces[:share]
        pieces = pieces[share:]
    if not row.complete:
        row.above += pieces


def _space_targets(
    rows: list[_SpaceRow], columns: list[str], reference: int | None, path: tuple[str, ...], year: int | None
) -> list[Target]:
    out: list[Target] = []
    header = ["指标", "单位", "属性", *columns]
    parsed = read_header(header, reference)
    if parsed is None:
        return []
    for row in rows:
        indicator, unit, values = row.indicator, row.unit, list(row.values)
        merged = _merge(row.above, row.below)
        if not indicator and not unit and len(merged) >= 2:
            # 中心城区二级旧里以下房屋 万平 [成片…110 / 12 约束性 - / 改造面积 方米 零星…20]
            indicator, unit, values = merged[0], merged[1], values + merged[2:]
        elif not indicator:
            indicator = "".join(merged)
        elif not unit:
            unit = "".join(merged)
        indicator = _FOOTNOTE.sub("", indicator)
        if not indicator or unit == "/":
            unit = "" if unit == "/" else unit
        if not indicator:
            continue
        cells = {column.index: [cell] for column, cell in zip(parsed.columns, values, strict=False)}
        para = Paragraph(" ".join([indicator, unit, row.attribute, *values]), row.line, row.line)
        out += row_targets(parsed, para, indicator, unit, row.attribute, cells, path, year)
    return out


def _merge(above: list[str], below: list[str]) -> list[str]:
    """The cells of a row's wrapped pieces, column by column: the pieces above a row hold the
    first part of each cell, those below the rest."""
    top = [t for piece in above for t in piece.split()]
    bottom = [t for piece in below for t in piece.split()]
    if len(top) > 1 and len(top) == len(bottom):
        return [a + b for a, b in zip(top, bottom, strict=True)]
    return ["".join(SPACE.sub("", p) for p in (*above, *below))] if above or below else []
