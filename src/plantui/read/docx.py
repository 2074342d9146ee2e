"""Word (.docx) → blocks: paragraphs and tables in document order.

Read with zipfile and lxml (what python-docx itself stands on), because three things a plan
needs are beyond python-docx's paragraph API: Word's automatic numbering rendered into the
text (a heading numbered 一、 by a numbering definition still reads 一、), text boxes (a 专栏
drawn as a box) and the exact order of paragraphs and tables. Headers, footers, footnotes and
comments live in other parts of the package and are never read. Deleted revisions are left
out, inserted ones kept. A one-cell table, or a table whose first cell opens with 专栏, is a
box: its paragraphs become boxed blocks. Other tables become rows ``a | b | c``.

Hostile files are bounded before anything is parsed: member sizes and compression ratios are
checked (zip bombs), and a part carrying a DOCTYPE (entity expansion) is refused.
"""

from __future__ import annotations

import io
import re
import statistics
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from plantui import patterns as P
from plantui.blocks import Block, Source
from plantui.numerals import to_chinese
from plantui.read.base import (
    CHROME,
    MAX_ZIP_MEMBER_BYTES,
    MAX_ZIP_RATIO,
    MAX_ZIP_TOTAL_BYTES,
    ReadError,
    run_in_lead,
)
from plantui.read.soft_breaks import soft_lines
from plantui.read.word_pages import page_headings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(?P<n>[1-6])$", re.I)


def read_docx(data: bytes) -> Source:
    """Blocks of a .docx file's main document."""
    parts = _open(data)
    body = _xml(parts, "word/document.xml")
    if body is None:
        raise ReadError("not a Word document (no word/document.xml): is it a .xlsx or .pptx?")
    styles = _Styles(_xml(parts, "word/styles.xml"))
    numbering = _Numbering(_xml(parts, "word/numbering.xml"), styles)
    writer = _Writer()
    writer.chunk = lambda rid: _alt_chunk(parts, rid)
    root = body.find(f"{W}body")
    if root is None:
        raise ReadError("empty Word document")
    _walk(root, writer, styles, numbering, box=0)
    if not any(b.text.strip() for b in writer.blocks):
        raise ReadError("the Word document holds no text")
    blocks, title = page_headings(tuple(writer.blocks), writer.title())
    return Source(blocks, len(blocks), "docx", "utf-8", title=title)


def _open(data: bytes) -> dict[str, zipfile.ZipInfo | zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"not a valid .docx (broken zip: {exc})") from None
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_ZIP_MEMBER_BYTES or total > MAX_ZIP_TOTAL_BYTES:
            raise ReadError(
                f"refused: {info.filename} unpacks to {info.file_size // 1_000_000} MB (a zip bomb?)"
            )
        if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
            raise ReadError(
                f"refused: {info.filename} is compressed {info.file_size // info.compress_size}:1"
            )
    parts: dict[str, Any] = {"": archive}
    for info in infos:
        parts[info.filename] = info
    return parts


def _alt_chunk(parts: dict[str, Any], rid: str) -> list[Block]:
    """The blocks of a part a Word file imports as it is (w:altChunk): a web page or a web
    archive (.mht), as web apps' 导出Word buttons write a .docx (html-docx-js and the like)."""
    from plantui.read import _archived_page
    from plantui.read.html import read_html

    rels = _xml(parts, "word/_rels/document.xml.rels")
    target = next(
        (rel.get("Target") or "" for rel in (rels if rels is not None else []) if rel.get("Id") == rid), ""
    )
    name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
    info = parts.get(name)
    if not target or info is None:
        return []
    archive: zipfile.ZipFile = parts[""]
    with archive.open(info) as handle:
        raw = handle.read(MAX_ZIP_MEMBER_BYTES + 1)
    if len(raw) > MAX_ZIP_MEMBER_BYTES:
        raise ReadError(f"refused: {name} is larger than it says (a zip bomb?)")
    if re.search(rb"(?i)content-type:\s*multipart/related", raw[:4096]):
        raw = _archived_page(raw)
    if not re.search(rb"(?i)<(?:html|body|p|div|table)\b", raw[:65536]):
        return []  # a chunk of RTF or plain text: not read
    return list(read_html(raw).blocks)


