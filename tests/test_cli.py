"""The command line through Typer's CliRunner: exit codes, output, errors."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from plantui import __version__
from plantui.cli import app
from support import SEEDS

runner = CliRunner()


TERMINAL = {"TTY_COMPATIBLE": "1", "COLUMNS": "80", "NO_COLOR": "1"}
PIPED = {"TTY_COMPATIBLE": "0", "COLUMNS": "80"}


def _run(*args: str, input: str | None = None):
    """Run as in a pipe (whatever FORCE_COLOR the environment sets)."""
    return runner.invoke(app, list(args), input=input, env=PIPED, catch_exceptions=False)


def _env(env: dict[str, str], *args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)


def _plain(output: str) -> list[str]:
    """Lines as the terminal shows them (styles removed)."""
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines()


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
    assert result.stdout.count("\tnew\t") == 5  # piped: one record per file
    listed = json.loads(_run("--db", database, "list", "--json").output)
    assert len(listed) == 5 and listed[0]["title"] == "河北省数字经济发展规划（2020-2025年）"
    found = _run("--db", database, "search", "区块链", "--json")
    answer = json.loads(found.output)
    assert answer["query"] == "区块链" and answer["count"] == len(answer["hits"]) > 0
    out = tmp_path / "out"
    exported = _run("--db", database, "export", "--all", "-o", str(out))
    assert exported.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".md" for p in SEEDS.glob("*.txt"))
    assert _run("--db", database, "export", "--all", "-o", str(out), "--force").exit_code == 0


def test_export_all_twice_leaves_identical_files_alone(tmp_path: Path) -> None:
    database = str(tmp_path / "p.db")
    _run("--db", database, "import", str(SEEDS))
    out = tmp_path / "out"
    assert _run("--db", database, "export", "--all", "-o", str(out)).exit_code == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = _run("--db", database, "export", "--all", "-o", str(out))
    assert again.exit_code == 0, again.output
    assert "wrote 0 file(s)" in again.output and "5 unchanged" in again.output
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
    edited = sorted(out.iterdir())[0]
    edited.write_text("my notes", encoding="utf-8")
    refused = _run("--db", database, "export", "--all", "-o", str(out))
    assert refused.exit_code == 1 and edited.name in refused.output and "--force" in refused.output
    assert edited.read_text(encoding="utf-8") == "my notes"
    forced = _run("--db", database, "export", "--all", "-o", str(out), "--force")
    assert forced.exit_code == 0 and "wrote 1 file(s)" in forced.output and "4 unchanged" in forced.output


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
    table = _env(TERMINAL, "--db", database, "targets", "--compare", "两化融合指数").output
    assert "两化融合指数" in table and "2025年 94" in table
    md = _run("--db", database, "targets", "--format", "md").output
    assert md.startswith("| 规划 | 年份 | 指标 |")


def test_targets_csv_keeps_comparators_and_defuses_formulas() -> None:
    from plantui.export import _csv_cell

    assert _csv_cell("=") == "=" and _csv_cell(">=") == ">="
    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _csv_cell("@SUM") == "'@SUM"


def _plan(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n一、总体要求\n（一）发展目标。到2025年，{title}达到10个。\n", encoding="utf-8")
    return path


def test_export_all_gives_every_plan_its_own_file(tmp_path: Path) -> None:
    # c/plan-3 first: b/plan.txt (id 3) used to be renamed plan-3.md over c's file
    sources = [tmp_path / "c/plan-3.txt", tmp_path / "a/plan.txt", tmp_path / "b/plan.txt"]
    long_stems = ["x" * 100 + "1", "x" * 100 + "2"]  # differ only after the 100th character
    sources += [tmp_path / f"d/{stem}.txt" for stem in long_stems]
    # 251-byte stems, the longest a .txt can have: the second needs a suffix and must be cut
    sources += [tmp_path / (folder + "规" * 83 + "ab.txt") for folder in ("e/", "f/")]
    for index, source in enumerate(sources):
        _plan(source, f"第{index}号规划")
    database = str(tmp_path / "p.db")
    assert _run("--db", database, "import", *map(str, sources)).exit_code == 0
    out = tmp_path / "out"
    result = _run("--db", database, "export", "--all", "-o", str(out))
    assert result.exit_code == 0, result.output
    written = sorted(out.iterdir())
    assert len(written) == len(sources)
    assert all(len(p.name.encode()) <= 255 for p in written)
    titles = {p.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n")[0] for p in written}
    assert titles == {f"第{index}号规划" for index in range(len(sources))}
    assert (out / "plan.md").exists() and (out / "plan-3.md").exists()


def test_several_plans_are_not_written_into_a_folder_named_like_a_file(tmp_path: Path) -> None:
    """User trial: `export 1 2 -o two.md` made a folder two.md holding two files, and said it wrote them."""
    sources = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for index, source in enumerate(sources):
        _plan(source, f"第{index}号规划")
    database = str(tmp_path / "p.db")
    assert _run("--db", database, "import", *map(str, sources)).exit_code == 0
    result = _run("--db", database, "export", "1", "2", "-o", str(tmp_path / "two.md"))
    assert result.exit_code == 1
    assert "-o names a folder" in result.output and not (tmp_path / "two.md").exists()
    assert _run("--db", database, "export", "1", "-o", str(tmp_path / "one.md")).exit_code == 0
    assert (tmp_path / "one.md").is_file()


def test_a_failed_export_says_what_it_wrote(tmp_path: Path) -> None:
    sources = [_plan(tmp_path / f"in/p{index}.txt", f"第{index}号规划") for index in range(3)]
    database = str(tmp_path / "p.db")
    _run("--db", database, "import", *map(str, sources))
    out = tmp_path / "out"
    (out / "p1.md").mkdir(parents=True)  # the second file cannot be written
    result = _run("--db", database, "export", "--all", "-o", str(out), "--force")
    assert result.exit_code == 1
    assert "wrote 1 of 3 file(s)" in result.output and "p1.md" in result.output
    assert (out / "p0.md").is_file()


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    database = str(tmp_path_factory.mktemp("cli") / "p.db")
    assert _run("--db", database, "import", str(SEEDS)).exit_code == 0
    return database


def test_raw_batch_answers_every_query_and_flags_the_invalid_one(seeds_db: str) -> None:
    queries = '数字经济\n"数字 经济"\nAND\n区块链 OR 人才\n'
    result = _run("--db", seeds_db, "search", "--raw", "--json", "--from-file", "-", input=queries)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["query"] for a in answers] == ["数字经济", '"数字 经济"', "AND", "区块链 OR 人才"]
    assert answers[0]["count"] > 0 and answers[3]["count"] > 0
    assert "error" in answers[1] and "error" in answers[2] and "error" not in answers[0]
    assert answers[1]["hits"] == [] and answers[1]["count"] == 0
    assert result.exit_code == 0  # some queries were answered with hits


def test_raw_phrase_error_is_said_in_plain_words(seeds_db: str) -> None:
    result = _run("--db", seeds_db, "search", "--raw", '"数字 经济"')
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert "detail" not in line and "fts5" not in line
    assert "phrase" in line and "without --raw" in line


def test_search_on_a_terminal_shows_the_best_hits_and_the_total(seeds_db: str) -> None:
    every = json.loads(_run("--db", seeds_db, "search", "数据", "--json").stdout)
    assert every["count"] == len(every["hits"]) > 30  # --json keeps every hit
    shown = _env(TERMINAL, "--db", seeds_db, "search", "数据")
    assert shown.exit_code == 0
    assert f"共 {every['count']} 处，显示最相关的 10 处" in shown.stdout and "--all" in shown.stdout
    assert shown.stdout.count(".txt:") == 10
    everything = _env(TERMINAL, "--db", seeds_db, "search", "数据", "--all")
    assert everything.stdout.count(".txt:") == every["count"]
    limited = json.loads(_run("--db", seeds_db, "search", "数据", "--json", "--limit", "3").stdout)
    assert len(limited["hits"]) == 3 and limited["count"] == every["count"]


def test_piped_search_gives_one_hit_per_line_never_wrapped(seeds_db: str) -> None:
    every = json.loads(_run("--db", seeds_db, "search", "区块链", "--json").stdout)
    piped = _env(PIPED, "--db", seeds_db, "search", "区块链")
    lines = piped.stdout.splitlines()
    assert len(lines) == every["count"]
    for line, hit in zip(lines, every["hits"], strict=True):
        where, _crumb, text = line.split("\t")
        assert where.startswith(Path(hit["source"]).name + f":{hit['line_start']}")
        assert "区块链" in text and not text.startswith(("。", "，"))
    assert max(len(line) for line in lines) > 80  # long passages stay on their line


def test_terminal_lines_hang_and_never_start_with_closing_punctuation(seeds_db: str) -> None:
    from plantui.linebreak import NO_START, cells

    shown = _env(TERMINAL, "--db", seeds_db, "search", "数字经济", "--limit", "20")
    lines = _plain(shown.stdout)
    assert all(cells(line) <= 80 for line in lines)

    def snippet(line: str) -> bool:
        return line.startswith("    ") and not line.startswith("     ")

    # a continuation line of a snippet follows another line of the same snippet
    follow = [b for a, b in itertools.pairwise(lines) if snippet(a) and snippet(b)]
    assert len(follow) > 5 and not any(line.strip()[0] in NO_START for line in follow)
    assert not any(line and not line.startswith(" ") for line in lines[1:])  # hanging indent


def test_search_exit_status_like_grep(seeds_db: str) -> None:
    assert _run("--db", seeds_db, "search", "").exit_code == 2
    assert _run("--db", seeds_db, "search", "   ").exit_code == 2
    assert _run("--db", seeds_db, "search", "没有这个词组合").exit_code == 1
    assert _run("--db", seeds_db, "search", "没有这个词组合", "--json").exit_code == 1
    assert _run("--db", seeds_db, "search", "区块链").exit_code == 0


def test_list_at_80_columns_is_one_row_per_plan_with_issuer_number_and_date(seeds_db: str) -> None:
    from plantui.linebreak import cells

    shown = _env(TERMINAL, "--db", seeds_db, "list")
    assert shown.exit_code == 0
    lines = _plain(shown.stdout)
    assert all(cells(line) <= 80 for line in lines)
    rows = [line for line in lines if line.strip()[:1].isdigit()]
    assert len(rows) == 5
    hebei = next(line for line in rows if "河北省数字经济" in line)
    assert "河北省人民" in hebei and "冀政字〔2020〕23号" in hebei and "2020-04-19" in hebei
    assert any("…" in line for line in rows)  # long titles are cut, not folded onto a second line
    assert "002_03b780215b09d706" not in shown.stdout and "〔无标题〕" in shown.stdout


def test_list_piped_is_one_uncut_line_per_plan(seeds_db: str) -> None:
    listed = json.loads(_run("--db", seeds_db, "list", "--json").stdout)
    piped = _env(PIPED, "--db", seeds_db, "list")
    header, *lines = piped.stdout.splitlines()
    assert header.split("\t")[:2] == ["id", "title"] and len(lines) == 5
    for line, plan in zip(lines, listed, strict=True):
        fields = line.split("\t")
        assert fields[0] == str(plan["id"]) and len(fields) == len(header.split("\t"))
        if plan["title_from"] != "file":
            assert fields[1] == plan["title"]
        else:
            assert fields[1].startswith("〔无标题〕")


def test_targets_at_80_columns_name_the_plan_once_and_keep_the_indicator_whole(seeds_db: str) -> None:
    from plantui.linebreak import cells

    records = json.loads(_run("--db", seeds_db, "targets", "--doc", "河北省数字", "--format", "json").stdout)
    shown = _env(TERMINAL, "--db", seeds_db, "targets", "--doc", "河北省数字")
    lines = _plain(shown.stdout)
    assert all(cells(line) <= 80 for line in lines)
    assert sum("河北省数字经济发展规划" in line for line in lines) == 1
    text = "".join(line.strip() for line in lines)
    assert all(r["indicator"].replace(" ", "") in text.replace(" ", "") for r in records)
    assert "…" not in "".join(lines)
    everything = _env(TERMINAL, "--db", seeds_db, "targets")
    assert sum(line.startswith("〔无标题〕") for line in _plain(everything.stdout)) == 2
    assert "002_03b780215b09d706" not in everything.stdout


def test_targets_piped_is_one_uncut_record_per_line(seeds_db: str) -> None:
    records = json.loads(_run("--db", seeds_db, "targets", "--format", "json").stdout)
    piped = _env(PIPED, "--db", seeds_db, "targets")
    header, *lines = piped.stdout.splitlines()
    assert len(lines) == len(records)
    columns = header.split("\t")
    for line, record in zip(lines, records, strict=True):
        row = dict(zip(columns, line.split("\t"), strict=True))
        assert row["indicator"] == record["indicator"] and row["line"] == str(record["line"])


def test_targets_csv_speaks_the_table_words_and_spreadsheet_booleans(seeds_db: str) -> None:
    import csv
    import io

    out = _run("--db", seeds_db, "targets", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["comparator"] for r in rows} <= {"达到", "超过", "不低于", "不高于", "低于", "约"}
    assert {r["comparator_code"] for r in rows} <= {"eq", "gt", "ge", "le", "lt", "about"}
    assert {r["aspirational"] for r in rows} <= {"TRUE", "FALSE"}
    assert "False" not in out and "True" not in out
    compared = _run("--db", seeds_db, "targets", "--compare", "两化融合指数", "--format", "csv").stdout
    assert "达到" in compared and ",=," not in compared


def test_compare_headers_name_untitled_plans_by_their_first_words(seeds_db: str) -> None:
    md = _run("--db", seeds_db, "targets", "--compare", "两化融合指数", "--format", "md").stdout
    header = md.splitlines()[0]
    assert "〔无标题〕" in header and "002\\_03b780215b09d706" not in header
    table = _env(TERMINAL, "--db", seeds_db, "targets", "--compare", "两化融合指数").stdout
    assert "〔无标题〕" in table and "002_03b780215b09d706" not in table


def test_help_speaks_words_not_python_types() -> None:
    import re

    for command in ([], ["import"], ["list"], ["export"], ["search"], ["targets"]):
        shown = _env({"COLUMNS": "160"}, *command, "--help")
        assert shown.exit_code == 0
        assert not re.search(r"<(list|int|str|path|float|bool)", shown.output, re.IGNORECASE), shown.output
    root = _env({"COLUMNS": "160"}, "--help").output
    commands = root.split("Commands:")[1]
    assert "..." not in commands and "compare one indicator" in commands
    assert "--db PATH" in root
    assert "{PATH}..." in _run("import", "--help").output
    search_help = _run("search", "--help").output
    assert "--limit N" in search_help and "--from-file FILE" in search_help and "x>=" not in search_help
    assert _run("search", "云", "--limit", "0").exit_code == 2
    assert "--year YEAR" in _run("targets", "--help").output


def test_an_ambiguous_plan_name_says_the_id_works(seeds_db: str) -> None:
    result = _run("--db", seeds_db, "export", "数字经济")
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert "ambiguous" in line and "by its id" in line and "1: 河北省数字经济发展规划" in line
    untitled = _run("--db", seeds_db, "targets", "--doc", "_")  # matches the two stand-in titles
    (line,) = untitled.output.strip().splitlines()
    assert "002_03b780215b09d706" not in line and line.count("〔无标题〕") == 2


def test_import_summary_piped_is_one_record_per_file_and_fits_a_terminal(tmp_path: Path) -> None:
    from plantui.linebreak import cells

    piped = _env(PIPED, "--db", str(tmp_path / "a.db"), "import", str(SEEDS))
    header, *lines = piped.stdout.splitlines()
    assert header.split("\t")[:3] == ["file", "title", "status"] and len(lines) == 5
    assert all(line.split("\t")[2] == "new" for line in lines)
    assert "〔无标题〕" in piped.stdout and "\t002_03b780215b09d706\t" not in piped.stdout
    shown = _env(TERMINAL, "--db", str(tmp_path / "b.db"), "import", str(SEEDS))
    rows = _plain(shown.stdout)
    assert all(cells(line) <= 80 for line in rows)
    assert sum(".txt" in line for line in rows) == 5 and sum("新增" in line for line in rows) == 5


def test_compare_piped_is_one_record_per_target(seeds_db: str) -> None:
    records = json.loads(
        _run("--db", seeds_db, "targets", "--compare", "两化融合指数", "--format", "json").stdout
    )
    piped = _env(PIPED, "--db", seeds_db, "targets", "--compare", "两化融合指数")
    header, *lines = piped.stdout.splitlines()
    assert header.startswith("indicator\tdocument\tplan") and len(lines) == len(records)
    assert "\t2025\t94\t44" in piped.stdout


REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "docs"
CONVERTED = Path(__file__).resolve().parent / "fixtures" / "converted" / "docs"


@pytest.fixture(scope="module")
def reports_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Government work reports: three titled just 政府工作报告 (国务院 2013 and 2017, 广东 2026), two
    copies of the untitled 2024 北京 report (converters' output), and eight provinces' 2026 reports."""
    folder = tmp_path_factory.mktemp("reports")
    names = ["report_state_council_2013.txt", "report_state_council_2017.txt", "report_guangdong_2026.txt"]
    names += [f"report_{p}_2026.txt" for p in ("anhui", "fujian", "gansu", "hubei", "hunan", "jiangsu")]
    names += ["report_jilin_2026.txt", "report_liaoning_2026.txt"]
    for name in names:
        (folder / name).write_bytes((REAL / name).read_bytes())
    for name in (
        "pdf_beijing_gov_work_report_2024_markitdown.md",
        "pdf_beijing_gov_work_report_2024_pdftotext.txt",
    ):
        (folder / name).write_bytes((CONVERTED / name).read_bytes())
    database = str(tmp_path_factory.mktemp("rdb") / "r.db")
    assert _run("--db", database, "import", str(folder)).exit_code == 0
    return database


