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
import resource
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

from corpus import DATA, build, text_size

RARE = "第7号）"  # one plan's title
COMMON = "区块链"  # a few passages in most plans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--before", type=Path, help="an older src/ tree to compare with")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--replicate",
        type=int,
        default=1,
        metavar="K",
        help="also time `list` on a copy holding every plan K times (plans, sources, nodes, "
        "targets; no passages): `list` at K times N plans without importing them",
    )
    parser.add_argument(
        "--text", action="store_true", help="with --replicate: the passages too, so search runs on the copy"
    )
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
    if args.replicate > 1:
        many = _replicated(database, args.replicate, text=args.text)
        listed = [sys.executable, "-m", "plantui", "--db", str(many), "list"]
        plans = args.count * args.replicate
        commands[f"list, piped, {plans} plans"] = (listed, piped)
        commands[f"list, terminal 80, {plans} plans"] = (listed, terminal)
        if args.text:
            on_many = [sys.executable, "-m", "plantui", "--db", str(many), "search"]
            commands[f"search {RARE}, terminal, {plans} plans"] = ([*on_many, RARE], terminal)
            commands[f"search {COMMON}, terminal (top 10), {plans} plans"] = ([*on_many, COMMON], terminal)
            commands[f"search {COMMON}, piped (every hit), {plans} plans"] = ([*on_many, COMMON], piped)
    rg = shutil.which("rg")
    if rg:
        commands[f"rg -c {COMMON} (files with counts)"] = ([rg, "-c", COMMON, str(corpus)], {})
        commands[f"rg {COMMON} (every line)"] = ([rg, COMMON, str(corpus)], {})
    else:
        print("rg not found: apt-get install ripgrep for the comparison")
    runs: dict[str, tuple[list[str], dict[str, str]]] = {}
    for name, (command, env) in commands.items():
        runs[name] = (command, env)
        if args.before and command[:3] == [sys.executable, "-m", "plantui"]:
            runs[f"{name} [before]"] = (command, {**env, "PYTHONPATH": str(args.before.resolve())})
    walls: dict[str, list[float]] = {name: [] for name in runs}
    cpus: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, (command, env) in runs.items():
            wall, cpu = _timed(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    wall = {name: statistics.median(values) for name, values in walls.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    base = wall["python -c pass"]
    width = max(len(name) for name in runs) + 8
    print(f"{_pad('median of ' + str(args.rounds), width)}  {'wall':>7}     {'cpu':>7}")
    for name in runs:
        print(
            f"{_pad(name, width)}  {wall[name] * 1000:7.0f} ms  {cpu[name] * 1000:7.0f} ms"
            f"  ({wall[name] / base:5.1f}x python -c pass)"
        )
    if args.before:
        for name in commands:
            if f"{name} [before]" in wall:
                then = f"{name} [before]"
                print(
                    f"{_pad(name, width)}  {wall[then] / wall[name]:5.2f}x faster than before "
                    f"(cpu {cpu[then] / cpu[name]:.2f}x)"
                )


def _replicated(database: Path, times: int, text: bool = False) -> Path:
    """A copy of ``database`` whose plans (documents, sources, nodes, targets) are there
    ``times`` times over, under new ids. With ``text`` their passages too, indexed for search
    as the import indexes them (the character tokens of plantui.segment); the jieba word index
    (only --raw queries read it) is left as it was."""
    import sqlite3

    out = database.with_name(f"{database.stem}_x{times}{'_text' if text else ''}.db")
    if out.exists():
        return out
    source = sqlite3.connect(database)
    target = sqlite3.connect(out)
    source.backup(target)
    source.close()
    shift = {
        "documents": {"id": "id + {d}", "sha256": "sha256 || '-{k}'", "passage_first": "passage_first + {p}"},
        "sources": {"document_id": "document_id + {d}", "path_key": "path_key || '-{k}'"},
        "nodes": {"id": "id + {n}", "document_id": "document_id + {d}", "parent_id": "parent_id + {n}"},
        "targets": {"id": "id + {t}", "document_id": "document_id + {d}", "node_id": "node_id + {n}"},
    }
    top = {
        name: target.execute(f"SELECT coalesce(max(rowid), 0) FROM {name}").fetchone()[0] for name in shift
    }
    # passages move by whole blocks (schema.BLOCK_BITS): each copy after the last block in use
    from plantui.store.schema import BLOCK_BITS

    last = target.execute("SELECT coalesce(max(id), 0) FROM passages").fetchone()[0]
    span = ((last >> BLOCK_BITS) + 1) << BLOCK_BITS
    for k in range(1, times):
        offsets = {"d": top["documents"] * k, "n": top["nodes"] * k, "t": top["targets"] * k, "k": k}
        offsets["p"] = span * k
        for name, changed in shift.items():
            columns = [row[1] for row in target.execute(f"PRAGMA table_info({name})")]
            values = [changed[c].format(**offsets) if c in changed else c for c in columns]
            target.execute(
                f"INSERT INTO {name} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {name} "
                f"WHERE rowid <= {top[name]}"
            )
    if text:
        _replicate_text(target, times, top["documents"], {"n": top["nodes"]}, span)
    target.commit()
    target.close()
    return out


def _replicate_text(target: Any, times: int, documents: int, offsets: dict[str, int], span: int) -> None:
    """Passages of every copy, and their character tokens in passages_fts."""
    from plantui import segment

    rows = target.execute("SELECT id, text FROM passages").fetchall()
    tokens = [(rowid, segment.chars(body)) for rowid, body in rows]
    columns = [row[1] for row in target.execute("PRAGMA table_info(passages)")]
    for k in range(1, times):
        shift = span * k
        changed = {
            "id": f"id + {shift}",
            "document_id": f"document_id + {documents * k}",
            "node_id": f"node_id + {offsets['n'] * k}",
        }
        values = [changed.get(c, c) for c in columns]
        target.execute(
            f"INSERT INTO passages ({', '.join(columns)}) SELECT {', '.join(values)} FROM passages "
            f"WHERE id < {span}"
        )
        target.executemany(
            "INSERT INTO passages_fts (rowid, text) VALUES (?, ?)", [(i + shift, t) for i, t in tokens]
        )
        target.commit()


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from start to exit and the CPU seconds (user + system) the command used,
    its output read from a pipe (as `| cat` would). CPU time is what a loaded machine blurs least."""
    environment = {k: v for k, v in os.environ.items() if k not in ("TTY_COMPATIBLE", "COLUMNS")}
    environment.update(env)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (CJK characters take two)."""
    wide = sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
    return text + " " * max(0, width - wide)


if __name__ == "__main__":
    main()