def _xml(parts: dict[str, Any], name: str) -> Any:
    from lxml import etree

    info = parts.get(name)
    if info is None:
        return None
    archive: zipfile.ZipFile = parts[""]
    try:
        with archive.open(info) as handle:
            raw = handle.read(MAX_ZIP_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ReadError(f"not a valid .docx ({name}: {exc})") from None
    if len(raw) > MAX_ZIP_MEMBER_BYTES:
        raise ReadError(f"refused: {name} is larger than it says (a zip bomb?)")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:65536]:
        raise ReadError(f"refused: {name} declares a DOCTYPE or entities (Word never does)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"not a valid .docx ({name}: {exc.msg})") from None


class _Styles:
    """Paragraph styles: heading levels and numbering a style carries."""

    def __init__(self, root: Any) -> None:
        self.level: dict[str, int] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        self._own: dict[str, tuple[int, str, str]] = {}  # size (half-points), jc, basedOn
        self.default_size = 21  # Word's 10.5 pt when nothing says otherwise
        if root is None:
            return
        default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
        if default is not None and _val(default).isdigit():
            self.default_size = int(_val(default))
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId") or ""
            size = _val(style.find(f"{W}rPr/{W}sz"))
            self._own[style_id] = (
                int(size) if size.isdigit() else 0,
                _val(style.find(f"{W}pPr/{W}jc")),
                _val(style.find(f"{W}basedOn")),
            )
            name_el = style.find(f"{W}name")
            name = (name_el.get(f"{W}val") if name_el is not None else "") or ""
            heading = _HEADING_STYLE.match(name.strip()) or _HEADING_STYLE.match(style_id)
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            if heading:
                self.level[style_id] = int(heading.group("n"))
            elif outline is not None and (outline.get(f"{W}val") or "").isdigit():
                value = int(outline.get(f"{W}val") or 9)
                if value < 6:
                    self.level[style_id] = value + 1
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None:
                num_id = _val(num.find(f"{W}numId"))
                if num_id:
                    self.numbering[style_id] = (num_id, int(_val(num.find(f"{W}ilvl")) or 0))

    def look(self, style_id: str) -> tuple[int, str]:
        """A style's type size (half-points) and justification, inherited through basedOn."""
        size, jc = 0, ""
        for _ in range(8):
            own = self._own.get(style_id)
            if own is None:
                break
            size, jc = size or own[0], jc or own[1]
            style_id = own[2]
        return size or self.default_size, jc


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class _Numbering:
    """Word's list numbering, rendered the way Word shows it (一、 （一） 1. …)."""

    root: Any
    styles: _Styles
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for node in self.root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl") or 0)
                levels[ilvl] = _Level(
                    _val(lvl.find(f"{W}numFmt")) or "decimal",
                    _val(lvl.find(f"{W}lvlText")) or "",
                    int(_val(lvl.find(f"{W}start")) or 1),
                )
            abstract[node.get(f"{W}abstractNumId") or ""] = levels
        for num in self.root.iter(f"{W}num"):
            ref = _val(num.find(f"{W}abstractNumId"))
            levels = dict(abstract.get(ref, {}))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl") or 0)
                start = _val(override.find(f"{W}startOverride"))
                if start and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(old.fmt, old.text, int(start))
            self.levels[num.get(f"{W}numId") or ""] = levels

    def label(self, ppr: Any, style: str) -> str:
        """The rendered number of a paragraph, e.g. ``一、``; empty when it has none."""
        num_id, ilvl = "", 0
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        if num is not None:
            num_id = _val(num.find(f"{W}numId"))
            ilvl = int(_val(num.find(f"{W}ilvl")) or 0)
        elif style in self.styles.numbering:
            num_id, ilvl = self.styles.numbering[style]
        levels = self.levels.get(num_id)
        if not num_id or num_id == "0" or not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        level = levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if level.fmt in ("bullet", "none"):
            return ""

        def render(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            lvl = levels.get(at)
            value = counts[at] or (lvl.start if lvl else 1)
            return _format(value, lvl.fmt if lvl else "decimal")

        return re.sub(r"%(\d)", render, level.text)


def _format(value: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "chineseLegalSimplified",
    ):
        return to_chinese(value)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x245F + value) if 1 <= value <= 20 else str(value)
    if fmt == "decimalEnclosedParen":
        return chr(0x2473 + value) if 1 <= value <= 20 else f"({value})"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(value))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out += letters
            value -= number
    return out


