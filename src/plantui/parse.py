"""Plan text → Document: metadata, preamble and the outline tree. Pure: no I/O.

The outline is built with a stack of open nodes ranked by kind (chapter above part above
section above item …). Two rules go beyond ranks:
- a 专栏 belongs to the nearest open container (section, or part when there is none) and
  stays open until a heading of its parent's level or above, or an item that continues
  the parent's numbering (the ``7.`` after 专栏九 in a section that had items 1–6);
- in Markdown, ``#`` headings nest by their level and a blockquote bounds a 专栏.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from plantui import patterns as P
from plantui.blocks import Source
from plantui.chunks import Chunk, is_header_cell, join_lines, raw_lines
from plantui.headings import (
    PROSE_RANK,
    RANK,
    STRUCTURAL,
    Heading,
    classify,
    ends_sentence,
    restore_lost_headings,
)
from plantui.metadata import Metadata, derive, extract, is_label_line, looks_like_issuer, parse_date, squash
from plantui.metadata_signs import printed
from plantui.models import Document, Node, Paragraph

# A paragraph led by a short phrase closed with 。 (提升数据汇聚计算能力。在石家庄……).
LEAD = re.compile(r"(?P<title>[^。!?;,:，：；“”\"《》()（）]{2,30}?)。(?P<rest>.{6,})", re.S)
_CONTAINERS = frozenset(
    {
        "volume",
        "chapter",
        "division",
        "article",
        "part",
        "section",
        "item",
        "subitem",
        "column",
        "heading",
        "appendix",
    }
)
_LEAD_RANK = 100.0
_ATTACHMENT_ITEM = re.compile(r"\d{1,2}\s*[.、]")


def parse_text(text: str, name: str = "") -> Document:
    """Parse a plain-text plan (newlines already normalised)."""
    return parse_source(Source(tuple(raw_lines(text)), text.count("\n") + 1, "text"), name)


def parse_markdown(text: str, name: str = "") -> Document:
    """Parse Markdown: plantui's own export or ordinary Markdown with ``#`` headings."""
    from plantui.read.markdown import markdown_source

    return parse_source(markdown_source(text), name)


def parse(text: str, name: str = "", fmt: str = "text") -> Document:
    """Parse text of the given format (``text`` or ``markdown``)."""
    return parse_markdown(text, name) if fmt == "markdown" else parse_text(text, name)


class _Open:
    """A node under construction."""

    __slots__ = (
        "children",
        "heading",
        "kind",
        "label",
        "last",
        "line",
        "line_end",
        "md_level",
        "number",
        "paragraphs",
        "quote",
        "rank",
        "title",
    )

    def __init__(
        self,
        kind: str,
        label: str,
        number: int | None,
        title: str,
        heading: Paragraph | None,
        line: int,
        rank: float,
        md_level: int = 0,
        quote: int = 0,
    ) -> None:
        self.kind = kind
        self.label = label
        self.number = number
        self.title = title
        self.heading = heading
        self.line = line
        self.line_end = line
        self.rank = rank
        self.md_level = md_level
        self.quote = quote
        self.paragraphs: list[Paragraph] = []
        self.children: list[_Open] = []
        self.last: dict[str, int] = {}  # last number of each kind among the children

    def freeze(self) -> Node:
        return Node(
            self.kind,
            self.label,
            self.number,
            self.title,
            self.heading,
            self.line,
            self.line_end,
            tuple(self.paragraphs),
            tuple(c.freeze() for c in self.children),
        )


