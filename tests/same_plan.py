"""Write a plan's clean text as the other formats it is published in, to check they read the same.

- ``to_docx``: a minimal WordprocessingML package made by hand: one ``w:p`` per non-empty line,
  the title centred in a larger ``w:sz``, body paragraphs with a first-line indent (``w:ind``)
  instead of the U+3000 characters of the text, a heading's label in a bold run of its own.
- ``to_html``: a saved gov.cn-like page: header menu and breadcrumb, the metadata table
  (索引号 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期) from what the document states, the
  title as the page's heading, the body as one ``<p>`` per line inside the content div, footer.
- ``to_markdown``: what HTML-to-Markdown converters write: ``##`` for 一、 parts, ``**bold**``
  leads of （一） sections, the field block as a ``| |`` table.

``read_plan`` turns bytes into the export's JSON record through the same steps as the importer,
and ``comparable`` reduces it to what must not depend on the format.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any

INDENT = re.compile(r"^[ \t\u3000\u00a0\u2002\u2003]+")
PART = re.compile(r"^[一二三四五六七八九十]+、")
SECTION = re.compile(r"^（[一二三四五六七八九十]+）")
LEAD = re.compile(r"^(（[一二三四五六七八九十]+）|\d{1,2}[.．])([^。：:；]{2,30}[。：:])(?=.)")
# How the published formats write the metadata fields (the gov.cn policy library's labels).
FIELDS = (
    ("issuer", "发文机关"),
    ("issued", "成文日期"),
    ("title", "标题"),
    ("doc_number", "发文字号"),
    ("published", "发布日期"),
)


def lines_of(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of a text with their 1-based line numbers, indent kept."""
    return [(n, line.rstrip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _date_cn(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{year}年{month}月{day}日"


# --- Word ---------------------------------------------------------------------------------

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _run(
    text: str, *, bold: bool = False, size: int = 32, font: str = "仿宋_GB2312", split: bool = False
) -> str:
    props = f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}"/>' + ("<w:b/>" if bold else "")
    props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    # Word splits runs wherever an edit or a proofing mark fell: a word can cross three runs
    pieces = [text[i : i + 3] for i in range(0, len(text), 3)] if split else [text]
    out = []
    for index, piece in enumerate(pieces):
        if split and index % 2:
            out.append('<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>')
        escaped = html.escape(piece, quote=False)
        out.append(
            f'<w:r w:rsidR="00A1B2C{index % 10}"><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escaped}</w:t></w:r>'
        )
    return "".join(out)


# Word's list numbering for plans: 一、 and （一） drawn by a numbering definition, not typed.
_NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{ns}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
    '<w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '<w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{ns}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
    '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
    '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style></w:styles>'
)
_SECTION_NUMBER = re.compile(r"^（([一二三四五六七八九十]+)）")
_PART_NUMBER = re.compile(r"^([一二三四五六七八九十]+)、")


def _title_lines(text: str, title: str | None) -> set[int]:
    """The lines that together state the title (one, or two to four in a row at the top)."""
    if not title:
        return set()
    top = lines_of(text)[:12]
    for i in range(len(top)):
        joined = ""
        for j in range(i, min(i + 4, len(top))):
            joined += _squash(top[j][1])
            if joined == _squash(title):
                return {n for n, _ in top[i : j + 1]}
            if not _squash(title).startswith(joined):
                break
    return set()


def to_docx(
    text: str,
    title: str | None = None,
    *,
    indent: str = "ind",
    numbered: bool = False,
    styled: dict[int, int] | None = None,
    split: bool = False,
    boxes: tuple[tuple[int, int], ...] = (),
    soft: int = 0,
    tabs: bool = False,
    red_head: tuple[str, str] | None = None,
) -> bytes:
    """A .docx of the text, one paragraph per non-empty line.

    ``indent``: ``ind`` moves a line's leading spaces into ``w:firstLine``; ``chars`` keeps them
    in the text (as Word files pasted from web pages do). ``numbered``: 一、 and （一） labels
    drawn by Word's list numbering (the text then lacks them); ``styled``: line → heading
    style level; ``split``: runs cut every few characters with proofing marks between;
    ``boxes``: line spans drawn as a 专栏 box (a bordered one-cell table); ``soft``: up to this
    many lines in one paragraph, joined by soft breaks (``w:br``, Shift+Enter); ``tabs``: a tab
    between a typed label and its title (一、<tab>总体要求), links and deleted revisions in runs;
    ``red_head``: (issuer, 文号) printed as a 公文's red letterhead (河北省人民政府文件, larger than
    the title) and its number line above the text.
    """
    heads = _title_lines(text, title)
    paragraphs: list[str] = []
    if red_head:
        red = '<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr>'
        paragraphs.append(
            f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{red}<w:t>{html.escape(red_head[0])}文件</w:t></w:r></w:p>'
        )
        paragraphs.append(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run(red_head[1])}</w:p>')
    boxed: list[str] = []
    counts = [0, 0]
    for n, line in lines_of(text):
        body = INDENT.sub("", line)
        if n in heads:
            paragraphs.append(
                '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
                + _run(body, size=44, font="方正小标宋简体", split=split)
                + "</w:p>"
            )
            continue
        ppr = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent == "ind" and body != line else ""
        if styled and n in styled:
            ppr = f'<w:pStyle w:val="{styled[n]}"/>' + ppr
        if numbered:
            for ilvl, pattern in enumerate((_PART_NUMBER, _SECTION_NUMBER)):
                match = pattern.match(body)
                if match and _cn(match.group(1)) == counts[ilvl] + 1:
                    counts[ilvl] += 1
                    if ilvl == 0:
                        counts[1] = 0
                    ppr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>' + ppr
                    body = body[match.end() :]
                    line = line[: len(line) - len(INDENT.sub("", line))] + body
                    break
        if indent == "chars":
            body = line
        lead = LEAD.match(body.lstrip(" \u3000"))
        if PART.match(body.lstrip(" \u3000")):
            runs = _run(body, font="黑体", split=split)
        elif lead:
            cut = len(body) - len(body.lstrip(" \u3000")) + lead.end()
            runs = _run(body[:cut], bold=True, font="楷体_GB2312", split=split) + _run(
                body[cut:], split=split
            )
        else:
            runs = _run(body, split=split)
        if tabs:
            runs = _tabbed(runs)
        paragraphs.append(f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
        if soft and len(paragraphs) > 1 and n not in heads and _soft_ok(paragraphs[-2], soft):
            last = paragraphs.pop()
            inner = last[last.index("</w:pPr>") + len("</w:pPr>") : -len("</w:p>")]
            paragraphs[-1] = paragraphs[-1][: -len("</w:p>")] + "<w:r><w:br/></w:r>" + inner + "</w:p>"
        if any(a <= n <= b for a, b in boxes):
            boxed.append(paragraphs.pop())
            if not any(a <= m <= b for a, b in boxes for m in (_next_line(text, n),)):
                paragraphs.append(_box(boxed))
                boxed.clear()
    if boxed:
        paragraphs.append(_box(boxed))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W_NS}" xmlns:r="{_R_NS}">'
        f"<w:body>{''.join(paragraphs)}<w:sectPr/></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", _STYLES.replace("{ns}", _W_NS))
        if numbered:
            archive.writestr("word/numbering.xml", _NUMBERING.replace("{ns}", _W_NS))
    return buffer.getvalue()


