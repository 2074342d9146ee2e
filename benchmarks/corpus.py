"""Build a corpus of N plans from the seeds, with varied titles, regions, years and numbers.

python benchmarks/corpus.py 1000            # writes benchmarks/_data/corpus_1000/
"""

from __future__ import annotations

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
    folder = DATA / f"corpus_{count}"
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for index in range(count):
        text = sources[index % len(sources)]
        region = rng.choice(REGIONS)
        topic = rng.choice(TOPICS)
        text = text.replace("河北", region).replace("河南", region).replace("石家庄", region + "某市")
        text = text.replace("数字经济", topic) if rng.random() < 0.3 else text
        shift = rng.choice([-5, 0, 0, 5])
        text = re.sub(r"(20[12]\d)年", lambda m, shift=shift: f"{int(m.group(1)) + shift}年", text)
        text = _NUMBER.sub(lambda m: str(max(1, int(int(m.group(1)) * rng.uniform(0.5, 1.5)))), text)
        text = f"{region}省{topic}发展规划（第{index}号）\n" + text
        (folder / f"plan_{index:04d}.txt").write_text(text, encoding="utf-8")
    return folder


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
