"""Headings without a label: short standalone lines that open a news text's parts, and a report's
last part whose label a scraper lost."""

from __future__ import annotations

import re
from collections.abc import Sequence

from plantui import patterns as P
from plantui.chunks import Chunk
from plantui.headings import PROSE_RANK, RANK, Heading, ends_sentence
from plantui.metadata import squash
from plantui.metadata_signs import looks_like_issuer
from plantui.read.base import CHROME


def closing_part(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A report's last part whose label a scraper lost (…（八）… / 加强政府自身建设 / 今年…): after the
    last numbered heading of a text in parts, a short standalone line between two paragraphs opens
    a part of its own (placed at the top, like 结语)."""
    if sum(1 for h in heads if h is not None and h.kind == "part") < 2:
        return
    last = max(i for i, h in enumerate(heads) if h is not None)
    closing = heads[last]
    if closing is None or closing.kind not in ("part", "section"):
        return
    for index in range(last + 2, len(chunks) - 1):
        text = chunks[index].text.strip()
        if (
            len(P.fold(text)) <= 16
            and not chunks[index].row
            and not CHROME.match(text)
            and _heading_like(text)
            and ends_sentence(chunks[index - 1].text)
            and _is_prose_paragraph(chunks[index + 1].text, text)
        ):
            heads[index] = Heading("heading", "", None, text, len(text), PROSE_RANK)
            return


def unnumbered_headings(chunks: Sequence[Chunk], heads: list[Heading | None], title: str | None) -> bool:
    """Short standalone lines between paragraphs of an unnumbered text (news) become headings."""
    found = _standalone(chunks, heads, title, len(chunks))
    if len(found) < 2:
        return False
    _mark(chunks, heads, found)
    return True


def leading_headings(
    chunks: Sequence[Chunk], heads: list[Heading | None], title: str | None, start: int
) -> bool:
    """A report whose parts are titled without a label above its numbered headings (“十四五”时期工作回顾
    / … / “十五五”时期的主要目标任务 / … / 2026年重点工作 / （一）放大促消费扩投资政策效应): two or more
    short standalone lines between paragraphs before the first numbered heading become headings
    over it."""
    found = _standalone(chunks, heads, title, start)
    # each after a paragraph of prose (a page's menu lines stand between links and labels)
    found = [i for i in found if i > 0 and _PARAGRAPH_END.search(P.fold(chunks[i - 1].text).rstrip())]
    if len(found) < 2:
        return False
    _mark(chunks, heads, found)
    return True


def _mark(chunks: Sequence[Chunk], heads: list[Heading | None], found: list[int]) -> None:
    """The standalone lines ``found`` become unnumbered headings."""
    for index in found:
        text = chunks[index].text
        heads[index] = Heading("heading", "", None, text.strip(), len(text), RANK["heading"])


_PARAGRAPH_END = re.compile(r"[\u4e00-\u9fff”）)]{1}[^\n]{0,200}?[\u4e00-\u9fff”）)][。!?]$")


def _standalone(
    chunks: Sequence[Chunk], heads: list[Heading | None], title: str | None, end: int
) -> list[int]:
    found = []
    for index, chunk in enumerate(chunks[:end]):
        if heads[index] is not None or index + 1 >= len(chunks) or chunk.row:  # a row is data
            continue
        text = chunk.text
        if title and squash(text) == squash(title):
            continue
        if not _heading_like(text) or not _is_prose_paragraph(chunks[index + 1].text, text):
            continue
        if (
            index > 0
            and not ends_sentence(chunks[index - 1].text)
            and squash(chunks[index - 1].text) != squash(title or "")
        ):
            continue
        found.append(index)
    return found


def _heading_like(text: str) -> bool:
    folded = P.fold(text).strip()
    if not 4 <= len(folded) <= 40 or ends_sentence(folded) or folded[-1] in ",、":
        return False
    if P.PROSE_MARK.search(folded) or "|" in folded or "\t" in folded:
        return False
    if P.DATE_LINE.fullmatch(folded) or looks_like_issuer(folded) or P.DOC_NUMBER.search(folded):
        return False
    colon = folded.find(":")
    if 0 <= colon <= 6 or re.search(r"(?:来源|摄影|供图|图源)\s*:", folded):
        return False  # 来源：… 记者：… 1条主线：…, a picture's caption (天水有轨电车  图片来源：天水融媒)
    if re.match(r"\d{1,2}(?![\d年月日号个项条次])[\u4e00-\u9fff“\"《]", folded):
        return False  # 7消费品以旧换新激活“假日经济”一池春水: a page's ranked list of links
    if re.match(r"[表图]\s*\d", folded):
        return False  # a table's or a figure's caption (表1  2022年年末常住人口数及其构成)
    return not (folded[0] in "(（[【" and folded[-1] in ")）]】")


def _is_prose_paragraph(text: str, heading: str) -> bool:
    return len(text) > len(heading) and (ends_sentence(text) or bool(P.PROSE_MARK.search(P.fold(text))))


def inline_sequence(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A numbered item whose predecessor is written inside the paragraph before it, not as a
    heading, goes on that run-in list: hard wrapping put its label at a line's start (…（7）… /
    （8）提升普通公路本质安全水平，实 / 施农村公路…, a list of 十件民生实事 in one paragraph)."""
    for index, head in enumerate(heads):
        if index == 0 or head is None or head.kind not in ("item", "subitem") or not head.number:
            continue
        if head.number < 2 or _predecessor(heads, index, head):
            continue
        previous = head.number - 1
        style = (
            rf"[(（]\s*{previous}\s*[)）]" if head.kind == "subitem" else rf"(?<![\d.]){previous}\s*[.、．]"
        )
        if re.search(style, P.fold(chunks[index - 1].text)):
            heads[index] = None


def _predecessor(heads: list[Heading | None], index: int, head: Heading) -> bool:
    """Whether the heading numbered one less of the same kind comes before ``index`` (none of a
    higher rank between them)."""
    for other in reversed(heads[:index]):
        if other is None:
            continue
        if other.kind == head.kind:
            return other.number == (head.number or 0) - 1
        if other.rank < head.rank:
            return False
    return False
