"""Source lines → logical lines: paragraphs broken by a blank line or a hard wrap joined back,
and a label standing alone (``1.`` / ``智慧物流。……``) joined to its title.

Each logical line remembers which source line every piece came from, so any span of its
text maps back to source line numbers.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from plantui import patterns as P
from plantui.blocks import Block
from plantui.furniture import clean_blocks
from plantui.headings import (
    SPACED_LABELS,
    classify,
    continues_citation,
    ends_sentence,
    is_label_only,
    is_prose,
)
from plantui.indent import edge_width, first_line_width, wraps_indented
from plantui.marks import chinese_punctuation
from plantui.numerals import label_number
from plantui.wrapped import (
    blank_paragraphs,
    cell_like,
    cut_exactly,
    display_width,
    ends_cut_line,
    last_word,
    page_width,
    runs_on,
    standalone_headings,
    title_rest,
    with_blanks,
)
from plantui.wrapped import (
    is_header_cell as is_header_cell,
)


@dataclass(frozen=True)
class Chunk:
    """A logical line: one or more source lines joined.

    ``offsets[i]`` is where the piece from source line ``lines[i]`` starts in ``text``.
    """

    text: str
    offsets: tuple[int, ...]
    lines: tuple[int, ...]
    md_level: int = 0
    quote: int = 0
    row: bool = False
    lead: int = 0  # the first block's run-in title end (Block.lead)

    @property
    def line(self) -> int:
        return self.lines[0]

    @property
    def line_end(self) -> int:
        return self.lines[-1]

    def line_at(self, offset: int) -> int:
        """Source line of the character at ``offset``."""
        index = bisect.bisect_right(self.offsets, max(offset, 0)) - 1
        return self.lines[max(index, 0)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source lines covered by ``text[start:end]`` (end exclusive, at least one char)."""
        return self.line_at(start), self.line_at(max(start, end - 1))


def raw_lines(text: str) -> list[Block]:
    """Non-empty lines of plain text, stripped of indentation, numbered from 1."""
    out = []
    last: list[int] = []  # the last decimal heading label (3.2.1) met, as numbers
    for number, line in enumerate(text.split("\n"), start=1):
        body = line.lstrip(P.STRIP_CHARS)
        stripped = P.GLUED_PAGE_NUMBER.sub("", body.rstrip(P.STRIP_CHARS), count=1)
        if stripped[:1].isdigit():
            stripped, last = _unglue_decimal(stripped, last)
        elif stripped and stripped[0] in P.CN_DIGITS and (part := P.PART.match(P.fold(stripped))):
            last = [label_number(part.group("label")) or 0]  # 十、 opens 10.1
        if stripped:
            out.append(Block(stripped, number, indent=display_width(line[: len(line) - len(body)])))
    return out


_GLUED_DECIMAL = re.compile(r"^(?P<digits>\d{2,5})(?P<tail>(?:\.\d{1,2}){1,3})(?=\s*[\u4e00-\u9fff“\"])")


def _unglue_decimal(text: str, last: list[int]) -> tuple[str, list[int]]:
    """PDF text glues a page number onto a decimal heading (425.1.3 is 5.1.3 on page 42,
    7910.1 is 10.1 on page 79): the split that continues the numbering met so far wins."""
    plain = P.DECIMAL.match(text)
    if plain is not None:
        return text, [int(x) for x in plain.group("label").split(".")]
    glued = _GLUED_DECIMAL.match(text)
    if glued is None or not last:
        return text, last
    digits, tail = glued.group("digits"), glued.group("tail")
    for cut in range(1, len(digits)):
        head = digits[cut:]
        if len(head) > 2 or head.startswith("0"):
            continue
        label = [int(head), *(int(x) for x in tail[1:].split("."))]
        if _follows(label, last):
            return text[cut:], label
    return text, last


