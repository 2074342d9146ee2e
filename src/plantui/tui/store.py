"""The database behind the app: one connection for loading, one for filtering and searching, so a
filter query that typing has made stale can be interrupted without touching a load."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from plantui import db

T = TypeVar("T")


class Store:
    """The database behind the app: queries run under a lock, on the calling worker's thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._load = db.connect(path, create=False)
        self._find = db.connect(path, create=False)
        self._load_lock = threading.Lock()
        self._find_lock = threading.Lock()

    def load(self, query: Callable[..., T], *args: Any) -> T:
        with self._load_lock:
            return query(self._load, *args)

    def find(self, query: Callable[..., T], *args: Any) -> T:
        with self._find_lock:
            return query(self._find, *args)

    def interrupt_find(self) -> None:
        self._find.interrupt()

    def close(self) -> None:
        self._load.close()
        self._find.close()
