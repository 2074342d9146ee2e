"""The Typer app: the options and help of every command, each calling its module's function.

A new command is a function here (or in a module of its own) added with ``app.command(NAME)``
and ``one_line_errors``; the work it does lives outside Typer so that it stays testable and
``fast`` can reach it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from plantui import __version__
from plantui.cli.common import database_path, expected_failure
from plantui.cli.exporting import ExportFormat
from plantui.cli.searching import SHOWN
from plantui.cli.targeting import TargetFormat


def one_line_errors(command: Callable[..., int | None]) -> Callable[..., None]:
    """Expected failures of a command become one line on stderr and exit status 1; a command
    that returns a non-zero status exits with it."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            status = command(*args, **kwargs)
        except Exception as exc:
            line = expected_failure(exc)
            if line is None:
                raise
            typer.echo(line, err=True)
            raise typer.Exit(1) from None
        if status:
            raise typer.Exit(status)

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


def _plain_errors() -> None:
    """A bad option value is said in words (``--limit: not a whole number: 'abc'``), not in
    pydantic's (``Input should be a valid integer, unable to parse string as an integer``,
    ``Value error, 'xml' is not one of …``), through which Typer coerces values."""
    import importlib

    def message(exc: Any) -> str:
        from plantui.textsafe import printable_line

        errors = exc.errors() if hasattr(exc, "errors") else []
        if not errors:
            return printable_line(str(exc))
        first = errors[0]
        kind, given = str(first.get("type", "")), first.get("input")
        if kind.startswith(("int_", "float_")):
            whole = "whole " if kind.startswith("int_") else ""
            return printable_line(f"not a {whole}number: {given!r}")
        text = str(first.get("msg", ""))
        return printable_line(text.removeprefix("Value error, "))

    for name in ("typer._coercion", "typer._param_types"):
        try:
            module = importlib.import_module(name)
        except ImportError:  # another Typer: its own wording stays
            continue
        if hasattr(module, "get_error_msg"):
            setattr(module, "get_error_msg", message)  # noqa: B010 (a module Typer keeps private)


_plain_errors()

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
    path = database_path(db)
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


def _db(ctx: typer.Context) -> Path:
    state = ctx.obj
    assert isinstance(state, State)
    return state.db_path


@app.command("import")
@one_line_errors
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
) -> int:
    """Import plan files into the database.

    Importing the same content again changes nothing; changed content replaces the old
    version of that file. Exit status 1 when any file failed; the others still go in.

    Examples:

      plantui import seeds/

      plantui import 规划.txt --title "河北省数字经济发展规划"
    """
    from plantui.cli.importing import import_files

    if title is not None and (len(paths) != 1 or Path(paths[0]).is_dir()):
        given = f"{len(paths)} paths" if len(paths) != 1 else f"the folder {paths[0]}"
        raise typer.BadParameter(f"sets the title of one file, not of {given}", param_hint="--title")
    return import_files(_db(ctx), paths, title=title, force=force)


@app.command("list")
@one_line_errors
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table")] = False,
) -> None:
    """List the documents in the database.

    Examples:

      plantui list

      plantui list --json | jq '.[].title'
    """
    from plantui.cli.listing import list_documents

    list_documents(_db(ctx), as_json=as_json)


@app.command("export")
@one_line_errors
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
    from plantui.cli.exporting import export as run

    if not docs and not all_docs:
        raise typer.BadParameter("name at least one DOC, or use --all", param_hint="DOC")
    run(_db(ctx), docs or [], all_docs=all_docs, fmt=fmt, output=output, force=force)


class _QueryCommand(TyperCommand):
    """``search``: a word that starts with a single ``-`` and is none of its options is the query
    (``plantui search -3-``, ``--raw -区块链``), as if written after ``--``; an unknown ``--word``
    stays a usage error with its suggestion."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        flags: set[str] = set(ctx.help_option_names)
        valued: set[str] = set()
        for param in self.params:
            if param.param_type_name == "option":
                names = param.opts + param.secondary_opts
                (flags if getattr(param, "is_flag", False) else valued).update(names)
        options: list[str] = []
        words: list[str] = []
        dashed = False
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                words += args[i + 1 :]
                break
            if arg in valued and i + 1 < len(args):
                options += args[i : i + 2]
                i += 2
                continue
            if arg in flags or arg.startswith("--") or arg.split("=", 1)[0] in valued:
                options.append(arg)
            elif arg.startswith("-") and len(arg) > 1:
                words.append(arg)
                dashed = True
            else:
                words.append(arg)
            i += 1
        return super().parse_args(ctx, [*options, "--", *words] if dashed else args)


@app.command("search", cls=_QueryCommand)
@one_line_errors
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
) -> int:
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
    from plantui.cli import searching

    if query is None and from_file is None:
        raise typer.BadParameter("give a QUERY or --from-file", param_hint="QUERY")
    if query is not None and not query.strip():
        raise typer.BadParameter("the query is empty: give a word or phrase", param_hint="QUERY")
    if limit is not None and limit < 1:
        raise typer.BadParameter("N must be 1 or more", param_hint="--limit")
    queries = [query] if query is not None else []
    if from_file is not None:
        queries += searching.read_queries(from_file)
    return searching.search(
        _db(ctx),
        queries,
        as_json=as_json,
        batch=from_file is not None,
        limit=limit,
        show_all=show_all,
        doc=doc,
        raw=raw,
    )


@app.command("targets", short_help="List quantified targets, or compare one indicator across plans.")
@one_line_errors
def targets(
    ctx: typer.Context,
    doc: Annotated[
        list[str] | None,
        typer.Option("--doc", metavar="DOC", help="Only this document (repeatable)", show_default=False),
    ] = None,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="YEAR",
            help="Only targets for this year (2025) or these years (2021-2025)",
            show_default=False,
        ),
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
    from plantui.cli.targeting import targets as run
    from plantui.cli.targeting import years_of

    years = years_of(year) if year is not None else None
    if years is None and year is not None:
        raise typer.BadParameter(
            f"give a year (2025) or a range (2021-2025), not {year!r}", param_hint="--year"
        )
    run(_db(ctx), doc=doc, years=years, keyword=keyword, compare_word=compare_word, fmt=fmt)


@app.command("serve", short_help="Serve the database read-only on the web (datasette), for a team.")
@one_line_errors
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on")] = 8001,
) -> None:
    """Serve the database read-only on the web (datasette): search passages, browse plans and
    targets with facets. Needs datasette (pip install 'plantui[serve]').

    Examples:

      plantui serve

      plantui --db team.db serve --host 0.0.0.0 --port 8080
    """
    import importlib.util

    from plantui.cli.common import Failure

    if importlib.util.find_spec("datasette") is None:
        raise Failure("plantui serve needs datasette: pip install 'plantui[serve]'")
    from plantui.serve import datasette_app, serve_app

    app = datasette_app(_db(ctx))  # migrates an older database, or fails in one line
    typer.echo(f"plantui: serving {_db(ctx)} read-only at http://{host}:{port}/ (Ctrl+C stops)", err=True)
    serve_app(app, host, port)
