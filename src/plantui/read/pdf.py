"""PDF → blocks, with pypdfium2 (PDFium: fast text with positions; Apache/BSD licensed).

Per page, PDFium's text runs (rectangles of text on one line) are grouped into lines by
position, left to right; a wide gap inside a line separates table cells. Then, over the
whole file:
- furniture goes: page numbers (``— 3 —``, ``-3-``, ``第3页 共20页``, ``3/20``, a bare number
  at the page's top or bottom) and running headers and footers (the same text, digits aside,
  at the top or bottom of most pages — a browser's date/title header and URL footer too);
- lines become paragraphs: a line that reaches the right margin continues on the next one
  unless that one is indented, also across a page break; a title set in a larger size
  continues on the next line of the same size;
- lines of two or more cells in a row form a table: one block per row, ``a | b | c``.
Every block keeps its page. A file whose pages hold no text is a scan: refused with the
command that adds a text layer.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from plantui.blocks import Block, Source
from plantui.read.base import CHROME, MAX_PDF_BYTES, MAX_PDF_PAGES, ReadError

_CJK = re.compile(r"[\u4e00-\u9fff]")
PAGE_NUMBER = re.compile(
    r"^[\s—–\-－~·•]*(?:第?\s*[0-9０-９]{1,4}\s*页?(?:\s*[/／,，]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|[IVXLivxl]{1,6})[\s—–\-－~·•]*$"
)
# a space an OCR layer puts between Chinese words or between a number and a word; not between two
# Latin words or numbers (PM 2.5, Word 2019)
_OCR_SPACE = re.compile(r"(?<![A-Za-z0-9.,%])\s+|\s+(?![A-Za-z0-9])")
# a gov.cn field box's label opening a cell, its colon misread or lost by OCR
_OCR_FIELD = re.compile(
    r"^(索引号|主题分类|发文机关|成文日期|发文字号|发布日期|发布机构|标题|文号)[;；:：,，.、\s]*(?=[^\s;；:：,，.、])"
)
# a horizontal rule as OCR reads it
_OCR_RULE = re.compile(r"[一—–\-_=－~～]{1,3}")
# the wide space after an article's label as OCR reads it: 第二条”本办法… / 第二十三条，”列入…
_OCR_GAP = re.compile(r"^(第[一二三四五六七八九十百零〇\d]{1,5}[条章节])[，,]?[”“\"']")
# 二、… / （三）… / 4. … / 第五条 …: a label opening a line
_LABEL_START = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|\d{1,2}[.．](?=(?:19|20)\d{2}年)|第[一二三四五六七八九十百\d]+[章节条])"
)
_SENTENCE_END = "。！？；：.!?;:”）)】》"


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    left: float
    right: float
    cells: list[str] = field(default_factory=list)
    lefts: list[float] = field(default_factory=list)  # where each cell starts
    fragment: bool = False  # a piece of a table cell's text, wrapped onto a line of its own

    @property
    def text(self) -> str:
        return " | ".join(self.cells) if len(self.cells) > 1 else self.cells[0]

    @property
    def height(self) -> float:
        return self.top - self.bottom


def read_pdf(data: bytes) -> Source:
    """Blocks of a PDF's text layer."""
    if len(data) > MAX_PDF_BYTES:
        raise ReadError(f"PDF too large ({len(data) // 1_000_000} MB)")
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ReadError("encrypted PDF: open it with its password and save an unprotected copy") from None
        raise ReadError(f"not a readable PDF ({exc})") from None
    try:
        count = len(pdf)
        if count == 0:
            raise ReadError("the PDF has no pages")
        if count > MAX_PDF_PAGES:
            raise ReadError(f"PDF of {count} pages: more than {MAX_PDF_PAGES}, not a plan")
        pages: list[list[_Line]] = []
        sizes: list[tuple[float, float]] = []
        for index in range(count):
            page = pdf[index]
            width, height = page.get_size()
            sizes.append((width, height))
            pages.append(_page_lines(page, index + 1, width, height))
            page.close()
    except pdfium.PdfiumError as exc:
        raise ReadError(f"not a readable PDF ({exc})") from None
    finally:
        pdf.close()
    chars = sum(len(_CJK.findall(line.text)) for lines in pages for line in lines)
    if chars < 20 * min(count, 5) and chars < 200:
        raise ReadError(
            "no text layer: a scanned PDF; add one with OCR first, e.g. ocrmypdf -l chi_sim FILE out.pdf"
        )
    _drop_furniture(pages, sizes)
    for lines in pages:
        _mark_cell_fragments(lines)
    return _paragraphs(pages)


