"""The command line. Thin: parse arguments, call the core, print.

Errors are one line on stderr with exit status 1 (2 for bad usage); a traceback is shown
only with PLANTUI_DEBUG=1.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plantui import __version__
from plantui.textsafe import json_text

if TYPE_CHECKING:
    import sqlite3

    from rich.console import Console

    from plantui.importer import ImportResult


# Tables: one line under the header is enough, and stays readable when piped.
def _box() -> Any:
    from rich import box

    return box.SIMPLE_HEAD


_STATUS = {"new": "新增", "updated": "更新", "unchanged": "未变", "failed": "失败"}


class Failure(Exception):
    """An error to report as one line on stderr, exit status 1."""


def _one_line_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Expected failures of a command become one line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from plantui.db import DatabaseError
        from plantui.search import SearchError
        from plantui.textsafe import printable_line

        try:
            command(*args, **kwargs)
        except (Failure, DatabaseError, SearchError) as exc:
            typer.echo(f"plantui: {printable_line(str(exc))}", err=True)
            raise typer.Exit(1) from None

    return wrapper


@dataclass
class State:
    db_path: Path


def _words_not_types() -> None:
    """Help names an argument by its metavar (QUERY, DOC, PATH) without Typer's Python type
    after it (``<list[str]>``): a researcher reads words, not annotations."""
    from typer.core import TyperArgument

    typed = TyperArgument.display_type_rich

    def display_type_rich(self: TyperArgument, ctx: Any) -> str | None:
        return None if self.metavar else typed(self, ctx)

    TyperArgument.display_type_rich = display_type_rich  # type: ignore[method-assign,assignment]


_words_not_types()

app = typer.Typer(
    name="plantui",
    help="Read, search and compare Chinese government plans.\n\n"
    "Without a command, opens the app on the database (importing ./seeds on first run).",
    add_completion=False,
    no_args_is_help=False,
    # help as wide as the terminal (click stops at 80 otherwise), up to 120 columns
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plantui {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help="Database file [default: $PLANTUI_DB, else ./plantui.db]",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Open the app, or run a command.

    Examples:

      plantui                          open the app
      plantui --db plans.db import plans/
    """
    path = db or Path(os.environ.get("PLANTUI_DB") or "plantui.db")
    ctx.obj = State(path)
    if ctx.invoked_subcommand is None:
        _open_app(path)


def _open_app(path: Path) -> None:
    from plantui import db

    if path.exists():
        try:
            db.connect(path, create=False).close()  # fail here, in one line, not inside the app
        except db.DatabaseError as exc:
            typer.echo(f"plantui: {exc}", err=True)
            raise typer.Exit(1) from None
    from plantui.tui.launch import launch

    launch(path)


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


def _connect(ctx: typer.Context, *, create: bool = False) -> sqlite3.Connection:
    """The database: for writing (import), else opened read-only, so read-only media work."""
    from plantui import db

    return db.connect(_state(ctx).db_path, create=create, readonly=not create)


def _resolve(conn: sqlite3.Connection, specs: list[str]) -> list[int]:
    from plantui import db

    return db.resolve_documents(conn, specs)


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


# ---------------------------------------------------------------- import


@app.command("import")
@_one_line_errors
def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files and folders (folders: every plan file inside)"),
    ],
    title: Annotated[
        str | None, typer.Option("--title", metavar="TITLE", help="Set the title (one file only)")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Parse again even when the content is unchanged")
    ] = False,
) -> None:
    """Import plan files into the database.

    Importing the same content again changes nothing; changed content replaces the old
    version of that file. Exit status 1 when any file failed; the others still go in.

    Examples:

      plantui import seeds/

      plantui import 规划.txt --title "河北省数字经济发展规划"
    """
    from plantui.importer import import_paths

    conn = _connect(ctx, create=True)
    err = _stderr()
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
    _print_import_summary(conn, results)
    failed = [r for r in results if r.failed]
    stopped = [r for r in results if r.status == "stopped"]
    from plantui.textsafe import printable_line

    for result in failed:
        line = f"plantui: {printable_line(result.path)}: {printable_line(result.reason)}"
        if stopped and result.reason == stopped[0].reason:
            line += f"; stopped there, {len(stopped)} more file(s) not imported"
        typer.echo(line, err=True)
    if failed or stopped:
        raise typer.Exit(1)


