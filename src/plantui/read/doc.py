"""Old Word (.doc, Word 97-2003; also WPS's .doc and .wps, written in the same format) → blocks:
the main text in order.

A .doc is an OLE compound file (read/ole.py: a small FAT file system in one file). Its ``WordDocument``
stream opens with the FIB, which says where the piece table (CLX) lies in the table stream
(``0Table`` or ``1Table``); the pieces map the text's character positions to 8-bit or UTF-16
runs of the WordDocument stream. The main document is the first ``ccpText`` characters; the
footnotes, headers, footers, comments and text boxes that follow it are never read.

Paragraphs end at U+000D; a table cell ends at U+0007, and a row ends at a U+0007 whose
paragraph the paragraph properties (PAPX) mark as the row's end (``sprmPFTtp``): rows become
``a | b | c`` blocks as in the .docx reader. Fields keep their shown result, not their code
(``HYPERLINK "…"``, ``PAGE``). Word 6/95 files and encrypted ones are refused in one line.

Word's list numbering (plain and style-linked) is rendered into the text as the .docx reader
renders it, the style sheet gives sizes and centring for the title, and tables are read as the
.docx reader reads them (a box, a frame's paragraphs, or rows). Everything read is bounded.
"""

from __future__ import annotations

import bisect
import struct

from plantui import patterns as P
from plantui.blocks import Source
from plantui.read.base import ReadError
from plantui.read.doc_styles import ISTD as _ISTD
from plantui.read.doc_styles import Lists, Styles, sprms
from plantui.read.docx import _Writer
from plantui.read.ole import CONVERT as _CONVERT
from plantui.read.ole import Compound
from plantui.read.soft_breaks import soft_lines

# Paragraph properties: in a table (sprmPFInTable, sprmPItap), ending a row (sprmPFTtp, sprmPFInnerTtp)
_IN_TABLE_SPRMS = (0x2416, 0x6649)
_ROW_END_SPRMS = (0x2417, 0x244C)
_TEXT, _CELL, _ROW_END = 0, 1, 2
# sprms read: list (sprmPIlfo, sprmPIlvl), alignment (sprmPJc, sprmPJc80), type size (sprmCHps)
_ILFO, _ILVL, _JC, _JC80, _SIZE, _BOLD = 0x460B, 0x260A, 0x2461, 0x2403, 0x4A43, 0x0835


def read_doc(data: bytes) -> Source:
    """Blocks of a Word 97-2003 file's main document."""
    try:
        return _read(data)
    except (struct.error, IndexError, ValueError, OverflowError) as exc:
        raise ReadError(f"a damaged Word file ({type(exc).__name__}): {_CONVERT}") from None


