"""The CLI on real Word, PDF and web-page plans (tests/fixtures/formats): pages shown wherever
lines are, on a terminal and piped; Markdown exports that import back to the same outline."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantui.cli import app
from support import FIXTURES

runner = CliRunner()
FORMATS = FIXTURES / "formats"
PDF = FORMATS / "pdf_beijing_gov_work_report_2024.pdf"
DOCX = FORMATS / "docx_emergency_system_plan_2021.docx"
HTML = FORMATS / "html_lishui_veterans_placement_notice_2023.html"
PIPED = {"TTY_COMPATIBLE": "0", "COLUMNS": "80"}
TERMINAL = {"TTY_COMPATIBLE": "1", "COLUMNS": "80", "NO_COLOR": "1"}
WIDE = {"TTY_COMPATIBLE": "1", "COLUMNS": "160", "NO_COLOR": "1"}
PAGE = re.compile(r"^\d+ p\.\d+$")


def _run(env: dict[str, str], *args: str):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def formats_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    database = str(tmp_path_factory.mktemp("formats") / "f.db")
    done = _run(PIPED, "--db", database, "import", str(PDF), str(DOCX), str(HTML))
    assert done.exit_code == 0, done.output
    return database


def _pdf_id(database: str) -> str:
    listed = json.loads(_run(PIPED, "--db", database, "list", "--json").stdout)
    return str(next(d["id"] for d in listed if d["sources"][0].endswith(".pdf")))


def test_pdf_targets_give_their_page_in_json_and_csv(formats_db: str) -> None:
    doc = _pdf_id(formats_db)
    records = json.loads(_run(PIPED, "--db", formats_db, "targets", "--doc", doc, "--format", "json").stdout)
    assert len(records) > 10 and all(isinstance(r["page"], int) and r["page"] >= 1 for r in records)
    table = _run(PIPED, "--db", formats_db, "targets", "--doc", doc).stdout.splitlines()
    piped_pages = [int(line.split("\t")[7].split(" p.")[1]) for line in table[1:]]
    assert piped_pages == [r["page"] for r in records]  # the same page in every form
    rows = list(
        csv.DictReader(
            io.StringIO(_run(PIPED, "--db", formats_db, "targets", "--doc", doc, "--format", "csv").stdout)
        )
    )
    assert [int(r["page"]) for r in rows] == piped_pages


def test_targets_of_a_word_plan_have_no_page(formats_db: str) -> None:
    records = json.loads(
        _run(PIPED, "--db", formats_db, "targets", "--doc", "应急", "--format", "json").stdout
    )
    assert records and all(r.get("page") is None for r in records)
    rows = list(
        csv.DictReader(
            io.StringIO(_run(PIPED, "--db", formats_db, "targets", "--doc", "应急", "--format", "csv").stdout)
        )
    )
    assert rows and all(r["page"] == "" for r in rows)


def test_pdf_targets_in_markdown_and_comparison_give_their_page(formats_db: str) -> None:
    doc = _pdf_id(formats_db)
    markdown = _run(PIPED, "--db", formats_db, "targets", "--doc", doc, "--format", "md").stdout.splitlines()
    lines = [row.strip("|").split(" | ")[-1].strip() for row in markdown[2:]]
    assert lines and all(PAGE.match(cell) for cell in lines), lines[:3]
    compared = _run(PIPED, "--db", formats_db, "targets", "--compare", "增长").stdout.splitlines()
    assert compared[0].split("\t")[-1] == "line"
    assert len(compared) > 2 and all(PAGE.match(line.split("\t")[-1]) for line in compared[1:])


@pytest.mark.parametrize("env", [TERMINAL, WIDE], ids=["80", "160"])
def test_pdf_targets_on_a_terminal_give_their_page(formats_db: str, env: dict[str, str]) -> None:
    shown = _run(env, "--db", formats_db, "targets", "--doc", _pdf_id(formats_db))
    rows = [line for line in shown.stdout.splitlines() if line[:4].strip().isdigit()]
    assert rows and all(re.search(r"\d+ p\.\d+$", line) for line in rows), rows[:3]


def test_pdf_export_gives_the_targets_their_page(formats_db: str) -> None:
    markdown = _run(PIPED, "--db", formats_db, "export", _pdf_id(formats_db)).stdout
    table = markdown[markdown.index("## 量化目标") :].splitlines()[4:]
    cells = [row.strip("|").split(" | ")[-1].strip() for row in table if row.startswith("|")]
    assert cells and all(PAGE.match(cell) for cell in cells), cells[:3]


def _outline_keys(nodes: list[dict], parent: tuple | None = None) -> list[tuple]:
    """score.py's outline keys: (kind, label, title, parent's key), depth first."""
    keys: list[tuple] = []
    for node in nodes:
        key = (node["kind"], _norm(node.get("label") or ""), _norm(node.get("title") or ""), parent)
        keys.append(key)
        keys += _outline_keys(node.get("children", []), key)
    return keys


def _norm(text: str) -> str:
    return re.sub(
        r"^[\s\u3000。．.：:；;，,]+|[\s\u3000。．.：:；;，,]+$", "", re.sub(r"[\s\u3000]+", "", text)
    )


def _target_keys(document: dict) -> list[tuple]:
    return sorted(
        (t["year"] or 0, t["indicator"], t["value"], t["value_max"] or 0, t["unit"], t["comparator"])
        for t in document["targets"]
    )


METADATA = ("title", "issuer", "doc_number", "issued", "published", "period", "region", "kind")


@pytest.mark.parametrize(
    "name",
    [
        "docx_emergency_system_plan_2021.docx",
        "pdf_beijing_gov_work_report_2024.pdf",
        "html_sxmu_supervision_law_2018.html",
    ],
)
def test_markdown_export_of_a_real_file_imports_back_to_the_same_plan(name: str, tmp_path: Path) -> None:
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert _run(PIPED, "--db", first, "import", str(FORMATS / name)).exit_code == 0
    markdown = tmp_path / (Path(name).stem + ".md")
    assert _run(PIPED, "--db", first, "export", "1", "-o", str(markdown)).exit_code == 0
    done = _run(PIPED, "--db", second, "import", str(markdown))
    assert done.exit_code == 0, done.output
    [original] = json.loads(_run(PIPED, "--db", first, "export", "1", "--format", "json").stdout)["documents"]
    [again] = json.loads(_run(PIPED, "--db", second, "export", "1", "--format", "json").stdout)["documents"]
    assert {k: again.get(k) for k in METADATA} == {k: original.get(k) for k in METADATA}
    found, expected = _outline_keys(again["outline"]), _outline_keys(original["outline"])
    assert len(expected) > 10
    hits = sum((Counter(found) & Counter(expected)).values())
    assert (hits / len(found), hits / len(expected)) == (1.0, 1.0), sorted(set(found) ^ set(expected))[:6]
    assert _target_keys(again) == _target_keys(original)
