"""The app's frame: the outline on the left; 正文, 目标, 专栏 and 检索 on the right; loading plans,
moving between them, and filling the tables and the filter's counts as they come back.

Every database query runs in a thread worker through ``Store``; results come back with
``call_from_thread`` or a posted message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane, Tabs, Tree
from textual.worker import get_current_worker

from plantui import browse, db, search
from plantui.browse import Content, DocEntry, FilterResult
from plantui.tui.collect import CHECK, IdleCollector
from plantui.tui.messages import Filtered, Opened, OpenPassage, ReadingPosition, RowPreview
from plantui.tui.store import Store
from plantui.tui.text import literal
from plantui.tui.widgets.outline import OutlineTree, Ref
from plantui.tui.widgets.reader import Breadcrumb, Reader
from plantui.tui.widgets.status import StatusLine
from plantui.tui.widgets.tables import ColumnsTable, HitsTable, TargetsTable

if TYPE_CHECKING:
    from plantui.compare import PlanTarget  # imported by db.plan_targets, off the first frame

SEARCH_LIMIT = 500
TYPING_PAUSE = 0.15  # seconds without a keystroke before the text and tables catch up
COUNTED_KEPT = 32  # counted results kept while a filter is on
QUICK_FIRST = 2000  # passages: above this, the tree narrows before the occurrences are counted
PANE_STEP = 4  # cells the outline pane grows or shrinks by on < and >
PANE_LIMITS = (20, 120)
EMPTY = (
    "数据库里还没有规划。\n\n在命令行运行  plantui import 文件或文件夹  导入规划，"
    "或在含有 seeds/ 文件夹的目录里删除 plantui.db 后重新打开，自动导入示例规划。"
)


class AppBase(App[None]):
    """The state and the views of the app; keys are bound in ``PlantApp``."""

    CSS_PATH = Path(__file__).parent / "plantui.tcss"  # absolute: subclasses may live anywhere
    TITLE = "plantui"
    SUB_TITLE = "规划阅读与检索"

    def __init__(self, db_path: Path, *, import_first: Path | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.import_first = import_first
        self.store: Store | None = None
        self.documents: list[DocEntry] = []
        self.targets: list[PlanTarget] = []
        self.words: list[str] = []
        self.scope_all = False
        self.filter_result: FilterResult | None = None
        self.columns: list[browse.ColumnEntry] = []
        self.search_result: search.SearchResult | None = None
        self._current: int | None = None
        self._stale: set[str] = {"targets", "columns", "search"}  # tables to refill when next shown
        self._typing: Timer | None = None
        self._pane_width: int | None = None  # set by < and >
        self._pending_hit: int | None = None  # a hit to go to once the next plan is shown
        self._enter_pending = False  # Enter was pressed before the filter's counts came back
        self.pending_focus: Widget | None = None  # what a view key focuses once its pane is shown
        # the counted results of this filter's queries (cleared with the filter), by their terms,
        # with the opened plans whose nodes they count
        self._counted: dict[tuple[str, ...], tuple[list[int], FilterResult]] = {}
        self.names: dict[int, str] = {}
        self.collector = IdleCollector()

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="规")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Input(placeholder="/ 过滤：输入关键词", id="filter")
                yield StatusLine(id="filter-status", classes="pane-head")
                yield OutlineTree(id="outline")
            with TabbedContent(id="views", initial="read"):
                with TabPane("正文", id="read"):
                    yield Breadcrumb(id="breadcrumb", classes="pane-head")
                    yield Reader(id="reader")
                with TabPane("目标", id="targets"):
                    yield StatusLine(id="targets-status", classes="status pane-head")
                    yield TargetsTable(id="targets-table")
                    yield StatusLine(id="targets-preview", classes="preview")
                with TabPane("专栏", id="columns"):
                    yield StatusLine(id="columns-status", classes="status pane-head")
                    yield ColumnsTable(id="columns-table")
                    yield StatusLine(id="columns-preview", classes="preview")
                with TabPane("检索", id="search"):
                    yield StatusLine(id="search-status", classes="status pane-head")
                    yield HitsTable(id="search-table")
                    yield StatusLine(id="search-preview", classes="preview")
        yield Footer(compact=True)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.collector.touched()
        await super().on_event(event)

    def on_mount(self) -> None:
        self.collector.start()
        self.set_interval(CHECK, self.collector.tick)
        # Tab goes outline → reader or table → filter box: the tab strip is for the mouse and r/t/c/s
        for tabs in self.query(Tabs):
            tabs.can_focus = False
        if self.import_first is not None:
            from plantui.tui.screens.importing import ImportScreen

            self.push_screen(ImportScreen(str(self.import_first)))
            self.run_first_import(self.import_first)
        else:
            # the frame is painted first; the plans are read in a worker and fill it in
            self.call_after_refresh(self.open_store)

    def on_unmount(self) -> None:
        self.collector.stop()
        if self._typing is not None:
            self._typing.stop()
        if self.store is not None:
            self.store.close()

    @work(thread=True, exclusive=True, group="import")
    def run_first_import(self, folder: Path) -> None:
        from plantui.importer import import_paths

        conn = db.connect(self.db_path)
        try:
            results = import_paths(
                conn,
                [str(folder)],
                workers=1,
                on_progress=lambda d, t, n: self.call_from_thread(self._import_progress, d, t, n),
            )
        finally:
            conn.close()
        failed = [r for r in results if r.failed]
        self.call_from_thread(self._import_done, len(results) - len(failed), failed)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        from plantui.tui.screens.importing import ImportScreen

        if isinstance(self.screen, ImportScreen):
            self.screen.progress(done, total, Path(name).name)

    def _import_done(self, imported: int, failed: list[Any]) -> None:
        from plantui.tui.screens.importing import ImportScreen

        if isinstance(self.screen, ImportScreen):
            self.pop_screen()
        self.notify(
            f"已导入 {imported} 篇规划" + (f"，{len(failed)} 个文件失败" if failed else ""),
            severity="warning" if failed else "information",
        )
        self.open_store()

    def open_store(self) -> None:
        if not self.db_path.exists():
            self._show_empty()
            return
        self.store = Store(self.db_path)
        self.load_everything()

    @work(thread=True, exclusive=True, group="load")
    def load_everything(self) -> None:
        store = self._store()
        try:
            documents = store.load(browse.documents)
            self.call_from_thread(self._loaded, documents)
            # 专栏 and targets of every plan come second: the list of plans must show first
            columns = store.load(browse.columns)
            targets = store.load(db.plan_targets)
        except sqlite3.OperationalError:
            if store.closed:
                return  # the app closed while loading
            raise
        self.call_from_thread(self._extras_loaded, columns, targets)
        import plantui.export  # noqa: F401  # for 目标 and e, imported here rather than on a key

    def _loaded(self, documents: list[DocEntry]) -> None:
        self.documents = documents
        self.names = {d.id: d.shown for d in documents}
        self.query_one(OutlineTree).show_documents(documents)
        if not documents:
            self._show_empty()
            return
        self.open_document(documents[0].id)
        self.query_one(OutlineTree).focus()

    def _extras_loaded(self, columns: list[browse.ColumnEntry], targets: list[PlanTarget]) -> None:
        self.columns = columns
        self.targets = targets
        self._update_tables()
        self.collector.freeze()  # the plans, their targets and the widgets: see tui.collect

    def _show_empty(self) -> None:
        self.query_one(Reader).show_message(EMPTY)
        self.query_one(Breadcrumb).show_place("", ())
        self._update_tables()

    def _store(self) -> Store:
        assert self.store is not None
        return self.store

    @work(thread=True, exclusive=True, group="open")
    def open_document(
        self,
        document_id: int,
        node_id: int | None = None,
        passage_id: int | None = None,
        line: int | None = None,
    ) -> None:
        store = self._store()
        query = self.filter_result.query if self.filter_result is not None else ""
        try:
            content = store.load(browse.content, document_id)
            # while filtering, the plan's outline opens with its own counts (one plan, not all)
            counts = store.load(browse.document_node_counts, query, document_id) if query else None
        except sqlite3.OperationalError:
            if store.closed:
                return  # the app closed while loading
            raise
        self.post_message(Opened(content, node_id, passage_id, line, query, counts))

    @on(Opened)
    def opened(self, message: Opened) -> None:
        self._show_content(
            message.content,
            message.node_id,
            message.passage_id,
            message.line,
            (message.query, message.counts),
        )

    def _show_content(
        self,
        content: Content,
        node_id: int | None,
        passage_id: int | None,
        line: int | None,
        counted: tuple[str, dict[int, int] | None] = ("", None),
    ) -> None:
        reader = self.query_one(Reader)
        self._current = content.document.id
        reader.show(content, self.words)
        tree = self.query_one(OutlineTree)
        if not tree.has_outline(content.document.id):
            query, counts = counted
            result = self.filter_result
            if result is not None and counts is not None and query == result.query:
                result.node_counts.update(counts)  # the tree holds the same result
            elif result is not None:
                self.run_filter(" ".join(self.words), quick=False)  # counted again, with this plan's nodes
            tree.show_outline(content.document.id, list(content.nodes))
        if self._pending_hit is not None:
            step, self._pending_hit = self._pending_hit, None
            self._to_hit(step)
        else:
            para = reader.go_to(node_id, passage_id, line)
            top = para or reader.current_para()
            self._update_breadcrumb(para.block.node_id if para else node_id, top.page if top else None)
        self._update_tables()
        self._update_status()

    @work(thread=True, group="outline")
    def load_outline(self, document_id: int) -> None:
        store = self._store()
        try:
            outline = store.load(browse.nodes, document_id)
        except sqlite3.OperationalError:
            if store.closed:
                return  # the app closed while loading
            raise
        self.call_from_thread(self.query_one(OutlineTree).show_outline, document_id, outline)

    @on(Tree.NodeSelected, "#outline")
    def node_selected(self, event: Tree.NodeSelected[Ref]) -> None:
        ref = event.node.data
        if ref is None or self.store is None:
            return
        self._show_view("read")
        if ref.document_id != self._current:
            self.open_document(ref.document_id, ref.node_id)
        else:
            para = self.query_one(Reader).go_to(ref.node_id)
            self._update_breadcrumb(ref.node_id, para.page if para else None)
        if ref.node_id is None and self.query_one(OutlineTree).has_outline(ref.document_id):
            event.node.expand()  # else the plan's outline opens with the plan (one load, not two)

    @on(Tree.NodeExpanded, "#outline")
    def node_expanded(self, event: Tree.NodeExpanded[Ref]) -> None:
        ref = event.node.data
        tree = self.query_one(OutlineTree)
        if ref is not None and ref.node_id is None and not tree.has_outline(ref.document_id) and self.store:
            self.load_outline(ref.document_id)

    @on(OpenPassage)
    def open_passage(self, message: OpenPassage) -> None:
        self._show_view("read")
        if message.document_id == self._current:
            para = self.query_one(Reader).go_to(message.node_id, message.passage_id, message.line)
            if para is not None:
                self._update_breadcrumb(para.block.node_id, para.page)
            self._update_status()
        else:
            self.open_document(message.document_id, message.node_id, message.passage_id, message.line)
        self.query_one(Reader).focus()

    @on(ReadingPosition)
    def reading_position(self, message: ReadingPosition) -> None:
        tree = self.query_one(OutlineTree)
        if not tree.has_focus:
            tree.follow(message.document_id, message.node_id)
        self._update_breadcrumb(message.node_id, message.page)

    @on(events.DescendantFocus)
    def focus_moved(self, event: events.DescendantFocus) -> None:
        """The focused pane's header line is lit, so the pane that takes the keys is visible."""
        heads = {
            "#left": "#filter-status",
            "#read": "#breadcrumb",
            "#targets": "#targets-status",
            "#columns": "#columns-status",
            "#search": "#search-status",
        }
        panes = {f"#{w.id}" for w in event.widget.ancestors_with_self if w.id}
        lit = next((head for pane, head in heads.items() if pane in panes), None)
        for head in heads.values():
            self.query_one(head).set_class(head == lit, "-focused")

    @on(RowPreview)
    def row_preview(self, message: RowPreview) -> None:
        views: dict[type, str] = {TargetsTable: "targets", ColumnsTable: "columns", HitsTable: "search"}
        view = views.get(type(message.table))
        if view is not None:
            text = literal(message.text) if isinstance(message.text, str) else message.text
            self.query_one(f"#{view}-preview", Static).update(text)

    def _update_breadcrumb(self, node_id: int | None, page: int | None = None) -> None:
        reader = self.query_one(Reader)
        if reader.content is None:
            return
        node = next((n for n in reader.content.nodes if n.id == node_id), None)
        self.query_one(Breadcrumb).show_place(reader.content.document.shown, node.path if node else (), page)

    @work(thread=True, exclusive=True, group="filter")
    def run_filter(self, query: str, quick: bool = True) -> None:
        """Filter the outline by ``query``: which plans hold it first (``quick``, for a new query),
        then how often it occurs in the plans on screen, then in every plan and in the nodes of
        the opened plans. A newer keystroke cancels this worker and interrupts its query."""
        worker = get_current_worker()
        store = self._store()
        expanded = self.query_one(OutlineTree).expanded_documents
        try:
            # the tree narrows at once; the occurrences are counted next (their text must be read)
            members = store.find(browse.filter_members, query, expanded) if quick else None
            if members is not None and members.total > QUICK_FIRST and not worker.is_cancelled:
                visible = self.call_from_thread(self._filtered, members)
                if visible and not worker.is_cancelled:
                    self.call_from_thread(self._filtered, self._count_visible(query, members, visible))
            if worker.is_cancelled:
                return
            result = store.find(browse.filter_counts, query, expanded)
        except sqlite3.OperationalError:
            return  # interrupted: a newer keystroke has its own query running
        if not worker.is_cancelled:
            self.call_from_thread(self._remember, expanded, result)
            self.call_from_thread(self._filtered, result)

    def _remember(self, expanded: list[int], result: FilterResult) -> None:
        """Keep a counted result for this filter (typing on and back costs no query)."""
        if search.terms(result.query) == self.words:
            if len(self._counted) >= COUNTED_KEPT:
                self._counted.pop(next(iter(self._counted)))
            self._counted[tuple(self.words)] = (expanded, result)

    def _count_visible(self, query: str, members: FilterResult, visible: list[int]) -> FilterResult:
        """``members`` with the occurrences of the plans on screen (and of their opened nodes)
        counted: what is seen is exact long before the whole library is counted."""
        store = self._store()
        counts = store.find(browse.document_counts, query, visible)
        doc_counts = dict(members.doc_counts)
        node_counts = dict(members.node_counts)
        for document_id in visible:
            if counts.get(document_id):
                doc_counts[document_id] = counts[document_id]
            else:
                doc_counts.pop(document_id, None)
        for document_id in set(visible) & set(self.query_one(OutlineTree).expanded_documents):
            node_counts.update(store.find(browse.document_node_counts, query, document_id))
        return FilterResult(
            query, members.total, doc_counts, node_counts, counted=False, exact=frozenset(visible)
        )

    @on(Filtered)
    def filtered_posted(self, message: Filtered) -> None:
        self._filtered(message.result)

    def _filtered(self, result: FilterResult) -> list[int]:
        """Show a filter's result; the plans then on screen (for counting them first)."""
        if search.terms(result.query) != self.words:
            return []
        self.filter_result = result
        tree = self.query_one(OutlineTree)
        tree.apply_filter(result)
        if self._enter_pending:
            self._enter_pending = False
            self._to_plan_with_hits(1)
        self._update_status()
        return tree.visible_documents()

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        try:
            result = self._store().find(lambda c: search.search(c, query, limit=SEARCH_LIMIT))
        except sqlite3.OperationalError:
            return
        self.call_from_thread(self._searched, result)

    def _searched(self, result: search.SearchResult) -> None:
        if search.terms(result.query) != self.words:
            return
        self.query_one(HitsTable).load(result.hits, self.words, self.names)
        self.search_result = result
        counted = self.filter_result
        total = (
            f"共 {counted.total} 处 · {len(counted.doc_counts)} 篇 · {result.count} 段"
            if counted is not None and counted.counted and search.terms(counted.query) == self.words
            else f"{result.count} 段"
        )
        shown = f"，列出前 {len(result.hits)} 段" if len(result.hits) < result.count else ""
        text = (
            f"“{result.query}” {total}{shown} · Enter 打开 · e 导出"
            if result.count
            else f"没有找到“{result.query}”。"
        )
        self.query_one("#search-status", Static).update(literal(text))

    def _update_status(self) -> None:
        status = self.query_one("#filter-status", StatusLine)
        if not self.words:
            status.update(literal("按 / 过滤，? 帮助"), layout=False)  # one line high: no layout
            return
        reader = self.query_one(Reader)
        result = self.filter_result
        if result is None:
            overall = "…"
        elif not result.counted:
            overall = f"… 处 {len(result.doc_counts)} 篇"
        else:
            overall = f"{result.total} 处 {len(result.doc_counts)} 篇"
        # the pane may be narrow: the counter of this plan comes first, the totals after
        status.update(literal(f"本篇 {reader.hit_counter} · 共 {overall}"), layout=False)

    def _update_tables(self) -> None:
        """The plan or the scope changed: tables are refilled now if shown, else when next shown."""
        self._stale.update(("targets", "columns"))
        self._refresh_visible()

    def _refresh_visible(self) -> None:
        view = self.query_one(TabbedContent).active
        if view in self._stale:
            self._stale.discard(view)
            {
                "targets": self._refresh_targets,
                "columns": self._refresh_columns,
                "search": self._refresh_search,
            }[view]()

    def _refresh_targets(self) -> None:
        targets = (
            self.targets if self.scope_all else [t for t in self.targets if t.document_id == self._current]
        )
        table = self.query_one(TargetsTable)
        table.load(targets, self.names, self.scope_all)
        table.set_words(self.words)
        scope = "全部规划" if self.scope_all else "当前规划"
        if not self.targets:
            text = "还没有量化目标。"
        elif not targets:
            text = f"{scope}没有量化目标。按 a 查看全部规划。"
        elif not table.shown:
            text = f"{scope}没有含过滤词的目标。Esc 清除过滤。"
        else:
            keys = f"1–{len(table.columns_shown)}"
            text = f"{scope} · {table.shown} 项目标 · {keys} 排序 · Enter 原文 · a 全部/当前"
        self.query_one("#targets-status", Static).update(literal(text))

    def _refresh_columns(self) -> None:
        columns = self.query_one(ColumnsTable)
        if columns.total != len(self.columns):
            columns.load(self.columns)
        columns.set_words(self.words)
        if not columns.total:
            text = "这些规划没有专栏。" if self.documents else "还没有规划。"
        elif not columns.shown:
            text = "没有含过滤词的专栏。"
        else:
            text = f"{columns.shown} 个专栏 · Enter 打开"
        self.query_one("#columns-status", Static).update(literal(text))

    def _refresh_search(self) -> None:
        if self.words and self.store is not None:
            self.run_search(" ".join(self.words))
            return
        self.query_one(HitsTable).load([], [])
        self.query_one("#search-status", Static).update(
            literal("按 / 输入关键词，这里列出所有规划中含有它的段落。")
        )

    def _to_hit(self, index: int) -> None:
        """Go to hit ``index`` of the shown plan; the breadcrumb and the outline cursor follow."""
        reader = self.query_one(Reader)
        if not reader.go_to_hit(index):
            return
        node = reader.hit_node()
        hit = reader.current_hit
        self._update_breadcrumb(node, hit.page if hit is not None else None)
        if reader.content is not None:
            self.query_one(OutlineTree).follow(reader.content.document.id, node)
        self._update_status()

    def _to_plan_with_hits(self, step: int) -> bool:
        """Open the next (step 1) or previous (-1) plan in the outline's order that has hits, at its
        first or last hit. False when no other plan has any."""
        result = self.filter_result
        if result is None or search.terms(result.query) != self.words:
            return False
        position = {d.id: index for index, d in enumerate(self.documents)}
        order = [d.id for d in self.documents if result.doc_counts.get(d.id)]
        if not [d for d in order if d != self._current]:
            return False
        here = position.get(self._current, -1) if self._current is not None else -1
        if step > 0:
            later = [d for d in order if position[d] > here]
            target = later[0] if later else order[0]
        else:
            earlier = [d for d in order if position[d] < here]
            target = earlier[-1] if earlier else order[-1]
        self._pending_hit = 0 if step > 0 else -1
        self.open_document(target)
        return True

    def action_view(self, view: str) -> None:
        self._show_view(view)
        keys = {"read": "#reader", "targets": "#targets-table", "columns": "#columns-table"}
        widget = self.query_one(keys.get(view, "#search-table"))
        widget.focus()
        self.pending_focus = widget  # focused once its pane is shown (a Tab before then moves on)
        self.call_after_refresh(self._focus_pending)

    def _focus_pending(self) -> None:
        if self.pending_focus is not None:
            self.pending_focus.focus()
            self.pending_focus = None

    def _show_view(self, view: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active != view:
            tabs.active = view

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._refresh_visible()
