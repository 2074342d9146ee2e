"""The reader: one plan from its first line to its last, opening on a card of its metadata,
专栏 drawn as boxes, hits highlighted, lines broken by the Chinese rules (避头尾)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from plantui.browse import Block, Content, DocEntry, occurrence_spans, occurrences
from plantui.linebreak import break_lines
from plantui.naming import UNTITLED
from plantui.textsafe import printable
from plantui.tui.messages import ReadingPosition
from plantui.tui.text import CURRENT_STYLE, breadcrumb, highlighted, literal

MARKER = 2  # cells on the left of every paragraph for the hit marker, so marking never reflows


class Para(Widget):
    """A paragraph or heading that draws its own highlighting and hit marker and breaks its own
    lines (避头尾).

    Its text never changes and marking a hit changes no CSS class, so a new filter word needs a
    repaint, not a restyle or a new layout: the reader stays quick while the user types.
    """

    DEFAULT_CSS = "Para { height: auto; }"

    def __init__(self, block: Block, classes: str, targets: list[str], reader: Reader) -> None:
        super().__init__(classes=classes)
        self.reader = reader  # holds the marker's styles: a paragraph has no component classes of its own
        self.block = block
        self.shown = printable(block.text)
        self.targets = targets
        self.hit = False
        self.count = 0  # occurrences of the words (see browse.occurrence_spans)
        self.words: list[str] = []
        self._spans: list[tuple[int, int]] | None = None
        self.current: int | None = None  # which occurrence is the current hit
        self._breaks: tuple[int, list[tuple[int, int]]] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The occurrences, found when first needed (most marked paragraphs are never drawn)."""
        if self._spans is None:
            self._spans = occurrence_spans(self.shown, self.words) if self.hit else []
        return self._spans

    def _lines(self, width: int) -> list[tuple[int, int]]:
        width = max(1, width - MARKER)
        if self._breaks is None or self._breaks[0] != width:
            self._breaks = (width, break_lines(self.shown, width))
        return self._breaks[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        style = "" if self.block.kind == "para" else "bold"
        if not self.hit and not self.targets:
            rich = literal(self.block.text, style)
        else:
            rich = highlighted(self.block.text, self.words if self.hit else [], style, self.targets)
            if self.current is not None and self.current < len(self.spans):
                start, end = self.spans[self.current]
                rich.stylize(CURRENT_STYLE, start, end)
        width = self.content_size.width
        if width <= MARKER:
            return rich
        marker = Text("  ")
        if self.hit:
            colour = self.reader.get_component_rich_style("reader--marker", partial=True)
            marker = Text.assemble(("▌", colour), " ")
        lines = []
        for start, end in self._lines(width):
            line = marker + rich[start:end]
            if self.current is not None:  # the paragraph of the current hit: a background under its spans
                line.pad_right(width - line.cell_len)
                line.style = self.reader.get_component_rich_style("reader--current")
            lines.append(line)
        return Text("\n").join(lines)

    def mark(self, words: list[str]) -> int:
        """Highlight ``words`` if the paragraph holds them all; return how often they occur."""
        hit = bool(words) and all(w in self.shown for w in words)
        if hit != self.hit or (hit and words != self.words) or self.current is not None:
            self.hit, self.words, self._spans, self.current = hit, list(words), None, None
            self.count = occurrences(self.shown, words) if hit else 0
            self.refresh()
        return self.count

    def set_current(self, index: int | None) -> None:
        if index != self.current:
            self.current = index
            self.refresh()

    def line_of(self, offset: int) -> int:
        """The line (from 0) on which the character at ``offset`` is drawn."""
        width = self.content_size.width
        if width <= 0:
            return 0
        return next((i for i, (start, end) in enumerate(self._lines(width)) if offset < end), 0)


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


LABEL_CELLS = 10  # the card's label column: 发文机关 and a gap


def card_rows(document: DocEntry) -> list[tuple[str, str]]:
    """The plan's metadata as (label, value) rows; fields the text does not state are left out."""
    rows = []
    for label, field in CARD_FIELDS:
        if field == "name":
            value = document.shown
        elif field == "period":
            value = f"{document.period[0]}–{document.period[1]}年" if document.period else ""
        else:
            value = getattr(document, field) or ""
        if value:
            rows.append((label, printable(value)))
    return rows


class Card(Widget):
    """The metadata card a plan opens on: labels on the left, values broken by 避头尾."""

    DEFAULT_CSS = "Card { height: auto; }"

    def __init__(self, document: DocEntry) -> None:
        super().__init__(classes="card")
        self.rows = card_rows(document)

    def _lines(self, width: int) -> list[tuple[str, str, str]]:
        """(label, line, style) of each drawn line."""
        out = []
        room = max(4, width - LABEL_CELLS)
        for label, value in self.rows:
            style = "italic" if value.startswith(UNTITLED) else ""
            for index, (start, end) in enumerate(break_lines(value, room)):
                out.append((label if index == 0 else "", value[start:end], style))
        return out

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        lines = []
        for label, line, style in self._lines(self.content_size.width):
            row = Text(label, style="bold")
            row.pad_right(LABEL_CELLS - row.cell_len)
            row.append(line, style=style)
            lines.append(row)
        return Text("\n").join(lines)


class ReaderKeys(Static, can_focus=True):
    """The breadcrumb over the reader; it takes the reader's keys when the reader pane has focus.

    The reader itself is not focusable: Textual restyles a focused widget's whole subtree, and a
    plan is hundreds of paragraphs, so focusing it would cost a quarter of a second.
    """

    BINDINGS = [
        Binding("j,down", "scroll('down')", "下滚", show=False),
        Binding("k,up", "scroll('up')", "上滚", show=False),
        Binding("g,home", "scroll('home')", "开头", show=False),
        Binding("G,end", "scroll('end')", "结尾", show=False),
        Binding("ctrl+d,space,pagedown", "scroll('page_down')", "下翻", show=False),
        Binding("ctrl+u,b,pageup", "scroll('page_up')", "上翻", show=False),
    ]

    def __init__(self, reader: str, *, id: str | None = None, classes: str = "") -> None:
        super().__init__("", id=id, classes=classes)
        self._reader = reader
        self._place: tuple[str, tuple[str, ...]] = ("", ())

    def show_place(self, plan: str, path: tuple[str, ...]) -> None:
        """Name the place being read: ``plan › part › section``, cut to the width when drawn."""
        if (plan, path) != self._place:
            self._place = (plan, path)
            self.refresh()

    def render(self) -> Text:
        plan, path = self._place
        return literal(breadcrumb(plan, path, self.content_size.width) if plan else "")

    def action_scroll(self, where: str) -> None:
        reader = self.screen.query_one(self._reader, Reader)
        {
            "down": reader.scroll_down,
            "up": reader.scroll_up,
            "home": reader.scroll_home,
            "end": reader.scroll_end,
            "page_down": reader.scroll_page_down,
            "page_up": reader.scroll_page_up,
        }[where](animate=False)


class Reader(VerticalScroll, can_focus=False):
    """Shows one document; ``go_to`` scrolls to a node or passage; n/N walk through hits. Its
    keys come through ``ReaderKeys``."""

    COMPONENT_CLASSES = {"reader--marker", "reader--current"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content: Content | None = None
        self._paras: list[Para] = []
        self._by_passage: dict[int, Widget] = {}
        self._by_node: dict[int, Widget] = {}
        self._hits: list[tuple[Para, int]] = []  # every occurrence: (paragraph, its span)
        self._hit_index = -1
        self._words: list[str] = []
        self._targets: dict[int, list[str]] = {}

    @property
    def document_id(self) -> int | None:
        return self.content.document.id if self.content is not None else None

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    @property
    def hit_index(self) -> int:
        return self._hit_index

    @property
    def hit_counter(self) -> str:
        if not self._words:
            return ""
        if not self._hits:
            return "0 处"
        position = self._hit_index + 1 if self._hit_index >= 0 else 0
        return f"{position}/{len(self._hits)}"

    @property
    def current_hit(self) -> Para | None:
        return self._hits[self._hit_index][0] if 0 <= self._hit_index < len(self._hits) else None

    async def show(self, content: Content, words: list[str]) -> None:
        """Replace what is shown by a document."""
        self.content = content
        self._words = list(words)
        self._targets = {}
        for line, clause in content.targets:
            self._targets.setdefault(line, []).append(clause)
        self._paras.clear()
        self._by_passage.clear()
        self._by_node.clear()
        await self.remove_children()
        await self.mount_all(self._widgets(content))
        self._apply_highlight()
        self.scroll_home(animate=False)

    def show_message(self, text: str) -> None:
        self.content = None
        self._paras.clear()
        self._hits.clear()
        self.remove_children()
        self.mount(Static(Text(text), classes="message"))

    def _widgets(self, content: Content) -> list[Widget]:
        widgets, _ = self._collect(content.blocks, 0)
        return widgets

    def _collect(self, blocks: tuple[Block, ...], index: int) -> tuple[list[Widget], int]:
        """Widgets for blocks from ``index`` up to the closing ``end`` of a 专栏 (or the last block)."""
        out: list[Widget] = []
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if block.kind == "end":
                break
            if block.kind == "meta":
                assert self.content is not None
                out.append(Card(self.content.document))
            elif block.kind == "column":
                title = Para(block, "heading column-title", [], self)
                self._paras.append(title)
                children, index = self._collect(blocks, index)
                box = Vertical(title, *children, classes="column")
                out.append(box)
                if block.node_id is not None:
                    self._by_node[block.node_id] = box
                if block.passage_id is not None:
                    self._by_passage[block.passage_id] = box
            else:
                classes = "para" if block.kind == "para" else f"heading depth-{min(block.depth, 4)}"
                targets = self._targets.get(block.line, []) if block.kind == "para" else []
                para = Para(block, classes, targets, self)
                out.append(para)
                self._paras.append(para)
                if block.passage_id is not None:
                    self._by_passage[block.passage_id] = para
                if block.kind == "heading" and block.node_id is not None:
                    self._by_node[block.node_id] = para
        return out, index

    # ------------------------------------------------------------ highlighting

    def set_words(self, words: list[str]) -> None:
        self._words = list(words)
        self._apply_highlight()

    def _apply_highlight(self) -> None:
        self._hit_index = -1
        self._hits = []
        for para in self._paras:
            self._hits += [(para, i) for i in range(para.mark(self._words))]

    def go_to_hit(self, index: int) -> bool:
        """Make hit ``index`` (negative: from the end) current and scroll to it; False if none."""
        if not self._hits:
            return False
        index %= len(self._hits)
        if 0 <= self._hit_index < len(self._hits):
            self._hits[self._hit_index][0].set_current(None)
        self._hit_index = index
        para, span = self._hits[index]
        para.set_current(span)
        self.call_after_refresh(self._scroll_to_hit, para, span)
        return True

    def _scroll_to_hit(self, para: Para, span: int) -> None:
        """Put the hit's line a few lines below the top, so what leads up to it shows too."""
        offset = para.spans[span][0] if span < len(para.spans) else 0
        line = para.line_of(offset)
        top = para.virtual_region.y - self.gutter.top + para.gutter.top + max(0, line - 2)
        self.scroll_to(y=max(0, top), animate=False)

    def next_hit(self, step: int = 1) -> bool:
        """Scroll to the next (or previous) hit, wrapping in this plan; False when there is none."""
        return self.go_to_hit(self._hit_index + step if self._hit_index >= 0 or step > 0 else -1)

    def hit_node(self) -> int | None:
        para = self.current_hit
        return para.block.node_id if para is not None else None

    # ------------------------------------------------------------ position

    def go_to(
        self, node_id: int | None = None, passage_id: int | None = None, line: int | None = None
    ) -> None:
        widget: Widget | None = None
        if passage_id is not None:
            widget = self._by_passage.get(passage_id)
        if widget is None and node_id is not None:
            widget = self._by_node.get(node_id)
        if widget is None and line is not None:
            widget = next((p for p in self._paras if p.block.line >= line), None)
        if widget is None:
            self.scroll_home(animate=False)
            return
        self.call_after_refresh(self.scroll_to_widget, widget, animate=False, top=True)

    def current_para(self) -> Para | None:
        """The first paragraph or heading visible at the top."""
        top = self.content_region.y
        for para in self._paras:
            region = para.region
            if region.height and region.bottom > top:
                return para
        return None

    def current_node(self) -> int | None:
        """The node of the first paragraph or heading visible at the top."""
        para = self.current_para()
        return para.block.node_id if para is not None else None

    def current_line(self) -> int:
        """The source line of what is at the top (1 when nothing is shown)."""
        para = self.current_para()
        return para.block.line if para is not None and para.block.line else 1

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.content is not None:
            self.call_after_refresh(self._report_position)

    def _report_position(self) -> None:
        """Tell the app what is being read: the current hit while it is on screen, else the top."""
        if self.content is None:
            return
        hit = self.current_hit
        if hit is not None and self.content_region.overlaps(hit.region):
            self.post_message(ReadingPosition(self.content.document.id, hit.block.node_id))
        else:
            self.post_message(ReadingPosition(self.content.document.id, self.current_node()))
