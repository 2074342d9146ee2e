"""Bad input and hard conditions: any text, any query, interruption, concurrent readers, odd text."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from plantui import db
from plantui.chunks import clean_lines, raw_lines
from plantui.cli import app
from plantui.importer import import_paths
from plantui.parse import parse_markdown, parse_text
from plantui.search import search, terms
from support import SEEDS

# Text made of what plans are made of: CJK, numbering, brackets, punctuation, digits, spaces.
PLAN_ALPHABET = st.sampled_from(
    [
        *"数字经济发展规划一二三四五六七八九十（）()、。，；：！？1234567890.．专栏附件第章节条篇 \u3000\n\t",
        *(
            "一、",
            "（一）",
            "1.",
            "（1）",
            "①",
            "专栏一：",
            "第一章",
            "附件1：",
            "\n\n",
            "[bold]",
            "\x1b[31m",
            "#",
        ),
    ]
)
plan_text = st.lists(PLAN_ALPHABET, max_size=300).map("".join)


def _squash(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(plan_text)
def test_any_text_parses_into_a_valid_tree_that_keeps_all_its_content(text: str) -> None:
    doc = parse_text(text, "x.txt")
    kept = "".join(p.text for p, _, role in doc.paragraphs() if role != "label")
    # every character is kept, except page numbers glued to a heading (15三、…, 425.1.3), which
    # the text reader drops as PDF furniture, and what clean_lines takes for furniture (a bold
    # run printed twice, page markers); it drops nothing else
    written = [b.text for b in clean_lines(raw_lines(text))]
    assert _squash(kept) == _squash("\n".join(written).replace("\u3000", " "))
    read = [b.text for b in raw_lines(text)]
    dropped = Counter(_squash(text.replace("\u3000", " "))) - Counter(_squash("".join(read)))
    assert all(ch.isdigit() for ch in dropped)
    lines = text.count("\n") + 1
    for node, ancestors in doc.walk():
        assert 1 <= node.line <= node.line_end <= lines
        if ancestors:
            parent = ancestors[-1]
            assert parent.line <= node.line and node.line_end <= parent.line_end
    assert doc.title


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_parses_without_error(text: str) -> None:
    parse_text(text, "x.txt")
    parse_markdown(text, "x.md")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(max_size=40)
    | st.sampled_from(['"', "AND", "OR NOT", "NEAR(", "*", "^", ":", "(", "😀", " ", "-"])
)
def test_any_query_gives_hits_or_none_never_an_error(seeded: sqlite3.Connection, query: str) -> None:
    result = search(seeded, query)
    words = terms(query)
    assert result.count == len(result.hits)
    assert all(all(w in h.text for w in words) for h in result.hits)


def test_a_ten_thousand_character_query(seeded: sqlite3.Connection) -> None:
    assert search(seeded, "数据" * 5000).count == 0


def test_kill_during_import_leaves_a_sound_database(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    # more text than one batch (store/batch.py commits about 2 M characters at a time): the kill
    # comes while the second batch is being written
    for index in range(200):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8")
        (folder / f"p{index:03d}.txt").write_text(f"第{index}号规划\n{text}", encoding="utf-8")
    database = tmp_path / "p.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "plantui", "--db", str(database), "import", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    committed = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(database, timeout=5) as reader:
                committed = reader.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if committed >= 5:
            break
    assert proc.poll() is None, "the import finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    survived = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert survived >= committed
    for table in ("nodes", "passages"):
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)"
        )
        assert orphans.fetchone()[0] == 0
    conn.close()
    results = import_paths(db.connect(database), [str(folder)])
    assert not [r for r in results if r.failed]
    assert sum(r.status == "unchanged" for r in results) == survived
    conn = db.connect(database)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 200
    assert search(conn, "区块链").count > 0


def test_readers_never_see_a_locked_database_while_an_import_runs(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt")) * 6):
        (folder / f"p{index:03d}.txt").write_text(
            f"第{index}号\n" + seed.read_text(encoding="utf-8"), encoding="utf-8"
        )
    database = tmp_path / "p.db"
    db.connect(database).close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "plantui", "--db", str(database), "import", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    errors = []
    searches = 0
    try:
        while proc.poll() is None:
            try:
                conn = db.connect(database, create=False)
                search(conn, "数字经济", limit=5)
                conn.close()
                searches += 1
            except (sqlite3.Error, db.DatabaseError) as exc:
                errors.append(str(exc))
            time.sleep(0.02)
    finally:
        proc.wait()
    assert proc.returncode == 0
    assert searches > 0 and errors == []


def test_cli_tables_show_markup_and_escapes_literally(tmp_path: Path) -> None:
    plan = tmp_path / "odd.txt"
    plan.write_text("[bold red]标题[/]\x1b]0;pwned\x07\n一、总体要求\n", encoding="utf-8")
    database = str(tmp_path / "p.db")
    runner = CliRunner()
    imported = runner.invoke(app, ["--db", database, "import", str(plan)])
    assert imported.exit_code == 0
    listed = runner.invoke(app, ["--db", database, "list"], env={"COLUMNS": "200"})
    assert "[bold red]标题[/]" in listed.output
    assert "\x1b" not in listed.output and "\x07" not in listed.output
    assert "\\x1b" in listed.output


def test_exports_make_control_characters_safe(tmp_path: Path) -> None:
    plan = tmp_path / "odd.txt"
    plan.write_text("一、总体要求\n（一）说明。含\x1b[31m转义\x1b[0m的文字。\n", encoding="utf-8")
    database = str(tmp_path / "p.db")
    runner = CliRunner()
    runner.invoke(app, ["--db", database, "import", str(plan)])
    markdown = runner.invoke(app, ["--db", database, "export", "odd"]).output
    assert "\x1b" not in markdown and "\\x1b[31m转义" in markdown
    exported = runner.invoke(app, ["--db", database, "export", "odd", "--format", "json"]).output
    assert "\x1b" not in exported
    body = json.loads(exported)["documents"][0]["outline"][0]["children"][0]["text"]
    assert body == "（一）说明。\n含\x1b[31m转义\x1b[0m的文字。"  # JSON keeps the data, escaped


def test_a_large_file_reports_progress_inside_the_file(tmp_path: Path) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    big = tmp_path / "big.txt"
    big.write_text("".join(f"第{i}章 第{i}部分\n{seeds[i % 5]}\n" for i in range(1, 25)), encoding="utf-8")
    reported: list[str] = []
    results = import_paths(
        db.connect(tmp_path / "p.db"), [str(big)], on_progress=lambda done, total, name: reported.append(name)
    )
    assert [r.status for r in results] == ["new"]
    percentages = [name for name in reported if name.endswith("%")]
    assert len(percentages) >= 2 and percentages[-1].endswith("100%")
    conn = db.connect(tmp_path / "p.db")
    assert conn.execute("SELECT count(*) FROM nodes WHERE kind = 'chapter'").fetchone()[0] == 24


def test_markdown_front_matter_shows_bidi_overrides_escaped(tmp_path: Path) -> None:
    plan = tmp_path / "bidi.txt"
    plan.write_text(
        "河北省\u202egnp.exe\u202c数字经济发展规划\n一、总体要求\n（一）说明。\n", encoding="utf-8"
    )
    database = str(tmp_path / "p.db")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", database, "import", str(plan)]).exit_code == 0
    markdown = runner.invoke(app, ["--db", database, "export", "bidi"]).output
    assert "\u202e" not in markdown and "\u202c" not in markdown
    front = markdown.split("---\n")[1]
    assert 'title: "河北省\\u202egnp.exe\\u202c数字经济发展规划"' in front
    # the escape is JSON/YAML: the front matter still reads back as the original title
    import yaml

    assert yaml.safe_load(front)["title"] == "河北省\u202egnp.exe\u202c数字经济发展规划"


def _children(pid: int) -> set[int]:
    """Pids whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_an_import_ends_its_worker_processes(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(40):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8")
        (folder / f"p{index:03d}.txt").write_text(f"第{index}号规划\n{text}", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "plantui", "--db", str(tmp_path / "p.db"), "import", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the import did not start its worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for pid in left:  # do not leave them running if the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []


def test_two_imports_at_once_into_a_new_database_both_succeed(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for attempt in range(3):
        database = tmp_path / f"new{attempt}.db"
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "plantui", "--db", str(database), "import", str(seed)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for seed in seeds[:2]
        ]
        errors = [p.communicate()[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0], errors
        conn = db.connect(database, create=False)
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        conn.close()


def _as_reader(args: list[str], *, python: bool = False) -> subprocess.CompletedProcess[str]:
    """Run plantui (or, with ``python``, the interpreter) as a user who may not write the database
    or its folder (root ignores modes, so as root the command runs as nobody)."""
    command = [sys.executable, *([] if python else ["-m", "plantui"]), *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd="/")


def test_reading_commands_work_on_read_only_media(seeded_path: Path) -> None:
    import hashlib
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="plantui-ro-"))
    try:
        os.chmod(root, 0o755)
        media = root / "media"
        media.mkdir()
        database = media / "plans.db"
        shutil.copy(seeded_path, database)
        os.chmod(database, 0o444)
        os.chmod(media, 0o555)
        before = hashlib.sha256(database.read_bytes()).hexdigest()
        base = ["--db", str(database)]
        listed = _as_reader([*base, "list", "--json"])
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) == 5
        found = _as_reader([*base, "search", "区块链", "--json"])
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)["count"] > 0
        assert _as_reader([*base, "targets", "--format", "json"]).returncode == 0
        exported = _as_reader([*base, "export", "1"])
        assert exported.returncode == 0 and exported.stdout.startswith("---")
        # the app opens it with create=False: on read-only media that reads, it does not fail
        count = "SELECT count(*) FROM documents"
        code = f"from plantui import db; print(db.connect({str(database)!r}, create=False).execute({count!r}).fetchone()[0])"
        app_open = _as_reader(["-c", code], python=True)
        assert app_open.stdout.strip() == "5", app_open.stderr
        imported = _as_reader([*base, "import", str(SEEDS / "003_5387c9ddaeb48eb7.txt")])
        assert imported.returncode == 1 and "read-only" in imported.stderr
        assert len(imported.stderr.strip().splitlines()) == 1
        assert sorted(p.name for p in media.iterdir()) == ["plans.db"]  # no -wal, no -shm
        assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    finally:
        os.chmod(root / "media", 0o755)
        shutil.rmtree(root)


