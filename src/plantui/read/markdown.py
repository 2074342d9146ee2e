"""Markdown source → front matter and the same line records plain text gives.

Handles what plantui's own export writes (YAML front matter, ``#`` headings, 专栏 as
blockquotes, bold lead-ins, a marked targets table) and ordinary Markdown: setext rules,
lists, code fences, escapes and HTML comments are reduced to their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plantui import patterns as P
from plantui.blocks import Block, Source

HEADING = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
QUOTE = re.compile(r"(?:>\s?)+")
BULLET = re.compile(r"[-*+]\s+")
TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
THEMATIC_BREAK = re.compile(r"(?:[-*_]\s*){3,}")
ESCAPED = re.compile(r"\\([\\#>|*_\-+.`\[\]()!])")
EMPHASIS = re.compile(r"\*\*|__")
HTML_COMMENT = re.compile(r"<!--.*?-->")
# Headings that label a part of a saved page (政策全文, 基本信息, 文档：x.md) rather than head a
# part of the plan: web scrapers and converters write them around the document.
SECTION_LABEL = re.compile(
    r"(?:政策全文|全文|正文|政策内容|文件内容|原文|基本信息|文件信息|政策信息|附件下载|相关附件|原文链接)"
    r"|(?:文档|文件)\s*[:：].*"
)
# plantui writes its own targets table between these markers; re-importing must not read it as text.
TARGETS_MARK = "<!-- plantui:targets -->"
TARGETS_END = "<!-- /plantui:targets -->"


@dataclass
class MarkdownSource:
    """Front matter, the first level-1 heading, and the body as line records."""

    front: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    title_line: int | None = None
    lines: list[Block] = field(default_factory=list)


def read_markdown(text: str) -> MarkdownSource:
    """Split Markdown into front matter, title and body lines (1-based source numbers kept)."""
    source = MarkdownSource()
    rows = text.split("\n")
    start = _front_matter(rows, source)
    in_fence = False
    skipping = False  # inside plantui's own targets section
    for number, row in enumerate(rows[start:], start=start + 1):
        stripped = row.strip(P.STRIP_CHARS)
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            if stripped:
                source.lines.append(Block(stripped, number))
            continue
        if stripped in (TARGETS_MARK, TARGETS_END):
            skipping = stripped == TARGETS_MARK
            continue
        if skipping:
            continue
        line = _line(stripped, number, source)
        if line is not None:
            source.lines.append(line)
    return source


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


def _line(stripped: str, number: int, source: MarkdownSource) -> Block | None:
    quote = 0
    match = QUOTE.match(stripped)
    if match:
        quote = match.group(0).count(">")
        stripped = stripped[match.end() :].strip(P.STRIP_CHARS)
    stripped = HTML_COMMENT.sub("", stripped).strip()
    if not stripped or TABLE_RULE.fullmatch(stripped) or THEMATIC_BREAK.fullmatch(stripped):
        return None
    level = 0
    heading = HEADING.fullmatch(stripped)
    if heading:
        level = len(heading.group("hashes"))
        stripped = heading.group("text")
        if SECTION_LABEL.fullmatch(ESCAPED.sub(r"\1", EMPHASIS.sub("", stripped)).strip()):
            return None  # a scraper's or converter's label for a part of the page, not a heading
    else:
        stripped = BULLET.sub("", stripped, count=1) if BULLET.match(stripped) else stripped
    stripped = ESCAPED.sub(r"\1", EMPHASIS.sub("", stripped)).strip(P.STRIP_CHARS)
    if not stripped:
        return None
    if level == 1 and source.title is None and quote == 0:
        source.title = stripped
        source.title_line = number
        return None
    return Block(stripped, number, level, quote)


# A Markdown heading that is not a field label (``## 政策标题：`` heads a value, not a section).
_SNIFF_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>\S.*)$", re.M)
_SNIFF_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.M)
_SNIFF_HTML_TABLE = re.compile(r"<table[\s>].*?<tr[\s>]", re.S | re.I)
_FIELD_LABEL = re.compile(r"^[^\s:：]{1,8}[:：]\s*$")


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
    return bool(_SNIFF_TABLE_RULE.search(sample) or _SNIFF_HTML_TABLE.search(sample))


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
    )