def test_plans_with_the_same_name_are_told_apart_where_they_are_named(reports_db: str) -> None:
    md = _run("--db", reports_db, "targets", "--compare", "城镇新增就业", "--format", "md").stdout
    header = [cell.strip() for cell in md.splitlines()[0].strip("|").split("|")][1:]
    assert len(header) == len(set(header)) >= 11, header
    assert "政府工作报告 · 全国 2013" in header and "政府工作报告 · 全国 2017" in header
    beijing = [h for h in header if h.startswith("〔无标题〕")]
    assert sorted(beijing) == ["〔无标题〕各位代表… · markitdown", "〔无标题〕各位代表… · pdftotext"]
    assert "2026年安徽省政府工作报告" in header  # a name of its own keeps no suffix
    piped = _run("--db", reports_db, "search", "城镇新增就业").stdout
    assert "\t政府工作报告 · 全国 2013 › " in piped and "\t政府工作报告 · 全国 2017 › " in piped
    # the name as shown names the plan as a DOC
    one = _run("--db", reports_db, "search", "城镇新增就业", "--doc", "政府工作报告 · 全国 2013").stdout
    assert one and all(line.startswith("report_state_council_2013.txt:") for line in one.splitlines())


def test_a_comparison_too_wide_for_the_terminal_goes_down_the_page(reports_db: str) -> None:
    from plantui.linebreak import cells

    records = json.loads(
        _run("--db", reports_db, "targets", "--compare", "城镇新增就业", "--format", "json").stdout
    )
    shown = _env(
        {**TERMINAL, "COLUMNS": "100"}, "--db", reports_db, "targets", "--compare", "城镇新增就业"
    ).stdout
    lines = _plain(shown)
    assert all(cells(line) <= 100 for line in lines)
    assert "┃" not in shown  # not side by side, where every column was cut to …
    assert not [line for line in lines if "…" in line and "〔无标题〕" not in line]
    for r in records:  # every target, with its plan's whole name, its year and value
        year = f"{r['year']}年"
        assert any(year in line and str(r["line"]) in line for line in lines), r
    assert any("2026年湖北省政府工作报告" in line and "2026年 ≥70万人" in line for line in lines)
    few = _env(TERMINAL, "--db", reports_db, "targets", "--compare", "城镇调查失业率", "--doc", "安徽")
    assert "┃" in few.stdout or "│" in few.stdout  # one plan still fits side by side


