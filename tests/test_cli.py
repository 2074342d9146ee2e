"""The command line through Typer's CliRunner: exit codes, output, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantui import __version__
from plantui.cli import app
from support import SEEDS

runner = CliRunner()


def _run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_version() -> None:
    result = _run("--version")
    assert result.exit_code == 0 and result.output.strip() == f"plantui {__version__}"


def test_help_lists_commands_with_examples() -> None:
    result = _run("--help")
    assert result.exit_code == 0
    for command in ("import", "list", "export", "search"):
        assert command in result.output
        sub = _run(command, "--help")
        assert sub.exit_code == 0 and "Examples" in sub.output


def test_import_list_search_export(tmp_path: Path) -> None:
    database = str(tmp_path / "p.db")
    result = _run("--db", database, "import", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "新增" in result.output
    listed = json.loads(_run("--db", database, "list", "--json").output)
    assert len(listed) == 5 and listed[0]["title"] == "河北省数字经济发展规划（2020-2025年）"
    found = _run("--db", database, "search", "区块链", "--json")
    answer = json.loads(found.output)
    assert answer["query"] == "区块链" and answer["count"] == len(answer["hits"]) > 0
    out = tmp_path / "out"
    exported = _run("--db", database, "export", "--all", "-o", str(out))
    assert exported.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".md" for p in SEEDS.glob("*.txt"))
    again = _run("--db", database, "export", "--all", "-o", str(out))
    assert again.exit_code == 1 and "--force" in again.output
    assert _run("--db", database, "export", "--all", "-o", str(out), "--force").exit_code == 0


def test_search_from_stdin_gives_json_lines_in_order(tmp_path: Path) -> None:
    database = str(tmp_path / "p.db")
    _run("--db", database, "import", str(SEEDS))
    result = _run("--db", database, "search", "--json", "--from-file", "-", input='云\n\n区块链\n"AND(\n')
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["query"] for line in lines] == ["云", "区块链", '"AND(']
    assert lines[2]["count"] == 0


def test_failed_file_gives_exit_status_1_and_others_go_in(tmp_path: Path) -> None:
    database = str(tmp_path / "p.db")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    result = _run("--db", database, "import", str(bad), str(SEEDS / "003_5387c9ddaeb48eb7.txt"))
    assert result.exit_code == 1
    assert "bad.txt: not a text file" in result.output
    assert len(json.loads(_run("--db", database, "list", "--json").output)) == 1


def test_unknown_document_is_one_line_error(tmp_path: Path) -> None:
    database = str(tmp_path / "p.db")
    _run("--db", database, "import", str(SEEDS))
    result = _run("--db", database, "export", "上海")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "plantui: no document matches '上海'; `plantui list` shows them"
    ]


def test_missing_database_is_one_line_error(tmp_path: Path) -> None:
    result = _run("--db", str(tmp_path / "none.db"), "search", "云")
    assert result.exit_code == 1 and "no database" in result.output


def test_bad_usage_is_exit_status_2() -> None:
    assert _run("export").exit_code == 2
    assert _run("search").exit_code == 2


@pytest.fixture
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_db_from_environment(_isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANTUI_DB", str(_isolated / "env.db"))
    assert _run("import", str(SEEDS / "003_5387c9ddaeb48eb7.txt")).exit_code == 0
    assert (_isolated / "env.db").exists() and not (_isolated / "plantui.db").exists()


def test_targets_formats_and_comparison(tmp_path: Path) -> None:
    database = str(tmp_path / "p.db")
    _run("--db", database, "import", str(SEEDS))
    rows = json.loads(
        _run("--db", database, "targets", "--doc", "河北", "--year", "2022", "--format", "json").output
    )
    assert {(r["indicator"], r["value"]) for r in rows} >= {("5G基站数量", 70000), ("两化融合指数", 88)}
    assert {r["year"] for r in rows} == {2022}
    csv_out = _run("--db", database, "targets", "--keyword", "5G", "--format", "csv").output
    assert csv_out.splitlines()[0].startswith("document,title,source,region,year,indicator")
    assert "5G基站数量" in csv_out
    compared = json.loads(
        _run("--db", database, "targets", "--compare", "两化融合指数", "--format", "json").output
    )
    assert {r["document"] for r in compared} == {1, 3, 5}
    table = _run("--db", database, "targets", "--compare", "两化融合指数").output
    assert "两化融合指数" in table and "2025年 94" in table
    md = _run("--db", database, "targets", "--format", "md").output
    assert md.startswith("| 规划 | 年份 | 指标 |")


def test_targets_csv_keeps_comparators_and_defuses_formulas() -> None:
    from plantui.export import _csv_cell

    assert _csv_cell("=") == "=" and _csv_cell(">=") == ">="
    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _csv_cell("@SUM") == "'@SUM"
