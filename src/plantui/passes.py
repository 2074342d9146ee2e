"""Heading passes: every logical line classified once, then whole-document corrections to what a
line alone cannot tell — lists of attachments, tables flattened one cell a line, a 目录 before the
text, headings listed before they come, titles lost by OCR, notices carrying several documents.
Pure: no I/O; parse.py builds the tree from what these passes leave.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from plantui import patterns as P
from plantui.chunks import Chunk, is_header_cell
from plantui.headings import (
    RANK,
    STRUCTURAL,
    Heading,
    as_item,
    caption_row,
    classify,
    restore_lost_headings,
)
from plantui.metadata import Metadata, squash
from plantui.read.base import CHROME
from plantui.unnumbered import closing_part, inline_sequence

_ATTACHMENT_ITEM = re.compile(r"\d{1,2}\s*[.、]")
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar)\s*$", re.IGNORECASE)
_LINK_TAIL = re.compile(r"\(\d{1,2}\)\s*\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar)\b", re.IGNORECASE)


def _run_in_list(head: Heading) -> bool:
    """An item whose own title runs on into the next number after a ；: the list is one line of text."""
    if head.kind != "item" or head.number is None:
        return False
    return re.search(rf"[；;]\s*{head.number + 1}\s*[.．、]", P.fold(head.title)) is not None


def classify_chunks(chunks: Sequence[Chunk]) -> list[Heading | None]:
    """Each logical line's heading (None for text), after the whole-document passes."""
    heads: list[Heading | None] = [_classify(c) for c in chunks]
    for index, chunk in enumerate(chunks):
        if chunk.md_level and _TITLE_LINE.match(P.fold(chunk.text.strip())):
            heads[index] = None  # a notice's title or a red header set as a Markdown heading
        elif heads[index] is not None and CHROME.match(chunk.text.strip()):
            heads[index] = None  # a saved page's 扫一扫在手机打开当前页【返回顶部】 at the text's end
        elif heads[index] is not None and _LINK_TAIL.match(P.fold(chunk.text).strip()):
            heads[index] = None  # (1).pdf](/module/download/…): a file link's name cut before its end
        elif (head := heads[index]) is not None and _FILE_NAME.fullmatch("." + head.title.strip()):
            heads[index] = None  # 附件1.docx: a page's link to a file, named by its number; no heading
        elif (head := heads[index]) is not None and _run_in_list(head):
            heads[index] = None  # 1.死亡或宣告死亡的；2.经人民法院宣告失踪的；3.…: a list run into one line
    _attachment_lists(heads)
    _attachment_before_signature(chunks, heads)
    _appendix_mentions(heads)
    _flattened_tables(chunks, heads)
    _table_of_contents(chunks, heads)
    restore_lost_headings([c.text for c in chunks], heads)
    _listed_before(heads)
    _enumerated_headings(chunks, heads)
    _endnotes(chunks, heads)
    _padded_parts(chunks, heads)
    _glossary_terms(chunks, heads)
    _numbers_after_items(chunks, heads)
    _own_label(heads)
    _table_notes(chunks, heads)
    _article_sequence(chunks, heads)
    _cells_between_rows(chunks, heads)
    _captioned_tables(chunks, heads)
    closing_part(chunks, heads)
    inline_sequence(chunks, heads)
    return heads


# 表6  内涝防治设计重现期（年）: a table's caption, its cells following one a line
_TABLE_CAPTION = re.compile(r"^(?:附表|表)\s*\d{1,2}(?:[-.]\d{1,2})?\s+\S")
_TABLE_ENDS_AT = frozenset(
    {"volume", "chapter", "division", "part", "section", "column", "appendix", "heading"}
)