def parse_source(source: Source, name: str = "") -> Document:
    """Parse the blocks a reader produced: metadata, preamble and the outline tree."""
    markdown = source if source.format == "markdown" else None
    chunks = join_lines(source.blocks)
    heads: list[Heading | None] = [_classify(c) for c in chunks]
    for index, chunk in enumerate(chunks):
        if chunk.md_level and _TITLE_LINE.match(P.fold(chunk.text.strip())):
            heads[index] = None  # a notice's title or a red header set as a Markdown heading
    _attachment_lists(heads)
    _appendix_mentions(heads)
    _flattened_tables(chunks, heads)
    _table_of_contents(chunks, heads)
    restore_lost_headings([c.text for c in chunks], heads)
    _listed_before(heads)
    start = _outline_start(heads, chunks)
    preamble_end = start if start is not None else len(chunks)
    # a signature block (issuer, date) closes the main text, before any 附件
    back = next(
        (i for i, h in enumerate(heads) if i >= preamble_end and h is not None and h.kind == "appendix"),
        len(chunks),
    )
    tail = chunks[max(preamble_end, back - 8) : back]
    sample = " ".join(c.text for c in chunks[:60])
    meta = extract(chunks[:preamble_end], tail, sample, markdown.title if markdown is not None else None)
    if meta.issued is None:  # 2025年4月1日印发 at the foot, after any 附件 list
        meta.issued = parse_date(printed([P.fold(c.text) for c in chunks[-30:]]) or "")
    if markdown is not None:
        _apply_front_matter(meta, markdown, sample)
    if _attach_documents(chunks, heads, meta, preamble_end):
        start = _outline_start(heads, chunks)
    elif start is None and markdown is None:
        if _unnumbered_headings(chunks, heads, meta.title):
            start = _outline_start(heads, chunks)
        else:
            start = _outline_start(heads, chunks, loose=True)
    builder = _Builder(markdown is not None)
    labels: list[Paragraph] = []
    for index, chunk in enumerate(chunks):
        if start is None or index < start:
            paragraph = _paragraph(chunk, 0, len(chunk.text))
            # ## 政策标题： and # -*- coding: label no text; kept for search, not shown
            (labels if is_label_line(chunk.text) else builder.preamble).append(paragraph)
        else:
            builder.add(chunk, heads[index])
    title, title_from = meta.title, "text"
    if not title:
        title, title_from = PurePath(name).stem if name else "untitled", "file"
    return Document(
        title=title,
        title_from=title_from,
        outline=tuple(c.freeze() for c in builder.root.children),
        preamble=tuple(builder.preamble),
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        issued=meta.issued,
        published=meta.published,
        period=meta.period,
        region=meta.region,
        kind=meta.kind,
        labels=tuple(labels),
        line_count=source.line_count,
        page_starts=source.page_starts,
    )


def _classify(chunk: Chunk) -> Heading | None:
    if chunk.row:
        return None  # a table row is data, whatever its first cell says
    heading = classify(chunk.text)
    if chunk.md_level:
        if heading is None:
            # an unnumbered Markdown heading: its title is the whole line
            return Heading("heading", "", None, chunk.text.strip(), len(chunk.text), RANK["heading"])
        return heading
    return heading


def _attachment_lists(heads: list[Heading | None]) -> None:
    """``附件：1.重点任务分工表`` / ``2.…`` lists what is attached; it is text, not a heading."""
    for index, heading in enumerate(heads):
        if heading is None or heading.kind != "appendix" or not _ATTACHMENT_ITEM.match(P.fold(heading.title)):
            continue
        heads[index] = None
        expected = 2
        for following in range(index + 1, len(heads)):
            item = heads[following]
            if item is None or item.kind != "item" or item.number != expected:
                break
            heads[following] = None
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
            if heading is not None and heading.kind in _TABLE_ENDS:
                break
            heads[index] = None
            index += 1


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
        if P.TOC_ENTRY.search(P.fold(chunk.text)):
            heads[index] = None  # "一、总体要求……3" anywhere is a contents line
    start = next(
        (i for i, c in enumerate(chunks[:120]) if P.TOC_TITLE.fullmatch(P.fold(c.text).strip())), None
    )
    if start is None:
        return
    first: tuple[str, str, str] | None = None
    for index in range(start + 1, len(chunks)):
        text = chunks[index].text
        folded = P.fold(text).strip()
        dotted = P.TOC_ENTRY.search(folded)
        if (dotted and not classify(text[: dotted.start()].strip())) or _TOC_PAGE.fullmatch(folded):
            heads[index] = None  # a wrapped entry's tail (……- 98 -) or a page number (II)
            continue
        heading = classify(text[: dotted.start()].strip()) if dotted else heads[index]
        if heading is None:
            following = chunks[index + 1].text if index + 1 < len(chunks) else ""
            if P.TOC_ENTRY.search(P.fold(following)):
                continue  # an entry wrapped before its leaders (…关于…和社会 / 发展…的决议……- 1 -)
            return
        if _TOC_PAGE_END.search(folded):
            dotted = _TOC_PAGE_END.search(folded)  # a title filling the line: …支撑能力- 110 -
        key = (heading.kind, heading.label, heading.title)
        if first is None:
            first = key
        elif key == first and not dotted:
            return  # the text itself begins
        heads[index] = None


# Lines of a 公文's head that a converter may set as headings: the notice's title, the red header.
_TITLE_LINE = re.compile(P.NOTICE_TITLE.pattern + r"|^[\u4e00-\u9fff]{4,30}文件$")
# In a 目录: a page number alone (II, - 13 -) and one glued to an entry without leaders.
_TOC_PAGE = re.compile(r"-?\s*(?:\d{1,3}|[IVXivx]{1,5})\s*-?")
_TOC_PAGE_END = re.compile(r"-\s*\d{1,3}\s*-[IVXivx]{0,4}$")


