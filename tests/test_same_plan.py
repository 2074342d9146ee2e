"""One plan, four formats: the seeds written as Word, a saved gov.cn page and converter Markdown
(tests/same_plan.py) read to the same outline, targets and metadata as their clean text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plantui.read.text import decode_named
from same_plan import comparable, gold_heads, gold_styles, read_plan, to_docx, to_html, to_markdown
from support import GOLD, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    return data


def _variants(path: Path) -> dict[str, tuple[bytes, str]]:
    gold = _gold(path)
    meta = gold.get("metadata", {})
    text, _ = decode_named(path.read_bytes())
    title = meta.get("title")
    variants = {
        "docx": (to_docx(text, title), "docx"),
        "docx-chars": (to_docx(text, title, indent="chars"), "docx"),
        "docx-numbered": (to_docx(text, title, numbered=True, split=True), "docx"),
        "docx-styled": (to_docx(text, title, styled=gold_styles(gold)), "docx"),
        "docx-soft-breaks": (to_docx(text, title, soft=4, tabs=True, indent="chars"), "docx"),
        "html": (to_html(text, meta), "html"),
        "html-br": (to_html(text, meta, layout="br"), "html"),
        "html-strong-gbk": (to_html(text, meta, layout="strong", charset="gb2312"), "html"),
        "html-word": (to_html(text, meta, layout="word"), "html"),
        "html-table": (to_html(text, meta, layout="table"), "html"),
        "md": (to_markdown(text, meta, gold_heads(gold)).encode("utf-8"), "markdown"),
        "md-list": (to_markdown(text, meta, gold_heads(gold), items="list").encode("utf-8"), "markdown"),
        "md-split-bold": (
            to_markdown(text, meta, gold_heads(gold), split_bold=True).encode("utf-8"),
            "markdown",
        ),
        "md-escaped": (
            to_markdown(text, meta, gold_heads(gold), items="escaped").encode("utf-8"),
            "markdown",
        ),
    }
    if meta.get("issuer") and meta.get("doc_number"):  # a 公文 printed with its red letterhead
        red = to_docx(text, title, red_head=(meta["issuer"], meta["doc_number"]))
        variants["docx-red-head"] = (red, "docx")
    return variants


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem[:3] for p in SEED_FILES])
def test_seed_reads_the_same_from_every_format(path: Path) -> None:
    text = comparable(read_plan(path.read_bytes(), "text", path.name))
    assert text["outline"], "the clean text has an outline"
    for variant, (data, fmt) in _variants(path).items():
        other = comparable(read_plan(data, fmt, f"{path.stem}.{variant}"))
        assert other["outline"] == text["outline"], variant
        assert other["targets"] == text["targets"], variant
        assert other["meta"] == text["meta"], variant


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem[:3] for p in SEED_FILES])
def test_seed_formats_state_the_gold_metadata(path: Path) -> None:
    gold = _gold(path)["metadata"]
    for variant, (data, fmt) in _variants(path).items():
        record = read_plan(data, fmt, f"{path.stem}.{variant}")
        assert {k: record.get(k) for k in gold} == gold, variant


def test_generated_word_file_is_what_the_generator_says() -> None:
    # the generator itself: one paragraph per non-empty line, the title centred and larger
    from plantui.read import read_bytes

    text = "河北省数字经济发展规划\n\n　　一、发展基础\n　　（一）发展现状。全省数字经济规模达到1万亿元。\n"
    source = read_bytes(to_docx(text, "河北省数字经济发展规划"), "docx")
    assert [b.text for b in source.blocks] == [
        "河北省数字经济发展规划",
        "一、发展基础",
        "（一）发展现状。全省数字经济规模达到1万亿元。",
    ]
    assert source.title == "河北省数字经济发展规划"
