"""The outline: documents → parts → sections → items, 专栏 marked ▣, hit counts when filtering.

Labels are cut with … to the pane's width, and a hit count is never cut off. A filter keystroke
costs what is on screen, not what is in the library: a plan's node is made once and is detached
and attached again as the filter narrows and widens, and the counts are not in the labels but
looked up when a line is drawn (only the lines on screen are drawn)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Tree
from textual.widgets._tree import TOGGLE_STYLE, _TreeLine  # as Tree draws and lays out its lines
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
        self._plan_lines: dict[int, _TreeLine[Ref]] = {}  # a plan's line, by its node's id
        super().__init__("规划", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._documents: list[DocEntry] = []
        self._outlines: dict[int, list[NodeEntry]] = {}
        self._pool: dict[int, TreeNode[Ref]] = {}  # every plan's node, attached to the tree or not
        self._doc_nodes: dict[int, TreeNode[Ref]] = {}  # the plans listed now, in order
        self._node_nodes: dict[int, TreeNode[Ref]] = {}
        self._filter: FilterResult | None = None
        self._expanded: set[int] = set()
        self._unfiltered: set[Ref] | None = None  # what was open before a filter narrowed the tree
        self._filled: dict[int, tuple[tuple[int, ...], bool]] = {}  # the nodes under each plan
        self._none_found: TreeNode[Ref] | None = None  # the line saying nothing holds the words

    # ------------------------------------------------------------ content

    @property
    def expanded_documents(self) -> list[int]:
        return sorted(self._expanded)

    def has_outline(self, document_id: int) -> bool:
        return document_id in self._outlines

    def forget_outlines(self) -> None:
        """The plans' outlines are read again when next shown (the library changed)."""
        self._outlines.clear()
        self._filled.clear()

    def show_documents(self, documents: list[DocEntry]) -> None:
        self._documents = documents
        cursor = self.cursor_node.data if self.cursor_node is not None else None
        self.clear()
        self._plan_lines.clear()
        self._pool.clear()
        self._doc_nodes.clear()
        self._node_nodes.clear()
        self._filled.clear()
        self._none_found = None
        for doc in documents:
            node = self._new_node(self.root, _doc_label(doc), Ref(doc.id), expand=False)
            self._pool[doc.id] = self._doc_nodes[doc.id] = node
            if doc.id in self._outlines:
                self._fill(node, doc.id)
            if doc.id in self._expanded:
                node.expand()
        self.root._updates += 1
        self._invalidate()
        self._narrow()
        if cursor is not None:
            self.follow(cursor.document_id, cursor.node_id)
        if self.cursor_line < 0 and documents:
            self.cursor_line = 0

    def show_outline(self, document_id: int, outline: list[NodeEntry]) -> None:
        """Fill in a document's outline (loaded in a worker) and open it."""
        self._outlines[document_id] = outline
        self._expanded.add(document_id)
        node = self._pool.get(document_id)
        if node is not None:
            self._fill(node, document_id)
            node.expand()

    def apply_filter(self, result: FilterResult | None) -> None:
        """Keep only the branches with hits (None: show everything again, opened as before)."""
        if self._filter is None and result is not None:
            self._unfiltered = self._open_refs()
        previous, self._filter = self._filter, result
        self._narrow()
        for document_id, node in self._doc_nodes.items():
            if document_id in self._outlines:
                self._fill(node, document_id)
        self._recount(previous)
        if result is None and self._unfiltered is not None:
            opened, self._unfiltered = self._unfiltered, None
            for node in list(self._node_nodes.values()):
                if node.data in opened and node.allow_expand:
                    node.expand()

    def count_of(self, ref: Ref | None) -> int | str | None:
        """What a line's count shows: the occurrences, "…" while they are being counted, nothing
        unfiltered."""
        return _count(self._filter, ref)

    def shown_label(self, node: TreeNode[Ref]) -> str:
        """A line's label as shown, with its count, before the pane cuts it."""
        count = self.count_of(node.data)
        return node._label.plain + ("" if count is None else f" ({count})")

    def visible_documents(self) -> list[int]:
        """The plans of the lines on screen (a plan whose outline is on screen included)."""
        top = round(self.scroll_offset.y)
        lines = self._tree_lines[top : top + max(1, self.size.height)]
        seen: dict[int, None] = {}
        for line in lines:
            ref = line.node.data
            if ref is not None:
                seen[ref.document_id] = None
        return list(seen)

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

    def _narrow(self) -> None:
        """Attach the plans the filter keeps and detach the others, in the list's order; the
        nodes are kept (with their outlines), so widening again costs no new nodes."""
        result = self._filter
        wanted = [d.id for d in self._documents if result is None or result.doc_counts.get(d.id)]
        empty = result is not None and not wanted
        if wanted == list(self._doc_nodes) and (self._none_found is not None) == empty:
            if empty and self._none_found is not None and result is not None:
                self._none_found.set_label(_none_label(result.query))
            return
        cursor = self.cursor_node
        kept = set(wanted)
        for document_id, node in self._doc_nodes.items():
            if document_id not in kept:  # drawn afresh, unselected, when attached again
                node._selected_ = node._hover_ = False
        if cursor is not None and cursor.data is not None and cursor.data.document_id not in kept:
            cursor._selected_ = False
        children = [self._pool[d] for d in wanted]
        self.root._children[:] = children
        self._doc_nodes = dict(zip(wanted, children, strict=True))
        self._node_nodes = {
            ref.node_id: node
            for doc in children
            if doc._children
            for node in _descendants(doc)
            if (ref := node.data) is not None and ref.node_id is not None
        }
        if self._none_found is not None:
            self._tree_nodes.pop(self._none_found._id, None)
            self._plan_lines.pop(self._none_found._id, None)
            self._none_found = None
        if empty and result is not None:
            self._none_found = self.root.add_leaf(_none_label(result.query), None)
        self._invalidate()
        # the cursor stays on its line if its plan went; Tree moves it with its node otherwise
        if cursor is not None and cursor.data is not None and cursor.data.document_id in self._doc_nodes:
            self.follow(cursor.data.document_id, cursor.data.node_id)

    def _recount(self, previous: FilterResult | None) -> None:
        """The counts changed: the outline is drawn again only if a line on screen shows its count
        differently (the lines off screen are drawn afresh when they come on screen; no label is
        touched): a result costs the lines on screen, not the plans of the library."""
        self._line_cache.clear()
        top = round(self.scroll_offset.y)
        for line in self._tree_lines[top : top + max(1, self.size.height)]:
            if _count(self._filter, line.node.data) != _count(previous, line.node.data):
                self.refresh()
                return

    def _fill(self, doc_node: TreeNode[Ref], document_id: int) -> None:
        """A plan's outline under its node: the nodes with hits when filtering, else all of them.
        When the same nodes stay (typing on), nothing changes but the counts drawn."""
        counts = self._filter.node_counts if self._filter is not None else None
        entries = [
            entry for entry in self._outlines[document_id] if counts is None or counts.get(entry.id, 0)
        ]
        shown = tuple(entry.id for entry in entries)
        if self._filled.get(document_id) == (shown, counts is not None):
            return
        doc_node.remove_children()
        for entry in self._outlines[document_id]:
            self._node_nodes.pop(entry.id, None)
        self._filled[document_id] = (shown, counts is not None)
        parents: dict[int | None, TreeNode[Ref]] = {None: doc_node}
        attached = self._doc_nodes.get(document_id) is doc_node
        for entry in entries:
            parent = parents.get(entry.parent_id, doc_node)
            ref = Ref(document_id, entry.id)
            node = self._new_node(parent, _node_label(entry), ref, expand=counts is not None)
            parents[entry.id] = node
            if attached:
                self._node_nodes[entry.id] = node
        for node in parents.values():
            if node is not doc_node and not node._children:
                node._allow_expand = False
        doc_node._updates += 1
        self._invalidate()

    def _new_node(self, parent: TreeNode[Ref], label: Text, ref: Ref, *, expand: bool) -> TreeNode[Ref]:
        """``parent.add`` without its invalidation of the whole tree per node (ten thousand plans
        listed: ten thousand invalidations); the caller invalidates once."""
        node = self._add_node(parent, label, ref)
        node._expanded = expand
        parent._children.append(node)
        return node

    def _build(self) -> None:
        """Tree's list of lines, made as Tree makes it but at the cost of what changed: a plan's
        line (a top-level line is always ``last``) is made once and kept, and only the lines under
        opened plans are made afresh. Tree's own builder, a closure calling itself, is a reference
        cycle holding every line it made: each filter left ten thousand lines for a full
        garbage-collection pass to find (at 10,000 plans 100-800 ms, landing on a key)."""
        lines: list[_TreeLine[Ref]] = []
        kept = self._plan_lines
        deepest = 1
        for plan in self.root._children:
            line = kept.get(plan._id)
            if line is None or line.path[0] is not plan:
                line = kept[plan._id] = _TreeLine([plan], True)
            plan._line = len(lines)
            lines.append(line)
            if plan._expanded and plan._children:
                deepest = max(deepest, _branch(plan, lines))
        self._tree_lines_cached = lines
        width = (deepest - 1) * self.guide_depth if lines else self.size.width
        self._set_virtual_size(Size(width, len(lines)))
        if self.cursor_line != -1:
            if self.cursor_node is not None:
                self.cursor_line = self.cursor_node._line
            if self.cursor_line >= len(lines):
                self.cursor_line = -1

    def _invalidate(self) -> None:
        """As Tree's, without asking for a layout pass: the outline's size on screen does not
        depend on its lines (``_set_virtual_size`` asks when the scrollbar comes or goes), so a
        filter repaints the outline, not the whole screen (at 10,000 plans a layout and full
        repaint took ~40 ms of each keystroke)."""
        self._clear_line_cache()
        self._updates += 1
        self.root._reset()
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        old = self.virtual_size
        if size == old:
            return
        room = self.container_size.height
        if room and (size.height > room) == (old.height > room) and size.width == old.width:
            self.set_reactive(Tree.virtual_size, size)  # the scrollbar stays: no layout
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size

    def process_label(self, label: str | Text) -> Text:
        """Labels are made one line by ``cut`` already: taken as they are (Tree splits each)."""
        return label if isinstance(label, Text) else super().process_label(label)

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
        count = self.count_of(node.data)
        tail = Text(f" ({count})", style="dim") if count is not None else Text()
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        icon = 2 if node.allow_expand else 0
        room = self.scrollable_content_region.width - depth * self.guide_depth - icon - 1
        if room > 4 and label.cell_len + tail.cell_len > room:
            label.truncate(max(2, room - tail.cell_len), overflow="ellipsis")
        label.append_text(tail)
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


