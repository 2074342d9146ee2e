"""``plantui import``: files and folders into the database, with a summary of what each became."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from plantui.cli.common import connect, stderr, stdout, structure, text, write_records

if TYPE_CHECKING:
    import sqlite3

    from plantui.importer import ImportResult

_STATUS = {"new": "新增", "updated": "更新", "unchanged": "未变", "failed": "失败"}


def import_files(db_path: Path, paths: list[str], *, title: str | None, force: bool) -> int:
    """Import, print the summary and one line per failed file; exit status 1 when any failed."""
    from plantui.importer import import_paths
    from plantui.textsafe import printable_line

    conn = connect(db_path, create=True)
    err = stderr()
    if err.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("导入"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("", total=None)

            def update(done: int, total: int, name: str) -> None:
                progress.update(task, completed=done, total=total, description=Path(name).name)

            results = import_paths(conn, paths, title=title, force=force, on_progress=update)
    else:
        results = import_paths(conn, paths, title=title, force=force)
    _print_summary(conn, results)
    failed = [r for r in results if r.failed]
    stopped = [r for r in results if r.status == "stopped"]
    for result in failed:
        line = f"plantui: {printable_line(result.path)}: {printable_line(result.reason)}"
        if stopped and result.reason == stopped[0].reason:
            line += f"; stopped there, {len(stopped)} more file(s) not imported"
        sys.stderr.write(line + "\n")
    return 1 if failed or stopped else 0


def _print_summary(conn: sqlite3.Connection, results: list[ImportResult]) -> None:
    """One row per file: on a terminal a table that fits it, piped one tab-separated record a line."""
    from plantui import db

    shown = [r for r in results if r.status not in ("skipped", "stopped")]
    names = db.plan_names(conn, {r.document_id for r in shown if r.document_id is not None})
    console = stdout()

    def title(r: ImportResult) -> str:
        return names.get(r.document_id, r.title) if r.document_id is not None else r.title

    if not console.is_terminal:
        write_records(
            ["file", "title", "status", "reason", "structure", "targets", "document"],
            [
                [
                    r.path,
                    title(r),
                    r.status,
                    r.reason,
                    structure(r.counts) if r.document_id else "",
                    str(r.counts.get("targets", "")) if r.document_id else "",
                    str(r.document_id or ""),
                ]
                for r in shown
            ],
        )
    elif shown:
        from plantui.cli.layout import Column, grid

        grid(
            console,
            ["文件", "标题", "结构", "目标", "状态"],
            [
                [
                    Path(r.path).name,
                    title(r),
                    structure(r.counts) if r.document_id else "",
                    str(r.counts.get("targets", "")) if r.document_id else "",
                    _STATUS.get(r.status, r.status)
                    + (f"（{r.reason}）" if r.reason and not r.failed else ""),
                ]
                for r in shown
            ],
            [
                Column(max=30),
                Column(flex=2, min=10),
                Column(align="right"),
                Column(align="right"),
                Column(flex=1, min=4, max=30),
            ],
        )
    skipped = [r for r in results if r.status == "skipped"]
    if skipped:
        line = (
            f"跳过 {len(skipped)} 个不支持的文件："
            + ", ".join(Path(r.path).name for r in skipped[:10])
            + (" …" if len(skipped) > 10 else "")
        )
        if stderr().is_terminal:
            stderr().print(text(line))
        else:  # to a file or a pipe: one line, never wrapped at 80 columns
            from plantui.textsafe import printable_line

            sys.stderr.write(printable_line(line) + "\n")
