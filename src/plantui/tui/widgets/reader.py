"""The reader: one plan from its first line to its last, 专栏 drawn as boxes, hits highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from plantui.browse import Block, Content
from plantui.tui.messages import ReadingPosition
from plantui.tui.text import highlighted, literal


class Para(Widget):
    """A paragraph or heading that draws its own highlighting.

    Its text never changes, so a new filter word needs a repaint, not a new layout: the
    reader stays quick to re-highlight a long plan while the user types.
    """

    DEFAULT_CSS = "Para { height: auto; }"

    def __init__(self, block: Block, classes: str, targets: list[str]) -> None:
        super().__init__(classes=classes)
        self.block = block
        self.targets = targets
        self.hit = False
        self.words: list[str] = []

    def render(self) -> Text:
        style = "" if self.block.kind == "para" else "bold"
        if not self.hit and not self.targets:
            return literal(self.block.text, style)
        return highlighted(self.block.text, self.words if self.hit else [], style, self.targets)

    def mark(self, words: list[str]) -> bool:
        """Highlight ``words`` if the paragraph holds them all; return whether it does."""
        hit = bool(words) and all(w in self.block.text for w in words)
        if hit != self.hit:
            self.set_class(hit, "hit")
        if hit != self.hit or (hit and words != self.words):
            self.hit, self.words = hit, list(words)
            self.refresh()
        return hit


class Reader(VerticalScroll):
    """Shows one document; ``go_to`` scrolls to a node or passage; n/N walk through hits."""

    can_focus = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content: Content | None = None
        self._paras: list[Para] = []
        self._by_passage: dict[int, Widget] = {}
        self._by_node: dict[int, Widget] = {}
        self._hits: list[Para] = []
        self._hit_index = -1
        self._words: list[str] = []
        self._targets: dict[int, list[str]] = {}

    @property
    def document_id(self) -> int | None:
        return self.content.document.id if self.content is not None else None

    @property
    def hit_counter(self) -> str:
        if not self._words:
            return ""
        if not self._hits:
            return "0 处"
        position = self._hit_index + 1 if self._hit_index >= 0 else 0
        return f"{position}/{len(self._hits)}"

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
                out.append(Static(literal(block.text), classes="meta"))
            elif block.kind == "column":
                children, index = self._collect(blocks, index)
                box = Vertical(*children, classes="column")
                box.border_title = literal(block.text)
                out.append(box)
                if block.node_id is not None:
                    self._by_node[block.node_id] = box
                if block.passage_id is not None:
                    self._by_passage[block.passage_id] = box
            else:
                classes = "para" if block.kind == "para" else f"heading depth-{min(block.depth, 4)}"
                targets = self._targets.get(block.line, []) if block.kind == "para" else []
                para = Para(block, classes, targets)
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
        self._hits = [para for para in self._paras if para.mark(self._words)]

    def next_hit(self, step: int = 1) -> bool:
        """Scroll to the next (or previous) hit; False when there is none."""
        if not self._hits:
            return False
        self._hit_index = (self._hit_index + step) % len(self._hits)
        for para in self._hits:
            para.remove_class("current")
        target = self._hits[self._hit_index]
        target.add_class("current")
        self.scroll_to_widget(target, animate=False, top=True)
        return True

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

    def current_node(self) -> int | None:
        """The node of the first paragraph or heading visible at the top."""
        top = self.content_region.y
        for para in self._paras:
            region = para.region
            if region.height and region.bottom > top:
                return para.block.node_id
        return None

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.content is not None:
            self.call_after_refresh(self._report_position)

    def _report_position(self) -> None:
        if self.content is not None:
            self.post_message(ReadingPosition(self.content.document.id, self.current_node()))
