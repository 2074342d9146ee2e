"""Build a corpus of N plans from real text, with varied titles, regions, years and numbers.

python benchmarks/corpus.py 1000            # writes benchmarks/_data/corpus_1000/

By default the plans are the five seeds, varied. With PLANTUI_BENCH_TEXTS naming a folder of
real documents (.md/.txt, searched recursively; e.g. a checkout of LawRefBook/Laws, 3,504 laws
and regulations), the corpus draws in turn from the seeds, tests/fixtures/real/docs and that
folder, so its words and character pairs are as varied as a real library's rather than five
plans' (benchmarks/_data/corpus_real_N/).
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "_data"
REGIONS = [
    "河北",
    "河南",
    "山西",
    "山东",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "辽宁",
    "吉林",
    "黑龙江",
    "内蒙古",
    "宁夏",
    "新疆",
]
TOPICS = [
    "数字经济",
    "信息化",
    "数字政府",
    "工业互联网",
    "大数据产业",
    "智慧城市",
    "数字乡村",
    "新型基础设施",
]
_NUMBER = re.compile(r"(?<![\d.])(\d{2,4})(?=[个家万亿台%])")


def build(count: int, seed: int = 7) -> Path:
    """Write ``count`` plan files (cached: an existing complete folder is reused)."""
    texts = os.environ.get("PLANTUI_BENCH_TEXTS")
    folder = DATA / (f"corpus_real_{count}" if texts else f"corpus_{count}")
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources = _sources(Path(texts) if texts else None)
    for index in range(count):
        text = sources[index % len(sources)]
        region = rng.choice(REGIONS)
        topic = rng.choice(TOPICS)
        text = _PROVINCE.sub(region, text).replace("石家庄", region + "某市")
        text = text.replace("数字经济", topic) if rng.random() < 0.3 else text
        shift = rng.choice([-5, 0, 0, 5])
        text = re.sub(r"(20[12]\d)年", lambda m, shift=shift: f"{int(m.group(1)) + shift}年", text)
        text = _NUMBER.sub(lambda m: str(max(1, int(int(m.group(1)) * rng.uniform(0.5, 1.5)))), text)
        text = f"{region}省{topic}发展规划（第{index}号）\n" + text
        (folder / f"plan_{index:04d}.txt").write_text(text, encoding="utf-8")
    return folder


# a province named in the text (the seeds' 河北/河南, the fixtures' and laws' others) becomes the
# plan's region: the same source drawn twice is two provinces' plans
_PROVINCE = re.compile("|".join(REGIONS))


def _sources(texts: Path | None) -> list[str]:
    """The real texts to draw plans from: the seeds, and with ``texts`` also the real fixtures
    and every readable .md/.txt of at least 2 KB under ``texts``, in a shuffled but fixed order."""
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if texts is None:
        return [p.read_text(encoding="utf-8") for p in paths]
    more = sorted((ROOT / "tests" / "fixtures" / "real" / "docs").glob("*.*"))
    more += sorted(p for p in texts.rglob("*") if p.suffix in (".md", ".txt") and p.stat().st_size >= 2048)
    random.Random(1).shuffle(more)
    found = [p.read_text(encoding="utf-8") for p in paths]
    for path in more:
        try:
            found.append(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue  # a GBK fixture: the corpus is UTF-8 text
    return found


def text_size(folder: Path) -> tuple[int, int]:
    """(characters, UTF-8 bytes) of the corpus."""
    chars = size = 0
    for path in folder.glob("*.txt"):
        data = path.read_bytes()
        size += len(data)
        chars += len(data.decode("utf-8"))
    return chars, size


if __name__ == "__main__":
    print(build(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