def test_a_query_that_starts_with_a_dash_is_the_query(seeds_db: str) -> None:
    quoted = _run("--db", seeds_db, "search", "--", "-2025年")
    assert quoted.exit_code == 0 and "（2020-2025年）" in quoted.stdout
    for args in (["-2025年"], ["--limit", "20", "-2025年"], ["-2025年", "--limit", "20"]):
        result = _run("--db", seeds_db, "search", *args)
        assert result.exit_code == 0 and result.stdout == quoted.stdout, args
    as_json = json.loads(_run("--db", seeds_db, "search", "-2025年", "--json").stdout)
    assert as_json["query"] == "-2025年" and as_json["count"] >= 1
    typo = _run("--db", seeds_db, "search", "--jsn", "云")
    assert typo.exit_code == 2 and "--json" in typo.output
    assert _run("search", "-h").output.startswith("Usage: plantui search")


def test_year_ranges_and_bad_values_are_said_in_words(seeds_db: str) -> None:
    rows = json.loads(_run("--db", seeds_db, "targets", "--year", "2022-2025", "--format", "json").stdout)
    assert {r["year"] for r in rows} == {2022, 2025}  # the seeds' targets are for 2020, 2022 and 2025
    single = json.loads(_run("--db", seeds_db, "targets", "--year", "2022", "--format", "json").stdout)
    assert single == [r for r in rows if r["year"] == 2022]
    for args, said in (
        (["targets", "--year", "abc"], "give a year (2025) or a range (2021-2025)"),
        (["targets", "--format", "xml"], "'xml' is not one of"),
        (["search", "云", "--limit", "abc"], "not a whole number: 'abc'"),
    ):
        result = _run("--db", seeds_db, *args)
        assert result.exit_code == 2 and said in result.output, result.output
        assert "Input should" not in result.output and "Value error" not in result.output