def _count(result: FilterResult | None, ref: Ref | None) -> int | str | None:
    if result is None or ref is None:
        return None
    hits = (
        result.doc_counts.get(ref.document_id) if ref.node_id is None else result.node_counts.get(ref.node_id)
    )
    if hits is None:
        return None
    return hits if result.is_exact(ref.document_id) else "…"


def _branch(plan: TreeNode[Ref], lines: list[_TreeLine[Ref]]) -> int:
    """Append the lines under an opened plan, depth first as Tree orders them (no recursion, so
    no cycle is left behind); the length of the deepest path."""
    deepest = 1
    last = len(plan._children) - 1
    stack = [([plan, child], i == last) for i, child in reversed(list(enumerate(plan._children)))]
    while stack:
        path, is_last = stack.pop()
        node = path[-1]
        node._line = len(lines)
        lines.append(_TreeLine(path, is_last))
        deepest = max(deepest, len(path))
        if node._expanded and node._children:
            last = len(node._children) - 1
            stack += [([*path, child], i == last) for i, child in reversed(list(enumerate(node._children)))]
    return deepest


def _descendants(node: TreeNode[Ref]) -> list[TreeNode[Ref]]:
    out: list[TreeNode[Ref]] = []
    stack = list(node._children)
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(child._children)
    return out


def _none_label(query: str) -> Text:
    return Text(f"没有含“{cut(query, 20)}”的内容", style="italic")


@lru_cache(maxsize=20_000)
def _title_label(title: str, style: str) -> Text:
    """A plan's name as a label (made once: the label is shared, never changed)."""
    return Text(cut(title, TITLE_CELLS), style=style)


def _doc_label(doc: DocEntry) -> Text:
    return _title_label(doc.shown, "bold" if doc.title_from != "file" else "bold italic")


def _node_label(entry: NodeEntry) -> Text:
    if entry.kind == "column":
        title = f"专栏{entry.label} {entry.title}".strip()
        return Text("▣ ", style="bold") + Text(cut(title, TITLE_CELLS), style="italic")
    if entry.kind == "lead":
        return Text("· " + cut(entry.title, TITLE_CELLS), style="dim")
    if entry.kind == "appendix":
        return Text(cut(entry.display, TITLE_CELLS), style="italic")
    return Text(cut(entry.display, TITLE_CELLS))
