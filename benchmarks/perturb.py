"""Write a corpus of text documents with gold as a PDF converter or an editor would have
changed them, the gold's line numbers moved to match, to test the parser's robustness.

    python benchmarks/perturb.py KIND OUT DOCS GOLD...     # KIND: wrap34 | indent | blank | ascii
                                                          # or several: ascii+wrap34
    python benchmarks/score_corpus.py OUT/docs OUT/gold

- ``wrapN``: every line wider than N terminal cells hard-wrapped at N (text taken from a PDF),
  except in files whose lines are hard-wrapped already and Markdown's #, |, < and image lines;
- ``indent``: every non-empty line indented with two ideographic spaces (Word, gov pages), in
  hard-wrapped text only a paragraph's first line (after a line ending a sentence), Markdown's
  block marks (#, |, <, -, *, >) left at the start of their lines;
- ``blank``: a blank line after every line (web pages copied, CRLF doubled);
- ``ascii``: ，。：；（） written as ASCII (fonts that lost the full-width forms).

Only plain text and Markdown files are perturbed (binary formats keep their own lines).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

_ASCII = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")"})


# a heading's label at a line's start (一、 （一） 第三章 1.1): the next line opens a paragraph
_LABEL = re.compile(
    r"(?:\d{0,3}[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第.{1,4}[章节篇]|\d{1,2}\.\d)"
)


def _cells(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _wrap(line: str, width: int) -> list[str]:
    pieces, current, used = [], "", 0
    for ch in line:
        if used + _cells(ch) > width and current:
            pieces.append(current)
            current, used = "", 0
        current += ch
        used += _cells(ch)
    pieces.append(current)
    return pieces


def hard_wrapped(lines: list[str]) -> bool:
    """Whether most long lines end at one width already (text taken from a PDF): wrapped again
    at another width, such text would be no file anyone holds."""
    widths = [sum(map(_cells, line.rstrip())) for line in lines]
    long = [w for w in widths if w >= 40]
    if len(long) < 12:
        return False
    common = max(set(long), key=long.count)
    return sum(1 for w in long if common - 4 <= w <= common + 1) >= 0.4 * len(long)


def perturb(kind: str, lines: list[str]) -> tuple[list[str], list[int]]:
    """The new lines, and for each old line (1-based, index 0 unused) its first new line.
    Kinds joined by + apply in turn (ascii+wrap34: a font without Chinese marks, then a PDF)."""
    if "+" in kind:
        first = list(range(len(lines) + 2))
        for one in kind.split("+"):
            lines, step = perturb(one, lines)
            first = [step[line] for line in first]
        return lines, first
    out: list[str] = []
    first = [0]
    wrapped = hard_wrapped(lines)
    wrap = kind.startswith("wrap") and not wrapped
    previous = ""
    for line in lines:
        first.append(len(out) + 1)
        if wrap and not line.lstrip().startswith(("#", "|", "<", "![")):
            out += _wrap(line, int(kind[4:]))
        elif kind == "indent":
            markup = line.lstrip().startswith(("#", "|", "<", "-", "*", ">"))
            # hard-wrapped text indents a paragraph's first line only (after a sentence's end)
            opens = not wrapped or not previous.strip() or previous.rstrip()[-1] in "。！？；：:"
            opens = opens or bool(_LABEL.match(previous.strip()))  # the paragraph under a heading
            out.append("\u3000\u3000" + line if line.strip() and not markup and opens else line)
        elif kind == "blank":
            out += [line, ""]
        elif kind == "ascii":
            out.append(line.translate(_ASCII))
        else:
            out.append(line)
        previous = line
    first.append(len(out) + 1)
    return out, first


def _remap_gold(gold: dict, first: list[int]) -> dict:
    """The gold with every line moved to its first new line; a span ends where its last line ends."""
    gold = json.loads(json.dumps(gold))
    last = len(first) - 1

    def moved(line: int) -> int:
        return first[min(line, last)]  # a span may run to the end of a file without a last newline

    for node in gold.get("outline", []):
        node["line"] = moved(node["line"])
    for target in gold.get("targets", []):
        if "line" in target:
            target["line"] = moved(target["line"])
    gold["target_lines"] = [[moved(a), moved(b + 1) - 1] for a, b in gold.get("target_lines", [])]
    return gold


def main() -> None:
    kind, out = sys.argv[1], Path(sys.argv[2])
    docs, gold_dir = Path(sys.argv[3]), Path(sys.argv[4])
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    written = 0
    for path in sorted(docs.iterdir()):
        gold_path = gold_dir / f"{path.stem}.json"
        if path.suffix not in (".txt", ".md") or not gold_path.exists():
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        new, first = perturb(kind, lines)
        gold = _remap_gold(json.loads(gold_path.read_text(encoding="utf-8")), first)
        gold["file"] = path.name
        (out / "docs" / path.name).write_text("\n".join(new), encoding="utf-8")
        record = json.dumps(gold, ensure_ascii=False, indent=1)
        (out / "gold" / gold_path.name).write_text(record, encoding="utf-8")
        written += 1
    print(f"{written} documents written to {out}")


if __name__ == "__main__":
    main()
