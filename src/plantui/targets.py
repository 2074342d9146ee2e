"""Document → Targets: the quantified aims a plan sets, with year, indicator, value and unit.

Sentences are read clause by clause with a year context: a ``到2025年`` opens it for the
rest of the paragraph, the node and its children; a goal section (发展目标, 主要指标) falls
back to the end of the plan period; a past marker (截至2019年底, 2018年，…) closes it for
its sentence. Within a clause each amount is read in one of four shapes:

- A  指标 + comparator + amount        两化融合指数达到88, 网络零售额突破3700亿
- B  action + amount + thing           争创1个国家级综合性平台, 实现万家企业上云
- E  action + thing + amount           建设智能工厂或数字化车间1500个
- C  rate noun + percentage            城市社区光纤网络覆盖率100%

Indicator tables (指标 | 2020年 | 2025年 | 属性) are read row by row in target_tables.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from plantui import patterns as P
from plantui import target_words as W
from plantui.models import Document, Node, Paragraph, Target
from plantui.numerals import chinese_to_number, parse_amount
from plantui.target_tables import find_tables, table_targets

SENTENCE_END = re.compile(r"[。;!?]")
# a colon between digits is a ratio (2.1:1), not the end of a clause
CLAUSE_END = re.compile(r",|(?<!\d):|:(?!\d)")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")
_MAX_INDICATOR = 40
# a name this short standing right before the amount that ends its clause is the indicator
_SHORT_SUBJECT = 8
# a name shorter than this is a single word (就业), not what a target counts
_MIN_NAME = 3
# a number in words stands without a unit only when it is this large: 用户超千万, 突破万亿
_LARGE = 1_000_000
# comparing verbs that end a clause's subject (two characters or more: 为, 超 occur inside words)
_SUBJECT_ENDS = tuple(w for w, _ in W.COMPARATORS if len(w) >= 2)
# what a word after the amount says about it: 80%以上, 6%左右, 1000多家
QUALIFIERS = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~", "多": ">"}
# 在河北布局, 在雄安落地: where the counted things go, not what they are
_WHERE = re.compile(r"在[\u4e00-\u9fff]{1,8}(?:布局|落户|落地|集聚|发展)$")
_VERBS = tuple(w for w, _ in W.COMPARATORS)
# words that join two amounts of one list: 7%和8%, 5家、10家
_JOINERS = ("、", "和", "及", "与", "或")
_NEXT_INDICATOR = re.compile(r"、[^、]*(?:达到|达|超过|突破|增至|提高到|提升至)\s*$")
# the first lines, where a report gives its date under the title
_DATE_LINES = 12
# the 11th five-year plan (十一五) ended in 2010, each next one five years later
_ELEVENTH_PLAN_END = 2010

# Patterns used inside the functions below, compiled once (a pattern written inline is looked
# up in re's cache on every call, and compiled again whenever the cache has dropped it).
_SPACE = re.compile(r"\s")
_SPACES = re.compile(r"\s+")
_REPORT_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年.*报告")  # 2026年河北省政府工作报告
_GOAL_TITLE = re.compile(r"目标$|目标和|目标与|主要目标|主要指标|发展指标|指标表|预期目标|总体目标")
_CLAUSE_MARK = re.compile(r"[,;。]")
_AIMS = re.compile("目标|任务")
_ENDED = re.compile(r"[。;!?]\s*$")
_NAMES_GOALS = re.compile(r"(?:目标|指标)\s*$")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d{2}")
_CN_MAGNITUDE = re.compile("[十百千万亿]")
_MAGNITUDE_START = re.compile(r"[百千万亿]")
_IDIOM_HEAD = re.compile(r"[百千万亿][\u4e00-\u9fff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_LIST_JOINER = re.compile(r"[、和及与]")
_LEADING_NOTE = re.compile(r"^\s*[(（][^()（）]*[)）]")
_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_ENUMERATING = re.compile(r"[、,，和与及\d一二三四五六七八九十百千万亿超]")
_ACTIONS = tuple(W.ACTIONS)
_CHANGES = tuple(W.CHANGES)


@dataclass
class _Scope:
    """What the text around a sentence says about targets: the year, the plan period, goals."""

    year: int | None
    goal: bool
    period_end: int | None
    reference: int | None
    path: tuple[str, ...]
    # inside a list of targets (主要预期目标是：…), where 同比增长 is a target, not a past figure
    listing: bool = False
    # the years stated in the current paragraph, in order
    stated: list[int] = field(default_factory=list)
    # the node's title when it names an indicator (10.签约居民续约率), for clauses without one
    title: str = ""


class _Amount(NamedTuple):
    """An amount in a clause: where it is, its value (and range end), unit, and 以上/以下 comparator."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    comparator: str