def _page_lines(page: object, number: int, width: float, height: float) -> list[_Line]:
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    ocr = _invisible(textpage)
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        if right < 0 or left > width or top < 0 or bottom > height:
            continue  # drawn off the page (Founder's 书书书 marker and the like)
        text = textpage.get_text_bounded(left, bottom, right, top)
        if "\n" in text.strip():
            # the box reaches into the line above or below (an OCR layer's tall word boxes): the
            # text on its middle only, not the neighbour's characters (ss / 深圳 for 深圳)
            middle = (top + bottom) / 2
            text = textpage.get_text_bounded(left + 0.5, middle - 0.5, right - 0.5, middle + 0.5)
        text = text.replace("\r", "").replace("\n", "").replace("\ufffe", "").replace("\x02", "")
        if text.strip():
            runs.append((left, bottom, right, top, text))
    textpage.close()
    runs.sort(key=lambda r: (-r[3], r[0]))
    lines: list[_Line] = []
    groups: list[list[tuple[float, float, float, float, str]]] = []
    for run in runs:
        left, bottom, right, top, _ = run
        middle = (top + bottom) / 2
        # of the recent lines whose height holds this run's middle, the one centred nearest: a
        # low glyph (a breadcrumb's …) overlaps a larger title line below its own line too
        best, distance = None, 0.0
        for group in groups[-3:]:
            g_top = max(r[3] for r in group)
            g_bottom = min(r[1] for r in group)
            off = abs(middle - (g_top + g_bottom) / 2)
            if g_bottom <= middle <= g_top and (best is None or off < distance):
                best, distance = group, off
        if best is None:
            groups.append([run])
        else:
            best.append(run)
    for group in groups:
        group.sort(key=lambda r: r[0])
        size = statistics.median(r[3] - r[1] for r in group) or 10.0
        cells: list[str] = []
        lefts: list[float] = []
        last_right = None
        for left, _, right, _, text in group:
            if ocr and last_right is not None and left < last_right:
                # an OCR layer's word boxes overlap (十 八 / 八条, or a box inside the one before):
                # the text the two share is read once
                if right <= last_right + 0.1 * size:
                    continue
                text = _unshared(cells[-1], text)
            if last_right is None or left - last_right > 2.5 * size:
                cells.append(text)  # the first cell, or after a wide gap the next one of a row
                lefts.append(left)
            else:
                # PDF writers put each ASCII run (digits of 2019, a 文号) in runs of its own
                spaced = left - last_right > 0.3 * size and _needs_space(cells[-1], text)
                cells[-1] += (" " if spaced else "") + text
            last_right = right if last_right is None else max(last_right, right)
        if ocr:  # OCR writes a space between its "words": 深 府 规 【2020] 6 号, 2020 年 第 25 期
            cells = [_OCR_GAP.sub("\\1\u3000", _OCR_SPACE.sub("", c)) for c in cells]
            # a field's colon as OCR reads it (发文字号;，… / 发布日期2020年…): the field's colon
            cells = [_OCR_FIELD.sub("\\1：", c) for c in cells]
        kept = [(c.strip(" \u3000"), x) for c, x in zip(cells, lefts, strict=True) if c.strip(" \u3000")]
        if ocr and len(kept) > 1:
            # a rule or a logo's stroke OCR read as a word of its own beside a line (深圳市人民政府关 |
            # 一 | 一): no cell of a table
            kept = [k for i, k in enumerate(kept) if i == 0 or not _OCR_RULE.fullmatch(k[0])]
        cells, lefts = [c for c, _ in kept], [x for _, x in kept]
        if cells:
            lines.append(
                _Line(
                    number,
                    max(r[3] for r in group),
                    min(r[1] for r in group),
                    group[0][0],
                    max(r[2] for r in group),
                    cells,
                    lefts,
                )
            )
    lines.sort(key=lambda line: -line.top)
    return lines


