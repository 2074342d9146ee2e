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
    years: tuple[int, int] | None,
    keyword: str | None,
    compare_word: str | None,
    fmt: TargetFormat,
) -> None:
    from plantui import compare, db

    conn = connect(db_path)
    documents = resolve(conn, doc) if doc else None
    year = years[0] if years is not None and years[0] == years[1] else None
    rows = compare.select(
        db.plan_targets(conn, documents, year=year, keyword=keyword), year=year, keyword=keyword
    )
    if years is not None and year is None:
        rows = [r for r in rows if r.target.year is not None and years[0] <= r.target.year <= years[1]]
    # for people (table, md) the names tell namesakes apart; for scripts (json, csv) each plan's
    # ``name`` stays the same whatever else is listed
    people = fmt in (TargetFormat.table, TargetFormat.md)
    names = db.plan_names(conn, {r.document_id for r in rows}, distinct=people)
    if people:  # plans by name, never a file stem
        from dataclasses import replace

        rows = [replace(r, title=names.get(r.document_id, r.title)) for r in rows]
    if compare_word is not None:
        _print_comparison(rows, compare_word, fmt, names)
    else:
        _print_targets(rows, fmt, names)


def years_of(text: str) -> tuple[int, int] | None:
    """``2025`` → (2025, 2025), ``2021-2025`` (or –, —, ~, 至) → (2021, 2025); anything else None."""
    import re

    match = re.fullmatch(r"\s*(\d{4})\s*(?:年?\s*[-–—~至到]\s*(\d{4}))?\s*年?\s*", text)
    if match is None:
        return None
    first, last = int(match[1]), int(match[2] or match[1])
    return (first, last) if first <= last else (last, first)


def _print_targets(rows: list[Any], fmt: TargetFormat, names: dict[int, str]) -> None:
    from plantui.export import (
        comparator_word,
        format_value,
        line_and_page,
        target_record,
        targets_csv,
        targets_markdown,
    )

    if fmt is TargetFormat.json:
        print(json_text([target_record(r, names) for r in rows], indent=1))
    elif fmt is TargetFormat.csv:
        sys.stdout.write(targets_csv(rows, names))
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


def _print_comparison(rows: list[Any], word: str, fmt: TargetFormat, names: dict[int, str]) -> None:
    from plantui.compare import compare, plans_of
    from plantui.export import compare_csv, compare_markdown, compare_records, line_and_page, value_with_unit

    groups = compare(rows, word)
    plans = plans_of(groups, rows)
    if fmt is TargetFormat.json:
        print(json_text(compare_records(groups, names), indent=1))
    elif fmt is TargetFormat.csv:
        sys.stdout.write(compare_csv(groups, names))
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
    elif _side_by_side_fits(groups, plans, stdout().width):
        from rich.table import Table

        table = Table(pad_edge=False, show_lines=True, title=text(f"“{word}” 各规划目标对比"))
        table.add_column("指标")
        for plan in plans:
            table.add_column(text(plan.title))
        for group in groups:
            cells = [text(group.label)]
            for plan in plans:
                cells.append(text("\n".join(_goal(m) for m in group.by_plan.get(plan.document_id, []))))
            table.add_row(*cells)
        stdout().print(table)
    else:
        _print_comparison_down(groups, plans, word)


def _goal(member: Any) -> str:
    from plantui.export import value_with_unit

    return f"{member.target.year or '?'}年 {value_with_unit(member.target)}"


# a plan's column side by side is readable from this many cells (2025年 ≥1100万人 is 16)
_PLAN_CELLS = 16


def _side_by_side_fits(groups: list[Any], plans: list[Any], width: int) -> bool:
    """Whether the indicator and every plan fit side by side, each plan's column wide enough for
    its targets and a readable part of its name; else the comparison is written down the page."""
    from plantui.linebreak import cells

    label = max(cells(g.label) for g in groups)
    needed = min(label, 24) + 3
    for plan in plans:
        goals = [_goal(m) for g in groups for m in g.by_plan.get(plan.document_id, [])]
        needed += max([_PLAN_CELLS, *(cells(v) for v in goals)]) + 3
    return needed <= width


def _print_comparison_down(groups: list[Any], plans: list[Any], word: str) -> None:
    """The comparison on a terminal too narrow for its plans side by side: each indicator as a
    heading, under it one row per plan and target (the plan's name wraps, never cut to …)."""
    from plantui.cli.layout import Column, grid
    from plantui.export import line_and_page

    order = {plan.document_id: index for index, plan in enumerate(plans)}
    rows: list[list[str]] = []
    titles: dict[int, str] = {}
    for group in groups:
        titles[len(rows)] = group.label
        for document_id in sorted(group.by_plan, key=lambda d: order.get(d, len(order))):
            for m in group.by_plan[document_id]:
                rows.append([m.title, _goal(m), line_and_page(m.target.line, m.page)])
    stdout().print(text(f"“{word}” 各规划目标对比（{len(plans)} 篇规划）"), style="bold")
    grid(
        stdout(),
        ["规划", "目标", "行"],
        rows,
        [Column(flex=1, min=12, max=80, wrap=True), Column(max=24), Column(align="right")],
        titles=titles,
    )
