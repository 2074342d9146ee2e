"""Snapshots of the main views on the seeds (pytest-textual-snapshot; `pytest --snapshot-update` to renew)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from plantui.tui.app import PlantApp

pytest.importorskip("pytest_textual_snapshot")


@pytest.fixture
def app(app_db: Path, tmp_path: Path) -> PlantApp:
    copy = tmp_path / "plantui.db"
    shutil.copy(app_db, copy)
    return PlantApp(copy)


def _before(*keys: str, theme: str | None = None):  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        for box in pilot.app.query(Input):
            box.cursor_blink = False
        if theme:
            pilot.app.theme = theme
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause(0.2)

    return run


def test_reader(snap_compare, app: PlantApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(120, 40), run_before=_before())


def test_filter_with_hits(snap_compare, app: PlantApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(120, 40), run_before=_before("slash", *"区块链", "enter", "n"))


def test_targets_view(snap_compare, app: PlantApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(120, 40), run_before=_before("t"))


def test_columns_view(snap_compare, app: PlantApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(120, 40), run_before=_before("c"))


def test_help_screen(snap_compare, app: PlantApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(120, 40), run_before=_before("question_mark"))


def test_small_terminal(snap_compare, app: PlantApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(80, 24), run_before=_before())


def test_light_theme(snap_compare, app: PlantApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        app, terminal_size=(120, 40), run_before=_before("slash", *"区块链", "enter", theme="textual-light")
    )
