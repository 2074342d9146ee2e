"""One logical line → the heading it starts, if any (kind, label, number, title)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from plantui import patterns as P
from plantui.numerals import label_number

# Nesting rank: a heading closes every open node of equal or greater rank.
RANK = {
    "appendix": 0.0,
    "heading": 0.5,
    "volume": 1.0,
    "chapter": 2.0,
    "division": 3.0,
    "article": 4.0,
    "part": 5.0,
    "section": 6.0,
    "item": 7.0,
    "subitem": 8.0,
    # a 专栏 takes the rank of its parent plus a half when it is placed; this is a default
    "column": 6.5,
}
# A heading that every later heading closes (前言, 结语): placed at the top, above everything.
PROSE_RANK = 99.0
# Kinds that open the outline; items and below alone do not (a numbered list in a notice).
STRUCTURAL = frozenset({"volume", "chapter", "division", "article", "part", "section", "column"})
# Kinds whose label stands alone on its line with the title on the next line.
SPACED_LABELS = frozenset({"volume", "chapter", "division", "column", "appendix"})


@dataclass(frozen=True)
class Heading:
    """A heading found at the start of a line.

    ``head_end`` is the offset in the line where the heading's own text ends (after the
    title and its 。); what follows on the same line is body text. ``loose`` marks an
    item label followed by a digit (``2.5G``), which is only a heading where the
    numbering expects it.
    """

    kind: str
    label: str
    number: int | None
    title: str
    head_end: int
    rank: float
    loose: bool = False


# Tried in this order; the first match wins. Each entry: kind, pattern, rank offset.
_ORDER: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("volume", P.VOLUME, 0.0),
    ("chapter", P.CHAPTER, 0.0),
    ("division", P.DIVISION, 0.0),
    ("article", P.ARTICLE, 0.0),
    ("column", P.COLUMN, 0.0),
    ("appendix", P.APPENDIX, 0.0),
    ("section", P.SECTION, 0.0),
    ("section", P.SECTION_ENCLOSED, 0.0),
    ("section", P.SECTION_HALF, 0.0),
    ("subitem", P.SUBITEM, 0.0),
    ("subitem", P.SUBITEM_PAREN, 0.0),
    # ① sits below (1) when a plan uses both
    ("subitem", P.SUBITEM_CIRCLED, 0.5),
    ("subitem", P.SUBITEM_HALF, 0.5),
    ("decimal", P.DECIMAL, 0.0),
    ("item", P.ITEM_LOOSE, 0.0),
    ("part", P.PART, 0.0),
)

_TRAILING = ":：。.;；,，、 \u3000"


@lru_cache(maxsize=16384)  # joining asks about the same line several times
def classify(text: str) -> Heading | None:
    """The heading that ``text`` (a stripped logical line) starts with, or None."""
    folded = P.fold(text)
    word = re.sub(r"\s+", "", folded).rstrip(":")
    if word in P.PROSE_PARTS or P.BACK_NOTE.fullmatch(word):
        # 前言, 结语 …: their prose ends at the next heading of any kind
        return Heading("heading", "", None, word, len(text), PROSE_RANK)
    if word in P.NOTE_PARTS and folded.rstrip().endswith(":"):
        return Heading("heading", "", None, word, len(text), RANK["heading"])  # holds its notes 1. 2.
    if word in P.GLOSSARY:
        return Heading("heading", "", None, word, len(text), RANK["heading"])  # holds its terms 1. 2.
    if word == P.OPENING_PART:
        return Heading("heading", "", None, word, len(text), RANK["chapter"])  # holds 一、… up to 第一章
    if word == P.FIGURES:
        return Heading("heading", "", None, word, len(text), 0.0)  # 附图 over 附图1 …, 附图2 …
    for kind, pattern, offset in _ORDER:
        match = pattern.match(folded)
        if match is None:
            continue
        heading = _build(kind, match, text, folded, offset)
        if heading is not None:
            return heading
    return None


def as_item(text: str) -> Heading | None:
    """``text`` read as an item whose title opens with a number (3.2人户中… is item 3, 2人户中…)."""
    folded = P.fold(text)
    match = P.ITEM_LOOSE.match(folded)
    return _build("item", match, text, folded, 0.0) if match else None


def _build(kind: str, match: re.Match[str], text: str, folded: str, offset: float) -> Heading | None:
    label = text[match.start("label") : match.end("label")] if match.group("label") else ""
    label = re.sub(r"\s+", "", label).translate(P.FULL_DIGITS)  # １． is item 1
    number = label_number(label)
    if kind == "subitem" and number is not None and not label.isascii():
        label = str(number)  # ⑤ and ⑸ are stored bare, as （5） is: 5
    if kind == "decimal":
        # 1.1 is a section, 1.1.1 an item, 1.1.1.1 a subitem; the number is the last part
        parts = P.fold(label).split(".")
        label, number = P.fold(label), int(parts[-1])
        kind = ("section", "item", "subitem")[len(parts) - 2]
    rest_start = match.start("rest")
    rest = folded[rest_start:]
    loose = False
    if kind == "item" and "." not in label:
        if P.ITEM.match(folded) is None:
            return None  # 2.6万亿元, 3.5%: a decimal amount, not an item label
        loose = rest[:1].isdigit()
    if kind == "column" and not label and not rest.strip():
        return None  # a bare 专栏 line says nothing
    if kind == "article":
        # an article has no title: its text is its body
        return Heading(kind, label, number, "", rest_start, RANK[kind] + offset)
    end = P.TITLE_END.search(rest)
    stop = end.start() if end is not None else len(rest)
    colon = _colon_title(rest[:stop])
    if colon is not None:
        # （一）总体目标：到2025年，全省…  — a short title, then a sentence after the colon
        title = text[rest_start : rest_start + colon]
        head_end = rest_start + colon + 1
    elif end is None:
        title = text[rest_start:]
        head_end = len(text)
    else:
        title = text[rest_start : rest_start + end.start()]
        head_end = rest_start + end.end()
    title = _unquote(title.strip().rstrip(_TRAILING).strip())
    if kind in ("part", "section", "item", "subitem") and not title and head_end < len(text):
        return None  # "一、。" or similar: not a heading
    return Heading(kind, label, number, title, head_end, RANK[kind] + offset, loose)


def _unquote(title: str) -> str:
    """A quote mark OCR or a PDF left at a title's edge without its partner goes: 第一章 “总则,
    第三章 ”银行卡申请及审核. A quoted phrase (“十四五”时期主要目标) keeps its marks."""
    while title and title[0] in _QUOTES and _unpaired(title, 0):
        title = title[1:].lstrip()
    while title and title[-1] in _QUOTES and _unpaired(title, len(title) - 1):
        title = title[:-1].rstrip()
    return title


_QUOTES = "“”\"'‘’"
_PAIRS = {"“": "”", "‘": "’"}


def _unpaired(title: str, index: int) -> bool:
    """Whether the quote mark at ``index`` (the title's first or last character) lacks a partner."""
    mark = title[index]
    if mark in ('"', "'"):
        return title.count(mark) % 2 == 1
    if index == 0:
        return mark not in _PAIRS or _PAIRS[mark] not in title[1:]
    opening = next((o for o, c in _PAIRS.items() if c == mark), None)
    return opening is None or opening not in title[:-1]


def _colon_title(head: str) -> int | None:
    """Where a title ends at a colon: a short title and, after it, a sentence with a comma.

    新要素：数据价值化抢先推进 keeps its colon (no comma follows); 总体目标：到2025年，全省…
    ends at it. Otherwise ``category：what it covers`` (1．中央生活类救灾物资：改扩建现有20个…，在…;
    （一）糖尿病典型症状：多尿、烦渴多饮…) is one title up to its 。, as the spec reads titles.
    """
    colon = head.find(":")
    if not 2 <= colon <= 15 or "," not in head[colon + 1 :]:
        return None
    if not _GOAL_OPENING.match(head[colon + 1 :].lstrip()):
        return None
    return colon


# A sentence that states a goal: what follows 总体目标： / 发展目标：
# (a day's date is a schedule, not a goal: 1、时间：2019年7月12日，上午7:30 is one title)
_GOAL_OPENING = re.compile(
    r"(?:到|至(?!少)|力争|经过|通过|今后|未来|预计|(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日))"
)


def caption_row(text: str) -> Heading | None:
    """A table's first row holding one cell, an appendix or 专栏 heading (附件1  广州市…指标体系 |  |
    |  |): the heading the table stands under, which a converter set inside the table."""
    cells = text.split(" | ")
    filled = [cell for cell in cells if cell.strip(P.STRIP_CHARS + "|")]
    if len(cells) < 2 or len(filled) != 1 or not cells[0].strip(P.STRIP_CHARS):
        return None
    heading = classify(cells[0].strip(P.STRIP_CHARS))
    if heading is None or heading.kind not in ("appendix", "column"):
        return None
    return heading


# Where a lower heading's label may start after a heading's title on the same line.
_RUN_ON = re.compile(r"[ \u3000]+(?=第\s*[\d一二三四五六七八九十百零〇两]|[(（]\s*[一1]\s*[)）]|1\s*[.、．])")
_RUN_ON_PARENTS = frozenset({"volume", "chapter", "division", "part", "section"})
_LEADERS = re.compile(r"[.…·]{2,}")


def split_run_on(text: str) -> list[str]:
    """A heading and the first heading below it run together on one line, as legal databases
    (第一章 总则 第一条 为了……) and OCR (一、总体要求 （一）指导思想。……) write them: one line
    each. The upper title is short and unpunctuated; the lower heading is an article (numbered
    across chapters) or the first of its list."""
    heading = classify(text)
    if heading is None or heading.kind not in _RUN_ON_PARENTS:
        return [text]
    for match in _RUN_ON.finditer(text):
        left, right = text[: match.start()], text[match.end() :]
        upper, lower = classify(left), classify(right)
        if upper is None or lower is None or upper.kind != heading.kind or lower.rank <= upper.rank:
            continue
        if upper.head_end < len(left.rstrip(P.STRIP_CHARS)):
            return [text]  # body text between them: a mention inside a paragraph
        if lower.kind != "article" and lower.number != 1:
            continue
        title = P.fold(upper.title)
        if (
            not title
            or len(title) > 25
            or P.PROSE_MARK.search(title)
            or "," in title
            or _LEADERS.search(title)
        ):
            return [text]
        return [left, *split_run_on(right)]
    return [text]


def is_label_only(text: str) -> Heading | None:
    """The heading when ``text`` is a label standing alone (``1.``, ``第一章``, ``专栏3``)."""
    heading = classify(text)
    if heading is None or heading.kind == "article" or heading.title:
        return None
    return heading


def is_prose(text: str) -> bool:
    """A line with a sentence end inside it, or too long to be a heading, is prose."""
    folded = P.fold(text)
    return bool(P.PROSE_MARK.search(folded[:-1])) or len(text) >= 50


# A note in brackets standing alone on a line: （2020 年）, （试行）, （2017 年修订）.
_BRACKET_NOTE = re.compile(r"\([^()]{1,15}\)")


def continues_citation(text: str, nxt: str) -> bool:
    """A cited document's title broken across lines goes on in ``nxt``: the line leaves a 《 open
    (9、《中华人民共和国国民经济和社会发展第十四个五年 / 规划和 2035 年远景目标纲要》), or ends
    at 》 and ``nxt`` is only a bracketed note on it (18、《北京市浅山区保护规划》 / （2020 年）)."""
    tail = text.rstrip(P.STRIP_CHARS)[-60:]
    if tail.count("《") > tail.count("》"):
        pass
    elif not tail.endswith("》") or _BRACKET_NOTE.fullmatch(P.fold(nxt).strip(P.STRIP_CHARS)) is None:
        return False
    return "|" not in text and "|" not in nxt and classify(nxt) is None


def ends_sentence(text: str) -> bool:
    """Whether the line ends where a sentence may end (。；：！？ or a closing bracket/quote)."""
    folded = P.fold(text.rstrip(P.STRIP_CHARS))
    return bool(folded) and folded[-1] in P.SENTENCE_END


# What is left of a chapter or division line whose label was lost (OCR noise such as SOS ”, or
# nothing at all where a converter dropped it): at most a few Latin letters, digits or signs and a
# stray quote, then a short title.
_LOST_LABEL = re.compile(
    r"(?P<noise>[A-Za-z0-9=_~|.,:;'\"“”‘’\s-]{0,8}?)[\s“”\"']*(?P<title>[\u4e00-\u9fff]{2,20})"
)
_LOST_KINDS = ("volume", "chapter", "division")


def restore_lost_headings(texts: Sequence[str], heads: list[Heading | None]) -> None:
    """A chapter or division whose label was lost, in a regulation that numbers them: a short
    title alone on its line (after noise where the label was, or bare), written once, after a
    sentence's end, with the article numbering going on across it (第六十条 / 市场培育 /
    第六十一条). It is an unnumbered heading at the level of the chapter or division before it,
    or of the one after it when that one's number leaves a gap for it (第一节 … 第三节)."""
    if sum(1 for h in heads if h is not None and h.kind in _LOST_KINDS) < 2:
        return
    # a running header written on every page (its noise changing from page to page) is no heading
    titles = (_LOST_LABEL.fullmatch(P.fold(t).strip(P.STRIP_CHARS)) for t in texts if len(t) <= 40)
    counts = Counter(m.group("title") for m in titles if m is not None)
    last_article = 0
    last: dict[str, int] = {}
    level: str | None = None
    for index, heading in enumerate(heads):
        if heading is not None:
            if heading.kind == "article" and heading.number is not None:
                last_article = heading.number
            elif heading.kind in _LOST_KINDS and heading.number is not None:
                last[heading.kind], level = heading.number, heading.kind
            continue
        text = texts[index]
        match = _LOST_LABEL.fullmatch(P.fold(text).strip(P.STRIP_CHARS)) if len(text) <= 40 else None
        if match is None or level is None or not last_article or counts[match.group("title")] > 1:
            continue
        if index == 0 or not ends_sentence(texts[index - 1]):
            continue
        after = heads[index + 1] if index + 1 < len(heads) else None
        if after is None or after.kind != "article" or after.number != last_article + 1:
            continue
        kind = _gap_kind(heads[index + 1 :], last) or level
        title = text[match.start("title") : match.end("title")]
        heads[index] = Heading("heading", "", None, title, len(text), RANK[kind])


def _gap_kind(following: Sequence[Heading | None], last: dict[str, int]) -> str | None:
    """The kind of the next chapter-like heading when its number skips one (第一节 → 第三节)."""
    for heading in following:
        if heading is not None and heading.kind in _LOST_KINDS:
            if heading.number is not None and heading.number == last.get(heading.kind, 0) + 2:
                return heading.kind
            return None
    return None
