"""Readers' speed on real files: PDF pages/s, .doc/.docx/.html Mchar/s, plain text in the same run.

    python benchmarks/bench_formats.py [ROUNDS]

Reads and parses (readers → blocks → outline, metadata, targets; no database, no segmenting)
every real file in ../shared/fixtures/formats and tests/fixtures/formats, the Markdown of the
real corpus (tests/fixtures/real/docs, markdown-it-py), and the seed plans as the text baseline.
One core; compare the ratios, the machine is shared.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

from plantui.parse import parse_source
from plantui.read import ReadError, read_file
from plantui.targets import extract_targets

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (
    ROOT.parent / "shared" / "fixtures" / "formats",
    ROOT / "tests" / "fixtures" / "formats",
    ROOT / "tests" / "fixtures" / "real" / "docs",
    ROOT / "seeds",
)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    files = [
        p
        for f in FOLDERS
        if f.exists()
        for p in sorted(f.iterdir())
        if p.suffix in (".pdf", ".doc", ".docx", ".html", ".md") or (p.suffix == ".txt" and f.name == "seeds")
    ]
    seconds: dict[str, float] = defaultdict(float)
    chars: dict[str, int] = defaultdict(int)
    pages: dict[str, int] = defaultdict(int)
    for _ in range(rounds):
        for path in files:
            start = time.perf_counter()
            try:
                _, source = read_file(path)
            except ReadError:
                continue
            document = parse_source(source, path.name)
            extract_targets(document)
            seconds[path.suffix] += time.perf_counter() - start
            chars[path.suffix] += sum(len(b.text) for b in source.blocks)
            pages[path.suffix] += len(source.page_starts)
    for suffix in sorted(seconds):
        rate = chars[suffix] / seconds[suffix] / 1e6
        extra = f", {pages[suffix] / seconds[suffix]:.0f} pages/s" if pages[suffix] else ""
        per_round = seconds[suffix] / rounds
        print(f"{suffix:6} {chars[suffix] // rounds:>9} chars  {per_round:6.2f} s  {rate:.2f} Mchar/s{extra}")


if __name__ == "__main__":
    main()
