"""Scale: import throughput beside jieba alone, database size, search latency beside ripgrep, memory.

    python benchmarks/bench_scale.py [N]        # N plans built from the seeds (default 1000)

Prints one figure per line. Ratios measured in the same run are what to compare (the
machine is shared and noisy).
"""

from __future__ import annotations

import os
import random
import re
import resource
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


def main(count: int) -> None:
    corpus = build(count)
    chars, size = text_size(corpus)
    print(f"corpus: {count} plans, {chars / 1e6:.2f} M chars, {size / 1e6:.1f} MB UTF-8")
    print(
        f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}"
    )
    jieba_seconds = _jieba_alone(corpus)
    print(f"jieba alone (1 core): {jieba_seconds:.1f} s = {chars / jieba_seconds / 1e6:.3f} Mchar/s")
    work = Path(tempfile.mkdtemp(prefix="plantui-bench-"))
    database = work / "plans.db"
    seconds, peak = _timed([sys.executable, "-m", "plantui", "--db", str(database), "import", str(corpus)])
    print(
        f"import ({os.cpu_count()} cores): {seconds:.1f} s = {chars / seconds / 1e6:.3f} Mchar/s "
        f"({jieba_seconds / seconds:.2f}x jieba alone), peak memory {peak:.0f} MB"
    )
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db_size = database.stat().st_size
    print(f"database: {db_size / 1e6:.1f} MB = {db_size / size:.2f}x the text")
    _search(database, corpus)
    shutil.rmtree(work)


def _jieba_alone(corpus: Path) -> float:
    code = (
        "import sys, time, pathlib\n"
        "from plantui import segment\n"
        "segment.words('预热')\n"
        "texts = [p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]\n"
        "start = time.perf_counter()\n"
        "for t in texts:\n"
        "    for line in t.split('\\n'):\n"
        "        segment.words(line)\n"
        "print(time.perf_counter() - start)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak resident memory (MB) of the largest child process."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024


def _queries(corpus: Path) -> dict[str, list[str]]:
    """Queries of 1 to 6 characters: common ones and rare ones, sampled from the corpus."""
    rng = random.Random(11)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:50])
    runs = re.findall(r"[\u4e00-\u9fff]{6,}", text)
    counts: dict[str, int] = {}
    samples = []
    for _ in range(4000):
        run = rng.choice(runs)
        size = rng.randint(1, 6)
        start = rng.randint(0, len(run) - size)
        samples.append(run[start : start + size])
    for q in samples:
        counts[q] = text.count(q)
    ranked = sorted(set(samples), key=lambda q: counts[q])
    by_size: dict[int, list[str]] = {}
    for q in ranked:
        by_size.setdefault(len(q), []).append(q)
    common = [qs[-1 - i] for qs in by_size.values() for i in range(min(4, len(qs)))]
    rare = [qs[i] for qs in by_size.values() for i in range(min(4, len(qs)))]
    return {"common": common, "rare": rare}


def _search(database: Path, corpus: Path) -> None:
    from plantui import db
    from plantui.search import search

    queries = _queries(corpus)
    conn = db.connect(database, create=False)
    for name, group in queries.items():
        times = []
        for query in group * 3:
            start = time.perf_counter()
            search(conn, query, limit=20)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"in-process query, {name} (1-6 chars, --limit 20): p50 {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms over {len(times)}"
        )
    for name, query in (("common", queries["common"][1]), ("rare", queries["rare"][-1])):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "plantui", "--db", str(database), "search", query, "--limit", "20"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            runs.append(time.perf_counter() - start)
        line = f"one-shot `plantui search {query} --limit 20` ({name}): {min(runs):.2f} s"
        rg = shutil.which("rg")
        if rg:
            start = time.perf_counter()
            subprocess.run([rg, "-c", query, str(corpus)], stdout=subprocess.DEVNULL, check=False)
            line += f"; rg on the files: {time.perf_counter() - start:.2f} s"
        print(line)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