def _val(node: Any) -> str:
    return (node.get(f"{W}val") or "") if node is not None else ""


class _Writer:
    """Collects blocks, numbering them one a line as the extracted text would be."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.looks: dict[int, tuple[int, bool]] = {}  # block index → (type size, centred)
        self.chunk: Callable[[str], list[Block]] = lambda rid: []  # an altChunk's blocks

    def add(self, text: str, level: int = 0, box: int = 0, row: bool = False, bold: str = "") -> None:
        text = text.strip(P.STRIP_CHARS)
        if text:
            lead = run_in_lead(text, bold) if bold else 0
            self.blocks.append(Block(text, len(self.blocks) + 1, level, box, final=True, row=row, lead=lead))

    def title(self) -> str | None:
        """The title as Word sets it: the centred paragraphs in the largest type near the top
        (a 封面标准名称 over two lines, a notice title over two), larger than the body text."""
        if not self.looks:
            return None
        body = statistics.median(size for size, _ in self.looks.values())
        top = [i for i in sorted(self.looks) if i < 16]
        centred = [i for i in top if self.looks[i][1] and _title_like(self.blocks[i].text)]
        if not centred:
            return None
        # a 公文's red letterhead (河北省人民政府文件) is set larger than the title, and is no title
        heads = [i for i in centred if not _LETTERHEAD.fullmatch(self.blocks[i].text)] or centred
        heads = [i for i in heads if not _DOC_NUMBER.search(self.blocks[i].text)] or heads
        largest = max(self.looks[i][0] for i in heads)
        if largest < body + 4:  # 2 pt above the body at least
            return None
        first = next(i for i in heads if self.looks[i][0] == largest)
        run = [first]
        for step in (-1, 1):
            i = first + step
            while i in heads and self.looks[i][0] >= 0.65 * largest and len(run) < 4:
                run.insert(0, i) if step < 0 else run.append(i)
                i += step
        title = "".join(self.blocks[i].text for i in run)
        # a crawler's file name set as the title, its spaces written _ (…深化改革创新_加快…), over
        # the document's own title line (# …深化改革创新 加快…): the document's
        spaced = title.replace("_", " ")
        own = (b.text.lstrip("# ") for b in self.blocks[: run[-1] + 4])
        return spaced if "_" in title and spaced in own else title


_LETTERHEAD = re.compile(r"\S{2,40}(?:文件|文电|公报)")
_DOC_NUMBER = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号")
_PERIOD = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*[-—–－~～至]\s*(?:19|20)\d{2}\s*年?\s*[）)]")


def _title_like(text: str) -> bool:
    """A centred line that can be (part of) a title: Chinese words, or the period a plan's
    title gives on a line of its own (（2020-2025年）); never the heading of the contents (目 录),
    which a report's Word file sets centred in a larger type than its title on the cover."""
    if P.TOC_TITLE.fullmatch(P.fold(text).strip()):
        return False
    return len(_CJK.findall(text)) >= 2 or bool(_PERIOD.fullmatch(text.strip()))


def _walk(parent: Any, writer: _Writer, styles: _Styles, numbering: _Numbering, box: int) -> None:
    for child in parent:
        tag = child.tag
        if tag == f"{W}p":
            _paragraph(child, writer, styles, numbering, box)
        elif tag == f"{W}tbl":
            _table(child, writer, styles, numbering, box)
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _walk(content, writer, styles, numbering, box)
        elif tag in (f"{W}ins", f"{W}customXml", f"{W}smartTag"):
            _walk(child, writer, styles, numbering, box)
        elif tag == f"{W}altChunk":
            for block in writer.chunk(child.get(f"{R}id") or ""):
                writer.add(block.text, block.md_level, box + block.quote, row=block.row)


