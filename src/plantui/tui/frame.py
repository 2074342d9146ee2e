"""The app's frame: the outline on the left; 正文, 目标, 专栏 and 检索 on the right; the state they
show, the status lines, and the tables filled when their view is shown (目标 reads the targets it
lists, 检索 searches, each in a worker).

Every database query runs in a thread worker through ``Store``; results come back with
``call_from_thread`` or a posted message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane

from plantui import browse, db, search
from plantui.browse import DocEntry, FilterResult
from plantui.tui.collect import IdleCollector
from plantui.tui.messages import RowPreview
from plantui.tui.store import Store
from plantui.tui.text import literal
from plantui.tui.widgets.outline import OutlineTree
from plantui.tui.widgets.reader import Breadcrumb, Reader
from plantui.tui.widgets.status import StatusLine
from plantui.tui.widgets.tables import ColumnsTable, HitsTable, TargetsTable

if TYPE_CHECKING:
    from plantui.compare import PlanTarget  # imported by db.plan_targets, off the first frame

SEARCH_LIMIT = 500
EMPTY = (
    "数据库里还没有规划。\n\n在命令行运行  plantui import 文件或文件夹  导入规划，"
    "或在含有 seeds/ 文件夹的目录里删除 plantui.db 后重新打开，自动导入示例规划。"
)


class Frame(App[None]):
    """The widgets and the state of the app, the status lines and the views on the right;
    loading, opening and filtering are in ``AppBase``, the keys in ``PlantApp``."""

    CSS_PATH = Path(__file__).parent / "plantui.tcss"  # absolute: subclasses may live anywhere
    TITLE = "plantui"
    SUB_TITLE = "规划阅读与检索"

    def __init__(self, db_path: Path, *, import_first: Path | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.import_first = import_first
        self.store: Store | None = None
        self.documents: list[DocEntry] = []
        # the 目标 view's targets, read when it is shown: the current plan's, or (a) every plan's
        # (200,000 targets at 10,000 plans took 380 MB and 3 s, for a view seldom opened)
        self.targets: list[PlanTarget] = []
        self._targets_of: tuple[bool, int | None] | None = None  # (every plan, the plan) loaded
        self.has_targets = False
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
        # SQLite's data_version when the plans were read, and at the last look (None: reading)
        self._versions: tuple[int, int] | None = None
        self._partial: FilterResult | None = None  # a result of the first plans only

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

    def _show_empty(self) -> None:
        self.query_one(Reader).show_message(EMPTY)
        self.query_one(Breadcrumb).show_place("", ())
        self._update_tables()

    def _store(self) -> Store:
        assert self.store is not None
        return self.store

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
        status = self.query_one("#search-status", StatusLine)
        if not result.count:
            status.update(literal(f"没有找到“{result.query}”。"))
            return
        # a narrow pane (80x24) drops the keys before a line breaks inside a word
        status.update(
            literal(f"“{result.query}” {total}{shown} · Enter 打开 · e 导出"),
            shorter=(literal(f"“{result.query}” {total}{shown} · Enter 打开"),),
        )

    def _update_status(self) -> None:
        status = self.query_one("#filter-status", StatusLine)
        if not self.words:
            status.update(literal("按 / 过滤，? 帮助"), layout=False)  # one line high: no layout
            return
        here = self.query_one(Reader).hit_counter
        result = self.filter_result
        total = "…" if result is None or not result.counted else str(result.total)
        plans = "" if result is None else "…" if result is self._partial else str(len(result.doc_counts))
        # the pane may be narrow (80x24: 27 cells): the counter of this plan comes first, the
        # totals after, and the spaces go before a word does
        full = f"本篇 {here} · 共 {total} 处 {plans} 篇" if plans else f"本篇 {here} · 共 …"
        tight = f"本篇 {here} · 共{total}处 {plans}篇" if plans else full
        least = f"{here} · {total}处 {plans}篇" if plans else f"{here} · …"
        status.update(literal(full), layout=False, shorter=(literal(tight), literal(least)))

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
        wanted = (self.scope_all, None if self.scope_all else self._current)
        if wanted != self._targets_of:
            if self.store is not None and (self.scope_all or self._current is not None):
                self.query_one("#targets-status", Static).update(literal("…"))
                self.load_targets(*wanted)
                return
            self.targets, self._targets_of = [], wanted
        table = self.query_one(TargetsTable)
        targets = self.targets
        table.load(targets, self.names, self.scope_all)
        table.set_words(self.words)
        scope = "全部规划" if self.scope_all else "当前规划"
        if not self.has_targets:
            text = "还没有量化目标。"
        elif not targets:
            text = f"{scope}没有量化目标。按 a 查看全部规划。"
        elif not table.shown:
            text = f"{scope}没有含过滤词的目标。Esc 清除过滤。"
        else:
            keys = f"1–{len(table.columns_shown)}"
            # a narrow pane (80x24) drops the sort keys (listed in ?) before a line breaks in a word
            self.query_one("#targets-status", StatusLine).update(
                literal(f"{scope} · {table.shown} 项目标 · {keys} 排序 · Enter 原文 · a 全部/当前"),
                shorter=(
                    literal(f"{scope} · {table.shown} 项目标 · Enter 原文 · a 全部/当前"),
                    literal(f"{scope} {table.shown} 项 · Enter 原文 · a 全部/当前"),
                ),
            )
            return
        self.query_one("#targets-status", Static).update(literal(text))

    @work(thread=True, exclusive=True, group="targets")
    def load_targets(self, every: bool, document_id: int | None) -> None:
        store = self._store()
        try:
            targets = store.load(db.plan_targets, None if every else [document_id])
        except sqlite3.OperationalError:
            if store.closed:
                return  # the app closed while loading
            raise
        self.call_from_thread(self._targets_loaded, (every, document_id), targets)

    def _targets_loaded(self, scope: tuple[bool, int | None], targets: list[PlanTarget]) -> None:
        if scope != (self.scope_all, None if self.scope_all else self._current):
            return  # the plan or the scope changed meanwhile: a newer load is on its way
        self.targets, self._targets_of = targets, scope
        self._stale.add("targets")
        self._refresh_visible()

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
