"""The app: time to first frame and filter keystroke latency, on the seeds and on N plans.

    python benchmarks/bench_tui.py [N]       # default 1000

First frame: from starting the process until the first screen is painted, and until the
plans are listed (the process is started afresh each time, as a user would). Keystroke
latency: from a key typed into the filter box until the outline is narrowed, and until it
shows the counted occurrences. Keys: n within a plan and on to the next plan, r/t/c/s.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import DATA, build

ROOT = Path(__file__).resolve().parent.parent
QUERIES = {"common": ["数据", "数字经济", "发展"], "rare": ["区块链", "雄安新区", "智慧灌溉"]}

_FIRST_FRAME = r"""
import os, sys
from pathlib import Path
from plantui.tui.app import PlantApp

def say(word):
    os.write(1, (word + "\n").encode())  # the app captures print()

class Probe(PlantApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(lambda: say("painted"))

    def _loaded(self, *args):
        super()._loaded(*args)
        self.call_after_refresh(lambda: (say("listed"), self.exit()))

Probe(Path(sys.argv[1])).run(headless=True, size=(120, 40))
"""


def database(count: int) -> Path:
    """A database of the seeds (count 0) or of ``count`` generated plans, built once."""
    path = DATA / f"tui_{count}.db"
    if path.exists():
        return path
    source = ROOT / "seeds" if count == 0 else build(count)
    subprocess.run(
        [sys.executable, "-m", "plantui", "--db", str(path), "import", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return path


def first_frame(path: Path, runs: int = 3) -> tuple[float, float, float]:
    """Seconds to the first paint and to the listed plans, and the app's peak memory in MB."""
    painted, listed, peaks = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _FIRST_FRAME, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            now = time.perf_counter() - start
            if line.startswith("painted"):
                painted.append(now)
            elif line.startswith("listed"):
                listed.append(now)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peaks.append(usage.ru_maxrss / 1024)
    return min(painted), min(listed), max(peaks)


async def keystrokes(path: Path) -> dict[str, list[float]]:
    """Per keystroke: ms until the outline is narrowed, and until it shows the counted occurrences
    (the same moment for queries with few passages)."""
    from plantui.tui.app import PlantApp

    app = PlantApp(path)
    narrowed: dict[str, float] = {}
    counted: dict[str, float] = {}
    original = app._filtered

    def filtered(result):  # type: ignore[no-untyped-def]
        original(result)
        now = time.perf_counter()
        narrowed.setdefault(result.query, now)
        if result.counted:
            counted[result.query] = now

    app._filtered = filtered  # type: ignore[method-assign]
    out: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for name, queries in QUERIES.items():
            for query in queries:
                await pilot.press("slash")
                for length in range(1, len(query) + 1):
                    typed = query[:length]
                    start = time.perf_counter()
                    await pilot.press(query[length - 1])
                    while typed not in counted:
                        await asyncio.sleep(0.001)
                    tree = f"filter keystroke → tree, {name} words"
                    out.setdefault(f"{tree}, narrowed", []).append((narrowed[typed] - start) * 1000)
                    out.setdefault(f"{tree}, counted", []).append((counted[typed] - start) * 1000)
                await pilot.press("escape", "escape")  # leave the box, then clear the filter
                await app.workers.wait_for_complete()
                await pilot.pause(0.2)  # the typing pause ends before the next query
                narrowed.clear()
                counted.clear()
    return out


async def keys(path: Path) -> dict[str, list[float]]:
    """Per key: ms from the key's action (n within a plan, n on to the next plan, r/t/c/s) until
    the app is done with it: the reader at the new hit, the view shown and its table filled, the
    next frame painted. The action is called as the key binding calls it (the pilot's own
    waiting is left out)."""
    from plantui.tui.app import PlantApp
    from plantui.tui.widgets.reader import Reader

    app = PlantApp(path)
    out: dict[str, list[float]] = {}

    async def timed(name: str, action, done) -> None:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        action()
        while not (done() and all(w.is_finished for w in app.workers)):
            await asyncio.sleep(0.001)
        await asyncio.sleep(0)
        app.screen._compositor_refresh()  # paint now, as the next frame would
        out.setdefault(name, []).append((time.perf_counter() - start) * 1000)

    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.query_one(Reader)
        await pilot.press("slash", *"区块链", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(5):
            document, index = reader.document_id, reader.hit_index
            if index + 1 < reader.hit_count:
                stepped = lambda i=index: reader.hit_index == i + 1  # noqa: E731
                await timed("n, same plan", lambda: app.action_hit(1), stepped)
            reader.go_to_hit(-1)
            await pilot.pause()
            moved = lambda d=document: reader.document_id != d and reader.hit_index == 0  # noqa: E731
            await timed("n, next plan", lambda: app.action_hit(1), moved)
            await pilot.pause()
        for view in ("targets", "columns", "search", "read") * 2:
            await timed(f"view {view}", lambda v=view: app.action_view(v), lambda: True)
            await pilot.pause()
    return out


def main(count: int) -> None:
    for label, size in (("seeds (5 plans)", 0), (f"{count} plans", count)):
        path = database(size)
        painted, listed, peak = first_frame(path)
        print(
            f"{label}: first frame {painted:.2f} s, plans listed {listed:.2f} s after the process starts, "
            f"app peak memory {peak:.0f} MB"
        )
        latencies = asyncio.run(keystrokes(path))
        latencies.update(asyncio.run(keys(path)))
        for name, values in latencies.items():
            values.sort()
            print(
                f"{label}: {name}: "
                f"median {statistics.median(values):.0f} ms, "
                f"max {values[-1]:.0f} ms over {len(values)} keys"
            )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
