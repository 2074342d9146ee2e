"""Worker processes that end with the process that started them.

A pool's workers wait on a pipe that they themselves hold open (forked copies), so when the
importing process is killed (kill -9, a crash) they would wait forever. Each worker runs
``die_with_parent`` first: a daemon thread that ends the worker once its parent is gone
(it has been re-parented, so ``os.getppid()`` changed).
"""

from __future__ import annotations

import os
import threading
import time

INTERVAL = 0.2  # seconds between looks at the parent


def die_with_parent(parent: int, interval: float = INTERVAL) -> None:
    """Pool initializer: end this process within ``interval`` seconds of ``parent`` ending."""
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, interval), name="plantui-watchdog", daemon=True).start()


def _watch(parent: int, interval: float) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)  # no cleanup: the parent that would collect the results is gone
