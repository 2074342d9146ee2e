"""Blocks → blocks: what PDF extraction and OCR leave in the text around headings, removed or
repaired before lines are joined.

- Page markers an OCR tool or a text dump writes between pages (``--- 第 6 页 ---``,
  ``5 / 21``, ``— 25 —``, ``第3页 共20页``) are furniture; a page's footer number glued in front
  of the next marker (``5.--- 第 6 页 ---``, or ``5.`` on the line before) goes with it.
- A browser's print footer (``https://… 4/13``) glued to the first line of the next page, and its
  print header (``26/03/2024, 11:46 <page title>``), are furniture.
- Page numbers glued to the first line of every page (``2（四）…``, ``4第八条…``, ``3定。如果…``):
  a run of such numbers counting up one a page is cut off, and a single one is cut off where a
  heading label follows it (``patterns.GLUED_PAGE_NUMBER``).
- A section label whose numeral OCR could not read (``(=)`` for （二） or （三）) takes the
  number its place in the sequence gives it, when its readable neighbours agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from plantui import patterns as P
from plantui.blocks import Block
from plantui.headings import RANK, classify, split_run_on
from plantui.numerals import label_number, to_chinese

# A page marker standing alone (folded text), with the previous page's footer number glued before
# a ``第 N 页`` marker (OCR output: ``5.--- 第 6 页 ---``).
_PAGE_MARKER = re.compile(
    r"(?:(?P<footer>\d{1,4})\s*\.?\s*)?[-=_~*\s]*第\s*(?P<page>\d{1,4})\s*页(?:\s*[/,，]?\s*共\s*\d{1,4}\s*页)?[-=_~*\s]*"
    # a page counter, spaced (a fraction in a table cell, 1/3, is not)
    r"|\s*(?P<n>\d{1,4})\s+/\s+(?P<of>\d{1,4})\s*"
    r"|\s*-\s*\d{1,4}\s*-\s*"
    # the same with its first dash read as a Markdown list bullet (- 8 - in a .md of pdftotext text)
    r"|\s*\d{1,4}\s+-\s*"
    # a roman page number of the front matter with its letters spaced apart (I I, II I)
    r"|\s*[IVXivx]{1,3}(?:\s+[IVXivx]{1,3}){1,2}\s*"
    # the page markers of OCR and PDF-to-text tools: === Page 6 ===, [Page 6 of 20], -- page 6 --
    r"|[-=_~*\s\[]*[Pp](?:age|AGE)\s*(?P<page_en>\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?[-=_~*\s\]]*"
)
# A date closing a cover page, then the first word of the next page: 2021 年 9 月 前    言.
_DATE_THEN_PART = re.compile(
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)\s+(?P<part>(?:[\u4e00-\u9fff]\s*){2,3})"
)
# A cheap first look for split_run_on: a space, then something a label may start with.
_MAY_RUN_ON = re.compile(r"[ \u3000]+[第(（1]")
# All a page marker is made of (most short lines fail at their first character).
_MARKER_CHARS = re.compile(r"[\s\d０-９第页共/／,，.．\-—–－=_~*·•IVXivxPpAaGgEeOoFf\[\]]+")
# No page marker is longer than this (--- 第 123 页 ---, 第 3 页 共 20 页, 5.--- 第 6 页 ---).
_MARKER_MAX = 40
# A page's footer number alone on its line (``5.``), read as furniture only before a marker.
_BARE_NUMBER = re.compile(r"(?P<n>\d{1,4})\s*\.?")
# A browser's print footer (page address and page counter) glued before the next page's text.
_PRINT_FOOTER = re.compile(r"https?://\S+\s+\d{1,4}\s*/\s*\d{1,4}\s*")
# A browser's print header: date, time, page title (26/03/2024, 11:46 中华人民共和国…_ 中国政府网).
# (a Chinese browser writes the year first and 上午/下午: 2024/1/30 上午10:40 中华人民共和国…_中国政府网)
_PRINT_HEADER = re.compile(
    r"(?:\d{1,2}/\d{1,2}/(?:19|20)\d{2},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?"
    r"|(?:19|20)\d{2}/\d{1,2}/\d{1,2}\s+(?:[上下]午)?\s*\d{1,2}:\d{2})\s+\S.*"
)
# A number glued to the start of a line's text (not an item label 1. / 1、, an amount, a year).
_GLUED_NUMBER = re.compile(r"(?P<n>\d{1,3})(?=[\u4e00-\u9fff（(“])(?![年月日号个万亿元])")
# Digits glued before an item label's mark: a page number and the item's number run together.
_GLUED_ITEM = re.compile(r"(?P<digits>\d{3,5})(?=[、.．]\s*[\u4e00-\u9fff“(（])")
# A bracketed label whose numeral OCR misread as a sign: (=) for （二）/（三）, (-) for （一）; a title
# follows it (a table cell （—） alone is no label).
_UNREAD_SECTION = re.compile(
    r"(?P<open>[(（]\s*)(?P<label>[=\uff1d\-—–~_]{1,2})(?=\s*[)）]\s*[“\u4e00-\u9fff]{2})"
)
# The same misreading in a part's label: =、 for 二、 or 三、, -、 for 一、.
_UNREAD_PART = re.compile(r"(?P<label>[=\uff1d\-—–~_]{1,2})(?=\s*、\s*[“\u4e00-\u9fff]{2})")
# OCR noise read into a section's label before its numeral: （和八） for （八）; the numeral is
# replaced as for (=), so the label only stands where the numbering leaves room for it.
_NOISY_SECTION = re.compile(
    r"(?P<open>[(（]\s*)(?P<label>[\u4e00-\u9fff](?<![一二三四五六七八九十])[一二三四五六七八九十]{1,2})"
    r"(?=\s*[)）]\s*[“\u4e00-\u9fff]{2})"
)
_UNREAD = (("section", _UNREAD_SECTION), ("part", _UNREAD_PART), ("section", _NOISY_SECTION))
# An item's dot read as 。 by OCR (1。 指导思想), a short title alone on its line; taken for an item
# only where the number before or after it is written the same way.
_OCR_ITEM = re.compile(r"(?P<label>\d{1,2})。[ \u3000]+(?P<title>[\u4e00-\u9fff“”、]{2,20})")
# How far apart lines may be for their glued numbers to be page numbers (a page holds 8+ lines).
_MIN_PAGE_LINES = 8


def clean_blocks(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with page furniture removed and unreadable section numerals filled in."""
    kept = _split_run_ons(_split_cover_dates(_undouble(blocks)))
    kept = _drop_markers(_split_glued_sections(_split_glued_articles(kept)))
    kept = _drop_box_continuations(_cut_page_runs(kept))
    out = []
    for block in kept:
        if not block.row:
            text = P.GLUED_PAGE_NUMBER.sub("", block.text, count=1)
            if not block.md_level:
                text = _DASHED_PAGE.sub("", text, count=1)
            if text != block.text:
                block = replace(block, text=text)
        out.append(block)
    return _fill_unread_labels(out)


