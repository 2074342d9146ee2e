"""One clause → its Targets: every amount in it, read in one of four shapes.

- A  指标 + comparator + amount        两化融合指数达到88, 网络零售额突破3700亿
- B  action + amount + thing           争创1个国家级综合性平台, 实现万家企业上云
- E  action + thing + amount           建设智能工厂或数字化车间1500个
- C  rate noun + percentage            城市社区光纤网络覆盖率100%
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from plantui import patterns as P
from plantui.models import Paragraph, Target
from plantui.targets import words as W
from plantui.targets.amounts import CLASSIFIERS, Amount, read_amounts
from plantui.targets.phrases import MIN_NAME as _MIN_NAME
from plantui.targets.phrases import SECTORS
from plantui.targets.phrases import clean as _clean
from plantui.targets.phrases import ending as _ending
from plantui.targets.phrases import has_object as _has_object
from plantui.targets.phrases import leading as _leading
from plantui.targets.phrases import listed as _listed
from plantui.targets.phrases import only_actions as _only_actions
from plantui.targets.phrases import own as _own
from plantui.targets.phrases import trim as _trim

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")


# a name this short standing right before the amount that ends its clause is the indicator
_SHORT_SUBJECT = 8


# in a goal section a clause that is only a name and an amount may name its thing at this length
# (入库科技型中小企业 3200户, 其中年进出口额10亿元以上 30家)
_GOAL_SUBJECT = 16


# 到 2025 年，石漠化综合治理面积 35.5 万公顷，水土流失综合治理面积 149 万公顷: a sentence that
# opens with its deadline lists targets, as a goal section does, wherever it stands
_OPENS_WITH_DEADLINE = re.compile(r"^\s*(?:力争|争取)?\s*[到至]\s*(?:19|20)\d{2}\s*年(?:底|末)?\s*[,，]")


# 推进…平坝酒厂 6000 吨基酒生产扩能、无忧酒业年产 2000 吨技改、…等项目建设: a list of projects,
# each named with its capacity — the sizes of what is built, no aims
_PROJECT_LIST = re.compile(r"、[^,，;；。]*等(?:重点|重大)?(?:项目|工程)(?:建设)?\s*$")


# 经济总量向1000亿元迈进: 向 an amount, then a verb of heading for it
_TOWARDS = re.compile(r"\s*(?:的?(?:新)?(?:目标|台阶))?\s*(?:迈进|冲刺|进军|挺进)")


# 其中规模以上工业企业2800户、资质建筑企业400户: the parts of a count just given
_SUBCOUNT = re.compile(r"^[、,，;；\s]*其中")


# digits and Latin letters of an indicator read half-width (５０亿元以上 → 50亿元以上); Chinese marks kept
_HALF_WIDTH = {
    cp: cp - 0xFEE0 for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_HALF_WIDTH.update({0xFF0E: 0x2E, 0xFF05: 0x25})


# comparing verbs that end a clause's subject (two characters or more: 为, 超 occur inside words)
_SUBJECT_ENDS = tuple(w for w, _ in W.COMPARATORS if len(w) >= 2)


# 在河北布局, 在雄安落地: where the counted things go, not what they are
_WHERE = re.compile(r"在[\u4e00-\u9fff]{1,8}(?:布局|落户|落地|集聚|发展)$")


_VERBS = tuple(w for w, _ in W.COMPARATORS)


# words that join two amounts of one list: 7%和8%, 5家、10家
_JOINERS = ("、", "和", "及", "与", "或")


_NEXT_INDICATOR = re.compile(
    r"、[^、]*(?:达到|达|超过|突破|增至|提高到|提升至)\s*$|、(?:新增|新建|新开工|完成|改造)[^、]*$"
)  # 、新增床位 (470张): the next element counts a thing of its own


_SPACES = re.compile(r"\s+")


# 培育年产值超100亿元、具备较强国际竞争力的龙头企业2家: after the amount, a listed modifier ends
# in 的 and names the things the next amount counts, so the amount is a size they have
_MODIFIES_NEXT = re.compile(r"\s*、[^、,;。的]{1,24}的[\u4e00-\u9fff]{2,12}\s*$")


_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")


_ENUMERATING = re.compile(r"[、,，和与及\d一二三四五六七八九十百千万亿超]")


_ACTIONS = tuple(W.ACTIONS)


_CHANGES = tuple(W.CHANGES)


@dataclass
class Scope:
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
    # inside a review (一、过去五年工作回顾): a year a paragraph names stays in that paragraph
    review: bool = False
    # in a document that reports a year's results (统计公报, 年度报告)
    results: bool = False


@dataclass
class Clause:
    text: str  # original text
    folded: str
    start: int  # offset in the paragraph
    year: int | None = None
    targets: list[Target] = field(default_factory=list)
    # the shape of the clause's last target (E: 培育…企业 1 家), which a next clause may go on with
    shape: str = ""

    @property
    def subject(self) -> str:
        """What the clause is about, lent to a next clause that has none (…从第17位，跃升至前10位)."""
        return _subject(self.folded)


# what makes an action word the head of a compound noun (服务型, 服务业, 改造类)
_COMPOUND_HEAD = re.compile(r"[型业类者]")


# …比例控制在5%以内的目标 in a clause that dates it (按照2020年…的目标推进): the value the target sets,
# not a size of what follows (低于13%左右的预期目标 in a review dates nothing)
_THE_AIM = re.compile(r"\s*的(?=(?:预期|发展|工作|主要)?目标)")


# a change verb right before its amount (增长20%): the subject of a clause ends there
_CHANGE_BY = re.compile(r"(?:年均)?(?:增长|提高|下降|降低|减少|增加)(?=\s*[\d约])")


def _subject(folded: str) -> str:
    """What a clause is about: its text before 从/由 or its first comparing verb, or before
    the action that ends it ahead of the first amount (固定资产投资完成194亿元)."""
    cut = len(folded)
    for word in ("从", "由", *_SUBJECT_ENDS):
        index = folded.find(word)
        if 0 < index < cut:
            cut = index
    change = _CHANGE_BY.search(folded)  # 地区生产总值增长20%，达到282亿元: the level of 地区生产总值
    if change and 0 < change.start() < cut:
        cut = change.start()
    amount = W.QUANTITY.search(folded)
    if amount is not None and (amount.group("num") or amount.group("bare")) and amount.start() < cut:
        before = folded[: amount.start()].rstrip()
        action = _ending(before, _ACTIONS)
        if action and _clean(before[: -len(action)]):
            cut = len(before) - len(action)
    return _clean(folded[:cut])


def _quoted_spans(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTED.finditer(folded)]


def clause_targets(
    clause: Clause,
    previous: Clause | None,
    scope: Scope,
    para: Paragraph,
    sentence: str,
    aspirational: bool,
) -> list[Target]:
    folded = clause.folded
    if not W.MAY_COUNT.search(folded) or _PROJECT_LIST.search(folded):
        return []
    goal = scope.goal or bool(_OPENS_WITH_DEADLINE.match(P.fold(sentence)))
    quoted = _quoted_spans(folded)
    found: list[Target] = []
    cursor = 0
    last_shape = ""
    respectively: list[str] = []
    group: tuple[int, int] | None = None  # where the targets a 分别 lists start, and how many
    shared_comparator = "="
    amounts = list(read_amounts(folded, quoted))
    where = _Where(clause, scope, para, sentence, aspirational)
    baseline: tuple[int, Amount] | None = None
    dated = W.YEARS_TARGET.search(folded) is not None
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
        if following and _modifies_next(right, amounts[index + 1 :], next_start):
            continue  # a size of the things the next amount counts, not an amount of its own
        if W.PURPOSE.search(folded, m_end):
            continue  # 为…建设一个…和谐世界而不懈努力: what a closing strives for, no target
        if respectively and _clean(left) == "":
            # …普及率、…数控化率分别达到80%、65%: the next listed indicator takes the next amount
            found.append(_target(where, respectively.pop(0), amount, amount.comparator or shared_comparator))
            cursor = m_end
            continue
        if (
            found
            and (last_shape == "A" or unit != found[-1].unit)
            and left.strip() in _JOINERS
            and not _has_object(_own(right))
        ):
            # 人均可支配收入分别增长7%和8%左右: a second value of the same indicator; 城中村改造项目
            # 30个、1.7万户: the same thing counted in another unit
            found.append(_target(where, found[-1].indicator, amount, amount.comparator or shared_comparator))
            cursor = m_end
            continue
        aim = _THE_AIM.match(right) if dated else None
        if aim:
            right = right[aim.end() :]
        shape, indicator, verb_comparator = _shape(left, right, unit, last_shape, scope.listing, goal)
        if shape is None and not found and previous is not None and previous.shape == "E":
            shape, indicator = _goes_on_listing(left, right, unit)
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
        if found and shape == "A" and (_only_change(indicator) or not _clean(indicator)):
            # 市场主体总量突破550万户、年均增长10%以上: the change of the amount just read;
            # 地区生产总值年均增长5%左右、迈上3万亿元台阶: the amount of the change just read
            named = found[-1].indicator
            indicator = named[: len(named) - len(_ending(named, _CHANGES))] + _clean(indicator)
        indicator = _borrow_subject(indicator, previous, scope.title)
        change = _ending(indicator, _CHANGES)
        each = indicator[: len(indicator) - len(change)]
        if each.endswith("年均分别"):  # 一二三产增加值年均分别增长: 年均 belongs to the change
            each, change = each[: -len("年均分别")] + "分别", "年均" + change
        listed = SECTORS.search(each) or ("、" in each and not change)
        if shape == "A" and each.endswith("分别") and listed:
            # …普及率、…数控化率分别达到80%、65%; 一二三产增加值分别年均增长5%、8%和7.5% (but
            # 城镇、农村居民人均可支配收入分别增长6%和7% is one indicator of two kinds of people)
            names = [name + change for name in _listed(each[: -len("分别")])]
            indicator, respectively, shared_comparator = names[0], names[1:], verb_comparator
            group = (len(found), len(names))
        indicator = _clean(indicator)
        if len(indicator) < 2 or indicator.endswith("指标"):
            # 人均达到7万元 (人 once 均 is cut), 提出2项指标: no name, or how many indicators a plan sets
            continue  # 提出2项指标, 其中9项约束性指标: how many indicators a plan sets is no target
        target = _target(where, indicator, amount, amount.comparator or verb_comparator)
        if baseline is not None and baseline[1].unit == amount.unit:
            target = replace(target, baseline_value=baseline[1].value)
        baseline = None
        found.append(target)
    clause.shape = last_shape if found else ""
    if group is not None:
        _share_unit(found, *group)
    grows = W.DOUBLED.search(folded) if "倍增" in folded else None
    if grows and W.SPAN_START.search(P.fold(sentence)):
        left = _trim(folded[: grows.start()])
        indicator = _clean(left[: len(left) - len(_ending(left, _VERBS))])
        if len(indicator) >= 2:
            twice = Amount(grows.start(), grows.end(), 2, None, "倍", "=")
            found.append(_target(where, indicator, twice, "="))
    for match in W.DOUBLING.finditer(folded):
        left = folded[: match.start()]
        indicator = _clean(W.BASELINE_YEAR.split(left)[0] if W.BASELINE_YEAR.search(left) else left)
        if not indicator and previous is not None:
            indicator = previous.subject
        if indicator:
            factor = W.DOUBLING_FACTOR[match.group("n")]
            doubled = Amount(match.start(), match.end(), factor, None, "倍", "=")
            found.append(_target(where, _clean(indicator), doubled, "="))
    return found


def _goes_on_listing(left: str, right: str, unit: str) -> tuple[str | None, str]:
    """A clause that is only a thing and its count, after a clause that counted things made
    (培育百亿级以上大数据企业 1 家，10 亿级以上大数据企业 15 家): the same action goes on."""
    name = _clean(left)
    if unit in CLASSIFIERS and len(name) >= _MIN_NAME and not _clean(right):
        return "E", _object(name)
    return None, ""


def _modifies_next(right: str, later: Sequence[Amount], next_start: int) -> bool:
    """Whether ``right`` (the text up to the next amount) is a 、-listed modifier ending in 的 and
    a noun, and the next amount counts that noun one by one (…龙头企业2家)."""
    if not _MODIFIES_NEXT.match(right):
        return False
    modifier, noun = right.rsplit("的", 1)
    verbs = (_VERBS, _CHANGES, _ACTIONS)
    if _ending(_clean(modifier), _VERBS) or any(_ending(_trim(noun), w) for w in verbs):
        return False  # 、…的比重达到10%, 、…的企业新增100家: the noun has an amount of its own
    counted = next((a for a in later if a.start == next_start), None)
    return counted is not None and counted.unit in CLASSIFIERS


def _share_unit(found: list[Target], start: int, size: int) -> None:
    """The amounts a 分别 lists share the unit written after the last (分别达到1.28万亿、1.18万亿、
    8200亿元): one written without it takes it."""
    listed = found[start : start + size]
    unit = listed[-1].unit if len(listed) == size else ""
    if unit:
        found[start : start + size] = [t if t.unit else replace(t, unit=unit) for t in listed]


def _only_change(indicator: str) -> bool:
    """年均增长, 增长: a change with no indicator of its own."""
    change = _ending(indicator, _CHANGES)
    return bool(change) and not _clean(indicator[: len(indicator) - len(change)])


def _borrow_subject(indicator: str, previous: Clause | None, title: str) -> str:
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


def _shape(
    left: str, right: str, unit: str, last_shape: str, listing: bool, goal: bool
) -> tuple[str | None, str, str]:
    """Which shape an amount takes in its clause, its indicator, and the comparator of its verb."""
    trimmed = _trim(left)
    if trimmed.endswith("向") and _TOWARDS.match(right):
        return "A", trimmed[:-1], "~"  # 经济总量向1000亿元迈进: the level aimed at
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
        if _has_object(right) and _only_actions(_clean(indicator)) and not W.LEVEL.match(right):
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
            if _COMPOUND_HEAD.match(thing, len(_leading(thing, _ACTIONS))):
                break  # 服务型制造标杆企业: the action word is the first of a compound
            thing = thing[len(_leading(thing, _ACTIONS)) :]  # 建设筹集保障性租赁住房 7 万套
        return "E", _object(thing), "="
    if last_shape == "E" and left.lstrip()[:1] in _JOINERS and not _has_object(own_right):
        return "E", _object(clean_left), "="  # 培育…企业100家、…企业1000家
    if unit and clean_left and _names_alone(left, right, clean_left, listing, goal, last_shape):
        # a clause that is a name and an amount: 城镇新增就业86万人
        return "A", clean_left, "="
    return None, "", ""


def _names_alone(left: str, right: str, name: str, listing: bool, goal: bool, last_shape: str) -> bool:
    """Whether a name and its amount stand alone: the clause ends after the amount, or a list of
    such pairs goes on (其中规模以上工业企业2800户、资质建筑企业400户、…)."""
    in_list = bool(_SUBCOUNT.match(left)) or (last_shape == "A" and left.lstrip()[:1] == "、")
    # 粮食产量1300亿斤以上、力争比去年实现更多增长: in a list of targets what follows a 、 is its own
    listed = (in_list or listing) and right.lstrip()[:1] == "、" and not _clean(_own(right))
    if _clean(right) and not listed:
        return False
    if listing or len(name) <= _SHORT_SUBJECT:
        return True
    return (goal or in_list) and len(name) <= _GOAL_SUBJECT


def _object(right: str) -> str:
    """The thing counted after the amount. A long or enumerating modifier before 的 is cut
    (一个跨行业、跨领域的综合性平台 → 综合性平台); a short one names the kind and stays
    (面向行业的工业互联网平台). A trailing 在…布局 says where, not what."""
    text = right[: _object_end(right)].strip().rstrip("和及与、")
    text = _TRAILING_NOTE.sub("", text) if len(text) > 6 else text
    if "人口" not in text:  # 人口…在城镇落户: settling is what is counted, not where
        text = _WHERE.sub("", text) or text
    if "的" not in text[1:]:
        return text.lstrip("的")
    modifier, head = text.rsplit("的", 1)
    if len(head) < 2:
        return text.lstrip("的")
    if W.ABSTRACT_HEAD.search(head) and len(modifier) >= 2 and not _ENUMERATING.search(modifier):
        return modifier  # 600颗商业卫星的批量化制造能力: the satellites are counted, not the capacity
    if len(modifier) <= 4 and not _ENUMERATING.search(modifier):
        return text
    return head


def _object_end(right: str) -> int:
    """Where the thing counted ends: before a next indicator with its own verb
    (新增1000处信号灯联网、累计达8000处; 新建5个…医疗集团、区级覆盖率达80%)."""
    match = _NEXT_INDICATOR.search(right)
    return match.start() if match else len(right)


@dataclass(frozen=True)
class _Where:
    """Where a target is read: its clause, the scope around it, its paragraph and sentence."""

    clause: Clause
    scope: Scope
    para: Paragraph
    sentence: str
    aspirational: bool


def _target(where: _Where, indicator: str, amount: Amount, comparator: str) -> Target:
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


def _original(clause: Clause, indicator: str) -> str:
    """The indicator as written (full-width characters kept) when it can be found in the clause."""
    squashed = _SPACES.sub("", clause.text)
    index = P.fold(squashed).find(indicator)
    return squashed[index : index + len(indicator)].translate(_HALF_WIDTH) if index >= 0 else indicator
