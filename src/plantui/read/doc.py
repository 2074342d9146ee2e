"""Old Word (.doc, Word 97-2003; also WPS's .doc and .wps, written in the same format) → blocks:
the main text in order.

A .doc is an OLE compound file (a small FAT file system in one file). Its ``WordDocument``
stream opens with the FIB, which says where the piece table (CLX) lies in the table stream
(``0Table`` or ``1Table``); the pieces map the text's character positions to 8-bit or UTF-16
runs of the WordDocument stream. The main document is the first ``ccpText`` characters; the
footnotes, headers, footers, comments and text boxes that follow it are never read.

Paragraphs end at U+000D; a table cell ends at U+0007, and a row ends at a U+0007 whose
paragraph the paragraph properties (PAPX) mark as the row's end (``sprmPFTtp``): rows become
``a | b | c`` blocks as in the .docx reader. Fields keep their shown result, not their code
(``HYPERLINK "…"``, ``PAGE``). Word 6/95 files and encrypted ones are refused in one line.

Everything read is bounded: sector chains are followed at most once per sector, and a stream
is never longer than the file.
"""

from __future__ import annotations

import bisect
import struct

from plantui import patterns as P
from plantui.blocks import Source
from plantui.read.base import ReadError
from plantui.read.docx import _Writer
from plantui.read.soft_breaks import soft_lines

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_CONVERT = "save it as .docx, or run: soffice --headless --convert-to docx FILE"
# Paragraph properties: in a table (sprmPFInTable, sprmPItap), ending a row (sprmPFTtp, sprmPFInnerTtp)
_IN_TABLE_SPRMS = (0x2416, 0x6649)
_ROW_END_SPRMS = (0x2417, 0x244C)
_TEXT, _CELL, _ROW_END = 0, 1, 2


def read_doc(data: bytes) -> Source:
    """Blocks of a Word 97-2003 file's main document."""
    try:
        return _read(data)
    except (struct.error, IndexError, ValueError, OverflowError) as exc:
        raise ReadError(f"a damaged Word file ({type(exc).__name__}): {_CONVERT}") from None


def _read(data: bytes) -> Source:
    ole = _Compound(data)
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
    writer = _blocks(chars, positions, paragraphs, characters)
    if not any(b.text.strip() for b in writer.blocks):
        raise ReadError("the Word document holds no text")
    return Source(tuple(writer.blocks), len(writer.blocks), "doc", "utf-8", title=writer.title())


