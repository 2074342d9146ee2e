"""``plantui targets``: the quantified targets of the plans, or one indicator compared across plans."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from plantui.cli.common import connect, resolve, stdout, text, write_records
from plantui.textsafe import json_text


class TargetFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"


def targets(
    db_path: Path,
    *,
    doc: list[str] | None,
    year: int | None,
    keyword: str | None,
    compare_word: str | None,
    fmt: TargetFormat,
) -> None:
    from plantui import compare, db

    conn = connect(db_path)
    documents = resolve(conn, doc) if doc else None
    rows = compare.select(
        db.plan_targets(conn, documents, year=year, keyword=keyword), year=year, keyword=keyword
    )
    if fmt in (TargetFormat.table, TargetFormat.md):  # for people: plans by name, never a file stem
        from dataclasses import replace

        names = db.plan_names(conn, {r.document_id for r in rows})
        rows = [replace(r, title=names.get(r.document_id, r.title)) for r in rows]
    if compare_word is not None:
        _print_comparison(rows, compare_word, fmt)
    else:
        _print_targets(rows, fmt)


def _print_targets(rows: list[Any], fmt: TargetFormat) -> None:
    from plantui.export import (
        comparator_word,
        format_value,
        line_and_page,
        target_record,
        targets_csv,
        targets_markdown,
    )

    if fmt is TargetFormat.json:
        print(json_text([target_record(r) for r in rows], indent=1))
    elif fmt is TargetFormat.csv:
        sys.stdout.write(targets_csv(rows))
    elif fmt is TargetFormat.md:
        sys.stdout.write(targets_markdown(rows))
    elif not rows:
        stdout().print("没有符合条件的目标。")
    elif not stdout().is_terminal:
        write_records(
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
                    line_and_page(r.target.line, r.page),
                    r.target.text,
                ]
                for r in rows
            ],
        )
    else:
        from plantui.cli.layout import Column, grid

        # the plan once, as a heading over its targets; the indicator gets the width and wraps
        titles: dict[int, str] = {}
        for index, r in enumerate(rows):
            if not index or r.document_id != rows[index - 1].document_id:
                titles[index] = r.title
        grid(
            stdout(),
            ["年份", "指标", "比较", "目标值", "单位", "行"],
            [
                [
                    str(r.target.year or ""),
                    r.target.indicator,
                    comparator_word(r.target),
                    format_value(r.target),
                    r.target.unit,
                    line_and_page(r.target.line, r.page),
                ]
                for r in rows
            ],
            [
                Column(align="right"),
                Column(flex=1, min=10, max=80, wrap=True),
                Column(max=10),
                Column(align="right", max=14),
                Column(max=8),
                Column(align="right"),
            ],
            titles=titles,
        )


def _print_comparison(rows: list[Any], word: str, fmt: TargetFormat) -> None:
    from plantui.compare import compare, plans_of
    from plantui.export import compare_csv, compare_markdown, compare_records, line_and_page, value_with_unit

    groups = compare(rows, word)
    plans = plans_of(groups, rows)
    if fmt is TargetFormat.json:
        print(json_text(compare_records(groups), indent=1))
    elif fmt is TargetFormat.csv:
        sys.stdout.write(compare_csv(groups))
    elif fmt is TargetFormat.md:
        sys.stdout.write(compare_markdown(groups, plans))
    elif not groups:
        stdout().print(text(f"没有含“{word}”的指标。"))
    elif not stdout().is_terminal:
        write_records(
            ["indicator", "document", "plan", "year", "value", "line"],
            [
                [
                    group.label,
                    str(m.document_id),
                    m.title,
                    str(m.target.year or ""),
                    value_with_unit(m.target),
                    line_and_page(m.target.line, m.page),
                ]
                for group in groups
                for members in group.by_plan.values()
                for m in members
            ],
        )
    else:
        from rich.table import Table

        table = Table(pad_edge=False, show_lines=True, title=text(f"“{word}” 各规划目标对比"))
        table.add_column("指标")
        for plan in plans:
            table.add_column(text(plan.title))
        for group in groups:
            cells = [text(group.label)]
            for plan in plans:
                members = group.by_plan.get(plan.document_id, [])
                cells.append(
                    text("\n".join(f"{m.target.year or '?'}年 {value_with_unit(m.target)}" for m in members))
                )
            table.add_row(*cells)
        stdout().print(table)
