"""Reading plantui.db: documents listed and rebuilt, targets, breadcrumbs, names, DOC arguments."""

from __future__ import annotations

import bisect
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plantui.models import Document, Node, Paragraph, Target
from plantui.store.schema import BLOCK_BITS, DatabaseError


@dataclass(frozen=True)
class DocumentRow:
    """A document as listed: metadata, its source paths and counts."""

    id: int
    title: str
    title_from: str
    sources: tuple[str, ...]
    sha256: str
    issuer: str | None
    doc_number: str | None
    issued: str | None
    published: str | None
    period: tuple[int, int] | None
    region: str | None
    kind: str | None
    counts: dict[str, int]


def list_documents(conn: sqlite3.Connection) -> list[DocumentRow]:
    """Every document with its sources and outline counts, in import order."""
    sources: dict[int, list[str]] = {}
    for row in conn.execute("SELECT document_id, path FROM sources ORDER BY path"):
        sources.setdefault(row[0], []).append(row[1])
    counts: dict[int, dict[str, int]] = {}
    stored = conn.execute("SELECT id, outline_counts FROM documents").fetchall()
    if all(row[1] is not None for row in stored):
        counts = {row[0]: json.loads(row[1]) for row in stored}  # written at import (0005)
    else:
        for row in conn.execute("SELECT document_id, kind, count(*) FROM nodes GROUP BY document_id, kind"):
            counts.setdefault(row[0], {})[row[1]] = row[2]
        for row in conn.execute("SELECT document_id, count(*) FROM targets GROUP BY document_id"):
            counts.setdefault(row[0], {})["targets"] = row[1]
    out = []
    for row in conn.execute("SELECT * FROM documents ORDER BY id"):
        out.append(_document_row(row, sources.get(row["id"], []), counts.get(row["id"], {})))
    return out


def _document_row(row: sqlite3.Row, sources: list[str], counts: dict[str, int]) -> DocumentRow:
    period = (row["period_start"], row["period_end"]) if row["period_start"] is not None else None
    return DocumentRow(
        row["id"],
        row["title"],
        row["title_from"],
        tuple(sources),
        row["sha256"],
        row["issuer"],
        row["doc_number"],
        row["issued"],
        row["published"],
        period,
        row["region"],
        row["kind"],
        counts,
    )


def load_document(conn: sqlite3.Connection, document_id: int) -> Document:
    """Rebuild the Document (outline, preamble, targets) stored under ``document_id``."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise DatabaseError(f"no document with id {document_id}")
    heads: dict[int, Paragraph] = {}
    labels: list[Paragraph] = []
    bodies: dict[int | None, list[Paragraph]] = {}
    for p in conn.execute(
        "SELECT node_id, role, line_start, line_end, text FROM passages WHERE document_id = ? ORDER BY ord",
        (document_id,),
    ):
        para = Paragraph(p["text"], p["line_start"], p["line_end"])
        if p["role"] == "head":
            heads[p["node_id"]] = para
        elif p["role"] == "label":
            labels.append(para)
        else:
            bodies.setdefault(p["node_id"], []).append(para)
    node_rows = conn.execute(
        "SELECT * FROM nodes WHERE document_id = ? ORDER BY ord", (document_id,)
    ).fetchall()
    children: dict[int | None, list[sqlite3.Row]] = {}
    for n in node_rows:
        children.setdefault(n["parent_id"], []).append(n)

    def build(n: sqlite3.Row) -> Node:
        kids = tuple(build(c) for c in children.get(n["id"], []))
        return Node(
            n["kind"],
            n["label"],
            n["number"],
            n["title"],
            heads.get(n["id"]),
            n["line_start"],
            n["line_end"],
            tuple(bodies.get(n["id"], [])),
            kids,
        )

    period = (row["period_start"], row["period_end"]) if row["period_start"] is not None else None
    return Document(
        title=row["title"],
        title_from=row["title_from"],
        outline=tuple(build(n) for n in children.get(None, [])),
        preamble=tuple(bodies.get(None, [])),
        labels=tuple(labels),
        issuer=row["issuer"],
        doc_number=row["doc_number"],
        issued=row["issued"],
        published=row["published"],
        period=period,
        region=row["region"],
        kind=row["kind"],
        targets=tuple(load_targets(conn, document_id)),
        line_count=row["line_count"] or 0,
        page_starts=tuple(json.loads(row["page_starts"])) if row["page_starts"] else (),
    )


def load_targets(conn: sqlite3.Connection, document_id: int | None = None) -> Iterator[Target]:
    sql = "SELECT * FROM targets" + (" WHERE document_id = ?" if document_id is not None else "")
    args: tuple[int, ...] = (document_id,) if document_id is not None else ()
    for t in conn.execute(sql + " ORDER BY document_id, ord", args):
        yield target_from_row(t)


def plan_targets(
    conn: sqlite3.Connection,
    documents: Sequence[int] | None = None,
    *,
    year: int | None = None,
    keyword: str | None = None,
) -> list[Any]:
    """Every target with its plan's id, title, first source and region, in document order;
    ``year`` and ``keyword`` (in the indicator or the sentence) narrow them in SQL, so a library
    of 200,000 targets is not read whole for ``targets -k 5G``."""
    from plantui.compare import PlanTarget

    sql = (
        "SELECT t.*, d.title AS doc_title, d.region AS doc_region, d.page_starts AS doc_pages, "
        "(SELECT min(path) FROM sources s WHERE s.document_id = d.id) AS doc_source "
        "FROM targets t JOIN documents d ON d.id = t.document_id"
    )
    where: list[str] = []
    args: list[int | str] = []
    if documents is not None:
        where.append(f"t.document_id IN ({','.join('?' * len(documents))})")
        args += list(documents)
    if year is not None:
        where.append("t.year = ?")
        args.append(year)
    if keyword:
        where.append("(instr(t.indicator, ?) > 0 OR instr(t.text, ?) > 0)")
        args += [keyword, keyword]
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = conn.execute(sql + " ORDER BY t.document_id, t.ord", args).fetchall()
    from plantui.blocks import page_of

    pages: dict[str, tuple[int, ...]] = {}
    out = []
    for r in rows:
        starts = pages.setdefault(r["doc_pages"] or "", tuple(json.loads(r["doc_pages"] or "[]")))
        target = target_from_row(r)
        out.append(
            PlanTarget(
                r["document_id"],
                r["doc_title"],
                r["doc_source"] or "",
                r["doc_region"],
                target,
                page_of(starts, target.line),
            )
        )
    return out


def node_paths(conn: sqlite3.Connection, node_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Breadcrumbs (display titles from the top down) of nodes, read through their parents."""
    from plantui.models import display_title

    known: dict[int, tuple[int | None, str]] = {}
    wanted = {n for n in node_ids if n is not None}
    while wanted:
        batch = sorted(wanted)[:900]
        wanted.difference_update(batch)
        for row in conn.execute(
            f"SELECT id, parent_id, kind, label, title FROM nodes WHERE id IN ({','.join('?' * len(batch))})",
            batch,
        ):
            known[row[0]] = (row[1], display_title(row[2], row[3], row[4]))
            if row[1] is not None and row[1] not in known:
                wanted.add(row[1])
    paths: dict[int, tuple[str, ...]] = {}

    def path(node_id: int) -> tuple[str, ...]:
        if node_id not in paths:
            parent, title = known[node_id]
            paths[node_id] = (*(path(parent) if parent is not None and parent in known else ()), title)
        return paths[node_id]

    return {n: path(n) for n in node_ids if n in known}


