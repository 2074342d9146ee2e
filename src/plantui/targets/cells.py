"""One row of an indicator table → Targets: the header's value columns (years, 预期值, 现状),
its indicator, unit and 属性 columns, and the values in the cells (下降15%, ≥85, 〔20〕, 5以上).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plantui import patterns as P
from plantui.models import Paragraph, Target
from plantui.numerals import MAGNITUDES

# a year heading a column: 2025年, 2025年目标, or a bare 2025 (not the code 2050205 of a budget line)
YEAR_HEADER = re.compile(r"^(?P<y>20\d{2})(?!\d)\s*年?")


YEAR_IN_HEADER = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年")


UNIT_IN_BRACKETS = re.compile(r"[(（](?P<u>[^()（）]{1,8})[)）]\s*$")


# one value in a cell: a comparator, the number (a range), a magnitude, a percent sign
VALUE = re.compile(
    r"(?P<cmp>≥|≤|>=|<=|>|<|不低于|不少于|不高于|不超过|超过|低于|高于|约)?\s*"
    r"(?P<a>\d+(?:\.\d+)?)(?:\s*[-~]\s*(?P<b>\d+(?:\.\d+)?))?\s*(?P<mag>万亿|亿|万)?\s*(?P<pct>%)?"
    r"\s*(?P<qual>以上|以下|以内|左右)?"
)


_COMPARATORS = {
    "≥": ">=",
    ">=": ">=",
    "不低于": ">=",
    "不少于": ">=",
    "≤": "<=",
    "<=": "<=",
    "不高于": "<=",
    "不超过": "<=",
    ">": ">",
    "超过": ">",
    "高于": ">",
    "<": "<",
    "低于": "<",
    "约": "~",
}


_QUALIFIERS = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}


# a value stated as a change: 下降15%
CHANGE = re.compile(r"下降|降低|减少|提高|提升|增长|增加")


# what a cell may say around its number and still be a value: 重点城市≥30, [累计达到1000], 〔20〕
_VALUE_WORDS = re.compile(
    r"以上|以下|以内|左右|下降|降低|减少|提高|提升|增长|增加|累计|达到|五年|不低于|不超过"
)


_VALUE_LABEL = 4  # 重点城市≥30: a label this short names a part of the indicator


_LABELLED = re.compile(r"(?<=\d)(?=[\u4e00-\u9fff]{2,4}:)")  # …约110零星:五年累计约20


_EMPTY = re.compile(r"^[-—–/、\s]*$")


HEADER_CELL_MAX = 12


_INDICATOR_WORDS = ("指标", "名称", "项目", "内容")


_TARGET_WORDS = re.compile(r"预期值|目标值|规划值|计划任务|目标|预期")


_BASE_WORDS = re.compile(r"现状|基期|基数|基准|实际|完成")


RATE_WORDS = re.compile(r"年均|累计")


_SYMBOLS = (("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), (">", ">"), ("<", "<"))


# compiled once: inline patterns are looked up in re's cache on every call
SPACE = re.compile(r"\s")


_DIGIT = re.compile(r"\d")


_NAME_HEADER = re.compile(r"指标|名称|属性")


_NUMBER_HEADER = re.compile("序号|类别|编号")


_LABEL_MARKS = re.compile(r"[\[\]〔〕(（:：约]")


_VALUE_MARKS = re.compile(r"[\d.%≥≤<>=~\-—–〔〕\[\]()（）:：/]")


_DATE = re.compile(r"^(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]")


_MAGNITUDE_WORDS = re.compile(r"万亿|亿|万|约")


@dataclass(frozen=True)
class _Cell:
    """One value read from a cell: 下降15% → 15 % with the change 下降; 重点城市≥30 → 30 ≥ (重点城市)."""

    value: float
    value_max: float | None
    comparator: str
    unit: str
    change: str
    label: str


@dataclass(frozen=True)
class _Column:
    index: int
    year: int | None
    base: bool
    rate: bool  # 年均增长 / 累计: read only where the row has no other target value


@dataclass(frozen=True)
class _Header:
    columns: list[_Column]
    indicator: int | None
    unit: int | None
    attribute: int | None
    reference: int | None  # the year the plan speaks from: a column before it is no target


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


def row_targets(
    header: _Header,
    para: Paragraph,
    indicator: str,
    unit: str,
    attribute: str | None,
    values: dict[int, list[str]],
    path: tuple[str, ...],
    default_year: int | None,
) -> list[Target]:
    """The targets of one row: one per value in each target column, with the row's baseline."""
    bracket = UNIT_IN_BRACKETS.search(indicator)
    if bracket:
        unit = unit or bracket.group("u")
        indicator = indicator[: bracket.start()].strip()
    factor, unit = _unit(unit)
    base = next((c for c in header.columns if c.base), None)
    baseline = _values(values.get(base.index, [])) if base is not None else []
    out: list[Target] = []
    for rate_pass in (False, True):
        if rate_pass and out:
            break  # 年均 / 累计 only where the row has no other target: [20], 5左右
        for column in header.columns:
            if column.base or column.rate != rate_pass:
                continue
            year = column.year or default_year
            if year is None or (header.reference is not None and year < header.reference):
                continue
            for cell in _values(values.get(column.index, [])):
                name = indicator + cell.change + (f"（{cell.label}）" if cell.label else "")
                out.append(
                    Target(
                        year=year,
                        indicator=name,
                        value=cell.value * factor,
                        unit=unit or cell.unit,
                        text=para.text,
                        line=para.line,
                        value_max=cell.value_max * factor if cell.value_max is not None else None,
                        comparator=cell.comparator,
                        baseline_year=base.year if base is not None and len(baseline) == 1 else None,
                        baseline_value=baseline[0].value * factor if len(baseline) == 1 else None,
                        attribute=attribute,
                        path=path,
                    )
                )
    return out


