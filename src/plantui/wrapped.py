"""Reading hard-wrapped text (text taken from a PDF, every line cut at the page width) as a
careful reader does: where a line that reaches the width still ends a paragraph or a heading.

- A line cut at the width may end at a closing quote or bracket in mid-sentence
  (二、“十四五”时期发展成就和“十五五” / 时期主要目标任务): only 。；！？： (or a closing mark right
  after one) end a sentence there.
- A document that sets a blank line between its paragraphs, and none inside them, ends a
  paragraph at a blank line: a heading that happens to fill the width (（一）我国扩大内需已取得显著成效)
  does not run on into the paragraph below it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise

from plantui import patterns as P
from plantui.blocks import Block
from plantui.headings import classify, ends_sentence

_CLOSING = frozenset("”’)】」』》\"'")
_STOPS = frozenset("。!?…")


def ends_cut_line(text: str) -> bool:
    """Whether a line cut at the wrap width ends a sentence: a closing quote or bracket there
    closes a phrase, not the sentence, unless a full stop stands right before it (…”。 / …。”);
    a colon introduces what the next line holds (6．灾害事故抢险救援关键装备： / 人员搜索…), and a
    semicolon parts the clauses of one paragraph (…同比增长24.6%； / 固定资产投资完成…)."""
    folded = P.fold(text.rstrip(P.STRIP_CHARS))
    if not folded:
        return False
    body = folded.rstrip("".join(_CLOSING)) if folded[-1] in _CLOSING else folded
    return bool(body) and body[-1] in _STOPS


def with_blanks(before: Sequence[Block], after: Sequence[Block]) -> list[Block]:
    """``after`` (cleaned ``before``) with every block that follows a blank line in the file so
    marked (page furniture cleaned away between two lines is no blank line)."""
    gaps = [two.line - one.line - 1 for one, two in pairwise(before)]
    # where nearly every line is followed by one blank line (pymupdf4llm writes a PDF so, and
    # copied web pages double their line ends), one blank line says nothing: two or more do
    least = 2 if len(gaps) >= 20 and sum(1 for g in gaps if g == 1) >= 0.8 * len(gaps) else 1
    blank: set[int] = {
        two.line for (one, two), gap in zip(pairwise(before), gaps, strict=True) if gap >= least
    }
    if before and before[0].line > least:
        blank.add(before[0].line)
    return [b if b.blank or b.line not in blank else replace(b, blank=True) for b in after]


class _Cells(dict[str, int]):
    """A character's terminal cells: two for CJK and full-width, one for the rest (filled as
    characters are met: a plan uses a few thousand)."""

    def __missing__(self, ch: str) -> int:
        value = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        self[ch] = value
        return value


_CELLS = _Cells()


def display_width(text: str) -> int:
    """Terminal cells: CJK and full-width characters take two."""
    return sum(map(_CELLS.__getitem__, text))


def page_width(block: Block) -> int:
    """The cells a line took on the page: its text and its indent."""
    return display_width(block.text) + block.indent


def blank_paragraphs(lines: Sequence[Block], wrap: int | None) -> bool:
    """Whether hard-wrapped text sets its paragraphs apart with blank lines: half the lines ending
    a sentence or more are followed by one, and almost no line cut at the width is."""
    if wrap is None:
        return False
    ends = ends_blank = cut = cut_blank = 0
    for one, two in pairwise(lines):
        if one.md_level or two.md_level or one.row or two.row:
            continue
        if ends_sentence(one.text):
            ends += 1
            ends_blank += two.blank
        elif page_width(one) >= wrap - 4:
            cut += 1
            cut_blank += two.blank
    return ends >= 5 and cut >= 5 and ends_blank >= 0.5 * ends and cut_blank <= 0.1 * cut


# Headings set as titles of their own (centred or set apart) in one document and run into their
# paragraph (（一）着力推动“四稳”政策落地。面对…) in another.
_TITLE_KINDS = frozenset({"volume", "chapter", "division", "part", "section", "column"})


def standalone_headings(lines: Sequence[Block], wrap: int | None, indent: int | None) -> set[int]:
    """Indices of heading lines that stand alone (their title may end on the next line or two):
    lines cut at the width, or filling it, whose numbered neighbours (the
    heading before and after, 一、 / 二、) are lines of their own, short of the width, and none
    runs into its paragraph: a reader sets a heading as its siblings are set (一、2025年和“十四五”
    时期工作回顾 / 刚刚过去的2025年，… is a title, then a paragraph, when 二、“十五五”时期主要目标任务
    stands alone). Where lines are cut exactly at the width, a heading's line short of it stands
    alone too."""
    if wrap is None:
        return set()
    # short of the width, and of a paragraph's indented first line; where lines are cut exactly at
    # the width (a converter counting cells), two cells short is short
    tight = cut_exactly(lines, wrap)
    short = wrap - 3 if tight else min(wrap, indent or wrap) - 6
    status: dict[int, tuple[str, int, str, bool]] = {}  # index -> (kind, number, state, comma)
    for index, block in enumerate(lines):
        if block.md_level or block.row or block.final:
            continue
        heading = classify(block.text)
        if heading is None or heading.kind not in _TITLE_KINDS or heading.number is None or not heading.title:
            continue
        if P.PROSE_MARK.search(P.fold(block.text)):
            state = "inline"
        elif page_width(block) <= short and ":" not in P.fold(block.text):
            state = "alone"  # short of the width, and of a paragraph's indented first line
        else:
            state = "full"
        status[index] = (heading.kind, heading.number, state, "，" in block.text or "," in block.text)
    # a heading's line filling the width whose title ends on the next line, short and unmarked, the
    # paragraph opening below it (…纵深推进京津冀协 / 同发展 / 推动雄安新区…): set apart, as its siblings are
    tailed = {
        index
        for index, (*_, state, _comma) in status.items()
        if state == "full" and index + 1 < len(lines) and title_tail(lines[index + 1], wrap, tight)
    }
    # where lines are cut exactly, a heading's line short of the width is whole
    out = {index for index, (*_, state, _comma) in status.items() if tight and state == "alone"}
    order = sorted(status)
    for place, index in enumerate(order):
        kind, number, state, comma = status[index]
        folded = P.fold(lines[index].text).rstrip()
        if state != "full" or folded[-1:] in ",、" or ":" in folded:
            continue  # a line ending at a comma goes on; 实验室检查：C反应… is a lead-in and its text
        near = _numbered(status, order[place + 1 : place + 41], kind, number, 1)
        near += _numbered(status, reversed(order[max(0, place - 40) : place]), kind, number, -1)
        series = _series(status, order, place)
        # a sibling's title ended short on the line below (…京津冀协 / 同发展), none runs into its
        # paragraph: a line just as wide as the width, prose below it, is a whole title
        # (（二）充分挖掘内需潜力，推动经济稳定增长 / 促进消费扩容升级。开展…)
        if (
            index not in tailed
            and near
            and any(i in tailed for i in series)
            and _prose_after(lines, index, wrap)
            and not any(status[i][2] == "inline" for i in series)
        ):
            out.add(index)
            continue
        siblings = [s for s in near if s[2] != "full"]
        # a line with a comma reads as a clause unless a sibling's title has one too
        if comma and not any(s[3] for s in siblings):
            continue
        if siblings and all(s[2] == "alone" for s in siblings):
            out.add(index)
    return out


def cut_exactly(lines: Sequence[Block], wrap: int | None) -> bool:
    """Whether the text was cut exactly at the width: nine in ten lines that run on into the
    next one end within a cell of it."""
    if wrap is None:
        return False
    cut = exact = 0
    for one, two in pairwise(lines):
        if (
            one.md_level
            or one.row
            or two.md_level
            or ends_sentence(one.text)
            or classify(two.text) is not None
        ):
            continue
        width = page_width(one)
        if width >= wrap - 6:
            cut += 1
            exact += width >= wrap - 1
    return cut >= 10 and exact >= 0.9 * cut


def _numbered(
    status: dict[int, tuple[str, int, str, bool]], indices: Iterable[int], kind: str, number: int, step: int
) -> list[tuple[str, int, str, bool]]:
    """The headings of ``kind`` numbered ``number + step`` and ``number + 2 * step`` met in
    ``indices`` (the next ones after or before a heading), as far as the numbering runs on."""
    out: list[tuple[str, int, str, bool]] = []
    for index in indices:
        if status[index][0] != kind:
            continue
        if status[index][1] == number + step * len(out):
            continue  # the same number again: a wrapped sentence's 第一、 at a line's start, not a sibling
        if status[index][1] != number + step * (len(out) + 1):
            break
        out.append(status[index])
        if len(out) == 2:
            break
    return out


def _prose_after(lines: Sequence[Block], index: int, wrap: int) -> bool:
    """Whether the line after a heading's is prose: a sentence mark in it, or a comma in a line that
    runs on to the width (始终把维护社会稳定放在首位，落实维稳工作) under a heading of two clauses; a
    title's tail is short (制，增强高质量发展动力)."""
    nxt = lines[index + 1] if index + 1 < len(lines) else None
    if nxt is None or nxt.blank or nxt.text[:1] in _NO_START:
        return False  # (，构建有竞争优势的… goes on the title cut before its comma)
    folded = P.fold(nxt.text)
    if _SENTENCE_MARK.search(folded):
        return True
    # (where the heading's own line holds two clauses: a title of one clause goes on past a comma,
    # （三）持续推动教育科技人才一体 / 发展，构建有竞争优势的新质生产力发 / 展格局)
    return "," in folded and "," in P.fold(lines[index].text) and page_width(nxt) >= wrap - 3