def _invisible(textpage: object) -> bool:
    """Whether a page's text is an OCR layer: drawn invisible over the scan (render mode 3)."""
    import pypdfium2.raw as pdfium_c

    modes: Counter[int] = Counter()
    for index in range(min(textpage.count_chars(), 60)):  # type: ignore[attr-defined]
        obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)  # type: ignore[attr-defined]
        if obj:
            modes[pdfium_c.FPDFTextObj_GetTextRenderMode(obj)] += 1
    return bool(modes) and modes.most_common(1)[0][0] == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE


def _unshared(before: str, text: str) -> str:
    """``text`` without its start that repeats the end of ``before`` (spaces aside)."""
    tail, head = re.sub(r"\s+", "", before), re.sub(r"\s+", "", text)
    for size in range(min(len(tail), len(head)), 0, -1):
        if tail.endswith(head[:size]):
            kept = 0  # skip the shared characters of text, and the spaces among them
            for index, char in enumerate(text):
                if not char.isspace():
                    kept += 1
                if kept == size:
                    return text[index + 1 :]
    return text


def _needs_space(left: str, right: str) -> bool:
    return (
        bool(left)
        and bool(right)
        and left[-1].isascii()
        and left[-1].isalnum()
        and right[0].isascii()
        and right[0].isalnum()
    )


def _key(text: str) -> str:
    """A running header or footer compared across pages: digits, spaces and ASCII marks aside (an
    OCR layer reads the same footer …html | 1/6 on one page, …html | 216 on the next)."""
    return re.sub(r"[\s0-9０-９!-/:-@\[-`{-~]+", "", text)


def _drop_furniture(pages: list[list[_Line]], sizes: list[tuple[float, float]]) -> None:
    """Page numbers and running headers/footers, found by position and repetition."""
    count = len(pages)
    edge_keys: Counter[str] = Counter()
    for lines in pages:
        seen = set()
        for line in lines[:2] + lines[-2:]:
            key = _key(line.text)
            if key and key not in seen:
                seen.add(key)
                edge_keys[key] += 1
    repeated = {k for k, n in edge_keys.items() if count >= 2 and n >= max(2, 0.5 * count)}
    # a table's header row that Word repeats at the top of every page it runs over: its first copy
    # sits inside a page (under the title), so it is the table's, not the page's
    repeated -= {
        _key(line.text)
        for lines in pages
        for line in lines[2:-2]
        if len(line.cells) > 1 and _CJK.search(line.text)
    }
    for index, lines in enumerate(pages):
        _, height = sizes[index]
        drop = [_is_furniture(line, p, len(lines), height, repeated) for p, line in enumerate(lines)]
        # a repeated line is a running header or footer only at the page's edge: under a first line
        # that stays (each table's own title over 编制单位：… | 单位：元) it is the table's caption
        if len(lines) > 2 and not drop[0] and drop[1] == "repeated":
            drop[1] = ""
        if len(lines) > 3 and not drop[-1] and drop[-2] == "repeated":
            drop[-2] = ""
        pages[index] = [line for line, why in zip(lines, drop, strict=True) if not why]