def _captioned_tables(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """Under a table's caption, a table flattened one cell a line: numbered cells
    (1.居民住宅和工商业建筑物的底层不进水；) are cells, up to the next heading above items or the
    first line too long for a cell."""
    for index, chunk in enumerate(chunks):
        if heads[index] is not None or not _TABLE_CAPTION.match(P.fold(chunk.text).strip()):
            continue
        for following in range(index + 1, min(len(chunks), index + 200)):
            heading = heads[following]
            if len(chunks[following].text) > 60 or (heading is not None and heading.kind in _TABLE_ENDS_AT):
                break
            if heading is not None and heading.kind in ("item", "subitem"):
                heads[following] = None


def _cells_between_rows(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A PDF table whose cells wrap: the wrapped pieces (（二）部分公开（区分处理的，只计这一情,
    三、, 5.要求行政机关确认或重新出) come out as lines between the table's rows. With rows close on
    both sides, an item, or a part or section whose title is cut (a word or two, a bracket left
    open), is such a piece, not a heading; a whole title between two tables stays one."""
    rows = [index for index, chunk in enumerate(chunks) if chunk.row]
    if len(rows) < 4:
        return
    row_set = set(rows)
    for index, heading in enumerate(heads):
        if heading is None or chunks[index].md_level or heading.kind not in ("part", "section", "item"):
            continue
        # (wrapped cells may put two pieces between a row and the next: （六）其 / 2、申请人逾期… / 他处理)
        before = any(i in row_set for i in range(index - 3, index))
        after = any(i in row_set for i in range(index + 1, index + 4))
        title = heading.title
        cut = len(title) <= 4 or title.count("（") + title.count("(") > title.count("）") + title.count(")")
        if before and after and (heading.kind == "item" or cut):
            heads[index] = None


# 第二十条第（一）项: a citation of a clause, alone on its line (a table's row heading)
_CLAUSE_CITED = re.compile(
    r"^第[一二三四五六七八九十百零〇\d]+条\s*第\s*[(（]?[一二三四五六七八九十\d]+[)）]?\s*[项款]"
)


def _article_sequence(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """Articles only go forward (a second regulation in a notice starts again at 第一条): a
    第二十条 that repeats or goes back is a citation set on a line of its own (a table's row
    第二十条第（五）项), not an article."""
    last = 0
    for index, heading in enumerate(heads):
        if heading is None or heading.kind != "article" or heading.number is None:
            continue
        if _CLAUSE_CITED.match(P.fold(chunks[index].text).strip()):
            heads[index] = None
            continue
        if heading.number != 1 and heading.number <= last:
            heads[index] = None
            continue
        last = heading.number


# “一屏、三环、五河、九楔、九田、多廊”: a structure named in quotes, term by term.
_QUOTED_TERMS = re.compile(r"[“\"](?P<terms>[^”\"、]{1,8}(?:、[^”\"、]{1,8}){2,})[”\"]")


def _own_label(heads: list[Heading | None]) -> None:
    """A file that opens with 附件1 / its title, and holds no other appendix, is that attachment
    saved on its own: the label heads the document, it is no appendix within it."""
    first = next((i for i, h in enumerate(heads) if h is not None), None)
    if first != 0 or heads[0] is None or heads[0].kind != "appendix" or heads[0].label not in ("", "1"):
        return
    if not any(h is not None and h.kind == "appendix" for h in heads[1:]):
        heads[0] = None


def _numbers_after_items(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """1.3人户家庭 / 2.2人户中… / 3.2人户中… / 4.4人户及以上…: decimal labels in a row (text between
    them, no other heading) whose first parts count 1, 2, 3 … and whose second parts are no list
    of their own (1.1, 2.1 would be) are items whose titles open with a number. One such label
    is enough where the next heading is the item after it (1.80周岁及以上的； / 2.纯老家庭…)."""
    # a decimal label with numbered parts of its own (6.1 over 6.1.1) is a section, whatever runs
    parents = {h.label.rsplit(".", 1)[0] for h in heads if h is not None and h.label.count(".") >= 2}
    run: list[int] = []
    for index in [*range(len(heads)), len(heads)]:
        heading = heads[index] if index < len(heads) else None
        if heading is not None and _is_decimal(heading):
            run.append(index)
            continue
        if heading is None and index < len(heads):
            continue  # text between the items
        labels = [str(h.label).split(".") for h in (heads[i] for i in run) if h is not None]
        firsts = [int(first) for first, _ in labels]
        followed = (
            bool(firsts)
            and heading is not None
            and heading.kind == "item"
            and "." not in heading.label
            and heading.number == firsts[-1] + 1
        )
        if (
            (len(run) >= 2 or followed)
            and not any(str(h.label) in parents for h in (heads[i] for i in run) if h is not None)
            and firsts == list(range(firsts[0], firsts[0] + len(firsts)))
            and any(second != "1" for _, second in labels)
        ):
            items = [as_item(chunks[i].text) for i in run]
            if all(item is not None for item in items):
                for line, item in zip(run, items, strict=True):
                    heads[line] = item
        run = []


def _is_decimal(heading: Heading | None) -> bool:
    return heading is not None and heading.label.count(".") == 1 and heading.kind in ("section", "item")


def _glossary_terms(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """Under a glossary heading (名词解释) each numbered item is a term and its definition
    (1.“两重”：是指国家重大战略实施…): the item's title is the term before the colon."""
    glossary = False
    for index, head in enumerate(heads):
        if head is None:
            continue
        if head.kind != "item":
            # (the glossary of a named text: 《政府工作报告》有关内容名词注释)
            glossary = head.kind in ("heading", "appendix") and head.title.endswith(tuple(P.GLOSSARY))
            continue
        if not glossary:
            continue
        text = chunks[index].text
        start = text.find(head.title) if head.title else -1
        colon = P.fold(text).find(":", max(start, 0))
        if 0 <= start < colon <= start + 30:
            heads[index] = replace(head, title=text[start:colon].strip(), head_end=colon + 1)


# An endnote's number at the start of its line: ［1］一降三减： / [2] 本公报中数据…
_ENDNOTE = re.compile(r"\s*[\[［](?P<n>\d{1,3})[\]］]\s*(?P<rest>\S.*)")


def _endnotes(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A report's or bulletin's notes at its end under 注释 (with or without its colon), numbered
    ［1］ ［2］ … as the body cites them: the label is a heading and each note an item, titled by
    its term before the colon (［1］一降三减：) or its first sentence."""
    for index, chunk in enumerate(chunks[:-1]):
        word = re.sub(r"\s+", "", P.fold(chunk.text)).rstrip(":")
        head = heads[index]
        if word not in P.NOTE_PARTS | P.GLOSSARY or (head is not None and head.title != word):
            continue
        first = _ENDNOTE.fullmatch(chunks[index + 1].text)
        if first is None or first.group("n") != "1" or heads[index + 1] is not None:
            continue
        heads[index] = head or Heading("heading", "", None, word, len(chunk.text), RANK["heading"])
        expected = 1
        for line in range(index + 1, len(chunks)):
            if heads[line] is not None:
                break
            note = _ENDNOTE.fullmatch(chunks[line].text)
            if note is None or int(note.group("n")) != expected:
                continue  # the note's text on the lines after its number
            rest = note.group("rest")
            colon = P.fold(rest).find(":")
            end = rest.find("。")
            stop = colon if 0 < colon <= 30 else (end if end > 0 else len(rest))
            title = rest[:stop].strip().rstrip("；;，,")
            end_at = min(len(chunks[line].text), note.start("rest") + stop + 1)
            heads[line] = Heading("item", str(expected), expected, title, end_at, RANK["item"])
            expected += 1
        return


# A part numbered with two digits and no mark before its title (01综合 … 12资源、环境和应急管理)
_PADDED_PART = re.compile(
    r"(?P<n>\d{2})\s*(?P<title>(?![年月日时号期个家万亿元])[\u4e00-\u9fff][^。；;，,:：]{0,24})"
)


def _padded_parts(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A bulletin that numbers its parts 01, 02, 03 … before the title (a page that set the
    number in a box of its own): lines counting up from 01, three or more, are its parts."""
    found: list[tuple[int, re.Match[str]]] = []
    for index, chunk in enumerate(chunks):
        match = None if chunk.row else _PADDED_PART.fullmatch(chunk.text.strip())
        if match is None or heads[index] is not None or int(match.group("n")) != len(found) + 1:
            continue
        found.append((index, match))
    if len(found) < 3:
        return
    for index, match in found:
        number = int(match.group("n"))
        title = match.group("title").strip()
        heads[index] = Heading("part", match.group("n"), number, title, len(chunks[index].text), RANK["part"])


def _enumerated_headings(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A text that names its parts in a quoted list (形成“一屏、三环、五河…”的空间结构) and then
    opens a line with each in turn (一屏：山区生态屏障 / 三环：…): those lines are unnumbered
    headings one level below the heading the list stands under."""
    best: tuple[int, list[int]] = (0, [])
    for index, chunk in enumerate(chunks):
        if heads[index] is not None:
            continue
        for match in _QUOTED_TERMS.finditer(chunk.text):
            found = _term_lines(chunks, heads, index + 1, match.group("terms").split("、"))
            if len(found) >= max(3, len(best[1]) + 1):
                best = (index, found)  # the fullest list (“一屏、三环、五河、九楔” then all six)
    index, found = best
    if not found:
        return
    above = next((h for h in reversed(heads[:index]) if h is not None), None)
    rank = (above.rank if above is not None else RANK["heading"]) + 0.5
    for line in found:
        heads[line] = Heading("heading", "", None, chunks[line].text.strip(), len(chunks[line].text), rank)


def _term_lines(
    chunks: Sequence[Chunk], heads: list[Heading | None], start: int, terms: list[str]
) -> list[int]:
    """Lines from ``start`` opening with the terms in order (``一屏：…``), short and without a
    sentence end, before the next heading."""
    found: list[int] = []
    term = 0
    for index in range(start, min(len(chunks), start + 80)):
        if heads[index] is not None or term >= len(terms):
            break
        text = P.fold(chunks[index].text).strip()
        if text.startswith(terms[term] + ":") and len(text) <= 60 and not P.PROSE_MARK.search(text):
            found.append(index)
            term += 1
    return found


# 注：1. … / 2. …: the notes under a table are numbered, but they are no outline.
_NOTES = re.compile(r"^(?:注|备注|说明)\s*[:]\s*(?:1\s*[.、]|$)")


def _table_notes(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A table's notes (注：1. … 2. …) are text: the items that go on numbering them too."""
    for index, chunk in enumerate(chunks):
        if not _NOTES.match(P.fold(chunk.text).strip()):
            continue
        heads[index] = None
        expected = 2 if re.search(r"[:]\s*1\s*[.、]", P.fold(chunk.text)) else 1
        for following in range(index + 1, min(len(heads), index + 30)):
            item = heads[following]
            if item is None or item.kind != "item" or item.number != expected:
                break
            heads[following] = None
            expected += 1


def _classify(chunk: Chunk) -> Heading | None:
    if chunk.row:
        # a table row is data, whatever its first cell says, but for a caption a converter set
        # as the table's first row (附件1  广州市…指标体系 |  |  |)
        return caption_row(chunk.text)
    heading = classify(chunk.text)
    if chunk.lead and heading is not None and heading.kind in _RUN_IN_KINDS:
        heading = _run_in_title(chunk, heading)
    if chunk.md_level:
        if heading is None and P.TOC_TITLE.fullmatch(P.fold(chunk.text).strip()):
            return None  # ## 目录 over a list of chapters: the contents, not a part of the text
        if heading is None:
            # an unnumbered Markdown heading: its title is the whole line
            return Heading("heading", "", None, chunk.text.strip(), len(chunk.text), RANK["heading"])
        return heading
    return heading


_RUN_IN_KINDS = frozenset({"part", "section", "item", "subitem"})


def _run_in_title(chunk: Chunk, heading: Heading) -> Heading:
    """A heading whose title the format marks as a run-in (Markdown bold before a colon:
    1. **优化账户服务**：持续推进简易开户服务，…。): the marked run is the title, the rest body."""
    run = classify(chunk.text[: chunk.lead])
    if run is None or run.kind != heading.kind or run.label != heading.label or not run.title:
        return heading
    colon = chunk.text[chunk.lead : chunk.lead + 1] in ("：", ":")
    return replace(heading, title=run.title, head_end=chunk.lead + (1 if colon else 0))


def _attachment_lists(heads: list[Heading | None]) -> None:
    """``附件：1.重点任务分工表`` / ``2.…`` lists what is attached; it is text, not a heading. So is
    ``附件：`` alone over ``1．…`` / ``2．…``, and a page's link to a file (``附件1：…标准.doc``)."""
    for index, heading in enumerate(heads):
        if heading is not None and heading.kind != "appendix" and _LIST_OF_ATTACHED.fullmatch(heading.title):
            _unlist(heads, index + 1, 1)  # 六、附件 / 1. 《…（征求意见稿）》 / 2. …评估表: the part stays
            continue
        if heading is None or heading.kind != "appendix":
            continue
        if _FILE_NAME.search(heading.title):
            heads[index] = None
            continue
        after = heads[index + 1] if index + 1 < len(heads) else None
        if not heading.label and not heading.title and after is not None and after.kind == "item":
            first, expected = index + 1, 1  # 附件： / １．… / ２．…
        elif _ATTACHMENT_ITEM.match(P.fold(heading.title)):
            first, expected = index + 1, 2  # 附件：1.… / 2.…
        else:
            if not heading.label and not heading.title:
                heads[index] = None  # 附件： with nothing attached (a page's empty field)
            continue
        heads[index] = None
        _unlist(heads, first, expected)


def _attachment_before_signature(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """附件：…名单（第一批） written above the signature and date that close the text names a file sent
    with it (a spreadsheet), no back matter: nothing of it follows."""
    for index, heading in enumerate(heads):
        if heading is None or heading.kind != "appendix" or not heading.title:
            continue
        if not re.match(r"附\s*件\s*[0-9]*\s*[:]", P.fold(chunks[index].text).strip()):
            continue
        rest = range(index + 1, len(chunks))
        dated = next((i for i in rest if P.DATE_LINE.fullmatch(P.fold(chunks[i].text).strip())), None)
        if (
            dated is not None
            and dated - index <= 4
            and all(heads[i] is None and len(chunks[i].text.strip()) <= 30 for i in range(index + 1, dated))
            and all(h is None for h in heads[dated:])
        ):
            heads[index] = None


# a part or section that lists what is attached, headed 附件 (六、附件) rather than labelled 附件：
_LIST_OF_ATTACHED = re.compile(r"附\s*件(?:列表|清单|目录)?")


def _unlist(heads: list[Heading | None], first: int, expected: int) -> None:
    """The items numbered on from ``expected`` at ``first``: a list's entries, text."""
    for line in range(first, len(heads)):
        item = heads[line]
        if item is None or item.kind != "item" or item.number != expected:
            break
        heads[line] = None
        expected += 1


_TABLE_ENDS = frozenset({"volume", "chapter", "division", "part", "section", "column", "appendix", "heading"})


def _flattened_tables(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A table flattened to one cell a line (序号 / 工作事项 / 主要内容 / 牵头单位, then 1 / …):
    its numbered rows are cells, not items. The table runs to the next heading above an item."""
    index = 0
    while index < len(chunks):
        run = index
        while run < len(chunks) and heads[run] is None and is_header_cell(chunks[run].text):
            run += 1
        if run - index < 3:
            index += 1
            continue
        index = run
        while index < len(chunks):
            heading = heads[index]
            ends = heading is not None and heading.kind in _TABLE_ENDS
            if ends and heading is not None and not _category_row(chunks, index, heading):
                break
            heads[index] = None
            index += 1


_ROW_NUMBER = re.compile(r"\d{1,3}")


def _category_row(chunks: Sequence[Chunk], index: int, heading: Heading) -> bool:
    """In a table flattened one cell a line, a category cell that carries a number of its own
    (目标 / 序号 / … / 一、生态宜居 / 1 / 区域开发强度（%）): a short part or section title followed
    by a row's number is a cell, not the plan's next part."""
    return (
        heading.kind in ("part", "section")
        and len(heading.title) <= 12
        and heading.head_end >= len(chunks[index].text.rstrip())
        and index + 1 < len(chunks)
        and _ROW_NUMBER.fullmatch(chunks[index + 1].text.strip()) is not None
    )


def _appendix_mentions(heads: list[Heading | None]) -> None:
    """``附件：X`` in a notice's body names what is attached; the appendix itself comes later with
    the same title. The mention is text."""
    later: set[str] = set()
    for index in range(len(heads) - 1, -1, -1):
        heading = heads[index]
        if heading is None or heading.kind != "appendix" or not heading.title:
            continue
        key = squash(heading.title)
        if key in later:
            heads[index] = None
        later.add(key)


# what a contents list lists; a list of items repeated in two places is text that repeats
_LISTED_KINDS = frozenset({"volume", "chapter", "division", "part", "section"})


def _listed_before(heads: list[Heading | None]) -> None:
    """A contents list without a 目录 title or page numbers: three or more headings of one kind
    in a row with no text between them, each of which comes again later with the same label and
    title (the text's own headings begin where the first one comes again)."""
    index = 0
    while index < len(heads):
        first = heads[index]
        if first is None or first.kind not in _LISTED_KINDS:
            index += 1
            continue
        run = index
        while run < len(heads) and (h := heads[run]) is not None and h.kind == first.kind:
            if run > index and _key(h) == _key(first):
                break
            run += 1
        keys = [_key(h) for h in heads[index:run]]
        later = {_key(h) for h in heads[run:] if h is not None}
        if len(keys) >= 3 and len(set(keys)) == len(keys) and all(k in later for k in keys):
            for position in range(index, run):
                heads[position] = None
        index = max(run, index + 1)


def _key(heading: Heading | None) -> tuple[str, str, str]:
    assert heading is not None
    return heading.kind, heading.label, squash(heading.title)


def _table_of_contents(chunks: Sequence[Chunk], heads: list[Heading | None]) -> None:
    """A 目录 (common in PDF conversions) lists the headings once before the text does: its
    entries are text, not a second outline. Entries end at the first line that is neither a
    heading nor a dotted page reference, or where the first listed heading comes again."""
    for index, chunk in enumerate(chunks):
        if P.toc_entry(P.fold(chunk.text)):
            heads[index] = None  # "一、总体要求……3" anywhere is a contents line
    start = next(
        (i for i, c in enumerate(chunks[:120]) if P.TOC_TITLE.fullmatch(P.fold(c.text).strip(" *#【】[]:"))),
        None,
    )
    if start is None:
        return
    first: tuple[str, str, str] | None = None
    last_entry = start
    for index in range(start + 1, len(chunks)):
        text = chunks[index].text
        folded = P.fold(text).strip()
        dotted = P.toc_entry(folded)
        if (dotted and not classify(text[: dotted.start()].strip())) or _TOC_PAGE.fullmatch(folded):
            heads[index] = None  # a wrapped entry's tail (……- 98 -) or a page number (II)
            continue
        heading = classify(text[: dotted.start()].strip()) if dotted else heads[index]
        if heading is None:
            following = chunks[index + 1].text if index + 1 < len(chunks) else ""
            if P.toc_entry(P.fold(following)):
                continue  # an entry wrapped before its leaders (…关于…和社会 / 发展…的决议……- 1 -)
            if last_entry == index - 1 and _ENTRY_TAIL.fullmatch(folded):
                continue  # an entry's title wrapped at the page width (第五章　培育壮大新兴产业和 / 未来产业)
            return
        if _TOC_PAGE_END.search(folded):
            dotted = _TOC_PAGE_END.search(folded)  # a title filling the line: …支撑能力- 110 -
        key = (heading.kind, heading.label, heading.title)
        if first is None:
            first = key
        elif not dotted and key[:2] == first[:2] and _same_title(key[2], first[2]):
            return  # the text itself begins (its title whole where the entry's was wrapped)
        heads[index] = None
        last_entry = index


# Lines of a 公文's head that a converter may set as headings: the notice's title, the red header.
_TITLE_LINE = re.compile(P.NOTICE_TITLE.pattern + r"|^[\u4e00-\u9fff]{4,30}文件$")
# In a 目录: a page number alone (II, - 13 -) and one glued to an entry without leaders.
_TOC_PAGE = re.compile(r"-?\s*(?:\d{1,3}|[IVXivx]{1,5})\s*-?")
_TOC_PAGE_END = re.compile(r"-\s*\d{1,3}\s*-[IVXivx]{0,4}$")
# the rest of a contents entry wrapped at the page width: a few words, no sentence mark
_ENTRY_TAIL = re.compile(r"[^.;:!?。；：！？]{1,24}")


def _same_title(one: str, two: str) -> bool:
    """Titles of one heading where one of them may be cut short by a wrap (奋力开创中国式现代化建 /
    奋力开创中国式现代化建设新局面)."""
    one, two = squash(one), squash(two)
    return one == two or (min(len(one), len(two)) >= 4 and (one.startswith(two) or two.startswith(one)))


def outline_start(
    heads: Sequence[Heading | None], chunks: Sequence[Chunk], loose: bool = False
) -> int | None:
    """Index of the first chunk that opens the outline; None for a document without one."""
    for index, heading in enumerate(heads):
        if heading is None:
            continue
        if chunks[index].md_level or heading.kind in STRUCTURAL or heading.kind == "heading":
            return index
        if loose and heading.kind in ("item", "subitem", "appendix") and not heading.loose:
            return index
    return None


def attach_documents(
    chunks: Sequence[Chunk], heads: list[Heading | None], meta: Metadata, after: int
) -> bool:
    """A notice attaching several documents: each one's title line becomes a depth-1 heading."""
    if len(meta.attached) < 2:
        return False
    wanted = {squash(t): t for t in meta.attached}
    found = False
    for index, chunk in enumerate(chunks):
        if index < 2 or heads[index] is not None:
            continue
        title = wanted.get(squash(chunk.text))
        if title is not None and index >= min(after, 2):
            heads[index] = Heading("heading", "", None, chunk.text.strip(), len(chunk.text), 0.0)
            found = True
    return found