def _print_import_summary(conn: sqlite3.Connection, results: list[ImportResult]) -> None:
    """One row per file: on a terminal a table that fits it, piped one tab-separated record a line."""
    from plantui import db

    shown = [r for r in results if r.status not in ("skipped", "stopped")]
    names = db.plan_names(conn, {r.document_id for r in shown if r.document_id is not None})
    console = _stdout()

    def title(r: ImportResult) -> str:
        return names.get(r.document_id, r.title) if r.document_id is not None else r.title

    if not console.is_terminal:
        _write_records(
            ["file", "title", "status", "reason", "structure", "targets", "document"],
            [
                [
                    r.path,
                    title(r),
                    r.status,
                    r.reason,
                    _structure(r.counts) if r.document_id else "",
                    str(r.counts.get("targets", "")) if r.document_id else "",
                    str(r.document_id or ""),
                ]
                for r in shown
            ],
        )
    elif shown:
        _grid(
            console,
            ["文件", "标题", "结构", "目标", "状态"],
            [
                [
                    Path(r.path).name,
                    title(r),
                    _structure(r.counts) if r.document_id else "",
                    str(r.counts.get("targets", "")) if r.document_id else "",
                    _STATUS.get(r.status, r.status)
                    + (f"（{r.reason}）" if r.reason and not r.failed else ""),
                ]
                for r in shown
            ],
            [
                _Column(max=30),
                _Column(flex=2, min=10),
                _Column(align="right"),
                _Column(align="right"),
                _Column(flex=1, min=4, max=30),
            ],
        )
    skipped = [r for r in results if r.status == "skipped"]
    if skipped:
        _stderr().print(
            _text(
                f"跳过 {len(skipped)} 个不支持的文件："
                + ", ".join(Path(r.path).name for r in skipped[:10])
                + (" …" if len(skipped) > 10 else "")
            )
        )


def _text(value: str) -> Any:
    """A Rich Text: document text is never read as markup, control characters are made visible."""
    from rich.text import Text

    from plantui.textsafe import printable

    return Text(printable(value))


# ---------------------------------------------------------------- list


@app.command("list")
@_one_line_errors
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table")] = False,
) -> None:
    """List the documents in the database.

    Examples:

      plantui list

      plantui list --json | jq '.[].title'
    """
    from plantui import db

    conn = _connect(ctx)
    rows = db.list_documents(conn)
    if as_json:
        typer.echo(json_text([_row_json(r) for r in rows], indent=2))
        return
    console = _stdout()
    if not rows:
        console.print("The database holds no documents yet: `plantui import PATH…` adds some.")
        return
    names = db.plan_names(conn)
    if not console.is_terminal:
        _write_records(
            [
                "id",
                "title",
                "issuer",
                "doc_number",
                "issued",
                "kind",
                "region",
                "period",
                "structure",
                "targets",
                "sources",
            ],
            [
                [
                    str(r.id),
                    names.get(r.id, r.title),
                    r.issuer or "",
                    r.doc_number or "",
                    r.issued or "",
                    r.kind or "",
                    r.region or "",
                    _period(r.period),
                    _structure(r.counts),
                    str(r.counts.get("targets", 0)),
                    " ".join(r.sources),
                ]
                for r in rows
            ],
        )
        return
    wide = console.width >= 120
    # at 80 columns: the title first, then who issued it, its number and date; wider: the rest
    headers = ["id", "标题", "发文机关", "文号", "日期"]
    columns = [_Column(align="right"), _Column(flex=3, min=12), _Column(flex=1, min=6, max=16)]
    columns += [_Column(max=20), _Column()]
    if wide:
        headers += ["类型", "地区", "规划期", "目标"]
        columns += [_Column(max=6), _Column(max=10), _Column(), _Column(align="right")]
    grid_rows = [
        [str(r.id), names.get(r.id, r.title), r.issuer or "", r.doc_number or "", r.issued or ""]
        + ([r.kind or "", r.region or "", _period(r.period), str(r.counts.get("targets", 0))] if wide else [])
        for r in rows
    ]
    _grid(console, headers, grid_rows, columns)


