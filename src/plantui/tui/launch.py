"""Open the app: import ./seeds first when there is no database yet."""

from __future__ import annotations

from pathlib import Path


def launch(db_path: Path) -> None:
    from plantui.tui.app import PlantApp

    seeds = Path("seeds")
    first_run = not db_path.exists() and seeds.is_dir()
    PlantApp(db_path, import_first=seeds if first_run else None).run()
