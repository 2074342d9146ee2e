"""The filter's counting stage alone (browse.filter_counts for the whole library,
browse.document_node_counts for the opened plan, browse.document_counts for the plans on a
screen, counted first), keystroke by keystroke, on bench_tui's database.

    python benchmarks/bench_filter.py [N] [--before DIR] [--rounds 3]

``--before DIR``: a checkout of an earlier plantui (``git archive REV src | tar -x -C DIR``);
each round runs both trees, one after the other, in fresh processes on the same database.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_tui import QUERIES, ROOT, database

_MEASURE = r"""
import json, sys, time
from plantui import browse, db
conn = db.connect(sys.argv[1])
words = json.loads(sys.argv[2])
opened = conn.execute("SELECT min(id) FROM documents").fetchone()[0]
SCREEN = 34  # the outline's lines at 120x40
out = {}
for kind, queries in words.items():
    for word in queries:
        for n in range(1, len(word) + 1):
            start = time.perf_counter()
            result = browse.filter_counts(conn, word[:n], [opened])
            middle = time.perf_counter()
            browse.document_node_counts(conn, word[:n], opened)
            end = time.perf_counter()
            out.setdefault(f"filter_counts, {kind} words (ms)", []).append((middle - start) * 1000)
            out.setdefault(f"document_node_counts, {kind} words (ms)", []).append((end - middle) * 1000)
            if hasattr(browse, "document_counts"):  # the plans on a screen, counted first
                screen = sorted(result.doc_counts)[:SCREEN]
                start = time.perf_counter()
                browse.document_counts(conn, word[:n], screen)
                key = f"document_counts, {SCREEN} plans on screen, {kind} words (ms)"
                out.setdefault(key, []).append((time.perf_counter() - start) * 1000)
print(json.dumps(out))
"""


def measure(path: Path, src: Path) -> dict[str, list[float]]:
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), json.dumps(QUERIES)],
        env={**os.environ, "PYTHONPATH": str(src)},
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, list[float]] = json.loads(proc.stdout)
    return result


def main(count: int, before: Path | None, rounds: int) -> None:
    trees = (
        [("after", ROOT / "src")] if before is None else [("before", before / "src"), ("after", ROOT / "src")]
    )
    paths = {name: database(count, src, "" if name == "after" else name) for name, src in trees}
    figures: dict[str, dict[str, list[float]]] = {name: {} for name, _ in trees}
    start = time.perf_counter()
    for _ in range(rounds):
        for name, src in trees:
            for key, values in measure(paths[name], src).items():
                figures[name].setdefault(key, []).extend(values)
    for key in figures["after"]:
        shown = []
        for name, _ in trees:
            if key not in figures[name]:
                continue
            values = sorted(figures[name][key])
            p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
            shown.append(f"{name} median {statistics.median(values):.1f}, p95 {p95:.1f} (n={len(values)})")
        print(f"{count} plans: {key}: " + " → ".join(shown))
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--before", type=Path, help="an earlier checkout to measure in the same run")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    main(args.count, args.before, args.rounds)