def _series(status: dict[int, tuple[str, int, str, bool]], order: list[int], place: int) -> list[int]:
    """Indices of the headings numbered on from the one at ``order[place]`` (its siblings: the same
    kind, numbered one up or down at a time, other kinds between them passed over)."""
    kind, number = status[order[place]][:2]
    out: list[int] = []
    for step, indices in ((1, order[place + 1 :]), (-1, reversed(order[:place]))):
        expected = number + step
        for index in indices:
            if status[index][0] != kind:
                continue
            if status[index][1] != expected:
                break
            out.append(index)
            expected += step
    return out


def title_rest(lines: Sequence[Block], index: int, wrap: int, apart: bool, tight: bool) -> list[Block]:
    """The lines from ``index`` that end the title of the heading standing alone before it: a
    short line (title_tail), or a full line without a mark and such a line after it (二、关于《上海市
    国民经济和社会发展 / 第十五个五年规划纲要（草案）》的说 / 明)."""
    rest = list(lines[index : index + 2])
    if not rest or (apart and rest[0].blank):
        return []
    if title_tail(rest[0], wrap, tight):
        return rest[:1]
    head = rest[0]
    if head.text[:1] in _NO_START and not _SENTENCE_MARK.search(P.fold(head.text)) and not head.row:
        return rest[:1]  # a line never opens with 、 or ）: the title goes on (…（放射治疗 / 、化学治疗…）)
    plain = not _TAIL_MARK.search(P.fold(head.text)) and classify(head.text) is None and not head.row
    if plain and len(rest) == 2 and not (apart and rest[1].blank) and title_tail(rest[1], wrap, tight):
        return rest
    title = lines[index - 1].text
    if plain and _open_bracket(title) and not _open_bracket(title + head.text):
        return rest[:1]  # a title leaves a 《 or （ open: the line that closes it ends it
    return []


