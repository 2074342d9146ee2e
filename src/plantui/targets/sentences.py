"""Document → Targets, sentence by sentence with the years around them.

Sentences are read clause by clause with a year context (the Scope): a ``到2025年`` opens it
for the rest of the paragraph, the node and its children; a goal section (发展目标, 主要指标)
falls back to the end of the plan period; a past marker (截至2019年底, 2018年，…) closes it
for its sentence. The amounts of each clause are read in clauses.py, indicator tables in
tables.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plantui import patterns as P
from plantui.models import Document, Node, Paragraph, Target
from plantui.numerals import chinese_to_number
from plantui.targets import words as W
from plantui.targets.cells import cells as table_cells
from plantui.targets.clauses import Clause, Scope, clause_targets
from plantui.targets.phrases import MAX_INDICATOR
from plantui.targets.pieces import ROW_NAME, is_table_row, whole_sentences
from plantui.targets.tables import find_tables, table_targets

# an ASCII full stop between Chinese words ends a sentence too (a font without 。: …走在前列.《纲要草案》…);
# between digits it is a decimal point, after a number a label (1.提升…)
SENTENCE_END = re.compile(r"[。;!?]|(?<=[\u4e00-\u9fff”》)])\.(?=\s*[\u4e00-\u9fff《“(])")


# a colon between digits is a ratio (2.1:1), not the end of a clause
CLAUSE_END = re.compile(r",|(?<!\d):|:(?!\d)")


# the first lines, where a report gives its date under the title
_DATE_LINES = 12


# the 11th five-year plan (十一五) ended in 2010, each next one five years later
_ELEVENTH_PLAN_END = 2010


# Patterns used inside the functions below, compiled once (a pattern written inline is looked
# up in re's cache on every call, and compiled again whenever the cache has dropped it).
_SPACE = re.compile(r"\s")


_REPORT_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年.*报告")  # 2026年河北省政府工作报告


_GOAL_TITLE = re.compile(r"目标$|目标和|目标与|目标任务$|主要目标|主要指标|发展指标|指标表|预期目标|总体目标")


_CLAUSE_MARK = re.compile(r"[,;。]")


_AIMS = re.compile("目标|任务")


_ENDED = re.compile(r"[。;!?]\s*$")


_NAMES_GOALS = re.compile(r"(?:目标|指标)\s*$")


def extract_targets(doc: Document) -> tuple[Target, ...]:
    """Every quantified target the document states, in reading order."""
    scope = Scope(_work_year(doc.title), False, _period_end(doc), reference_year(doc), ())
    scope.review = scope.results = bool(_RESULTS_TITLE.search(P.fold(doc.title)))
    out: list[Target] = []
    tables = find_tables(doc.preamble, scope.reference)
    _paragraphs(doc.preamble, scope, out, tables.lines, tables.rows)
    out += table_targets(tables, scope.reference, (), None)
    for node in doc.outline:
        _node(node, scope, out)
    return tuple(out)


# 万载县2015年国民经济和社会发展统计公报, …2024年政府信息公开工作年度报告, 关于2025年度…进展情况的报告:
# a document that reports a year's results reads as a review (a coming year it names still dates aims)
# 问答实录：《…若干措施》相关情况, …答记者问, 新闻发布会: what officials say of the work under way (今年，我们
# 全面落实…; 在孵企业数量超过200家) reports too
_RESULTS_TITLE = re.compile(
    r"统计公报|年度报告|工作总结|(?:进展|执行|完成|发展)情况的?报告|决算|问答实录|答记者问|新闻发布会|吹风会"
)


# 关于做好2023年全面推进乡村振兴重点工作的意见, 2024年工作要点, 2026年…幼儿园招生工作方案: a document
# of one year's work
_WORK_YEAR = re.compile(
    r"(?:做好|^)\s*(?P<y>20\d{2})\s*年[^报告]*?(?:重点工作|工作要点|工作计划|工作安排|工作方案|行动计划|重点任务)"
)


def _work_year(title: str) -> int | None:
    """The year a document of one year's work sets its targets for, from its title."""
    match = _WORK_YEAR.search(P.fold(title))
    return int(match.group("y")) if match else None


