"""Web pages (.html/.htm) → blocks, with selectolax (lexbor).

- The charset comes from the page (BOM, ``<meta charset>``, ``http-equiv``), GB2312/GBK read as
  GB18030; without one, the bytes decide as for text files.
- Scripts, styles, forms, navigation, headers and footers are dropped; of what is left, the
  content is the deepest element holding most of the page's Chinese text (the article), so
  menus, breadcrumbs and link lists around it fall away. Chrome lines that sit inside it
  (【字体：大 中 小】, 打印本页, 分享到, 扫一扫…) are dropped by pattern.
- The gov.cn metadata table (索引号 / 主题分类 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期)
  becomes field lines (``发文机关：国务院``) at the top, which metadata reads as stated fields.
- Block elements become blocks; layout tables are read as flow, data tables as rows
  ``a | b | c``; a one-cell table is a box.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from plantui.blocks import Block, Source
from plantui.read.base import CHROME, MAX_HTML_BYTES, ReadError, run_in_lead
from plantui.read.html_parts import STRIP, bold_run, page_date

_CJK = re.compile(r"[\u4e00-\u9fff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_DROP = (
    "script, style, noscript, iframe, object, embed, select, button, input, textarea, nav, svg, "
    "canvas, template"
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "center",
        "ul",
        "ol",
        "dl",
        "figure",
        "figcaption",
        "main",
        "aside",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "hr",
    ]
)
# The gov.cn policy library's field labels, and others' (发布机构, 名称, 文号, 分类).
_FIELD_LABELS = {
    "索引号": "索引号",
    "主题分类": "主题分类",
    "分类": "主题分类",
    "发文机关": "发文机关",
    "发布机构": "发文机关",
    "成文日期": "成文日期",
    "标题": "标题",
    "名称": "标题",
    "发文字号": "发文字号",
    "文号": "发文字号",
    "发布日期": "发布日期",
    "主题词": "主题词",
    "有效性": "有效性",
}


def read_html(data: bytes) -> Source:
    """Blocks of a saved web page."""
    if len(data) > MAX_HTML_BYTES:
        raise ReadError(f"web page too large ({len(data) // 1_000_000} MB; a plan's page is under 20 MB)")
    from selectolax.lexbor import LexborHTMLParser

    text = _decode(data)
    tree = LexborHTMLParser(text)
    for node in tree.css(_DROP):
        node.decompose()
    body = tree.body or tree.root
    if body is None:
        raise ReadError("the web page holds no text")
    _drop_boxes(body)
    out = _Out()
    fields = _metadata_table(body) or _field_box(body)
    for label, value in fields:
        out.add(f"{label}：{value}")
    title = _page_title(tree, fields)
    if not any(label == "发布日期" for label, _ in fields) and (date := page_date(tree)):
        out.add(f"发布日期：{date}")
    content = _content(body)
    article = _Out()
    _walk(content, article, 0)
    if title and not _states_title(title, [b.text for b in article.blocks[:8]]):
        out.add(title)
    for block in article.blocks:
        out.add(block.text, block.quote, row=block.row, lead=block.lead)
    if sum(len(_CJK.findall(b.text)) for b in out.blocks) < 5:
        raise ReadError("the web page holds no Chinese text (a page of links or a script-built page?)")
    return Source(tuple(out.blocks), len(out.blocks), "html", "utf-8", title=title)


def _states_title(title: str, first: list[str]) -> bool:
    """Whether the article's first lines give its title, on a line of its own or over two, not
    only inside a sentence (明确2020年全省粮食和物资储备改革发展工作要点如下：)."""
    wanted = _squash(title)
    lines = [_squash(text) for text in first]
    pairs = [a + b for a, b in itertools.pairwise(lines)]
    return any(wanted in line and len(line) <= len(wanted) + 12 for line in lines + pairs)


# Boxes a news or government page sets around its article, named for what they hold: related
# and recommended articles (推荐阅读, 相关稿件), rankings (排行榜), share buttons, readers' comments.
_BOX_NAMES = frozenset(
    {"related", "relevant", "recommend", "ranking", "share", "xgwz", "comment", "comments"}
)


def _drop_boxes(body: Any) -> None:
    """Drop the boxes of other articles and buttons that sit next to the article, by the names
    the page gives them (class or id: rm_relevant rm_recommend, xg-list related, share_con);
    never one holding most of the page's text."""
    total = _cjk(body)
    for node in body.css("div, ul, dl, section, aside, em, p"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _BOX_NAMES.isdisjoint(re.split(r"[\s_\-]+", names.lower())):
            continue
        if _cjk(node) < 0.5 * total:
            node.decompose()


def _decode(data: bytes) -> str:
    from plantui.read.text import decode

    head = data[:4096]
    match = _META_CHARSET.search(head)
    if match and not head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = match.group(1).decode("ascii", "replace").lower()
        if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
            name = "gb18030"
        try:
            return data.decode(name).replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


class _Out:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, text: str, quote: int = 0, row: bool = False, bold: str = "", lead: int = 0) -> None:
        # &emsp;/&ensp; indents (U+2003/U+2002) go like ideographic ones, as patterns.STRIP_CHARS
        text = re.sub(r"[ \t\n\r\f\v]+", " ", text).strip(STRIP)
        if not text or CHROME.match(text):
            return
        lead = run_in_lead(text, bold) if bold else lead
        self.blocks.append(Block(text, len(self.blocks) + 1, 0, quote, final=True, row=row, lead=lead))