def _leaves_open(folded: str) -> bool:
    """Whether a line ends inside brackets it opened (…（穗府办函〔20)."""
    return any(folded.count(a) > folded.count(b) for a, b in ("()", "〔〕", "《》", "[]", "【】"))


def _open_bracket(text: str) -> bool:
    folded = P.fold(text)
    return folded.count("《") > folded.count("》") or folded.count("(") > folded.count(")")


def title_tail(nxt: Block, wrap: int, tight: bool = False) -> bool:
    """Whether the line after a heading standing alone ends its title: a line well short of the
    width (a paragraph's first line, indented, is only a few cells short; where lines are cut
    exactly, any line short of the width), without a comma or a sentence mark, that is no heading
    itself (…“十五五” / 时期主要目标任务)."""
    folded = P.fold(nxt.text)
    return (
        not nxt.md_level
        and not nxt.row
        and page_width(nxt) <= (wrap - 3 if tight else 0.75 * wrap)
        and not _TAIL_MARK.search(folded)
        and classify(nxt.text) is None
    )


_TAIL_MARK = re.compile(r"[。!?;,，:]")
_SENTENCE_MARK = re.compile(r"[。!?;:]")
# marks a typeset line never opens with (避头尾), so a line opening with one goes on from above
_NO_START = frozenset("，。、；：？！）》」』】〕,.;:?!)")