def _soft_ok(paragraph: str, most: int) -> bool:
    """Another line may join this paragraph by a soft break (not a title, not yet full)."""
    return "w:jc" not in paragraph and paragraph.count("<w:br/>") < most - 1 and "<w:tbl>" not in paragraph


_TYPED_LABEL = re.compile(r"((?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.．]))")


def _tabbed(runs: str) -> str:
    """A tab after the paragraph's typed label; a link around its second run and a deleted
    revision (text that is not there) after the first."""
    start = runs.find('<w:t xml:space="preserve">') + len('<w:t xml:space="preserve">')
    label = _TYPED_LABEL.match(runs, start)
    if label:
        runs = runs[: label.end()] + '</w:t><w:tab/><w:t xml:space="preserve">' + runs[label.end() :]
    first_end = runs.find("</w:r>") + len("</w:r>")
    deleted = '<w:del w:id="9" w:author="x"><w:r><w:delText>删去的文字。</w:delText></w:r></w:del>'
    rest = runs[first_end:]
    if rest.startswith("<w:r"):
        second_end = rest.find("</w:r>") + len("</w:r>")
        rest = f'<w:hyperlink r:id="rId9">{rest[:second_end]}</w:hyperlink>{rest[second_end:]}'
    return runs[:first_end] + deleted + rest


