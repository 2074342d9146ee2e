"""Messages the app's widgets post (handled with @on)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widget import Widget

from plantui.browse import FilterResult


@dataclass
class OpenPassage(Message):
    """Show a document in the reader at a node or passage (from a table, a search hit, the tree)."""

    document_id: int
    node_id: int | None = None
    passage_id: int | None = None
    line: int | None = None


@dataclass
class ReadingPosition(Message):
    """The reader scrolled: this node is now at the top."""

    document_id: int
    node_id: int | None


@dataclass
class RowPreview(Message):
    """A table's selected row, shown whole under the table."""

    table: Widget
    text: Text | str


@dataclass
class Filtered(Message):
    """A filter worker's result, posted (not awaited) so the worker can go on counting."""

    result: FilterResult