def _text(node: Any) -> str:
    return str(node.text(deep=True, separator="", strip=False) or "")


def _cjk(node: Any) -> int:
    return len(_CJK.findall(_text(node)))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _metadata_table(body: Any) -> list[tuple[str, str]]:
    """The field table of a government page: label cells followed by value cells."""
    for table in body.css("table"):
        text = _squash(_text(table))
        if (
            sum(
                1
                for label in (
                    "索引号",
                    "发文机关",
                    "发布机构",
                    "成文日期",
                    "发文字号",
                    "文号",
                    "发布日期",
                    "主题分类",
                )
                if label in text
            )
            < 3
        ):
            continue
        if len(table.css("table")) > 1:  # css() matches the table itself too
            continue  # a layout table around the field table: the inner one is met next
        fields: list[tuple[str, str]] = []
        for row in table.css("tr"):
            # labels squashed (标　　题：), values keep one space where the page has one
            # (广州市医疗保障局 广州市财政局 …关于印发…的通知 names three bodies)
            values = [re.sub(r"\s+", " ", _text(c)).strip() for c in row.css("td, th")]
            cells = [_squash(value) for value in values]
            for index, cell in enumerate(cells):
                if (inline := _inline_field(values[index])) is not None:
                    fields.append(inline)  # 文      号: 赣府厅发〔2020〕4号, label and value in one cell
                    continue
                label = _FIELD_LABELS.get(cell.rstrip(":："))
                if label is None or index + 1 >= len(cells):
                    continue
                value = values[index + 1]
                if value and cells[index + 1].rstrip(":：") not in _FIELD_LABELS:
                    fields.append((label, value))
        table.decompose()
        return fields
    return []


# Labels that mark a block of fields (a field that only some pages have, 分类 or 名称, does not).
_BOX_LABELS = ("索引号", "发文机关", "发布机构", "成文日期", "发文字号", "文号", "发布日期", "主题分类")


