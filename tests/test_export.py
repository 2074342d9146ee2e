"""Export: Markdown that imports back to the same outline and metadata; JSON per interfaces.md."""

from __future__ import annotations

import sqlite3

import pytest

from plantui import db
from plantui.export import safe_filename, to_json, to_markdown
from plantui.parse import parse, parse_markdown, parse_text
from support import SEEDS, STYLES, metadata, outline_rows

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("name", SEED_FILES)
def test_markdown_round_trip_keeps_outline_and_metadata(name: str) -> None:
    original = parse_text((SEEDS / name).read_text(encoding="utf-8"), name)
    again = parse_markdown(to_markdown(original, source=name), name.replace(".txt", ".md"))
    assert outline_rows(again.outline) == outline_rows(original.outline)
    assert metadata(again) == metadata(original)
    assert (again.region, again.kind) == (original.region, original.kind)


@pytest.mark.parametrize(
    "name", ["chapters.txt", "opinion_appendix.txt", "regulation.txt", "notice_two_docs.txt"]
)
def test_markdown_round_trip_other_styles(name: str) -> None:
    original = parse((STYLES / name).read_text(encoding="utf-8"), name)
    again = parse_markdown(to_markdown(original), name)
    assert outline_rows(again.outline) == outline_rows(original.outline)


def test_round_trip_keeps_every_paragraph() -> None:
    name = "000_92c45eb8100875c9.txt"
    original = parse_text((SEEDS / name).read_text(encoding="utf-8"), name)
    again = parse_markdown(to_markdown(original), name)
    assert _bodies(again) == _bodies(original)


def _bodies(doc):
    return [p.text for p, _, role in doc.paragraphs() if role == "body"]


def test_column_is_a_marked_block() -> None:
    doc = parse_text((SEEDS / "000_92c45eb8100875c9.txt").read_text(encoding="utf-8"))
    markdown = to_markdown(doc)
    assert "> #### 专栏九：信息产业重点攻坚行动" in markdown
    assert "> **引进电子信息制造业企业。**深化与国内电子信息制造龙头企业的合作" in markdown
    assert markdown.startswith('---\ntitle: "河北省数字经济发展规划（2020-2025年）"\n')


def test_markdown_escapes_syntax_in_text() -> None:
    doc = parse_text("一、要求\n（一）说明。\n# 不是标题\n*星号*与_下划线_\n")
    markdown = to_markdown(doc)
    assert "\\# 不是标题" in markdown and "\\*星号\\*与\\_下划线\\_" in markdown
    again = parse_markdown(markdown)
    assert _bodies(again) == _bodies(doc)


def test_json_shape(seeded: sqlite3.Connection) -> None:
    document_id = db.resolve_document(seeded, "000_92c45eb8100875c9.txt")
    data = to_json(
        db.load_document(seeded, document_id), document_id=document_id, source="seeds/000.txt", sha256="abc"
    )
    assert {
        "id",
        "source",
        "sha256",
        "title",
        "issuer",
        "doc_number",
        "issued",
        "published",
        "period",
        "region",
        "kind",
        "outline",
        "targets",
    } <= set(data)
    part = data["outline"][0]
    assert (part["kind"], part["label"], part["number"], part["title"], part["line"], part["line_end"]) == (
        "part",
        "一",
        1,
        "发展基础和面临形势",
        17,
        30,
    )
    section = part["children"][0]
    # text is the node as written: its heading (label and title), then its own body
    assert section["heading"].startswith("（一）发展基础")
    assert section["text"].startswith(section["heading"] + "\n我省数字经济")


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("a/b:c*d?", "a_b_c_d_.md"), ("", "document.md"), ("长" * 300, "长" * 84 + ".md")],
    ids=["reserved", "empty", "long"],
)
def test_safe_filename(stem: str, expected: str) -> None:
    assert safe_filename(stem, ".md") == expected


def test_file_names_are_distinct_and_fit_in_255_bytes() -> None:
    from plantui.export import file_names

    stems = [(1, "plan-3"), (2, "plan"), (3, "plan"), (4, "x" * 300 + "1"), (5, "x" * 300 + "2")]
    stems += [(6, "Plan"), (7, "长" * 83 + "ab"), (8, "长" * 83 + "ab")]
    names = file_names(stems, ".md")
    assert len({n.casefold() for n in names.values()}) == len(stems)
    assert all(len(n.encode("utf-8")) <= 255 for n in names.values())
    assert names[1] == "plan-3.md" and names[2] == "plan.md" and names[3] == "plan-3-2.md"
    assert names[6] == "Plan-6.md" and names[7] == "长" * 83 + "ab.md" and names[8].endswith("-8.md")


def test_markdown_carries_the_targets_table_and_reimport_skips_it() -> None:
    from dataclasses import replace

    from plantui.targets import extract_targets

    name = "000_92c45eb8100875c9.txt"
    doc = parse_text((SEEDS / name).read_text(encoding="utf-8"), name)
    doc = replace(doc, targets=extract_targets(doc))
    markdown = to_markdown(doc)
    assert "## 量化目标" in markdown and "| 2022 | 5G基站数量 | 达到 | 7万 | 个 |" in markdown
    again = parse_markdown(markdown, name)
    assert outline_rows(again.outline) == outline_rows(doc.outline)
    assert not any("5G基站数量 | 达到" in p.text for p, _, _ in again.paragraphs())
    assert len(extract_targets(again)) == len(doc.targets)


def test_a_flattened_table_keeps_its_rows_and_targets_through_markdown() -> None:
    """贵州 纲要 as text from a PDF: 专栏 1's indicator table is one paragraph of rows whose cells a
    converter spaced into columns. Written as one line, the rows ran into each other and 36 of its
    85 targets were lost on re-import; one line per row, every target comes back."""
    from dataclasses import replace

    from plantui.parse import parse_source
    from plantui.read import read_file
    from plantui.targets import extract_targets
    from support import FIXTURES

    path = FIXTURES / "real" / "docs" / "gangyao_guizhou_14th_pdf.md"
    _, source = read_file(path)
    original = parse_source(source, path.name)
    original = replace(original, targets=extract_targets(original))
    markdown = to_markdown(original, source=path.name)
    assert "\n> 地区生产总值              亿元     17826.56 26000 左右 7 左右\n" in markdown
    again = parse_markdown(markdown, "gangyao_guizhou_14th_pdf.export.md")
    found = [(t.year, t.indicator, t.value, t.unit) for t in extract_targets(again)]
    assert found == [(t.year, t.indicator, t.value, t.unit) for t in original.targets]
    assert len(found) >= 85  # (91 since the text is read at its wrap width: 专栏 1's project capacities)
    assert outline_rows(again.outline) == outline_rows(original.outline)


def test_a_table_row_of_one_cell_stays_a_row_through_markdown() -> None:
    """A web page's table of projects by city: its one-cell rows (一、南昌市（8个）) are data, not
    parts. Written as plain paragraphs they imported back as 11 parts; as one-column tables they
    are rows again and the plan comes back with the same outline."""
    from plantui.parse import parse_source
    from plantui.read import read_file
    from support import FIXTURES

    path = FIXTURES / "formats" / "html_jiangxi_major_projects_notice_2020.html"
    _, source = read_file(path)
    original = parse_source(source, path.name)
    markdown = to_markdown(original, source=path.name)
    assert "\n| 一、南昌市（8个） |\n|---|\n" in markdown
    again = parse_markdown(markdown, "html_jiangxi_major_projects_notice_2020.md")
    assert outline_rows(again.outline) == outline_rows(original.outline)
    assert len(outline_rows(original.outline)) == 5
