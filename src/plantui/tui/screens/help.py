"""The help screen: every key, in Chinese; it fits the terminal and scrolls when it must."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("目录、表格", ""),
    ("↑ ↓  j k", "上下移动"),
    ("← →  h l", "收起、展开目录"),
    ("g G", "到开头、结尾"),
    ("Ctrl+D Ctrl+U", "下翻、上翻一页"),
    ("Enter", "打开所选章节、目标、专栏或检索结果"),
    ("1 2 3 4", "表格：按第几列排序，再按一次倒序"),
    ("< >", "目录变窄、变宽"),
    ("正文", ""),
    ("↑ ↓  j k", "上下滚动一行"),
    ("空格 b  Ctrl+D Ctrl+U", "下翻、上翻一页"),
    ("g G  Home End", "到开头、结尾"),
    ("o", "在 $EDITOR 或 $PAGER 中打开原文的这一行"),
    ("过滤与命中", ""),
    ("/", "过滤：目录只留含关键词的分支，并标出处数；正文高亮"),
    ("Enter", "（在过滤框中）跳到第一处命中"),
    ("Esc", "离开过滤框；再按一次清除过滤"),
    ("n N", "下一处、上一处命中；本篇之后进入下一篇"),
    ("视图", ""),
    ("r t c s", "正文、目标、专栏、检索"),
    ("a", "目标表：当前规划或全部规划"),
    ("e", "导出当前规划、检索结果或过滤后的目录"),
    ("Tab Shift+Tab", "在目录与正文或表格之间切换（/ 进入过滤框）"),
    ("Ctrl+P", "命令面板：所有操作，也可切换浅色、深色主题"),
    ("?", "本帮助"),
    ("q", "退出"),
)


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "关闭"),
        Binding("q", "dismiss", "关闭", show=False),
        Binding("question_mark", "dismiss", "关闭", show=False),
        Binding("j", "scroll(1)", "下滚", show=False),
        Binding("k", "scroll(-1)", "上滚", show=False),
        Binding("g", "scroll_to(0)", "顶部", show=False),
        Binding("G", "scroll_to(-1)", "底部", show=False),
    ]

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        for key, what in KEYS:
            if what:
                table.add_row(key, what)
            else:
                table.add_row(f"[reverse] {key} [/]", "")
        with VerticalScroll(id="help-box"):
            yield Static("plantui 快捷键", id="help-title")
            yield Static(table, classes="help-keys")
            yield Static("鼠标也可以：点击目录、表头排序、滚动正文。Esc 关闭。", classes="dim")

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-box").scroll_relative(y=step, animate=False)

    def action_scroll_to(self, where: int) -> None:
        """g: the top; G: the bottom (the help lists these keys, so they work here too)."""
        box = self.query_one("#help-box")
        box.scroll_to(y=0 if where == 0 else box.max_scroll_y, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