def _box(paragraphs: list[str]) -> str:
    border = "".join(f'<w:{side} w:val="single" w:sz="4"/>' for side in ("top", "left", "bottom", "right"))
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}</w:tblBorders></w:tblPr>'
        f"<w:tr><w:tc>{''.join(paragraphs)}</w:tc></w:tr></w:tbl><w:p/>"
    )


def _next_line(text: str, n: int) -> int:
    """The next non-empty line after line ``n`` (0 at the end)."""
    return next((m for m, _ in lines_of(text) if m > n), 0)


def gold_boxes(gold: dict[str, Any], text: str) -> tuple[tuple[int, int], ...]:
    """Line spans of the 专栏 in a gold outline: from the 专栏 line to the line before the next
    heading at its depth or above."""
    nodes = gold.get("outline", [])
    last = len(text.split("\n"))
    spans = []
    for i, node in enumerate(nodes):
        if node["kind"] == "column":
            end = next((m["line"] - 1 for m in nodes[i + 1 :] if m["depth"] <= node["depth"]), last)
            spans.append((node["line"], end))
    return tuple(spans)


def _cn(numeral: str) -> int:
    from plantui.numerals import chinese_to_number

    return chinese_to_number(numeral) or 0


def gold_styles(gold: dict[str, Any]) -> dict[int, int]:
    """Heading styles a Word author sets: Heading 1 on depth-1 headings, Heading 2 on depth 2."""
    return {n["line"]: n["depth"] for n in gold.get("outline", []) if n["depth"] <= 2}


# --- web page -----------------------------------------------------------------------------

_HEADER = (
    '<div class="header"><div class="logo">中国政府网</div><ul class="nav">'
    '<li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li><li><a href="/hudong/">互动</a></li>'
    '<li><a href="/fuwu/">服务</a></li><li><a href="/shuju/">数据</a></li></ul></div>'
    '<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/zhengce/">政策</a>'
    ' &gt; <a href="/zhengce/zhengceku/">政策文件库</a></div>'
)
_FOOTER = (
    '<div class="footer"><p><a href="#">网站说明</a> | <a href="#">网站地图</a> | <a href="#">联系我们</a></p>'
    "<p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>"
    "<p>版权所有：中国政府网　中文域名：中国政府网.政务</p><p>网站标识码bm01000001　京ICP备05070218号</p></div>"
)


def field_rows(meta: dict[str, Any]) -> list[tuple[str, str]]:
    """The metadata table's fields, from what the document states (dates written 2021年12月31日)."""
    rows = [("索引号", "000014349/2022-00011")]
    for key, label in FIELDS:
        value = meta.get(key)
        if value:
            rows.append((label, _date_cn(value) if key in ("issued", "published") else str(value)))
    return rows


