"""Ask what to export (the current plan, the hits of 检索, the filtered outline) and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from plantui.tui.text import literal


@dataclass(frozen=True)
class ExportChoice:
    """One thing that can be exported: its key, what the dialog calls it, where it goes by default."""

    key: str
    label: str
    default: Path


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """A choice of what to export and a path prompt; an existing file needs a second Enter."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, choices: list[ExportChoice], first: str = "plan") -> None:
        super().__init__()
        self._choices = choices
        self._first = next((i for i, c in enumerate(choices) if c.key == first), 0)
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static("导出为 Markdown", id="export-title")
            with RadioSet(id="export-what"):
                for index, choice in enumerate(self._choices):
                    yield RadioButton(literal(choice.label), value=index == self._first)
            yield Input(str(self._choices[self._first].default), id="export-path")
            yield Static("↑↓ 选择导出内容 · Enter 导出 · Esc 取消", id="export-status", classes="dim")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def choice(self) -> ExportChoice:
        index = self.query_one(RadioSet).pressed_index
        return self._choices[index if index >= 0 else self._first]

    @on(RadioSet.Changed)
    def changed(self, event: RadioSet.Changed) -> None:
        self.query_one("#export-path", Input).value = str(self.choice.default)
        self._confirm = None

    def key_up(self) -> None:
        self._move(-1)

    def key_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        radio = self.query_one(RadioSet)
        index = (max(radio.pressed_index, 0) + step) % len(self._choices)
        buttons = list(radio.query(RadioButton))
        buttons[index].value = True

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
        self.dismiss((self.choice.key, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
