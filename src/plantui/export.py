"""Document → Markdown or JSON. Pure: the caller writes the files.

The Markdown reads well on its own and imports back to the same outline and metadata:
YAML front matter holds the metadata, the title is the one ``#`` heading, a node at depth
d is a heading of level d + 1 (bold text below level 6), a 专栏 is a blockquote whose
first line is its heading, a lead paragraph keeps its lead-in in bold, and the targets
table sits between markers that the importer skips.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from plantui import __version__
from plantui.blocks import page_of
from plantui.compare import Group, PlanTarget
from plantui.headings import classify
from plantui.models import Document, Node, Paragraph, Target
from plantui.read.markdown import TARGETS_END, TARGETS_MARK
from plantui.textsafe import json_text, printable

COMPARATOR_WORDS = {"=": "达到", ">": "超过", ">=": "不低于", "<=": "不高于", "<": "低于", "~": "约"}
# Markdown would read these at the start of a paragraph as syntax.
_LEADING_SYNTAX = re.compile(r"^[#>|+\-=`~]")
_ORDERED_LIST = re.compile(r"^(\d+)([.)])(\s)")
# cells of a table row that a PDF or Word extraction spaced into columns
_COLUMN_GAP = re.compile(r"\S {3,}\S")


def to_markdown(doc: Document, *, source: str = "", sha256: str = "") -> str:
    """The whole document as Markdown with front matter."""
    out: list[str] = [_front_matter(doc, source, sha256), f"# {_inline(doc.title)}", ""]
    for para in doc.preamble:
        out += [_lines(para, ""), ""]
    for node in doc.outline:
        _node(node, 1, 0, out)
    if doc.targets:
        table = targets_table(doc.targets, doc.page_starts)
        out += [TARGETS_MARK, "", "## 量化目标", "", *table, "", TARGETS_END, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _front_matter(doc: Document, source: str, sha256: str) -> str:
    """YAML front matter, one key per line; strings are JSON-quoted, which YAML reads as-is."""
    fields: list[tuple[str, Any]] = [
        ("title", doc.title),
        ("issuer", doc.issuer),
        ("doc_number", doc.doc_number),
        ("issued", doc.issued),
        ("published", doc.published),
        ("period", list(doc.period) if doc.period else None),
        ("region", doc.region),
        ("kind", doc.kind),
        ("source", source or None),
        ("sha256", sha256 or None),
        ("exported_by", f"plantui {__version__}"),
    ]
    lines = ["---"]
    for key, value in fields:
        lines.append(f"{key}: {json_text(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _node(node: Node, depth: int, quote: int, out: list[str]) -> None:
    if node.kind == "lead":
        _lead(node, quote, out)
        for child in node.children:
            _node(child, depth + 1, quote, out)
        return
    if node.kind == "column" and quote == 0:
        quote = 1
        if out and out[-1] != "":
            out.append("")
    prefix = "> " * quote
    heading = _heading_text(node)
    paragraphs = list(node.paragraphs)
    if node.kind == "article" and not node.title and paragraphs and paragraphs[0].line == node.line:
        # 第六十九条　本法自公布之日起施行。…: the article's text stays on its heading's line, as in
        # the source (on a line of its own, a short first sentence would read as a lead-in)
        heading += "\u3000" + _inline(paragraphs.pop(0).text)
    level = depth + 1
    if level <= 6:
        out += [f"{prefix}{'#' * level} {heading}", prefix.rstrip()]
    else:
        out += [f"{prefix}**{heading}**", prefix.rstrip()]
    for para in paragraphs:
        out += [_lines(para, prefix), prefix.rstrip()]
    for child in node.children:
        _node(child, depth + 1, quote, out)
    if node.kind == "column" and quote == 1 and out and out[-1] == ">":
        out[-1] = ""


def _lead(node: Node, quote: int, out: list[str]) -> None:
    prefix = "> " * quote
    paragraphs = list(node.paragraphs)
    if paragraphs:
        first = paragraphs[0].text
        if first.startswith(node.title) and first[len(node.title) : len(node.title) + 1] == "。":
            cut = len(node.title) + 1
            out += [f"{prefix}**{_inline(first[:cut])}**{_inline(first[cut:])}", prefix.rstrip()]
        else:
            out += [_lines(paragraphs[0], prefix), prefix.rstrip()]
    for para in paragraphs[1:]:
        out += [_lines(para, prefix), prefix.rstrip()]


def _heading_text(node: Node) -> str:
    """The heading as written in the source (its own label forms), without a closing 。."""
    if node.heading is not None:
        text = node.heading.text.rstrip("。．. \u3000")
        found = classify(text)
        if found is not None and found.kind == node.kind and found.title == node.title:
            return _inline(text)
    return _inline(node.display_title)


def _lines(para: Paragraph, prefix: str) -> str:
    """A paragraph for Markdown: one line, or, for a table flattened to text (a row's cells
    spaced into columns, rows joined into one paragraph), one line per source line, so the rows
    import back as rows and their figures as the same targets (on one line, rows run together).
    Prose keeps one line: wrapped as the source was in some places only, it would be joined
    differently on import."""
    text = para.text
    if para.row and " | " not in text:
        # a row of one cell (一、南昌市（8个）): a one-column table, else it imports as a heading
        cell = _inline(text).replace("|", "\\|")
        return f"{prefix}| {cell} |\n{prefix}|---|"
    if not para.breaks or not _COLUMN_GAP.search(text):
        return prefix + _paragraph(text)
    cuts = [0, *(offset for offset, _ in para.breaks), len(text)]
    pieces = [text[a:b].strip(" ") for a, b in itertools.pairwise(cuts)]
    return "\n".join(prefix + _paragraph(piece) for piece in pieces if piece)


def _paragraph(text: str) -> str:
    text = _inline(text)
    if _LEADING_SYNTAX.match(text):
        return "\\" + text
    return _ORDERED_LIST.sub(r"\1\\\2\3", text)


def _inline(text: str) -> str:
    """Escape what Markdown would read as emphasis, and make control characters visible
    (an escape sequence in a .md file would act on the terminal of whoever prints it)."""
    text = printable(text)
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")


def targets_table(targets: Sequence[Target], page_starts: tuple[int, ...] = ()) -> list[str]:
    """Targets as a Markdown table: year, indicator, comparator, value, unit, source line (and
    page, for a PDF: ``21 p.5``)."""
    rows = ["| 年份 | 指标 | 比较 | 目标值 | 单位 | 基期 | 属性 | 行 |", "|---|---|---|---|---|---|---|---|"]
    for t in targets:
        rows.append(
            "| "
            + " | ".join(
                _cell(c)
                for c in (
                    str(t.year or ""),
                    t.indicator,
                    COMPARATOR_WORDS.get(t.comparator, t.comparator) + ("（力争）" if t.aspirational else ""),
                    format_value(t),
                    t.unit,
                    str(t.baseline_year or ""),
                    t.attribute or "",
                    line_and_page(t.line, page_of(page_starts, t.line) if page_starts else None),
                )
            )
            + " |"
        )
    return rows


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")


def format_value(t: Target) -> str:
    """A target's value as people write it: 70000, 3e+11 → 3000亿, 3–5."""
    text = format_number(t.value)
    if t.value_max is not None:
        text += "–" + format_number(t.value_max)
    return text


