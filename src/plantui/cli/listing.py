"""``plantui list``: the plans in the database, one per row (piped: one per line, uncut)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plantui.cli.common import connect, period, stdout, structure, terminal, write_records

PIPED_HEADER = [
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
]


def list_documents(db_path: Path, *, as_json: bool) -> None:
    """Print the documents: JSON, a grid that fits the terminal, or tab-separated records."""
    from plantui import db
    from plantui.textsafe import json_text

    conn = connect(db_path)
    rows = db.list_documents(conn)
    if as_json:
        shown = db.plan_names(conn, distinct=False)  # the same name whatever else is listed
        print(json_text([_row_json(r, shown.get(r.id, r.title)) for r in rows], indent=2))
        return
    if not rows:
        stdout().print("The database holds no documents yet: `plantui import PATH…` adds some.")
        return
    names = db.plan_names(conn)
    console = terminal()
    if console is None:
        write_records(
            PIPED_HEADER,
            [
                [
                    str(r.id),
                    names.get(r.id, r.title),
                    r.issuer or "",
                    r.doc_number or "",
                    r.issued or "",
                    r.kind or "",
                    r.region or "",
                    period(r.period),
                    structure(r.counts),
                    str(r.counts.get("targets", 0)),
                    " ".join(r.sources),
                ]
                for r in rows
            ],
        )
        return
    from plantui.cli.layout import Column, grid

    wide = console.width >= 120
    # at 80 columns: the title first, then who issued it, its number and date; wider: the rest
    headers = ["id", "标题", "发文机关", "文号", "日期"]
    columns = [Column(align="right"), Column(flex=3, min=12), Column(flex=1, min=6, max=16)]
    columns += [Column(max=20), Column()]
    if wide:
        headers += ["类型", "地区", "规划期", "目标"]
        columns += [Column(max=6), Column(max=10), Column(), Column(align="right")]
    grid_rows = [
        [str(r.id), names.get(r.id, r.title), r.issuer or "", r.doc_number or "", r.issued or ""]
        + ([r.kind or "", r.region or "", period(r.period), str(r.counts.get("targets", 0))] if wide else [])
        for r in rows
    ]
    grid(console, headers, grid_rows, columns)


def _row_json(r: Any, name: str) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "title_from": r.title_from,
        "name": name,  # as plantui shows it: 〔无标题〕 and first words where title_from is file
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