def test_an_export_that_would_overwrite_says_so_in_plain_english(seeds_db: str, tmp_path: Path) -> None:
    one = tmp_path / "hebei.md"
    one.write_text("my notes\n", encoding="utf-8")
    result = _run("--db", seeds_db, "export", "1", "-o", str(one))
    assert result.exit_code == 1 and f"{one} already exists with other content" in result.output
    assert one.read_text(encoding="utf-8") == "my notes\n"
    folder = tmp_path / "out"
    assert _run("--db", seeds_db, "export", "--all", "-o", str(folder)).exit_code == 0
    for path in sorted(folder.iterdir())[:4]:
        path.write_text("changed\n", encoding="utf-8")
    again = _run("--db", seeds_db, "export", "--all", "-o", str(folder))
    assert again.exit_code == 1 and "already exist with other content" in again.output
    assert " and 1 more" in again.output and "(s)" not in again.output


def test_skipped_files_are_one_line_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "000_92c45eb8100875c9.txt").write_bytes((SEEDS / "000_92c45eb8100875c9.txt").read_bytes())
    for i in range(12):
        (folder / f"scraped_page_number_{i:02}.json").write_text("{}", encoding="utf-8")
    result = _run("--db", str(tmp_path / "p.db"), "import", str(folder))
    assert result.exit_code == 0
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("跳过")]
    assert line.startswith("跳过 12 个不支持的文件：scraped_page_number_00.json, ") and line.endswith(" …")
    assert line.count(".json") == 10