@dataclass
class _Clause:
    text: str  # original text
    folded: str
    start: int  # offset in the paragraph
    year: int | None = None
    targets: list[Target] = field(default_factory=list)

    @property
    def subject(self) -> str:
        """What the clause is about, lent to a next clause that has none (…从第17位，跃升至前10位)."""
        return _subject(self.folded)


def extract_targets(doc: Document) -> tuple[Target, ...]:
    """Every quantified target the document states, in reading order."""
    scope = _Scope(None, False, _period_end(doc), reference_year(doc), ())
    out: list[Target] = []
    tables = find_tables(doc.preamble)
    _paragraphs(doc.preamble, scope, out, tables.lines)
    out += table_targets(tables, scope.reference, (), None)
    for node in doc.outline:
        _node(node, scope, out)
    return tuple(out)


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
    ends = [_plan_end(m.group("n") or m.group("m")) for m in W.FIVE_YEAR_PLAN.finditer(text)]
    return max(ends) if ends else None


def _plan_end(digit: str) -> int:
    """十四五: the 14th five-year plan (``digit`` 四) ends in 2025; the 11th ended in 2010."""
    return _ELEVENTH_PLAN_END + 5 * ((chinese_to_number(digit) or 1) - 1)


def _node(node: Node, outer: _Scope, out: list[Target]) -> None:
    goal = outer.goal or _goal_title(node.title)
    path = (*outer.path, node.display_title) if node.kind != "lead" else outer.path
    scope = _Scope(outer.year, goal, outer.period_end, outer.reference, path)
    scope.title = _indicator_title(node.title)
    if node.kind != "lead":
        _heading_context(P.fold(node.title), scope)
    if node.kind == "lead":
        scope.path = (*outer.path, node.title)
    tables = find_tables(node.paragraphs)
    _paragraphs(node.paragraphs, scope, out, tables.lines)
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
        len(squashed) <= _MAX_INDICATOR
        and W.INDICATOR_NOUN.search(squashed)
        and not _CLAUSE_MARK.search(squashed)
    ):
        return squashed
    return ""


def _heading_context(title: str, scope: _Scope) -> None:
    """What a heading says about the years of its part.

    A review (一、2025年工作回顾, 发展现状) holds no targets unless a sentence names a coming
    year; a part for a coming year (三、2026年工作安排) gives that year; a part on a five-year
    plan (“十五五”时期主要目标任务) ends its period in that plan's last year.
    """
    reference = scope.reference
    if W.REVIEW_HEADING.search(title) and not _AIMS.search(title):
        scope.year, scope.goal = None, False
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
    paragraphs: Sequence[Paragraph], scope: _Scope, out: list[Target], cells: frozenset[int]
) -> None:
    """Read the targets of a node's paragraphs; a year stated here carries on (scope.year).
    Table rows and the cells of flattened tables (``cells``, by line) are read as tables."""
    for para in paragraphs:
        if _is_table_row(para.text) or para.line in cells:
            continue
        folded = P.fold(para.text)
        named = _ROW_NAME.match(folded)
        if named and _indicator_title(named.group("name")):
            # a numbered row of a flattened table that names its indicator (4.家庭医生人数): the
            # clauses of its other cells take that name, as under a heading that names one
            scope.title = _indicator_title(named.group("name"))
            continue
        before = scope.year
        scope.stated = []
        for start, end in _spans(folded, SENTENCE_END):
            _sentence(para, folded, start, end, scope, out)
        _paragraph_end(folded, before, scope)


_ROW_NAME = re.compile(r"^\d{1,3}\s*[.、]\s*(?P<name>[^,;:。，；：]{2,40})$")


