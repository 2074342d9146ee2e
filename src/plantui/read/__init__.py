"""File → blocks: one reader per format, chosen by the content as much as by the name.

In: a path. Out: the file's bytes (for its hash) and a ``Source`` of blocks
(``plantui.blocks``). Readers: ``text`` (any common Chinese encoding), ``markdown`` (also
Markdown found inside a .txt), ``docx`` (python-docx), ``pdf`` (pypdfium2), ``html``
(selectolax), a browser's web archive (.mhtml, .mht: its page, read as html), and old Word
files (``doc``: Word 97-2003, and WPS's .doc and .wps, which WPS writes in the same binary
format). Formats plantui cannot read (.rtf, .odt …) fail with a one-line reason that names the fix.
Nothing above this package knows which format a plan came from.
"""

from __future__ import annotations

import re
from pathlib import Path

from plantui.blocks import Source
from plantui.read.base import MAX_TEXT_BYTES, ReadError

__all__ = ["REFUSED", "ReadError", "read_file", "source_format"]

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",  # WPS 文字 writes its .wps in Word 97-2003's format
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    # a page saved as one file by a browser (Chrome, Edge: .mhtml; IE, Word: .mht)
    ".mhtml": "mhtml",
    ".mht": "mhtml",
}
# A web archive's MIME head: multipart/related, the page its root (Chrome writes type="text/html")
_MHTML = re.compile(rb"(?im)^MIME-Version:\s*1\.0\s*$(?s:.*?)^Content-Type:\s*multipart/related")
# An OLE compound file: what .doc, .wps, .xls and .et files are.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Formats met in real folders that need converting first: the reason names the fix.
_CONVERT = "save it as .docx, or run: soffice --headless --convert-to docx FILE"
REFUSED = {
    ".rtf": f"an RTF file: {_CONVERT}",
    ".odt": f"an OpenDocument file (.odt): {_CONVERT}",
    ".docm": f"a macro-enabled Word file (.docm): {_CONVERT}",
    ".dotx": f"a Word template (.dotx): {_CONVERT}",
    ".ofd": "an OFD file: print it to PDF first",
    ".caj": "a CAJ file: save it as PDF first",
}


def source_format(path: Path) -> str | None:
    """The reader for a file name, or None when plantui does not read such files."""
    return SUFFIXES.get(path.suffix.lower())


def read_file(path: Path) -> tuple[bytes, Source]:
    """Read one file into blocks; raise ReadError with a one-line reason when it is not a plan."""
    refused = REFUSED.get(path.suffix.lower())
    if refused is not None:
        raise ReadError(refused)
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise ReadError(f"file too large ({size // 1_000_000} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    return data, read_bytes(data, source_format(path) or "text")


def read_bytes(data: bytes, named: str) -> Source:
    """Blocks of a file's bytes: the content decides where it is clear, else the file name."""
    if data.startswith(_OLE):  # Word 97-2003 and WPS files, whatever they are named
        from plantui.read.doc import read_doc

        try:
            return read_doc(data)
        except ReadError as exc:
            if named == "doc":
                raise
            raise ReadError(f"an old Word or WPS file (named as another format): {exc}") from None
    fmt = sniff(data) or named
    if fmt == "doc":  # named .doc, and neither Word 97-2003 nor a page, a .docx or a PDF
        if data.lstrip()[:5] == b"{\\rtf":
            raise ReadError(REFUSED[".rtf"])
        raise ReadError(f"not a Word 97-2003 file, though named .doc or .wps: {_CONVERT}")
    if fmt == "html" and named == "markdown" and not _whole_page(data):
        fmt = "markdown"  # a converter's Markdown with the page's <div>s kept (pandoc -t gfm)
    if fmt == "docx":
        from plantui.read.docx import read_docx

        return read_docx(data)
    if fmt == "pdf":
        from plantui.read.pdf import read_pdf

        return read_pdf(data)
    if fmt == "mhtml":
        data = _archived_page(data)
        fmt = "html"
    if fmt == "html":
        from plantui.read.html import read_html

        return read_html(data)
    from plantui.read.markdown import looks_like_markdown, markdown_source
    from plantui.read.text import decode_named, text_source

    text, encoding = decode_named(data)
    if fmt == "markdown" or looks_like_markdown(text):
        return markdown_source(text, encoding)
    return text_source(text, encoding)


def _whole_page(data: bytes) -> bool:
    """A web page from its doctype or <html>, not an HTML fragment inside Markdown."""
    head = data[:4096].lower()
    return b"<!doctype html" in head or b"<html" in head


def _archived_page(data: bytes) -> bytes:
    """The page of a web archive (MHTML: MIME multipart/related, the page quoted-printable or
    base64 beside its images and styles): its first text/html part, decoded."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                charset = part.get_content_charset()
                if charset and b"charset" not in payload[:4096].lower():
                    # the part names the page's encoding, the page does not: say it in the page
                    payload = f'<meta charset="{charset}">'.encode("ascii") + payload
                return payload
    raise ReadError("a web archive (.mhtml) that holds no page")


def sniff(data: bytes) -> str | None:
    """The format the bytes show whatever the name says: a PDF, a Word file, a web page, a page
    saved as a web archive."""
    head = data[:1024].lstrip()
    if _MHTML.search(data[:4096]):
        return "mhtml"
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:200_000] else None
    lowered = head[:512].lower().removeprefix(b"\xef\xbb\xbf")
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    if lowered.startswith((b"<div", b"<body", b"<table", b"<meta", b"<head")):
        return "html"
    return None
