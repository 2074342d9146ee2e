"""Chinese punctuation a PDF font mapped to ASCII (做大做强龙头企业.支持…,提升…(试行)), read as
the document wrote it: 。，；： after Chinese, and brackets around or next to Chinese as （）.

Only where the document writes ASCII marks after Chinese far more often than Chinese ones: a
document that writes ASCII marks itself keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from plantui.blocks import Block

_CJK = "\u4e00-\u9fff"
# a mark after Chinese (or a closing bracket or quote) and before Chinese, an opening mark, a
# digit or the line's end; or one opening a line before Chinese (a PDF line cut before the mark)
_ASCII_MARK = re.compile(
    rf"(?<=[{_CJK}）”)])(?P<m>[.,;:])(?=[{_CJK}(（“\d]|\s*$)|^(?P<lead>[.,;:])(?=[{_CJK}（“])"
)
# a pause after a number, a unit or a Latin word, before Chinese (达到10%,推动 / mmol/L,或):
# no full stop here, 2.支持 is a label
_ASCII_PAUSE = re.compile(rf"(?<=[0-9A-Za-z%)])(?P<m>[,;:])(?=[{_CJK}（“])")
_WIDE_MARK = re.compile(rf"(?<=[{_CJK}])[。，；：]")
_WIDE = {".": "。", ",": "，", ";": "；", ":": "："}
# a bracket pair without brackets inside
_PAIR = re.compile(r"\((?P<inner>[^()（）]{0,80})\)")
_HAS_CJK = re.compile(rf"[{_CJK}]")
_CHINESE = re.compile(rf"[{_CJK}》”」]")
# a bracket whose partner is on another line (left after the pairs are read): ( after or before
# Chinese, ) after Chinese
_LONE_OPEN = re.compile(rf"(?<=[{_CJK}》”」])\(|\((?=[{_CJK}])")
_LONE_CLOSE = re.compile(rf"(?<=[{_CJK}])\)")


def ascii_marks(lines: Sequence[Block]) -> bool:
    """Whether the document's Chinese punctuation was mapped to ASCII (in its first 400 lines)."""
    sample = "\n".join(b.text for b in lines[:400])
    found = len(_ASCII_MARK.findall(sample))
    return found >= 10 and found >= 3 * len(_WIDE_MARK.findall(sample))


def _brackets(text: str) -> str:
    """（…） for a bracket pair holding Chinese or written next to it ((试行), 法》(2019年修正),
    (1)肌肉僵直), and for a bracket left open or closed by a line break next to Chinese
    (…规划(2021-2035年)》(2021 / 年)); a pair in Latin text keeps its ASCII form
    (mmol/L(200 mg/dl))."""

    def wide(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        inner = match.group("inner")
        chinese_after = _HAS_CJK.match(after) and not before.isalnum()
        if _CHINESE.match(before) or _HAS_CJK.search(inner) or chinese_after:
            return f"（{inner}）"
        return match.group(0)

    text = _PAIR.sub(wide, text)
    text = _LONE_OPEN.sub("（", text)
    return _LONE_CLOSE.sub("）", text)


def restore(text: str) -> str:
    """One line's marks read back as Chinese punctuation."""
    if "(" in text or ")" in text:
        text = _brackets(text)
    text = _ASCII_MARK.sub(lambda m: _WIDE[m.group("m") or m.group("lead")], text)
    return _ASCII_PAUSE.sub(lambda m: _WIDE[m.group("m")], text)


def chinese_punctuation(lines: Sequence[Block]) -> list[Block]:
    """A PDF whose font maps Chinese punctuation to ASCII reads with 。，；：（） again, so titles and
    sentences end where the document ends them."""
    if not ascii_marks(lines):
        return list(lines)
    out = []
    for block in lines:
        text = restore(block.text)
        out.append(block if text == block.text else replace(block, text=text))
    return out
