"""The database behind the app: one connection for loading, one for filtering and searching, so a
filter query that typing has made stale can be interrupted without touching a load."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from plantui import db

T = TypeVar("T")


class StoreClosed(sqlite3.OperationalError):
    """The app is closing: a worker's query was not run (workers end quietly on it)."""


class Store:
    """The database behind the app: queries run under a lock, on the calling worker's thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._load = db.connect(path, create=False)
        self._find = db.connect(path, create=False)
        self._load_lock = threading.Lock()
        self._find_lock = threading.Lock()
        self._closed = False

    def load(self, query: Callable[..., T], *args: Any) -> T:
        with self._load_lock:
            if self._closed:
                raise StoreClosed("the app is closing")
            return query(self._load, *args)

    def find(self, query: Callable[..., T], *args: Any) -> T:
        with self._find_lock:
            if self._closed:
                raise StoreClosed("the app is closing")
            return query(self._find, *args)

    def data_version(self) -> int:
        """A number SQLite changes when another connection (``plantui import`` in another process)
        has committed to the library since it was last read on this connection."""
        return int(self.load(lambda c: c.execute("PRAGMA data_version").fetchone()[0]))

    @property
    def closed(self) -> bool:
        return self._closed

    def interrupt_find(self) -> None:
        self._find.interrupt()

    def close(self) -> None:
        """Close both connections once no worker is inside a query (a query running now is
        interrupted; closing a connection under a running query crashed the process)."""
        self._closed = True
        self._load.interrupt()
        self._find.interrupt()
        with self._load_lock, self._find_lock:
            self._load.close()
            self._find.close()