def test_a_title_for_several_files_is_a_usage_error_said_once(tmp_path: Path) -> None:
    database = tmp_path / "p.db"
    files = [str(SEEDS / "002_03b780215b09d706.txt"), str(SEEDS / "004_1232c8ae83bb4003.txt")]
    for paths in (files, [str(SEEDS)]):
        result = _run("--db", str(database), "import", *paths, "--title", "我的标题")
        assert result.exit_code == 2 and result.output.count("sets the title of one file") == 1
    assert not database.exists()  # nothing was imported
    one = _run("--db", str(database), "import", files[0], "--title", "河北省信息化意见")
    assert one.exit_code == 0 and "河北省信息化意见" in one.stdout


def test_serve_reads_a_database_on_read_only_media(seeded_path: Path) -> None:
    """plantui serve on a share nobody may write (as the reading commands are tested in
    test_robust.py): datasette opened it to write its WAL index and answered every page with
    500 "unable to open database file"; it is opened immutable there and finds what search finds."""
    import hashlib
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="plantui-ro-"))  # a folder another user can reach
    os.chmod(root, 0o755)
    media = root / "media"
    media.mkdir()
    database = media / "plans.db"
    shutil.copy(seeded_path, database)
    shutil.copy(seeded_path, root / "reference.db")
    found = json.loads(_run("--db", str(root / "reference.db"), "search", "区块链", "--json").stdout)["count"]
    os.chmod(database, 0o444)
    os.chmod(media, 0o555)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    code = (
        "import asyncio, json\n"
        "from pathlib import Path\n"
        "from plantui.serve import datasette_app\n"
        f"ds = datasette_app(Path({str(database)!r}))\n"
        "async def main():\n"
        "    r = await ds.client.get('/plans/passages.json?_search=区块链&_shape=array&_size=max')\n"
        "    print(r.status_code, len(r.json()) if r.status_code == 200 else r.text[:200])\n"
        "asyncio.run(main())\n"
    )
    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:  # root ignores modes: read as nobody
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    try:
        served = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")
        assert served.stdout.split() == ["200", str(found)], served.stdout + served.stderr
        assert sorted(p.name for p in media.iterdir()) == ["plans.db"]  # no -wal, no -shm
        assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    finally:
        os.chmod(media, 0o755)
        shutil.rmtree(root)


