"""Loading plans and moving between them: the library read in a worker once the first frame is
painted, a plan opened with its outline, the outline's selections, the reader's position, and the
filter's results as they come back (the tree narrows first, the counts follow).

Every database query runs in a thread worker through ``Store``; results come back with
``call_from_thread`` or a posted message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from textual import on, work
from textual.widgets import Tabs, Tree
from textual.worker import Worker, get_current_worker

from plantui import browse, db, search
from plantui.browse import Content, DocEntry, FilterResult
from plantui.tui.collect import CHECK
from plantui.tui.frame import Frame
from plantui.tui.messages import Filtered, Opened, OpenPassage, ReadingPosition
from plantui.tui.store import Store
from plantui.tui.widgets.outline import OutlineTree, Ref
from plantui.tui.widgets.reader import Reader

TYPING_PAUSE = 0.15  # seconds without a keystroke before the text and tables catch up
COUNTED_KEPT = 32  # counted results kept while a filter is on
QUICK_FIRST = 2000  # passages: above this, the tree narrows before the occurrences are counted
PANE_STEP = 4  # cells the outline pane grows or shrinks by on < and >
PANE_LIMITS = (20, 120)
FIRST_PLANS = 40  # plans read first for a common word (a screenful), the rest after
LIBRARY_CHECK = 2.0  # seconds between looks for plans another process imported


class AppBase(Frame):
    """Loading, opening and filtering; the keys are bound in ``PlantApp``."""

    def on_mount(self) -> None:
        self.collector.start()
        self.set_interval(CHECK, self.collector.tick)
        self.set_interval(LIBRARY_CHECK, self.check_library)
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
    def load_everything(self, again: bool = False) -> None:
        """Read the plans (the outline is filled at once), then the 专栏; ``again``: the library
        was changed by another process while the app was open."""
        store = self._store()
        try:
            version = store.data_version()
            documents = store.load(browse.documents)
            self.call_from_thread(self._loaded, documents, version, again)
            # 专栏 and targets of every plan come second: the list of plans must show first
            columns = store.load(browse.columns)
            has_targets = store.load(browse.has_targets)
        except sqlite3.OperationalError:
            if store.closed:
                return  # the app closed while loading
            raise
        self.call_from_thread(self._extras_loaded, columns, has_targets)
        import plantui.export  # noqa: F401  # for 目标 and e, imported here rather than on a key

    def _loaded(self, documents: list[DocEntry], version: int = 0, again: bool = False) -> None:
        self.documents = documents
        self.names = {d.id: d.shown for d in documents}
        self._versions = (version, version)
        tree = self.query_one(OutlineTree)
        if again:
            tree.forget_outlines()  # a plan imported again may have a new outline
        tree.show_documents(documents)
        if not documents:
            self._show_empty()
            return
        if again:
            # the plan being read is read again (its text may have changed), or the first if it went
            kept = self._current in self.names
            self.open_document(self._current if kept and self._current is not None else documents[0].id)
            self._targets_of = None
            self._stale.add("search")
            self._counted.clear()
            if self.words:
                self.run_filter(" ".join(self.words))
            return
        self.open_document(documents[0].id)
        tree.focus()
        self.call_after_refresh(self.collector.freeze)  # the plans and their tree: see tui.collect

    def _extras_loaded(self, columns: list[browse.ColumnEntry], has_targets: bool) -> None:
        self.columns = columns
        self.has_targets = has_targets
        self._update_tables()
        self.collector.freeze()  # the 专栏 and the widgets: see tui.collect

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

    @work(thread=True, exclusive=True, group="check")
    def check_library(self) -> None:
        """Another process (``plantui import``) committed to the library: the plans are read
        again once its changes have stopped for one look (an import commits plan by plan)."""
        store = self.store
        if store is None or store.closed or self._versions is None:
            return
        try:
            version = store.data_version()
        except sqlite3.OperationalError:
            return  # the app is closing
        self.call_from_thread(self._library_version, version)

    def _library_version(self, version: int) -> None:
        if self._versions is None:
            return
        loaded, seen = self._versions
        self._versions = (loaded, version)
        if version != loaded and version == seen:
            self._versions = None  # until the plans are read again
            self.load_everything(again=True)

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

    @work(thread=True, exclusive=True, group="filter")
    def run_filter(self, query: str, quick: bool = True) -> None:
        """Filter the outline by ``query``: which plans hold it first (``quick``, for a new query),
        then how often it occurs in the plans on screen, then in every plan and in the nodes of
        the opened plans. A newer keystroke cancels this worker and interrupts its query."""
        worker = get_current_worker()
        store = self._store()
        tree = self.query_one(OutlineTree)
        expanded = tree.expanded_documents
        try:
            # the tree narrows at once; the occurrences are counted next (their text must be read)
            members: FilterResult | None = None
            first: FilterResult | None = None  # a common word's first screenful of plans, counted
            if quick:
                found = store.find(browse.filter_first, query, max(FIRST_PLANS, tree.size.height), expanded)
                if found is not None and found[1]:
                    members = found[0]  # every plan holding it: a rarer word
                elif found is not None and not worker.is_cancelled:
                    first = self._show_counted(query, found[0], worker, partial=True)
                if members is None and not worker.is_cancelled:
                    members = store.find(browse.filter_members, query, expanded)
            if members is not None and not worker.is_cancelled:
                if first is not None:  # every plan now, those on screen still counted
                    self.call_from_thread(self._filtered, _counted_on(members, first))
                elif members.total > QUICK_FIRST:
                    self._show_counted(query, members, worker)
            if worker.is_cancelled:
                return
            result = store.find(browse.filter_counts, query, expanded)
        except sqlite3.OperationalError:
            return  # interrupted: a newer keystroke has its own query running
        if not worker.is_cancelled:
            self.call_from_thread(self._remember, expanded, result)
            self.call_from_thread(self._filtered, result)

    def _show_counted(
        self, query: str, members: FilterResult, worker: Worker[None], partial: bool = False
    ) -> FilterResult:
        """Show ``members``, then the same with the plans on screen counted; the latter.
        ``partial``: the first plans only (the status line says … for how many)."""
        if partial:
            self._partial = members
        visible = self.call_from_thread(self._filtered, members)
        if not visible or worker.is_cancelled:
            return members
        counted = self._count_visible(query, members, visible)
        if partial:
            self._partial = counted
        self.call_from_thread(self._filtered, counted)
        return counted

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


def _counted_on(members: FilterResult, counted: FilterResult) -> FilterResult:
    """``members`` (every plan holding the words) with the plans ``counted`` has counted."""
    doc_counts = dict(members.doc_counts)
    for document_id in counted.exact:
        if counted.doc_counts.get(document_id):
            doc_counts[document_id] = counted.doc_counts[document_id]
    node_counts = {**members.node_counts, **counted.node_counts}
    return FilterResult(
        members.query, members.total, doc_counts, node_counts, counted=False, exact=counted.exact
    )
