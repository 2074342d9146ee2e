"""What every command shares: one-line failures, the database, the consoles, terminal or pipe.

Nothing here imports Typer, so the fast path (``fast``) can use it; Rich is imported only
when the output goes to a terminal.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

    from rich.console import Console


class Failure(Exception):
    """An error to report as one line on stderr, exit status 1."""


def expected_failure(exc: BaseException) -> str | None:
    """The one line to show for a failure a user can act on (a bad database, a bad query,
    a file that cannot be written), or None for anything else."""
    from plantui.db import DatabaseError
    from plantui.search import SearchError
    from plantui.textsafe import printable_line

    if isinstance(exc, Failure | DatabaseError | SearchError):
        return f"plantui: {printable_line(str(exc))}"
    return None


def database_path(db: Path | None) -> Path:
    """--db, else $PLANTUI_DB, else ./plantui.db."""
    return db or Path(os.environ.get("PLANTUI_DB") or "plantui.db")


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """The database: for writing (import), else opened read-only, so read-only media work."""
    from plantui import db

    return db.connect(path, create=create, readonly=not create)


def resolve(conn: sqlite3.Connection, specs: list[str]) -> list[int]:
    """Document ids for DOC arguments: an id, a source file name, a unique part of the title, or
    a name as plantui shows it with the suffix that tells it from its namesakes
    (``政府工作报告 · 全国 2013``)."""
    from plantui import db

    shown: dict[str, int] = {}
    if any(" · " in spec for spec in specs):
        shown = {name: document_id for document_id, name in db.plan_names(conn).items()}
    ids: list[int] = []
    for spec in specs:
        found = [shown[spec]] if spec in shown else db.resolve_documents(conn, [spec])
        ids += [d for d in found if d not in ids]
    return ids


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal, as Rich decides it (TTY_COMPATIBLE, FORCE_COLOR,
    isatty). Piped output without those variables is known without importing Rich."""
    if "TTY_COMPATIBLE" not in os.environ and "FORCE_COLOR" not in os.environ:
        try:
            if not sys.stdout.isatty():
                return False
        except (AttributeError, ValueError):
            return False
    return stdout().is_terminal


def text(value: str) -> Any:
    """A Rich Text: document text is never read as markup, control characters are made visible."""
    from rich.text import Text

    from plantui.textsafe import printable

    return Text(printable(value))


def write_records(header: list[str] | None, rows: list[list[str]]) -> None:
    """Piped output: one record a line, fields separated by tabs, never wrapped or cut (tabs and
    newlines inside a field become spaces, control characters are made visible)."""
    lines = [header] if header else []
    lines += rows
    sys.stdout.write(records(lines))


def records(lines: list[list[str]]) -> str:
    """``lines`` as tab-separated records, each ending in a newline, as ``write_records`` writes
    them (made printable in one pass over the whole text: a thousand rows are one regex call)."""
    from plantui.textsafe import printable

    if not lines:
        return ""
    blob = "\n".join(
        "\t".join(f.replace("\t", " ").replace("\n", " ") if "\t" in f or "\n" in f else f for f in line)
        for line in lines
    )
    return printable(blob) + "\n"


def terminal() -> Console | None:
    """A console on standard output when it is a terminal, else None (see stdout_is_terminal)."""
    if not stdout_is_terminal():
        return None
    console = stdout()
    return console if console.is_terminal else None


def structure(counts: dict[str, int]) -> str:
    """A plan's outline as top/second/专栏 counts: 8/30/4."""
    top = counts.get("part", 0) or counts.get("chapter", 0) or counts.get("heading", 0)
    second = counts.get("section", 0) or counts.get("division", 0)
    return f"{top}/{second}/{counts.get('column', 0)}"


def period(value: tuple[int, int] | None) -> str:
    return f"{value[0]}–{value[1]}" if value else ""
