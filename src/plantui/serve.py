"""``plantui serve``: a read-only web view of plantui.db, with datasette underneath.

``datasette_app`` builds the datasette instance: the database opened read-only, plantui's
plugin (datasette_plugin.py: the passages search box finds what ``plantui search`` finds) and
metadata that hides the index's inner tables and offers facets on plans and targets (region,
year, kind, 属性). datasette is imported only here, when the command runs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# the FTS tables' own storage: nothing a reader browses
_INNER = ("_data", "_idx", "_config", "_docsize", "_content")


def metadata(path: Path) -> dict[str, Any]:
    """datasette metadata for the plantui database at ``path``."""
    hidden = {"meta", "_sqlite_migrations", "sqlite_sequence", "passages_fts", "passages_words"}
    hidden |= {f"{t}{suffix}" for t in ("passages_fts", "passages_words") for suffix in _INNER}
    tables: dict[str, Any] = {name: {"hidden": True} for name in sorted(hidden)}
    tables |= {
        "passages": {
            "description": "Paragraphs and headings. The search box finds every passage that "
            "contains the words exactly as written (several words: all of them), as plantui search does.",
            "fts_table": "passages_fts",
            "fts_pk": "id",
            "facets": ["role"],
        },
        "plans": {
            "description": "One row per plan, with the year it was issued.",
            "facets": ["region", "year", "kind"],
            "label_column": "title",
        },
        "plan_targets": {
            "description": "Quantified targets with their plan's region and kind.",
            "facets": ["region", "year", "kind", "属性", "unit"],
        },
        "documents": {"facets": ["region", "kind"], "label_column": "title"},
        "targets": {"facets": ["year", "attribute", "unit"]},
        "nodes": {"facets": ["kind"], "label_column": "title"},
    }
    return {
        "title": "plantui",
        "description": "Plans imported with plantui, read-only. Browse plans and plan_targets with "
        "facets; search passages.",
        "databases": {path.stem: {"tables": tables}},
    }


def datasette_app(path: Path) -> Any:
    """The Datasette instance serving ``path`` read-only with plantui's plugin and metadata."""
    from datasette.app import Datasette

    from plantui import db

    db.connect(path, create=False).close()  # migrated if it is older (the views come with 0003)
    register_plugin()
    # on read-only media SQLite cannot make the WAL's -shm beside the file: open it immutable there
    writable = os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)
    return Datasette(
        files=[str(path)] if writable else [],
        immutables=[] if writable else [str(path)],
        metadata=metadata(path),
        settings={"default_page_size": 50, "suggest_facets": False, "allow_download": False},
    )


def register_plugin() -> None:
    """Load plantui's datasette plugin, unless datasette found it already (its entry point)."""
    from datasette.plugins import pm

    from plantui import datasette_plugin

    if not pm.is_registered(datasette_plugin) and pm.get_plugin("plantui") is None:
        pm.register(datasette_plugin, name="plantui")


def serve_app(app: Any, host: str, port: int) -> None:
    """Serve a ``datasette_app`` until interrupted."""
    import uvicorn

    uvicorn.run(app.app(), host=host, port=port, log_level="warning")
