"""The command line. Thin: parse arguments, call the core, print.

``main`` is the entry point. ``plantui list`` and ``plantui search WORD`` in their plain forms
are answered by ``fast`` without building the Typer app (whose parameter coercion imports
pydantic: about 0.1 s before any work); everything else, help and usage errors included, goes
through the Typer app in ``commands``. Both call the same command code (``listing``, ``searching``),
so the output is the same either way.

Errors are one line on stderr with exit status 1 (2 for bad usage); a traceback is shown
only with PLANTUI_DEBUG=1.
"""

from __future__ import annotations

import os
import sys
from typing import Any

__all__ = ["app", "main"]


def main() -> None:
    """Run the CLI; turn expected failures into one-line errors and unexpected ones too."""
    from plantui.cli.fast import run

    try:
        status = run(sys.argv[1:])
        if status is not None:
            sys.exit(status)
        from plantui.cli.commands import app

        app(standalone_mode=True)
    except KeyboardInterrupt:
        _fail("interrupted")
    except SystemExit:
        raise
    except Exception as exc:
        from plantui.db import DatabaseError

        if isinstance(exc, DatabaseError):
            _fail(str(exc))
        if os.environ.get("PLANTUI_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (PLANTUI_DEBUG=1 shows a traceback)")


def _fail(message: str) -> None:
    from plantui.textsafe import printable_line

    sys.stderr.write(f"plantui: {printable_line(message)}\n")
    sys.exit(1)


def __getattr__(name: str) -> Any:
    """``plantui.cli.app``, the Typer app, built only when asked for (tests, ``--help``)."""
    if name == "app":
        from plantui.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