def _paragraph(p: Any, writer: _Writer, styles: _Styles, numbering: _Numbering, box: int) -> None:
    ppr = p.find(f"{W}pPr")
    style = _val(ppr.find(f"{W}pStyle")) if ppr is not None else ""
    level = styles.level.get(style, 0)
    label = numbering.label(ppr, style)
    before = len(writer.blocks)
    bold = label + _bold_start(p)
    for index, piece in enumerate(soft_lines(label + "".join(_runs(p)))):
        # a saved page's breadcrumb or search box set in a heading style: text, as in Markdown
        writer.add(piece, level if index == 0 and not CHROME.match(piece.strip()) else 0, box, bold=bold)
        bold = ""
    if box == 0 and len(writer.blocks) == before + 1:
        size, jc = styles.look(style)
        sizes = [int(v) for node in p.iter(f"{W}sz") if (v := _val(node)).isdigit()]
        own_jc = _val(ppr.find(f"{W}jc")) if ppr is not None else ""
        writer.looks[before] = (max(sizes, default=size), (own_jc or jc) == "center")
    for boxed in _text_boxes(p):
        _walk(boxed, writer, styles, numbering, box + 1)


def _bold_start(p: Any) -> str:
    """The text a paragraph opens with in bold (runs with w:b), white space included."""
    out = []
    for run in p.iter(f"{W}r"):
        if next(run.iterancestors(f"{W}p"), None) is not p:
            continue  # a text box's run
        text = "".join(t.text or "" for t in run.findall(f"{W}t"))
        if not text:
            continue
        bold = run.find(f"{W}rPr/{W}b")
        if text.strip(P.STRIP_CHARS) and (bold is None or _val(bold) in ("0", "false")):
            break
        out.append(text)
    return "".join(out)


def _runs(node: Any) -> Iterator[str]:
    """The visible text of a paragraph: runs, tabs, breaks; no deleted text, fields' codes,
    footnote marks or text boxes (read separately, as boxes)."""
    for child in node:
        tag = child.tag
        if tag == f"{W}r":
            for part in child:
                ptag = part.tag
                if ptag == f"{W}t":
                    yield part.text or ""
                elif ptag in (f"{W}tab", f"{W}ptab"):
                    yield " "
                elif ptag in (f"{W}br", f"{W}cr"):
                    yield "\n"  # a soft line break: see _lines
                elif ptag == f"{W}sym":
                    char = part.get(f"{W}char") or ""
                    yield chr(int(char, 16)) if re.fullmatch(r"[0-9A-Fa-f]{4}", char) else ""
        elif tag in (
            f"{W}hyperlink",
            f"{W}ins",
            f"{W}smartTag",
            f"{W}customXml",
            f"{W}fldSimple",
            f"{W}moveTo",
        ):
            yield from _runs(child)
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _runs(content)


def _text_boxes(p: Any) -> Iterator[Any]:
    """Text boxes anchored in a paragraph; of Word's two renderings only the modern one."""
    seen: set[int] = set()
    for content in p.iter(f"{W}txbxContent"):
        if any(id(a) in seen for a in content.iterancestors(f"{W}txbxContent")):
            continue
        if any(a.tag == f"{MC}Fallback" for a in content.iterancestors()):
            continue  # the VML copy of a box already read from mc:Choice
        seen.add(id(content))
        yield content


def _table(tbl: Any, writer: _Writer, styles: _Styles, numbering: _Numbering, box: int) -> None:
    rows = tbl.findall(f"{W}tr")
    cells = [[c for c in row if c.tag == f"{W}tc"] for row in rows]
    single = len(rows) == 1 and len(cells[0]) == 1
    first = _cell_text(cells[0][0]) if rows and cells[0] else ""
    if single or (first.lstrip().startswith("专栏") and max(len(r) for r in cells) <= 2):
        # a box: a one-cell table, or a 专栏 drawn as a table of its title and body
        for row in cells:
            for cell in row:
                _walk(cell, writer, styles, numbering, box + 1)
        return
    if all(len(row) <= 1 for row in cells):
        # one column: a frame for a cover or a title block, read as its paragraphs
        for row in cells:
            for cell in row:
                _walk(cell, writer, styles, numbering, box)
        return
    for row in cells:
        texts = []
        for cell in row:
            props = cell.find(f"{W}tcPr")
            merge = props.find(f"{W}vMerge") if props is not None else None
            if merge is not None and (merge.get(f"{W}val") or "continue") == "continue":
                texts.append("")  # a cell merged with the one above: its text is there
            else:
                texts.append(_cell_text(cell))
        if any(t.strip() for t in texts):
            writer.add(" | ".join(t.replace("|", "｜") for t in texts), 0, box, row=True)


def _cell_text(cell: Any) -> str:
    return "".join("".join(_runs(p)) for p in cell.iter(f"{W}p")).replace("\n", "").strip()
