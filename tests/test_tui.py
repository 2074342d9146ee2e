"""The app, driven by Textual's pilot: navigation, filtering, n/N, views, jumping, literal text."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input, TabbedContent

from plantui import db
from plantui.importer import import_paths
from plantui.tui.app import PlantApp
from plantui.tui.widgets.outline import OutlineTree
from plantui.tui.widgets.reader import Reader
from plantui.tui.widgets.tables import ColumnsTable, HitsTable, TargetsTable
from support import ROOT


@pytest.fixture
def app(app_db: Path, tmp_path: Path) -> PlantApp:
    copy = tmp_path / "plantui.db"
    shutil.copy(app_db, copy)
    return PlantApp(copy)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):  # the library is read once the first frame is painted
        if pilot.app.store is not None or pilot.app.import_first or not pilot.app.db_path.exists():
            break
        await pilot.pause(0.01)
    for _ in range(3):
        if pilot.app._typing is not None:  # the text and tables follow when typing pauses
            await pilot.pause(0.2)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def _tree_labels(app: PlantApp) -> list[str]:
    """The plans' lines as shown, with their counts (drawn with the line, not kept in the label)."""
    tree = app.query_one(OutlineTree)
    return [tree.shown_label(node) for node in tree.root.children]


async def test_opens_with_documents_and_the_first_plan(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        labels = _tree_labels(app)
        assert len(labels) == 5 and labels[0].startswith("河北省数字经济发展规划")
        reader = app.query_one(Reader)
        assert reader.content is not None and reader.content.document.title.startswith("河北省")
        texts = [p.block.text for p in reader.paras]
        assert "四、主要任务" in texts


async def test_selecting_a_node_scrolls_the_reader_and_sets_the_breadcrumb(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        tree = app.query_one(OutlineTree)
        tree.focus()
        part = next(n for n in tree.root.children[0].children if str(n.label).startswith("四、"))
        tree.move_cursor(part)
        await pilot.press("enter")
        await _settle(pilot)
        breadcrumb = str(app.query_one("#breadcrumb").render())
        assert "四、主要任务" in breadcrumb
        assert app.query_one(Reader).scroll_y > 0


def _occurrences(app: PlantApp, document_id: int, word: str) -> int:
    """Every occurrence of ``word`` in a plan's passages, counted straight from the database."""
    conn = db.connect(app.db_path, create=False)
    try:
        rows = conn.execute("SELECT text FROM passages WHERE document_id = ?", (document_id,)).fetchall()
    finally:
        conn.close()
    return sum(r[0].count(word) for r in rows)


async def test_filter_narrows_the_tree_highlights_and_counts(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块链")
        await _settle(pilot)
        labels = _tree_labels(app)
        assert all("(" in label for label in labels)
        assert not any(
            "002_" in label or "〔无标题〕意见：为全面落实" in label for label in labels
        )  # no 区块链
        reader = app.query_one(Reader)
        hits = [p for p in reader.paras if p.hit]
        assert hits and all("区块链" in p.block.text for p in hits)
        await pilot.press("escape", "escape")
        await _settle(pilot)
        assert len(_tree_labels(app)) == 5 and not any(p.hit for p in reader.paras)


@pytest.mark.parametrize("word", ["区块链", "数字经济", "5G"])
async def test_one_way_of_counting_every_occurrence(app: PlantApp, word: str) -> None:
    """The outline's (N), the header's 共 N 处 and the reader's counter all count every
    occurrence of the written string (the issue: (48) against 0/47, (9) against 1/8)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *word, "enter")
        await _settle(pilot)
        expected = _occurrences(app, 1, word)
        assert _tree_labels(app)[0].endswith(f"({expected})")
        reader = app.query_one(Reader)
        assert reader.hit_count == expected and reader.hit_counter == f"1/{expected}"
        result = app.filter_result
        assert result is not None and result.doc_counts[1] == expected
        total = sum(_occurrences(app, d, word) for d in range(1, 6))
        assert result.total == total
        assert f"共 {total} 处" in str(app.query_one("#filter-status").render())
        assert f"本篇 1/{expected}" in str(app.query_one("#filter-status").render())


async def test_escape_leaves_the_box_first_then_clears_and_the_outline_stays_open(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        tree = app.query_one(OutlineTree)
        part = next(n for n in tree.root.children[0].children if str(n.label).startswith("四、"))
        part.expand()
        await pilot.press("slash", *"区块链")
        await _settle(pilot)
        await pilot.press("escape")
        await _settle(pilot)
        assert tree.has_focus and app.query_one("#filter", Input).value == "区块链"
        await pilot.press("t")  # a key again, not a character typed into the box
        await _settle(pilot)
        assert app.query_one("#views", TabbedContent).active == "targets"
        await pilot.press("escape")
        await _settle(pilot)
        assert app.query_one("#filter", Input).value == "" and app.words == []
        assert len(tree.root.children) == 5
        part = next(n for n in tree.root.children[0].children if str(n.label).startswith("四、"))
        assert tree.root.children[0].is_expanded and part.is_expanded


async def test_enter_in_the_filter_moves_the_reader_to_the_first_hit(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("s", "slash", *"区块链", "enter")
        await _settle(pilot)
        assert app.query_one("#views", TabbedContent).active == "read"
        reader = app.query_one(Reader)
        assert reader.hit_counter.startswith("1/")
        hit = reader.current_hit
        assert hit is not None and "区块链" in hit.block.text
        assert reader.scroll_y > 0 and reader.is_shown(hit)
        node = next(n for n in reader.content.nodes if n.id == hit.block.node_id)  # type: ignore[union-attr]
        assert node.path[-1] in str(app.query_one("#breadcrumb").render())
        await pilot.press("n")
        await _settle(pilot)
        assert reader.hit_counter.startswith("2/")


async def test_n_and_shift_n_walk_through_hits_with_a_counter(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块链", "enter")
        await _settle(pilot)
        reader = app.query_one(Reader)
        total = reader.hit_count
        assert reader.hit_counter == f"1/{total}"
        await pilot.press("n", "n")
        assert reader.hit_counter == f"3/{total}"
        await pilot.press("N")
        assert reader.hit_counter == f"2/{total}"
        assert f"2/{total}" in str(app.query_one("#filter-status").render())


async def test_n_goes_on_to_the_next_plan_and_the_outline_follows(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块链", "enter")
        await _settle(pilot)
        reader = app.query_one(Reader)
        first = reader.hit_count
        for _ in range(first):
            await pilot.press("n")
            await _settle(pilot)
        assert reader.document_id == 2 and reader.hit_counter == f"1/{_occurrences(app, 2, '区块链')}"
        tree = app.query_one(OutlineTree)
        assert tree.cursor_node is not None and tree.cursor_node.data.document_id == 2  # type: ignore[union-attr]
        await pilot.press("N")
        await _settle(pilot)
        assert reader.document_id == 1 and reader.hit_counter == f"{first}/{first}"


async def test_outline_labels_are_cut_with_an_ellipsis_and_keep_their_count(app: PlantApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"数字经济")
        await _settle(pilot)
        tree = app.query_one(OutlineTree)
        line = tree.render_line(0).text.rstrip()
        assert "…" in line and line.endswith(f"({_occurrences(app, 1, '数字经济')})")
        left = app.query_one("#left")
        before = left.size.width
        await pilot.press("escape", "greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert left.size.width == before + 8
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert left.size.width == before + 4


async def test_filter_without_hits_says_so(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"不存在的词")
        await _settle(pilot)
        assert _tree_labels(app) == ["没有含“不存在的词”的内容"]


async def test_views_switch_with_keys(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        tabs = app.query_one("#views")
        for key, view in (("t", "targets"), ("c", "columns"), ("r", "read")):
            await pilot.press(key)
            await _settle(pilot)
            assert tabs.active == view  # type: ignore[attr-defined]
        conn = db.connect(app.db_path, create=False)
        first_plan = conn.execute("SELECT count(*) FROM targets WHERE document_id = 1").fetchone()[0]
        columns = conn.execute("SELECT count(*) FROM nodes WHERE kind = 'column'").fetchone()[0]
        assert first_plan > 30 and columns == 13
        assert app.query_one(TargetsTable).shown == first_plan
        assert app.query_one(ColumnsTable).shown == columns


async def test_search_view_lists_hits_across_plans(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"工业互联网平台", "enter", "s")
        await _settle(pilot)
        table = app.query_one(HitsTable)
        assert table.shown > 5
        assert "共" in str(app.query_one("#search-status").render())


async def test_a_hit_opened_from_the_search_view_is_the_current_hit(app: PlantApp) -> None:
    """User trial: Enter on a row of 检索 showed its passage but the counter said 0/3, and the
    first n stayed on that passage. The passage's first hit is the current one; n goes on."""
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"工业互联网平台", "enter", "s")
        await _settle(pilot)
        table = app.query_one(HitsTable)
        table.move_cursor(row=3)
        await pilot.press("enter")
        await _settle(pilot)
        reader = app.query_one(Reader)
        hit = reader.current_hit
        assert hit is not None and reader.is_shown(hit)
        opened = table.selected_row.target  # type: ignore[union-attr]
        assert hit.block.passage_id == opened.passage_id  # type: ignore[attr-defined]
        index = reader.hit_index
        assert reader.hit_counter == f"{index + 1}/{reader.hit_count}"
        await pilot.press("n")
        await _settle(pilot)
        assert reader.hit_index == (index + 1) % reader.hit_count


async def test_enter_on_a_target_jumps_to_its_passage(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("t")
        await _settle(pilot)
        table = app.query_one(TargetsTable)
        row = next(i for i in range(table.row_count) if "5G基站数量" in str(table.get_row_at(i)[1]))
        table.move_cursor(row=row)
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.pause(0.1)
        assert app.query_one("#views").active == "read"  # type: ignore[attr-defined]
        reader = app.query_one(Reader)
        target = next(p for p in reader.paras if p.block.line == 43)
        assert reader.is_shown(target)
        assert "5.数字基础设施达到国内先进水平" in str(app.query_one("#breadcrumb").render())


async def test_targets_scope_toggles_between_current_and_all(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("t")
        await _settle(pilot)  # a plan's targets are read when the view is shown
        current = app.query_one(TargetsTable).shown
        await pilot.press("a")
        await _settle(pilot)
        assert current > 0 and app.query_one(TargetsTable).shown > current


async def test_help_screen_lists_keys(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "Screen"


async def test_export_writes_the_current_plan(app: PlantApp, tmp_path: Path) -> None:
    out = tmp_path / "hebei.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#export-path")
        box.value = str(out)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await _settle(pilot)
    assert out.read_text(encoding="utf-8").startswith('---\ntitle: "河北省数字经济发展规划（2020-2025年）"')


async def test_empty_database_shows_a_helpful_message(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    db.connect(path).close()
    app = PlantApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        message = "".join(app.query_one(Reader).screen_text())
        assert "plantui import" in message


async def test_markup_and_escapes_in_text_are_shown_literally(tmp_path: Path) -> None:
    plan = tmp_path / "odd.txt"
    plan.write_text(
        "一、总体要求\n（一）说明。[bold]不是粗体[/] 和 [red]x[/red] 以及 \x1b[31m红\x1b[0m。\n",
        encoding="utf-8",
    )
    path = tmp_path / "odd.db"
    import_paths(db.connect(path), [str(plan)])
    app = PlantApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        assert any("粗体" in p.block.text for p in app.query_one(Reader).paras)
        plain = "".join(app.query_one(Reader).rendered())
        assert "[bold]不是粗体[/]" in plain and "[red]x[/red]" in plain
        assert "\\x1b[31m" in plain and "\x1b" not in plain


async def test_a_tab_separated_table_is_drawn_with_spaces(tmp_path: Path) -> None:
    """An indicator table copied from Excel keeps its tabs; drawn as they are, the terminal jumped to
    its tab stops past cells the app counted as drawn, and an earlier plan's figures showed through
    (5G基站数量公共个算收入3000). A tab is drawn as a space."""
    plan = tmp_path / "tabs.txt"
    plan.write_text(
        "某市数字经济发展规划（2021-2025年）\n\n一、发展目标\n\n主要指标\n"
        "指标\t单位\t2020年\t2025年\t属性\n5G基站数量\t个\t3000\t12000\t预期性\n",
        encoding="utf-8",
    )
    path = tmp_path / "tabs.db"
    import_paths(db.connect(path), [str(plan)])
    app = PlantApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        reader = app.query_one(Reader)
        assert any("\t" in p.block.text for p in reader.paras)  # the text keeps its tabs
        plain = "".join(reader.rendered())
        assert "5G基站数量 个 3000 12000 预期性" in plain and "\t" not in plain


async def test_first_run_imports_seeds_with_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    app = PlantApp(tmp_path / "plantui.db", import_first=Path("seeds"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        await _settle(pilot)
        assert len(_tree_labels(app)) == 5
    assert (tmp_path / "plantui.db").exists()


async def test_usable_at_80_by_24(app: PlantApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"数据", "enter", "n")
        await _settle(pilot)
        assert app.query_one(OutlineTree).region.width >= 28
        assert app.query_one(Reader).region.width >= 40


HOSTILE = (
    "[@click=app.screenshot('pwned.svg')]点我[/]",
    "[/bold]关闭标记",
    "[link=file:///etc/passwd]链接[/link]",
)


@pytest.mark.parametrize("markup", HOSTILE)
async def test_hostile_markup_in_titles_never_runs_or_crashes(
    tmp_path: Path, markup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title or 专栏 name holding Textual markup is shown as written: the export dialog, the
    专栏 box title and the notifications never interpret it (no file written, no MarkupError)."""
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "hostile.txt"
    plan.write_text(
        f"{markup}数字经济规划\n一、总体要求\n（一）说明。正文。\n专栏1 {markup}工程\n内容。\n",
        encoding="utf-8",
    )
    path = tmp_path / "hostile.db"
    import_paths(db.connect(path), [str(plan)])
    app = PlantApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        titles = [p.shown for p in app.query_one(Reader).paras if p.style == "column"]
        assert any(markup in t for t in titles)
        await pilot.press("e")
        await _settle(pilot)
        from textual.widgets import RadioButton

        shown = str(app.screen.query_one(RadioButton).label)
        name = app.query_one(Reader).content.document.shown  # type: ignore[union-attr]
        assert markup[:8] in name and name in shown  # the plan's name (brackets may be normalised), literal
        await pilot.click("#export-title")
        box = app.screen.query_one("#export-path")
        box.value = str(tmp_path / "out.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await _settle(pilot)
    assert not (tmp_path / "pwned.svg").exists()
    assert markup in (tmp_path / "out.md").read_text(encoding="utf-8")


async def test_tab_goes_from_the_outline_to_the_reader_and_vim_keys_move(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        tree, reader = app.query_one(OutlineTree), app.query_one(Reader)
        assert tree.has_focus
        await pilot.press("j", "j")
        assert tree.cursor_line == 2
        await pilot.press("G")
        assert tree.cursor_line == tree.last_line
        await pilot.press("g")
        assert tree.cursor_line == 0
        await pilot.press("ctrl+d")
        assert tree.cursor_line == tree.last_line
        await pilot.press("ctrl+u")
        assert tree.cursor_line == 0
        assert app.query_one("#filter-status").has_class("-focused")
        await pilot.press("tab")
        assert reader.has_focus  # not the tab strip
        assert app.query_one("#breadcrumb").has_class("-focused")
        assert not app.query_one("#filter-status").has_class("-focused")
        await pilot.press("j")
        await pilot.pause()
        assert reader.scroll_y == 1
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert reader.scroll_y > 10
        await pilot.press("G")
        await _settle(pilot)
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert reader.scroll_y == 0
        await pilot.press("t", "shift+tab", "tab")
        assert app.query_one(TargetsTable).has_focus
        table = app.query_one(TargetsTable)
        await pilot.press("j", "j", "G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0


async def test_tab_switches_between_the_outline_and_the_view_never_into_the_filter_box(app: PlantApp) -> None:
    """User trial: t (the table takes the keys), Tab, j — the Tab went on to the filter box and j
    filtered the whole library by "j". Tab goes between the outline and the view shown; / opens
    the filter box, and Tab leaves it for the outline."""
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        tree = app.query_one(OutlineTree)
        box = app.query_one("#filter", Input)
        for view, widget in (("t", TargetsTable), ("c", ColumnsTable), ("r", Reader)):
            await pilot.press(view, "tab", "j")
            await _settle(pilot)
            assert tree.has_focus and box.value == ""
            await pilot.press("tab")
            await _settle(pilot)
            assert app.query_one(widget).has_focus
            await pilot.press("shift+tab")
            assert tree.has_focus
        await pilot.press("slash", "tab")
        assert tree.has_focus and box.value == ""


async def test_targets_sort_by_keys(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("t")
        await _settle(pilot)
        table = app.query_one(TargetsTable)
        await pilot.press("2")
        indicators = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert table.sort_state == (1, False) and indicators == sorted(indicators)
        await pilot.press("2")
        indicators = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert table.sort_state == (1, True) and indicators == sorted(indicators, reverse=True)
        await pilot.press("1")
        years = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert years == sorted(years)


async def test_the_command_palette_is_chinese_and_finds_the_light_theme(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in titles)
        assert not {"Keys", "Maximize", "Screenshot", "Theme", "Quit"} & set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"浅色")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"主题")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause(0.3)
        assert app.theme == "textual-dark"


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 50)])
async def test_the_help_screen_fits_and_lists_the_reader_keys(app: PlantApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert app.screen.region.contains_region(box.region)
        from plantui.tui.screens.help import KEYS

        text = " ".join(k + w for k, w in KEYS)
        assert "Ctrl+D" in text and "空格" in text and "正文" in text
        table = app.screen.query(".help-keys").first()
        assert table.region.width <= box.region.width
        # every line of keys is drawn whole (the box scrolls rather than cutting)
        lines = [strip.text for strip in table.render_lines(table.region.reset_offset)]
        drawn = "".join(lines).replace(" ", "")
        assert all(what.replace(" ", "") in drawn for _, what in KEYS if what)


async def test_the_help_scrolls_with_the_keys_it_lists(app: PlantApp) -> None:
    """User trial, 80x24: the help lists j k / g G, and G did nothing inside it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 2
        await pilot.press("j")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0


def test_break_lines_follows_the_chinese_rules() -> None:
    from plantui.linebreak import NO_END as NO_LINE_END
    from plantui.linebreak import NO_START as NO_LINE_START
    from plantui.linebreak import break_lines

    text = "到2025年，数字经济核心产业增加值占GDP比重达到10%左右，“数字河北”建设取得显著成效。（一）全省5G基站达到7万个。"
    for width in range(6, 40):
        lines = [text[a:b] for a, b in break_lines(text, width)]
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line[0] in NO_LINE_START for line in lines[1:])
        assert not any(line[-1] in NO_LINE_END for line in lines[:-1])
        assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in pairwise(lines))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_reader_lines_never_open_with_closing_punctuation(app: PlantApp, size: tuple[int, int]) -> None:
    from plantui.linebreak import NO_END as NO_LINE_END
    from plantui.linebreak import NO_START as NO_LINE_START

    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        reader = app.query_one(Reader)
        assert reader.page is not None
        rendered = reader.rendered()
        assert all(cell_len(row) == reader.scrollable_content_region.width for row in rendered)
        checked = 0
        for para in reader.paras:
            width = reader.page.width_of(para) - 2  # the hit marker's cells
            lines = [para.shown[a:b].rstrip() for a, b in para.lines(reader.page.width_of(para))]
            assert len(lines) == len(reader.para_rows(para))
            assert all(
                line.strip() in rendered[row] for line, row in zip(lines, reader.para_rows(para), strict=True)
            )
            assert all(cell_len(line) <= width for line in lines)
            assert not any(line and line[0] in NO_LINE_START for line in lines[1:]), lines
            assert not any(line and line[-1] in NO_LINE_END for line in lines[:-1]), lines
            checked += len(lines) > 1
        assert checked > 50


async def test_each_plan_opens_on_a_metadata_card(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        reader = app.query_one(Reader)
        rows = [row.strip() for row in reader.rendered()]
        assert rows[0] == "" and rows[1].startswith("╭")  # the plan opens on its card
        text = "\n".join(rows[: rows.index(next(r for r in rows if r.startswith("╰"))) + 1])
        for label, value in (
            ("发文机关", "河北省人民政府"),
            ("文号", "冀政字〔2020〕23号"),
            ("规划期", "2020–2025"),
        ):
            assert label in text and value in text
        assert "成文日期" in text and "2020-04-19" in text


async def test_an_untitled_plan_is_named_by_its_kind_and_first_words(app: PlantApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        await _settle(pilot)
        labels = _tree_labels(app)
        assert not any(label.startswith(("002_", "004_")) for label in labels)
        untitled = [label for label in labels if label.startswith("〔无标题〕意见：")]
        assert len(untitled) == 2
        tree = app.query_one(OutlineTree)
        tree.move_cursor(tree.root.children[2])
        await pilot.press("enter")
        await _settle(pilot)
        assert str(app.query_one("#breadcrumb").render()).startswith("〔无标题〕意见：")
        await pilot.press("c")
        await _settle(pilot)
        table = app.query_one(ColumnsTable)
        assert not any("002_" in str(cell) for i in range(table.row_count) for cell in table.get_row_at(i))


async def test_search_view_gives_the_snippet_the_width_and_previews_the_hit(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块链", "enter", "s")
        await _settle(pilot)
        table = app.query_one(HitsTable)
        snippet = next(iter(table.columns.values()))
        assert snippet.get_render_width(table) >= 44  # the issue: about 14 cells
        assert all("区块链" in str(table.get_row_at(i)[0]) for i in range(table.row_count))
        row = table.selected_row
        assert row is not None
        preview = str(app.query_one("#search-preview").render())
        assert row.haystack.replace("\n", "")[:40] in preview.replace("\n", "")
        await pilot.press("j")
        await pilot.pause()
        assert str(app.query_one("#search-preview").render()) != preview


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_targets_of_all_plans_show_the_plan_column(app: PlantApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        await pilot.press("t", "a")
        await _settle(pilot)
        table = app.query_one(TargetsTable)
        widths = [c.get_render_width(table) for c in table.columns.values()]
        assert [str(c.label) for c in table.columns.values()][-1] == "规划"
        assert sum(widths) <= table.scrollable_content_region.width
        await pilot.press("c")
        await _settle(pilot)
        columns = app.query_one(ColumnsTable)
        section = list(columns.columns.values())[1]
        assert str(section.label) == "所在章节" and section.get_render_width(columns) >= 10


async def test_e_exports_the_hits_and_the_filtered_outline(app: PlantApp, tmp_path: Path) -> None:
    from textual.widgets import RadioButton

    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块链", "enter", "s")
        await _settle(pilot)
        await pilot.press("e")
        await _settle(pilot)
        buttons = list(app.screen.query(RadioButton))
        assert len(buttons) == 3 and buttons[1].value  # from 检索, the hits come first
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "hits.md")
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.press("e")
        await _settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert list(app.screen.query(RadioButton))[2].value
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "outline.md")
        await pilot.press("enter")
        await _settle(pilot)
    hits = (tmp_path / "hits.md").read_text(encoding="utf-8")
    total = app.filter_result.total  # type: ignore[union-attr]
    assert hits.startswith(f"# 检索：区块链\n\n共 {total} 处 ·") and hits.count("**区块链**") == total
    outline = (tmp_path / "outline.md").read_text(encoding="utf-8")
    assert outline.startswith("# 目录：区块链") and "- **河北省数字经济发展规划（2020-2025年）** (" in outline
    assert "专栏十" in outline


async def test_o_opens_the_source_in_the_editor_at_the_line_read(
    app: PlantApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib

    calls: list[list[str]] = []
    monkeypatch.chdir(ROOT)  # sources are stored relative to the repository
    monkeypatch.setenv("EDITOR", "myeditor -n")
    monkeypatch.setattr("subprocess.run", lambda cmd, check: calls.append(cmd))  # imported by o
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块链", "enter", "o")
        await _settle(pilot)
        line = app.query_one(Reader).current_hit.block.line  # type: ignore[union-attr]
    assert calls == [["myeditor", "-n", f"+{line}", "seeds/000_92c45eb8100875c9.txt"]] and line > 1


async def test_o_on_a_pdf_opens_the_text_read_from_it_at_the_line_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """User trial: o on a PDF plan showed the PDF's bytes in less (%PDF-1.4, 1 0 obj …). It opens
    the text plantui read, each block on the line the reader cites."""
    import contextlib

    pdf = ROOT / "tests" / "fixtures" / "formats" / "pdf_jiangxi_investment_approval_checklist_2020.pdf"
    path = tmp_path / "pdf.db"
    import_paths(db.connect(path), [str(pdf)])
    app = PlantApp(path)
    calls: list[list[str]] = []
    monkeypatch.setenv("EDITOR", "myeditor")
    monkeypatch.setattr("subprocess.run", lambda cmd, check: calls.append(cmd))
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        reader = app.query_one(Reader)
        para = reader.current_para()
        assert para is not None
        await pilot.press("o")
        await _settle(pilot)
    [command] = calls
    assert command[:2] == ["myeditor", f"+{para.block.line}"] and command[2].endswith(".pdf.txt")
    lines = Path(command[2]).read_text(encoding="utf-8").split("\n")
    first = lines[para.block.line - 1]
    assert first and para.block.text.startswith(first), (first, para.block.text)


async def test_enter_goes_to_the_first_plan_with_hits_when_this_one_has_none(app: PlantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"郑州", "enter")  # at once: the counts may still be on their way
        await _settle(pilot)
        reader = app.query_one(Reader)
        assert reader.document_id == 2 and reader.hit_counter == f"1/{_occurrences(app, 2, '郑州')}"
        hit = reader.current_hit
        assert hit is not None and reader.is_shown(hit)


@pytest.mark.parametrize("query", ["区块链", "数", "数字 经济", "（", "5G"])
def test_quick_members_and_counted_occurrences_agree(app_db: Path, query: str) -> None:
    """The tree first narrows to filter_members' plans, then shows filter_counts' numbers: both
    name the same plans and nodes, and the numbers are every occurrence (str.count) of each term."""
    from plantui import browse, search

    conn = db.connect(app_db, create=False)
    try:
        documents = [d.id for d in browse.documents(conn)]
        members = browse.filter_members(conn, query, documents)
        counts = browse.filter_counts(conn, query, documents)
        words = search.terms(query)
        expected: dict[int, int] = {}
        for document_id, text in conn.execute("SELECT document_id, text FROM passages"):
            if all(w in text for w in words):
                expected[document_id] = expected.get(document_id, 0) + sum(text.count(w) for w in words)
    finally:
        conn.close()
    assert not members.counted and counts.counted
    assert set(members.doc_counts) == set(counts.doc_counts) == set(expected)
    assert set(members.node_counts) == set(counts.node_counts)
    assert counts.doc_counts == expected and counts.total == sum(expected.values())


@pytest.mark.parametrize("word", ["数据", "发展", "5G"])
async def test_every_plan_counts_in_the_reader_what_the_outline_says(app: PlantApp, word: str) -> None:
    """Walking every plan with hits by n: each reader counter matches its outline count."""
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *word, "enter")
        await _settle(pilot)
        result = app.filter_result
        assert result is not None and result.counted and len(result.doc_counts) >= 3
        reader = app.query_one(Reader)
        seen: dict[int | None, int] = {}
        for _ in range(len(result.doc_counts)):
            seen[reader.document_id] = reader.hit_count
            reader.go_to_hit(-1)  # the last hit of this plan: n goes on to the next plan
            await pilot.press("n")
            await _settle(pilot)
        assert seen == result.doc_counts


async def test_while_counting_the_outline_shows_an_ellipsis_not_a_number(app: PlantApp) -> None:
    from plantui import browse

    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        conn = db.connect(app.db_path, create=False)
        try:
            members = browse.filter_members(conn, "数据", [1])
        finally:
            conn.close()
        tree = app.query_one(OutlineTree)
        tree.apply_filter(members)
        await pilot.pause()
        assert all(label.endswith("(…)") for label in _tree_labels(app))
        assert tree.render_line(0).text.rstrip().endswith("(…)")


async def test_the_breadcrumb_is_cut_again_when_the_terminal_is_resized(app: PlantApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块链", "enter", "n", "n")
        await _settle(pilot)
        wide = str(app.query_one("#breadcrumb").render())
        await pilot.resize_terminal(80, 24)
        await _settle(pilot)
        narrow = str(app.query_one("#breadcrumb").render())
        crumb = app.query_one("#breadcrumb")
        assert narrow != wide and cell_len(narrow) <= crumb.size.width
        assert wide.split(" › ")[-1][:8] in narrow  # the place being read is what stays


PDF_PLAN = ROOT / "tests" / "fixtures" / "formats" / "pdf_beijing_gov_work_report_2024.pdf"


@pytest.fixture(scope="module")
def pdf_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "plantui.db"
    conn = db.connect(path)
    import_paths(conn, [str(PDF_PLAN)], workers=1)
    conn.close()
    return path


async def test_a_pdf_plan_shows_its_pages_next_to_lines(pdf_db: Path, tmp_path: Path) -> None:
    """The reader's breadcrumb names the page being read; targets, 检索 and 专栏 name the page of
    a row next to its line (a real PDF: the 2024 Beijing work report, 13 pages)."""
    copy = tmp_path / "plantui.db"
    shutil.copy(pdf_db, copy)
    app = PlantApp(copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        reader = app.query_one(Reader)
        assert reader.content is not None and len(reader.content.page_starts) == 13
        assert str(app.query_one("#breadcrumb").render()).rstrip().endswith("第 1 页")
        await pilot.press("tab", "G")
        await _settle(pilot)
        para = reader.current_para()
        assert para is not None and para.page is not None and para.page >= 12
        assert str(app.query_one("#breadcrumb").render()).rstrip().endswith(f"第 {para.page} 页")
        await pilot.press("t")
        await _settle(pilot)
        table = app.query_one(TargetsTable)
        row = table.selected_row
        assert row is not None
        line = row.target.line
        target = next(t for t in app.targets if t.target.line == line)
        assert target.page is not None and target.page > 1
        preview = str(app.query_one("#targets-preview").render())
        assert f"第 {line} 行 · 第 {target.page} 页" in preview
        await pilot.press("slash", *"营商环境", "enter", "s")
        await _settle(pilot)
        hit = app.query_one(HitsTable).selected_row
        assert hit is not None and app.search_result is not None
        first = next(h for h in app.search_result.hits if h.passage_id == hit.target.passage_id)
        assert first.page is not None
        assert f"第 {first.line_start} 行 · 第 {first.page} 页" in str(
            app.query_one("#search-preview").render()
        )


async def test_the_reader_leaves_out_lines_that_only_label_metadata(app: PlantApp) -> None:
    """A scraper's label lines (# -*- coding, ## 政策标题：) are metadata labels, not text: the plan
    opens on its card and then its text (#14.12)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        reader = app.query_one(Reader)
        shown = "\n".join(reader.rendered())
        assert "河北省人民政府关于印发" in shown
        for label in ("# -*- coding", "## 政策标题：", "## 政策来源：", "## 政策内容："):
            assert label not in shown


async def test_status_lines_break_by_the_chinese_rules_not_at_the_last_space(app: PlantApp) -> None:
    """At 80 columns the 检索 status wrapped after “按 /” and left the sentence on the next line;
    a status line breaks where the text is full (避头尾), like the reader."""
    from plantui.linebreak import NO_START as NO_LINE_START

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("s")
        await _settle(pilot)
        status = app.query_one("#search-status")
        lines = [strip.text.strip() for strip in status.render_lines(status.region.reset_offset)]
        width = status.content_size.width
        assert len(lines) > 1 and cell_len(lines[0]) >= width - 4, lines  # full, but for a carried character
        assert not any(line and line[0] in NO_LINE_START for line in lines[1:])


async def test_previews_break_where_the_line_is_full(app: PlantApp) -> None:
    """The 专栏 preview at 80 columns broke after “›” at a space, leaving half a line empty; a
    preview breaks where the text is full (避头尾), as the reader does."""
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("c")
        await _settle(pilot)
        preview = app.query_one("#columns-preview")
        lines = [strip.text.strip() for strip in preview.render_lines(preview.region.reset_offset)]
        lines = [line for line in lines if line and not line.startswith("▔")]  # its top border
        width = preview.content_size.width
        assert len(lines) > 2 and cell_len(lines[0]) >= width - 4, lines


async def test_full_collections_wait_for_an_idle_moment_and_end_with_the_app(app: PlantApp) -> None:
    import gc

    from plantui.tui import collect

    before = gc.get_threshold()
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        assert gc.get_threshold()[2] > 10**6  # no full pass in the middle of a key
        assert gc.get_freeze_count() > 0  # the loaded plans and widgets are left out of them
        app.collector.touched()  # as a key would: the app's own idle check must not run it first
        for _ in range(collect.FULL_AFTER + 1):
            gc.collect(1)  # young passes still run; they make a full one due
        await pilot.press("j")
        assert not app.collector.tick()  # a key just came in: not now
        app.collector.last_input -= collect.IDLE
        assert app.collector.tick() and gc.get_count()[2] == 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


async def test_narrowing_detaches_plans_and_widening_attaches_the_same_nodes(app: PlantApp) -> None:
    """A keystroke costs what changes, not the library: the plans without the words are detached
    (their nodes kept, with their outlines) and attached again, in the list's order, when the
    filter is cleared; labels are never rewritten (counts are drawn with the line)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        tree = app.query_one(OutlineTree)
        before = list(tree.root.children)
        labels = [str(node.label) for node in before]
        await pilot.press("slash", *"区块链")
        await _settle(pilot)
        narrowed = list(tree.root.children)
        assert 0 < len(narrowed) < len(before)
        assert [node for node in before if any(node is n for n in narrowed)] == narrowed
        assert [str(node.label) for node in before] == labels
        count = _occurrences(app, narrowed[0].data.document_id, "区块链")  # type: ignore[union-attr]
        assert tree.render_line(0).text.rstrip().endswith(f"({count})")
        await pilot.press("escape", "escape")
        await _settle(pilot)
        assert len(tree.root.children) == len(before)
        assert all(a is b for a, b in zip(tree.root.children, before, strict=True))
        assert not tree.render_line(0).text.rstrip().endswith(")")


async def test_the_plans_on_screen_are_counted_before_the_rest(app: PlantApp) -> None:
    """First which plans hold the words (every count …), then the occurrences of the plans on
    screen (exact numbers there, … for the rest), then every plan: the same numbers."""
    from plantui import browse

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        tree = app.query_one(OutlineTree)
        expanded = tree.expanded_documents
        conn = db.connect(app.db_path, create=False)
        try:
            members = browse.filter_members(conn, "数据", expanded)
            full = browse.filter_counts(conn, "数据", expanded)
        finally:
            conn.close()
        tree.apply_filter(members)
        await pilot.pause()
        assert all(label.endswith("(…)") for label in _tree_labels(app))
        visible = tree.visible_documents()
        hidden = [d for d in full.doc_counts if d not in visible]
        assert visible and hidden  # the first plan's outline fills the screen
        partial = app._count_visible("数据", members, visible)
        tree.apply_filter(partial)
        await pilot.pause()
        shown = {node.data.document_id: tree.shown_label(node) for node in tree.root.children}  # type: ignore[union-attr]
        for document_id in visible:
            assert shown[document_id].endswith(f"({full.doc_counts[document_id]})")
        for document_id in hidden:
            assert shown[document_id].endswith("(…)")
        lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        assert lines[0].endswith(f"({full.doc_counts[visible[0]]})")
        assert not any(line.endswith("(…)") for line in lines)  # nothing on screen waits
        # the whole count changes nothing on screen: the outline is not drawn again
        redrawn: list[object] = []
        original = tree.refresh
        tree.refresh = lambda *args, **kwargs: redrawn.append(args) or original(*args, **kwargs)  # type: ignore[method-assign]
        tree.apply_filter(full)
        tree.refresh = original  # type: ignore[method-assign]
        assert redrawn == []
        await pilot.pause()
        assert [tree.render_line(y).text.rstrip() for y in range(tree.size.height)] == lines
        # the plans below show their numbers when they come on screen
        tree.scroll_end(animate=False)
        await pilot.pause()
        shown_lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        below = [line for line in shown_lines if line.startswith("▶")]
        assert below and all(line.endswith(")") for line in below)
        assert not any(line.endswith("(…)") for line in shown_lines)
        assert all(
            tree.shown_label(node).endswith(f"({full.doc_counts[node.data.document_id]})")
            for node in tree.root.children
        )  # type: ignore[union-attr]


async def test_the_frame_is_painted_before_the_library_is_read(app: PlantApp) -> None:
    """First frame: the app's frame is drawn before the database is opened; the plans fill it in."""
    seen: list[tuple[bool, int]] = []

    class Probe(PlantApp):
        def _on_mount(self) -> None:  # Textual calls it before the app's own on_mount
            self.call_after_refresh(lambda: seen.append((self.store is None, len(self.documents))))

    probe = Probe(app.db_path)
    async with probe.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        assert seen == [(True, 0)]
        assert probe.store is not None and len(probe.documents) == 5


def test_the_first_frame_imports_only_what_it_draws() -> None:
    """Opening the app does not import what only a key needs: exporting, comparing targets, the
    import and help screens, running an editor."""
    import subprocess
    import sys

    later = [
        "plantui.export",
        "plantui.compare",
        "plantui.importer",
        "plantui.tui.found",
        "plantui.tui.screens.importing",
        "plantui.tui.screens.export",
        "plantui.tui.screens.help",
        "shlex",
    ]
    code = f"import sys, plantui.tui.app; print([m for m in {later!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


async def test_backspace_shows_the_counts_already_made_without_a_query(app: PlantApp) -> None:
    """Typing back (Backspace) to a query counted before in this filter shows its counts at once,
    with no filter worker; clearing the filter forgets them."""
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"区块")
        await _settle(pilot)
        first = app.filter_result
        assert first is not None and first.counted and first.query == "区块"
        await pilot.press("链")
        await _settle(pilot)
        assert app.filter_result is not None and app.filter_result.query == "区块链"
        started = len(app.workers)
        await pilot.press("backspace")
        assert app.filter_result is first and len(app.workers) <= started
        assert not [w for w in app.workers if w.group == "filter" and w.is_running]
        assert _tree_labels(app)[0].endswith(f"({first.doc_counts[1]})")
        await pilot.press("escape", "escape")
        await _settle(pilot)
        assert not app._counted


def test_closing_the_store_waits_for_a_running_query_and_refuses_later_ones(app_db: Path) -> None:
    """Quitting while a worker is in a query: the query is interrupted and the connections are
    closed after it (closing under it crashed the process); later queries end quietly."""
    import sqlite3
    import threading
    import time

    from plantui.tui.store import Store, StoreClosed

    store = Store(app_db)
    started = threading.Event()
    outcome: list[str] = []

    def slow(conn: sqlite3.Connection) -> int:
        started.set()
        sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        return int(conn.execute(sql).fetchone()[0])  # never ends unless interrupted

    def worker() -> None:
        try:
            store.load(slow)
        except sqlite3.OperationalError as error:
            outcome.append(str(error))

    thread = threading.Thread(target=worker)
    thread.start()
    assert started.wait(10)
    time.sleep(0.05)
    store.close()
    thread.join(10)
    assert outcome == ["interrupted"] and store.closed
    with pytest.raises(StoreClosed):
        store.find(lambda conn: conn.execute("SELECT 1").fetchone())


async def test_outline_lines_are_the_lines_tree_would_build(app: PlantApp) -> None:
    """The outline makes its lines itself (a plan's line is kept between filters): they are the
    lines Textual's Tree makes, in order, for an opened plan, a filter and the filter cleared."""
    from textual.widgets import Tree

    def same_as_tree() -> None:
        tree = app.query_one(OutlineTree)
        tree._build()
        ours = [(line.path, line.last) for line in tree._tree_lines]
        size = tree.virtual_size
        Tree._build(tree)
        assert ours == [(line.path, line.last) for line in tree._tree_lines]
        assert size == tree.virtual_size
        assert [line.node._line for line in tree._tree_lines] == list(range(len(ours)))

    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        tree = app.query_one(OutlineTree)
        assert any(node.is_expanded and node.children for node in tree.root.children)
        same_as_tree()
        await pilot.press("slash", *"数字", "enter")
        await _settle(pilot)
        assert len(tree._tree_lines) > len(tree.root.children)  # a plan's outline is open
        same_as_tree()
        await pilot.press("escape", "escape")
        await _settle(pilot)
        same_as_tree()


async def test_plans_imported_by_another_process_are_listed(
    app: PlantApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`plantui import` run while the app is open (user trial F9): once the import has committed,
    the outline lists the new plan and the filter counts it, without restarting the app."""
    from plantui.tui import base

    monkeypatch.setattr(base, "LIBRARY_CHECK", 0.1)
    plan = ROOT / "tests/fixtures/real/docs/report_zhejiang_2026.txt"
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *"浙江省政府工作报告")
        await _settle(pilot)
        before = _tree_labels(app)
        conn = db.connect(app.db_path)
        try:
            import_paths(conn, [str(plan)])
        finally:
            conn.close()
        for _ in range(100):
            await pilot.pause(0.05)
            if _tree_labels(app) != before and app.filter_result and app.filter_result.counted:
                break
        await _settle(pilot)
        labels = _tree_labels(app)
        assert len(app.documents) == 6
        assert any(label.startswith("2026年浙江省政府工作报告") for label in labels), labels
        result = app.filter_result
        assert result is not None and result.counted
        assert len(result.doc_counts) == len(labels)  # the counts agree with what is listed


@pytest.mark.parametrize("query", ["数字经济", "工业互联网 平台", "区块链"])
def test_first_screenful_of_plans_is_the_start_of_every_plan(app_db: Path, query: str) -> None:
    """A common word narrows the outline to the first plans holding it before every match is read
    (browse.filter_first): those are the first plans, in the outline's order, of what
    filter_members finds, with the same passage counts; asked for more, it is all of them."""
    from plantui import browse

    conn = db.connect(app_db, create=False)
    try:
        members = browse.filter_members(conn, query)
        order = [d.id for d in browse.documents(conn)]
        every = [d for d in order if members.doc_counts.get(d)]
        assert len(every) >= 2
        found = browse.filter_first(conn, query, 1)
        assert found is not None
        first, complete = found
        assert not complete and list(first.doc_counts) == every[:1]
        assert first.doc_counts[every[0]] == members.doc_counts[every[0]]
        found = browse.filter_first(conn, query, len(order))
        assert found is not None and found[1] and found[0].doc_counts == members.doc_counts
        assert browse.filter_first(conn, "数", 1) is None  # one character: filter_members does
    finally:
        conn.close()


def test_a_rows_marks_are_those_of_the_whole_paragraph_cut(app_db: Path) -> None:
    """The reader styles a row from its own stretch of the paragraph's targets and hits (cutting a
    styled Text of a 4 MB paragraph took seconds a row, user trial F27): every row of a real plan,
    filtered by 数字, carries what the whole paragraph highlighted and cut at the row would."""
    from plantui import browse
    from plantui.tui.text import HIT_STYLE, TARGET_STYLE, highlighted
    from plantui.tui.widgets.layout import page_for

    conn = db.connect(app_db, create=False)
    try:
        page = page_for(browse.content(conn, 1))
    finally:
        conn.close()
    words = ["数字"]
    checked = 0
    for para in page.paras:
        para.mark(words)
        if not (para.hit or para.targets):
            continue
        whole = highlighted(para.block.text, words if para.hit else [], "", para.targets)
        for start, end in para.lines(60):
            targets, hits = para.marks.on_line(start, end)
            ours = sorted([(a, b, TARGET_STYLE) for a, b in targets] + [(a, b, HIT_STYLE) for a, b in hits])
            cut = whole[start:end]
            assert sorted((s.start, s.end, str(s.style)) for s in cut.spans) == ours
            checked += 1
    assert checked > 50
