"""Break Chinese text into lines of a given width by the usual rules (避头尾); pure.

Widths are terminal cells (a CJK character is two). A line never starts with closing or
pausing punctuation (，。、；：？！）》」”…) and never ends with opening punctuation (（《「“):
the character before the break goes down with it. Latin words and numbers are not split
when a space or a CJK character offers a break inside the line.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

# may not start a line (行首禁则): closing punctuation, pauses, ellipses and dashes
NO_START = frozenset("，。、；：？！）》」』】〕〗〉］｝”’…‥—～·・％‰％,.;:?!)]}%〃々ー．｡､\u3000")
# may not end a line (行尾禁则): opening brackets and quotes
NO_END = frozenset("（《「『【〔〖〈［｛“‘([{<＜＄$￥¥#＃")


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Terminal cells of one character: 2 for wide and fullwidth, 0 for combining marks."""
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    """Terminal cells of ``text``."""
    if text.isascii():
        return len(text) if text.isprintable() else sum(map(char_width, text))
    return sum(map(char_width, text))


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "_%.:-+/")


def break_offsets(text: str, width: int, first: int | None = None) -> list[int]:
    """Offsets in ``text`` where lines start (0 excluded): the first line holds ``first`` cells
    (default ``width``), the others ``width``. Spaces at a break are left at the line's end."""
    width = max(width, 4)
    room = width if first is None else max(first, 4)
    offsets: list[int] = []
    start = 0
    used = 0
    i = 0
    n = len(text)
    while i < n:
        w = char_width(text[i])
        if used + w <= room or i == start:
            used += w
            i += 1
            continue
        # text[i] does not fit: the line is text[start:i]
        cut = _adjust(text, start, i)
        while cut < n and text[cut] == " ":
            cut += 1  # a space at the break is dropped from the next line's start
        offsets.append(cut)
        start = cut
        used = 0
        i = cut
        room = width
    return offsets


def _adjust(text: str, start: int, cut: int) -> int:
    """Move a break at ``cut`` back so no line starts or ends badly; never to ``start``."""
    best = cut
    # a space in the second half of the line is the natural break (breadcrumbs, Latin text)
    space = text.rfind(" ", start + (cut - start) // 2, cut + 1)
    if space > start:
        return space + 1 if text[space + 1 : space + 2] not in NO_START or space + 1 >= len(text) else cut
    # keep Latin words and numbers whole when there is another place to break
    if _latin(text[cut]) and _latin(text[cut - 1]):
        j = cut - 1
        while j > start and _latin(text[j - 1]):
            j -= 1
        if j > start:
            best = j
    # 避头尾: carry characters down until the new line may start here and the old one may end
    for _ in range(4):
        if best - 1 > start and (text[best] in NO_START if best < len(text) else False):
            best -= 1
            continue
        if best - 1 > start and text[best - 1] in NO_END:
            best -= 1
            continue
        break
    return best


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """``text`` as lines of at most ``width`` cells (the first ``first``), by break_offsets."""
    if not text:
        return [""]
    cuts = [0, *break_offsets(text, width, first), len(text)]
    return [text[a:b].rstrip(" ") for a, b in itertools.pairwise(cuts) if a < b] or [""]


def break_lines(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of ``text`` wrapped at ``width`` cells, line by line of the text, for a
    reader that draws every line: a break moves back over characters that may not open or close
    a line; a line that could not break anywhere is cut at the width."""
    lines: list[tuple[int, int]] = []
    width = max(width, 2)
    paragraph = 0
    for piece in text.split("\n"):
        start, used = paragraph, 0
        end = paragraph + len(piece)
        index = paragraph
        while index < end:
            w = char_width(text[index])
            if used + w > width and index > start:
                cut_at = index
                while cut_at > start + 1 and _glued(text[cut_at - 1], text[cut_at]):
                    cut_at -= 1
                if cut_at == start + 1 and _glued(text[cut_at - 1], text[cut_at]):
                    cut_at = index  # nowhere to break: cut at the width
                lines.append((start, cut_at))
                start, used, index = cut_at, 0, cut_at
                continue
            used += w
            index += 1
        lines.append((start, end))
        paragraph = end + 1
    return lines


def _glued(left: str, right: str) -> bool:
    """Whether a line may not break between ``left`` and ``right``: 避头尾, or inside a number
    or a Latin word (2020-2025, 5G, 3.5)."""
    return right in NO_START or left in NO_END or (_latin(left) and _latin(right))
