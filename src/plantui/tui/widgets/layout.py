"""The reader's page layout, without Textual: a plan's blocks become paragraphs, and paragraphs
become rows of a given width (lines broken by 避头尾, a card of metadata, 专栏 boxes, blank
rows between blocks). The reader draws only the rows on screen.

A row is a tuple ``(kind, index, start, end, boxed)``: ``index`` is a paragraph (``TEXT``) or a
card line (``CARD``), ``start:end`` the characters of a paragraph's line, ``boxed`` whether the
row is inside a 专栏's box.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from plantui.blocks import page_of
from plantui.browse import Block, Content, DocEntry, occurrence_spans, occurrences
from plantui.linebreak import break_lines
from plantui.naming import UNTITLED
from plantui.snippets import find_spans
from plantui.textsafe import on_screen

BLANK, TEXT, CARD, CARD_TOP, CARD_BOTTOM, BOX_TOP, BOX_BOTTOM = range(7)
Row = tuple[int, int, int, int, bool]

MARKER = 2  # cells on the left of every paragraph for the hit marker, so marking never reflows
PADDING = 2  # cells on each side of the reader
FRAME = 2  # a box's border and padding on each side
LABEL_CELLS = 10  # the card's label column: 发文机关 and a gap

CARD_FIELDS = (
    ("标题", "name"),
    ("发文机关", "issuer"),
    ("文号", "doc_number"),
    ("成文日期", "issued"),
    ("发布日期", "published"),
    ("规划期", "period"),
    ("地区", "region"),
    ("类型", "kind"),
    ("来源", "source"),
)


def card_rows(document: DocEntry) -> list[tuple[str, str]]:
    """The plan's metadata as (label, value) rows; fields the text does not state are left out."""
    rows = []
    for label, name in CARD_FIELDS:
        if name == "name":
            value = document.shown
        elif name == "period":
            value = f"{document.period[0]}–{document.period[1]}年" if document.period else ""
        else:
            value = getattr(document, name) or ""
        if value:
            rows.append((label, on_screen(value)))
    return rows


