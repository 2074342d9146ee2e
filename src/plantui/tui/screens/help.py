"""The help screen: every key, in Chinese."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("↑ ↓ / j k", "在目录、表格中移动"),
    ("← → / h l", "收起、展开目录"),
    ("Enter", "打开所选章节、目标、专栏或检索结果"),
    ("Tab / Shift+Tab", "在目录、正文、表格之间切换"),
    ("/", "过滤：输入关键词，目录只留含有它的分支，正文高亮"),
    ("Esc", "清除过滤"),
    ("n / N", "下一处 / 上一处命中"),
    ("r", "正文"),
    ("t", "目标：量化目标表（a 切换当前规划/全部规划）"),
    ("c", "专栏：所有规划的专栏"),
    ("s", "检索：所有规划中含关键词的段落"),
    ("e", "把当前规划导出为 Markdown"),
    ("Ctrl+P", "命令面板：所有操作，也可切换浅色/深色主题"),
    ("?", "本帮助"),
    ("q", "退出"),
)


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "关闭"),
        Binding("q", "dismiss", "关闭", show=False),
        Binding("question_mark", "dismiss", "关闭", show=False),
    ]

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, what in KEYS:
            table.add_row(key, what)
        with Vertical(id="help-box"):
            yield Static("plantui 快捷键", id="help-title")
            yield Static(table)
            yield Static("鼠标也可以：点击目录、表头排序、滚动正文。按 Esc 关闭。", classes="dim")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
