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
from dataclasses import replace
from pathlib import PurePath

from plantui import patterns as P
from plantui.blocks import Source
from plantui.chunks import Chunk, changed_lines, clean_lines, join_lines, raw_lines
from plantui.headings import (
    PROSE_RANK,
    Heading,
)
from plantui.metadata import Metadata, derive, extract, is_label_line, parse_date, squash
from plantui.models import Document, Node, Paragraph
from plantui.passes import attach_documents, classify_chunks, outline_start
from plantui.unnumbered import leading_headings, unnumbered_headings

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
    blocks = clean_lines(source.blocks)
    chunks = join_lines(blocks, cleaned=True)
    heads = classify_chunks(chunks)
    stated, title_line = source.title, source.title_line
    if markdown is not None and stated is not None and _site_name(stated):
        # # 万载县人民政府- (the site's logo over its pages): the page's own # title comes later
        own = next(
            (i for i, c in enumerate(chunks) if c.md_level == 1 and P.KIND_END.search(P.fold(c.text))), None
        )
        if own is not None:
            stated, title_line = chunks[own].text.strip(), chunks[own].lines[0]
            heads[own] = None
    if markdown is not None and title_line is not None:
        for index, (chunk, head) in enumerate(zip(chunks, heads, strict=True)):
            # a converted page's menus set as headings above its # title (### 人民日报报系): chrome
            if chunk.lines[0] < title_line and head is not None and head.kind == "heading":
                heads[index] = None
    start = outline_start(heads, chunks)
    preamble_end = start if start is not None else len(chunks)
    # a signature block (issuer, date) closes the main text, before any 附件
    back = next(
        (i for i, h in enumerate(heads) if i >= preamble_end and h is not None and h.kind == "appendix"),
        len(chunks),
    )
    tail = chunks[max(preamble_end, back - 12) : back]  # room for a joint signature of 8-10 lines
    # where a saved page's footer runs on after the text, its signature is after the last heading
    last = max((i for i in range(preamble_end, back) if heads[i] is not None), default=preamble_end)
    closing = chunks[last:back]
    sample = " ".join(c.text for c in chunks[:60])
    # a title the format states (a Markdown # title, Word's centred title in the largest type)
    meta = extract(chunks[:preamble_end], tail, sample, stated, ending=chunks[-30:], closing=closing)
    if markdown is not None:
        _apply_front_matter(meta, markdown, sample)
    if start is not None and _attached_heading(chunks, heads, start, meta):
        start = outline_start(heads, chunks)
    # (a report's unlabelled part titles above its numbered headings: they head it)
    if attach_documents(chunks, heads, meta, preamble_end) or (
        start is not None and leading_headings(chunks, heads, meta.title, start)
    ):
        start = outline_start(heads, chunks)
    elif start is None:
        if unnumbered_headings(chunks, heads, meta.title):
            start = outline_start(heads, chunks)
        else:
            start = outline_start(heads, chunks, loose=True)
    builder = _Builder(markdown is not None)
    labels: list[Paragraph] = []
    if source.title and source.title_line is not None:
        # the # title line: searchable like the rest of the file, shown as the plan's title only
        labels.append(Paragraph(source.title, source.title_line, source.title_line))
    # lines cleaning dropped or rewrote stay searchable as written, never shown
    labels += [Paragraph(b.text, b.line, b.line) for b in changed_lines(source.blocks, blocks)]
    labels += [Paragraph(b.text, b.line, b.line) for b in source.hidden]
    for index, chunk in enumerate(chunks):
        if start is None or index < start:
            paragraph = _paragraph(chunk, 0, len(chunk.text))
            # ## 政策标题： and # -*- coding: label no text; kept for search, not shown
            (labels if is_label_line(chunk.text) else builder.preamble).append(paragraph)
        elif heads[index] is None and chunk.text.startswith("#") and is_label_line(chunk.text):
            labels.append(_paragraph(chunk, 0, len(chunk.text)))  # ## 附件下载 after the text
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


def _attached_heading(chunks: list[Chunk], heads: list[Heading | None], start: int, meta: Metadata) -> bool:
    """A notice attaching one document whose title the text sets as the heading that opens the
    outline (## 关于印发《X》的通知 … ## X / ### 第一章, or ## 附件：X): X is the document's title,
    not a node."""
    heading = heads[start]
    if len(meta.attached) != 1 or heading is None or not chunks[start].md_level:
        return False
    if heading.kind not in ("heading", "appendix") or (heading.kind == "appendix" and heading.label):
        return False
    if meta.title and P.AND_OTHERS.search(meta.title):
        return False  # 印发《X》等两个办法的通知: X is one of several, each a heading of its own
    text = chunks[start].text.strip() if heading.kind == "heading" else heading.title
    if squash(text) != squash(meta.attached[0]):
        return False
    meta.title = text
    heads[start] = None
    return True


def _site_name(title: str) -> bool:
    """A # title that only names a site's owner, as a saved page's logo does (万载县人民政府-)."""
    from plantui.metadata_signs import looks_like_issuer

    return looks_like_issuer(P.fold(title).strip().rstrip("-_|— ").strip())


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
    return Paragraph(stripped, line, line_end, breaks, row=chunk.row)


class _Builder:
    """Places headings and paragraphs into the tree as they come, in reading order."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.root = _Open("root", "", None, "", None, 0, -1.0)
        self.stack: list[_Open] = [self.root]
        self.preamble: list[Paragraph] = []

    def add(self, chunk: Chunk, heading: Heading | None) -> None:
        if not chunk.quote:
            self._close_quoted_columns()  # a box (Markdown quote, Word or web box) ends
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
            body = _paragraph(chunk, heading.head_end, len(chunk.text))
            end = heading.head_end
            if end > 0 and chunk.text[end - 1].isalnum() and chunk.text[end].isalnum():
                body = replace(body, glued=True)  # 第十二条金融机构…: one passage for search
            node.paragraphs.append(body)
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