def format_number(value: float) -> str:
    """Compact Chinese form for large numbers: 300000000000 → 3000亿, 70000 → 7万."""
    if value >= 1e8 and value % 1e6 == 0:
        return _trim(value / 1e8) + "亿"
    if value >= 1e4 and value % 100 == 0:
        return _trim(value / 1e4) + "万"
    return _trim(value)


def _trim(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- JSON


def to_json(
    doc: Document,
    *,
    document_id: int,
    source: str,
    sha256: str,
    sources: Sequence[str] = (),
    name: str = "",
) -> dict[str, Any]:
    """The document in the JSON shape of interfaces.md (plus preamble, sources, and ``name``: the
    plan as plantui shows it, 〔无标题〕 and first words where it states no title)."""
    return {
        "id": document_id,
        "source": source,
        "sources": list(sources) or [source],
        "sha256": sha256,
        "title": doc.title,
        "title_from": doc.title_from,
        "name": name or doc.title,
        "issuer": doc.issuer,
        "doc_number": doc.doc_number,
        "issued": doc.issued,
        "published": doc.published,
        "period": list(doc.period) if doc.period else None,
        "region": doc.region,
        "kind": doc.kind,
        "preamble": "\n".join(p.text for p in doc.preamble),
        "outline": [_node_json(n, doc.page_starts) for n in doc.outline],
        "targets": [_with_page(target_json(t), t.line, doc.page_starts) for t in doc.targets],
    }


def _node_json(node: Node, pages: tuple[int, ...] = ()) -> dict[str, Any]:
    """A node with its text as written: the heading (label and title) and its own body."""
    heading = node.heading.text if node.heading is not None else ""
    return _with_page(
        {
            "kind": node.kind,
            "label": node.label,
            "number": node.number,
            "title": node.title,
            "heading": heading,
            "line": node.line,
            "line_end": node.line_end,
            "text": "\n".join(t for t in (heading, node.text) if t),
            "children": [_node_json(c, pages) for c in node.children],
        },
        node.line,
        pages,
    )


def _with_page(record: dict[str, Any], line: int, pages: tuple[int, ...]) -> dict[str, Any]:
    """A PDF's nodes and targets carry their 1-based page."""
    if pages:
        record["page"] = page_of(pages, line)
    return record


def target_json(t: Target) -> dict[str, Any]:
    return {
        "year": t.year,
        "indicator": t.indicator,
        "value": _number(t.value),
        "value_max": _number(t.value_max) if t.value_max is not None else None,
        "unit": t.unit,
        "comparator": t.comparator,
        "aspirational": t.aspirational,
        "baseline_year": t.baseline_year,
        "baseline_value": _number(t.baseline_value) if t.baseline_value is not None else None,
        "attribute": t.attribute,
        "text": t.text,
        "line": t.line,
        "path": list(t.path),
    }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def export_envelope(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {"plantui_version": __version__, "documents": documents}


NAME_BYTES = 255  # the longest file name common file systems take, counted in bytes (UTF-8)


def safe_filename(stem: str, suffix: str, *, tag: str = "") -> str:
    """A file name from a source stem or title: no path separators or reserved characters, at most
    NAME_BYTES bytes with ``tag`` (``-7``) and ``suffix``, cut at a character boundary."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]', "_", stem).strip(" .") or "document"
    room = NAME_BYTES - len((tag + suffix).encode("utf-8"))
    cut = cleaned.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .")
    return cut + tag + suffix


def file_names(stems: Sequence[tuple[int, str]], suffix: str) -> dict[int, str]:
    """A distinct file name for each (document id, stem), stable from run to run: ``plan.md`` for
    the first document with a stem; the others with that stem (or whose cut name another took)
    get their id, ``plan-7.md``. Names differing only in case count as the same (macOS, Windows)."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for document_id, stem in stems:
        name = safe_filename(stem, suffix)
        if name.casefold() not in taken:
            names[document_id] = name
            taken.add(name.casefold())
    for document_id, stem in stems:
        if document_id in names:
            continue
        tag, extra = f"-{document_id}", 1
        name = safe_filename(stem, suffix, tag=tag)
        while name.casefold() in taken:
            extra += 1
            name = safe_filename(stem, suffix, tag=f"{tag}-{extra}")
        names[document_id] = name
        taken.add(name.casefold())
    return names


# ---------------------------------------------------------------- target listings

TARGET_COLUMNS = (
    "document",
    "title",
    "source",
    "region",
    "year",
    "indicator",
    "comparator",
    "comparator_code",
    "value",
    "value_max",
    "unit",
    "aspirational",
    "baseline_year",
    "baseline_value",
    "attribute",
    "line",
    "page",
    "path",
    "text",
    "name",
)


COMPARE_COLUMNS = (
    "group",
    "document",
    "title",
    "year",
    "indicator",
    "comparator",
    "comparator_code",
    "value",
    "value_max",
    "unit",
    "line",
    "page",
    "name",
)


def target_record(row: PlanTarget, names: Mapping[int, str] | None = None) -> dict[str, Any]:
    """A target with its plan, flat, in the JSON shape of interfaces.md plus the plan's fields;
    ``name`` is the plan as plantui shows it (db.plan_names: 〔无标题〕 and first words for a plan
    that states no title, where ``title`` holds its file's stem)."""
    return {
        "document": row.document_id,
        "title": row.title,
        "source": row.source,
        "region": row.region,
        **target_json(row.target),
        "page": row.page,  # a PDF's page, else null
        "name": (names or {}).get(row.document_id, row.title),
    }


# CSV is read by people in a spreadsheet: the table's words, a plain code beside them for scripts
COMPARATOR_CODES = {"=": "eq", ">": "gt", ">=": "ge", "<=": "le", "<": "lt", "~": "about"}


def targets_csv(rows: Sequence[PlanTarget], names: Mapping[int, str] | None = None) -> str:
    records = [_spreadsheet(target_record(row, names)) for row in rows]
    for record in records:
        record["path"] = " › ".join(record["path"])
    return _csv(TARGET_COLUMNS, records)


def compare_csv(groups: Sequence[Group], names: Mapping[int, str] | None = None) -> str:
    return _csv(COMPARE_COLUMNS, [_spreadsheet(r) for r in compare_records(groups, names)])


def _spreadsheet(record: dict[str, Any]) -> dict[str, Any]:
    """A record for CSV: the comparator in words (达到, 超过) with its code (eq, gt), and
    booleans as TRUE/FALSE, which spreadsheets read as booleans."""
    symbol = record["comparator"]
    record["comparator"] = COMPARATOR_WORDS.get(symbol, symbol)
    record["comparator_code"] = COMPARATOR_CODES.get(symbol, symbol)
    for key, value in record.items():
        if isinstance(value, bool):
            record[key] = "TRUE" if value else "FALSE"
    return record


def _csv(columns: Sequence[str], records: Sequence[dict[str, Any]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_csv_cell(record[c]) for c in columns])
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and value not in COMPARATOR_WORDS:
        return "'" + value  # a spreadsheet must not run a cell as a formula (a comparator like = is data)
    return value


def targets_markdown(rows: Sequence[PlanTarget]) -> str:
    lines = [
        "| 规划 | 年份 | 指标 | 比较 | 目标值 | 单位 | 基期 | 属性 | 行 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        t = row.target
        lines.append(
            "| "
            + " | ".join(
                _cell(c)
                for c in (
                    row.title,
                    str(t.year or ""),
                    t.indicator,
                    comparator_word(t),
                    format_value(t),
                    t.unit,
                    _baseline(t),
                    t.attribute or "",
                    line_and_page(t.line, row.page),
                )
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def line_and_page(line: int, page: int | None) -> str:
    """A source line, and its page when the plan is a PDF: ``43 p.3``."""
    return f"{line}" if page is None else f"{line} p.{page}"


def comparator_word(t: Target) -> str:
    return ("力争" if t.aspirational else "") + COMPARATOR_WORDS.get(t.comparator, t.comparator)


def _baseline(t: Target) -> str:
    if t.baseline_year is None:
        return ""
    if t.baseline_value is None:
        return f"较{t.baseline_year}年"
    return f"{t.baseline_year}年 {format_number(t.baseline_value)}"


def value_with_unit(t: Target) -> str:
    """``7万个``, ``3000亿元``, ``3–5个``, ``≥80%``, ``前10名``."""
    if t.unit in ("名", "位") and t.comparator == "<=":
        return "前" + format_value(t) + t.unit
    prefix = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "约"}.get(t.comparator, "")
    return prefix + format_value(t) + t.unit


def compare_records(groups: Sequence[Group], names: Mapping[int, str] | None = None) -> list[dict[str, Any]]:
    out = []
    for group in groups:
        for members in group.by_plan.values():
            for member in members:
                out.append({"group": group.label, "key": group.key, **target_record(member, names)})
    return out


def compare_markdown(groups: Sequence[Group], plans: Sequence[PlanTarget]) -> str:
    header = ["指标"] + [p.title for p in plans]
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    for group in groups:
        cells = [group.label]
        for plan in plans:
            members = group.by_plan.get(plan.document_id, [])
            cells.append(
                "<br>".join(f"{m.target.year or '?'}年 {value_with_unit(m.target)}" for m in members)
            )
        lines.append("| " + " | ".join(_cell(c) if "<br>" not in c else c for c in cells) + " |")
    return "\n".join(lines) + "\n"