def _follows(label: list[int], last: list[int]) -> bool:
    """Whether ``label`` can come next after ``last`` (a sibling, a first child, or the next
    of an ancestor, 3.2.4 → 3.2.5 / 3.2.4.1 / 3.3 / 4.1)."""
    if len(label) == len(last) + 1:
        return label[:-1] == last and label[-1] == 1
    depth = len(label)
    if depth > len(last):
        return False
    return (label[:-1] == last[: depth - 1] and label[-1] == last[depth - 1] + 1) or (
        depth == 2 and label[0] == last[0] + 1 and label[1] == 1
    )


class _Joining:
    """A logical line being assembled, its text grown one source line at a time."""

    def __init__(self, first: Block) -> None:
        self.first = first
        self.text = first.text
        self.offsets = [0]
        self.lines = [first.line]

    def take(self, piece: Block) -> None:
        self.text += _separator(self.text, piece.text)
        self.offsets.append(len(self.text))
        self.lines.append(piece.line)
        self.text += piece.text

    def chunk(self) -> Chunk:
        first = self.first
        return Chunk(
            self.text,
            tuple(self.offsets),
            tuple(self.lines),
            first.md_level,
            first.quote,
            first.row,
            first.lead,
        )


# A browser's print to PDF draws bold text twice, and some extractors read both copies:
# 第一条第一条　根据…, 第一章　总　　则 第一章　总　　则 (a run of three or more, then the same run).
_DOUBLED = re.compile(r"^(?P<run>[^\s\u3000].{2,60}?)[ \u3000]*(?P=run)(?=$|[\s\u3000,.:，。：])")


def undouble(block: Block) -> Block:
    """A block whose opening run is printed twice, read once."""
    match = _DOUBLED.match(block.text)
    if match is None or not re.search(r"[\u4e00-\u9fff]", match.group("run")):
        return block
    return replace(block, text=block.text[: len(match.group("run"))] + block.text[match.end() :])


_BARE_NUMBER = re.compile(r"^[0-9０-９]{1,2}$")


def lost_label_marks(lines: Sequence[Block]) -> list[Block]:
    """A PDF font without a glyph for a label's dot: ``１`` alone, then ``� 做大做强龙头企业.…``
    (U+FFFD where the ``．`` was), or the number on the line below. The number gets its dot back
    and heads its title."""
    out = list(lines)
    dropped: set[int] = set()
    for index in range(len(out) - 1):
        one, two = out[index], out[index + 1]
        if _BARE_NUMBER.match(one.text.strip()) and two.text.startswith("\ufffd"):
            out[index] = replace(one, text=one.text.strip().translate(P.FULL_DIGITS) + "．")
            out[index + 1] = replace(two, text=two.text[1:].lstrip())
        elif one.text.startswith("\ufffd") and _BARE_NUMBER.match(two.text.strip()):
            # the number printed on the line below its title (� 推动中小企业提质发展… / ５)
            out[index] = replace(
                one, text=two.text.strip().translate(P.FULL_DIGITS) + "．" + one.text[1:].lstrip()
            )
            dropped.add(index + 1)
    return [b for i, b in enumerate(out) if i not in dropped]


# OCR and some PDFs space out the digits of a year or a decimal: 2 0 0 5年, 6 .5 %, 1 2 . 5
_SPACED_YEAR = re.compile(r"(?<![\d.])(?:[12]\s){3}\d(?=\s*年)|(?<![\d.])[12](?:\s\d){3}(?=\s*年)")
# three or more single digits spaced out before a unit (1 2 0 0亿元)
_SPACED_AMOUNT = re.compile(
    r"(?<![\d.])\d(?:\s\d){2,}(?=\s*(?:亿|万|千|百|%|个|家|人|元|吨|公里|千米|平方|座|项))"
)
_SPACED_DECIMAL = re.compile(r"(?<=\d)\s+\.\s*(?=\d)|(?<=\d)\.\s+(?=\d)")


def spaced_numbers(block: Block) -> Block:
    """Digits an OCR spaced out, joined where they can only be one number (a year before 年,
    the two sides of a decimal point)."""
    text = block.text
    if " " not in text or block.row:
        return block
    joined = _SPACED_YEAR.sub(lambda m: m.group(0).replace(" ", ""), text)
    joined = _SPACED_AMOUNT.sub(lambda m: m.group(0).replace(" ", ""), joined)
    joined = _SPACED_DECIMAL.sub(".", joined)
    return block if joined == text else replace(block, text=joined)