def test_json_and_csv_name_each_plan_as_plantui_shows_it(seeds_db: str, reports_db: str) -> None:
    """F15: an untitled plan's ``title`` is its file's stem (title_from: file); ``name`` is what
    people see (〔无标题〕 and its first words), the same in every output and whatever else is listed."""
    import csv
    import io

    listed = json.loads(_run("--db", seeds_db, "list", "--json").stdout)
    untitled = next(p for p in listed if p["title"] == "002_03b780215b09d706")
    assert untitled["title_from"] == "file" and untitled["name"].startswith("〔无标题〕意见：为全面落实")
    assert next(p for p in listed if p["id"] == 1)["name"] == "河北省数字经济发展规划（2020-2025年）"
    name = untitled["name"]
    rows = json.loads(
        _run("--db", seeds_db, "targets", "--doc", str(untitled["id"]), "--format", "json").stdout
    )
    assert (
        rows
        and {r["name"] for r in rows} == {name}
        and {r["title"] for r in rows} == {"002_03b780215b09d706"}
    )
    table = list(csv.DictReader(io.StringIO(_run("--db", seeds_db, "targets", "--format", "csv").stdout)))
    assert {r["name"] for r in table if r["document"] == str(untitled["id"])} == {name}
    exported = json.loads(_run("--db", seeds_db, "export", str(untitled["id"]), "--format", "json").stdout)
    assert exported["documents"][0]["name"] == name
    # namesakes (two converters' copies of the 2024 北京 report) keep one name each in JSON, told apart by id
    compared = json.loads(
        _run("--db", reports_db, "targets", "--compare", "城镇新增就业", "--format", "json").stdout
    )
    beijing = {(r["document"], r["name"]) for r in compared if r["title"].startswith("pdf_beijing")}
    assert len(beijing) == 2 and {n for _, n in beijing} == {"〔无标题〕各位代表…"}
    found = json.loads(_run("--db", reports_db, "search", "城镇新增就业", "--json").stdout)
    assert {
        (h["document"], h["name"]) for h in found["hits"] if h["title"].startswith("pdf_beijing")
    } == beijing
    assert {h["name"] for h in found["hits"] if h["title"] == "政府工作报告"} == {"政府工作报告"}


