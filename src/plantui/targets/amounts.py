"""The amounts in a clause: number, range, magnitude, unit and 以上/以下/左右 (QUANTITY in
words.py), without the numbers that count nothing (千家万户, 5G, a year).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from plantui.numerals import parse_amount
from plantui.targets import words as W

# a number in words stands without a unit only when it is this large: 用户超千万, 突破万亿
_LARGE = 1_000_000


# what a word after the amount says about it: 80%以上, 6%左右, 1000多家
QUALIFIERS = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~", "多": ">"}


_YEAR_NUMBER = re.compile(r"(?:19|20)\d{2}")


_CN_MAGNITUDE = re.compile("[十百千万亿]")


_MAGNITUDE_START = re.compile(r"[百千万亿]")


_IDIOM_HEAD = re.compile(r"[百千万亿][\u4e00-\u9fff]")


_HAN = re.compile(r"[\u4e00-\u9fff]")


_ARABIC = re.compile(r"\d+(?:\.\d+)?")


# 年 counts years only after a 年限 (平均受教育年限提高到11.7年); elsewhere 2025年 is a date, 3年 a span
_YEARS_COUNTED = re.compile(r"年限")
_YEARS_LOOKBACK = 16


# what follows a threshold: 年营收10亿元以上企业, 3岁以下婴幼儿, 年进出口额1亿元以上 30家
_THRESHOLD_AFTER = re.compile(r"\s*(?:(?![和及与或、])[\u4e00-\u9fff]|\d)")
_THRESHOLD_QUALIFIERS = ("以上", "以下")
# things counted one by one: 引育5家以上…企业 counts them (after its verb), it sets no threshold
CLASSIFIERS = frozenset("个家户款种项条座张辆部架颗件处栋所名位人套台列次")
_VERBS = tuple(w for w, _ in W.COMPARATORS) + tuple(W.ACTIONS) + tuple(W.CHANGES)


# 1亿左右农业转移人口: an amount in 万/亿 before the people it counts
_PEOPLE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}人口")


# 作为一项任务, 成为一个中心, 是一项工程: 一 after these is an article
_BEING = ("作为", "成为", "是", "为")


# a time and the area it names: 15分钟健身圈, 1小时经济圈, 半小时通勤圈
_CIRCLE = re.compile(r"[\u4e00-\u9fff]{0,4}圈")


# 一张网, 一张图, 一张蓝图, 一盘棋, 一朵云: figures of speech
_SLOGAN = re.compile(r"一\s*(?:张(?:网|图|蓝图|清单|表)|盘棋|朵云)")


# magnitudes written as two characters that a number in digits may take (9千亿元, 1.5千亿元)
_COMPOUND_MAGNITUDES = {"千亿": 1e11, "百亿": 1e10}


# the end of a clause right after an amount: nothing, or a mark that ends or lists
_CLAUSE_ENDS = re.compile(r"\s*(?:$|[,;。、)）])")


class Amount(NamedTuple):
    """An amount in a clause: where it is, its value (and range end), unit, and 以上/以下 comparator."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    comparator: str


def read_amounts(folded: str, quoted: list[tuple[int, int]]) -> list[Amount]:
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
        if unit == "年" and not _YEARS_COUNTED.search(folded[max(0, start - _YEARS_LOOKBACK) : start]):
            continue
        if unit == "岁" and _HAN.match(folded, end) and not folded.startswith(_VERBS, end):
            continue  # 为0—6岁儿童: the age of the people served (82.4岁提高到83.9岁 is a value)
        if (
            number
            and match.group("qual") in _THRESHOLD_QUALIFIERS
            and _is_threshold(folded, start, end, unit)
        ):
            continue  # a threshold that qualifies the things counted next, not an amount of its own
        if unit in ("发", "场") and not _is_arabic(number):
            continue  # 统一发展, 一发, 一场: a word, not rockets or events counted
        if _TALLY_BEFORE.search(folded, max(0, start - 6), start):
            continue  # …、遂宁市（共36个）: how many the list names, not an aim
        if folded[max(0, start - 1) : start] == "/":
            continue  # 高新技术企业数（个/万人）: per ten thousand people, a unit's denominator
        if unit and number in ("零", "〇"):
            continue  # 零部件, 零售: a word, not none of a thing counted
        if unit == "人" and folded[end : end + 1] == "制":
            continue  # 3人制篮球场: how many play, not how many people
        if unit == "次" and number and not _is_arabic(number) and _HAN.match(folded, end):
            continue  # 一次能源, 二次供水, 一次性: a kind of thing, not a count of times
        if unit in W.TIME_UNITS and _CIRCLE.match(folded, end):
            continue  # 15分钟健身圈, 1小时通勤圈: an area named by the time to cross it
        if number == "一" and _SLOGAN.match(folded, start):
            continue  # 全疆算力一张网, 一张蓝图, 一盘棋: a figure of speech, not one thing counted
        if match.group("rank") and unit not in ("名", "位"):
            if unit or not _CLAUSE_ENDS.match(folded, end):
                continue
            unit = "名"  # 区域创新能力保持全国前十: a rank that ends its clause, its 名 left out
        if _not_a_count(folded, match):
            continue
        if number == "一" and folded[:start].endswith(_BEING):
            continue  # 作为一项重大任务, 成为一个…: an article, not a count
        value = _amount(number + (match.group("mag") or "") if number else match.group("bare"))
        if value is None and _is_arabic(number) and match.group("mag") in _COMPOUND_MAGNITUDES:
            value = float(number) * _COMPOUND_MAGNITUDES[match.group("mag")]  # 1.5千亿元
        if value is None:
            continue
        if not unit and match.group("mag") and _PEOPLE_AFTER.match(folded, end):
            unit = "人"  # 实现1亿左右农业转移人口…在城镇落户: a number of people
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
        out.append(Amount(start, end, value, value_max, unit, comparator))
    for match in W.PERCENT_WORDS.finditer(folded):
        value = _amount(match.group("num"))
        if value is not None:
            qualifier = match.group("qual") or ""
            out.append(Amount(match.start(), match.end(), value, None, "%", QUALIFIERS.get(qualifier, "")))
    out.sort()
    return out


@lru_cache(maxsize=4096)
def _amount(text: str) -> float | None:
    """parse_amount, remembered: the same few hundred amounts recur (cn2an is slow on words)."""
    return parse_amount(text)


# （共36个）, (合计 12 项): the total of a list just given
_TALLY_BEFORE = re.compile(r"[（(]\s*(?:共计|共|合计|总计)\s*$")


def _not_a_count(folded: str, match: re.Match[str]) -> bool:
    """Numbers in words that count nothing: 一二三次产业 (digits read one by one), 每千人口, 千家万户 and
    千行百业 (idioms), 亿元以上项目 and 亿元级项目 (a size that qualifies the things counted)."""
    number, end = match.group("num") or "", match.end()
    if folded[max(0, match.start() - 1) : match.start()] == "每":
        return True  # 每千人口, 每万常住人口, 每50公斤: per how many, not how many
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


def _is_threshold(folded: str, start: int, end: int, unit: str) -> bool:
    """年营收10亿元以上企业, 3岁以下婴幼儿, 年进出口额 1 亿元以上 30 家: a size or an age before
    the thing it selects. After a verb (具备8Mbps以上宽带接入能力) the amount is what is reached."""
    if not _THRESHOLD_AFTER.match(folded, end):
        return False
    if unit == "岁":
        return True
    before = folded[:start].rstrip()
    return unit not in CLASSIFIERS and not before.endswith(_VERBS)


def _is_arabic(number: str) -> bool:
    return bool(_ARABIC.fullmatch(number))
