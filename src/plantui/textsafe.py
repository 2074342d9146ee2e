"""Make document text safe to show in a terminal: control characters become visible.

An ANSI or OSC escape sequence inside a plan (copied from a web page, or malicious) must
be shown as text, never interpreted by the terminal. Rich markup is a separate matter:
callers build ``rich.text.Text`` objects, which never parse markup.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls; and the bidi overrides that can
# reorder what the reader sees.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character replaced by a visible escape (``\\x1b``)."""
    return _CONTROL.sub(_visible, text)


def on_screen(text: str) -> str:
    """Like ``printable``, and a tab becomes a space: a terminal moves the cursor to its next tab
    stop, past cells the app counts as drawn, so what an earlier screen left there showed through
    (an Excel table copied as tab-separated text read 5G基站数量公共个算收入3000)."""
    return printable(text).replace("\t", " ")


def printable_line(text: str) -> str:
    """Like ``printable``, and newlines and tabs become spaces (for one-line cells)."""
    return printable(text).replace("\n", " ").replace("\t", " ")


def json_text(value: object, *, indent: int | None = None) -> str:
    """``value`` as JSON (which YAML reads as-is) with CJK kept readable and every control
    character or bidi override written as a ``\\uXXXX`` escape, which reads back as itself:
    the data is kept, and a terminal showing it is never acted on."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
