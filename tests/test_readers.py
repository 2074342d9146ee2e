"""Bytes → text: encodings, line endings, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from plantui.read import ReadError, read_file
from plantui.read.text import decode

TEXT = "河北省数字经济发展规划（2020-2025年）\n一、发展基础\n到2025年，数字经济占比达到40%。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),  # with BOM, little-endian on this machine
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16", "utf16be-bom", "utf16le-nobom"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data) == TEXT


def test_line_endings_are_normalised() -> None:
    assert decode("一\r\n二\r三\n四".encode()) == "一\n二\n三\n四"


def test_other_unicode_line_breaks_are_kept_inside_lines() -> None:
    # str.splitlines would break here and shift every later line number
    assert decode("甲\u2028乙\n丙".encode()).split("\n") == ["甲\u2028乙", "丙"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "whitespace"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        decode(data)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_markdown_suffix_sets_the_format(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# 标题\n", encoding="utf-8")
    assert read_file(path)[1].format == "markdown"


def test_big5_is_read_as_big5_not_gb18030_mojibake() -> None:
    """臺灣省數位經濟發展規劃 in Big5 also decodes as GB18030 (籓芖计竒蕾…): the reading whose
    characters are its charset's common ones wins."""
    text = "臺灣省數位經濟發展規劃\n一、總體要求\n（一）發展目標。到2025年，數位經濟規模達到新臺幣5兆元。\n"
    assert decode(text.encode("big5")) == text


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312"])
def test_simplified_chinese_stays_gb(encoding: str) -> None:
    assert decode(TEXT.encode(encoding)) == TEXT
