"""File bytes → text: encoding detection, line-ending normalisation, refusal of non-text.

Lines are split on ``\\n`` only after ``\\r\\n`` and ``\\r`` are normalised; ``str.splitlines``
would also split on U+2028, form feeds and friends and shift every later line number.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from plantui.blocks import Source
from plantui.read.base import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats users rename to .txt by mistake; named so the message helps.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)


def text_source(text: str, encoding: str) -> Source:
    """Plain text: one block per non-empty line; joining broken paragraphs is left to structure,
    which knows the hard-wrap width of the whole file."""
    from plantui.chunks import raw_lines

    return Source(tuple(raw_lines(text)), text.count("\n") + 1, "text", encoding)


def decode(data: bytes) -> str:
    """Decode bytes of a text file in any common Chinese encoding to normalised text."""
    return decode_named(data)[0]


def decode_named(data: bytes) -> tuple[str, str]:
    """Normalised text and the name of the encoding it was decoded from."""
    if not data.strip():
        raise ReadError("empty file" if not data else "file holds only whitespace")
    encoding = encoding_name(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError(f"cannot decode as {encoding}") from None
    text = text.lstrip("\ufeff")
    if _looks_binary(text):
        raise ReadError("not a text file (binary content)")
    if not text.strip():
        raise ReadError("file holds only whitespace")
    return unescape_spaces(normalise_newlines(text)), encoding


# A converter that writes a character it cannot show by its code point's name: <U+00A0> for each
# no-break space of a saved web page's indent. Only spaces and invisible format characters are
# read back (a name that stands for a letter may be what the text means to show).
_CODE_POINT = re.compile(r"<U\+(?P<hex>[0-9A-Fa-f]{4,5})>")


def unescape_spaces(text: str) -> str:
    """``<U+00A0>``, ``<U+3000>``, ``<U+200B>`` written out as text → the characters they name."""
    if "<U+" not in text:
        return text

    def space(match: re.Match[str]) -> str:
        char = chr(int(match.group("hex"), 16))
        return char if unicodedata.category(char) in ("Zs", "Cf") else match.group(0)

    return _CODE_POINT.sub(space, text)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def encoding_name(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"not a text file: {what}")
    if b"\x00" in data[:4096]:
        guess = _utf16_without_bom(data)
        if guess is None:
            raise ReadError("not a text file (binary content)")
        return guess
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    return _detect(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte for ASCII and CJK alike."""
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    name = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else name


def _detect(data: bytes) -> str:
    """Ask charset-normalizer; prefer GB18030 (a superset of GBK and GB2312) for Chinese."""
    from charset_normalizer import from_bytes

    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        gb_ok = False
    else:
        gb_ok = True
    best = from_bytes(data[:200_000]).best()
    if best is None:
        if gb_ok:
            return "gb18030"
        raise ReadError("not a text file (unknown encoding)")
    name = best.encoding.lower().replace("_", "-")
    if name in {"big5", "cp950", "big5hkscs"} and _big5_reads_better(data):
        return "big5hkscs"  # traditional text: the bytes decode as GB18030 too, but to garbage
    if gb_ok and name in {"gb2312", "gbk", "gb18030", "big5", "cp936", "hz", "euc-jp", "cp949", "euc-kr"}:
        # charset-normalizer names GBK text by its narrowest fitting charset; decode with the
        # superset so rare characters beyond the sample still decode.
        return "gb18030"
    return name


def _big5_reads_better(data: bytes) -> bool:
    """Big5 bytes also decode as GB18030, to rare characters and kana (臺灣 → 籓芖). Each reading
    is scored by how many of its characters are the common ones of its own charset."""
    sample = data[:100_000]
    try:
        big5 = sample.decode("big5hkscs", errors="strict")
    except UnicodeDecodeError:
        try:
            big5 = sample[: sample.rfind(b"\n") + 1].decode("big5hkscs")
        except UnicodeDecodeError:
            return False
    gb = sample.decode("gb18030", errors="replace")
    return _common_share(big5, "big5", 0xA4, 0xC6) > _common_share(gb, "gb2312", 0xB0, 0xD7) + 0.1


def _common_share(text: str, charset: str, low: int, high: int) -> float:
    """Share of a text's non-ASCII letters that are level-1 (common) characters of ``charset``."""
    common = total = 0
    for ch in text:
        if ch.isascii() or not ch.isalpha():
            continue
        total += 1
        try:
            lead = ch.encode(charset)[0]
        except UnicodeEncodeError:
            continue
        common += low <= lead <= high
    return common / total if total else 0.0


# control characters other than tab, newline, vertical tab, form feed and carriage return
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    """Many control characters (beyond tab, newline, form feed) mean binary data, not text.

    A few escape sequences pasted into a plan are still text: they are shown literally.
    """
    sample = text[:20_000]
    if not sample:
        return False
    controls = len(_CONTROLS.findall(sample)) + sample.count("\ufffd")
    return controls >= 16 and controls / len(sample) > 0.05
