"""The plantui app: its keys, the command palette, exporting and opening the source.

The widgets, the state and the views are in ``plantui.tui.frame``; loading, opening and the
filter's results in ``plantui.tui.base``; the filter box and the hits in ``plantui.tui.finding``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import TabbedContent

from plantui import db, search
from plantui.tui.base import PANE_LIMITS, PANE_STEP
from plantui.tui.finding import Finding
from plantui.tui.widgets.reader import Reader

# sources a pager cannot show: `o` opens the text read from them instead
BINARY_SOURCES = (".pdf", ".docx", ".doc", ".wps")


class PlantApp(Finding):
    """Browse, filter and read plans."""

    BINDINGS = [
        Binding("slash", "focus_filter", "过滤", tooltip="输入关键词过滤目录、高亮正文", id="filter"),
        Binding("n", "hit(1)", "下一处", tooltip="跳到下一处命中（到本篇末尾后进入下一篇）", id="next_hit"),
        Binding("N", "hit(-1)", "上一处", show=False, tooltip="跳到上一处命中", id="prev_hit"),
        Binding("r", "view('read')", "正文", id="view_read"),
        Binding("t", "view('targets')", "目标", id="view_targets"),
        Binding("c", "view('columns')", "专栏", id="view_columns"),
        Binding("s", "view('search')", "检索", id="view_search"),
        Binding(
            "a", "toggle_scope", "全部/当前", show=False, tooltip="目标表：当前规划或全部规划", id="scope"
        ),
        Binding("e", "export", "导出", tooltip="导出当前规划、检索结果或过滤后的目录", id="export"),
        Binding("o", "open_source", "原文", show=False, tooltip="在 $EDITOR 或 $PAGER 中打开原文", id="open"),
        Binding("less_than_sign", "pane(-1)", "目录变窄", show=False, id="narrower"),
        Binding("greater_than_sign", "pane(1)", "目录变宽", show=False, id="wider"),
        Binding("question_mark", "help", "帮助", id="help"),
        Binding("escape", "escape", "离开过滤框/清除过滤", show=False, id="clear_filter"),
        Binding("tab", "switch_pane(1)", "切换窗格", show=False, priority=True, id="switch_pane"),
        Binding("shift+tab", "switch_pane(-1)", "切换窗格", show=False, priority=True, id="switch_pane_back"),
        Binding("q", "quit", "退出", id="quit"),
        Binding(
            "ctrl+p", "command_palette", "命令", show=False, priority=True, tooltip="命令面板", id="palette"
        ),
    ]

    def action_switch_pane(self, step: int) -> None:
        """Tab: the outline ↔ the view shown (the reader or its table); from the filter box, the
        outline. The filter box is left out: a Tab landed there, and the next j filtered the library."""
        if len(self.screen_stack) > 1:  # a dialog: its own fields in turn
            (self.screen.focus_next if step > 0 else self.screen.focus_previous)()
            return
        outline = self.query_one("#outline")
        current, self.pending_focus = self.pending_focus or self.focused, None
        if current is outline:
            self.action_view(self.query_one(TabbedContent).active or "read")
        else:
            outline.focus()

    def action_pane(self, step: int) -> None:
        """Widen (1) or narrow (-1) the outline pane."""
        left = self.query_one("#left")
        width = (self._pane_width or left.outer_size.width) + step * PANE_STEP
        width = max(PANE_LIMITS[0], min(PANE_LIMITS[1], width, self.size.width - 30))
        self._pane_width = width
        left.styles.width = width
        left.styles.max_width = None
        left.styles.min_width = PANE_LIMITS[0]

    def action_toggle_scope(self) -> None:
        self.scope_all = not self.scope_all
        self._update_tables()
        self._show_view("targets")

    def action_help(self) -> None:
        from plantui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_export(self) -> None:
        """e: the current plan, or what was found (the hits of 检索, the filtered outline)."""
        reader = self.query_one(Reader)
        if reader.content is None:
            self.notify("没有打开的规划", severity="warning")
            return
        from plantui.export import safe_filename
        from plantui.tui.screens.export import ExportChoice, ExportScreen

        document = reader.content.document
        stem = Path(document.source).stem if document.source else document.shown
        out = Path("exports")
        choices = [ExportChoice("plan", f"当前规划：{document.shown}", out / safe_filename(stem, ".md"))]
        if self.words:
            query = " ".join(self.words)
            choices += [
                ExportChoice("hits", f"检索结果：“{query}”", out / safe_filename(f"检索-{query}", ".md")),
                ExportChoice("outline", f"目录：“{query}”", out / safe_filename(f"目录-{query}", ".md")),
            ]
        first = "hits" if self.words and self.query_one(TabbedContent).active == "search" else "plan"

        def chosen(answer: tuple[str, Path] | None) -> None:
            if answer is None:
                return
            what, path = answer
            if what == "plan":
                self.export_document(document.id, path)
            else:
                self.export_found(what, " ".join(self.words), path)

        self.push_screen(ExportScreen(choices, first), chosen)

    @work(thread=True, group="export")
    def export_document(self, document_id: int, path: Path) -> None:
        from plantui.export import to_markdown

        store = self._store()
        document = store.load(db.load_document, document_id)
        sources = store.load(db.document_sources, document_id)
        sha = store.load(db.document_sha, document_id)
        self._write(path, to_markdown(document, source=sources[0] if sources else "", sha256=sha))

    @work(thread=True, group="export")
    def export_found(self, what: str, query: str, path: Path) -> None:
        from plantui.tui import found

        store = self._store()
        if what == "hits":
            result = store.find(lambda c: search.search(c, query))
            text = found.hits_markdown(result, self.names)
        else:
            text = store.find(found.outline_markdown, query, self.names)
        self._write(path, text)

    def _write(self, path: Path, text: str) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.call_from_thread(
                self.notify, f"无法写入 {path}：{exc.strerror or exc}", severity="error", markup=False
            )
            return
        self.call_from_thread(self.notify, f"已导出到 {path}", markup=False)

    def action_open_source(self) -> None:
        """o: the plan's source file in $EDITOR (else $PAGER, else less) at the line being read."""
        reader = self.query_one(Reader)
        if reader.content is None or not reader.content.document.source:
            self.notify("没有可打开的原文文件", severity="warning")
            return
        source = Path(reader.content.document.source)
        if not source.is_file():
            self.notify(f"找不到原文文件 {source}", severity="error", markup=False)
            return
        para = reader.current_hit or reader.current_para()
        line = para.block.line if para is not None and para.block.line else 1
        import shlex
        import subprocess

        if source.suffix.lower() in BINARY_SOURCES:
            # a pager shows a PDF's or Word file's bytes: open its text as read, lines as cited
            copy = self._text_copy(source)
            if copy is None:
                return
            source = copy

        program = os.environ.get("EDITOR") or os.environ.get("PAGER") or "less"
        command = [*shlex.split(program), f"+{line}", str(source)]
        try:
            with self.suspend():
                subprocess.run(command, check=False)
        except OSError as exc:
            self.notify(f"无法运行 {command[0]}：{exc.strerror or exc}", severity="error", markup=False)
        self.refresh()

    def _text_copy(self, source: Path) -> Path | None:
        """The text plantui read from a binary source, in a temporary file (named after it)."""
        import tempfile

        from plantui.read import ReadError, read_file

        copy = Path(tempfile.gettempdir()) / f"plantui-{os.getuid()}" / f"{source.name}.txt"
        try:
            _, read = read_file(source)
            copy.parent.mkdir(mode=0o700, exist_ok=True)
            copy.write_text(read.text_lines(), encoding="utf-8")
        except (ReadError, OSError) as exc:
            self.notify(f"无法读取原文 {source.name}：{exc}", severity="error", markup=False)
            return None
        return copy

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            palette = CommandPalette(placeholder="搜索命令，例如 主题、浅色、导出…", id="--command-palette")
            self.push_screen(palette)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette, all in Chinese (Textual's own English entries are replaced)."""
        yield SystemCommand("过滤", "输入关键词过滤目录、高亮正文 (/)", self.action_focus_filter)
        yield SystemCommand("清除过滤", "显示全部规划 (Esc Esc)", self.action_clear_filter)
        yield SystemCommand("下一处命中", "正文中的下一处，本篇之后是下一篇 (n)", lambda: self.action_hit(1))
        yield SystemCommand("上一处命中", "正文中的上一处 (N)", lambda: self.action_hit(-1))
        yield SystemCommand("正文", "阅读当前规划 (r)", lambda: self.action_view("read"))
        yield SystemCommand("目标", "量化目标表 (t)", lambda: self.action_view("targets"))
        yield SystemCommand("专栏", "所有规划的专栏 (c)", lambda: self.action_view("columns"))
        yield SystemCommand("检索", "所有规划中的命中段落 (s)", lambda: self.action_view("search"))
        yield SystemCommand("目标：全部/当前", "切换目标表范围 (a)", self.action_toggle_scope)
        yield SystemCommand("导出", "当前规划、检索结果或过滤后的目录，写成 Markdown (e)", self.action_export)
        yield SystemCommand("打开原文", "在 $EDITOR 或 $PAGER 中打开当前行 (o)", self.action_open_source)
        yield SystemCommand("目录变宽", "加宽左侧目录 (>)", lambda: self.action_pane(1))
        yield SystemCommand("目录变窄", "收窄左侧目录 (<)", lambda: self.action_pane(-1))
        yield SystemCommand("主题：浅色", "切换到浅色主题", lambda: self._set_theme("textual-light"))
        yield SystemCommand("主题：深色", "切换到深色主题", lambda: self._set_theme("textual-dark"))
        yield SystemCommand("主题：选择…", "从所有主题中选择（浅色、深色等）", self.action_change_theme)
        yield SystemCommand("截图", "把当前屏幕保存为 SVG", self.action_screenshot)
        yield SystemCommand("帮助", "所有快捷键 (?)", self.action_help)
        yield SystemCommand("退出", "关闭 plantui (q)", self.exit)

    def _set_theme(self, theme: str) -> None:
        self.theme = theme