def _is_furniture(line: _Line, position: int, count: int, height: float, repeated: set[str]) -> str:
    """Why a line is page furniture ("" when it is not): a page number, a running header or
    footer (``repeated``, at the top or bottom two lines), or chrome."""
    at_edge = position < 2 or position >= count - 2
    text = line.text
    # — 2 8 —: a page number whose digits and dashes PDFium returns as runs of their own
    number = re.sub(r"(?<=[0-9])\s+(?=[0-9])", "", text.replace(" | ", " "))
    if PAGE_NUMBER.match(number) and (at_edge or line.top > 0.88 * height or line.bottom < 0.12 * height):
        return "number"
    if at_edge and _key(text) in repeated and len(text) < 120:
        return "repeated"
    if CHROME.match(text.replace(" | ", " ")):
        return "chrome"
    chrome = [c for c in line.cells if CHROME.match(c)]
    if chrome and sum(len(_CJK.findall(c)) for c in line.cells if c not in chrome) < 4:
        return "chrome"  # a breadcrumb beside a site's logo read as text (ss深 | 您现在的位置;…)
    return ""


def _mark_cell_fragments(lines: list[_Line]) -> None:
    """A table cell's text wrapped within its column comes out as lines of their own between the
    table's rows (江西省投资项目…事项清单: ``（一）在市、县级文物保护单位保`` over ``护范围内建设其他
    工程…`` in the column 材料提供适用情形): those pieces are the table's, never a heading or a
    paragraph. A piece is a narrow line between two rows with a line of the same column right
    above or below it that continues it (no label of its own). Whole one-line cells
    (``十一、城乡社区支出`` / ``十二、农林水支出``), lines as wide as the table and captions centred
    on it stay as they are."""
    rows = [i for i, line in enumerate(lines) if len(line.cells) > 1 and _CJK.search(line.text)]
    if len(rows) < 2:
        return
    table = [lines[i] for i in rows]
    left = min(line.left for line in table)
    right = max(line.right for line in table)
    size = statistics.median(line.height for line in table)
    inside = [
        line
        for line in lines[rows[0] + 1 : rows[-1]]
        if len(line.cells) == 1
        and line.right - line.left < 0.6 * (right - left)
        and abs((line.left - left) - (right - line.right)) >= size
    ]
    region = lines[rows[0] + 1 : rows[-1]]
    for upper in inside:
        for lower in region:
            if lower is upper or not 0 <= upper.bottom - lower.top < 0.8 * size:
                continue  # a wrapped line follows closer than the next row of the table does
            # the line right below goes on in the same column: a cell of that row, or a piece
            below = [c for c, x in zip(lower.cells, lower.lefts, strict=True) if abs(x - upper.left) <= 2]
            if below and not _CELL_LABEL.match(below[0]):
                upper.fragment = True
                if lower in inside:
                    lower.fragment = True


# a cell that starts a new entry: 十一、 1. (一) 2 (a number and a space)
_CELL_LABEL = re.compile(
    r"^(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*、|\d+\s*[.．、]|\d+\s)"
)


