"""Ask where to write the current plan as Markdown."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from plantui.tui.text import literal


class ExportScreen(ModalScreen[Path | None]):
    """A path prompt; an existing file needs a second Enter to be overwritten."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, title: str, default: Path) -> None:
        super().__init__()
        self._title = title
        self._default = default
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(literal(f"导出为 Markdown：{self._title}"), id="export-title")
            yield Input(str(self._default), id="export-path")
            yield Static("Enter 导出，Esc 取消", id="export-status", classes="dim")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        status = self.query_one("#export-status", Static)
        if not event.value.strip():
            status.update("请输入文件路径")
            return
        if path.is_dir():
            status.update(literal(f"{path} 是文件夹，请给出文件名"))
            return
        if path.exists() and self._confirm != path:
            self._confirm = path
            status.update(literal(f"{path} 已存在，再按 Enter 覆盖"))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