# A page number set between dashes glued to the first line of the page's text (-4-（五）向有关
# 部门…, -9-资金或者资产…, -14-第三十四条…, — 12 —第三十五条…): never text, wherever the line goes on.
_DASHED_PAGE = re.compile(r"^[-－—–]\s?\d{1,3}\s?[-－—–]\s?(?=[^\d\s\-－—–])")
# A word of a heading set in bold that a PDF prints twice over, extracted with every character
# doubled: 第第一一章章 总总则则, 目目录录 (CJK characters and digits only).
_DOUBLED = re.compile(r"(?:([\u4e00-\u9fff\d])\1)+")
_PAIRS_MIN = 2


def _undouble(blocks: Sequence[Block]) -> list[Block]:
    """A short line whose every word is made of doubled characters is read once (第一章 总则)."""
    out = []
    for block in blocks:
        words = block.text.split()
        if (
            not block.row
            and words
            and len(block.text) <= 80
            and all(_DOUBLED.fullmatch(w) for w in words)
            and sum(len(w) for w in words) >= 2 * _PAIRS_MIN
            and len(set("".join(words))) >= _PAIRS_MIN
        ):
            block = replace(block, text=" ".join(w[::2] for w in words))
        out.append(block)
    return out


def _split_cover_dates(blocks: Sequence[Block]) -> list[Block]:
    """A cover's date and the next page's 前言 run together on one line (2021 年 9 月 前    言):
    two lines."""
    out = []
    for block in blocks:
        text = block.text
        match = _DATE_THEN_PART.fullmatch(P.fold(text).strip(P.STRIP_CHARS)) if "月" in text[:16] else None
        if match is None or block.md_level or re.sub(r"\s+", "", match.group("part")) not in P.PROSE_PARTS:
            out.append(block)
            continue
        text = block.text.strip(P.STRIP_CHARS)
        out.append(replace(block, text=text[: match.end("date")]))
        out.append(replace(block, text=text[match.start("part") :]))
    return out


