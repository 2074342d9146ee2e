"""The app: first frame, filter keystrokes and keys, on the seeds and on N plans.

    python benchmarks/bench_tui.py [N] [--before DIR] [--rounds 3]     # default 1000 plans
    python benchmarks/bench_tui.py --db COPY.db [--before DIR]          # a library built already

``--turns N``: before and after are measured in turn N times and the figures pooled (on a
machine shared with other work, a busy minute then weighs on both).

``--db``: a library already built (e.g. a copy of a 10,000-plan one: the app may write to it), used
for both checkouts in place of N generated plans (the seeds are still measured first).

``--before DIR``: a checkout of an earlier plantui (e.g. ``git worktree add /tmp/old HEAD~5`` or
``git archive REV src | tar -x -C /tmp/old``); the same measurements run on its ``src`` in the
same run, one after the other, and are printed side by side.

First frame: from starting the process until the first screen is painted, and until the
plans are listed (the process is started afresh each time, as a user would). Keystroke
latency: from a key typed into the filter box until the screen has been painted with the outline
narrowed, with the plans on screen counted, and with every plan counted (each query typed
``--rounds`` times). Keys: n within a plan and on to the next plan, r/t/c/s, the
reader's j/Ctrl+D/G, the outline's j and Enter on a plan. Memory: the peak of the process
that ran all of the keys.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from corpus import DATA, build

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
QUERIES = {"common": ["数据", "数字经济", "发展"], "rare": ["区块链", "雄安新区", "智慧灌溉"]}

_FIRST_FRAME = r"""
import os, sys
from pathlib import Path
from plantui.tui.app import PlantApp

def say(word):
    os.write(1, (word + "\n").encode())  # the app captures print()

class Probe(PlantApp):
    # Textual calls the handlers of every class in the MRO: this one runs before the app's own
    # on_mount (a subclass's on_mount calling super() would mount the app twice)
    def _on_mount(self):
        self.call_after_refresh(lambda: say("painted"))  # before the app's own after-paint work

    def _loaded(self, *args):
        super()._loaded(*args)
        self.call_after_refresh(lambda: (say("listed"), self.exit()))

