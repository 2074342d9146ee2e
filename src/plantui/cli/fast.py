"""The fast path: ``plantui [--db PATH] list [--json]`` and ``plantui [--db PATH] search QUERY
[--json] [--all] [--raw] [--limit N] [--doc DOC]…`` answered without building the Typer app.

Typer coerces every parameter through pydantic, which costs about 0.1 s of imports before a
command starts; these two are the commands people run in loops and pipes. Only the plain
forms are taken here: anything else (help, ``--opt=value``, a query that starts with ``-``,
an empty query, an unknown or repeated option) returns None and goes to the Typer app, so
usage errors and help read exactly as they always do. The work itself is the same function
either way (``listing``, ``searching``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

_SEARCH_FLAGS = {"--json": "as_json", "--all": "show_all", "--raw": "raw"}


def run(argv: list[str]) -> int | None:
    """The exit status of the command, or None when ``argv`` is not one the fast path takes."""
    call = parse(argv)
    if call is None:
        return None
    command, db, options = call
    from plantui.cli.common import database_path, expected_failure

    try:
        if command == "list":
            from plantui.cli.listing import list_documents

            list_documents(database_path(db), **options)
            return 0
        from plantui.cli.searching import search

        return search(database_path(db), **options)
    except BrokenPipeError:
        # the reader (head, less) went away: stop quietly, as the Typer app does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        line = expected_failure(exc)
        if line is None:
            raise
        sys.stderr.write(line + "\n")
        return 1


def parse(argv: list[str]) -> tuple[str, Path | None, dict[str, Any]] | None:
    """(command, --db, keyword arguments) for the plain forms of list and search, else None."""
    db: Path | None = None
    args = list(argv)
    if len(args) >= 2 and args[0] == "--db":
        if not args[1] or args[1].startswith("-"):
            return None
        db = Path(args[1])
        args = args[2:]
    if not args:
        return None
    command, rest = args[0], args[1:]
    if command == "list":
        if rest == []:
            return command, db, {"as_json": False}
        if rest == ["--json"]:
            return command, db, {"as_json": True}
        return None
    if command == "search":
        options = _search_options(rest)
        return None if options is None else (command, db, options)
    return None


def _search_options(args: list[str]) -> dict[str, Any] | None:
    options: dict[str, Any] = {}
    query: str | None = None
    docs: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _SEARCH_FLAGS:
            if _SEARCH_FLAGS[arg] in options:
                return None
            options[_SEARCH_FLAGS[arg]] = True
        elif arg in ("--limit", "--doc"):
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                return None
            value = args[i + 1]
            if arg == "--doc":
                docs.append(value)
            elif "limit" in options or not (value.isascii() and value.isdigit()) or int(value) < 1:
                return None
            else:
                options["limit"] = int(value)
            i += 1
        elif arg.startswith("-") or query is not None or not arg.strip():
            return None
        else:
            query = arg
        i += 1
    if query is None:
        return None
    if docs:
        options["doc"] = docs
    return {"queries": [query], **options}