def _split_run_ons(blocks: Sequence[Block]) -> list[Block]:
    """Headings run together on one line (第一章 总则 第一条 为了……): one block each."""
    out = []
    for block in blocks:
        if (
            block.md_level
            or block.row
            or not block.text[:1].strip()
            or not _MAY_RUN_ON.search(block.text, 0, 48)
        ):
            out.append(block)
            continue
        out.extend(replace(block, text=part) for part in split_run_on(block.text))
    return out


# …单建地下空间。 第四条 地下空间开发利用…: an article's label after the last sentence of the one before
_GLUED_ARTICLE = re.compile(
    r"(?<=[。；])[ \u3000]+(?=第\s*(?P<n>[一二三四五六七八九十百零〇两]+)\s*条[ \u3000])"
)


def _split_glued_articles(blocks: Sequence[Block]) -> list[Block]:
    """PDF text that runs the next article onto the line where the last one ends: the article
    starts a block of its own where its number is the one after the last article met."""
    out: list[Block] = []
    last = 0
    for block in blocks:
        parts = [block]
        if not block.md_level and not block.row:
            heading = classify(block.text.strip())
            if heading is not None and heading.kind == "article" and heading.number is not None:
                last = heading.number
            for match in _GLUED_ARTICLE.finditer(block.text):
                number = label_number(match.group("n"))
                if number == last + 1:
                    cut = match.end() - (len(block.text) - len(parts[-1].text))  # in the tail left
                    left, right = parts[-1].text[:cut], parts[-1].text[cut:]
                    parts[-1:] = [replace(block, text=left.rstrip()), replace(block, text=right)]
                    last = number
        out.extend(parts)
    return out


# …风险评估结论。 （四）中国人民银行…, …措施； （五）配合…, …以下种类：    （一）怀疑…: a list's entry
# after the end of the sentence or entry before it, a space or a layout gap between them
_GLUED_SECTION = re.compile(
    r"(?<=[。；;：:])(?P<gap>[ \u3000]+)(?=[（(](?P<n>[一二三四五六七八九十]{1,3})[）)])"
)
_LAYOUT_GAP = 3
_LIST_REACH = 6  # lines an entry may wrap over before the next entry runs on


