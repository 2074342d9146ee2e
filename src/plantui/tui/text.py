"""Text for the screen: document text made safe and literal, cut by display width, highlighted."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text

from plantui.search import find_spans
from plantui.textsafe import on_screen, printable_line

HIT_STYLE = "bold reverse"
CURRENT_STYLE = "bold black on yellow"  # the hit n/N stopped at
TARGET_STYLE = "underline"


def place(line: int | str, page: int | None = None) -> str:
    """Where a passage is in its source: ``第 12 行``, and ``· 第 3 页`` for a PDF."""
    return f"第 {line} 行" + (f" · 第 {page} 页" if page is not None else "")


def cut(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells (CJK characters take two), with an ellipsis."""
    text = printable_line(text)
    if cell_len(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        width = cell_len(ch)
        if used + width > cells - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + "…"


def literal(text: str, style: str = "") -> Text:
    """Document text as a Rich Text: markup is never parsed, control characters are made visible."""
    return Text(on_screen(text), style=style)


def highlighted(text: str, words: Iterable[str], style: str = "", targets: Iterable[str] = ()) -> Text:
    """Literal text with every occurrence of ``words`` highlighted and target clauses underlined."""
    shown = on_screen(text)
    rich = Text(shown, style=style)
    for clause in targets:
        start = shown.find(clause)
        if start >= 0:
            rich.stylize(TARGET_STYLE, start, start + len(clause))
    for start, end in find_spans(shown, list(words)):
        rich.stylize(HIT_STYLE, start, end)
    return rich


def breadcrumb(plan: str, path: Iterable[str], cells: int) -> str:
    """``plan › part › section`` in one line of at most ``cells``: the plan's name and then the
    outer parts give way first, so the place being read stays whole as long as it can."""
    path = list(path)
    parts = [printable_line(p) for p in path]
    line = " › ".join([printable_line(plan), *parts])
    if cells <= 0 or cell_len(line) <= cells:
        return line
    if not parts:
        return cut(plan, cells)
    head = cut(plan, max(8, cells // 4))
    while len(parts) > 1 and cell_len(" › ".join([head, "…", *parts])) > cells:
        parts.pop(0)
    middle = ["…"] if len(parts) < len(path) else []
    return cut(" › ".join([head, *middle, *parts]), cells)
