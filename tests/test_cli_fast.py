"""The fast path of `plantui list` and `plantui search WORD`: the same output as the Typer app,
taken only for the plain forms, and without importing Typer, pydantic or Rich when piped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantui.cli import app, fast

runner = CliRunner()

PIPED = {"TTY_COMPATIBLE": "0", "COLUMNS": "80"}
TERMINAL = {"TTY_COMPATIBLE": "1", "COLUMNS": "80", "FORCE_COLOR": "1"}
WIDE = {"TTY_COMPATIBLE": "1", "COLUMNS": "160", "NO_COLOR": "1"}


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["search", "区块链"],
        ["search", "区块链", "--limit", "3", "--doc", "河北"],
        ["search", "数字经济", "--all"],
        ["search", "云", "--json", "--raw"],
        ["search", "没有这个词组合"],
        ["search", "区块链", "--doc", "上海"],
    ],
)
@pytest.mark.parametrize("env", [PIPED, TERMINAL, WIDE], ids=["piped", "80", "160"])
def test_fast_path_prints_what_the_typer_app_prints(
    seeded_path: Path,
    argv: list[str],
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--db", str(seeded_path), *argv]
    expected = runner.invoke(app, args, env=env, catch_exceptions=False)
    for name in ("TTY_COMPATIBLE", "FORCE_COLOR", "NO_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    status = fast.run(args)
    out, err = capsys.readouterr()
    assert status == expected.exit_code
    assert out == expected.stdout and err == expected.stderr
    assert out or err or status == 1  # only a search that finds nothing may print nothing


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["list", "--help"],
        ["list", "--json", "--json"],
        ["list", "extra"],
        ["search"],
        ["search", ""],
        ["search", "  "],
        ["search", "-x"],
        ["search", "云", "--limit", "0"],
        ["search", "云", "--limit=3"],
        ["search", "云", "--limit", "３"],
        ["search", "云", "--limit"],
        ["search", "云", "--all", "--all"],
        ["search", "云", "数据"],
        ["search", "--from-file", "-"],
        ["search", "云", "--", "x"],
        ["--db", "--json", "list"],
        ["--db=x.db", "list"],
        ["import", "seeds"],
        ["targets"],
        [],
    ],
)
def test_fast_path_leaves_everything_else_to_typer(argv: list[str]) -> None:
    assert fast.parse(argv) is None


def test_fast_path_takes_the_plain_forms() -> None:
    assert fast.parse(["list"]) == ("list", None, {"as_json": False})
    command, db, options = fast.parse(["--db", "p.db", "search", "--limit", "5", "工业 互联网", "--doc", "3"])
    assert (command, db) == ("search", Path("p.db"))
    assert options == {"queries": ["工业 互联网"], "limit": 5, "doc": ["3"]}


@pytest.mark.parametrize(
    "env",
    [{}, {"TTY_COMPATIBLE": "1"}, {"TTY_COMPATIBLE": "0"}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""}],
)
def test_terminal_is_decided_as_rich_decides_it(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from plantui.cli.common import stdout_is_terminal

    for name in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert stdout_is_terminal() == Console().is_terminal


@pytest.mark.parametrize("argv", [["list"], ["search", "区块链"], ["search", "区块链", "--json"]])
def test_piped_list_and_search_import_no_cli_framework(seeded_path: Path, argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from plantui.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    status = exit.code\n"
        "heavy = [m for m in ('typer', 'click', 'pydantic', 'rich', 'jieba', 'textual', 'sqlite_utils')"
        " if m in sys.modules]\n"
        "sys.stderr.write(f'{status} {heavy}')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(seeded_path), *argv],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
        check=False,
    )
    assert done.stderr == "0 []", done.stderr
    assert done.stdout
