"""Hard-wrapped text whose paragraphs open with an indent (PDF text of laws and regulations).

Such text is cut at one width, but a paragraph's first line was indented by two characters on
the page, so once the indent is stripped it ends some cells short of the wrap width; an
enumerated clause (``（一）与客户建立业务关系……，包括`` / ``单笔或者……；``) wrapped there must
still be joined to its tail. The width of those first lines is measured on the document itself.
Extra spaces a PDF or OCR puts inside lines blur the widths: the wrap width is then read as the
edge that nearly every line stays within, when most long lines end close to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from plantui.blocks import Block
from plantui.headings import classify, ends_sentence
from plantui.wrapped import display_width, ends_cut_line

# Kinds whose line is set like a paragraph (indented, running to the margin); chapter, part and
# column titles are centred or set apart and never continue onto a body line.
_CLAUSE_KINDS = frozenset({"article", "section", "item", "subitem"})


def edge_width(widths: Sequence[int]) -> int | None:
    """The wrap width of text whose line widths are blurred: the width that all but 4% of lines
    stay within, when at least half the long lines end within 7 cells of it."""
    long = [w for w in widths if w >= 20]
    if len(long) < 12:
        return None
    ordered = sorted(widths)
    edge = ordered[len(ordered) - 1 - int(0.04 * len(ordered))]
    near = sum(1 for w in long if edge - 7 <= w <= edge)
    return edge if near >= 0.5 * len(long) else None


def first_line_width(lines: Sequence[Block], wrap: int | None) -> int | None:
    """The width a paragraph's wrapped first line reaches: the commonest width of lines opening
    a paragraph (after a sentence end) and running on, when it is 2–6 cells short of the wrap."""
    if wrap is None:
        return None
    counts: Counter[int] = Counter()
    for before, line in pairwise(lines):
        if ends_sentence(before.text) and not ends_sentence(line.text):
            cells = display_width(line.text)
            if cells >= 0.7 * wrap:
                counts[cells] += 1
    if not counts:
        return None
    # (justified text can set two widths about as often, 46 and 48 where articles open with a
    # label a little narrower than the text: the wider one, so that both fill it)
    _, most = counts.most_common(1)[0]
    frequent = [w for w, seen in counts.items() if 2 <= wrap - w <= 6 and seen >= max(5, most // 2)]
    return max(frequent) if frequent else None


def wraps_indented(first: Block, nxt: Block, first_width: int | None) -> bool:
    """Whether a paragraph's first line, filling the indented width, goes on in ``nxt``."""
    if first_width is None or nxt.final or nxt.md_level or nxt.quote != first.quote or first.row:
        return False
    if ends_cut_line(first.text) or classify(nxt.text) is not None:
        return False
    heading = classify(first.text)
    if heading is not None and heading.kind not in _CLAUSE_KINDS:
        return False
    # a next line filling the same indented width without ending a sentence opens a paragraph of
    # its own: the first line was a title (（一）构建水生态安全格局，保障流域水生态系统服务)
    if _fills(first.text, first_width) and (ends_sentence(nxt.text) or not _fills(nxt.text, first_width)):
        return True
    return heading is not None and _clause_goes_on(first.text, nxt.text, first_width)


def _clause_goes_on(text: str, nxt: str, first_width: int) -> bool:
    """A clause's first line cut mid-sentence up to 6 cells short of the indented width (its label
    and commas printed narrow: （二）核对……，或者按照法律法 / 规、规章……) goes on where the next
    line is a body line, wider than it by an indent and than any indented first line, or where
    the next line is a short end of its sentence (…恐怖活动人员名 / 单。)."""
    cells, after = display_width(text), display_width(nxt)
    if ends_sentence(text) or not first_width - 6 <= cells <= first_width + 1:
        return False
    return (after >= cells + 4 and after > first_width) or (ends_sentence(nxt) and after <= first_width // 2)


def _fills(text: str, first_width: int) -> bool:
    return first_width - 3 <= display_width(text) <= first_width + 1
