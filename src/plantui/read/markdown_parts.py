"""What the Markdown reader reads from a converter's Markdown beyond its syntax: a run-in title set
in bold before a colon (1. **优化账户服务**：…), a table that is lines of prose a converter cut into
cells (pdfplumber reading a justified page as a table), and a table's row label the converter left
outside the table."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from plantui.headings import classify

if TYPE_CHECKING:
    from markdown_it.token import Token

    from plantui.blocks import Block
    from plantui.headings import Heading

_CJK = re.compile(r"[\u4e00-\u9fff]")
# What may stand before a run-in title set in bold: nothing, or a heading's label (1. （一） 一、 一）)
_RUN_IN_LABEL = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、）)]|\d{1,3}[.、．)])?\s*"
)


def run_in_title(children: list[Token]) -> str | None:
    """The bold run a paragraph opens with (after its label, if any) when a colon follows it:
    a run-in title (1. **优化账户服务**：持续推进…, 一）**技术应用**：理清…)."""
    index = 0
    if children and children[0].type == "text" and _RUN_IN_LABEL.fullmatch(children[0].content):
        index = 1
    if len(children) < index + 4 or children[index].type != "strong_open":
        return None
    inner, after = children[index + 1], children[index + 2]
    tail = children[index + 3]
    if inner.type != "text" or after.type != "strong_close" or tail.type != "text":
        return None
    title = inner.content.strip()
    if (
        tail.content.lstrip()[:1] not in ("：", ":")
        or not 2 <= len(title) <= _RUN_IN_LONGEST
        or "。" in title
    ):
        return None
    if len(title) > _RUN_IN_SHORT and _CLAUSE_MARK.search(title):
        return None  # a long bold run with a comma is a sentence set in bold, no name
    return title


# a run-in title names a thing: up to 20 characters, or up to 40 without a comma or a clause mark
# (**虚假申请（受害人信息）、虚假申请（嫌疑人信息）**：指使用虚假身份证明…)
_RUN_IN_SHORT = 20
_RUN_IN_LONGEST = 40
_CLAUSE_MARK = re.compile(r"[，,；;！？!?]")


def run_in_end(text: str, run_in: str) -> int:
    """Where the run-in title ``run_in`` ends in a block's ``text`` (0 when it does not open it)."""
    start = text.find(run_in)
    end = start + len(run_in)
    if start < 0 or not _RUN_IN_LABEL.fullmatch(text[:start]) or text[end : end + 1] not in ("：", ":"):
        return 0
    return end


# a line of prose: Chinese text with a comma or a full stop
_PROSE_CHARS = 10
_PROSE_MARK = re.compile(r"[，。]")


def _prose_row(cells: list[str]) -> bool:
    """A row holding a line of prose cut into cells: at most four cells filled, some left empty,
    ten or more Chinese characters with a comma or full stop among them."""
    filled = [cell for cell in cells if cell.strip()]
    text = "".join(filled)
    return (
        0 < len(filled) <= 4
        and len(filled) < len(cells)
        and len(_CJK.findall(text)) >= _PROSE_CHARS
        and _PROSE_MARK.search(text) is not None
    )


def prose_table(rows: list[list[str]]) -> bool:
    """A table that is lines of prose a converter cut into cells: most rows are such lines and
    most cells are empty (a real table fills its cells; a glossary's two columns have no gaps)."""
    rows = [cells for cells in rows if cells]
    cells = [cell for row in rows for cell in row]
    if not rows or sum(1 for cell in cells if not cell.strip()) < 0.5 * len(cells):
        return False
    return sum(1 for row in rows if _prose_row(row)) >= 0.6 * len(rows)


def join_cells(cells: list[str]) -> str:
    """A line of prose cut into cells, joined back (a space only between two Latin words or figures)."""
    text = ""
    for cell in (cell.strip() for cell in cells):
        if not cell:
            continue
        if text and text[-1].isascii() and text[-1].isalnum() and cell[0].isascii() and cell[0].isalnum():
            text += " "
        text += cell
    return text


def row_labels_outside(lines: list[Block], rows: list[str]) -> list[Block]:
    """A table's row label a converter left outside its broken table (markitdown on the table of a
    政府信息公开年报: `| 一、本年新收政府信息公开申请数量 | 21 0 | …` / `二、上年结转政府信息公开申请数量` /
    `| （一）予以公开 | 0 0 | …`) is a row of it: a line labelled like a part or section right
    between two table rows (no blank line), where a row of the tables on either side opens with
    the label before or after it in the same series, or a line so labelled right under a row
    where the next text past the rows carries the same label. A heading between two tables
    keeps its place (no row carries its neighbour's label)."""
    out = list(lines)
    for index in range(1, len(lines) - 1):
        block, above, below = lines[index], lines[index - 1], lines[index + 1]
        if block.row or block.md_level or not above.row or not _touching(rows, above.line, block.line):
            continue
        heading = classify(block.text)
        if heading is None or heading.number is None or heading.kind not in ("part", "section"):
            continue
        if _same_label_next(lines, index, heading):
            out[index] = replace(block, row=True)
            continue
        if not below.row or not _touching(rows, block.line, below.line):
            continue  # set apart by a blank line: the rows close tables of their own
        neighbours = (heading.number - 1, heading.number + 1)
        for row in _rows_around(lines, index):
            first = next((cell for cell in row.text.split(" | ") if cell.strip()), "")
            label = classify(first)
            if label is not None and label.kind == heading.kind and label.number in neighbours:
                out[index] = replace(block, row=True)
                break
    return out


def _touching(rows: list[str], first: int, last: int) -> bool:
    """Whether source line ``last`` follows line ``first`` with no blank line between (a table's
    delimiter row may stand there)."""
    return first < last and all(rows[number - 1].strip() for number in range(first + 1, last))


def _same_label_next(lines: list[Block], index: int, heading: Heading) -> bool:
    """Whether the first text after ``lines[index]`` past table rows carries the same label: the
    document's own heading comes there (`四、结转下年度继续办理` under a row, then
    `四、政府信息公开行政复议、行政诉讼情况`), so the line under the row was the row's label."""
    after = index + 1
    while after < len(lines) and lines[after].row:
        after += 1
    if after >= len(lines) or lines[after].md_level:
        return False
    following = classify(lines[after].text)
    return following is not None and (following.kind, following.number) == (heading.kind, heading.number)


def _rows_around(lines: list[Block], index: int) -> list[Block]:
    """The table rows running up to ``lines[index]`` and on from it."""
    before = index - 1
    while before > 0 and lines[before - 1].row:
        before -= 1
    after = index + 1
    while after + 1 < len(lines) and lines[after + 1].row:
        after += 1
    return lines[before:index] + lines[index + 1 : after + 1]