def _no_emphasis(block: Block) -> Block:
    """Markdown's ** left as text by a converter (a Word file made from Markdown: **二、…**)."""
    return replace(block, text=block.text.replace("**", "")) if "**" in block.text else block


def changed_lines(before: Sequence[Block], after: Sequence[Block]) -> list[Block]:
    """The source lines cleaning dropped or rewrote (a print header, 第一条第一条, a glued page
    number), as they were written: the search still finds what a file holds on every line."""
    kept: dict[int, str] = {}
    for block in after:
        kept[block.line] = kept.get(block.line, "") + block.text
    squash = str.maketrans("", "", " \t\u3000")
    return [
        b
        for b in before
        if not b.row
        and b.text != kept.get(b.line)
        and b.text.translate(squash) != kept.get(b.line, "").translate(squash)
    ]


def clean_lines(lines: Sequence[Block]) -> list[Block]:
    """What a line holds of the document: page furniture gone, bold printed twice read once,
    digits an OCR spaced out joined, marks a PDF font lost or mapped to ASCII restored.
    Everything else is kept as written."""
    blocks = [spaced_numbers(undouble(_no_emphasis(b))) for b in clean_blocks(lines)]
    return with_blanks(lines, lost_label_marks(chinese_punctuation(blocks)))


def join_lines(lines: Sequence[Block], *, cleaned: bool = False) -> list[Chunk]:
    """Join broken paragraphs and label-only lines into logical lines (``cleaned``: the lines
    already went through clean_lines)."""
    lines = list(lines) if cleaned else clean_lines(lines)
    chunks: list[Chunk] = []
    wrap = wrap_width(lines)
    indent = first_line_width(lines, wrap)
    apart = blank_paragraphs(lines, wrap)
    alone = standalone_headings(lines, wrap, indent)
    tight = bool(alone) and cut_exactly(lines, wrap)
    index = 0
    while index < len(lines):
        first = lines[index]
        joining = _Joining(first)
        index += 1
        if index - 1 in alone and wrap is not None:
            # a heading set apart like its siblings: its title may end on the next line, no more
            for piece in title_rest(lines, index, wrap, apart, tight):
                joining.take(piece)
                index += 1
            chunks.append(joining.chunk())
            continue
        # a label alone takes the next line as its title, also where the format marks it as a
        # heading (Word's Heading 1 on 附件1, ## 附件1) and the title follows as plain text
        if (first.md_level == 0 or is_label_only(first.text) is not None) and (
            index < len(lines) and _takes_title_line(first, lines[index])
        ):
            joining.take(lines[index])
            index += 1
            if index < len(lines) and _title_goes_on(first, lines[index - 1], lines[index]):
                joining.take(lines[index])
                index += 1
        if first.md_level == 0:
            while (
                index < len(lines)
                and not first.final
                and not _field_line(P.fold(lines[index].text))  # 发布日期:… opens a line of its own
                and not (apart and lines[index].blank and not _past_blank(joining.text, lines, index, wrap))
                # a title at the top reaching the edge is whole (…防治能力的意见), not a sentence
                and not (index <= 10 and len(joining.lines) == 1 and _whole_title(first.text))
                # a contents page's title, and an entry ended at its page number, are whole (目 录)
                and not _contents_line(joining.text)
                and (
                    _continues(joining.text, lines[index], first)
                    or runs_on(lines[index - 1], lines[index], first, wrap, _at(lines, index + 1))
                    or (
                        len(joining.lines) == 1
                        and _title_tail(first, lines[index])
                        and not _cell_after(lines, index)
                    )
                    or (len(joining.lines) == 1 and wraps_indented(first, lines[index], indent))
                    or (len(joining.lines) == 1 and last_word(first, lines[index], _at(lines, index + 1)))
                )
            ):
                joining.take(lines[index])
                index += 1
        chunks.append(joining.chunk())
    return chunks