def reference_year(doc: Document) -> int | None:
    """The year the plan speaks from: when it was signed or published, else its first year,
    else the first full date near the top (——2026年1月26日在广东省第十四届 under a report's title)."""
    for date in (doc.issued, doc.published):
        if date:
            return int(date[:4])
    if doc.period:
        return doc.period[0]
    for para in doc.preamble[:_DATE_LINES]:
        written = P.DATE_CN.search(P.fold(para.text))
        if written:
            return int(written.group("y"))
    titled = _REPORT_YEAR.match(P.fold(doc.title))
    return int(titled.group(1)) if titled else None  # 2026年河北省政府工作报告


def _period_end(doc: Document) -> int | None:
    """The last year of the plan period, stated or named by a five-year plan in the title
    (“十四五”国家应急体系规划 → 2025)."""
    if doc.period:
        return doc.period[1]
    return _five_year_end(P.fold(doc.title))


def _five_year_end(text: str) -> int | None:
    """The last year of the latest five-year plan the text names: 十四五 → 2025, 第十五个五年 → 2030."""
    ends = [_plan_end(m.group("n") or m.group("m"), m.group("o")) for m in W.FIVE_YEAR_PLAN.finditer(text)]
    return max(ends) if ends else None


def _plan_end(digit: str | None, early: str | None = None) -> int:
    """十四五: the 14th five-year plan (``digit`` 四) ends in 2025; the 11th ended in 2010, the 10th
    (十五, no digit) in 2005; an ``early`` one of one digit (九五) in 2000, 八五 in 1995."""
    if early:
        return _ELEVENTH_PLAN_END - 5 * (11 - (chinese_to_number(early) or 10))
    return _ELEVENTH_PLAN_END + 5 * ((chinese_to_number(digit) or 1) - 1 if digit else -1)


def _node(node: Node, outer: Scope, out: list[Target]) -> None:
    goal = outer.goal or _goal_title(node.title)
    path = (*outer.path, node.display_title) if node.kind != "lead" else outer.path
    scope = Scope(outer.year, goal, outer.period_end, outer.reference, path)
    scope.title = _indicator_title(node.title)
    scope.review, scope.results = outer.review, outer.results
    if node.kind != "lead":
        _heading_context(P.fold(node.title), scope)
    if node.kind == "lead":
        scope.path = (*outer.path, node.title)
    tables = find_tables(node.paragraphs, scope.reference)
    _paragraphs(node.paragraphs, scope, out, tables.lines, tables.rows)
    default = scope.year or (scope.period_end if goal else None)
    out += table_targets(tables, scope.reference, scope.path, default)
    for child in node.children:
        _node(child, scope, out)


def _goal_title(title: str) -> bool:
    """发展目标, 主要目标, 工作目标, 主要指标 … but not 目标任务分工 or 指标体系建设."""
    squashed = _SPACE.sub("", title)
    return bool(_GOAL_TITLE.search(squashed))


def _indicator_title(title: str) -> str:
    """A heading that names an indicator (签约居民续约率, 家庭医生人数), or ""."""
    squashed = _SPACE.sub("", title).rstrip("。.:")
    if (
        len(squashed) <= MAX_INDICATOR
        and W.INDICATOR_NOUN.search(squashed)
        and not _CLAUSE_MARK.search(squashed)
    ):
        return squashed
    return ""


def _heading_context(title: str, scope: Scope) -> None:
    """What a heading says about the years of its part.

    A review (一、2025年工作回顾, 发展现状) holds no targets unless a sentence names a coming
    year; a part for a coming year (三、2026年工作安排) gives that year; a part on a five-year
    plan (“十五五”时期主要目标任务) ends its period in that plan's last year.
    """
    reference = scope.reference
    if W.REVIEW_HEADING.search(title) and not _AIMS.search(title):
        scope.year, scope.goal, scope.review = None, False, True
        return
    plan_end = _five_year_end(title)
    if plan_end is None and reference is not None and W.NEXT_FIVE_YEARS.search(title):
        plan_end = reference + 4  # 二、今后五年的主要目标任务
    if plan_end is not None and (reference is None or plan_end >= reference):
        scope.period_end = plan_end
    future = W.FUTURE_YEAR.search(title)
    coming = W.YEAR_HEADING.search(title)
    if future:
        scope.year = _year_of(future)
    elif coming and (reference is None or int(coming.group("y")) >= reference):
        scope.year = int(coming.group("y"))


