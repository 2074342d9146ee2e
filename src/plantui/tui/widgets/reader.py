"""The reader: one plan from its first line to its last, opening on a card of its metadata,
专栏 drawn as boxes, targets underlined, hits highlighted, lines broken by the Chinese rules
(避头尾).

One widget draws the rows on screen and nothing else (Textual's line API): opening a plan of
thousands of paragraphs lays out rows, it mounts no widget per paragraph.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from plantui.browse import Content
from plantui.linebreak import break_lines
from plantui.tui.messages import ReadingPosition
from plantui.tui.text import CURRENT_STYLE, HIT_STYLE, TARGET_STYLE, breadcrumb, literal
from plantui.tui.widgets.layout import (
    BOX_BOTTOM,
    BOX_TOP,
    CARD,
    CARD_BOTTOM,
    CARD_TOP,
    FRAME,
    LABEL_CELLS,
    MARKER,
    PADDING,
    TEXT,
    Page,
    Para,
    page_for,
)

MESSAGE_INDENT = 4
HIT_LEAD = 2  # lines shown above a hit the reader goes to, so what leads up to it shows too


class Breadcrumb(Static):
    """The line over the reader: ``plan › part › section`` of what is read, and its PDF page."""

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__("", id=id, classes=classes)
        self._place: tuple[str, tuple[str, ...], int | None] = ("", (), None)

    def show_place(self, plan: str, path: tuple[str, ...], page: int | None = None) -> None:
        """Name the place being read; cut to the width when drawn."""
        if (plan, path, page) != self._place:
            self._place = (plan, path, page)
            self.refresh()

    def render(self) -> Text:
        plan, path, page = self._place
        if not plan:
            return Text("")
        width = self.content_size.width
        if page is None:
            return literal(breadcrumb(plan, path, width))
        mark = f"第 {page} 页"
        place = breadcrumb(plan, path, max(8, width - cell_len(mark) - 2))
        gap = max(2, width - cell_len(place) - cell_len(mark))
        return Text.assemble(literal(place), " " * gap, (mark, "bold"))


class Reader(ScrollView, can_focus=True):
    """Shows one document; ``go_to`` scrolls to a node, passage or line; n/N walk through hits."""

    BINDINGS = [
        Binding("j,down", "scroll('down')", "下滚", show=False),
        Binding("k,up", "scroll('up')", "上滚", show=False),
        Binding("g,home", "scroll('home')", "开头", show=False),
        Binding("G,end", "scroll('end')", "结尾", show=False),
        Binding("ctrl+d,space,pagedown", "scroll('page_down')", "下翻", show=False),
        Binding("ctrl+u,b,pageup", "scroll('page_up')", "上翻", show=False),
    ]
    COMPONENT_CLASSES = {
        "reader--marker",
        "reader--current",
        "reader--heading-1",
        "reader--heading-2",
        "reader--heading-3",
        "reader--heading-4",
        "reader--column",
        "reader--box",
        "reader--card",
        "reader--label",
        "reader--message",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.page: Page | None = None
        self._message: list[str] = []
        self._hits: list[tuple[Para, int]] = []  # every occurrence: (paragraph, its span)
        self._hit_index = -1
        self._words: list[str] = []
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._base: Style | None = None  # the reader's own colours, under every row
        self._reported: tuple[int, int | None, int | None] | None = None  # the place last reported

    # ------------------------------------------------------------ what is shown

    @property
    def content(self) -> Content | None:
        return self.page.content if self.page is not None else None

    @property
    def document_id(self) -> int | None:
        return self.page.content.document.id if self.page is not None else None

    @property
    def paras(self) -> list[Para]:
        return self.page.paras if self.page is not None else []

    @property
    def message(self) -> str:
        return "\n".join(self._message)

    def show(self, content: Content, words: list[str]) -> None:
        """Replace what is shown by a document, at its top."""
        self.page = page_for(content)
        self._reported = None
        self._message = []
        self._words = list(words)
        self._apply_highlight()
        self._layout()
        self.scroll_to(y=0, animate=False, immediate=True)

    def show_message(self, text: str) -> None:
        self.page = None
        self._hits = []
        self._hit_index = -1
        self._message = text.split("\n")
        self._layout()

    def _layout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        self._strips.clear()
        if self.page is not None:
            self.page.layout(width)
            height = len(self.page.rows) + 1
        else:
            room = max(8, width - 2 * MESSAGE_INDENT)
            height = 2 + sum(len(break_lines(line, room)) for line in self._message)
        self.virtual_size = Size(width, height)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if self.page is None or width == self.page.width:
            if self.page is None:
                self._layout()
            return
        top = self.current_para()
        self._layout()
        if top is not None:
            self.scroll_to(y=self.page.row_of(top), animate=False, immediate=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()
        self._base = None

    # ------------------------------------------------------------ drawing

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"reader--{name}")
        return style

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        strip = self._strips.get(row)
        if strip is None or strip.cell_length != width:
            if len(self._strips) > 4 * max(self.size.height, 10):
                self._strips.clear()
            if self._base is None:
                self._base = self.rich_style  # walks every ancestor: once per style change
            strip = self._render_row(row, width).apply_style(self._base)  # under the row's own styles
            self._strips[row] = strip
        return strip

    def _render_row(self, row: int, width: int) -> Strip:
        """A row without the reader's own colours (``render_line`` puts them under it)."""
        if self.page is None:
            return self._render_message(row, width)
        rows = self.page.rows
        if not 0 <= row < len(rows):
            return Strip.blank(width)
        kind, index, start, end, boxed = rows[row]
        inner = max(1, width - 2 * PADDING)
        line = Text(no_wrap=True, end="")
        line.append(" " * PADDING)
        if kind in (CARD_TOP, CARD_BOTTOM, BOX_TOP, BOX_BOTTOM):
            style = self._style("card" if kind in (CARD_TOP, CARD_BOTTOM) else "box")
            left, right = ("╭", "╮") if kind in (CARD_TOP, BOX_TOP) else ("╰", "╯")
            line.append(left + "─" * max(0, inner - 2) + right, style)
        elif kind == CARD:
            label, text, untitled = self.page.card_lines[index]
            border = self._style("card")
            body = Text(no_wrap=True, end="")
            body.append(label, self._style("label"))
            body.pad_right(LABEL_CELLS - body.cell_len)
            body.append(literal(text, "italic" if untitled else ""))
            self._framed(line, body, inner, border)
        elif kind == TEXT:
            body = self._para_line(self.page.paras[index], start, end)
            if boxed:
                self._framed(line, body, inner, self._style("box"))
            else:
                line.append(body)
        elif boxed:
            self._framed(line, Text(""), inner, self._style("box"))
        line.pad_right(width - line.cell_len)
        line.truncate(width)
        return Strip(line.render(self.app.console), width)

    def _framed(self, line: Text, body: Text, inner: int, border: Style) -> None:
        """``body`` between a box's sides, padded to the box's width."""
        room = max(1, inner - 2 * FRAME)
        body.truncate(room)
        body.pad_right(room - body.cell_len)
        line.append("│ ", border)
        line.append(body)
        line.append(" │", border)

    def _para_line(self, para: Para, start: int, end: int) -> Text:
        if para.hit or para.targets or para.current is not None:
            # as text.highlighted styles it: targets underlined, then hits, then the current hit
            targets, hits = para.marks.on_line(start, end)
            spans = [Span(a, b, TARGET_STYLE) for a, b in targets]
            spans += [Span(a, b, HIT_STYLE) for a, b in hits]
            if para.current is not None and para.current < len(para.spans):
                a, b = para.spans[para.current]
                if a < end and b > start:
                    spans.append(Span(max(a, start) - start, min(b, end) - start, CURRENT_STYLE))
            body = Text(para.shown[start:end], spans=spans, no_wrap=True, end="")
        else:
            body = Text(para.shown[start:end], no_wrap=True, end="")
        if para.style != "para":
            body.stylize_before(self._style(para.style))
        line = Text(no_wrap=True, end="")
        line.append("▌ " if para.hit else " " * MARKER, self._style("marker") if para.hit else "")
        line.append(body)
        if para.current is not None:  # the paragraph of the current hit: a background under it all
            assert self.page is not None
            line.pad_right(self.page.width_of(para) - line.cell_len)
            line.stylize_before(self._style("current"))
        return line

    def _render_message(self, row: int, width: int) -> Strip:
        room = max(8, width - 2 * MESSAGE_INDENT)
        lines = [
            line[a:b] for line in self._message for a, b in (break_lines(line, room) if line else [(0, 0)])
        ]
        index = row - 2
        if not 0 <= index < len(lines):
            return Strip.blank(width)
        text = Text(" " * MESSAGE_INDENT + lines[index], no_wrap=True, end="")
        text.stylize(self._style("message"))
        text.pad_right(width - text.cell_len)
        return Strip(text.render(self.app.console), width)

    def refresh_para(self, para: Para) -> None:
        """Draw a paragraph again (its hits or current hit changed)."""
        if self.page is None:
            return
        first = self.page.first_row[para.index]
        count = len(para.lines(self.page.width_of(para)))
        for row in range(first, first + count):
            self._strips.pop(row, None)
        top = int(self.scroll_offset.y)
        self.refresh(Region(0, first - top, self.size.width, count))

    # ------------------------------------------------------------ highlighting

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

    def set_words(self, words: list[str]) -> None:
        self._words = list(words)
        self._apply_highlight()
        self._strips.clear()
        self.refresh()

    def _apply_highlight(self) -> None:
        self._hit_index = -1
        self._hits = []
        for para in self.paras:
            para.mark(self._words)
            if para.count:
                self._hits += [(para, i) for i in range(para.count)]

    def go_to_hit(self, index: int) -> bool:
        """Make hit ``index`` (negative: from the end) current and scroll to it; False if none."""
        if not self._hits or self.page is None:
            return False
        index %= len(self._hits)
        old = self.current_hit
        if old is not None:
            old.current = None
            self.refresh_para(old)
        self._hit_index = index
        para, span = self._hits[index]
        para.current = span
        offset = para.spans[span][0] if span < len(para.spans) else 0
        self.refresh_para(para)
        self.scroll_to(y=max(0, self.page.row_of(para, offset) - HIT_LEAD), animate=False, immediate=True)
        return True

    def hit_in(self, para: Para) -> bool:
        """Make the first hit inside ``para`` current; False if the paragraph holds none."""
        index = next((i for i, (hit, _) in enumerate(self._hits) if hit is para), None)
        return index is not None and self.go_to_hit(index)

    def hit_node(self) -> int | None:
        para = self.current_hit
        return para.block.node_id if para is not None else None

    # ------------------------------------------------------------ position

    def go_to(
        self, node_id: int | None = None, passage_id: int | None = None, line: int | None = None
    ) -> Para | None:
        """Scroll to a passage, else a node's heading, else the first paragraph from ``line``
        (else the top); the paragraph gone to. A passage gone to (a hit opened from 检索) makes
        its first hit the current one, so the counter and n go on from there."""
        page = self.page
        if page is None:
            return None
        para: Para | None = None
        if passage_id is not None:
            para = page.by_passage.get(passage_id)
        if para is None and node_id is not None:
            para = page.by_node.get(node_id)
        if para is None and line is not None:
            para = next((p for p in page.paras if p.block.line >= line), None)
        self.scroll_to(y=page.row_of(para) if para is not None else 0, animate=False, immediate=True)
        if para is not None and passage_id is not None:
            self.hit_in(para)
        return para

    def para_rows(self, para: Para) -> range:
        """The rows a paragraph is drawn on."""
        if self.page is None:
            return range(0)
        first = self.page.first_row[para.index]
        return range(first, first + len(para.lines(self.page.width_of(para))))

    def is_shown(self, para: Para) -> bool:
        """Whether any line of ``para`` is on screen."""
        top = int(self.scroll_offset.y)
        rows = self.para_rows(para)
        return rows.start < top + self.scrollable_content_region.height and rows.stop > top

    def current_para(self) -> Para | None:
        """The first paragraph or heading at the top (or below it)."""
        return self.page.para_at_row(int(self.scroll_offset.y)) if self.page is not None else None

    def current_node(self) -> int | None:
        para = self.current_para()
        return para.block.node_id if para is not None else None

    def current_line(self) -> int:
        """The source line of what is at the top (1 when nothing is shown)."""
        para = self.current_para()
        return para.block.line if para is not None and para.block.line else 1

    def screen_text(self) -> list[str]:
        """The rows on screen as plain text (for tests and for the tour)."""
        return [
            "".join(segment.text for segment in self.render_line(y))
            for y in range(self.scrollable_content_region.height)
        ]

    def rendered(self) -> list[str]:
        """Every row of the plan as plain text."""
        if self.page is None:
            return []
        width = self.scrollable_content_region.width
        return ["".join(s.text for s in self._render_row(row, width)) for row in range(len(self.page.rows))]

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.page is not None and round(old) != round(new):
            self._report_position()

    def _report_position(self) -> None:
        """Tell the app what is being read: the current hit while it is on screen, else the top."""
        if self.page is None:
            return
        hit = self.current_hit
        para = hit if hit is not None and self.is_shown(hit) else self.current_para()
        place = (
            self.page.content.document.id,
            para.block.node_id if para is not None else None,
            para.page if para is not None else None,
        )
        if place != self._reported:  # a line down within a section moves nothing else
            self._reported = place
            self.post_message(ReadingPosition(*place))

    # ------------------------------------------------------------ keys

    def action_scroll(self, where: str) -> None:
        {
            "down": self.scroll_down,
            "up": self.scroll_up,
            "home": self.scroll_home,
            "end": self.scroll_end,
            "page_down": self.scroll_page_down,
            "page_up": self.scroll_page_up,
        }[where](animate=False)