def runs_on(last: Block, nxt: Block, first: Block, wrap: int | None, after: Block | None = None) -> bool:
    """In hard-wrapped text, a line that reaches the wrap width continues on the next line
    (``last`` ends the logical line begun by ``first``; ``after`` is the line after ``nxt``)."""
    if wrap is None or nxt.final or nxt.md_level or nxt.quote != first.quote or ends_cut_line(last.text):
        return False
    # ASCII runs (1.1.1, 2018) print narrower or wider than the one cell counted for them
    slack = 3 + min(3, sum(1 for ch in last.text if ch.isascii() and not ch.isspace()) // 2)
    full = page_width(last) >= wrap - slack  # the indent is on the page too
    if is_header_cell(nxt.text) and after is not None and cell_like(after.text):
        return False  # 附件1 / …审核确认有效期 / 序号 / 门诊特定病种: a table flattened one cell a line
    heading_next = classify(nxt.text) is not None and not _CITED.match(P.fold(nxt.text))
    if ends_sentence(last.text) and not (full and _PIECE.match(nxt.text) and not heading_next):
        return False  # a quote or bracket closed at the width may go on (…“十五五” / 时期…)
    if heading_next:
        # a sentence cut at the line's end goes on even where the next line looks like a heading
        # (…公平统 / 一、可持续的多层次社会保障体系，…): a heading never opens mid-sentence
        # (a paragraph's first line is indented by two characters); a clause's own text runs on
        # like a paragraph (第三十三条 金融机构…属于《…法》 / 第五十三条所规定的…)
        # (…巩固集中统 / 一、高效权威的…: a sentence begun after a full stop in the line); a
        # bracket left open at the width closes below (…〔20 / 20〕16号）精神…)
        indent = 4 if last is first and not last.indent else 0
        heading = classify(first.text)
        folded = P.fold(last.text)
        running = "，" in last.text or bool(P.PROSE_MARK.search(folded[:-1]))
        # a number cut at the width goes on (…提高到1 / 0.8年。…): a label never continues a number
        number = folded[-1:].isdigit() and P.fold(nxt.text)[:1].isdigit()
        return page_width(last) >= wrap - slack - indent and (
            _leaves_open(folded)
            or number
            or ((heading is None or heading.kind in _RUNNING_KINDS) and running)
        )
    if full:
        return True
    # a heading set in a larger type wraps earlier: its tail is a short line without punctuation
    # (一、新阶段新起点，以党中央对上海的战略定位引领未来 / 发展)
    return (
        last is first
        and page_width(last) >= 0.8 * wrap
        and len(nxt.text) <= 12
        and not P.PROSE_MARK.search(P.fold(nxt.text))
        and "，" not in nxt.text
        and classify(first.text) is not None
    )


# what a line cut after a closing quote or bracket goes on with: Chinese, a mark, a digit run
# other than a page number alone
_PIECE = re.compile(r"[\u4e00-\u9fff，、。；：,;:（(“《]|\d+\D")


def cell_like(text: str) -> bool:
    """A short line without a mark that is no heading: what a table's cell flattened to a line
    looks like."""
    return len(text) <= 12 and not _PUNCTUATED.search(P.fold(text)) and classify(text) is None


_PUNCTUATED = re.compile(r"[。!?;,，:、]")


def is_header_cell(text: str) -> bool:
    """A header cell of a table flattened to one cell a line (序号, 工作事项, 牵头单位 …)."""
    return bool(P.TABLE_HEADER_CELL.fullmatch(re.sub(r"\s+", "", text)))


# an article cited, not headed (…《反洗钱法》 / 第五十三条所规定的…, 第二十条第二款, 第五条的规定)
_CITED = re.compile(
    r"第[一二三四五六七八九十百零〇\d]+条(?:所|的|规定|之|第|[(（][一二三四五六七八九十\d]+[)）]项)"
)
# headings whose line is set like a paragraph, running to the margin
_RUNNING_KINDS = frozenset({"article", "section", "item", "subitem"})


_LAST_WORD = re.compile(r"[\u4e00-\u9fff]{1,3}[。.]")


def last_word(first: Block, nxt: Block, after: Block | None) -> bool:
    """A heading's title cut before its last word, which stands alone with the full stop on the
    next line, a blank line or a heading after it (3. 落实到位做好政策宣传，营造良好舆论氛 / 围。)."""
    return (
        not nxt.blank
        and not nxt.md_level
        and nxt.quote == first.quote
        and classify(first.text) is not None
        and not ends_sentence(first.text)
        and _LAST_WORD.fullmatch(P.fold(nxt.text).strip()) is not None
        and (after is None or after.blank or classify(after.text) is not None)
    )