def _split_glued_sections(blocks: Sequence[Block]) -> list[Block]:
    """PDF text that runs a list's next entry onto the line where the entry before it ends: the
    entry starts a block of its own where its number follows the last entry met (（三）…； （四）…),
    or, the list's first entry, where a layout gap of three or more spaces sets it apart
    (…以下种类：    （一）…). An article or other heading opening a line starts a new list; a
    list whose last entry was met more than a few lines back is over."""
    out: list[Block] = []
    last = since = 0
    for block in blocks:
        if block.md_level or block.row:
            out.append(block)
            continue
        heading = classify(block.text.strip())
        since += 1
        if heading is not None:
            last = (heading.number or 0) if heading.kind == "section" else 0
            since = 0
        elif since > _LIST_REACH:
            last = 0
        parts = [block]
        for match in _GLUED_SECTION.finditer(block.text):
            number = label_number(match.group("n"))
            if (last and number == last + 1) or (number == 1 and len(match.group("gap")) >= _LAYOUT_GAP):
                cut = match.end() - (len(block.text) - len(parts[-1].text))  # in the tail left
                left, right = parts[-1].text[:cut], parts[-1].text[cut:]
                parts[-1:] = [replace(block, text=left.rstrip()), replace(block, text=right)]
                last, since = number, 0
        out.extend(parts)
    return out


def is_page_marker(text: str) -> bool:
    """``--- 第 6 页 ---``, ``5 / 21``, ``— 25 —``, ``第3页 共20页`` alone on a line."""
    match = _PAGE_MARKER.fullmatch(P.fold(text))
    if match is None:
        return False
    if match.group("n") is not None:
        return 0 < int(match.group("n")) <= int(match.group("of"))
    return True


