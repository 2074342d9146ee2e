"""One very large plan file: import time, throughput and peak memory.

    python benchmarks/bench_bigfile.py [MB]        # default 50

The file is the seeds repeated, each copy renumbered as a chapter (第N章) so the outline
stays deep and realistic.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import DATA

ROOT = Path(__file__).resolve().parent.parent


def build(megabytes: int) -> Path:
    path = DATA / f"big_{megabytes}mb.txt"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    target = megabytes * 1_000_000
    with path.open("w", encoding="utf-8") as out:
        written, chapter = 0, 0
        while written < target:
            text = seeds[chapter % len(seeds)]
            chapter += 1
            block = f"第{chapter}章 第{chapter}部分\n{text}\n"
            out.write(block)
            written += len(block.encode("utf-8"))
    return path


def main(megabytes: int) -> None:
    path = build(megabytes)
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    print(f"file: {path.stat().st_size / 1e6:.1f} MB, {len(text) / 1e6:.2f} M chars, {lines} lines")
    work = Path(tempfile.mkdtemp(prefix="plantui-big-"))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "plantui", "--db", str(work / "big.db"), "import", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"import: {seconds:.1f} s = {len(text) / seconds / 1e6:.3f} Mchar/s, peak memory {peak:.0f} MB "
        f"({peak / (path.stat().st_size / 1e6):.1f}x the file)"
    )
    shutil.rmtree(work)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