def _as_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "plantui", *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd)


def test_an_unreadable_sub_folder_is_reported(tmp_path: Path) -> None:
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="plantui-perm-"))
    try:
        os.chmod(root, 0o777)
        plans = root / "plans"
        (plans / "secret").mkdir(parents=True)
        shutil.copy(SEEDS / "003_5387c9ddaeb48eb7.txt", plans / "a.txt")
        shutil.copy(SEEDS / "004_1232c8ae83bb4003.txt", plans / "secret" / "b.txt")
        os.chmod(plans, 0o755)
        os.chmod(plans / "secret", 0o700)
        if os.geteuid() != 0:
            os.chmod(plans / "secret", 0o000)
        result = _as_user(["--db", str(root / "p.db"), "import", "plans"], cwd=root)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "plans/secret: permission denied" in result.stderr.lower()
        direct = _as_user(["--db", str(root / "p.db"), "import", "plans/secret"], cwd=root)
        assert direct.returncode == 1
        assert "permission denied" in direct.stderr.lower() and "no plan files" not in direct.stderr
    finally:
        os.chmod(root / "plans" / "secret", 0o755)
        shutil.rmtree(root)


def test_an_entry_that_cannot_be_looked_at_is_named_and_the_others_imported(tmp_path: Path) -> None:
    """A link in the folder that the user may not follow (into a private folder; /proc/1/cwd in
    the trial) stopped the whole import with an internal error and imported nothing."""
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="plantui-perm-"))
    try:
        os.chmod(root, 0o777)
        (root / "private").mkdir()
        shutil.copy(SEEDS / "004_1232c8ae83bb4003.txt", root / "private" / "b.txt")
        plans = root / "plans"
        plans.mkdir()
        shutil.copy(SEEDS / "003_5387c9ddaeb48eb7.txt", plans / "a.txt")
        (plans / "link.txt").symlink_to(root / "private" / "b.txt")
        os.chmod(plans, 0o777)
        os.chmod(root / "private", 0o700)  # its owner's: the other user cannot look inside
        result = _as_user(["--db", str(root / "p.db"), "import", "plans"], cwd=root)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "internal error" not in result.stderr
        assert "plans/link.txt: permission denied" in result.stderr.lower()
        listed = _as_user(["--db", str(root / "p.db"), "list", "--json"], cwd=root)
        assert [Path(s).name for d in json.loads(listed.stdout) for s in d["sources"]] == ["a.txt"]
    finally:
        shutil.rmtree(root)