def value_columns(row: list[str], reference: int | None) -> list[_Column]:
    """The columns of a header that hold values, with their years; the baseline marked."""
    found: list[_Column] = []
    for index, cell in enumerate(row):
        squashed = SPACE.sub("", P.fold(cell))
        if len(squashed) > HEADER_CELL_MAX + 6:
            return []  # a row of data, not a header
        if _DATE.match(squashed):
            continue  # 发布日期： | 2023-11-07 in a gov.cn metadata table: a date, no column of values
        year = YEAR_IN_HEADER.search(squashed) or YEAR_HEADER.match(squashed)
        rate = bool(RATE_WORDS.search(squashed))
        if year:
            found.append(_Column(index, int(year.group("y")), bool(_BASE_WORDS.search(squashed)), rate))
        elif (_TARGET_WORDS.search(squashed) and not _NAME_HEADER.search(squashed)) or rate:
            found.append(_Column(index, None, bool(_BASE_WORDS.search(squashed)), rate))
    years = [c.year for c in found if c.year is not None and not c.rate]
    if not any(c.base for c in found) and len(set(years)) >= 2:
        first = min(years)
        if reference is None or first <= reference:
            found = [
                _Column(c.index, c.year, c.year == first and not c.rate, c.rate) if c.year == first else c
                for c in found
            ]
    return found if any(not c.base for c in found) else []


def read_header(row: list[str], reference: int | None) -> _Header | None:
    columns = value_columns(row, reference)
    if not columns:
        return None
    taken = {c.index for c in columns}
    indicator = _column(row, _INDICATOR_WORDS, taken)
    if indicator is None:
        indicator = next(
            (i for i, c in enumerate(row) if i not in taken and not _NUMBER_HEADER.search(c)), None
        )
    return _Header(
        columns,
        indicator,
        _column(row, ("单位",), taken),
        _column(row, ("属性", "性质"), taken),
        reference,
    )


def _column(header: list[str], words: tuple[str, ...], taken: set[int]) -> int | None:
    for index, cell in enumerate(header):
        squashed = SPACE.sub("", cell)
        if index not in taken and any(w in squashed for w in words):
            if "属性" in squashed and words == _INDICATOR_WORDS:
                continue  # 指标属性 is the attribute column
            return index
    return None


def _unit(unit: str) -> tuple[float, str]:
    """``亿元`` → (1e8, 元), ``万个`` → (1e4, 个), ``%`` → (1, %)."""
    unit = SPACE.sub("", P.fold(unit))
    for word in ("万亿", "亿", "万", "千"):
        if unit.startswith(word) and len(unit) > len(word):
            return float(MAGNITUDES[word]), unit[len(word) :]
    return 1.0, unit


def _values(texts: list[str]) -> list[_Cell]:
    """Every value stated in the cells of one column of one row; a cell may hold several,
    each after its label (成片：五年累计约110 零星：五年累计约20)."""
    out = []
    for text in texts:
        for part in _LABELLED.split(SPACE.sub("", P.fold(text))):
            cell = _value(part)
            if cell is not None:
                out.append(cell)
    return out


def _value(text: str) -> _Cell | None:
    """下降15% → 15 % (下降); <15000; 〔20〕; ≥85; 5以上; 5左右; 4.5-5; 重点城市≥30 (重点城市)."""
    folded = SPACE.sub("", P.fold(text))
    if _EMPTY.match(folded):
        return None
    match = VALUE.search(folded)
    if match is None:
        return None
    comparator = _COMPARATORS.get(match.group("cmp") or "", "=")
    if match.group("qual"):
        comparator = _QUALIFIERS[match.group("qual")]
    elif comparator == "=":
        for symbol, name in _SYMBOLS:
            if symbol in folded[: match.start()]:
                comparator = name
                break
    factor = MAGNITUDES[match.group("mag")] if match.group("mag") else 1
    value = float(match.group("a")) * factor
    value_max = float(match.group("b")) * factor if match.group("b") else None
    before = folded[: match.start()]
    change = CHANGE.search(before)
    label = _LABEL_MARKS.sub("", _VALUE_WORDS.sub("", before))
    return _Cell(
        value,
        value_max,
        comparator,
        "%" if match.group("pct") else "",
        change.group(0) if change else "",
        label if 0 < len(label) <= _VALUE_LABEL and not _DIGIT.search(label) else "",
    )


read_value = _value
split_unit = _unit


def is_value(text: str) -> bool:
    """Whether a cell states a value (95, 下降15%, <1, 重点城市≥30, ——), not a name."""
    folded = SPACE.sub("", P.fold(text))
    if _EMPTY.match(folded):
        return True
    if not _DIGIT.search(folded):
        return False
    rest = _VALUE_MARKS.sub("", _VALUE_WORDS.sub("", folded))
    rest = _MAGNITUDE_WORDS.sub("", rest)
    return len(rest) <= _VALUE_LABEL
