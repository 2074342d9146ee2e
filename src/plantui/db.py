"""plantui.db, the SQLite store: one import for the rest of plantui.

The store is split by what it does (see plantui/store/): ``schema`` (connect, migrations),
``write`` (a parsed document in, removal, re-indexing) and ``read`` (documents, targets,
names back). This module re-exports their names so callers keep writing ``db.connect``.
"""

from __future__ import annotations

from plantui.store.halves import count_in_halves, rows_in_halves
from plantui.store.read import (
    DocumentRow,
    block_documents,
    document_sha,
    document_sources,
    document_span,
    documents_of_blocks,
    list_documents,
    load_document,
    load_targets,
    node_paths,
    plan_names,
    plan_targets,
    resolve_document,
    resolve_documents,
    target_from_row,
)
from plantui.store.schema import (
    BLOCK_BITS,
    MIGRATION_NAMES,
    MIGRATION_SET,
    DatabaseError,
    _migrations,
    connect,
    utc_now,
)
from plantui.store.write import (
    Prepared,
    delete_document,
    find_sha,
    find_source,
    fts_is_stale,
    insert_targets,
    link_source,
    rebuild_fts,
    set_title,
    write_document,
)

__all__ = [
    "BLOCK_BITS",
    "MIGRATION_NAMES",
    "MIGRATION_SET",
    "DatabaseError",
    "DocumentRow",
    "Prepared",
    "_migrations",
    "block_documents",
    "connect",
    "count_in_halves",
    "delete_document",
    "document_sha",
    "document_sources",
    "document_span",
    "documents_of_blocks",
    "find_sha",
    "find_source",
    "fts_is_stale",
    "insert_targets",
    "link_source",
    "list_documents",
    "load_document",
    "load_targets",
    "node_paths",
    "plan_names",
    "plan_targets",
    "rebuild_fts",
    "resolve_document",
    "resolve_documents",
    "rows_in_halves",
    "set_title",
    "target_from_row",
    "utc_now",
    "write_document",
]