def _read(data: bytes) -> Source:
    ole = Compound(data)
    word = ole.stream("WordDocument")
    if word is None:
        names = ", ".join(sorted(ole.names)[:4])
        raise ReadError(f"an Office file that holds no Word document ({names}; an .xls or .ppt?): {_CONVERT}")
    if len(word) < 0x01AA or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
        raise ReadError(f"an old Word file this reader cannot read: {_CONVERT}")
    n_fib, flags = struct.unpack_from("<HH", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
    if n_fib < 0x00C1:  # Word 6 and Word 95 wrote 8-bit text in another layout
        raise ReadError(f"a Word 6/95 file (.doc): {_CONVERT}")
    if flags & 0x0100:
        raise ReadError("an encrypted Word file: open it in Word with its password and save it as .docx")
    table = ole.stream("1Table" if flags & 0x0200 else "0Table")
    if table is None:
        raise ReadError(f"a damaged Word file (no table stream): {_CONVERT}")
    ccp_text = struct.unpack_from("<i", word, 0x4C)[0]
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
    pieces = _pieces(table, fc_clx, lcb_clx)
    chars, positions = _text(word, pieces, max(0, ccp_text))
    paragraphs = _Runs(word, table, 0x0102, paragraphs=True)
    characters = _Runs(word, table, 0x00FA, paragraphs=False)
    props = _Props(paragraphs, characters, Styles(word, table), Lists(word, table))
    writer = _blocks(chars, positions, props)
    if not any(b.text.strip() for b in writer.blocks):
        raise ReadError("the Word document holds no text")
    return Source(tuple(writer.blocks), len(writer.blocks), "doc", "utf-8", title=writer.title())


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first cp, last cp, byte offset, 8-bit) per piece of text."""
    clx = table[fc_clx : fc_clx + lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers of pieces, skipped
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise ReadError(f"a damaged Word file (no piece table): {_CONVERT}")
    lcb = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + lcb]
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    out = []
    for i in range(count):
        raw = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        compressed = bool(raw & 0x40000000)
        fc = raw & 0x3FFFFFFF
        out.append((cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return out


def _text(word: bytes, pieces: list[tuple[int, int, int, bool]], limit: int) -> tuple[str, list[int]]:
    """The main document's characters and, for each, its byte offset in the WordDocument
    stream (what the paragraph properties are keyed by)."""
    chars: list[str] = []
    positions: list[int] = []
    for first, last, fc, compressed in pieces:
        if first >= limit:
            break
        n = min(last, limit) - first
        if n <= 0:
            continue
        width = 1 if compressed else 2
        raw = word[fc : fc + n * width]
        text = raw.decode("cp1252", "replace") if compressed else raw.decode("utf-16-le", "replace")
        chars.append(text)
        positions.extend(range(fc, fc + len(text) * width, width))
    return "".join(chars), positions


class _Runs:
    """Formatting runs of the WordDocument stream from its FKP pages (paragraph properties,
    PAPX, or character properties, CHPX): each run's byte range and its sprms."""

    def __init__(self, word: bytes, table: bytes, fib_at: int, paragraphs: bool) -> None:
        fc, lcb = struct.unpack_from("<II", word, fib_at)
        plc = table[fc : fc + lcb]
        count = max(0, (len(plc) - 4) // 8)
        self.starts: list[int] = []
        self.runs: list[tuple[int, dict[int, bytes]]] = []  # (end, sprm → operand)
        if count == 0:
            return
        for i in range(count):
            pn = struct.unpack_from("<I", plc, 4 * (count + 1) + 4 * i)[0] & 0x3FFFFF
            page = word[pn * 512 : pn * 512 + 512]
            if len(page) < 512:
                continue
            crun = page[511]
            step = 13 if paragraphs else 1  # a BX (offset and PHE) or a bare offset
            if 4 * (crun + 1) + step * crun > 511:
                continue
            fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
            for j in range(crun):
                at = page[4 * (crun + 1) + step * j] * 2
                grpprl = _grpprl(page, at, paragraphs)
                props = sprms(grpprl[2:] if paragraphs else grpprl)
                if paragraphs and len(grpprl) >= 2:
                    props[_ISTD] = grpprl[:2]  # the paragraph's style
                self.starts.append(fcs[j])
                self.runs.append((fcs[j + 1], props))
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.runs = [self.runs[i] for i in order]

    def at(self, fc: int) -> dict[int, bytes]:
        i = bisect.bisect_right(self.starts, fc) - 1
        if i >= 0 and fc < self.runs[i][0]:
            return self.runs[i][1]
        return {}

    def ends_at(self, fc: int) -> bool:
        """Whether a paragraph run ends with the character at ``fc`` (1 or 2 bytes wide)."""
        i = bisect.bisect_right(self.starts, fc) - 1
        return i < 0 or fc >= self.runs[i][0] or self.runs[i][0] - fc <= 2


def _grpprl(page: bytes, at: int, paragraphs: bool) -> bytes:
    """The style index and sprms of a PapxInFkp, or the sprms of a Chpx."""
    if at == 0 or at >= 511:
        return b""
    if not paragraphs:
        return page[at + 1 : min(at + 1 + page[at], 511)]
    cb = page[at]
    start, size = (at + 1, 2 * cb - 1) if cb else (at + 2, 2 * page[at + 1])
    return page[start : min(start + size, 511)]


def _place(props: dict[int, bytes]) -> int:
    """Where paragraph properties put a paragraph: the text, a table cell, a row's end."""
    if any(props.get(s, b"\0")[:1] != b"\0" for s in _ROW_END_SPRMS):
        return _ROW_END
    if any(props.get(s, b"\0")[:1] != b"\0" for s in _IN_TABLE_SPRMS):
        return _CELL
    return _TEXT


class _Props:
    """A paragraph's and a character's properties: direct formatting over the style's."""

    def __init__(self, paragraphs: _Runs, characters: _Runs, styles: Styles, lists: Lists) -> None:
        self.paragraphs, self.characters, self.styles, self.lists = paragraphs, characters, styles, lists

    def place(self, fc: int) -> int:
        return _place(self.paragraphs.at(fc))

    def label(self, fc: int) -> str:
        """The paragraph's list number as Word shows it (一、), empty when it has none."""
        direct = self.paragraphs.at(fc)
        style = self.styles.of(direct)[0]
        ilfo = direct.get(_ILFO) or style.get(_ILFO) or b""
        ilvl = direct.get(_ILVL) or style.get(_ILVL) or b"\0"
        if len(ilfo) != 2:
            return ""
        return self.lists.label(struct.unpack("<h", ilfo)[0], ilvl[0])

    def look(self, fc: int, sizes: list[int]) -> tuple[int, bool]:
        """Type size (the largest of the paragraph's characters, else its style's) and centring."""
        direct = self.paragraphs.at(fc)
        style, style_chars = self.styles.of(direct)
        jc = direct.get(_JC) or direct.get(_JC80) or style.get(_JC) or style.get(_JC80) or b"\0"
        size = style_chars.get(_SIZE, b"")
        fallback = struct.unpack("<H", size)[0] if len(size) == 2 else _DEFAULT_SIZE
        return max(sizes, default=fallback), jc[:1] == b"\1"

    def bold(self, fc: int) -> bool:
        """Whether the character is set in bold by its own formatting (sprmCFBold on, or toggled)."""
        return self.characters.at(fc).get(_BOLD, b"\0")[:1] in (b"\x01", b"\x81")

    def size(self, fc: int) -> int | None:
        size = self.characters.at(fc).get(_SIZE)
        return struct.unpack("<H", size)[0] if size and len(size) == 2 else None


def _blocks(chars: str, positions: list[int], props: _Props) -> _Writer:
    """Paragraphs and tables, fields shown as their results; each paragraph's type size and
    alignment noted for the title (as the .docx reader notes them)."""
    writer = _Writer()
    paragraph: list[str] = []
    bold = [0]  # how many of the paragraph's first characters are bold (or white space)
    sizes: list[int] = []
    cell: list[_Para] = []  # the paragraphs of the cell being read
    cells: list[list[_Para]] = []  # the cells of the row being read
    table: list[list[list[_Para]]] = []  # the rows of the table being read
    fields: list[bool] = []  # per open field: True while in its code (before the separator)

    def add(fc: int) -> None:
        _table(writer, table)
        table.clear()
        before = len(writer.blocks)
        label = props.label(fc)
        run_in = label + "".join(paragraph[: bold[0]])
        for piece in soft_lines(label + "".join(paragraph)):
            writer.add(piece, bold=run_in)
            run_in = ""
        if len(writer.blocks) == before + 1:
            writer.looks[before] = props.look(fc, sizes)

    for index, char in enumerate(chars):
        code = ord(char)
        if code == 0x13:
            fields.append(True)
            continue
        if code == 0x14:
            if fields:
                fields[-1] = False
            continue
        if code == 0x15:
            if fields:
                fields.pop()
            continue
        if fields and fields[-1]:
            continue  # a field's code: HYPERLINK "…", PAGE, TOC \o …
        fc = positions[index]
        if code == 0x0C and not props.paragraphs.ends_at(fc):
            code = 0x0B  # a page break inside a paragraph, not a section's end: a soft break
        if code == 0x0D or code == 0x0C:
            if code == 0x0D and props.place(fc) != _TEXT:
                cell.append(("".join(paragraph), props.look(fc, sizes)))  # a cell's paragraph
            else:
                add(fc)
            paragraph, sizes, bold[0] = [], [], 0
        elif code == 0x07:
            # a cell's end; a row's end where the properties say so, or say nothing (Word leaves
            # the row-end mark of a wide table without its table properties in the FKP)
            if props.place(fc) == _CELL:
                cells.append([*cell, ("".join(paragraph), props.look(fc, sizes))])
            else:
                table.append(cells)
                cells = []
            cell, paragraph, sizes, bold[0] = [], [], [], 0
        elif code == 0x0B:
            paragraph.append("\n")
        elif code == 0x09:
            paragraph.append(" ")
        elif code == 0x1E:
            paragraph.append("-")
        elif code >= 0x20 or code == 0x0A:
            if bold[0] == len(paragraph) and (char.isspace() or props.bold(fc)):
                bold[0] += 1
            paragraph.append(char)
            if not char.isspace() and (size := props.size(fc)) is not None:
                sizes.append(size)
        # other marks (0x01 picture, 0x02 footnote mark, 0x08 drawing, 0x1F optional hyphen): dropped
    if cells:
        table.append(cells)
    add(positions[-1] if positions else 0)
    return writer


_Para = tuple[str, tuple[int, bool]]  # a paragraph's text and look (type size, centred)


def _table(writer: _Writer, rows: list[list[list[_Para]]]) -> None:
    """A table as the .docx reader reads one: a one-cell table, or one whose first cell opens
    with 专栏, is a box of paragraphs; a one-column table (a cover's or a title's frame) is its
    paragraphs; other tables are rows ``a | b | c``."""
    rows = [row for row in rows if row]
    if not rows:
        return
    first = "".join(text for text, _ in rows[0][0]).lstrip(P.STRIP_CHARS)
    single = len(rows) == 1 and len(rows[0]) == 1
    if (
        single
        or (first.startswith("专栏") and max(len(row) for row in rows) <= 2)
        or all(len(row) <= 1 for row in rows)
    ):
        box = 1 if single or first.startswith("专栏") else 0
        for row in rows:
            for cell in row:
                for text, look in cell:
                    before = len(writer.blocks)
                    for piece in soft_lines(text):
                        writer.add(piece, box=box)
                    if box == 0 and len(writer.blocks) == before + 1:
                        writer.looks[before] = look  # a title set in a frame
        return
    for row in rows:
        texts = [
            "".join(text for text, _ in cell).replace("\n", "").strip(P.STRIP_CHARS).replace("|", "｜")
            for cell in row
        ]
        if any(texts):
            writer.add(" | ".join(texts), row=True)


# A run's type size in half points when the file states none: Word's Normal style (五号, 10.5 pt)
_DEFAULT_SIZE = 21