def _plan_facts(database: Path) -> dict[str, Any]:
    """Outline, targets and metadata of every plan in a library, by its source file's stem."""
    documents = json.loads(_run("--db", str(database), "export", "--all", "--format", "json").stdout)[
        "documents"
    ]

    def walk(nodes: list[dict[str, Any]], depth: int = 0) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for n in nodes:
            out += [(depth, n["kind"], n["label"], n["title"]), *walk(n["children"], depth + 1)]
        return out

    keys = ("title", "issuer", "doc_number", "issued", "published", "period", "region", "kind")
    return {
        Path(d["source"]).stem: (
            walk(d["outline"]),
            sorted((t["year"], t["indicator"], t["value"], t["unit"]) for t in d["targets"]),
            {k: d[k] for k in keys},
        )
        for d in documents
    }


def test_export_from_the_library_imports_back_to_the_same_plans(tmp_path: Path) -> None:
    """The path a user takes (import, export --all, import the Markdown elsewhere), on a real plan of
    each format that makes the trip whole through the library: a 天津 report (.docx, 28 targets),
    a 广东 办法 (.pdf, 76 nodes), a 广州 gov.cn page (.html, 118 nodes). (Not every plan does yet:
    the library keeps no line breaks inside a paragraph nor the table-row mark; user trial 2 F2-1.)"""
    root = Path(__file__).resolve().parent
    files = [
        root.parent.parent / "shared" / "fixtures" / "formats" / "tianjin_gov_work_report_2025.docx",
        root.parent.parent
        / "shared"
        / "fixtures"
        / "formats"
        / "guangdong_provincial_gov_investment_measures_2023.pdf",
        REAL / "govcn_guangzhou_long_term_care_insurance_2024.html",
    ]
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert _run("--db", str(first), "import", *map(str, files)).exit_code == 0
    assert _run("--db", str(first), "export", "--all", "-o", str(tmp_path / "md")).exit_code == 0
    assert _run("--db", str(second), "import", str(tmp_path / "md")).exit_code == 0
    before, after = _plan_facts(first), _plan_facts(second)
    assert sorted(before) == sorted(after) == sorted(f.stem for f in files)
    for stem, (outline, targets, metadata) in before.items():
        assert after[stem] == (outline, targets, metadata), stem
    assert all(len(before[f.stem][0]) >= 30 for f in files)  # a real outline each, not an empty trip
    assert len(before["tianjin_gov_work_report_2025"][1]) >= 20