def _paragraphs(
    paragraphs: Sequence[Paragraph],
    scope: Scope,
    out: list[Target],
    cells: frozenset[int],
    indicator_rows: frozenset[int],
) -> None:
    """Read the targets of a node's paragraphs; a year stated here carries on (scope.year).
    Rows of indicator tables (``indicator_rows``) and the cells of flattened tables (``cells``,
    by line) are read as tables; the rows of other tables cell by cell."""
    for para in whole_sentences(paragraphs, cells):
        if para.line in cells:
            continue
        if is_table_row(para.text):
            row = None if para.line in indicator_rows else table_cells(para.text)
            # a row of a table of prose (一级指标 | 二级指标 | 评价标准 …, a Markdown conversion):
            # its cells read as the paragraphs they are when the table comes flattened
            year, title = scope.year, scope.title
            for cell in row or ():
                _paragraph(Paragraph(cell, para.line, para.line), scope, out)
            if row:
                # rows are items of their own: a year or an indicator one row names stays in it
                scope.year, scope.title = year, title
            continue
        _paragraph(para, scope, out)


def _paragraph(para: Paragraph, scope: Scope, out: list[Target]) -> None:
    folded = P.fold(para.text)
    if " -" in folded:
        # a page number a PDF left inside the sentence (其8 -中一二三产…): blanked, offsets kept
        folded = _PAGE_NUMBER.sub(lambda m: " " * len(m.group()), folded)
    named = ROW_NAME.match(folded)
    if named and _indicator_title(named.group("name")):
        # a numbered row of a flattened table that names its indicator (4.家庭医生人数): the
        # clauses of its other cells take that name, as under a heading that names one
        scope.title = _indicator_title(named.group("name"))
        return
    led = _ROW_LEAD.match(folded)
    if led and _indicator_title(led.group("name")):
        scope.title = _indicator_title(led.group("name"))  # the row's name and its first cell joined
    _heading_line(folded, scope)
    before = scope.year
    scope.stated = []
    # 过去五年，我们…。经济实力实现新跨越，地区生产总值年均增长4.8%…: a paragraph that opens by
    # looking back reports results throughout, until a sentence names a year to come
    looking_back = bool(_LOOKS_BACK.match(folded))
    review = looking_back
    for start, end in _spans(folded, SENTENCE_END):
        review = _sentence(para, folded, start, end, scope, out, review) or (
            looking_back and not scope.stated
        )
    _paragraph_end(folded, before, scope)


_LOOKS_BACK = re.compile(r"\s*(?:过去的?(?:一|五|5|十|10|几|两|三)年|(?:这|近)(?:五|5)年来?|(?:五|5)年来)")


_PAGE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])\s*-?\s*\d{1,3}\s+-\s*(?=[\u4e00-\u9fff])")


# a line that reads as a heading: short, with no mark inside a sentence or ending one, and not
# cut after a word that needs more (“十五五”时期经济社会发展的 / 主要目标 / 是：…, bold runs set apart)
_HEADING_LINE = re.compile(r"[^,;:。!?，；：！？]{1,29}(?<![的和与及是在为对把从向将以于了])")


# a numbered row's name with its next cell run on (12.签约基本包居民在签约机构就诊率较上一年增加，力争…, a
# line at the wrap width joined to the next)
_ROW_LEAD = re.compile(
    r"^\d{1,3}\s*[.、]\s*(?P<name>[^,;:。，；：]{2,40}?(?:率|比例|比重|占比|人数|数量))(?=较|比|力争|到|达)"
)


# the title of a document (2026年湖南省政府工作报告), not of a part of it
_NAMES_DOCUMENT = re.compile(r"(?:报告|规划|纲要|方案|意见|通知|办法|计划|条例|决定|要点)》?$")


def _heading_line(folded: str, scope: Scope) -> None:
    """A heading left as a line of text (a scraper lost its 二、: “十五五”时期的主要目标任务 between
    paragraphs) says what a numbered heading would about the years of the lines after it: a
    review, a five-year plan's period, or a coming year."""
    title = folded.strip()
    if not _HEADING_LINE.fullmatch(title) or _NAMES_DOCUMENT.search(title):
        return
    if _five_year_end(title) or W.YEAR_HEADING.search(title) or W.REVIEW_HEADING.search(title):
        # (a line naming only goals, …生态保护修复目标, may be a line a PDF wrapped: no sign)
        scope.year, scope.goal, scope.review = None, _goal_title(title), False
        _heading_context(title, scope)