@dataclass(frozen=True)
class Marks:
    """A paragraph's styled stretches: target clauses (each where the clause first occurs) and
    hits, each sorted by start with its longest, so a line finds its own by bisection instead of
    cutting a styled Text of the whole paragraph (a plan stored as one 4 MB line with 14,000
    targets: seconds a row)."""

    targets: tuple[list[int], list[tuple[int, int]], int]
    hits: tuple[list[int], list[tuple[int, int]], int] | None = None

    @staticmethod
    def of_targets(text: str, clauses: list[str]) -> Marks:
        spans = []
        for clause in clauses:
            start = text.find(clause)
            if start >= 0:
                spans.append((start, start + len(clause)))
        return Marks(_sorted(spans))

    def with_hits(self, spans: list[tuple[int, int]]) -> Marks:
        return Marks(self.targets, _sorted(spans))

    def without_hits(self) -> Marks:
        return Marks(self.targets)

    def on_line(self, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The target and hit stretches over characters ``start:end``, relative to ``start``."""
        return _clipped(self.targets, start, end), _clipped(self.hits, start, end)


def _sorted(spans: list[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]], int]:
    spans = sorted(spans)
    return [a for a, _ in spans], spans, max((b - a for a, b in spans), default=0)


def _clipped(
    group: tuple[list[int], list[tuple[int, int]], int] | None, start: int, end: int
) -> list[tuple[int, int]]:
    if group is None:
        return []
    starts, spans, longest = group
    first, last = bisect.bisect_left(starts, start - longest), bisect.bisect_left(starts, end)
    return [(max(a, start) - start, min(b, end) - start) for a, b in spans[first:last] if b > start]


@dataclass(eq=False)
class Para:
    """A paragraph or heading of the plan: its text, the targets it states, its hits."""

    block: Block
    index: int
    style: str  # "para", "heading-N" (depth 1–4) or "column" (a 专栏's title)
    boxed: bool  # inside a 专栏's box
    targets: list[str]
    page: int | None = None
    shown: str = ""
    hit: bool = False
    count: int = 0  # occurrences of the words (see browse.occurrence_spans)
    words: list[str] = field(default_factory=list)
    current: int | None = None  # which occurrence is the current hit
    _marks: Marks | None = None  # where the targets and the hits are drawn
    _spans: list[tuple[int, int]] | None = None
    _breaks: tuple[int, list[tuple[int, int]]] | None = None

    def __post_init__(self) -> None:
        self.shown = on_screen(self.block.text)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The occurrences, found when first needed (most marked paragraphs are never drawn)."""
        if self._spans is None:
            self._spans = occurrence_spans(self.shown, self.words) if self.hit else []
        return self._spans

    def lines(self, width: int) -> list[tuple[int, int]]:
        """(start, end) of each line at ``width`` cells (the marker's cells taken off)."""
        width = max(1, width - MARKER)
        if self._breaks is None or self._breaks[0] != width:
            self._breaks = (width, break_lines(self.shown, width))
        return self._breaks[1]

    def mark(self, words: list[str]) -> bool:
        """Find ``words`` (the paragraph is a hit if it holds them all); True if that changed."""
        hit = bool(words) and all(w in self.shown for w in words)
        if hit == self.hit and (not hit or words == self.words) and self.current is None:
            return False
        self.hit, self.words, self._spans, self.current = hit, list(words), None, None
        if self._marks is not None:
            self._marks = self._marks.without_hits()
        self.count = occurrences(self.shown, words) if hit else 0
        return True

    @property
    def marks(self) -> Marks:
        """The targets and the hits, found when first drawn (the targets once, the hits again when
        the words change)."""
        if self._marks is None:
            self._marks = Marks.of_targets(self.shown, self.targets)
        if self._marks.hits is None:
            self._marks = self._marks.with_hits(find_spans(self.shown, self.words) if self.hit else [])
        return self._marks

    def line_of(self, offset: int, width: int) -> int:
        """The line (from 0) on which the character at ``offset`` is drawn."""
        return next((i for i, (_, end) in enumerate(self.lines(width)) if offset < end), 0)


@dataclass
class Page:
    """A plan laid out for the reader."""

    content: Content
    paras: list[Para]
    card: list[tuple[str, str]]
    by_passage: dict[int, Para]
    by_node: dict[int, Para]
    width: int = 0
    rows: list[Row] = field(default_factory=list)
    first_row: list[int] = field(default_factory=list)  # per paragraph
    card_lines: list[tuple[str, str, bool]] = field(default_factory=list)  # label, text, untitled

    @property
    def text_width(self) -> int:
        return max(8, self.width - 2 * PADDING)

    def width_of(self, para: Para) -> int:
        """The cells a paragraph's lines may take, marker included."""
        return max(4, self.text_width - (2 * FRAME if para.boxed else 0))

    def layout(self, width: int) -> None:
        """Rows for a reader ``width`` cells wide (its scrollbar left out)."""
        self.width = width
        rows: list[Row] = []
        first = [0] * len(self.paras)
        gap = 0  # blank rows owed below the last block (margins collapse: the larger one wins)
        inner = self.text_width - 2 * FRAME
        blocks = self.content.blocks
        para_at = 0
        depth = 0  # 专栏 open; boxes do not nest on the page: an inner one goes on in the outer box
        for block in blocks:
            kind = block.kind
            if kind == "meta":
                rows.append((BLANK, 0, 0, 0, False))
                rows.append((CARD_TOP, 0, 0, 0, False))
                self.card_lines = []
                room = max(4, inner - LABEL_CELLS)
                for label, value in self.card:
                    untitled = value.startswith(UNTITLED)
                    for number, (start, end) in enumerate(break_lines(value, room)):
                        rows.append((CARD, len(self.card_lines), 0, 0, False))
                        self.card_lines.append((label if number == 0 else "", value[start:end], untitled))
                rows.append((CARD_BOTTOM, 0, 0, 0, False))
                gap = 1
                continue
            if kind == "end":
                if depth:
                    depth -= 1
                    if not depth:
                        rows.append((BOX_BOTTOM, 0, 0, 0, False))
                        gap = 1
                continue
            para = self.paras[para_at]
            para_at += 1
            top = 1 if kind == "heading" else 0
            if kind == "column":
                depth += 1
                if depth == 1:
                    rows.extend([(BLANK, 0, 0, 0, False)] * max(gap, 1))
                    rows.append((BOX_TOP, 0, 0, 0, False))
                    gap = top = 0
                else:
                    top = 1
            rows.extend([(BLANK, 0, 0, 0, depth > 0)] * max(gap, top))
            first[para.index] = len(rows)
            for start, end in para.lines(self.width_of(para)):
                rows.append((TEXT, para.index, start, end, depth > 0))
            gap = 1 if kind == "para" else 0
        if depth:  # a box left open by the blocks
            rows.append((BOX_BOTTOM, 0, 0, 0, False))
        self.rows = rows
        self.first_row = first

    def para_at_row(self, row: int) -> Para | None:
        """The paragraph drawn on ``row``, or the next one below it (None past the last)."""
        rows = self.rows
        for index in range(max(0, row), len(rows)):
            kind = rows[index][0]
            if kind == TEXT:
                return self.paras[rows[index][1]]
        return None

    def row_of(self, para: Para, offset: int = 0) -> int:
        """The row showing character ``offset`` of ``para`` (a 专栏's title: its box's top)."""
        row = self.first_row[para.index]
        if para.style == "column" and offset == 0 and row and self.rows[row - 1][0] == BOX_TOP:
            return row - 1
        return self.first_row[para.index] + para.line_of(offset, self.width_of(para))


def page_for(content: Content) -> Page:
    """A plan's paragraphs, ready to be laid out."""
    targets: dict[int, list[str]] = {}
    for line, clause in content.targets:
        targets.setdefault(line, []).append(clause)
    starts = content.page_starts
    paras: list[Para] = []
    by_passage: dict[int, Para] = {}
    by_node: dict[int, Para] = {}
    boxed = 0  # 专栏 open
    for block in content.blocks:
        if block.kind == "meta":
            continue
        if block.kind == "end":
            boxed = max(0, boxed - 1)
            continue
        if block.kind == "column":
            style = "column"
        elif block.kind == "heading":
            style = f"heading-{min(max(block.depth, 1), 4)}"
        else:
            style = "para"
        para = Para(
            block,
            len(paras),
            style,
            boxed > 0 or block.kind == "column",
            targets.get(block.line, []) if block.kind == "para" else [],
            page_of(starts, block.line) if starts and block.line else None,
        )
        if block.kind == "column":
            boxed += 1
        paras.append(para)
        if block.passage_id is not None:
            by_passage[block.passage_id] = para
        if block.kind in ("heading", "column") and block.node_id is not None:
            by_node.setdefault(block.node_id, para)
    return Page(content, paras, card_rows(content.document), by_passage, by_node)
