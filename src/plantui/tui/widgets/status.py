"""A pane's status line or a table's preview: lines broken where the text is full, by the Chinese
rules (避头尾), never at the last space as Rich's word wrapping does (“按 /” alone on a line)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Static

from plantui.linebreak import break_lines


def _breaks(plain: str, width: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in break_lines(plain, max(4, width)):
        while a < b and plain[a] == " " and out:
            a += 1
        out.append((a, b))
    return out


class StatusLine(Static):
    """Shows a literal ``Text`` (or str) broken to its width; or, where it does not fit on one
    line, the first of its ``shorter`` wordings that does (a one-line pane keeps its last word)."""

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__("", id=id, classes=classes)
        self._text = Text()
        self._shorter: tuple[Text, ...] = ()

    def update(
        self, content: VisualType = "", *, layout: bool = True, shorter: tuple[Text, ...] = ()
    ) -> None:
        self._text = content if isinstance(content, Text) else Text(str(content))
        self._shorter = shorter
        super().update(content, layout=layout)

    def _fitting(self, width: int) -> Text:
        for text in (self._text, *self._shorter):
            if cell_len(text.plain) <= width:
                return text
        return self._shorter[-1] if self._shorter else self._text

    def _lines(self, width: int) -> list[Text]:
        text = self._fitting(width)
        plain = text.plain
        if not plain:
            return [Text()]
        # a space a break falls on is left at the end of the line, not at the start of the next
        lines = []
        for a, b in _breaks(plain, width):
            while b > a and plain[b - 1] == " ":
                b -= 1
            lines.append(text[a:b])
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        return Text("\n").join(self._lines(self.content_size.width))
