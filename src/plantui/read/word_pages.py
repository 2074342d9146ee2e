"""A saved web page turned into Word (pandoc, a browser, a paste): the page's <title> set as the
Word title and its own headings set in heading styles; which of them are the document's."""

from __future__ import annotations

import re
from dataclasses import replace

from plantui.blocks import Block

# …的通告-广州市人力资源和社会保障局网站: a page's <title>, the site's name after a dash
_SITE_NAME = re.compile(r"(?P<head>.+?)\s*[-_|｜–—]\s*[^-_|｜–—\s]{2,30}(?:网站|门户网|政府网|官网)")


def page_headings(blocks: tuple[Block, ...], title: str | None) -> tuple[tuple[Block, ...], str | None]:
    """A saved web page turned into Word (pandoc, a browser, a paste) sets the page's <title> as the
    Word title, the site's name after a dash, then the page's own headings: the site's section name,
    the article's title again. The title line the page repeats, and every heading above it, are text
    (as a Markdown file's # title line is), not headings over the whole document; the site's name
    is no part of the title."""
    if not title:
        return blocks, title
    site = _SITE_NAME.fullmatch(title)
    head = site.group("head") if site else re.split(r"\s+[-|｜–—]\s+", title)[0].strip()
    generic = False
    if head != title and len(re.findall(r"[\u4e00-\u9fff]", head)) >= 6:
        title = head
    elif site:
        generic = True  # 通知公告 - 广州市人民政府门户网站: the site's column, not the article's title
    key = re.sub(r"\s+", "", title)
    at = next((i for i, b in enumerate(blocks) if b.md_level and re.sub(r"\s+", "", b.text) == key), None)
    # 江西省人民政府 政策文件 江西省人民政府办公厅关于…: the site and its column, set apart by spaces,
    # before the title the page then states on a line of its own
    tail = next(
        (
            i
            for i, b in enumerate(blocks[:60])
            if len(re.findall(r"[\u4e00-\u9fff]", b.text)) >= 8
            and title.endswith(b.text.strip())
            and len(title[: -len(b.text.strip())].split()) >= 2
            and title[: -len(b.text.strip())][-1:].isspace()
        ),
        None,
    )
    if tail is not None:
        title, at = blocks[tail].text.strip(), tail
    if at is None and generic:
        # the article's own title: the page's first top heading that reads like one (its h1)
        at = next(
            (
                i
                for i, b in enumerate(blocks[:400])
                if b.md_level == 1 and len(re.findall(r"[\u4e00-\u9fff]", b.text)) >= 8
            ),
            None,
        )
        if at is not None:
            title = blocks[at].text.strip()
    if at is None:
        return blocks, title
    # above it, only a page's chrome: short lines (a standard's 前言 and 引言 before its title stay)
    first = 0 if all(len(b.text) <= 80 for b in blocks[:at]) else at
    return tuple(
        replace(b, md_level=0) if b.md_level and first <= i <= at else b for i, b in enumerate(blocks)
    ), title
