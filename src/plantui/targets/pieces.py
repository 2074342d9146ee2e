"""Paragraphs → the same paragraphs with a sentence the parser left in pieces joined again.

A PDF's text whose wrap width the parser cannot measure keeps its lines apart; a piece that stops
mid-clause goes on in the next piece. Table rows and the cells of flattened tables stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plantui import patterns as P
from plantui.models import Paragraph

# a numbered row of a flattened table that names its indicator (4.家庭医生人数)
ROW_NAME = re.compile(r"^\d{1,3}\s*[.、]\s*(?P<name>[^,;:。，；：]{2,40})$")


def is_table_row(text: str) -> bool:
    """A row of a table: cells parted by | or tabs."""
    return text.count("|") >= 2 or text.count("\t") >= 1 or text.count("｜") >= 2


def whole_sentences(paragraphs: Sequence[Paragraph], cells: frozenset[int]) -> list[Paragraph]:
    """The paragraphs with a sentence the parser left in pieces read as one: a piece that stops
    mid-clause (…基本养老保险参保人数分别达 / 到 796 万人、…分别达到 330 / 万人、500 万人。, lines of
    a PDF's text not known to be wrapped) goes on in the next."""
    out: list[Paragraph] = []
    for para in paragraphs:
        head = out[-1] if out else None
        if (
            head is not None
            and head.line not in cells
            and para.line not in cells
            and _CUT_MID_CLAUSE.search(P.fold(head.text))
            and not ROW_NAME.match(P.fold(head.text))  # 7.…预留号源的比例 / 到2023年底达到30%
            and _GOES_ON.match(P.fold(para.text))
            and not is_table_row(head.text + para.text)
        ):
            shift = len(head.text)
            breaks = (*head.breaks, (shift, para.line), *((at + shift, line) for at, line in para.breaks))
            out[-1] = Paragraph(head.text + para.text, head.line, para.line_end, breaks)
        else:
            out.append(para)
    return out


# a piece of a sentence: a clause begun (a comma before) and cut after a character or a digit
_CUT_MID_CLAUSE = re.compile(r"[,、][^。;:!?]*[\u4e00-\u9fff\d]\s*$")


# what goes on from a cut: a character or a digit, not a label, a dash or a bracket that opens a line
_GOES_ON = re.compile(
    r"\s*(?![一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章节条篇])[\u4e00-\u9fff\d]"
)