Probe(Path(sys.argv[1])).run(headless=True, size=(120, 40))
"""


def database(count: int, src: Path = ROOT / "src", name: str = "") -> Path:
    """A database of the seeds (count 0) or of ``count`` generated plans, built once by the
    plantui in ``src`` (an earlier checkout may not open a newer schema: it gets its own)."""
    path = DATA / f"tui_{count}{'-' + name if name else ''}.db"
    if path.exists():
        return path
    source = ROOT / "seeds" if count == 0 else build(count)
    code = (
        "import sys; from plantui import db; from plantui.importer import import_paths; "
        "c = db.connect(sys.argv[1]); import_paths(c, [sys.argv[2]]); c.close()"
    )
    subprocess.run([sys.executable, "-c", code, str(path), str(source)], check=True, env=_env(src))
    return path


def _env(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src)}


def first_frame(path: Path, src: Path, runs: int = 3) -> dict[str, list[float]]:
    """Seconds to the first paint and to the listed plans, and the app's peak memory in MB: as this
    environment starts Python (PYTHONDONTWRITEBYTECODE=1 here: every plantui module is compiled
    on every start), and with compiled bytecode, as an installed plantui starts (kept out of the
    tree with PYTHONPYCACHEPREFIX; one unmeasured start writes it)."""
    cached = {
        **{k: v for k, v in _env(src).items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPYCACHEPREFIX": str(DATA / "pycache" / src.parent.name),
    }
    out: dict[str, list[float]] = {}
    _start(path, cached)
    for _ in range(runs):
        for label, env in (("", _env(src)), (", bytecode cached", cached)):
            painted, listed, peak = _start(path, env)
            out.setdefault(f"first frame{label} (ms)", []).append(painted)
            out.setdefault(f"plans listed{label} (ms)", []).append(listed)
            out.setdefault(f"first frame{label} peak memory (MB)", []).append(peak)
    return out


def _start(path: Path, env: dict[str, str]) -> tuple[float, float, float]:
    start = time.perf_counter()
    painted = listed = 0.0
    proc = subprocess.Popen(
        [sys.executable, "-c", _FIRST_FRAME, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        now = (time.perf_counter() - start) * 1000
        if line.startswith("painted"):
            painted = now
        elif line.startswith("listed"):
            listed = now
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return painted, listed, usage.ru_maxrss / 1024


async def keystrokes(path: Path, rounds: int = 1) -> dict[str, list[float]]:
    """Per keystroke, ms until the screen has been painted with: the outline narrowed; the counted
    occurrences of every plan on screen; the counted occurrences of every plan (the status line's
    total). For queries with few passages the three are one moment."""
    from plantui.tui.app import PlantApp

    app = PlantApp(path)
    narrowed: dict[str, float] = {}
    on_screen: dict[str, float] = {}
    counted: dict[str, float] = {}
    original = app._filtered

    def stamp(times: dict[str, float], query: str) -> None:
        times.setdefault(query, time.perf_counter())

    def filtered(result):  # type: ignore[no-untyped-def]
        shown = original(result)
        tree = app.query_one("#outline")
        visible = tree.visible_documents() if hasattr(tree, "visible_documents") else []
        exact = getattr(result, "is_exact", None)
        seen = result.counted or (exact is not None and all(exact(d) for d in visible))
        # after the next paint: what the user sees
        app.call_after_refresh(stamp, narrowed, result.query)
        if seen:
            app.call_after_refresh(stamp, on_screen, result.query)
        if result.counted:
            app.call_after_refresh(stamp, counted, result.query)
        return shown

    app._filtered = filtered  # type: ignore[method-assign]
    out: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(rounds):
            for name, queries in QUERIES.items():
                for query in queries:
                    await pilot.press("slash")
                    for length in range(1, len(query) + 1):
                        typed = query[:length]
                        start = time.perf_counter()
                        await pilot.press(query[length - 1])
                        while typed not in counted:
                            await asyncio.sleep(0.001)
                        key = f"filter keystroke → painted, {name} words"
                        for stage, times in (
                            ("outline narrowed", narrowed),
                            ("plans on screen counted", on_screen),
                            ("all counted", counted),
                        ):
                            out.setdefault(f"{key}, {stage}", []).append((times[typed] - start) * 1000)
                    await pilot.press("escape", "escape")  # leave the box, then clear the filter
                    await app.workers.wait_for_complete()
                    await pilot.pause(0.2)  # the typing pause ends before the next query
                    narrowed.clear()
                    on_screen.clear()
                    counted.clear()
    return out


async def keys(path: Path) -> dict[str, list[float]]:
    """Per key: ms from the key until the app is done with it: the reader at the new hit, the view
    shown and its table filled, the next frame painted. n and r/t/c/s call the key's action as the
    binding does; the scrolling keys are pressed (the pilot's own wait is included)."""
    from textual import events
    from textual.widgets import Tree

    from plantui.tui.app import PlantApp

    app = PlantApp(path)
    out: dict[str, list[float]] = {}

    async def settled(start: float, name: str, done) -> None:  # type: ignore[no-untyped-def]
        while not (done() and all(w.is_finished for w in app.workers)):
            await asyncio.sleep(0.001)
        await asyncio.sleep(0)
        app.screen._compositor_refresh()  # paint now, as the next frame would
        out.setdefault(name, []).append((time.perf_counter() - start) * 1000)

    async def timed(name: str, action, done) -> None:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        action()
        await settled(start, name, done)

    async def pressed(name: str, key: str, done=None) -> None:  # type: ignore[no-untyped-def]
        """Send ``key`` as the terminal would; done when what it moves has moved."""
        state = (reader.scroll_y, tree.cursor_line, reader.document_id)  # type: ignore[attr-defined]
        moved = done or (lambda: (reader.scroll_y, tree.cursor_line, reader.document_id) != state)  # type: ignore[attr-defined]
        start = time.perf_counter()
        app._driver.send_message(events.Key(key, key if len(key) == 1 else None))  # type: ignore[union-attr]
        await settled(start, name, moved)

    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.query_one("#reader")
        tree = app.query_one("#outline", Tree)
        await pilot.press("slash", *"区块链", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(5):
            document, index = reader.document_id, reader.hit_index  # type: ignore[attr-defined]
            if index + 1 < reader.hit_count:  # type: ignore[attr-defined]
                stepped = lambda i=index: reader.hit_index == i + 1  # type: ignore[attr-defined]  # noqa: E731
                await timed("n, same plan", lambda: app.action_hit(1), stepped)
            reader.go_to_hit(-1)  # type: ignore[attr-defined]
            await pilot.pause()
            moved = lambda d=document: reader.document_id != d and reader.hit_index == 0  # type: ignore[attr-defined]  # noqa: E731
            await timed("n, next plan", lambda: app.action_hit(1), moved)
            await pilot.pause()
        for view in ("targets", "columns", "search", "read") * 2:
            await timed(f"view {view}", lambda v=view: app.action_view(v), lambda: True)
            await pilot.pause()
        app.action_view("read")
        await pilot.pause()
        for key in ("j", "ctrl+d") * 5 + ("G", "g"):
            await pressed(f"reader {key}", key)
            await pilot.pause()
        await pilot.press("escape", "escape")
        await app.workers.wait_for_complete()
        tree.focus()
        await pilot.pause()
        for _ in range(5):
            await pressed("outline j", "j")
            await pilot.pause()
        for _ in range(5):
            tree.move_cursor(tree.root.children[(tree.cursor_line + 7) % len(tree.root.children)])
            await pilot.pause()
            wanted = tree.cursor_node.data.document_id  # type: ignore[union-attr]
            await pressed(
                "outline Enter on a plan",
                "enter",
                lambda w=wanted: reader.document_id == w,  # type: ignore[attr-defined]
            )
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    return out


def measure(path: Path, rounds: int) -> dict[str, list[float]]:
    """Every in-process figure for one database, and the process's peak memory."""
    results = asyncio.run(keystrokes(path, rounds))
    results.update(asyncio.run(keys(path)))
    results["session peak memory (MB)"] = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
    return results


def run(path: Path, src: Path, rounds: int) -> dict[str, list[float]]:
    """All figures for one database and one source tree (in a fresh process)."""
    results = first_frame(path, src, runs=max(3, 2 * rounds))
    proc = subprocess.run(
        [sys.executable, str(HERE / "bench_tui.py"), "--measure", str(path), "--rounds", str(rounds)],
        env=_env(src),
        cwd=HERE,
        check=True,
        capture_output=True,
        text=True,
    )
    results.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    return results


def summary(values: list[float]) -> str:
    values = sorted(values)
    if len(values) == 1:
        return f"{values[0]:.0f}"
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return f"median {statistics.median(values):.0f}, p95 {p95:.0f}, max {values[-1]:.0f} (n={len(values)})"


def main(
    count: int,
    before: Path | None,
    rounds: int,
    library: Path | None = None,
    seeds: bool = True,
    turns: int = 1,
) -> None:
    trees: list[tuple[str, Path]] = [("after", ROOT / "src")]
    if before is not None:
        trees.insert(0, ("before", before / "src"))
    sizes = [("seeds (5 plans)", 0), (f"{count} plans", count)]
    if library is not None:
        sizes[1] = (library.name, -1)
    if not seeds:
        sizes.pop(0)
    for label, size in sizes:
        figures: dict[str, dict[str, Any]] = {name: {} for name, _ in trees}
        for _ in range(turns):  # before, after, before, after…: a busy machine weighs on both
            for name, src in trees:
                path = library if library is not None and size < 0 else None
                path = path or database(size, src, "" if name == "after" else name)
                for key, values in run(path, src, rounds).items():
                    figures[name].setdefault(key, []).extend(values)
        for key in figures["after"]:
            shown = [f"{name} {summary(figures[name][key])}" for name, _ in trees if key in figures[name]]
            print(f"{label}: {key}: " + " → ".join(shown), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--before", type=Path, help="an earlier checkout to measure in the same run")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is typed (default 3)")
    parser.add_argument(
        "--turns", type=int, default=1, help="measure before and after in turn this many times"
    )
    parser.add_argument("--db", type=Path, help="a library built already, in place of N plans")
    parser.add_argument(
        "--seeds", action=argparse.BooleanOptionalAction, default=True, help="measure the seeds first"
    )
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure is not None:
        print(json.dumps(measure(args.measure, args.rounds)))
    else:
        main(args.count, args.before, args.rounds, args.db, args.seeds, args.turns)