def _paragraphs(pages: list[list[_Line]]) -> Source:
    lines = [line for page in pages for line in page]
    if not lines:
        raise ReadError("the PDF holds no text")
    single = [line for line in lines if len(line.cells) == 1 and _CJK.search(line.text)]
    body_size = statistics.median(line.height for line in single) if single else 10.0
    lefts = Counter(round(line.left) for line in single if abs(line.height - body_size) < 0.2 * body_size)
    margin_left = min((x for x, n in lefts.items() if n >= max(2, 0.05 * len(single))), default=0.0)
    rights = [line.right for line in single if abs(line.height - body_size) < 0.2 * body_size]
    margin_right = _percentile(rights, 0.9) if rights else max(line.right for line in lines)
    # a page set narrower than the rest of the file (普陀区 单位预算: its 说明 pages run from 95 to
    # 742 pt, its tables from 57 to 774) wraps at its own edges, not at the file's
    edges = {page[0].page: _text_edges(page, body_size) for page in pages if page}
    page_left = {number: max(margin_left, e[0]) for number, e in edges.items() if e[0] is not None}
    page_right = {number: min(margin_right, e[1]) for number, e in edges.items() if e[1] is not None}
    blocks: list[Block] = []
    page_starts: list[int] = []
    current: _Line | None = None
    last: _Line = lines[0]
    text = ""

    def flush() -> None:
        if current is not None and text.strip():
            row = len(current.cells) > 1 or current.fragment
            blocks.append(Block(text.strip(), len(blocks) + 1, final=True, page=current.page, row=row))
            while len(page_starts) < current.page:
                page_starts.append(len(blocks))

    for line in lines:
        left, right = page_left.get(last.page, margin_left), page_right.get(last.page, margin_right)
        if current is not None and _continues(last, line, body_size, left, right, text):
            text += (" " if _needs_space(text, line.text) else "") + line.text
            last = line
            continue
        flush()
        current, last, text = line, line, line.text
    flush()
    while len(page_starts) < len(pages):
        # pages at the end with no text (a web print's footer page): they start after the last
        # line, so that line stays on its own page (user trial F13: p.7 for p.6)
        page_starts.append(len(blocks) + 1)
    return Source(tuple(blocks), len(blocks), "pdf", "", page_starts=tuple(page_starts))


def _text_edges(page: list[_Line], body: float) -> tuple[float | None, float | None]:
    """The left and right edges of a page's running text: where three or more of its body lines
    start, or end, together (justified text); None where no three lines agree, and on a page that
    holds a table (its cells' lines are no measure of the text's width)."""
    if any(len(line.cells) > 1 or line.fragment for line in page):
        return None, None
    body_lines = [
        line
        for line in page
        if len(line.cells) == 1 and _CJK.search(line.text) and abs(line.height - body) < 0.2 * body
    ]
    if not body_lines:
        return None, None
    lefts = sorted(line.left for line in body_lines)
    left = next((x for x in lefts if sum(1 for y in lefts if abs(y - x) <= 0.5 * body) >= 3), None)
    rights = [line.right for line in body_lines]
    right = max(rights)
    return left, right if sum(1 for r in rights if r >= right - 0.5 * body) >= 3 else None


def _continues(last: _Line, line: _Line, body: float, left: float, right: float, text: str) -> bool:
    """Whether ``line`` continues the paragraph whose latest line is ``last``."""
    if len(last.cells) > 1 or len(line.cells) > 1 or last.fragment or line.fragment:
        return False
    if text.rstrip()[-1:] in _SENTENCE_END and (
        last.right < right - 1.5 * body or _LABEL_START.match(line.text)
    ):
        return False  # a sentence ends short of the edge, or right at it with a heading's label next
    same_page = line.page == last.page
    if same_page and last.bottom - line.top > 1.2 * max(body, last.height):
        return False  # a blank line between
    big = last.height > 1.15 * body
    if big:  # a title set large continues on the next line of the same size
        # (not onto the next page, and not into a line that opens with a label: a contents list set
        # large, 一、单位主要职能 / 二、单位机构设置 …)
        return (
            same_page
            and abs(line.height - last.height) < 0.1 * last.height
            and text.rstrip()[-1:] not in "。"
            and not _LABEL_START.match(line.text)
        )
    # a note set in small type under a table (说明：1.本表适用于… over a landscape page) wraps like
    # the body: two lines of the same small size on one page
    small = same_page and abs(line.height - last.height) < 0.1 * last.height and last.height < 0.8 * body
    if abs(line.height - body) > 0.2 * body and not small:
        return False
    unit = last.height if small else body
    if last.right < right - 2.5 * unit:
        return False  # the line stopped short: the paragraph ends there
    return line.left < left + 1.2 * body  # the next line is not indented


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
