"""Tables of targets, 专栏 and search hits: sortable by keys or a header click, filtered by the
filter words, Enter opens the passage a row comes from.

Column widths follow the table's width: the column a user reads (the indicator, the 专栏's
title, the snippet) takes what the narrow ones leave, and the selected row is shown whole in a
preview under the table (``RowPreview``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import DataTable

from plantui.browse import ColumnEntry
from plantui.search import Hit, find_spans
from plantui.tui.messages import OpenPassage, RowPreview
from plantui.tui.text import cut, highlighted, literal, place

if TYPE_CHECKING:
    from plantui.compare import PlanTarget  # imported by db.plan_targets, off the first frame


@dataclass(frozen=True)
class Column:
    """A column's header, its width in cells (the least, for a flexible one) and its share of
    the width the fixed columns leave."""

    name: str
    width: int
    flex: int = 0


@dataclass(frozen=True)
class Row:
    """One table row: what it shows, how it sorts, what it searches, where Enter goes."""

    cells: tuple[Text | str, ...]
    sort_keys: tuple[Any, ...]
    haystack: str
    target: OpenPassage
    preview: Text | str = ""


class PlanTable(DataTable[Text | str]):
    """A row-cursor table that sorts on a key (1–9) or a header click and keeps only rows with
    every filter word."""

    BINDINGS = [
        Binding("j", "cursor_down", "下移", show=False),
        Binding("k", "cursor_up", "上移", show=False),
        Binding("g", "scroll_top", "开头", show=False),
        Binding("G", "scroll_bottom", "结尾", show=False),
        Binding("ctrl+d", "page_down", "下翻", show=False),
        Binding("ctrl+u", "page_up", "上翻", show=False),
        *(Binding(str(n), f"sort({n - 1})", f"按第 {n} 列排序", show=False) for n in range(1, 10)),
    ]
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[Row] = []
        self._shown_rows: list[Row] = []
        self._words: list[str] = []
        self._sort: tuple[int, bool] | None = None
        self._widths: list[int] = []
        self._needs: list[int] = []
        self.columns_shown: tuple[Column, ...] = self.COLUMNS
        self.shown = 0

    @property
    def total(self) -> int:
        """Rows before filtering."""
        return len(self._rows)

    @property
    def sort_state(self) -> tuple[int, bool] | None:
        """(column, descending) of the current sort, None before any."""
        return self._sort

    def on_mount(self) -> None:
        self._layout_columns()

    def on_resize(self, event: events.Resize) -> None:
        if self._column_widths() != self._widths:
            self._layout_columns()
            self._refill()

    def _column_widths(self) -> list[int]:
        """Fixed columns keep their width. Flexible ones get what their longest cell needs when
        there is room (the rest goes to the first), else share the room by their ``flex``."""
        total = self.size.width - self.styles.scrollbar_size_vertical
        columns = self.columns_shown
        padding = 2 * self.cell_padding * len(columns)
        room = max(0, total - padding - sum(c.width for c in columns if not c.flex))
        needs = [
            max(c.width, self._needs[i]) if c.flex and i < len(self._needs) else c.width
            for i, c in enumerate(columns)
        ]
        flexible = [i for i, c in enumerate(columns) if c.flex]
        if sum(needs[i] for i in flexible) <= room:
            widths = list(needs)
            widths[flexible[0]] += room - sum(needs[i] for i in flexible)
            return widths
        shares = sum(c.flex for c in columns) or 1
        minimum = sum(c.width for c in columns if c.flex)
        if room >= minimum:
            spare = room - minimum
            widths = [c.width + spare * c.flex // shares if c.flex else c.width for c in columns]
            # a column that needs less than its share gives the rest to the first
            for i in flexible[1:]:
                if widths[i] > needs[i]:
                    widths[flexible[0]] += widths[i] - needs[i]
                    widths[i] = needs[i]
            return widths
        return [max(4, room * c.flex // shares) if c.flex else c.width for c in columns]

    def _layout_columns(self) -> None:
        self._widths = self._column_widths()
        self.clear(columns=True)
        for index, (column, width) in enumerate(zip(self.columns_shown, self._widths, strict=True)):
            self.add_column(self._header(index, column.name), width=width, key=str(index))

    def _header(self, index: int, name: str) -> str:
        if self._sort is not None and self._sort[0] == index:
            return f"{name}{'▼' if self._sort[1] else '▲'}"
        return name

    def set_rows(self, rows: Sequence[Row], columns: tuple[Column, ...] | None = None) -> None:
        self._rows = list(rows)
        # the longest cell of each column, up to what any screen could show
        self._needs = [
            min(200, max((_cell_width(r.cells[i]) for r in self._rows[:2000]), default=0))
            for i in range(len(self._rows[0].cells) if self._rows else 0)
        ]
        if columns is not None and columns != self.columns_shown:
            self.columns_shown = columns
            self._sort = None
        if self.is_mounted and self._column_widths() != self._widths:
            self._layout_columns()
        self._refill()

    def set_words(self, words: list[str]) -> None:
        self._words = list(words)
        self._refill()

    def fit(self, row: Row, column: int, width: int) -> Text | str:
        """A cell cut with … to its column's width."""
        cell = row.cells[column]
        if isinstance(cell, Text):
            shown = highlighted(cell.plain, self._words) if self._words else cell.copy()
            shown.truncate(width, overflow="ellipsis")
            return shown
        return cut(cell, width) if cell_len(cell) > width else cell

    def _refill(self) -> None:
        rows = [r for r in self._rows if all(w in r.haystack for w in self._words)]
        if self._sort is not None:
            column, reverse = self._sort
            rows.sort(key=lambda r: _sortable(r.sort_keys[column]), reverse=reverse)
        self.clear()
        widths = self._widths or self._column_widths()
        for index, row in enumerate(rows):
            cells = tuple(self.fit(row, column, max(1, width)) for column, width in enumerate(widths))
            self.add_row(*cells, key=str(index))
        self._shown_rows = rows
        self.shown = len(rows)
        self._preview()

    def action_sort(self, column: int) -> None:
        """Sort by ``column``; the same column again reverses the order."""
        if column >= len(self.columns_shown):
            return
        reverse = self._sort is not None and self._sort[0] == column and not self._sort[1]
        self._sort = (column, reverse)
        self._layout_columns()
        self._refill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.action_sort(event.column_index)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(str(event.row_key.value))
        if 0 <= index < len(self._shown_rows):
            self.post_message(self._shown_rows[index].target)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._preview()

    def _preview(self) -> None:
        row = self.selected_row
        text: Text | str = ""
        if row is not None:
            text = row.preview
            if isinstance(text, Text) and self._words:
                text = highlighted(text.plain, self._words, targets=())
        self.post_message(RowPreview(self, text))

    @property
    def selected_row(self) -> Row | None:
        index = self.cursor_row
        return self._shown_rows[index] if 0 <= index < len(self._shown_rows) else None

    @property
    def shown_rows(self) -> list[Row]:
        return list(self._shown_rows)