@dataclass(frozen=True)
class _Column:
    """How a column of a terminal grid takes its width: its content's width, at most ``max``;
    ``flex`` columns share what is left (by weight), none narrower than ``min``."""

    flex: int = 0
    min: int = 4
    max: int = 40
    align: str = "left"
    wrap: bool = False  # a long cell goes on over further lines (by the Chinese rules) instead of …


def _grid(
    console: Console,
    headers: list[str],
    rows: list[list[str]],
    columns: list[_Column],
    titles: dict[int, str] | None = None,
) -> None:
    """A table on a terminal, never wider than it: one line per row, a cell too long for its
    column cut with … (or, in a ``wrap`` column, continued on further lines); ``titles`` puts a
    heading line over the row of that index. Control characters in cells are made visible."""
    from rich.text import Text

    from plantui.linebreak import cells
    from plantui.textsafe import printable_line

    rows = [[printable_line(c) for c in row] for row in rows]
    natural = [max([cells(h)] + [cells(row[i]) for row in rows]) for i, h in enumerate(headers)]
    widths = [
        max(min(n, c.max), min(cells(h), c.max)) if not c.flex else 0
        for n, c, h in zip(natural, columns, headers, strict=True)
    ]
    room = console.width - 2 * (len(headers) - 1) - sum(widths)
    flexible = [i for i, c in enumerate(columns) if c.flex]
    for i in flexible:
        widths[i] = columns[i].min
    room -= sum(widths[i] for i in flexible)
    # share the room by weight, never beyond a column's natural width
    while room > 0:
        open_ = [i for i in flexible if widths[i] < min(natural[i], columns[i].max)]
        if not open_:
            break
        weight = sum(columns[i].flex for i in open_)
        given = 0
        for i in open_:
            share = max(1, room * columns[i].flex // weight)
            step = min(share, natural[i] - widths[i], room - given)
            widths[i] += step
            given += step
        if not given:
            break
        room -= given

    def line(values: list[str], style: str = "") -> Text:
        out = Text(style=style)
        for i, (value, width) in enumerate(zip(values, widths, strict=True)):
            cell = _fit(value, width)
            pad = " " * (width - cells(cell))
            out.append((pad + cell) if columns[i].align == "right" else (cell + pad))
            if i < len(values) - 1:
                out.append("  ")
        out.rstrip()
        return out

    from plantui.linebreak import wrap

    out = [line(headers, "bold"), Text("─" * min(console.width, sum(widths) + 2 * (len(widths) - 1)), "dim")]
    for index, row in enumerate(rows):
        if titles and index in titles:
            if index:
                out.append(Text())
            out += _wrapped(Text(printable_line(titles[index]), style="bold cyan"), console.width, 0, 2)
        parts = [wrap(v, widths[i]) if columns[i].wrap else [v] for i, v in enumerate(row)]
        for depth in range(max(len(p) for p in parts)):
            out.append(line([p[depth] if depth < len(p) else "" for p in parts]))
    # one print: a thousand rows appear at once
    console.print(Text("\n").join(out), no_wrap=True, overflow="ignore", crop=False)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in … when cut."""
    from plantui.linebreak import cells, char_width

    if cells(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _period(period: tuple[int, int] | None) -> str:
    return f"{period[0]}–{period[1]}" if period else ""


def _write_records(header: list[str] | None, rows: list[list[str]]) -> None:
    """Piped output: one record a line, fields separated by tabs, never wrapped or cut (tabs and
    newlines inside a field become spaces, control characters are made visible)."""
    from plantui.textsafe import printable_line

    lines = [header] if header else []
    lines += rows
    sys.stdout.write("".join("\t".join(printable_line(f) for f in line) + "\n" for line in lines))


def _structure(counts: dict[str, int]) -> str:
    top = counts.get("part", 0) or counts.get("chapter", 0) or counts.get("heading", 0)
    second = counts.get("section", 0) or counts.get("division", 0)
    return f"{top}/{second}/{counts.get('column', 0)}"


def _row_json(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "title_from": r.title_from,
        "sources": list(r.sources),
        "sha256": r.sha256,
        "issuer": r.issuer,
        "doc_number": r.doc_number,
        "issued": r.issued,
        "published": r.published,
        "period": list(r.period) if r.period else None,
        "region": r.region,
        "kind": r.kind,
        "counts": r.counts,
    }


# ---------------------------------------------------------------- export


class ExportFormat(StrEnum):
    md = "md"
    json = "json"


@app.command("export")
@_one_line_errors
def export(
    ctx: typer.Context,
    docs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="DOC", help="Document id, source file name, or part of a title", show_default=False
        ),
    ] = None,
    all_docs: Annotated[bool, typer.Option("--all", help="Every document")] = False,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", metavar="md|json", help="Markdown or JSON")
    ] = ExportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="PATH",
            help="File (one document, or JSON) or folder",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that hold other content")] = False,
) -> None:
    """Export documents as Markdown (default) or JSON.

    One document without -o goes to stdout. Several documents (or --all) as Markdown go to
    a folder, one file per document named after its source file.

    Examples:

      plantui export 河北 > hebei.md

      plantui export --all -o out/

      plantui export --all --format json -o plans.json
    """
    from plantui import db

    if not docs and not all_docs:
        raise typer.BadParameter("name at least one DOC, or use --all", param_hint="DOC")
    conn = _connect(ctx)
    ids = [r.id for r in db.list_documents(conn)] if all_docs else _resolve(conn, docs or [])
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise Failure("the database holds no documents to export")
    if fmt is ExportFormat.json:
        _export_json(conn, ids, output, force)
    else:
        _export_markdown(conn, ids, output, force)


def _export_json(conn: sqlite3.Connection, ids: list[int], output: Path | None, force: bool) -> None:
    from plantui import db
    from plantui.export import export_envelope, to_json

    documents = []
    for document_id in ids:
        sources = db.document_sources(conn, document_id)
        documents.append(
            to_json(
                db.load_document(conn, document_id),
                document_id=document_id,
                source=sources[0] if sources else "",
                sha256=db.document_sha(conn, document_id),
                sources=sources,
            )
        )
    text = json_text(export_envelope(documents), indent=1) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    if output.is_dir():
        output = output / "plantui.json"
    _write_files({output: text}, force)


def _export_markdown(conn: sqlite3.Connection, ids: list[int], output: Path | None, force: bool) -> None:
    from plantui import db
    from plantui.export import file_names, to_markdown

    texts: dict[int, tuple[str, str]] = {}
    for document_id in ids:
        sources = db.document_sources(conn, document_id)
        doc = db.load_document(conn, document_id)
        stem = Path(sources[0]).stem if sources else doc.title
        texts[document_id] = (
            stem,
            to_markdown(doc, source=sources[0] if sources else "", sha256=db.document_sha(conn, document_id)),
        )
    if output is None:
        if len(ids) > 1:
            raise Failure("several documents need -o FOLDER")
        sys.stdout.write(texts[ids[0]][1])
        return
    if len(ids) == 1 and not (output.is_dir() or str(output).endswith(("/", os.sep))):
        files = {output: texts[ids[0]][1]}
    else:
        if output.exists() and not output.is_dir():
            raise Failure(f"{output} is a file; several documents need -o FOLDER")
        names = file_names([(document_id, stem) for document_id, (stem, _) in texts.items()], ".md")
        files = {output / names[document_id]: text for document_id, (_, text) in texts.items()}
    _write_files(files, force)


def _write_files(files: dict[Path, str], force: bool) -> None:
    """Write every file, or none when one holds other content (without ``force``); a file that
    already holds the same content is left alone. Says what it wrote, also when a write fails."""
    changed = {path: text for path, text in files.items() if not _holds(path, text)}
    existing = [p for p in changed if p.exists() or p.is_symlink()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise Failure(f"{names} already exist(s) with other content; use --force to overwrite")
    written = 0
    for path, text in changed.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise Failure(
                f"cannot write {path}: {exc.strerror or exc}; wrote {written} of {len(changed)} file(s)"
                + (f" ({len(files) - len(changed)} already up to date)" if len(changed) < len(files) else "")
            ) from None
        written += 1
    where = next(iter(files)).parent if len(files) > 1 else next(iter(files))
    same = len(files) - written
    _stderr().print(
        _text(f"wrote {written} file(s) to {where}" + (f", {same} unchanged (same content)" if same else ""))
    )


def _holds(path: Path, text: str) -> bool:
    """Whether ``path`` is a file holding exactly ``text`` (UTF-8)."""
    try:
        return (
            path.is_file()
            and path.stat().st_size == len(data := text.encode("utf-8"))
            and (path.read_bytes() == data)
        )
    except OSError:
        return False


# ---------------------------------------------------------------- search


SHOWN = 10  # hits shown per query on a terminal unless --all or --limit


@app.command("search")
@_one_line_errors
def search(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="QUERY",
            help="Words or a phrase; spaces separate words that must all occur",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines, one object per query, every hit")
    ] = False,
    from_file: Annotated[
        str | None,
        typer.Option(
            "--from-file", metavar="FILE", help="Read one query per line ('-' = stdin)", show_default=False
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            metavar="N",
            help=f"At most N hits per query [default: {SHOWN} on a terminal, else all]",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Every hit, also on a terminal")] = False,
    doc: Annotated[
        list[str] | None,
        typer.Option("--doc", metavar="DOC", help="Only in this document (repeatable)", show_default=False),
    ] = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="FTS5 syntax (AND, OR, NOT, 数字*) over jieba's words")
    ] = False,
) -> None:
    """Find every passage that contains the query, across all plans.

    A query matches text that contains it exactly as written; quotes, brackets, AND, OR,
    * and the like are ordinary characters (use --raw for FTS5 syntax over jieba words).
    On a terminal the best hits are shown with the total; piped, every hit, one per line.
    Exit status 0 when something was found, 1 when nothing was (as grep), 2 for an empty query.

    Examples:

      plantui search 区块链

      plantui search "工业互联网 平台" --limit 10

      printf '5G\\n两化融合\\n' | plantui search --from-file - --json
    """
    from plantui.search import SearchError
    from plantui.search import search as run

    if query is None and from_file is None:
        raise typer.BadParameter("give a QUERY or --from-file", param_hint="QUERY")
    if query is not None and not query.strip():
        raise typer.BadParameter("the query is empty: give a word or phrase", param_hint="QUERY")
    if limit is not None and limit < 1:
        raise typer.BadParameter("N must be 1 or more", param_hint="--limit")
    queries = [query] if query is not None else []
    if from_file is not None:
        queries += _read_queries(from_file)
    conn = _connect(ctx)
    documents = _resolve(conn, doc) if doc else None
    console = _stdout()
    terminal = console.is_terminal and not as_json
    shown = limit if limit is not None else (SHOWN if terminal and not show_all else None)
    batch = from_file is not None
    found = False
    for text in queries:
        try:
            result = run(conn, text, limit=shown, documents=documents, raw=raw)
        except SearchError as exc:
            if not batch:
                raise
            _query_error(text, str(exc), as_json)
            continue
        found = found or result.count > 0
        if as_json:
            sys.stdout.write(json_text(result.as_json()) + "\n")
        elif terminal:
            _print_hits(console, result, limit is None and not show_all)
        else:
            _write_hit_lines(result, prefix=batch)
    if not found:
        raise typer.Exit(1)


def _query_error(query: str, message: str, as_json: bool) -> None:
    """One query of a batch cannot run: say so, and go on with the others."""
    from plantui.textsafe import printable_line

    if as_json:
        sys.stdout.write(json_text({"query": query, "error": message, "count": 0, "hits": []}) + "\n")
    typer.echo(f"plantui: {printable_line(message)}", err=True)


def _read_queries(source: str) -> list[str]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Failure(f"cannot read queries from {source}: {exc}") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def _line_and_page(row: Any) -> str:
    """A target's line, and its page when the plan is a PDF: ``43 p.3``."""
    return f"{row.target.line}" + (f" p.{row.page}" if row.page is not None else "")


def _where(hit: Any) -> str:
    """file:line (and the page of a PDF): where to find a hit in the file the user holds."""
    where = f"{Path(hit.source).name}:{hit.line_start}" + (
        f"-{hit.line_end}" if hit.line_end != hit.line_start else ""
    )
    return where + (f" p.{hit.page}" if getattr(hit, "page", None) is not None else "")


def _write_hit_lines(result: Any, *, prefix: bool) -> None:
    """Piped: one hit a line, never wrapped or cut: [query TAB] file:lines TAB plan › path TAB text."""
    from plantui.textsafe import printable_line

    out = []
    for hit in result.hits:
        crumb = " › ".join(printable_line(p) for p in (hit.name or hit.title, *hit.path))
        fields = [_where(hit), crumb, printable_line(hit.text)]
        if prefix:
            fields.insert(0, printable_line(result.query))
        out.append("\t".join(fields) + "\n")
    sys.stdout.write("".join(out))


def _print_hits(console: Console, result: Any, capped: bool) -> None:
    """On a terminal: the query and its count, then each hit's breadcrumb and snippet, wrapped
    with a hanging indent by the Chinese rules."""
    from rich.text import Text

    from plantui.search import find_spans, terms
    from plantui.textsafe import printable_line

    head = Text()
    head.append(printable_line(result.query), style="bold")
    if not result.count:
        head.append("  没有找到。")
    elif len(result.hits) < result.count:
        more = "（--all 显示全部）" if capped else ""
        head.append(f"  共 {result.count} 处，显示最相关的 {len(result.hits)} 处{more}")
    else:
        head.append(f"  共 {result.count} 处")
    _print_wrapped(console, head, 0, 2)
    words = terms(result.query)
    for hit in result.hits:
        line = Text()
        line.append(printable_line(hit.name or hit.title), style="cyan")
        for part in hit.path:
            line.append(" › " + printable_line(part), style="dim")
        line.append("  " + _where(hit), style="dim")
        _print_wrapped(console, line, 2, 4)
        body = printable_line(_snippet_text(hit.text, words))
        snippet = Text(body)
        for s, e in find_spans(body, words):
            snippet.stylize("bold yellow", s, e)
        _print_wrapped(console, snippet, 4, 0)


def _print_wrapped(console: Console, text: Any, indent: int, hang: int) -> None:
    """Print a Rich Text indented by ``indent`` cells, its further lines by ``indent + hang``,
    broken by the Chinese rules (no line starts with ，。 or ends with （“)."""
    from rich.text import Text

    lines = _wrapped(text, console.width, indent, hang)
    console.print(Text("\n").join(lines), no_wrap=True, overflow="ignore", crop=False)


def _wrapped(text: Any, width: int, indent: int, hang: int) -> list[Any]:
    """The lines of ``text`` (a Rich Text) for ``width`` cells, as _print_wrapped lays them out."""
    from rich.text import Text

    from plantui.linebreak import break_offsets

    width = max(width, 20)
    offsets = break_offsets(text.plain, width - indent - hang, first=width - indent)
    lines = []
    for index, line in enumerate(text.divide(offsets)):
        line.rstrip()
        lines.append(Text(" " * (indent + (hang if index else 0))) + line)
    return lines


def _snippet_text(text: str, words: list[str], width: int = 90) -> str:
    from plantui.search import window

    return text if len(text) <= width else window(text, words, width, before=20)


# ---------------------------------------------------------------- targets


class TargetFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"


@app.command("targets", short_help="List quantified targets, or compare one indicator across plans.")
@_one_line_errors
def targets(
    ctx: typer.Context,
    doc: Annotated[
        list[str] | None,
        typer.Option("--doc", metavar="DOC", help="Only this document (repeatable)", show_default=False),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="YEAR", help="Only targets for this year (2025)", show_default=False),
    ] = None,
    keyword: Annotated[
        str | None,
        typer.Option(
            "--keyword",
            "-k",
            metavar="WORD",
            help="Only indicators or sentences with this word",
            show_default=False,
        ),
    ] = None,
    compare_word: Annotated[
        str | None,
        typer.Option(
            "--compare",
            metavar="WORD",
            help="Compare indicators containing this word across plans, side by side",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        TargetFormat, typer.Option("--format", metavar="table|csv|json|md", help="How to write them")
    ] = TargetFormat.table,
) -> None:
    """List the quantified targets of the plans, or compare one indicator across plans.

    Examples:

      plantui targets --doc 河北 --year 2022

      plantui targets --keyword 5G --format csv > 5g.csv

      plantui targets --compare 两化融合指数
    """
    from plantui import compare, db

    conn = _connect(ctx)
    documents = _resolve(conn, doc) if doc else None
    rows = compare.select(db.plan_targets(conn, documents), year=year, keyword=keyword)
    if fmt in (TargetFormat.table, TargetFormat.md):  # for people: plans by name, never a file stem
        from dataclasses import replace

        names = db.plan_names(conn, {r.document_id for r in rows})
        rows = [replace(r, title=names.get(r.document_id, r.title)) for r in rows]
    if compare_word is not None:
        _print_comparison(rows, compare_word, fmt)
    else:
        _print_targets(rows, fmt)


def _print_targets(rows: list[Any], fmt: TargetFormat) -> None:
    from plantui.export import comparator_word, format_value, target_record, targets_csv, targets_markdown

    if fmt is TargetFormat.json:
        typer.echo(json_text([target_record(r) for r in rows], indent=1))
    elif fmt is TargetFormat.csv:
        sys.stdout.write(targets_csv(rows))
    elif fmt is TargetFormat.md:
        sys.stdout.write(targets_markdown(rows))
    elif not rows:
        _stdout().print("没有符合条件的目标。")
    elif not _stdout().is_terminal:
        _write_records(
            ["document", "plan", "year", "indicator", "comparator", "value", "unit", "line", "text"],
            [
                [
                    str(r.document_id),
                    r.title,
                    str(r.target.year or ""),
                    r.target.indicator,
                    comparator_word(r.target),
                    format_value(r.target),
                    r.target.unit,
                    _line_and_page(r),
                    r.target.text,
                ]
                for r in rows
            ],
        )
    else:
        # the plan once, as a heading over its targets; the indicator gets the width and wraps
        titles: dict[int, str] = {}
        for index, r in enumerate(rows):
            if not index or r.document_id != rows[index - 1].document_id:
                titles[index] = r.title
        _grid(
            _stdout(),
            ["年份", "指标", "比较", "目标值", "单位", "行"],
            [
                [
                    str(r.target.year or ""),
                    r.target.indicator,
                    comparator_word(r.target),
                    format_value(r.target),
                    r.target.unit,
                    _line_and_page(r),
                ]
                for r in rows
            ],
            [
                _Column(align="right"),
                _Column(flex=1, min=10, max=80, wrap=True),
                _Column(max=10),
                _Column(align="right", max=14),
                _Column(max=8),
                _Column(align="right"),
            ],
            titles=titles,
        )


def _print_comparison(rows: list[Any], word: str, fmt: TargetFormat) -> None:
    from plantui.compare import compare, plans_of
    from plantui.export import compare_csv, compare_markdown, compare_records, value_with_unit

    groups = compare(rows, word)
    plans = plans_of(groups, rows)
    if fmt is TargetFormat.json:
        typer.echo(json_text(compare_records(groups), indent=1))
    elif fmt is TargetFormat.csv:
        sys.stdout.write(compare_csv(groups))
    elif fmt is TargetFormat.md:
        sys.stdout.write(compare_markdown(groups, plans))
    elif not groups:
        _stdout().print(_text(f"没有含“{word}”的指标。"))
    elif not _stdout().is_terminal:
        _write_records(
            ["indicator", "document", "plan", "year", "value", "line"],
            [
                [
                    group.label,
                    str(m.document_id),
                    m.title,
                    str(m.target.year or ""),
                    value_with_unit(m.target),
                    str(m.target.line),
                ]
                for group in groups
                for members in group.by_plan.values()
                for m in members
            ],
        )
    else:
        from rich.table import Table

        table = Table(pad_edge=False, show_lines=True, title=_text(f"“{word}” 各规划目标对比"))
        table.add_column("指标")
        for plan in plans:
            table.add_column(_text(plan.title))
        for group in groups:
            cells = [_text(group.label)]
            for plan in plans:
                members = group.by_plan.get(plan.document_id, [])
                cells.append(
                    _text("\n".join(f"{m.target.year or '?'}年 {value_with_unit(m.target)}" for m in members))
                )
            table.add_row(*cells)
        _stdout().print(table)


# ---------------------------------------------------------------- entry point


def main() -> None:
    """Run the CLI; turn expected failures into one-line errors and unexpected ones too."""
    from plantui.db import DatabaseError

    try:
        app(standalone_mode=True)
    except DatabaseError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("PLANTUI_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (PLANTUI_DEBUG=1 shows a traceback)")


def _fail(message: str) -> None:
    from plantui.textsafe import printable_line

    sys.stderr.write(f"plantui: {printable_line(message)}\n")
    sys.exit(1)