def wrap_width(lines: Sequence[Block]) -> int | None:
    """The display width at which the text was hard-wrapped (PDF conversion), if it was.

    In such text most lines end at the same width and almost none is wider.
    """
    texts = [line.text for line in lines if not line.md_level and not line.quote]
    widths = [display_width(text) for text in texts if not P.toc_entry(P.fold(text))]
    long = [w for w in widths if w >= 20]
    if len(long) < 12:
        return None
    common, _ = Counter(long).most_common(1)[0]
    width = max(w for w in long if w <= common + 3)
    near = sum(1 for w in long if width - 3 <= w <= width)
    wider = sum(1 for w in widths if w > width)
    if near >= 0.4 * len(long) and wider <= 0.04 * len(widths):
        return width
    # a few lines holding two source lines glued by the extractor (71, 98, 104 cells where the
    # text wraps at 52) are no measure of the width
    fitting = [w for w in widths if w <= 1.25 * common]
    edge = edge_width(fitting if len(widths) - len(fitting) <= 0.03 * len(widths) else widths)
    # (a contents page's entries are left out above, and none joins on past its page number)
    return edge if edge is not None else _justified_width(long)


def _justified_width(long: Sequence[int]) -> int | None:
    """The wrap width of justified text whose spacing blurs the edge (lines of 87, 88, 89, 92
    cells where the page holds 92; lines the extractor glued run far past it): the width below
    which the most long lines end within 6 cells, when nearly half of them, and 30 or more, do."""

    # lines ending at each width, then for each width the lines ending within 6 cells below it
    # (a running sum: one pass, where counting afresh per width cost a pass per width)
    top = max(long)
    at = [0] * (top + 1)
    for w in long:
        at[w] += 1
    near = [0] * (top + 1)
    running = 0
    for width in range(top + 1):
        running += at[width] - (at[width - 7] if width >= 7 else 0)
        near[width] = running
    best = max(range(20, top + 1), key=lambda width: (near[width], -width))
    return best if near[best] >= max(0.45 * len(long), _JUSTIFIED_MIN) else None


_JUSTIFIED_MIN = 30  # lines ending near the width: fewer are no evidence of a wrap


def _at(lines: Sequence[Block], index: int) -> Block | None:
    return lines[index] if index < len(lines) else None


def _past_blank(text: str, lines: Sequence[Block], index: int, wrap: int | None) -> bool:
    """In text whose paragraphs are set apart by blank lines, a blank line inside a paragraph
    (a page break) is passed only by a sentence cut at the width (never by a heading's line,
    nor to a heading)."""
    last, nxt = lines[index - 1], lines[index]
    if wrap is None or classify(nxt.text) is not None:
        return False
    return is_prose(text) and page_width(last) >= wrap - 4 and not ends_cut_line(last.text)


def _contents_line(text: str) -> bool:
    folded = P.fold(text).strip()
    if P.TOC_TITLE.fullmatch(folded.strip(" *#【】[]:")):
        return True
    entry = P.toc_entry(folded)
    return entry is not None and entry.end() >= len(folded)


def _whole_title(text: str) -> bool:
    """A line that reads as a document's whole title: it names a kind of document at its end
    (…的意见, …规划（2021-2025年）, …的通知) and holds no sentence mark or comma."""
    folded = P.fold(text).strip()
    return (
        len(folded) >= 8
        and bool(P.KIND_END.search(folded))
        and not P.PROSE_MARK.search(folded)
        and "," not in folded
        and ("关于" in folded or bool(re.search(r"(?:规划|纲要|方案|计划)(?:\(.*\))?$", folded)))
    )


