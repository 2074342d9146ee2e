"""Python's full garbage-collection passes kept off the keys.

At 1,000 plans the app holds a few hundred thousand objects; a full pass over them took
100-300 ms, and it landed on whichever key was being handled (Enter on a plan p95 372 ms against
a 28 ms median). The app's lasting data (the plans, their targets and 专栏, the widgets) is frozen
once loaded, so later passes skip it; the full passes over what is left run while the user is
idle, not in the middle of a key. The young generations are still collected as usual, and
refcounting frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc
import time

IDLE = 1.0  # seconds without input before a full pass may run
CHECK = 0.5  # seconds between looks
FULL_AFTER = 10  # young collections since the last full pass (Python's own default)
_NEVER = 1_000_000_000


class IdleCollector:
    """Hold off Python's full passes until the app is idle; ``stop`` gives the collector back."""

    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self._thresholds: tuple[int, int, int] | None = None
        self._frozen = False

    def start(self) -> None:
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            first, second, _ = self._thresholds
            gc.set_threshold(first, second, _NEVER)

    def touched(self) -> None:
        """A key or a mouse press came in."""
        self.last_input = time.monotonic()

    def freeze(self) -> None:
        """What is alive now lives as long as the app: later passes need not look at it."""
        gc.freeze()
        self._frozen = True

    def tick(self) -> bool:
        """Run a full pass if one is due and the user is idle; True if it ran."""
        if self._thresholds is None or gc.get_count()[2] < FULL_AFTER:
            return False
        if time.monotonic() - self.last_input < IDLE:
            return False
        gc.collect()
        return True

    def stop(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
