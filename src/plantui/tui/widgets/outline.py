"""The outline: documents → parts → sections → items, 专栏 marked ▣, hit counts when filtering.

Labels are cut with … to the pane's width, and a hit count is never cut off."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets._tree import TOGGLE_STYLE  # the icon toggles on a click, as in Tree
from textual.widgets.tree import TreeNode

from plantui.browse import DocEntry, FilterResult, NodeEntry
from plantui.tui.text import cut

TITLE_CELLS = 200  # a label's text before the pane cuts it to its width


@dataclass(frozen=True)
class Ref:
    """What a tree line stands for: a document, or a node inside one."""

    document_id: int
    node_id: int | None = None


class OutlineTree(Tree[Ref]):
    """Documents at the top level; a document's outline is loaded when it is first opened."""

    BINDINGS = [
        Binding("j", "cursor_down", "下移", show=False),
        Binding("k", "cursor_up", "上移", show=False),
        Binding("h", "collapse_here", "收起", show=False),
        Binding("l", "expand_here", "展开", show=False),
        Binding("g", "scroll_home", "开头", show=False),
        Binding("G", "scroll_end", "结尾", show=False),
        Binding("ctrl+d", "page_down", "下翻", show=False),
        Binding("ctrl+u", "page_up", "上翻", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("规划", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._documents: list[DocEntry] = []
        self._outlines: dict[int, list[NodeEntry]] = {}
        self._doc_nodes: dict[int, TreeNode[Ref]] = {}
        self._node_nodes: dict[int, TreeNode[Ref]] = {}
        self._filter: FilterResult | None = None
        self._expanded: set[int] = set()
        self._unfiltered: set[Ref] | None = None  # what was open before a filter narrowed the tree
        self._filled: dict[int, tuple[tuple[int, ...], bool]] = {}  # the nodes under each plan
        self._relabelled = False  # a label changed since the last redraw

    # ------------------------------------------------------------ content

    @property
    def expanded_documents(self) -> list[int]:
        return sorted(self._expanded)

    def has_outline(self, document_id: int) -> bool:
        return document_id in self._outlines

    def show_documents(self, documents: list[DocEntry]) -> None:
        self._documents = documents
        self._rebuild()
        if self.cursor_line < 0 and documents:
            self.cursor_line = 0

    def show_outline(self, document_id: int, outline: list[NodeEntry]) -> None:
        """Fill in a document's outline (loaded in a worker) and open it."""
        self._outlines[document_id] = outline
        self._expanded.add(document_id)
        node = self._doc_nodes.get(document_id)
        if node is not None:
            self._fill(node, document_id)
            node.expand()

    def apply_filter(self, result: FilterResult | None) -> None:
        """Keep only the branches with hits (None: show everything again, opened as before)."""
        if self._filter is None and result is not None:
            self._unfiltered = self._open_refs()
        self._filter = result
        self._rebuild()
        if result is None and self._unfiltered is not None:
            opened, self._unfiltered = self._unfiltered, None
            for node in list(self._node_nodes.values()):
                if node.data in opened and node.allow_expand:
                    node.expand()

    def _open_refs(self) -> set[Ref]:
        return {n.data for n in self._node_nodes.values() if n.is_expanded and n.data is not None}

    def follow(self, document_id: int, node_id: int | None) -> None:
        """Move the cursor to follow the reader, without opening anything."""
        target = self._node_nodes.get(node_id) if node_id is not None else None
        target = target or self._doc_nodes.get(document_id)
        if target is None or target is self.cursor_node:
            return
        parent = target.parent
        while parent is not None and parent is not self.root:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        self.move_cursor(target)

    # ------------------------------------------------------------ building

    def _rebuild(self) -> None:
        result = self._filter
        visible = [d for d in self._documents if result is None or result.doc_counts.get(d.id)]
        if visible and [d.id for d in visible] == list(self._doc_nodes):
            # the same plans stay listed (typing on within a common word): relabel what changed
            for doc in visible:
                node = self._doc_nodes[doc.id]
                hits = result.doc_counts.get(doc.id) if result is not None else None
                self._relabel(node, _doc_label(doc, _shown_count(result, hits)))
                if doc.id in self._outlines:
                    self._fill(node, doc.id)
            if self._relabelled:
                self._relabelled = False
                self._clear_line_cache()  # one redraw for every label changed
                self.refresh()
            return
        cursor = self.cursor_node.data if self.cursor_node is not None else None
        self.clear()
        self._doc_nodes.clear()
        self._node_nodes.clear()
        self._filled.clear()
        result = self._filter
        for doc in self._documents:
            hits = result.doc_counts.get(doc.id, 0) if result is not None else None
            if result is not None and not hits:
                continue
            label = _doc_label(doc, _shown_count(result, hits))
            node = self.root.add(label, Ref(doc.id), expand=False, allow_expand=True)
            self._doc_nodes[doc.id] = node
            if doc.id in self._outlines:
                self._fill(node, doc.id)
            if doc.id in self._expanded:
                node.expand()
        if result is not None and not self._doc_nodes:
            self.root.add_leaf(Text(f"没有含“{cut(result.query, 20)}”的内容", style="italic"), None)
        if cursor is not None:
            self.follow(cursor.document_id, cursor.node_id)

    def _fill(self, doc_node: TreeNode[Ref], document_id: int) -> None:
        """A plan's outline under its node: the nodes with hits when filtering, else all of them.
        When the same nodes stay (typing on), only the labels whose counts changed are redrawn."""
        counts = self._filter.node_counts if self._filter is not None else None
        entries = [
            (entry, counts.get(entry.id, 0) if counts is not None else None)
            for entry in self._outlines[document_id]
        ]
        if counts is not None:
            entries = [(entry, hits) for entry, hits in entries if hits]
        shown = tuple(entry.id for entry, _ in entries)
        if self._filled.get(document_id) == (shown, counts is not None):
            for entry, hits in entries:
                label = _node_label(entry, _shown_count(self._filter, hits))
                self._relabel(self._node_nodes[entry.id], label)
            if self._relabelled:
                self._relabelled = False
                self._clear_line_cache()
                self.refresh()
            return
        doc_node.remove_children()
        for entry in self._outlines[document_id]:
            self._node_nodes.pop(entry.id, None)
        self._filled[document_id] = (shown, counts is not None)
        parents: dict[int | None, TreeNode[Ref]] = {None: doc_node}
        for entry, hits in entries:
            parent = parents.get(entry.parent_id, doc_node)
            label = _node_label(entry, _shown_count(self._filter, hits))
            node = parent.add(label, Ref(document_id, entry.id), expand=counts is not None)
            parents[entry.id] = node
            self._node_nodes[entry.id] = node
        for node in parents.values():
            if node is not doc_node and not node.children:
                node.allow_expand = False

    def _relabel(self, node: TreeNode[Ref], label: Text) -> None:
        """Give a node a new label if it differs, without Tree.set_label's redraw per node (a
        thousand plans relabelled on a keystroke would schedule a thousand redraws)."""
        if label != node._label:
            node._label = self.process_label(label)
            node._updates += 1
            self._relabelled = True

    def get_label_width(self, node: TreeNode[Ref]) -> int:
        """Labels are cut to the pane when drawn, so the tree is never wider than the pane: the
        width of every label of a thousand plans need not be measured on each change."""
        return 0

    # ------------------------------------------------------------ keys

    def action_scroll_home(self) -> None:
        self.move_cursor_to_line(0)

    def action_scroll_end(self) -> None:
        self.move_cursor_to_line(max(0, self.last_line))

    def render_label(self, node: TreeNode[Ref], base_style: Style, style: Style) -> Text:
        """The label cut with … to the pane's width; the hit count at its end always shows."""
        label = node._label.copy()
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        icon = 2 if node.allow_expand else 0
        room = self.scrollable_content_region.width - depth * self.guide_depth - icon - 1
        if room > 4 and label.cell_len > room:
            count = _count_suffix(label.plain)
            head, tail = label[: len(label) - count], label[len(label) - count :]
            head.truncate(max(2, room - tail.cell_len), overflow="ellipsis")
            label = head + tail
        label.stylize(style)
        prefix = (
            (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE, base_style + TOGGLE_STYLE)
            if node.allow_expand
            else ("", base_style)
        )
        return Text.assemble(prefix, label)

    def action_collapse_here(self) -> None:
        if self.cursor_node is not None:
            (
                self.cursor_node if self.cursor_node.is_expanded else self.cursor_node.parent or self.root
            ).collapse()

    def action_expand_here(self) -> None:
        if self.cursor_node is not None:
            self.cursor_node.expand()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Ref]) -> None:
        ref = event.node.data
        if ref is not None and ref.node_id is None:
            self._expanded.add(ref.document_id)

    def on_tree_node_collapsed(self, event: Tree.NodeCollapsed[Ref]) -> None:
        ref = event.node.data
        if ref is not None and ref.node_id is None:
            self._expanded.discard(ref.document_id)


def _shown_count(result: FilterResult | None, hits: int | None) -> int | str | None:
    """What a label shows: the occurrences, "…" while they are being counted, nothing unfiltered."""
    if result is None or hits is None:
        return None
    return hits if result.counted else "…"


def _count_suffix(plain: str) -> int:
    """Length of the " (12)" hit count that ends a label (0 when there is none)."""
    if plain.endswith(")"):
        start = plain.rfind(" (")
        if start >= 0 and (plain[start + 2 : -1].isdigit() or plain[start + 2 : -1] == "…"):
            return len(plain) - start
    return 0


@lru_cache(maxsize=20_000)
def _title_label(title: str, style: str) -> Text:
    """A plan's name as a label (cut once: a keystroke relabels every plan)."""
    return Text(cut(title, TITLE_CELLS), style=style)


def _doc_label(doc: DocEntry, hits: int | str | None) -> Text:
    label = _title_label(doc.shown, "bold" if doc.title_from != "file" else "bold italic").copy()
    if hits is not None:
        label.append(f" ({hits})", style="dim")
    return label


def _node_label(entry: NodeEntry, hits: int | str | None) -> Text:
    if entry.kind == "column":
        title = f"专栏{entry.label} {entry.title}".strip()
        label = Text("▣ ", style="bold") + Text(cut(title, TITLE_CELLS), style="italic")
    elif entry.kind == "lead":
        label = Text("· " + cut(entry.title, TITLE_CELLS), style="dim")
    elif entry.kind == "appendix":
        label = Text(cut(entry.display, TITLE_CELLS), style="italic")
    else:
        label = Text(cut(entry.display, TITLE_CELLS))
    if hits is not None:
        label.append(f" ({hits})", style="dim")
    return label
