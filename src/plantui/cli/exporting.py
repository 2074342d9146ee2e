"""``plantui export``: plans as Markdown (one file each) or JSON (one envelope), written only
where the content changed."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from plantui.cli.common import Failure, connect, resolve, stderr, text
from plantui.textsafe import json_text

if TYPE_CHECKING:
    import sqlite3


class ExportFormat(StrEnum):
    md = "md"
    json = "json"


def export(
    db_path: Path, docs: list[str], *, all_docs: bool, fmt: ExportFormat, output: Path | None, force: bool
) -> None:
    from plantui import db

    conn = connect(db_path)
    ids = [r.id for r in db.list_documents(conn)] if all_docs else resolve(conn, docs)
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
    names = db.plan_names(conn, ids, distinct=False)  # the same name whatever else is exported
    for document_id in ids:
        sources = db.document_sources(conn, document_id)
        documents.append(
            to_json(
                db.load_document(conn, document_id),
                document_id=document_id,
                source=sources[0] if sources else "",
                sha256=db.document_sha(conn, document_id),
                sources=sources,
                name=names.get(document_id, ""),
            )
        )
    body = json_text(export_envelope(documents), indent=1) + "\n"
    if output is None:
        sys.stdout.write(body)
        return
    if output.is_dir():
        output = output / "plantui.json"
    write_files({output: body}, force)


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
        if not output.exists() and output.suffix.lower() in (".md", ".markdown", ".json"):
            # a folder named two.md holding the plans is not what was asked for
            raise Failure(f"{len(ids)} documents are written one file each: -o names a folder, not {output}")
        names = file_names([(document_id, stem) for document_id, (stem, _) in texts.items()], ".md")
        files = {output / names[document_id]: body for document_id, (_, body) in texts.items()}
    write_files(files, force)


def write_files(files: dict[Path, str], force: bool) -> None:
    """Write every file, or none when one holds other content (without ``force``); a file that
    already holds the same content is left alone. Says what it wrote, also when a write fails."""
    changed = {path: body for path, body in files.items() if not _holds(path, body)}
    existing = [p for p in changed if p.exists() or p.is_symlink()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing[:3])
        if len(existing) > 3:
            names += f" and {len(existing) - 3} more"
        verb = "exists" if len(existing) == 1 else "exist"
        raise Failure(f"{names} already {verb} with other content; use --force to overwrite")
    written = 0
    for path, body in changed.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
        except OSError as exc:
            raise Failure(
                f"cannot write {path}: {exc.strerror or exc}; wrote {written} of {len(changed)} file(s)"
                + (f" ({len(files) - len(changed)} already up to date)" if len(changed) < len(files) else "")
            ) from None
        written += 1
    where = next(iter(files)).parent if len(files) > 1 else next(iter(files))
    same = len(files) - written
    stderr().print(
        text(f"wrote {written} file(s) to {where}" + (f", {same} unchanged (same content)" if same else ""))
    )


def _holds(path: Path, body: str) -> bool:
    """Whether ``path`` is a file holding exactly ``body`` (UTF-8)."""
    try:
        return (
            path.is_file()
            and path.stat().st_size == len(data := body.encode("utf-8"))
            and (path.read_bytes() == data)
        )
    except OSError:
        return False