def target_from_row(t: sqlite3.Row) -> Target:
    return Target(
        year=t["year"],
        indicator=t["indicator"],
        value=t["value"],
        unit=t["unit"],
        text=t["text"],
        line=t["line"],
        value_max=t["value_max"],
        comparator=t["comparator"],
        aspirational=bool(t["aspirational"]),
        baseline_year=t["baseline_year"],
        baseline_value=t["baseline_value"],
        attribute=t["attribute"],
        path=tuple(json.loads(t["path"])),
    )


def plan_names(
    conn: sqlite3.Connection, document_ids: Iterable[int] | None = None, *, distinct: bool = True
) -> dict[int, str]:
    """The name to show for each document (see naming.py): its title, or for a plan that states
    none, its kind and first words. Only untitled plans cost a look at their first passage.
    ``distinct``: names these documents share get a suffix that tells them apart (_distinct)."""
    from plantui.naming import plan_name

    sql = "SELECT id, title, title_from, kind, region, issued, period_start, period_end FROM documents"
    args: list[int] = []
    if document_ids is not None:
        args = sorted(set(document_ids))
        if not args:
            return {}
        sql += f" WHERE id IN ({','.join('?' * len(args))})"
    names: dict[int, str] = {}
    rows = conn.execute(sql, args).fetchall()
    for row in rows:
        opening = ""
        if row[2] == "file":
            first = conn.execute(
                "SELECT text FROM passages WHERE document_id = ? ORDER BY ord LIMIT 1", (row[0],)
            ).fetchone()
            opening = first[0] if first else ""
        names[row[0]] = plan_name(row[1], row[2], kind=row[3], opening=opening, region=row[4])
    return _distinct(conn, names, {row[0]: row for row in rows}) if distinct else names