def _title_tail(first: Block, nxt: Block) -> bool:
    """A long 篇/章/part title wrapped before its last word or two, in text without a measurable
    wrap width (第三篇  大力推进新型工业化，构建高质量发展工业产业 / 体系)."""
    if nxt.md_level or nxt.row or nxt.quote != first.quote or first.row:
        return False
    tail = P.fold(nxt.text).strip()
    heading = classify(first.text)
    if heading is None or heading.kind not in ("volume", "chapter", "division", "part"):
        return False
    # a 篇's title is the longest and wraps the most (…高质量建设国家内陆开 / 放型经济试验区)
    longest = 12 if heading.kind == "volume" else 6
    if not (1 <= len(tail) <= longest) or not _UNPUNCTUATED.fullmatch(tail) or not _CJK.search(tail):
        return False
    title = P.fold(heading.title)
    return (
        len(title) >= 12
        and not ends_sentence(title)
        and not P.PROSE_MARK.search(title)
        and classify(nxt.text) is None
        and not is_header_cell(tail)
    )


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _cell_after(lines: Sequence[Block], index: int) -> bool:
    """Whether the line after a title's supposed tail reads as a table's cell flattened to a line
    (三、收到和处理政府信息公开申请情况 / 申请人情况 / 法人或其他组织): the tail is a cell too."""
    after = _at(lines, index + 1)
    return after is not None and not after.blank and not after.md_level and cell_like(after.text)


def _takes_title_line(first: Block, nxt: Block) -> bool:
    """A label alone on its line (``1.``, ``第一章``) takes the next line as its title line (never
    a table row: 三、 / 本 | 2.其他… is a wrapped cell)."""
    from plantui.read.base import CHROME

    if nxt.md_level or nxt.quote != first.quote or nxt.row or CHROME.match(nxt.text.strip()):
        return False  # (附件： / ### 关联稿件：: a page's empty field, then its list of related pages)
    if is_label_only(first.text) is None:
        return False
    heading = classify(nxt.text)
    # 附件2 / 名词解释: a glossary's name is the appendix's title
    return heading is None or (heading.kind == "heading" and heading.title in P.GLOSSARY)


_UNPUNCTUATED = re.compile(r"[^,.;:!?，。、；：！？“”\"()（）|\t]+")


def _title_goes_on(label: Block, title: Block, nxt: Block) -> bool:
    """An appendix's or a volume's title set on two lines (附件 / 2023年市区符合… / 退役士兵和…):
    two short lines without punctuation, the second no heading of its own."""
    heading = is_label_only(label.text)
    if heading is None or heading.kind not in ("appendix", "volume"):
        return False
    if nxt.md_level or nxt.row or nxt.quote != title.quote or classify(nxt.text) is not None:
        return False
    if is_header_cell(nxt.text):
        return False  # 附件2 / 任务分工表 / 序号: the table begins
    first, second = P.fold(title.text).strip(), P.fold(nxt.text).strip()
    return (
        len(first) <= 30
        and len(second) <= 30
        and bool(_UNPUNCTUATED.fullmatch(first) and _UNPUNCTUATED.fullmatch(second))
    )


def _separator(left: str, right: str) -> str:
    """Latin words broken across lines and a spaced label (第一章 总则) keep a space."""
    heading = is_label_only(left)
    if heading is not None:
        return " " if heading.kind in SPACED_LABELS else ""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return " "
    return ""


def _continues(text: str, nxt: Block, first: Block) -> bool:
    """Whether ``nxt`` continues the sentence that ``text`` leaves open."""
    if nxt.final or nxt.md_level or nxt.quote != first.quote:
        return False
    if continues_citation(text, nxt.text):
        return True
    if ends_sentence(text) or _is_table_row(text) or _is_table_row(nxt.text):
        return False
    if classify(nxt.text) is not None:
        return False
    folded = P.fold(text)
    if _URL_END.search(folded) or _field_line(folded):
        return False  # 来源: https://… and 发布机构: … stand alone
    if P.NOTICE_TITLE.match(folded.strip()):
        return False  # a whole notice title (…关于印发…的通知) is a line of its own
    entry = P.toc_entry(folded)
    if entry and entry.end() >= len(folded.rstrip()):
        return False  # a contents entry ends at its page number (……- 169 -IV)
    if folded[-1] in ',、(“"《[':
        return True
    return is_prose(text)


_URL_END = re.compile(r"https?://\S+$")


def _field_line(folded: str) -> bool:
    match = P.FIELD.match(folded)
    return match is not None and (
        re.sub(r"\s+", "", match.group("label")) in P.FIELD_KEYS or "来源" in match.group("label")
    )


def _is_table_row(text: str) -> bool:
    return "|" in text or "\t" in text or "｜" in text