def _field_box(body: Any) -> list[tuple[str, str]]:
    """The fields of a government page set as a list, not a table (宜春: ``<dl><dd><label>索 引 号：
    </label><div>014717475N/2023-0040295</div></dd><dd><label>发布机构：</label>…``): the smallest
    element naming three of the fields (two with the 索引号), each item read as label and value."""
    boxes = []
    for node in body.css("dl, ul, ol, div, section"):
        text = _squash(_text(node))
        named = sum(1 for label in _BOX_LABELS if label in text)
        if len(text) <= 600 and (named >= 3 or (named == 2 and "索引号" in text)):
            boxes.append((len(text), node))
    if not boxes:
        return []
    box = min(boxes, key=lambda pair: pair[0])[1]
    fields: list[tuple[str, str]] = []
    for item in box.css("dd, li, p, tr, div, span"):
        text = re.sub(r"\s+", " ", item.text(deep=True, separator=" ", strip=False) or "")
        if len(re.findall(r"[\u4e00-\u9fff]\s*[:：]", text)) != 1:
            continue  # the items' wrapper, or a label without its value
        field = _inline_field(text)
        if field is not None and all(label != field[0] for label, _ in fields):
            fields.append(field)
    if len({label for label, _ in fields}) < 2:
        return []
    box.decompose()
    return fields


def _inline_field(value: str) -> tuple[str, str] | None:
    """A cell that holds its label and its value (索  引  号: 014500815/2020-01655, 成文日期: 2020-02-05)."""
    match = re.match(r"([^:：]{1,12})[:：](.*)", value)
    label = _FIELD_LABELS.get(_squash(match.group(1))) if match else None
    rest = re.sub(r"\s+", " ", match.group(2)).strip(STRIP) if match else ""
    return (label, rest) if label is not None and rest else None


def _page_title(tree: Any, fields: list[tuple[str, str]]) -> str | None:
    """The title the page states: its field table, the CMS's ArticleTitle, an h1, or <title>
    without the site's name."""
    for label, value in fields:
        if label == "标题":
            return value
    for selector in ('meta[name="ArticleTitle"]', 'meta[name="articletitle"]', 'meta[property="og:title"]'):
        node = tree.css_first(selector)
        content = (node.attributes.get("content") or "").strip() if node is not None else ""
        if len(_CJK.findall(content)) >= 4:
            return content
    for node in tree.css(_TITLE_ELEMENTS):  # the article's heading, outside its text on many CMSs
        text = re.sub(r"\s+", " ", _text(node)).strip()
        if len(_CJK.findall(text)) >= 6 and len(text) <= 100 and not CHROME.match(text):
            return text
    node = tree.css_first("title")
    text = _text(node).strip() if node is not None else ""
    head = re.split(r"\s*[_|｜–—-]\s*", text)[0].strip() if text else ""
    return head if len(_CJK.findall(head)) >= 6 else None


# Where a CMS sets an article's title: its h1, or an element named for it (TRS, gov.cn, old tables).
_TITLE_ELEMENTS = (
    "h1, .article-title, .article_title, .articleTitle, #ivs_title, .detail-title, .news_title, "
    "td.title, .bt, .title_cn, .content_title"
)