def _paragraph_end(folded: str, before: int | None, scope: _Scope) -> None:
    """What of a paragraph's years carries on to the next paragraphs and the node's children.

    A year past the plan period (到2025年……。到2035年，…基本实现现代化) is an outlook for its own
    paragraph: the items after it keep the last year within the period. A list of targets goes
    on only when its paragraph was cut short (主要目标 / 是：地区生产总值…, a bold run on its own line).
    """
    end = scope.period_end
    if end is not None and scope.year is not None and scope.year > end:
        within = [y for y in scope.stated if y <= end]
        scope.year = within[-1] if within else before
    if scope.listing and _ENDED.search(folded):
        scope.listing = False


def _is_table_row(text: str) -> bool:
    return text.count("|") >= 2 or text.count("\t") >= 1 or text.count("｜") >= 2


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


def _sentence(para: Paragraph, folded: str, start: int, end: int, scope: _Scope, out: list[Target]) -> None:
    text = para.text
    past = False
    previous: _Clause | None = None
    sentence = text[start:end].strip()
    aspirational_sentence = bool(W.ASPIRATION.search(folded[start:end]))
    for c_start, c_end in _spans(folded[start:end], CLAUSE_END):
        a, b = start + c_start, start + c_end
        clause = _Clause(text[a:b], folded[a:b], a)
        if W.GOAL_LIST.search(clause.folded) or (
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
            scope.year = marker
            scope.stated.append(marker)
        year = scope.year or (scope.period_end if scope.goal else None)
        if past or year is None:
            previous = clause
            continue
        clause.year = year
        for target in _clause_targets(clause, previous, scope, para, sentence, aspirational_sentence):
            out.append(target)
        previous = clause


def _year_marker(folded: str, scope: _Scope) -> int | str | None:
    """A future year (int), "past", or None when the clause says nothing about time."""
    reference = scope.reference
    future = W.FUTURE_YEAR.search(folded)
    if future:
        year = _year_of(future)
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
        if year == reference and W.ASPIRATION.search(folded):
            return year
        return "past"
    if W.PAST_YEAR.search(folded) or _past_words(folded, scope):
        return "past"
    plan = W.FIVE_YEAR_PERIOD.search(folded)
    if plan and reference is not None and _plan_end(plan.group("n")) < reference:
        return "past"  # “十四五”时期，… in a review written after it
    if W.THIS_YEAR.search(folded) and reference is not None:
        return reference
    if W.NEXT_FIVE_YEARS.search(folded) and reference is not None:
        end = scope.period_end
        return end if end is not None and end >= reference else reference + 4
    if W.PERIOD_END.search(folded) and scope.period_end:
        return scope.period_end
    return None


def _year_of(match: re.Match[str]) -> int:
    """The year a FUTURE_YEAR match names, in Arabic or Chinese digits (二〇三五)."""
    text = match.group("y") or match.group("y2")
    return int(text) if text.isascii() else chinese_to_number(text) or 0


def _past_words(folded: str, scope: _Scope) -> bool:
    """Whether the clause speaks of the past; in a list of targets 同比/比上年 compares the
    coming year with the last and is no sign of the past."""
    for match in W.PAST_WORDS.finditer(folded):
        if not (scope.listing and W.LAST_YEAR_WORDS.fullmatch(match.group())):
            return True
    return False


def _names_goals(clause: _Clause | None) -> bool:
    """设置了29项主要指标，包括：… — the clause before 包括 names the targets that follow."""
    return clause is not None and bool(_NAMES_GOALS.search(clause.folded))


def _subject(folded: str) -> str:
    """What a clause is about: its text before 从/由 or its first comparing verb, or before
    the action that ends it ahead of the first amount (固定资产投资完成194亿元)."""
    cut = len(folded)
    for word in ("从", "由", *_SUBJECT_ENDS):
        index = folded.find(word)
        if 0 < index < cut:
            cut = index
    amount = W.QUANTITY.search(folded)
    if amount is not None and (amount.group("num") or amount.group("bare")) and amount.start() < cut:
        before = folded[: amount.start()].rstrip()
        action = _ending(before, _ACTIONS)
        if action and _clean(before[: -len(action)]):
            cut = len(before) - len(action)
    return _clean(folded[:cut])


def _quoted_spans(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTED.finditer(folded)]


def _clause_targets(
    clause: _Clause,
    previous: _Clause | None,
    scope: _Scope,
    para: Paragraph,
    sentence: str,
    aspirational: bool,
) -> list[Target]:
    folded = clause.folded
    quoted = _quoted_spans(folded)
    found: list[Target] = []
    cursor = 0
    last_shape = ""
    respectively: list[str] = []
    shared_comparator = "="
    amounts = list(_amounts(folded, quoted))
    where = _Where(clause, scope, para, sentence, aspirational)
    baseline: tuple[int, _Amount] | None = None
    for index, amount in enumerate(amounts):
        m_start, m_end, unit = amount.start, amount.end, amount.unit
        if m_start < cursor:
            continue  # inside the thing a previous amount counted (超10亿元的 in 20家…的企业)
        left = folded[cursor:m_start]
        opening = W.FROM_AMOUNT.search(left)
        if opening and index + 1 < len(amounts):
            # 面积从现状436万亩提高到500万亩以上: the first amount is the baseline of the second
            baseline = (cursor + opening.start(), amount)
            continue
        if baseline is not None:
            left = folded[cursor : baseline[0]] + folded[baseline[1].end : m_start]
        # the next amount that is not a mere attribute (…超10亿元的…) bounds this one's object
        following = [a[0] for a in amounts[index + 1 :] if not folded[a[1] :].lstrip().startswith("的")]
        next_start = following[0] if following else len(folded)
        right = folded[m_end:next_start]
        if respectively and _clean(left) == "":
            # …普及率、…数控化率分别达到80%、65%: the next listed indicator takes the next amount
            found.append(_target(where, respectively.pop(0), amount, amount.comparator or shared_comparator))
            cursor = m_end
            continue
        if found and last_shape == "A" and left.strip() in _JOINERS and not _has_object(_own(right)):
            # 人均可支配收入分别增长7%和8%左右: a second value of the same indicator
            found.append(_target(where, found[-1].indicator, amount, amount.comparator or shared_comparator))
            cursor = m_end
            continue
        shape, indicator, verb_comparator = _shape(left, right, unit, last_shape, scope.listing)
        shared_comparator = verb_comparator
        if unit in W.TIME_UNITS and folded[m_end - 1 : m_end] == "内" and _has_object(right):
            # 航空应急力量基本实现2小时内到达灾害事故易发多发地域: the time it takes to do what follows
            subject = _trim(left)
            subject = subject[: len(subject) - len(_ending(subject, _ACTIONS))]
            shape, indicator = "A", _clean(subject) + _clean(right)
        if not unit and shape != "A":
            shape = None  # a bare number counts only after a comparing verb: 指数达到88, not 信息化2.0
        # the thing counted after a B amount is used up: the next amount starts after it
        cursor = m_end + _object_end(right) if shape == "B" else m_end
        if shape is None:
            continue
        last_shape = shape
        indicator = _borrow_subject(indicator, previous, scope.title)
        if shape == "A" and indicator.endswith("分别") and "、" in indicator:
            names = [_clean(n) for n in indicator[: -len("分别")].split("、") if _clean(n)]
            indicator, respectively, shared_comparator = names[0], names[1:], verb_comparator
        indicator = _clean(indicator)
        if not indicator or indicator.endswith("指标"):
            continue  # 提出2项指标, 其中9项约束性指标: how many indicators a plan sets is no target
        target = _target(where, indicator, amount, amount.comparator or verb_comparator)
        if baseline is not None and baseline[1].unit == amount.unit:
            target = replace(target, baseline_value=baseline[1].value)
        baseline = None
        found.append(target)
    for match in W.DOUBLING.finditer(folded):
        left = folded[: match.start()]
        indicator = _clean(W.BASELINE_YEAR.split(left)[0] if W.BASELINE_YEAR.search(left) else left)
        if not indicator and previous is not None:
            indicator = previous.subject
        if indicator:
            factor = W.DOUBLING_FACTOR[match.group("n")]
            doubled = _Amount(match.start(), match.end(), factor, None, "倍", "=")
            found.append(_target(where, _clean(indicator), doubled, "="))
    return found


def _borrow_subject(indicator: str, previous: _Clause | None, title: str) -> str:
    """An indicator missing its subject takes the previous clause's: 总量突破2万亿元，年均增长12%;
    规模达到3万亿元，占GDP比重超过45%; or, under a heading that names one, the heading's
    (10.签约居民续约率 / 较上一年增加，力争2023年达到80%)."""
    change = _ending(indicator, _CHANGES)
    own = indicator[: len(indicator) - len(change)]
    if not _clean(own) and title:
        return title + change
    if title and W.PER_UNIT.fullmatch(_clean(own)):
        return f"{title}{change}（{_clean(own)}）"  # 家庭医生人数 / 2023年力争每万常住人口达到4名
    if previous is None:
        return indicator
    if not _clean(own):
        return previous.subject + change
    if _clean(own).startswith("占"):
        return previous.subject + _clean(indicator)  # 规模达到3万亿元，占GDP比重超过45%
    return indicator


def _amounts(folded: str, quoted: list[tuple[int, int]]) -> list[_Amount]:
    """Every amount in a clause, in order, with the comparator its 以上/以下/左右 states."""
    out = []
    for match in W.QUANTITY.finditer(folded):
        if not (match.group("num") or match.group("bare")):
            continue
        start, end = match.start(), match.end()
        if any(a <= start < b for a, b in quoted):
            continue
        unit = match.group("unit") or ""
        number = match.group("num") or ""
        after = folded[end : end + 1]
        if match.group("rank") and unit not in ("名", "位"):
            continue
        if _not_a_count(folded, match):
            continue
        value = _amount(number + (match.group("mag") or "") if number else match.group("bare"))
        if value is None:
            continue
        if not unit and not match.group("ratio"):
            # an amount without a unit (指数达到88) must end the phrase: 2.0行动, 4G网络 are names
            if after and not (after in ",;。、)）" or after.isspace()):
                continue
            # a bare number is Arabic (指数达到88); in words only a large one (用户超千万)
            if not (_is_arabic(number) or value >= _LARGE):
                continue
            if folded[end : end + 1] == "年" or _YEAR_NUMBER.fullmatch(number):
                continue
        value_max = None
        if match.group("num2"):
            value_max = _amount(match.group("num2") + (match.group("mag") or ""))
            if match.group("mag") and value_max is not None and value_max < value:
                value_max = None
        qualifier = match.group("qual") or ""
        comparator = QUALIFIERS.get(qualifier, "") or (">" if match.group("approx") else "")
        if not qualifier and unit in W.TIME_UNITS and folded[end : end + 1] == "内":
            comparator, end = "<=", end + 1  # 2小时内到达: within the time
        if match.group("rank"):
            comparator = "<="
        out.append(_Amount(start, end, value, value_max, unit, comparator))
    for match in W.PERCENT_WORDS.finditer(folded):
        value = _amount(match.group("num"))
        if value is not None:
            qualifier = match.group("qual") or ""
            out.append(_Amount(match.start(), match.end(), value, None, "%", QUALIFIERS.get(qualifier, "")))
    out.sort()
    return out


@lru_cache(maxsize=4096)
def _amount(text: str) -> float | None:
    """parse_amount, remembered: the same few hundred amounts recur (cn2an is slow on words)."""
    return parse_amount(text)


def _not_a_count(folded: str, match: re.Match[str]) -> bool:
    """Numbers in words that count nothing: 一二三次产业 (digits read one by one), 千家万户 and
    千行百业 (idioms), 亿元以上项目 and 亿元级项目 (a size that qualifies the things counted)."""
    number, end = match.group("num") or "", match.end()
    if number and not _is_arabic(number) and len(number) > 1 and not _CN_MAGNITUDE.search(number):
        return True
    after = folded[end : end + 1]
    if match.group("bare") or (number and not _is_arabic(number) and number in "百千万"):
        if _MAGNITUDE_START.match(after) or _IDIOM_HEAD.fullmatch(
            folded[max(0, match.start() - 2) : match.start()]
        ):
            return True  # 千家万户
        if (match.group("qual") in ("以上", "以下") or after == "级") and _HAN.match(after or "级"):
            nxt = folded[end + (1 if after == "级" else 0) : end + 2]
            return bool(_HAN.match(nxt))
    return False


def _is_arabic(number: str) -> bool:
    return bool(_ARABIC.fullmatch(number))


def _shape(left: str, right: str, unit: str, last_shape: str, listing: bool) -> tuple[str | None, str, str]:
    """Which shape an amount takes in its clause, its indicator, and the comparator of its verb."""
    trimmed = _trim(left)
    verb = _ending(trimmed, _VERBS)
    change = _ending(trimmed, _CHANGES)
    attributive = right.lstrip().startswith("的")
    if change and (not verb or len(change) >= len(verb)):
        return (None, "", "") if attributive else ("A", trimmed, "=")
    action = _ending(trimmed, _ACTIONS)
    if action and (not verb or len(action) > len(verb) or (action == verb and _has_object(right))):
        subject = _clean(trimmed[: len(trimmed) - len(action)])
        counted = _has_object(_own(right))  # 新开工 300 个、完工 200 个: the next element is no object
        if not counted and subject and not _leading(subject, _ACTIONS):
            return "A", subject, "="  # 固定资产投资完成194亿元: the action is the verb of its subject
        if not counted and subject and not _only_actions(subject):
            leading = _leading(subject, _ACTIONS)  # 完成5G基站建设9万个左右
            return "E", _object(_clean(trimmed)[len(leading) :]), "="
        return "B", _object(right), "="
    if verb:
        if attributive:
            return None, "", ""
        indicator = trimmed[: len(trimmed) - len(verb)]
        comparator = dict(W.COMPARATORS)[verb]
        if _has_object(right) and _only_actions(_clean(indicator)):
            # 突破百项前沿关键核心技术, 推动制定不少于10项北斗高精度国家标准: the things counted follow
            return "B", _object(right), comparator
        return "A", indicator, comparator
    if last_shape == "B" and _clean(left) == "" and _has_object(right):
        return "B", _object(right), "="
    if attributive:
        return None, "", ""
    clean_left = _clean(left)
    if unit in ("%", "‰") and ("占" in clean_left or W.RATE_NOUN.search(clean_left.rstrip("的"))):
        return "C", clean_left.rstrip("的"), "="  # 服务贸易年均增速5%: a rate, though 服务 is an action
    # the action as written: 新增 is a filler to _clean, but here it opens 新增…停车位 1 万个
    raw = _SPACES.sub("", left).lstrip("、,，和及与")
    written = raw if _leading(raw, _ACTIONS) else clean_left
    leading = _leading(written, _ACTIONS)
    own_right = _own(right)
    if leading and not _has_object(own_right):
        thing = written
        while _leading(thing, _ACTIONS) and len(thing) - len(_leading(thing, _ACTIONS)) >= _MIN_NAME:
            thing = thing[len(_leading(thing, _ACTIONS)) :]  # 建设筹集保障性租赁住房 7 万套
        return "E", _object(thing), "="
    if last_shape == "E" and left.lstrip()[:1] in _JOINERS and not _has_object(own_right):
        return "E", _object(clean_left), "="  # 培育…企业100家、…企业1000家
    if unit and clean_left and not _clean(right) and (listing or len(clean_left) <= _SHORT_SUBJECT):
        # a clause that is a name and an amount: 城镇新增就业86万人
        return "A", clean_left, "="
    return None, "", ""


def _trim(left: str) -> str:
    """The text before an amount without the words between its verb and the number
    (达到约, 进入全国前10名); 在 only where no verb ends in it (控制在, 保持在)."""
    trimmed = W.REGION_WORDS.sub("", left.rstrip(" 约了"))
    if trimmed.endswith("在") and not _ending(trimmed, _VERBS):
        trimmed = W.REGION_WORDS.sub("", trimmed.rstrip("在"))
    return trimmed


def _own(right: str) -> str:
    """What follows an amount, up to the next list element."""
    return _LIST_JOINER.split(right, maxsplit=1)[0]


def _only_actions(text: str) -> bool:
    """Whether ``text`` is nothing but action verbs (推动制定), or empty."""
    while text:
        action = _leading(text, _ACTIONS)
        if not action:
            return False
        text = text[len(action) :]
    return True


def _ending(text: str, words: Sequence[str]) -> str:
    """The longest word that ``text`` ends with."""
    return _longest(text, words, text.endswith)


def _leading(text: str, words: Sequence[str]) -> str:
    """The longest word that ``text`` starts with."""
    return _longest(text, words, text.startswith)


def _longest(text: str, words: Sequence[str], fits: Callable[[str], bool]) -> str:
    return max((w for w in words if fits(w)), key=len, default="")


def _has_object(right: str) -> bool:
    """Whether a noun follows the amount (a bracketed note such as （含通信业） is not one)."""
    text = _LEADING_NOTE.sub("", right)
    return len(_clean(text.lstrip("的"))) >= 2


def _object(right: str) -> str:
    """The thing counted after the amount. A long or enumerating modifier before 的 is cut
    (一个跨行业、跨领域的综合性平台 → 综合性平台); a short one names the kind and stays
    (面向行业的工业互联网平台). A trailing 在…布局 says where, not what."""
    text = right[: _object_end(right)].strip().rstrip("和及与、")
    text = _TRAILING_NOTE.sub("", text) if len(text) > 6 else text
    text = _WHERE.sub("", text) or text
    if "的" not in text[1:]:
        return text.lstrip("的")
    modifier, head = text.rsplit("的", 1)
    if len(head) < 2:
        return text.lstrip("的")
    if len(modifier) <= 4 and not _ENUMERATING.search(modifier):
        return text
    return head


def _object_end(right: str) -> int:
    """Where the thing counted ends: before a next indicator with its own verb
    (新增1000处信号灯联网、累计达8000处; 新建5个…医疗集团、区级覆盖率达80%)."""
    match = _NEXT_INDICATOR.search(right)
    return match.start() if match else len(right)


def _clean(text: str) -> str:
    text = _SPACES.sub("", text)
    text = text.strip(",，、;；:：。.")
    text = _balance(text)
    text = W.FUTURE_YEAR.sub("", text)
    text = W.BARE_YEAR.sub("", text)  # 2035年达到90%: the year is no part of the indicator
    previous = None
    while previous != text:
        previous = text
        stripped = W.LEADING_FILLER.sub("", text)
        # 新增就业 stays whole: a name of one word is no name
        text = stripped if len(stripped) >= _MIN_NAME or not stripped else text
    text = W.TRAILING_FILLER.sub("", text).strip(",，、;；:：。 ")
    if len(text) > _MAX_INDICATOR:
        # keep the end of a long phrase: the measured noun is last in Chinese
        cut = max(
            text.rfind("，", 0, len(text) - 4),
            text.rfind("、", 0, len(text) - 4),
            text.rfind("的", 0, len(text) - 4),
        )
        text = text[cut + 1 :] if cut >= 0 else text[-_MAX_INDICATOR:]
    return text


def _balance(text: str) -> str:
    """Drop a bracket left open or closed at either end by the clause cut."""
    for opening, closing in (("（", "）"), ("(", ")")):
        if text.startswith(opening) and text.count(closing) < text.count(opening):
            text = text[1:]
        if text.endswith(closing) and text.count(opening) < text.count(closing):
            text = text[:-1]
        if text.endswith(opening):
            text = text[:-1]
    return text


@dataclass(frozen=True)
class _Where:
    """Where a target is read: its clause, the scope around it, its paragraph and sentence."""

    clause: _Clause
    scope: _Scope
    para: Paragraph
    sentence: str
    aspirational: bool


def _target(where: _Where, indicator: str, amount: _Amount, comparator: str) -> Target:
    clause = where.clause
    baseline = W.BASELINE_YEAR.search(clause.folded)
    attribute = W.ATTRIBUTE.search(where.sentence)
    return Target(
        year=clause.year,
        indicator=_original(clause, indicator),
        value=float(amount.value),
        unit=amount.unit,
        text=clause.text.strip(),
        line=where.para.line_at(clause.start + amount.start),
        value_max=float(amount.value_max) if amount.value_max is not None else None,
        comparator=comparator or "=",
        aspirational=where.aspirational or bool(W.ASPIRATION.search(clause.folded[: amount.end])),
        baseline_year=int(baseline.group("y")) if baseline else None,
        attribute=attribute.group(0) if attribute else None,
        path=where.scope.path,
    )


def _original(clause: _Clause, indicator: str) -> str:
    """The indicator as written (full-width characters kept) when it can be found in the clause."""
    squashed = _SPACES.sub("", clause.text)
    index = P.fold(squashed).find(indicator)
    return squashed[index : index + len(indicator)] if index >= 0 else indicator
