"""Scale: database size and search latency beside a substring scan and ripgrep, before and after.

    python benchmarks/bench_scale.py [N] [--before SRC]   # N plans built from the seeds (default 1000)

The corpus is imported once with this checkout and, with ``--before SRC`` (the ``src`` folder
of another checkout, e.g. a ``git worktree`` of an older commit), once with that one, and both
databases are measured in the same run: sizes, then the same queries against each. Import
speed is bench_import.py's business. Ratios measured in the same run are what to compare (the
machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import build, text_size

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 20


def main(count: int, before: Path | None, keep: bool = False) -> None:
    corpus = build(count)
    chars, size = text_size(corpus)
    print(f"corpus: {count} plans, {chars / 1e6:.2f} M chars, {size / 1e6:.1f} MB UTF-8")
    version = sys.version.split()[0]
    print(f"machine: {os.cpu_count()} cores, python {version}, sqlite {sqlite3.sqlite_version}")
    work = Path(tempfile.mkdtemp(prefix="plantui-scale-"))
    sources = {"after": ROOT / "src"} | ({"before": before} if before else {})
    databases = {}
    for name, src in sources.items():
        database = work / f"{name}.db"
        start = time.perf_counter()
        _plantui(src, database, "import", str(corpus))
        conn = sqlite3.connect(database)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        databases[name] = database
        db_size = database.stat().st_size
        print(
            f"{name}: import {time.perf_counter() - start:.0f} s; database {db_size / 1e6:.1f} MB = "
            f"{db_size / size:.2f}x the text; {_largest(database)}"
        )
    queries = _queries(corpus)
    for group, words in queries.items():
        print(f"{group} queries: {' '.join(words)}")
    for name, database in databases.items():
        _search(name, sources[name], database, queries)
    _scan(corpus, queries)
    _one_shot(databases, sources, corpus, queries)
    if keep:
        print(f"databases kept in {work}")
    else:
        shutil.rmtree(work)


def _plantui(src: Path, database: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [sys.executable, "-m", "plantui", "--db", str(database), *args],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


def _largest(database: Path) -> str:
    conn = sqlite3.connect(database)
    rows = conn.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 4"
    ).fetchall()
    encoding = conn.execute("PRAGMA encoding").fetchone()[0]
    conn.close()
    return f"text {encoding}; largest: " + ", ".join(f"{n} {s / 1e6:.1f} MB" for n, s in rows)


def _queries(corpus: Path) -> dict[str, list[str]]:
    """Queries of 1 to 6 characters: for each length the most and the least frequent of a
    sample of the corpus's own substrings."""
    rng = random.Random(11)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:50])
    runs = re.findall(r"[\u4e00-\u9fff]{6,}", text)
    samples = []
    for _ in range(4000):
        run = rng.choice(runs)
        size = rng.randint(1, 6)
        start = rng.randint(0, len(run) - size)
        samples.append(run[start : start + size])
    counts = {q: text.count(q) for q in samples}
    by_size: dict[int, list[str]] = {}
    for q in sorted(set(samples), key=lambda q: (counts[q], q)):
        by_size.setdefault(len(q), []).append(q)
    common = [qs[-1 - i] for qs in by_size.values() for i in range(min(3, len(qs)))]
    rare = [qs[i] for qs in by_size.values() for i in range(min(3, len(qs)))]
    return {"common": common, "rare": rare}


_IN_PROCESS = """
import sys, time, json
from plantui import db
from plantui.search import search
conn = db.connect(sys.argv[1], create=False, readonly=True)
out = {}
for group, words in json.loads(sys.argv[2]).items():
    search(conn, words[0], limit=20)
    times, counts = [], []
    for _ in range(3):
        for query in words:
            start = time.perf_counter()
            result = search(conn, query, limit=20)
            times.append((time.perf_counter() - start) * 1000)
            counts.append(result.count)
    out[group] = [times, sum(counts) // 3]
print(json.dumps(out))
"""


def _search(name: str, src: Path, database: Path, queries: dict[str, list[str]]) -> None:
    """Top 20 hits with the exact count, in one process per checkout (its own plantui)."""
    import json

    out = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS, str(database), json.dumps(queries)],
        env={**os.environ, "PYTHONPATH": str(src)},
        check=True,
        capture_output=True,
        text=True,
    )
    for group, (times, total) in json.loads(out.stdout).items():
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95 + 0.5) - 1)]
        print(
            f"{name}: search, {group} (top {LIMIT} + exact count, {total} passages matched in all): "
            f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
            f"over {len(times)}"
        )


def _scan(corpus: Path, queries: dict[str, list[str]]) -> None:
    """The plain alternative: every line of every file held in memory, scanned with ``in``."""
    lines = [line for p in sorted(corpus.glob("*.txt")) for line in p.read_text(encoding="utf-8").split("\n")]
    for group, words in queries.items():
        times = []
        for query in words:
            start = time.perf_counter()
            _ = sum(1 for line in lines if query in line)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        print(f"python substring scan of {len(lines)} lines in memory, {group}: p50 {median:.0f} ms")


def _one_shot(
    databases: dict[str, Path], sources: dict[str, Path], corpus: Path, queries: dict[str, list[str]]
) -> None:
    rg = shutil.which("rg")
    for group in queries:
        query = queries[group][len(queries[group]) // 2]
        line = f"one-shot `plantui search {query} --limit {LIMIT}` ({group}):"
        for name, database in databases.items():
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                _plantui(sources[name], database, "search", query, "--limit", str(LIMIT))
                runs.append(time.perf_counter() - start)
            line += f" {name} {min(runs):.2f} s;"
        if rg:
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                subprocess.run([rg, "-c", query, str(corpus)], stdout=subprocess.DEVNULL, check=False)
                runs.append(time.perf_counter() - start)
            line += f" rg over the files {min(runs):.3f} s"
        print(line)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--before", type=Path, help="src folder of the checkout to compare with")
    parser.add_argument("--keep", action="store_true", help="keep the databases (their folder is printed)")
    options = parser.parse_args()
    main(options.count, options.before, options.keep)
