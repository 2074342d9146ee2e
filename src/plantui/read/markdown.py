"""Markdown source → front matter and blocks, read with markdown-it-py (CommonMark + GFM tables).

Block tokens carry their source lines, so every block keeps the line it came from. Handles what
plantui's own export writes (YAML front matter, ``#`` headings, 专栏 as blockquotes, bold
lead-ins, a marked targets table, which re-importing skips) and what converters write
(MinerU, marker, pandoc): GFM tables and HTML tables become table rows (the HTML reader's table
code reads the latter), inline LaTeX becomes text (``$17\\%$`` → 17%), images and link targets
go. Paragraphs stay one block per source line: joining them is structure's job.

Three CommonMark rules are switched off because Chinese plans trip over them: setext headings
(a ``---`` under a crawler's field line is a rule, not an underline), indented code (PDF text
and hand-typed plans indent paragraphs) and link reference definitions (``[1]: …`` is text).
``#标题`` without a space at the start of a line still heads a part: converters write it so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from plantui import patterns as P
from plantui.blocks import Block, Source
from plantui.read.base import CHROME
from plantui.read.latex import latex_text
from plantui.read.markdown_parts import join_cells, prose_table, row_labels_outside, run_in_end, run_in_title
from plantui.wrapped import display_width

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Headings that label a part of a saved page (政策全文, 基本信息, 文档：x.md) rather than head a
# part of the plan: web scrapers and converters write them around the document.
SECTION_LABEL = P.SCRAPER_SECTION
# A table row's cells as written: split at each | not escaped
_RAW_CELL = re.compile(r"(?<!\\)\|")
# A table cell that holds a whole article: long, with five or more paragraph gaps (two or more
# spaces after a sentence's end or a heading's last character) inside it.
_GAP = r"(?<=[。：:；;！？!?）)\u4e00-\u9fff])\s{2,}"
_PARAGRAPH_GAP = re.compile(_GAP + r"(?=\S)")
_FLATTENED = re.compile(r"^(?=.{400})(?:.*?" + _GAP + r"\S){5}")
# what is left of a link a converter broke over lines: its target
_LINK_RESIDUE = re.compile(r"\]\(|https?://|www\.")
# plantui writes its own targets table between these markers; re-importing must not read it as text.
TARGETS_MARK = "<!-- plantui:targets -->"
TARGETS_END = "<!-- /plantui:targets -->"
# An ordered list's marker as written (``1.``, ``2)``, with its spacing): plans number their
# items, so the number is text, not list syntax.
_ORDERED_MARKER = re.compile(r"^[ \t>]*(\d{1,9}[.)])([ \t]*)")
# ``#一、总体要求``: an ATX heading without the space CommonMark asks for.
_TIGHT_HEADING = re.compile(r"(#{1,6})(?=[\u4e00-\u9fff（(〔【“《第])(.+)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# a | b, and a first cell followed by empty ones (数量 |  |  |)
_CELLS = re.compile(r"\S \| (?:\S|\s*\|)")
_PANDOC_ANCHOR = re.compile(r"\[\]\{#[^}]*\}|\{(?:width|height)=[^}]*\}")
_PANDOC_SPAN = re.compile(r"\[([^\[\]\n]*)\]\{(?:[.#][^}\n]*|lang=\"[^\"\n]*\")\}")
# pandoc's fenced divs (::: {#133692062 .myid} … :::): containers, no text
_PANDOC_DIV = re.compile(r":{3,}\s*(?:\{[^}]*\}|[\w-]+)?\s*")
_BR = re.compile(r"<br\s*/?>", re.I)
_COMMENT_ONLY = re.compile(r"(?:\s*<!--.*?-->)+\s*", re.S)


@dataclass
class MarkdownSource:
    """Front matter, the first level-1 heading, and the body as blocks."""

    front: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    title_line: int | None = None
    lines: list[Block] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)  # the file's lines, plantui's targets table blanked


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable("table").disable(["lheading", "reference", "code"])
    dollarmath_plugin(md, allow_labels=False, allow_space=True, allow_digits=True)
    return md


def read_markdown(text: str) -> MarkdownSource:
    """Split Markdown into front matter, title and body blocks (1-based source lines kept)."""
    source = MarkdownSource()
    # markdown-it ends a line at \r too: count lines as it does (and as the text reader does)
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = _front_matter(rows, source)
    _blank_targets(rows)
    source.rows = rows
    body = [""] * start + rows[start:]
    _Reader(body, source).run(_parser().parse("\n".join(body)))
    source.lines = row_labels_outside(source.lines, rows)
    _lone_top_heading(source)
    return source


def _lone_top_heading(source: MarkdownSource) -> None:
    """A file that opens with a ``##`` heading no later heading outranks, and that is no numbered
    heading (## 防范和处置非法集资条例（国务院令第737号）), states the document's title as ``#`` does."""
    from plantui.headings import classify

    if source.title is not None or not source.lines:
        return
    first = source.lines[0]
    if not first.md_level or first.quote or classify(first.text) is not None:
        return
    if any(0 < line.md_level <= first.md_level for line in source.lines[1:]):
        return
    source.title, source.title_line = first.text, first.line
    del source.lines[0]


def _front_matter(rows: list[str], source: MarkdownSource) -> int:
    """Parse a leading ``---`` YAML block into ``source.front``; return the first body row."""
    if not rows or rows[0].strip() != "---":
        return 0
    for end in range(1, len(rows)):
        if rows[end].strip() in ("---", "..."):
            import yaml  # only Markdown with front matter needs it

            try:
                data = yaml.safe_load("\n".join(rows[1:end]))
            except yaml.YAMLError:
                return 0  # not front matter after all: read it as text
            if isinstance(data, dict):
                source.front = data
            return end + 1
    return 0


def _blank_targets(rows: list[str]) -> None:
    """Blank plantui's own targets section (kept line numbers, nothing read from it)."""
    skipping = False
    for number, row in enumerate(rows):
        stripped = row.strip(P.STRIP_CHARS)
        if stripped in (TARGETS_MARK, TARGETS_END):
            skipping = stripped == TARGETS_MARK
            rows[number] = ""
        elif skipping:
            rows[number] = ""


class _Reader:
    """Walks the token stream once, keeping blockquote depth, list markers and table rows."""

    def __init__(self, rows: list[str], source: MarkdownSource) -> None:
        self.rows = rows
        self.source = source
        self.quote = 0
        self.heading = 0  # level of the heading whose inline token comes next
        self.marker = ""  # an ordered list item's number, for the item's first line
        self.marker_line = 0
        self.cells: list[str] | None = None  # the table row being read
        self.row_line = 0
        self.table: list[tuple[int, list[str]]] | None = None  # the rows of the table being read

    def run(self, tokens: list[Token]) -> None:
        for token in tokens:
            kind = token.type
            if kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "list_item_open":
                self.marker = self._marker(token) if token.markup in (".", ")") else ""
                self.marker_line = _line(token)
            elif kind == "list_item_close" and self.marker:
                marker, self.marker = self.marker.strip(), ""  # an empty item: its number alone
                self._add(marker, self.marker_line)
            elif kind == "heading_open":
                self.heading = int(token.tag[1])
            elif kind == "heading_close":
                self.heading = 0
            elif kind == "tr_open":
                self.cells, self.row_line = [], _line(token)
            elif kind in ("th_open", "td_open") and self.cells is not None:
                self.cells.append("")
            elif kind == "tr_close" and self.cells is not None:
                if self.table is not None:
                    self.table.append((self.row_line, self.cells))
                else:
                    self._row(self.cells)
                self.cells = None
            elif kind == "table_open":
                self.table = []
            elif kind == "table_close" and self.table is not None:
                rows, self.table = self.table, None
                self._table(rows)
            elif kind == "inline":
                self._inline(token)
            elif kind in ("fence", "code_block"):
                first = _line(token) + (1 if kind == "fence" else 0)
                for offset, row in enumerate(token.content.split("\n")):
                    self._add(row, first + offset)
            elif kind == "html_block":
                self._html(token)
            elif kind == "math_block":
                self._add(latex_text(token.content), _line(token))

    def _marker(self, token: Token) -> str:
        match = _ORDERED_MARKER.match(self.rows[_line(token) - 1])
        return match.group(1) + match.group(2) if match else f"{token.info}{token.markup}"

    def _inline(self, token: Token) -> None:
        text = _inline_text(token.children or [])
        if self.cells is not None:
            if self.cells:
                self.cells[-1] = text.replace("\n", " ").strip(P.STRIP_CHARS)
            return
        if self.heading:
            self._heading(text.replace("\n", " "), _line(token), self.heading)
            return
        last = token.map[1] if token.map else len(self.rows)
        run_in = run_in_title(token.children or [])
        for offset, row in enumerate(text.split("\n")):
            # a break inside inline markup can outnumber the source lines: stay on the last one
            number = min(_line(token) + offset, last, len(self.rows))
            if self.marker:
                row, self.marker = self.marker + row.lstrip(P.STRIP_CHARS), ""
            tight = _TIGHT_HEADING.fullmatch(row) if self.rows[number - 1].startswith("#") else None
            if _PANDOC_DIV.fullmatch(row):
                continue
            if tight:
                self._heading(tight.group(2), number, len(tight.group(1)))
            else:
                # a table row as plantui's export writes one (cells joined by `` | ``): data
                self._add(
                    row, number, row=_CELLS.search(row) is not None, run_in=run_in if offset == 0 else None
                )

    def _heading(self, text: str, number: int, level: int) -> None:
        text = text.strip(P.STRIP_CHARS)
        if not text:
            return
        raw = self.rows[number - 1].strip() if 0 < number <= len(self.rows) else text
        if SECTION_LABEL.fullmatch(text) or P.CODING_LINE.fullmatch(raw):
            # a scraper's or converter's label for a part of the page (## 政策全文), and # -*- coding:
            # utf-8 -*- (its * read as emphasis): kept as written, label lines the parser keeps for
            # search and does not show
            self.source.lines.append(Block(raw, number, 0, self.quote))
            return
        if _labels_only(text) or CHROME.match(text) or _LINK_RESIDUE.search(text):
            # ## 政策标题： (a label line, as in text); a converted web page's breadcrumb (## 您当前
            # 所在位置：…), its lists around the article (### 关联稿件：) and a link the converter cut
            # (# 统计局](http://…)): text, never a heading or the title
            self.source.lines.append(Block(text, number, 0, self.quote))
            return
        if level == 1 and self.source.title is None and self.quote == 0:
            from plantui.metadata_signs import is_red_header

            if is_red_header(P.fold(text)):
                # # 财付通支付科技有限公司文件: a 公文's red header set as a heading; the title follows
                self.source.lines.append(Block(text, number, 0, self.quote))
                return
            self.source.title = text
            self.source.title_line = number
            return
        self.source.lines.append(Block(text, number, level, self.quote))

    def _add(self, text: str, number: int, row: bool = False, run_in: str | None = None) -> None:
        text = text.strip(P.STRIP_CHARS)
        if self.marker and text:
            text, self.marker = self.marker + text, ""
        if text:
            raw = self.rows[number - 1] if 0 < number <= len(self.rows) else ""
            indent = display_width(raw[: len(raw) - len(raw.lstrip(P.STRIP_CHARS))]) if not row else 0
            lead = run_in_end(text, run_in) if run_in else 0
            self.source.lines.append(Block(text, number, 0, self.quote, row=row, indent=indent, lead=lead))

    def _table(self, rows: list[tuple[int, list[str]]]) -> None:
        """A table's rows as rows, or, where a converter cut lines of prose into cells (pdfplumber
        reading a justified page as a table: `| 国政府信息公开条例》（国令第 |  |  | 711 号）…`), as
        the lines of text they are."""
        prose = prose_table([self._written(line, cells) for line, cells in rows])
        for line, cells in rows:
            self.row_line = line
            if not prose:
                self._row(cells)
                continue
            raw = self._raw()
            if _SNIFF_TABLE_RULE.match(raw):
                continue
            written = self._written(line, cells)
            self._add(join_cells(written) if _RAW_CELL.search(raw) else _cell_text(raw), line)

    def _raw(self) -> str:
        return self.rows[self.row_line - 1] if 0 < self.row_line <= len(self.rows) else ""

    def _written(self, line: int, cells: list[str]) -> list[str]:
        """A row's cells as written on its line (past the header's width too); [] for a delimiter row
        or a line written without a |."""
        raw = self.rows[line - 1] if 0 < line <= len(self.rows) else ""
        if not _RAW_CELL.search(raw) or _SNIFF_TABLE_RULE.match(raw):
            return []
        written = _RAW_CELL.split(raw.strip().removeprefix("|").removesuffix("|"))
        return [_cell_text(cell) for cell in written] if len(written) > len(cells) else cells

    def _row(self, cells: list[str]) -> None:
        raw = self.rows[self.row_line - 1] if 0 < self.row_line <= len(self.rows) else ""
        if raw.strip() and not _RAW_CELL.search(raw):
            # GFM runs a table on to the next blank line, so a line written without a | right after
            # a table is a row; a converter's text is (一、总体情况 below pdfplumber's table)
            self._add(_cell_text(raw), self.row_line)
            return
        if _SNIFF_TABLE_RULE.match(raw):
            return  # the delimiter row of a table that starts with no blank line before it
        written = _RAW_CELL.split(raw.strip().removeprefix("|").removesuffix("|"))
        if len(written) > len(cells):
            # markdown-it keeps a row to its header's width: the cells written past it would be lost
            cells = [_cell_text(cell) for cell in written]
        if any(_FLATTENED.search(cell) for cell in cells):
            # a page laid out in tables, flattened by a converter (markitdown): the article is one
            # cell, its paragraphs ended by runs of spaces; read them as the paragraphs they were
            for cell in cells:
                for paragraph in _PARAGRAPH_GAP.split(cell):
                    self._add(paragraph, self.row_line)
            return
        if any(cells):
            self._add(" | ".join(cell.replace("|", "｜") for cell in cells), self.row_line, row=True)

    def _html(self, token: Token) -> None:
        """An HTML block: a converter's table (rows), or markup around text (its text)."""
        content = token.content
        if _COMMENT_ONLY.fullmatch(content):
            return
        from plantui.read.html import fragment_blocks

        first = _line(token)
        last = token.map[1] if token.map else first
        cursor = first
        for block in fragment_blocks(content):
            probe = block.text.split(" | ")[0][:6]
            for number in range(cursor, last + 1):
                if probe and probe in self.rows[number - 1]:
                    cursor = number
                    break
            self.source.lines.append(Block(block.text, cursor, 0, self.quote + block.quote, row=block.row))


def _labels_only(text: str) -> bool:
    """A heading that only names a metadata field (政策标题：, 政策内容：): no heading."""
    folded = P.fold(text).strip()
    if P.FIELD_CONTENT.fullmatch(folded):
        return True
    match = _FIELD_LABEL.match(folded)
    return bool(match) and re.sub(r"\s+", "", folded.rstrip(":：").strip()) in P.FIELD_KEYS


def _cell_text(cell: str) -> str:
    """A table cell's written Markdown as text (its inline markup dropped)."""
    tokens = _parser().parseInline(cell.strip())
    return _inline_text(tokens[0].children or []).replace("\n", " ").strip(P.STRIP_CHARS) if tokens else ""


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _inline_text(children: list[Token]) -> str:
    """An inline token's text: markup dropped, breaks kept as newlines (one per source line)."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind in ("math_inline", "math_inline_double"):
            formula = child.content
            # two dollar signs of prices (US$5亿元至US$3亿元) enclose text, not a formula
            prose = _CJK.search(formula) and not re.search(r"[\\^_{]", formula)
            parts.append(f"${formula}$" if prose else latex_text(formula))
        elif kind == "image":
            alt = child.content
            parts.append(alt if _CJK.search(alt) else "")
        elif kind == "html_inline" and _BR.fullmatch(child.content):
            parts.append(" ")
        elif kind == "html_inline":
            # a tag written over lines (<span\nstyle="…">, pandoc's raw HTML): its breaks kept, so
            # the text after it keeps its source line
            parts.append("\n" * child.content.count("\n"))
    text = "".join(parts)
    if "]{" in text or "{width" in text or "{height" in text:
        # pandoc's attributes: anchors []{#_Toc1 .anchor}, spans [text]{lang="EN-US"}, image sizes
        # {width="3in"\nheight="9in"} (its newlines kept: one per source line)
        text = _PANDOC_ANCHOR.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        for _ in range(3):  # spans nest: [[control-vlan]{lang="EN-US"}]{#struct_0_2033}
            text, count = _PANDOC_SPAN.subn(r"\1", text)
            if not count:
                break
    # CommonMark leaves ** beside CJK punctuation unmatched (文字**“十四五”**): still emphasis
    return text.replace("**", "").replace("__", "")


# A Markdown heading that is not a field label (``## 政策标题：`` heads a value, not a section).
_SNIFF_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>\S.*)$", re.M)
_SNIFF_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.M)
_SNIFF_HTML_TABLE = re.compile(r"<table[\s>].*?<tr[\s>]", re.S | re.I)
_FIELD_LABEL = re.compile(r"^[^\s:：]{1,8}[:：]\s*$")


_SNIFF_BOLD_LINE = re.compile(r"^[ \t\u3000]*\*\*[^*\n]{2,60}\*\*[ \t]*$", re.M)


def looks_like_markdown(text: str) -> bool:
    """Markdown inside a .txt (converter output): ``#`` headings that are not field labels,
    a GFM table rule, or an HTML table. The content decides, not the file name."""
    sample = text[:400_000]
    headings = 0
    for match in _SNIFF_HEADING.finditer(sample):
        body = match.group("text").strip()
        if _FIELD_LABEL.match(body) or P.CODING_LINE.fullmatch("# " + body) or body.startswith("-*-"):
            continue
        headings += 1
        if headings >= 2:
            return True
    if _SNIFF_TABLE_RULE.search(sample) or _SNIFF_HTML_TABLE.search(sample):
        return True
    # converters that set headings in bold rather than with #: **一、总体要求** on lines of their own
    return len(_SNIFF_BOLD_LINE.findall(sample, 0, 100_000)) >= 3


def markdown_source(text: str, encoding: str = "utf-8") -> Source:
    """Markdown as blocks, with its front matter and level-1 title."""
    source = read_markdown(text)
    return Source(
        tuple(source.lines),
        text.count("\n") + 1,
        "markdown",
        encoding,
        front=source.front,
        title=source.title,
        title_line=source.title_line,
        hidden=_hidden_rows(source),
    )


def _hidden_rows(source: MarkdownSource) -> tuple[Block, ...]:
    """Rows holding Chinese text that no block on their line holds: an image's path (![](./…统计公报_
    files/logo.png)), a tag's attributes, the second line of a paragraph a raw HTML block joined."""
    held: dict[int, str] = {}
    for block in source.lines:
        held[block.line] = held.get(block.line, "") + block.text
    if source.title_line is not None and source.title is not None:
        held[source.title_line] = held.get(source.title_line, "") + source.title
    return tuple(
        Block(row.strip(), number, 0)
        for number, row in enumerate(source.rows, 1)
        if any(run not in held.get(number, "") for run in _CJK_RUN.findall(row))
    )
