"""One-shot CLI commands at scale: `plantui list` and `plantui search WORD` beside `rg` over the
same files and a bare `python -c pass`, all in the same run, interleaved.

    python benchmarks/bench_cli.py [N] [--db PATH] [--before SRC] [--rounds R]

N plans are built from the seeds (benchmarks/corpus.py, default 1000) and imported once into
benchmarks/_data/cli_N.db (or --db PATH, imported there if it does not exist). --before SRC runs
every plantui command a second time with another source tree first on PYTHONPATH (say a
`git archive` of an older commit), so a change is measured against its past in the same run.
Each figure is the median wall time of R rounds; the commands of a round run one after another,
so the machine's load falls on all of them alike. "terminal" runs set TTY_COMPATIBLE=1 and
COLUMNS=80, as a terminal of 80 columns; "piped" runs write into a pipe.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import DATA, build, text_size

RARE = "第7号）"  # one plan's title
COMMON = "区块链"  # a few passages in most plans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--before", type=Path, help="an older src/ tree to compare with")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    corpus = build(args.count)
    chars, size = text_size(corpus)
    database = args.db or DATA / f"cli_{args.count}.db"
    if not database.exists():
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "plantui", "--db", str(database), "import", str(corpus)],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        print(f"imported in {time.perf_counter() - started:.0f} s")
    print(f"corpus: {args.count} plans, {chars / 1e6:.1f} M chars, {size / 1e6:.0f} MB; {database}")
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")

    plantui = [sys.executable, "-m", "plantui", "--db", str(database)]
    piped = {"TTY_COMPATIBLE": "0"}
    terminal = {"TTY_COMPATIBLE": "1", "COLUMNS": "80"}
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], {}),
        "plantui --version (Typer app)": ([*plantui, "--version"], {}),
        "list, piped": ([*plantui, "list"], piped),
        "list, terminal 80": ([*plantui, "list"], terminal),
        "list --json": ([*plantui, "list", "--json"], piped),
        f"search {RARE}, terminal": ([*plantui, "search", RARE], terminal),
        f"search {COMMON}, terminal (top 10)": ([*plantui, "search", COMMON], terminal),
        f"search {COMMON}, piped (every hit)": ([*plantui, "search", COMMON], piped),
    }
    rg = shutil.which("rg")
    if rg:
        commands[f"rg -c {COMMON} (files with counts)"] = ([rg, "-c", COMMON, str(corpus)], {})
        commands[f"rg {COMMON} (every line)"] = ([rg, COMMON, str(corpus)], {})
    else:
        print("rg not found: apt-get install ripgrep for the comparison")
    runs: dict[str, tuple[list[str], dict[str, str]]] = {}
    for name, (command, env) in commands.items():
        runs[name] = (command, env)
        if args.before and command[:3] == plantui[:3]:
            runs[f"{name} [before]"] = (command, {**env, "PYTHONPATH": str(args.before.resolve())})
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, (command, env) in runs.items():
            times[name].append(_wall(command, env))
    base = statistics.median(times["python -c pass"])
    width = max(len(name) for name in runs)
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<{width}}  {median * 1000:7.0f} ms  ({median / base:5.1f}x python -c pass)")
    if args.before:
        for name in commands:
            if f"{name} [before]" in times:
                now = statistics.median(times[name])
                before = statistics.median(times[f"{name} [before]"])
                print(f"{name:<{width}}  {before / now:5.2f}x faster than before")


def _wall(command: list[str], env: dict[str, str]) -> float:
    """Seconds from start to exit, output read from a pipe (as `| cat` would)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("TTY_COMPATIBLE", "COLUMNS")}
    environment.update(env)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, check=False)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