def test_an_empty_path_or_the_root_of_the_file_system_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """`plantui import "$DIR"` with DIR unset imported the current folder; "$DIR"/ walked the disk."""
    from plantui import importer

    def walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("no folder is walked")

    monkeypatch.setattr(importer.os, "walk", walk)
    files, results = importer.collect(["", "/"])
    assert files == []
    assert [(r.path, r.status, r.reason) for r in results] == [
        ("", "failed", "empty path"),
        ("/", "failed", "the root of the file system: name the folder of plans"),
    ]


def test_a_full_disk_stops_the_import_at_the_first_error(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(30):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8")
        (folder / f"p{index:03d}.txt").write_text(f"第{index}号规划\n{text}", encoding="utf-8")
    conn = db.connect(tmp_path / "p.db")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 300}")  # room for a few plans: then "disk full"
    results = import_paths(conn, [str(folder)], workers=1)
    new = [r for r in results if r.status == "new"]
    failed = [r for r in results if r.failed]
    stopped = [r for r in results if r.status == "stopped"]
    assert new and len(failed) == 1 and "full" in failed[0].reason
    assert len(new) + len(failed) + len(stopped) == 30
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(new)


def test_a_full_disk_is_one_line_with_a_count(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(20):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8")
        (folder / f"p{index:03d}.txt").write_text(f"第{index}号规划\n{text}", encoding="utf-8")
    connect = db.connect

    def small(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 300}")
        return conn

    monkeypatch.setattr(db, "connect", small)
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "p.db"), "import", str(folder)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("plantui:")]
    assert len(errors) == 1, errors
    assert "full" in errors[0] and "not imported" in errors[0]


def test_an_old_word_file_named_docx_or_txt_names_the_conversion(tmp_path: Path) -> None:
    """A .doc saved under a .docx or .txt name (the OLE header, then Word's binary streams)."""
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("plan.docx", "plan.txt"):
        (folder / name).write_bytes(data)
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "p.db"), "import", str(folder)])
    assert result.exit_code == 1
    for name in ("plan.docx", "plan.txt"):
        assert f"{name}: an old Word or WPS file (named as another format)" in result.output
    assert "soffice --headless --convert-to docx" in result.output
    assert "Traceback" not in result.output
