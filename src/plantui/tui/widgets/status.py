"""A pane's status line: one or more lines broken where the text is full, by the Chinese rules
(避头尾), never at the last space as Rich's word wrapping does (“按 /” alone on a line)."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Static

from plantui.linebreak import break_lines


class StatusLine(Static):
    """Shows a literal ``Text`` (or str) broken to its width."""

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__("", id=id, classes=classes)
        self._text = Text()

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self._text = content if isinstance(content, Text) else Text(str(content))
        super().update(content, layout=layout)

    def _lines(self, width: int) -> list[Text]:
        if not self._text.plain:
            return [Text()]
        return [self._text[a:b] for a, b in break_lines(self._text.plain, max(4, width))]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        return Text("\n").join(self._lines(self.content_size.width))
