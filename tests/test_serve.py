"""plantui serve (datasette with plantui's plugin) and sqlite-utils on plantui.db."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from sqlite_utils.cli import cli as sqlite_utils_cli
from typer.testing import CliRunner as TyperRunner

from plantui.search import search
from plantui.serve import datasette_app, register_plugin

QUERIES = ["区块链", "工业互联网 平台", "5G", "互联网+", "IPv6", "（一）", "。", "数据 人才", "g"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, seeded_path: Path) -> Any:
    path = tmp_path_factory.mktemp("serve") / "plans.db"
    shutil.copy(seeded_path, path)
    return datasette_app(path)


async def _json(ds: Any, url: str) -> Any:
    response = await ds.client.get(url)
    assert response.status_code == 200, response.text[:300]
    return response.json()


@pytest.mark.parametrize("query", QUERIES)
async def test_search_box_finds_what_plantui_search_finds(
    served: Any, seeded: sqlite3.Connection, query: str
) -> None:
    rows = await _json(served, f"/plans/passages.json?_search={quote(query)}&_shape=array&_size=max")
    assert {r["id"] for r in rows} == {h.passage_id for h in search(seeded, query).hits}
    assert all(all(term in r["text"] for term in query.split()) for r in rows)


async def test_search_page_shows_the_query_and_its_hits(served: Any) -> None:
    response = await served.client.get("/plans/passages?_search=区块链")
    assert response.status_code == 200
    assert 'value="区块链"' in response.text and "布局区块链" in response.text


async def test_index_table_can_be_scanned_and_counted(served: Any, seeded: sqlite3.Connection) -> None:
    rows = await _json(served, "/plans/passages_fts.json?_shape=array&_size=3")
    assert len(rows) == 3 and all(r["text"] for r in rows)
    count = await _json(served, "/plans.json?sql=select+count(*)+as+n+from+passages_fts&_shape=array")
    assert count[0]["n"] == seeded.execute("SELECT count(*) FROM passages").fetchone()[0]


async def test_plans_and_targets_have_facets(served: Any, seeded: sqlite3.Connection) -> None:
    plans = await _json(served, "/plans/plans.json?_facet=region&_facet=year&_facet=kind")
    regions = {f["value"]: f["count"] for f in plans["facet_results"]["region"]["results"]}
    truth = dict(seeded.execute("SELECT region, count(*) FROM documents GROUP BY region").fetchall())
    assert regions == {k: v for k, v in truth.items() if k is not None}
    assert {"year", "kind"} <= plans["facet_results"].keys()
    targets = await _json(served, "/plans/plan_targets.json?_facet=属性&_facet=region")
    attributes = {f["value"]: f["count"] for f in targets["facet_results"]["属性"]["results"]}
    truth = dict(seeded.execute("SELECT attribute, count(*) FROM targets GROUP BY attribute").fetchall())
    assert attributes == {k: v for k, v in truth.items() if k is not None}


async def test_other_databases_keep_datasettes_search(tmp_path: Path) -> None:
    from datasette.app import Datasette

    register_plugin()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute('CREATE VIRTUAL TABLE notes_fts USING fts5(body, content="notes", content_rowid="id")')
    conn.executemany("INSERT INTO notes (body) VALUES (?)", [("hello world",), ("goodbye",)])
    conn.execute("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')")
    conn.commit()
    conn.close()
    ds = Datasette(files=[str(other)])
    rows = await _json(ds, "/other/notes.json?_search=hello&_shape=array")
    assert [r["body"] for r in rows] == ["hello world"]


def test_sqlite_utils_commands_run(seeded_path: Path, seeded: sqlite3.Connection) -> None:
    runner = CliRunner()
    tables = runner.invoke(sqlite_utils_cli, ["tables", str(seeded_path), "--counts"])
    assert tables.exit_code == 0, tables.output
    counts = {t["table"]: t["count"] for t in json.loads(tables.output)}
    assert counts["passages_fts"] == counts["passages"] > 0
    found = runner.invoke(
        sqlite_utils_cli, ["search", str(seeded_path), "passages", '"区块 块链"', "-c", "id"]
    )
    assert found.exit_code == 0, found.output
    truth = {h.passage_id for h in search(seeded, "区块链").hits}
    assert {r["id"] for r in json.loads(found.output)} == truth
    rows = runner.invoke(sqlite_utils_cli, ["rows", str(seeded_path), "passages_fts", "--limit", "2"])
    assert rows.exit_code == 0 and len(json.loads(rows.output)) == 2


def test_serve_without_a_database_is_one_line(tmp_path: Path) -> None:
    from plantui.cli import app

    result = TyperRunner().invoke(app, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 1
    assert "no database" in result.output and "Traceback" not in result.output


def test_serve_without_datasette_says_how_to_install_it(
    seeded_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from plantui.cli import app

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "datasette" else real(name))
    result = TyperRunner().invoke(app, ["--db", str(seeded_path), "serve"])
    assert result.exit_code == 1 and "pip install 'plantui[serve]'" in result.output