class _Compound:
    """The streams of an OLE compound file, by name."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(_OLE):
            raise ReadError(f"not an OLE compound file: {_CONVERT}")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if not 7 <= shift <= 16 or mini_shift >= shift:
            raise ReadError(f"a damaged Word file (sector size 2^{shift}): {_CONVERT}")
        self.size, self.mini_size = 1 << shift, 1 << mini_shift
        n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, first_mini_fat, n_mini_fat, first_difat, n_difat = struct.unpack_from(
            "<IIIII", data, 0x38
        )
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        sector, seen = first_difat, set[int]()
        while sector not in (_FREE, _END) and len(seen) < n_difat and sector not in seen:
            seen.add(sector)
            words = struct.unpack_from(f"<{self.size // 4}I", self._sector(sector))
            difat.extend(words[:-1])
            sector = words[-1]
        fat_bytes = b"".join(self._sector(s) for s in difat[:n_fat] if s not in (_FREE, _END))
        self.fat = struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes[: len(fat_bytes) // 4 * 4])
        directory = self._chain(first_dir)
        self.entries: dict[str, tuple[int, int]] = {}
        root: tuple[int, int] | None = None
        for at in range(0, len(directory) - 127, 128):
            entry = directory[at : at + 128]
            name_len, kind = struct.unpack_from("<HB", entry, 0x40)
            if kind not in (2, 5) or not 2 <= name_len <= 64:
                continue
            name = entry[: name_len - 2].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<II", entry, 0x74)
            if kind == 5:
                root = (start, size)
            else:
                self.entries.setdefault(name, (start, size))
        self.names = set(self.entries)
        mini_fat = self._chain(first_mini_fat) if n_mini_fat else b""
        self.mini_fat = struct.unpack(f"<{len(mini_fat) // 4}I", mini_fat[: len(mini_fat) // 4 * 4])
        self.mini_stream = self._chain(root[0])[: root[1]] if root else b""

    def _sector(self, index: int) -> bytes:
        at = (index + 1) * self.size
        if at + self.size > len(self.data) + self.size // 2 or index >= 1 << 28:
            raise ReadError(f"a damaged Word file (sector {index} beyond its end): {_CONVERT}")
        return self.data[at : at + self.size]

    def _chain(self, start: int) -> bytes:
        out, sector, seen = [], start, set()
        while sector not in (_FREE, _END) and sector < len(self.fat) and sector not in seen:
            seen.add(sector)
            out.append(self._sector(sector))
            sector = self.fat[sector]
        return b"".join(out)

    def stream(self, name: str) -> bytes | None:
        if name not in self.entries:
            return None
        start, size = self.entries[name]
        size = min(size, len(self.data))
        if size >= self.cutoff:
            return self._chain(start)[:size]
        out, sector, seen = [], start, set()
        while sector not in (_FREE, _END) and sector < len(self.mini_fat) and sector not in seen:
            seen.add(sector)
            at = sector * self.mini_size
            out.append(self.mini_stream[at : at + self.mini_size])
            sector = self.mini_fat[sector]
        return b"".join(out)[:size]


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
                self.starts.append(fcs[j])
                self.runs.append((fcs[j + 1], _sprms(_grpprl(page, at, paragraphs))))
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.runs = [self.runs[i] for i in order]

    def at(self, fc: int) -> dict[int, bytes]:
        i = bisect.bisect_right(self.starts, fc) - 1
        if i >= 0 and fc < self.runs[i][0]:
            return self.runs[i][1]
        return {}


def _grpprl(page: bytes, at: int, paragraphs: bool) -> bytes:
    """The sprms of a PapxInFkp (after its style index) or of a Chpx."""
    if at == 0 or at >= 511:
        return b""
    if not paragraphs:
        return page[at + 1 : min(at + 1 + page[at], 511)]
    cb = page[at]
    start, size = (at + 1, 2 * cb - 1) if cb else (at + 2, 2 * page[at + 1])
    return page[start + 2 : min(start + size, 511)]


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    out: dict[int, bytes] = {}
    i = 0
    while i + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, i)[0]
        i += 2
        spra = sprm >> 13
        length = (grpprl[i] + 1 if i < len(grpprl) else 1) if spra == 6 else _OPERAND[spra]
        out.setdefault(sprm, grpprl[i : i + length])
        i += length
    return out


_OPERAND = (1, 1, 2, 4, 2, 2, 0, 3)


def _place(props: dict[int, bytes]) -> int:
    """Where paragraph properties put a paragraph: the text, a table cell, a row's end."""
    if any(props.get(s, b"\0")[:1] != b"\0" for s in _ROW_END_SPRMS):
        return _ROW_END
    if any(props.get(s, b"\0")[:1] != b"\0" for s in _IN_TABLE_SPRMS):
        return _CELL
    return _TEXT


def _blocks(chars: str, positions: list[int], paragraphs: _Runs, characters: _Runs) -> _Writer:
    """Paragraphs and table rows, fields shown as their results; each paragraph's type size and
    alignment noted for the title (as the .docx reader notes them)."""
    writer = _Writer()
    paragraph: list[str] = []
    sizes: list[int] = []
    cells: list[str] = []
    fields: list[bool] = []  # per open field: True while in its code (before the separator)

    def add(fc: int) -> None:
        before = len(writer.blocks)
        for piece in soft_lines("".join(paragraph)):
            writer.add(piece)
        if len(writer.blocks) == before + 1:
            props = paragraphs.at(fc)
            centred = (props.get(0x2461) or props.get(0x2403) or b"\0")[:1] == b"\1"
            writer.looks[before] = (max(sizes, default=_DEFAULT_SIZE), centred)

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
        if code == 0x0D or code == 0x0C:
            if code == 0x0D and _place(paragraphs.at(fc)) != _TEXT:
                paragraph.append("\n")  # a cell of more than one paragraph: one cell
                continue
            add(fc)
            paragraph, sizes = [], []
        elif code == 0x07:
            if _place(paragraphs.at(fc)) == _ROW_END:
                texts = [c.replace("|", "｜") for c in cells]
                if any(t.strip() for t in texts):
                    writer.add(" | ".join(texts), row=True)
                cells = []
            else:
                cells.append("".join(paragraph).replace("\n", "").strip(P.STRIP_CHARS))
            paragraph, sizes = [], []
        elif code == 0x0B:
            paragraph.append("\n")
        elif code == 0x09:
            paragraph.append(" ")
        elif code == 0x1E:
            paragraph.append("-")
        elif code >= 0x20 or code == 0x0A:
            paragraph.append(char)
            if not char.isspace() and (size := characters.at(fc).get(0x4A43)) and len(size) == 2:
                sizes.append(struct.unpack("<H", size)[0])
        # other marks (0x01 picture, 0x02 footnote mark, 0x08 drawing, 0x1F optional hyphen): dropped
    if cells:
        writer.add(" | ".join(cells), row=True)
    add(positions[-1] if positions else 0)
    return writer


# A run's type size in half points when the file states none: Word's Normal style (五号, 10.5 pt)
_DEFAULT_SIZE = 21