def to_html(
    text: str,
    meta: dict[str, Any] | None = None,
    *,
    layout: str = "p",
    charset: str = "utf-8",
    boxes: tuple[tuple[int, int], ...] = (),
) -> bytes:
    """A gov.cn-like saved page of the text; ``meta`` (what the document states) fills the table.

    ``layout``: ``p`` one ``<p>`` a line, the title as the page's ``<h1>`` above the content;
    ``br`` an older CMS: the whole body one ``<div>`` with ``<br>`` between lines and
    ``&nbsp;`` indents, the title a centred bold paragraph inside the content; ``strong``:
    一、 lines and section leads in ``<strong>``, indents as ``&emsp;``. ``boxes``: line spans
    drawn as a 专栏 box (a bordered one-cell table).
    """
    meta = meta or {}
    heads = _title_lines(text, meta.get("title"))
    table = ""
    rows = field_rows(meta) if meta else []
    if len(rows) > 2:
        cells = [
            f'<td class="label"><b>{label}：</b></td><td>{html.escape(value)}</td>' for label, value in rows
        ]
        pairs = ["<tr>" + "".join(cells[i : i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
        table = f'<table class="policyLibraryOverview_header" border="1">{"".join(pairs)}</table>'
    title_text = "".join(INDENT.sub("", line) for n, line in lines_of(text) if n in heads)
    parts: list[str] = []
    boxed: list[str] = []
    for n, line in lines_of(text):
        body = INDENT.sub("", line)
        pad = len(line) - len(body)
        if n in heads:
            if layout == "br" and n == min(heads):
                parts.append(f'<p align="center"><strong>{html.escape(title_text)}</strong></p>')
            continue
        if layout == "br":
            parts.append("&nbsp;" * (2 * pad) + html.escape(body) + "<br/>")
        elif layout == "strong":
            lead = LEAD.match(body)
            if PART.match(body):
                inner = f"<strong>{html.escape(body)}</strong>"
            elif lead:
                inner = f"<strong>{html.escape(body[: lead.end()])}</strong>{html.escape(body[lead.end() :])}"
            else:
                inner = html.escape(body)
            parts.append(f'<p style="text-indent:2em">{"&emsp;" * pad}{inner}</p>')
        elif layout in ("word", "table"):
            # Word pasted into the CMS: MsoNormal paragraphs, text cut into spans, <o:p> marks
            spans = "".join(
                f"<span style='font-family:仿宋_GB2312'>{html.escape(body[i : i + 4])}</span>"
                for i in range(0, len(body), 4)
            )
            parts.append(f"<p class=MsoNormal style='text-indent:32.0pt'>{spans}<o:p></o:p></p>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
        if any(a <= n <= b for a, b in boxes):
            boxed.append(parts.pop())
            if not any(a <= _next_line(text, n) <= b for a, b in boxes):
                parts.append(f'<table border="1" width="100%"><tr><td>{"".join(boxed)}</td></tr></table>')
                boxed.clear()
    if boxed:
        parts.append(f'<table border="1" width="100%"><tr><td>{"".join(boxed)}</td></tr></table>')
    body_html = "".join(parts)
    if layout == "br":
        body_html = f'<div class="TRS_Editor"><div style="line-height:2">{body_html}</div></div>'
    heading = f'<h1 class="article-title">{html.escape(title_text)}</h1>' if heads and layout != "br" else ""
    if layout == "table":
        # an older CMS: layout tables, the title and a date line in cells, no known content class
        return _table_page(title_text, table, body_html).encode(
            "gb18030" if charset.lower() in ("gb2312", "gbk") else charset
        )
    if layout == "word":
        body_html = f'<div class="WordSection1">{body_html}</div>'
        return (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head><body>'
            f'{_HEADER}<div class="detail">{table}{heading}<div class="detail-text">{body_html}</div></div>'
            f"{_FOOTER}</body></html>"
        ).encode()
    title = html.escape(meta.get("title") or "政策文件")
    page = (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{title}_政策文件库_中国政府网</title></head><body>{_HEADER}"
        f'<div class="mainbox">{table}{heading}<div class="pages_content" id="UCAP-CONTENT">{body_html}</div>'
        '<div class="share">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印本页</a> <a>关闭窗口</a></div>'
        f"</div>{_FOOTER}</body></html>"
    )
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


def _table_page(title: str, fields: str, body: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>市政府文件</title></head><body>'
        '<table width="1000" align="center"><tr><td><table width="100%"><tr><td class="menu">'
        '<a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></td></tr></table>'
        f'<table width="100%"><tr><td>{fields}</td></tr><tr><td align="center" class="title">'
        f"<font size=5><b>{html.escape(title)}</b></font></td></tr>"
        '<tr><td align="center">发布时间：2022-02-16　来源：市政府办公室　浏览次数：1234</td></tr>'
        f'<tr><td class="bt_content">{body}</td></tr></table>'
        f'<table width="100%"><tr><td align="center">{_FOOTER}</td></tr></table></td></tr></table></body></html>'
    )


# --- Markdown -----------------------------------------------------------------------------


ITEM = re.compile(r"^(\d{1,2})([.．])(?=\S)")


def to_markdown(
    text: str,
    meta: dict[str, Any] | None = None,
    heads: dict[int, str] | None = None,
    *,
    items: str = "plain",
    split_bold: bool = False,
) -> str:
    """The text as an HTML-to-Markdown converter writes a page: ``#`` title, the field table,
    ``##`` top-level headings, bold section leads and bold unnumbered headings, paragraphs
    separated by blank lines. ``heads`` (line → kind of its top-level heading, or ``bold`` for
    a lower unnumbered one) says which lines a page marks; without it 一、 lines are ``##``.
    ``items``: ``plain`` leaves 1.… as typed; ``list`` writes them as an ordered list (``1. …``,
    a page's ``<ol>``); ``escaped`` as markdownify escapes a typed number (``1\\.…``).
    ``split_bold``: bold cut into runs as Word-pasted spans come out (``**2****.不断****优化**``)."""
    meta = meta or {}
    titled = _title_lines(text, meta.get("title"))
    out: list[str] = []
    rows = field_rows(meta) if meta else []
    if len(rows) > 2:
        out += ["|  |  |  |  |", "| --- | --- | --- | --- |"]
        for i in range(0, len(rows), 2):
            cells = [c for label, value in rows[i : i + 2] for c in (f"**{label}：**", value)]
            out.append("| " + " | ".join(cells + [""] * (4 - len(cells))) + " |")
        out.append("")
    for n, line in lines_of(text):
        body = INDENT.sub("", line)
        mark = (
            heads.get(n) if heads is not None else ("part" if PART.match(body) and len(body) < 40 else None)
        )
        if n in titled:
            if n == min(titled):
                out.append("# " + "".join(INDENT.sub("", t) for m, t in lines_of(text) if m in titled))
        elif mark == "bold":
            out.append(f"**{body}**")
        elif mark is not None:
            out.append(f"## {body}")
        elif lead := LEAD.match(body):
            out.append(f"{line[: len(line) - len(body)]}**{body[: lead.end()]}**{body[lead.end() :]}")
        elif items != "plain" and (item := ITEM.match(body)):
            escape = "\\" if item.group(2) == "." else ""  # CommonMark escapes ASCII only
            mark = f"{item.group(1)}. " if items == "list" else f"{item.group(1)}{escape}{item.group(2)}"
            out.append(mark + body[item.end() :])
        else:
            out.append(line)
        if split_bold and not out[-1].startswith("#"):
            out[-1] = _BOLD.sub(
                lambda m: "".join(f"**{m[1][i : i + 3]}**" for i in range(0, len(m[1]), 3)), out[-1]
            )
        out.append("")
    return "\n".join(out)


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def gold_heads(gold: dict[str, Any]) -> dict[int, str]:
    """Lines a page marks as headings, from a gold outline: top-level ones as ``##``, lower
    unnumbered ones in bold."""
    heads: dict[int, str] = {}
    for node in gold.get("outline", []):
        if node["depth"] == 1 and node["kind"] != "appendix":
            heads[node["line"]] = node["kind"]
        elif node["kind"] == "heading":
            heads[node["line"]] = "bold"
    return heads


# --- reading ------------------------------------------------------------------------------


def read_plan(data: bytes, fmt: str, name: str) -> dict[str, Any]:
    """The export record of a file's bytes, through the importer's steps."""
    from dataclasses import replace

    from plantui.export import to_json
    from plantui.parse import parse_source
    from plantui.read import read_bytes
    from plantui.targets import extract_targets

    source = read_bytes(data, fmt)
    doc = parse_source(source, name)
    doc = replace(doc, targets=extract_targets(doc))
    return to_json(doc, document_id=0, source=name, sha256="")


META_KEYS = ("title", "issuer", "doc_number", "issued", "published", "period")
_TRIM = re.compile(r"^[\s\u3000。．.：:；;，,*]+|[\s\u3000。．.：:；;，,*]+$")


def _norm(text: str | None) -> str:
    return _TRIM.sub("", re.sub(r"[\s\u3000]+", "", text or ""))


def outline_keys(nodes: list[dict[str, Any]], parent: Any = None) -> list[Any]:
    """(kind, label, title, parent key) of every node, as score.py compares them."""
    out: list[Any] = []
    for node in nodes:
        key = (node["kind"], _norm(str(node.get("label") or "")), _norm(node.get("title")), parent)
        if node["kind"] in ("lead", "paragraph"):
            out += outline_keys(node.get("children", []), parent)
            continue
        out.append(key)
        out += outline_keys(node.get("children", []), key)
    return out


def target_keys(targets: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (t["year"] or 0, t["value"], t.get("value_max") or -1, _norm(t["indicator"]), t.get("unit") or "")
        for t in targets
    )


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "outline": outline_keys(record["outline"]),
        "targets": target_keys(record["targets"]),
        "meta": {k: record.get(k) for k in META_KEYS},
    }
