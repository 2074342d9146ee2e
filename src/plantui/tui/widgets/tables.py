"""Tables of targets, 专栏 and search hits: sortable by any column, filtered by the filter words,
Enter opens the passage a row comes from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from plantui.browse import ColumnEntry
from plantui.compare import PlanTarget
from plantui.export import comparator_word, format_value
from plantui.search import Hit, window
from plantui.tui.messages import OpenPassage
from plantui.tui.text import cut, highlighted, literal


@dataclass(frozen=True)
class Row:
    """One table row: what it shows, how it sorts, what it searches, where Enter goes."""

    cells: tuple[Text | str, ...]
    sort_keys: tuple[Any, ...]
    haystack: str
    target: OpenPassage


class PlanTable(DataTable[Text | str]):
    """A row-cursor table that sorts on a header click and keeps only rows with every filter word."""

    BINDINGS = [
        Binding("j", "cursor_down", "下移", show=False),
        Binding("k", "cursor_up", "上移", show=False),
    ]
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[Row] = []
        self._words: list[str] = []
        self._sort: tuple[int, bool] | None = None
        self.shown = 0

    @property
    def total(self) -> int:
        """Rows before filtering."""
        return len(self._rows)

    def on_mount(self) -> None:
        for index, name in enumerate(self.COLUMNS):
            self.add_column(name, key=str(index))

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._rows = list(rows)
        self._refill()

    def set_words(self, words: list[str]) -> None:
        self._words = list(words)
        self._refill()

    def _refill(self) -> None:
        rows = [r for r in self._rows if all(w in r.haystack for w in self._words)]
        if self._sort is not None:
            column, reverse = self._sort
            rows.sort(key=lambda r: _sortable(r.sort_keys[column]), reverse=reverse)
        self.clear()
        for index, row in enumerate(rows):
            cells = tuple(
                highlighted(c.plain, self._words) if isinstance(c, Text) and self._words else c
                for c in row.cells
            )
            self.add_row(*cells, key=str(index))
        self._shown_rows = rows
        self.shown = len(rows)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = event.column_index
        reverse = self._sort is not None and self._sort[0] == column and not self._sort[1]
        self._sort = (column, reverse)
        self._refill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        rows = getattr(self, "_shown_rows", [])
        index = int(str(event.row_key.value))
        if 0 <= index < len(rows):
            self.post_message(rows[index].target)


def _sortable(value: Any) -> tuple[int, Any]:
    """Numbers before text, None last, so mixed columns sort without errors."""
    if value is None:
        return (2, "")
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value))


class TargetsTable(PlanTable):
    COLUMNS = ("年份", "指标", "比较", "目标值", "单位", "行", "规划")

    def load(self, targets: Sequence[PlanTarget]) -> None:
        rows = []
        for t in targets:
            target = t.target
            rows.append(
                Row(
                    cells=(
                        str(target.year or ""),
                        literal(cut(target.indicator, 30)),
                        comparator_word(target),
                        format_value(target),
                        literal(target.unit),
                        str(target.line),
                        literal(cut(t.title, 24)),
                    ),
                    sort_keys=(
                        target.year,
                        target.indicator,
                        target.comparator,
                        target.value,
                        target.unit,
                        target.line,
                        t.title,
                    ),
                    haystack=f"{t.title} {target.indicator} {target.text}",
                    target=OpenPassage(t.document_id, line=target.line),
                )
            )
        self.set_rows(rows)


class ColumnsTable(PlanTable):
    COLUMNS = ("规划", "专栏", "标题", "所属", "行")

    def load(self, columns: Sequence[ColumnEntry]) -> None:
        self.set_rows(
            [
                Row(
                    cells=(
                        literal(cut(c.document, 24)),
                        literal(c.label),
                        literal(c.title),
                        literal(cut(c.parent, 30)),
                        str(c.line),
                    ),
                    sort_keys=(c.document, c.label, c.title, c.parent, c.line),
                    haystack=f"{c.document} {c.title} {c.parent}",
                    target=OpenPassage(c.document_id, node_id=c.node_id),
                )
                for c in columns
            ]
        )


class HitsTable(PlanTable):
    COLUMNS = ("规划", "位置", "片段", "行")

    def load(self, hits: Sequence[Hit], words: list[str]) -> None:
        self._words = []
        self.set_rows(
            [
                Row(
                    cells=(
                        literal(cut(h.title, 20)),
                        literal(cut(" › ".join(h.path) or "（前言）", 36)),
                        highlighted(window(h.text, words, 40, before=10), words),
                        str(h.line_start),
                    ),
                    sort_keys=(h.title, " › ".join(h.path), h.score, h.line_start),
                    haystack=h.text,
                    target=OpenPassage(h.document_id, node_id=h.node_id, passage_id=h.passage_id),
                )
                for h in hits
            ]
        )
