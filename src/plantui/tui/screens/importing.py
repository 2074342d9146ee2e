"""First run: import ./seeds with visible progress before showing the plans."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from plantui.tui.text import literal


class ImportScreen(ModalScreen[None]):
    """Shows the progress of an import that the app runs in a worker."""

    def __init__(self, folder: str) -> None:
        super().__init__()
        self._folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box"):
            yield Static(literal(f"第一次运行：正在导入 {self._folder} 中的规划…"), id="import-title")
            yield ProgressBar(total=None, show_eta=False, id="import-bar")
            yield Static("", id="import-file", classes="dim")

    def progress(self, done: int, total: int, name: str) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#import-file", Static).update(literal(name))
