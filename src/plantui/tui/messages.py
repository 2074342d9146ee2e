"""Messages the app's widgets post (handled with @on)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widget import Widget

from plantui.browse import Content, FilterResult


@dataclass
class OpenPassage(Message):
    """Show a document in the reader at a node or passage (from a table, a search hit, the tree)."""

    document_id: int
    node_id: int | None = None
    passage_id: int | None = None
    line: int | None = None


@dataclass
class ReadingPosition(Message):
    """The reader scrolled: this node (on this PDF page) is now at the top."""

    document_id: int
    node_id: int | None
    page: int | None = None


@dataclass
class RowPreview(Message):
    """A table's selected row, shown whole under the table."""

    table: Widget
    text: Text | str


@dataclass
class Filtered(Message):
    """A filter worker's result, posted (not awaited) so the worker can go on counting."""

    result: FilterResult


@dataclass
class Opened(Message):
    """A plan loaded by a worker, to be shown at a node, passage or line; posted (not awaited), so
    the worker ends at once. ``counts``: its nodes' hits for the filter ``query`` (None unfiltered)."""

    content: Content
    node_id: int | None
    passage_id: int | None
    line: int | None
    query: str = ""
    counts: dict[int, int] | None = None
