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
        for _ in range(200):  # the library is read once the first frame is painted
            if pilot.app.store is not None:
                break
            await pilot.pause(0.01)
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for _ in range(3):  # a worker's result is posted: it may start another worker
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause(0.2)

    return run


SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
VIEWS = {
    "reader": (),  # the first plan, opening on its metadata card
    "filter": ("slash", *"区块链", "enter", "n"),  # hits counted, the reader at the second hit
    "targets": ("t", "a"),  # every plan's targets, the 规划 column on screen
    "columns": ("c",),
    "search": ("slash", *"区块链", "enter", "s", "j"),  # snippets centred on the hit, a preview
    "help": ("question_mark",),
    "untitled": ("j", "j", "j", "j", "j", "j", "j", "j", "enter"),  # a plan named by its kind and first words
}


@SIZES
@pytest.mark.parametrize("view", list(VIEWS))
def test_view(snap_compare, app: PlantApp, view: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=size, run_before=_before(*VIEWS[view]))


@SIZES
def test_light_theme(snap_compare, app: PlantApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        app, terminal_size=size, run_before=_before("slash", *"区块链", "enter", theme="textual-light")
    )