def _outline_start(
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


def _apply_front_matter(meta: Metadata, markdown: Source, sample: str) -> None:
    """Front matter states metadata outright; the first ``#`` heading is the title otherwise."""
    front = markdown.front
    if front.get("title"):
        meta.title = str(front["title"])
    derive(meta, sample)
    # a key the front matter states, even as null (plantui's export writes every key), is the
    # metadata: a date the text only mentions (a URL's 2022-02/14) is not guessed over it
    for key in ("issuer", "doc_number", "region", "kind"):
        value = front.get(key)
        if value not in (None, ""):
            setattr(meta, key, str(value))
        elif key in front:
            setattr(meta, key, None)
    for key in ("issued", "published"):
        value = front.get(key)
        if value not in (None, ""):
            setattr(meta, key, parse_date(str(value)))
        elif key in front:
            setattr(meta, key, None)
    period = front.get("period")
    if isinstance(period, list | tuple) and len(period) == 2 and all(isinstance(y, int) for y in period):
        meta.period = (int(period[0]), int(period[1]))


def _attach_documents(
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


def _unnumbered_headings(chunks: Sequence[Chunk], heads: list[Heading | None], title: str | None) -> bool:
    """Short standalone lines between paragraphs of an unnumbered text (news) become headings."""
    found = []
    for index, chunk in enumerate(chunks):
        if heads[index] is not None or index + 1 >= len(chunks):
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
    if len(found) < 2:
        return False
    for index in found:
        text = chunks[index].text
        heads[index] = Heading("heading", "", None, text.strip(), len(text), RANK["heading"])
    return True


def _heading_like(text: str) -> bool:
    folded = P.fold(text).strip()
    if not 4 <= len(folded) <= 40 or ends_sentence(folded) or folded[-1] in ",、":
        return False
    if P.PROSE_MARK.search(folded) or "|" in folded or "\t" in folded:
        return False
    if P.DATE_LINE.fullmatch(folded) or looks_like_issuer(folded) or P.DOC_NUMBER.search(folded):
        return False
    colon = folded.find(":")
    if 0 <= colon <= 6:
        return False  # 来源：… 记者：… 1条主线：…
    return not (folded[0] in "(（[【" and folded[-1] in ")）]】")


def _is_prose_paragraph(text: str, heading: str) -> bool:
    return len(text) > len(heading) and (ends_sentence(text) or bool(P.PROSE_MARK.search(P.fold(text))))


def _decimal_fits(heading: Heading, parent: _Open) -> bool:
    """A decimal label (3.2, 3.2.1) continues its parent's numbering: 3.2 sits under part 三 (or
    3), 3.2.1 under section 3.2, and each follows its predecessor."""
    prefix = heading.label.rsplit(".", 1)[0]
    own = parent.label if "." in parent.label else (str(parent.number) if parent.number is not None else "")
    if prefix != own:
        return False
    return heading.number in (1, parent.last.get(heading.kind, 0) + 1)


def _paragraph(chunk: Chunk, start: int, end: int) -> Paragraph:
    text = chunk.text[start:end]
    stripped = text.strip(P.STRIP_CHARS)
    start += len(text) - len(text.lstrip(P.STRIP_CHARS))
    line, line_end = chunk.span(start, start + max(len(stripped), 1))
    end = start + len(stripped)
    breaks = tuple((o - start, n) for o, n in zip(chunk.offsets, chunk.lines, strict=True) if start < o < end)
    return Paragraph(stripped, line, line_end, breaks)


class _Builder:
    """Places headings and paragraphs into the tree as they come, in reading order."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.root = _Open("root", "", None, "", None, 0, -1.0)
        self.stack: list[_Open] = [self.root]
        self.preamble: list[Paragraph] = []

    def add(self, chunk: Chunk, heading: Heading | None) -> None:
        if self.markdown and not chunk.quote:
            self._close_quoted_columns()
        if heading is not None and self._place(chunk, heading):
            pass
        else:
            self._body(chunk)
        for node in self.stack[1:]:
            node.line_end = max(node.line_end, chunk.line_end)

    def _close_quoted_columns(self) -> None:
        for index, node in enumerate(self.stack):
            if node.kind == "column" and node.quote:
                del self.stack[index:]
                return

    def _place(self, chunk: Chunk, heading: Heading) -> bool:
        if heading.kind == "column":
            # a 专栏 belongs to the nearest section or part, whatever its Markdown level
            depth = self._container_depth()
        elif chunk.md_level:
            depth = self._markdown_parent(chunk.md_level)
        elif heading.kind == "appendix" or (heading.kind == "heading" and heading.rank in (0.0, PROSE_RANK)):
            depth = 0
        else:
            found = self._rank_parent(heading)
            if found is None:
                return False
            depth = found
        del self.stack[depth + 1 :]
        parent = self.stack[-1]
        rank = heading.rank
        md_level = chunk.md_level
        if heading.kind == "column":
            rank = parent.rank + 0.5
            if md_level:
                md_level = parent.md_level + 1 if parent.md_level else md_level
        elif chunk.md_level and heading.kind == "heading":
            rank = max(parent.rank, 0.0) + 0.25
        else:
            box = next((n for n in reversed(self.stack) if n.kind == "column"), None)
            if box is not None and rank <= box.rank:
                # a list kept inside a 专栏 ranks just above the box, in its own order
                rank = box.rank + rank / 100
        node = _Open(
            heading.kind,
            heading.label,
            heading.number,
            heading.title,
            _paragraph(chunk, 0, heading.head_end),
            chunk.line,
            rank,
            md_level,
            chunk.quote,
        )
        parent.children.append(node)
        if heading.number is not None:
            parent.last[heading.kind] = heading.number
        self.stack.append(node)
        if heading.head_end < len(chunk.text) and chunk.text[heading.head_end :].strip(P.STRIP_CHARS):
            node.paragraphs.append(_paragraph(chunk, heading.head_end, len(chunk.text)))
        return True

    def _markdown_parent(self, level: int) -> int:
        depth = len(self.stack) - 1
        while depth > 0 and (self.stack[depth].md_level == 0 or self.stack[depth].md_level >= level):
            depth -= 1
        return depth

    def _container_depth(self) -> int:
        depth = len(self.stack) - 1
        while depth > 0 and self.stack[depth].kind in ("item", "subitem", "lead", "column"):
            depth -= 1
        return depth

    def _rank_parent(self, heading: Heading) -> int | None:
        """Depth of the node the heading nests under, or None when the numbering rejects it."""
        depth = len(self.stack) - 1
        while depth > 0 and self.stack[depth].rank >= heading.rank:
            depth -= 1
        column = self._open_column(depth)
        if column is not None and self._continues_parent(column, heading):
            depth = column - 1
            while depth > 0 and self.stack[depth].rank >= heading.rank:
                depth -= 1
        depth = self._keep_in_column(depth, heading)
        parent = self.stack[depth]
        if heading.loose:
            expected = parent.last.get(heading.kind, 0) + 1
            if heading.number != expected:
                return None
        if "." in heading.label and not _decimal_fits(heading, parent):
            return None  # 8.5 平方米, 83.66 岁: a number in a table, not section 8.5
        return depth

    def _keep_in_column(self, depth: int, heading: Heading) -> int:
        """A heading that would close a 专栏 but restarts its new parent's numbering (一、 inside a
        box after the plan reached 四、) is the box's own list: it stays in the box."""
        column = next(
            (
                i
                for i in range(len(self.stack) - 1, depth, -1)
                if self.stack[i].kind == "column" and not self.stack[i].quote
            ),
            None,
        )
        if column is None or heading.number is None:
            return depth
        last = self.stack[depth].last.get(heading.kind)
        if last is None or heading.number > last:
            return depth
        inside = len(self.stack) - 1
        while inside > column and self.stack[inside].rank >= heading.rank:
            inside -= 1
        return inside

    def _open_column(self, depth: int) -> int | None:
        """Depth of the 专栏 the heading would nest directly under, if any."""
        node = self.stack[depth]
        return depth if node.kind == "column" and not node.quote else None

    def _continues_parent(self, column: int, heading: Heading) -> bool:
        """An item numbered after the parent's last item closes the 专栏 (the 7. after 专栏九)."""
        parent = self.stack[column - 1]
        own = self.stack[column].last.get(heading.kind)
        before = parent.last.get(heading.kind)
        if before is None or heading.number is None:
            return False
        if own is not None and heading.number == own + 1:
            return False
        return heading.number > before

    def _body(self, chunk: Chunk) -> None:
        top = self.stack[-1]
        paragraph = _paragraph(chunk, 0, len(chunk.text))
        if top is self.root:
            self.preamble.append(paragraph)
            return
        lead = LEAD.fullmatch(P.fold(paragraph.text))
        if lead is not None and not chunk.md_level and self._lead_parent() is not None:
            self._open_lead(paragraph, paragraph.text[: lead.end("title")])
            return
        top.paragraphs.append(paragraph)

    def _lead_parent(self) -> _Open | None:
        if self.stack[-1].kind == "lead":
            self.stack.pop()
        top = self.stack[-1]
        return top if top.kind in _CONTAINERS else None

    def _open_lead(self, paragraph: Paragraph, title: str) -> None:
        parent = self.stack[-1]
        node = _Open("lead", "", None, title.strip(), None, paragraph.line, _LEAD_RANK)
        node.line_end = paragraph.line_end
        node.paragraphs.append(paragraph)
        parent.children.append(node)
        self.stack.append(node)