def _distinct(conn: sqlite3.Connection, names: dict[int, str], rows: dict[int, Any]) -> dict[int, str]:
    """Names that several of these documents share get a short suffix that tells them apart:
    region and year where those differ (政府工作报告 · 广东省 2026), else the source file's stem;
    the id only where even that is shared."""
    from collections import Counter

    shared: dict[str, list[int]] = {}
    for document_id, name in names.items():
        shared.setdefault(name, []).append(document_id)
    clashing = [ids for ids in shared.values() if len(ids) > 1]
    if not clashing:
        return names
    files: dict[int, str] = {}
    every = sorted(d for ids in clashing for d in ids)
    for start in range(0, len(every), 900):
        chunk = every[start : start + 900]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT document_id, min(path) FROM sources WHERE document_id IN ({marks})"
        # (os.path: a Path object for each of thousands of namesakes cost 40 ms at 10,000 plans)
        files.update(
            (d, os.path.basename(path)) for d, path in conn.execute(sql + " GROUP BY document_id", chunk)
        )
    for ids in clashing:
        facts = {}
        for d in ids:
            row = rows[d]
            year = (row[5] or "")[:4] or (f"{row[6]}–{row[7]}" if row[6] else "")
            facts[d] = " ".join(part for part in (row[4], year) if part)
        seen = Counter(facts.values())
        stems = _stems({d: files.get(d, f"#{d}") for d in ids if not facts[d] or seen[facts[d]] > 1})
        suffix = {d: stems.get(d) or facts[d] for d in ids}
        seen = Counter(suffix.values())
        for d in ids:
            names[d] = f"{names[d]} · {suffix[d]}" + (f" #{d}" if seen[suffix[d]] > 1 else "")
    return names


def _stems(files: dict[int, str]) -> dict[int, str]:
    """What tells these file names apart, short: the stem past the part they all begin with
    (pdf_beijing_…_2024_markitdown.md, …_pdftotext.txt → markitdown, pdftotext), or the whole
    name where nothing of the stem is left."""
    import re

    stems = {d: os.path.splitext(name)[0] for d, name in files.items()}
    common = min(stems.values(), default="")
    for stem in stems.values():
        while not stem.startswith(common):
            common = common[:-1]
    if len(stems) < 2:
        cut = 0
    elif all(len(stem) == len(common) or stem[len(common)] in "_-. " for stem in stems.values()):
        cut = len(common)  # the common part ends at a separator: pdf_…_2024 | _markitdown
    else:
        cut = max((m.end() for m in re.finditer(r"[_\-. ]+", common)), default=0)
    return {d: stems[d][cut:].strip("_-. ") or files[d] for d in stems}


def document_sources(conn: sqlite3.Connection, document_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute("SELECT path FROM sources WHERE document_id = ? ORDER BY path", (document_id,))
    ]


def document_sha(conn: sqlite3.Connection, document_id: int) -> str:
    row = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
    return str(row[0]) if row else ""


def resolve_documents(conn: sqlite3.Connection, specs: Sequence[str]) -> list[int]:
    """Document ids for DOC arguments: an id, a source file name or path, or a unique part of a title."""
    ids = []
    for spec in specs:
        ids.append(resolve_document(conn, spec))
    return ids


def resolve_document(conn: sqlite3.Connection, spec: str) -> int:
    spec = spec.strip()
    if spec.isdigit():
        row = conn.execute("SELECT id FROM documents WHERE id = ?", (int(spec),)).fetchone()
        if row:
            return int(row[0])
    name = Path(spec).name
    stem = Path(spec).stem
    rows = conn.execute(
        "SELECT DISTINCT document_id FROM sources WHERE path = ? OR name = ? OR name LIKE ? ESCAPE '\\'",
        (spec, name, _like_escape(stem) + ".%"),
    ).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if not rows:
        rows = conn.execute("SELECT id FROM documents WHERE instr(title, ?) > 0", (spec,)).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if not rows:
        raise DatabaseError(f"no document matches {spec!r}; `plantui list` shows them")
    names = plan_names(conn, [r[0] for r in rows])
    candidates = [f"{i}: {names[i]}" for i in sorted(names)]
    more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
    raise DatabaseError(
        f"{spec!r} is ambiguous, it matches "
        + "; ".join(candidates[:8])
        + more
        + f"; name one by its id ({sorted(names)[0]})"
    )


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def document_span(conn: sqlite3.Connection, document_id: int) -> tuple[int, int]:
    """The first and last passage id a document may hold (its passages are one run of ids)."""
    row = conn.execute(
        "SELECT passage_first, passage_count FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None or not row[1]:
        return (0, -1)
    return (int(row[0]), int(row[0]) + int(row[1]) - 1)


def block_documents(conn: sqlite3.Connection) -> tuple[list[int], list[int]]:
    """The first block of every document's passages, ascending, and the documents in that order
    (a block, ``passage id >> BLOCK_BITS``, belongs to the last document starting at or before it)."""
    rows = conn.execute(
        f"SELECT passage_first >> {BLOCK_BITS}, id FROM documents WHERE passage_count > 0 "
        "ORDER BY passage_first"
    ).fetchall()
    return [int(r[0]) for r in rows], [int(r[1]) for r in rows]


def documents_of_blocks(conn: sqlite3.Connection, counts: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Per document, the sum of ``counts`` given per block (``passage id >> BLOCK_BITS``)."""
    starts, documents = block_documents(conn)
    out: dict[int, int] = {}
    for block, count in counts:
        index = bisect.bisect_right(starts, block) - 1
        if index >= 0:
            document_id = documents[index]
            out[document_id] = out.get(document_id, 0) + count
    return out
