"""Shared fixtures: a database with the seeds imported once per test session."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from plantui import db
from plantui.importer import import_paths
from support import ROOT, SEEDS


@pytest.fixture(scope="session")
def seeded_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file holding the five seeds (do not write to it; copy it instead)."""
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    conn = db.connect(path)
    results = import_paths(conn, [str(SEEDS)], workers=1)
    assert [r.status for r in results] == ["new"] * 5
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def seeded(seeded_path: Path) -> Iterator[sqlite3.Connection]:
    conn = db.connect(seeded_path)
    yield conn
    conn.close()


@pytest.fixture
def seeded_copy(seeded_path: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded database that a test may change."""
    path = tmp_path / "copy.db"
    shutil.copy(seeded_path, path)
    return path


@pytest.fixture(scope="session")
def app_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds imported with relative source paths, as a user at the repository root would."""
    path = tmp_path_factory.mktemp("app") / "plantui.db"
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        conn = db.connect(path)
        import_paths(conn, ["seeds"], workers=1)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    finally:
        os.chdir(here)
    return path