def _content(body: Any) -> Any:
    """The article: the deepest element that still holds most of the page's Chinese text."""
    total = _cjk(body)
    if total == 0:
        return body
    known = [(count, node) for node in body.css(_KNOWN_CONTENT) if (count := _cjk(node)) >= 0.3 * total]
    if known:
        count, best = max(known, key=lambda pair: pair[0])
        # a named box around a named article and what sits beside it (sina: .article-content
        # around #article and a column of picture and video links): the article, where it holds
        # most of the box
        inner = [
            (c, n) for c, n in known if n.mem_id != best.mem_id and c >= 0.6 * count and _inside(n, best)
        ]
        return max(inner, key=lambda pair: pair[0])[1] if inner else best
    best, best_depth = body, 0
    stack: list[tuple[Any, int]] = [(body, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.iter(include_text=False):
            if child.tag in _CONTAINERS or child.tag in ("table", "tbody", "tr"):
                count = _cjk(child)
                if count >= 0.6 * total:
                    # tables are passed through, never chosen: a data table is part of an article
                    if child.tag in _CONTAINERS and depth + 1 > best_depth and not _wraps_table(child, count):
                        best, best_depth = child, depth + 1
                    stack.append((child, depth + 1))
    return best


# Where government sites put the article (gov.cn, TRS, most provincial CMSs).
_KNOWN_CONTENT = (
    "#UCAP-CONTENT, .pages_content, #zoom, .TRS_Editor, .article-content, .article_content, "
    "#article, .zw, #zw, .content_text, #Zoom, .view, .artile_zw, .news_content, #fontzoom"
)


def _inside(node: Any, ancestor: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _wraps_table(node: Any, count: int) -> bool:
    """An element that only wraps a data table: the article is around it, not inside."""
    return any(_cjk(table) >= 0.9 * count for table in node.css("table"))


_CONTAINERS = frozenset({"div", "td", "article", "section", "main", "center", "span", "font", "body"})


def _walk(node: Any, out: _Out, quote: int) -> None:
    """Emit blocks for the element's content in document order."""
    line: list[str] = []
    bold: list[str] = []  # the bold run that opens the line
    state = {"open": True}  # whether the line is bold so far

    def flush() -> None:
        if line:
            out.add("".join(line), quote, bold="".join(bold))
            line.clear()
        bold.clear()
        state["open"] = True

    def push(text: str, run: str) -> None:
        if state["open"]:
            bold.append(run)
            state["open"] = run == text
        line.append(text)

    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            push(text, "" if text.strip(STRIP + "\n\r\t") else text)
        elif tag == "br":
            flush()
        elif tag == "table":
            flush()
            _table(child, out, quote)
        elif tag in _BLOCK_TAGS:
            flush()
            _walk(child, out, quote)
            flush()
        elif tag in ("img", "-comment"):
            continue
        else:
            text = _inline(child, out, quote, flush)
            push(text, bold_run(child) if text and state["open"] else "")
    flush()


def _inline(node: Any, out: _Out, quote: int, flush: Any) -> str:
    """Inline elements' text; a block nested inside one (a div in a span) still breaks lines."""
    if node.css_first("p, div, br, table, li, h1, h2, h3, h4, h5, h6") is None:
        return _text(node)
    flush()
    _walk(node, out, quote)
    return ""


def _table(table: Any, out: _Out, quote: int) -> None:
    rows = [row for row in table.css("tr") if _owner(row) == table]
    cells = [[c for c in row.iter(include_text=False) if c.tag in ("td", "th")] for row in rows]
    if not rows:
        _walk(table, out, quote)
        return
    if len(rows) == 1 and len(cells[0]) == 1:
        _walk(
            cells[0][0],
            out,
            quote + 1 if _CJK.search(_text(cells[0][0])) and "专栏" in _text(cells[0][0])[:20] else quote,
        )
        return
    if _layout(table, cells):
        for row in cells:
            for cell in row:
                _walk(cell, out, quote)
        return
    for row in cells:
        texts = [_squash(_text(c)).replace("|", "｜") for c in row]
        if any(texts):
            out.add(" | ".join(texts), quote, row=True)


def _owner(row: Any) -> Any:
    node = row.parent
    while node is not None and node.tag != "table":
        node = node.parent
    return node


def _layout(table: Any, cells: list[list[Any]]) -> bool:
    """A table used to lay out a page (long paragraphs or nested tables in its cells)."""
    if any(cell.css_first("table") is not None for row in cells for cell in row):
        return True
    if max(len(row) for row in cells) > 2:
        return False
    return any(
        cell.css_first("p, div") is not None or len(_text(cell)) > 150 for row in cells for cell in row
    )


def fragment_blocks(markup: str) -> list[Block]:
    """Blocks of an HTML fragment met inside another format (a converter's ``<table>`` in
    Markdown), read as a page's content is: data tables as rows, layout tables as flow."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.body or tree.root
    out = _Out()
    if root is not None:
        _walk(root, out, 0)
    return out.blocks