def _drop_markers(blocks: Sequence[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        text = block.text
        # markers are short; a print header opens with a date, a print footer with its address
        short = len(text) <= _MARKER_MAX and _MARKER_CHARS.fullmatch(text) is not None
        # (an OCR tool's page marker may come as a Markdown heading, ## 第01页: furniture all the same)
        dated = not block.md_level and text[:1].isdigit() and "/" in text[:8]
        linked = not block.md_level and text.startswith("http")
        if not block.row and (short or dated or linked):
            folded = P.fold(text)
            if (short and is_page_marker(folded)) or (dated and _PRINT_HEADER.fullmatch(folded)):
                marker = _PAGE_MARKER.fullmatch(folded)
                page = (marker.group("page") or marker.group("page_en")) if marker is not None else None
                if page is not None and out and _is_footer_of(out[-1], int(page)):
                    out.pop()  # 5. on the line before --- 第 6 页 ---
                continue
            footer = _PRINT_FOOTER.match(folded)
            if footer is not None:
                text = text[footer.end() :]
                if not text.strip(P.STRIP_CHARS):
                    continue
                block = replace(block, text=text)
        out.append(block)
    return out


def _is_footer_of(block: Block, page: int) -> bool:
    match = _BARE_NUMBER.fullmatch(P.fold(block.text))
    return match is not None and int(match.group("n")) == page - 1


def _cut_page_runs(blocks: list[Block]) -> list[Block]:
    """Numbers glued to the start of lines that count up one a page (1, 2, 3 … each some lines
    after the last) are page numbers: three or more of them are cut off."""
    candidates = []
    for index, block in enumerate(blocks):
        if block.md_level or block.row or not block.text[:1].isdigit():
            continue
        match = _GLUED_NUMBER.match(block.text)
        if match is not None and not match.group("n").startswith("0"):
            # (03工业和建筑业: a part numbered with a leading zero; a page number has none)
            candidates.append((index, int(match.group("n")), match.end()))
        label = _GLUED_ITEM.match(block.text)
        if label is not None:
            # 14822、云、数… is item 22 on page 148: every split that leaves an item number
            digits = label.group("digits")
            for cut in range(1, min(3, len(digits) - 1) + 1):
                candidates.append((index, int(digits[:cut]), cut))
    chosen: dict[int, int] = {}
    last: dict[int, tuple[int, int]] = {}  # page number → (index, line) of the best run ending there
    runs: dict[int, list[tuple[int, int]]] = {}
    for index, number, end in candidates:
        line = blocks[index].line
        before = last.get(number - 1)
        run = runs.get(number - 1) if before is not None and line - before[1] >= _MIN_PAGE_LINES else None
        runs[number] = [*(run or []), (index, end)]
        last[number] = (index, line)
    for run in runs.values():
        if len(run) >= 3:
            chosen.update(run)
    if not chosen:
        return blocks
    return [replace(b, text=b.text[chosen[i] :]) if i in chosen else b for i, b in enumerate(blocks)]


def _drop_box_continuations(blocks: list[Block]) -> list[Block]:
    """A 专栏 running over a page break prints its header again at the top of the next page
    (专栏 4 现代化工…重点项目 / … / 专栏 4 现代化工…重点项目): a header repeating the label and
    title of the box still open is furniture. A heading outside boxes' lists closes the box."""
    out: list[Block] = []
    open_box: tuple[str, str] | None = None
    for block in blocks:
        heading = None if block.row else classify(block.text.strip())
        if heading is not None and heading.kind == "column":
            key = (heading.label, re.sub(r"\s+", "", heading.title))
            if key == open_box:
                continue
            open_box = key
        elif heading is not None and heading.kind not in ("item", "subitem"):
            open_box = None
        out.append(block)
    return out


def _fill_unread_labels(blocks: list[Block]) -> list[Block]:
    """``(=)`` between （二） and （四） is （三）, ``=、`` between 一、 and 三、 is 二、: a run of
    unreadable labels of one kind takes the numbers between its readable neighbours when they
    leave exactly room for it (or, at the end of a list, the numbers after the last readable one)."""
    out = list(blocks)
    for kind, pattern in _UNREAD:
        if any(pattern.match(b.text) for b in out if not b.row):
            out = _fill_kind(out, kind, pattern)
    return _read_ocr_items(out)


def _read_ocr_items(blocks: list[Block]) -> list[Block]:
    """``1。 指导思想`` / ``2。 基本原则``: items whose dot OCR read as 。 (two in a row at least)."""
    found = {}
    for index, block in enumerate(blocks):
        if not block.row and not block.md_level and "。" in block.text[:3]:
            match = _OCR_ITEM.fullmatch(block.text.strip(P.STRIP_CHARS))
            if match is not None:
                found[index] = int(match.group("label"))
    numbers = set(found.values())
    out = list(blocks)
    for index, number in found.items():
        if number - 1 in numbers or number + 1 in numbers:
            text = out[index].text
            cut = text.index("。")
            out[index] = replace(out[index], text=text[:cut] + "." + text[cut + 1 :])
    return out


def _fill_kind(blocks: list[Block], kind: str, pattern: re.Pattern[str]) -> list[Block]:
    out = list(blocks)
    previous = 0  # the last number of this kind met in the current list
    pending: list[int] = []  # indices of unreadable labels since then
    for index, block in enumerate(blocks):
        if block.row:
            continue
        if pattern.match(block.text):
            pending.append(index)
            continue
        heading = classify(block.text)
        if heading is None:
            continue
        if heading.kind == kind and heading.number is not None:
            if pending and heading.number == previous + len(pending) + 1:
                _fill(out, pending, previous, pattern)
            pending, previous = [], heading.number
        elif heading.rank < RANK[kind]:
            if pending and previous:
                _fill(out, pending, previous, pattern)  # the list ended: they continue it
            pending, previous = [], 0
    if pending and previous:
        _fill(out, pending, previous, pattern)
    return out


def _fill(blocks: list[Block], indices: list[int], previous: int, pattern: re.Pattern[str]) -> None:
    for offset, index in enumerate(indices, start=1):
        block = blocks[index]
        match = pattern.match(block.text)
        assert match is not None
        numeral = to_chinese(previous + offset)
        if pattern is _NOISY_SECTION and label_number(match.group("label")[1:]) != previous + offset:
            continue  # noise before a numeral the numbering does not expect: text as written
        text = block.text[: match.start("label")] + numeral + block.text[match.end("label") :]
        blocks[index] = replace(block, text=text)
