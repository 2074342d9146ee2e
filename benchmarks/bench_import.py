"""Import speed beside jieba alone and beside the import of an earlier commit, in the same run.

    python benchmarks/bench_import.py [N] [--base COMMIT]    # N plans (default 300), base 98e4aea

Prints, one figure a line:
- token agreement of plantui's segmenter (rjieba with the domain dictionary) with Python
  jieba on the seeds and tests/fixtures/real/docs: raw tokens, and the words the index holds;
- jieba alone: Python jieba's ``cut_for_search`` over the corpus on one core (domain
  dictionary loaded, load time not counted), in Mchar/s;
- import now and import at COMMIT (a git worktree of that commit, run with its own code),
  each as ``plantui import`` of the corpus into a new database, in Mchar/s, with the ratios.

The machine is shared and noisy: each import is run twice, alternating, and the quicker run
counted; compare the ratios, which are measured side by side.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import build, text_size

ROOT = Path(__file__).resolve().parent.parent
BASE = "98e4aea"  # the commit before segmentation moved to rjieba

_JIEBA_ALONE = """
import sys, time, pathlib
from plantui import segment
tokenizer = segment.python_jieba()
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
start = time.perf_counter()
for text in texts:
    for line in text.split("\\n"):
        for _ in tokenizer.cut_for_search(line):
            pass
print(time.perf_counter() - start)
"""

_AGREEMENT = """
import pathlib, sys
from plantui import segment
from plantui.parse import parse_source
from plantui.read import read_file

texts = []
for folder in sys.argv[1:]:
    for path in sorted(pathlib.Path(folder).glob("*.*")):
        _, source = read_file(path)
        texts += [p.text for p, _, _ in parse_source(source, path.name).paragraphs()]
python = segment.python_jieba()
same = total = words_same = words_total = 0
for text in texts:
    ours, theirs = segment.cut(text), list(python.cut(text))
    spans = lambda tokens: {(sum(map(len, tokens[:i])), t) for i, t in enumerate(tokens)}
    a, b = spans(theirs), spans(ours)
    same, total = same + len(a & b), total + len(a)
    w_ours = segment.words(text).split()
    w_theirs = [w for w in theirs if any(segment.is_token_char(ch) for ch in w)]
    words_total += len(w_theirs)
    words_same += len(w_theirs) if w_ours == w_theirs else sum(x == y for x, y in zip(w_ours, w_theirs))
print(len(texts), sum(map(len, texts)), same, total, words_same, words_total, segment.backend())
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=300)
    parser.add_argument("--base", default=BASE, help="the commit to compare with (default %(default)s)")
    args = parser.parse_args()
    corpus = build(args.count)
    chars, size = text_size(corpus)
    print(f"corpus: {args.count} plans, {chars / 1e6:.2f} M chars, {size / 1e6:.1f} MB UTF-8")
    print(
        f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}"
    )
    _agreement()
    base = _worktree(args.base)
    jieba_seconds = float(_run([sys.executable, "-c", _JIEBA_ALONE, str(corpus)]).strip())
    print(
        f"jieba alone (cut_for_search, 1 core): {jieba_seconds:.1f} s = "
        f"{chars / jieba_seconds / 1e6:.3f} Mchar/s"
    )
    now: list[float] = []
    then: list[float] = []
    for _ in range(2):
        now.append(_import(corpus, None))
        then.append(_import(corpus, base))
    seconds, base_seconds = min(now), min(then)
    print(
        f"import now ({os.cpu_count()} cores): {seconds:.1f} s = {chars / seconds / 1e6:.3f} Mchar/s, "
        f"{jieba_seconds / seconds:.2f}x jieba alone"
    )
    print(
        f"import at {args.base}: {base_seconds:.1f} s = {chars / base_seconds / 1e6:.3f} Mchar/s, "
        f"{jieba_seconds / base_seconds:.2f}x jieba alone"
    )
    print(
        f"now / {args.base}: {base_seconds / seconds:.2f}x the speed "
        f"(runs: now {_fmt(now)} s, then {_fmt(then)} s)"
    )


def _agreement() -> None:
    folders = [str(ROOT / "seeds"), str(ROOT / "tests" / "fixtures" / "real" / "docs")]
    out = _run([sys.executable, "-c", _AGREEMENT, *folders]).split()
    texts, n_chars, same, total, words_same, words_total = map(int, out[:6])
    print(
        f"segmenter {out[6]} vs Python jieba, same dictionary, on {texts} passages "
        f"({n_chars / 1e6:.2f} M chars of seeds and real plans): "
        f"tokens {same / total:.5f} ({total - same} of {total} differ), "
        f"indexed words {words_same / words_total:.5f} ({words_total - words_same} of {words_total} differ)"
    )


def _worktree(commit: str) -> Path:
    """A checkout of ``commit`` beside the repository (made once, reused)."""
    folder = Path(tempfile.gettempdir()) / f"plantui-bench-{commit}"
    if not (folder / "src" / "plantui").is_dir():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=True)
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(folder), commit],
            check=True,
            capture_output=True,
        )
    return folder


def _import(corpus: Path, checkout: Path | None) -> float:
    """Wall seconds of ``plantui import`` of the corpus into a new database."""
    work = Path(tempfile.mkdtemp(prefix="plantui-bench-import-"))
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout / "src")
    command = [sys.executable, "-m", "plantui", "--db", str(work / "plans.db"), "import", str(corpus)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    shutil.rmtree(work)
    return seconds


def _run(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def _fmt(runs: list[float]) -> str:
    return " ".join(f"{s:.1f}" for s in runs)


if __name__ == "__main__":
    main()