def _paragraph_end(folded: str, before: int | None, scope: Scope) -> None:
    """What of a paragraph's years carries on to the next paragraphs and the node's children.

    In a review none does: the results it reports have no year of targets, whatever an aside says.

    A year past the plan period (到2025年……。到2035年，…基本实现现代化) is an outlook for its own
    paragraph: the items after it keep the last year within the period. A list of targets goes
    on only when its paragraph was cut short (主要目标 / 是：地区生产总值…, a bold run on its own line).
    """
    if scope.review:
        scope.year = before  # 为今年经济发展打下好的基础 in a review of the past five years

    end = scope.period_end
    if end is not None and scope.year is not None and scope.year > end:
        within = [y for y in scope.stated if y <= end]
        scope.year = within[-1] if within else before
    if scope.listing and _ENDED.search(folded):
        scope.listing = False


def _spans(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in separator.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentence(
    para: Paragraph, folded: str, start: int, end: int, scope: Scope, out: list[Target], review: bool
) -> bool:
    """Read one sentence's targets. ``review``: the sentence before opened a review of the past
    and gave no figure (过去一年，我们的各项工作取得了很大成绩。), so this one reports the figures
    of that past until a year of its own says otherwise. Returns the same for the next sentence."""
    text = para.text
    past = review
    held: object = _NOTHING  # the year before a named plan period, given back after the sentence
    previous: Clause | None = None
    sentence = text[start:end].strip()
    aspirational_sentence = bool(W.ASPIRATION.search(folded[start:end]))
    for c_start, c_end in _spans(folded[start:end], CLAUSE_END):
        a, b = start + c_start, start + c_end
        clause = Clause(text[a:b], folded[a:b], a)
        if (W.GOAL_LIST.search(clause.folded) and not _ACHIEVED_GOALS.search(clause.folded)) or (
            W.LIST_OPENERS.match(clause.folded) and (scope.listing or _names_goals(previous))
        ):
            scope.listing = True
            if scope.year is None and "预期目标" in clause.folded and scope.reference is not None:
                scope.year = scope.reference  # 主要预期目标是: the targets of the year the report is given
        marker = _year_marker(clause.folded, scope)
        if marker == "past":
            past = True
        elif isinstance(marker, int):
            past = False
            if not _period_only(clause.folded):
                held = _NOTHING
            elif held is _NOTHING:
                held = scope.year  # “十五”期间年均…: the period's year holds for this sentence
            scope.year = marker
            scope.stated.append(marker)
        year = scope.year or (scope.period_end if scope.goal else None)
        aimed = W.YEARS_TARGET.search(clause.folded)
        aimed_year = int(aimed.group("y") or aimed.group("y2")) if aimed else 0
        if aimed and scope.reference is not None and aimed_year >= scope.reference:
            past, year = False, aimed_year
        if past or year is None:
            previous = clause
            continue
        clause.year = year
        for target in clause_targets(clause, previous, scope, para, sentence, aspirational_sentence):
            out.append(target)
        previous = clause
    if held is not _NOTHING:
        scope.year = held if isinstance(held, int) else None
    said = folded[start:end]
    return past and _REVIEW_OPENS.search(said) is not None and not _DIGIT.search(said)


_NOTHING = object()


def _period_only(folded: str) -> bool:
    """Whether a clause dates itself only by naming a five-year plan period (“十四五”期间, …), which
    holds for its sentence: 制定2024年、2025年、“十五五”期间实施重大项目清单 sets no year for what follows."""
    return bool(
        W.FIVE_YEAR_PERIOD.search(folded)
        and not W.FUTURE_YEAR.search(folded)
        and not W.THIS_YEAR.search(folded)
        and not W.NEXT_FIVE_YEARS.search(folded)
    )


# 圆满实现全年经济社会发展主要预期目标: a review says the targets were met, it lists none
_ACHIEVED_GOALS = re.compile(
    r"(?:(?:圆满|全面|顺利|超额|胜利)(?:实现|完成)|(?:实现|完成|达成)了)[^,;。]*(?:目标|指标)\s*$"
)


# a sentence that opens a review of a past year: 过去一年，…取得了很大成绩 / 刚刚过去的2017年，…
_REVIEW_OPENS = re.compile(r"^\s*(?:过去的?一年|刚刚过去的|去年|上一年)")


_DIGIT = re.compile(r"\d")


# 当前，我国数字经济…: a sentence on the present (the year a quoted plan period named before it
# does not carry over)
_PRESENT = re.compile(r"^\s*(?:当前|目前|现阶段)\s*(?:$|[,，])")


# 今年3月 with no deadline after it (今年6月底前 is one): when something happened this year
_THIS_YEARS_MONTH = re.compile(
    r"今年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?!\s*(?:底|末|前|以前|之前|中旬|下旬))"
)


# 今年一季度占GDP比重达5.5%, 以今年第四次修正《…条例》为契机: a part of this year gone by, or an
# event of it (a press conference's answers), not the year the targets are set for
_THIS_YEARS_PART = re.compile(
    r"今年\s*(?:第?[一二三四1-4]\s*季度|上半年|前[两三]季度|前\s*\d{1,2}\s*个?月|第[一二三四五六七八九十\d]+次)"
    r"(?!\s*(?:末|底|前|以前|之前))"
)


def _year_marker(folded: str, scope: Scope) -> int | str | None:
    """A future year (int), "past", or None when the clause says nothing about time."""
    if _PRESENT.match(folded):
        return "past"
    if not W.MAY_MARK_TIME.search(folded):
        return None
    reference = scope.reference
    future = W.FUTURE_YEAR.search(folded)
    if future:
        year = _year_of(future)
        if reference is not None and year == reference and _REPORTING_SPAN.search(folded, future.start()):
            return "past"  # 2021年至2022年6月，…完成首发上市 in a report of 2022: the window reported on
        if reference is None or year >= reference:
            return year
        return "past"
    bare = W.BARE_YEAR.match(folded.strip())
    if bare:
        year = int(bare.group("y"))
        # 2012年，全区旅游人数力争突破370万人次 in a part on 2012 (二、2012年…目标任务);
        # 2023年力争每万常住人口达到4名 in a plan of 2023
        if (reference is not None and year > reference) or year == scope.year:
            return year
        if year == reference and (
            W.ASPIRATION.search(folded) or scope.goal or _ACTION_AFTER.match(folded, bare.end())
        ):
            return year  # （二）目标任务。2021年，…产量达到1.3万亿斤以上; 2021年建设1亿亩…高标准农田
        return "past"
    if W.PAST_YEAR.search(folded) or _past_words(folded, scope):
        return "past"
    plan = W.FIVE_YEAR_PERIOD.search(folded)
    if plan and reference is not None and not (scope.review and _period_only(folded)):
        plan_end = _plan_end(plan.group("n"), plan.group("o"))
        # “十四五”时期，… in a review written after it; “十五”期间年均经济增长速度 in one before its end
        return "past" if plan_end < reference else plan_end
    if _THIS_YEARS_MONTH.search(folded) or _THIS_YEARS_PART.search(folded):
        return "past"  # 今年3月，…主持召开座谈会: an event of this year, told after it
    if W.THIS_YEAR.search(folded) and reference is not None:
        return "past" if scope.results else reference  # 今年 in a 统计公报: the year reported on
    if W.NEXT_FIVE_YEARS.search(folded) and reference is not None:
        end = scope.period_end
        return end if end is not None and end >= reference else reference + 4
    if W.PERIOD_END.search(folded) and scope.period_end:
        return scope.period_end
    return None


# 2021年建设1亿亩…: the year's own plan, an action right after the year
_ACTION_AFTER = re.compile(
    r"\s*(?:要|将|计划|拟)?\s*(?:" + "|".join(sorted(W.ACTIONS, key=len, reverse=True)) + ")"
)


# a span from a year to a month (2021年至2022年6月): a window of time reported on
_REPORTING_SPAN = re.compile(r"(?<=年)\s*(?:至|到)\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")


def _year_of(match: re.Match[str]) -> int:
    """The year a FUTURE_YEAR match names, in Arabic or Chinese digits (二〇三五)."""
    text = match.group("y") or match.group("y2")
    return int(text) if text.isascii() else chinese_to_number(text) or 0


def _past_words(folded: str, scope: Scope) -> bool:
    """Whether the clause speaks of the past; in a list of targets 同比/比上年 compares the
    coming year with the last and is no sign of the past."""
    for match in W.PAST_WORDS.finditer(folded):
        if not (scope.listing and W.LAST_YEAR_WORDS.fullmatch(match.group())):
            return True
    return False


def _names_goals(clause: Clause | None) -> bool:
    """设置了29项主要指标，包括：… — the clause before 包括 names the targets that follow."""
    return clause is not None and bool(_NAMES_GOALS.search(clause.folded))
