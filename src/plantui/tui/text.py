"""Text for the screen: document text made safe and literal, cut by display width, highlighted."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text

from plantui.search import find_spans
from plantui.textsafe import printable, printable_line

HIT_STYLE = "bold reverse"
CURRENT_STYLE = "bold black on yellow"  # the hit n/N stopped at
TARGET_STYLE = "underline"


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
    return Text(printable(text), style=style)


def highlighted(text: str, words: Iterable[str], style: str = "", targets: Iterable[str] = ()) -> Text:
    """Literal text with every occurrence of ``words`` highlighted and target clauses underlined."""
    shown = printable(text)
    rich = Text(shown, style=style)
    for clause in targets:
        start = shown.find(clause)
        if start >= 0:
            rich.stylize(TARGET_STYLE, start, start + len(clause))
    for start, end in find_spans(shown, list(words)):
        rich.stylize(HIT_STYLE, start, end)
    return rich


# 避头尾: characters that may not open a line (closing punctuation, pauses, ellipses and dashes)
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉］｝”’…—～·％‰,.;:?!)]}%")
# … and characters that may not close one (opening brackets and quotes)
NO_LINE_END = frozenset("（《「『【〔〈［｛“‘([{")


def _glued(left: str, right: str) -> bool:
    """Whether a line may not break between ``left`` and ``right``."""
    if right in NO_LINE_START or left in NO_LINE_END:
        return True
    # a number or a Latin word stays whole (2020-2025, 5G, 3.5)
    return _latin(left) and _latin(right)


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-./:%_")


def break_lines(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of ``text`` wrapped at ``width`` cells by the Chinese rules (避头尾):
    no line opens with ，。、；：？！）” and the like, none ends with an opening “（《. A break moves
    back over such characters; a line that could not break anywhere is cut at the width."""
    lines: list[tuple[int, int]] = []
    width = max(width, 2)
    paragraph = 0
    for piece in text.split("\n"):
        start, used = paragraph, 0
        end = paragraph + len(piece)
        index = paragraph
        while index < end:
            cells = cell_len(text[index])
            if used + cells > width and index > start:
                cut_at = index
                while cut_at > start + 1 and _glued(text[cut_at - 1], text[cut_at]):
                    cut_at -= 1
                if cut_at == start + 1 and _glued(text[cut_at - 1], text[cut_at]):
                    cut_at = index  # nowhere to break: cut at the width
                lines.append((start, cut_at))
                start, used, index = cut_at, 0, cut_at
                continue
            used += cells
            index += 1
        lines.append((start, end))
        paragraph = end + 1
    return lines


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
