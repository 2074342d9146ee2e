"""The one intermediate model every reader produces: a file as a sequence of blocks.

A block is a paragraph (or, for plain text, one source line) with where it came from: its
1-based line in the text as imported (for .docx, .pdf and .html: the text the reader extracted,
one paragraph or table row a line), its page when the format has pages, and the hints the
format gives — a heading level (Markdown ``#``, Word heading styles), a box (a 专栏 drawn as a
framed one-cell table or a blockquote), a table row. Structure, metadata and targets read
blocks and never know which format they came from.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Block:
    """One paragraph, table row or (for plain text) source line, stripped.

    ``md_level`` is a heading level the format states (0: none); ``quote`` the depth of a
    box or blockquote; ``final`` says the reader has already joined the paragraph (Word,
    HTML, PDF): structure must not join it with its neighbours, except a label standing
    alone with its title on the next block.
    """

    text: str
    line: int
    md_level: int = 0
    quote: int = 0
    final: bool = False
    page: int | None = None
    row: bool = False  # a table row (cells joined by `` | ``): data, never a heading
    blank: bool = False  # a blank line stands before it in the file (set when lines are cleaned)
    indent: int = 0  # terminal cells of the indentation stripped from a line of text (　　 is 4)
    # where a run-in title the format marks ends in ``text`` (Markdown bold before a colon:
    # 1. **优化账户服务**：持续推进…), 0 when none: the title is that run, not the text up to 。
    lead: int = 0


@dataclass(frozen=True)
class Source:
    """A file read by one of the readers: its blocks and what the format itself states.

    ``front`` holds metadata the format states outside the text (Markdown front matter);
    ``title`` a title the format marks (a Markdown level-1 heading, ``title_line`` its line when it
    is not among the blocks); ``page_starts`` the first
    line of every page (empty for formats without pages).
    """

    blocks: tuple[Block, ...]
    line_count: int
    format: str  # text | markdown | docx | pdf | html
    encoding: str = ""
    front: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    page_starts: tuple[int, ...] = ()
    # the line a marked title stands on when the reader took it out of the blocks (Markdown's #)
    title_line: int | None = None
    # lines of the file whose text no block holds (a Markdown image's path, a tag's attributes, a
    # row a block spans past its first line): searchable as written, never shown
    hidden: tuple[Block, ...] = ()

    def page_of(self, line: int) -> int | None:
        """The 1-based page holding ``line``, or None when the format has no pages."""
        return page_of(self.page_starts, line)

    def text_lines(self) -> str:
        """The text as read, each block on the line it is cited by (a PDF's or Word file's lines,
        for a pager: the file itself is binary)."""
        lines: list[str] = [""] * self.line_count
        for block in (*self.blocks, *self.hidden):
            for number, piece in enumerate(block.text.split("\n"), block.line):
                if number > len(lines):
                    lines += [""] * (number - len(lines))
                if number > 0 and not lines[number - 1]:
                    lines[number - 1] = piece
        return "\n".join(lines) + "\n"


def page_of(page_starts: tuple[int, ...], line: int) -> int | None:
    """The 1-based page of ``line`` given the first line of every page."""
    if not page_starts:
        return None
    return max(bisect.bisect_right(page_starts, line), 1)