def _cell_width(cell: Text | str) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


def _sortable(value: Any) -> tuple[int, Any]:
    """Numbers before text, None last, so mixed columns sort without errors."""
    if value is None:
        return (2, "")
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value))


class TargetsTable(PlanTable):
    """Targets of one plan, or of all plans (then with a 规划 column)."""

    COLUMNS = (Column("年份", 4), Column("指标", 14, flex=3), Column("目标", 16))
    ALL_PLANS = (*COLUMNS, Column("规划", 8, flex=1))

    def load(
        self, targets: Sequence[PlanTarget], names: Mapping[int, str] | None = None, all_plans: bool = False
    ) -> None:
        from plantui.export import comparator_word, format_value  # not needed for the first frame

        rows = []
        for t in targets:
            target = t.target
            plan = (names or {}).get(t.document_id, t.title)
            goal = f"{comparator_word(target)} {format_value(target)} {target.unit}".strip()
            rows.append(
                Row(
                    cells=(str(target.year or ""), literal(target.indicator), literal(goal), literal(plan)),
                    sort_keys=(target.year, target.indicator, target.value, plan),
                    haystack=f"{plan} {target.indicator} {target.text}",
                    target=OpenPassage(t.document_id, line=target.line),
                    preview=literal(f"{plan} · {place(target.line, t.page)}\n{target.text}"),
                )
            )
        self.set_rows(rows, self.ALL_PLANS if all_plans else self.COLUMNS)


class ColumnsTable(PlanTable):
    COLUMNS = (Column("专栏", 16, flex=3), Column("所在章节", 10, flex=2), Column("规划", 8, flex=1))

    def load(self, columns: Sequence[ColumnEntry]) -> None:
        self.set_rows(
            [
                Row(
                    cells=(literal(f"专栏{c.label} {c.title}"), literal(c.parent), literal(c.document)),
                    sort_keys=(index, c.parent, c.document),
                    haystack=f"{c.document} {c.title} {c.parent}",
                    target=OpenPassage(c.document_id, node_id=c.node_id),
                    preview=literal(
                        f"{c.document} › {c.parent} · {place(c.line, c.page)}\n专栏{c.label} {c.title}"
                    ),
                )
                for index, c in enumerate(columns)
            ]
        )


class HitsTable(PlanTable):
    """Hits across plans: the snippet takes the width and is centred on its first hit."""

    _hit_words: list[str] = []
    COLUMNS = (Column("片段", 24, flex=6), Column("位置", 8, flex=1), Column("规划", 6, flex=1))

    def load(self, hits: Sequence[Hit], words: list[str], names: Mapping[int, str] | None = None) -> None:
        self._words = []
        self._hit_words = list(words)
        rows = []
        for h in hits:
            plan = (names or {}).get(h.document_id, h.title)
            where = " › ".join(h.path) or "（前言）"
            rows.append(
                Row(
                    cells=(literal(h.text), literal(where), literal(plan)),
                    sort_keys=(h.score, where, plan),
                    haystack=h.text,
                    target=OpenPassage(h.document_id, node_id=h.node_id, passage_id=h.passage_id),
                    preview=highlighted(f"{plan} › {where} · {place(h.line_start, h.page)}\n{h.text}", words),
                )
            )
        self.set_rows(rows)

    def fit(self, row: Row, column: int, width: int) -> Text | str:
        if column != 0:
            return super().fit(row, column, width)
        cell = row.cells[0]
        return centred(cell.plain if isinstance(cell, Text) else cell, self._hit_words, width)


def centred(text: str, words: Sequence[str], width: int) -> Text:
    """One line of ``text`` at most ``width`` cells, centred on the first hit, hits highlighted,
    with … where it was cut."""
    line = text.replace("\n", " ")
    spans = find_spans(line, words)
    if cell_len(line) <= width:
        return highlighted(line, words)
    hit_start, hit_end = spans[0] if spans else (0, 0)
    room = width - 2  # the two ellipses
    before = max(0, (room - cell_len(line[hit_start:hit_end])) // 2)
    start = hit_start
    while start > 0 and cell_len(line[start - 1 : hit_start]) <= before:
        start -= 1
    end = start
    while end < len(line) and cell_len(line[start : end + 1]) <= room:
        end += 1
    while start > 0 and cell_len(line[start - 1 : end]) <= room:  # the text ended: show more before
        start -= 1
    shown = ("…" if start > 0 else "") + line[start:end] + ("…" if end < len(line) else "")
    return highlighted(shown, words)
