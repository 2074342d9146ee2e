"""The names of indicators as the clause reader cleans them (clean) and as a 分别 lists them
(listed), and the small string helpers it shares: the longest listed word a text starts or ends
with, brackets left unbalanced by a cut, the text around an amount (trim, own, has_object)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from plantui.targets import words as W

# an indicator longer than this keeps its end
MAX_INDICATOR = 40


# a name shorter than this after its filler words are cut keeps them (新增就业)
MIN_NAME = 3


_SPACES = re.compile(r"\s+")


def ending(text: str, words: Sequence[str]) -> str:
    """The longest word that ``text`` ends with."""
    if not text:
        return ""
    return _longest(_by_last(tuple(words)).get(text[-1], ()), text.endswith)


def leading(text: str, words: Sequence[str]) -> str:
    """The longest word that ``text`` starts with."""
    if not text:
        return ""
    return _longest(_by_first(tuple(words)).get(text[0], ()), text.startswith)


def _longest(words: Sequence[str], fits: Callable[[str], bool]) -> str:
    return max((w for w in words if fits(w)), key=len, default="")


@lru_cache(maxsize=64)
def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words of a list by their last character (only those can end a text that ends so)."""
    index: dict[str, list[str]] = {}
    for word in words:
        if word:
            index.setdefault(word[-1], []).append(word)
    return {char: tuple(found) for char, found in index.items()}


@lru_cache(maxsize=64)
def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words of a list by their first character."""
    index: dict[str, list[str]] = {}
    for word in words:
        if word:
            index.setdefault(word[0], []).append(word)
    return {char: tuple(found) for char, found in index.items()}


def balance(text: str) -> str:
    """Drop a bracket left open or closed at either end by the clause cut."""
    for opening, closing in (("（", "）"), ("(", ")")):
        if text.startswith(opening) and text.count(closing) < text.count(opening):
            text = text[1:]
        if text.endswith(closing) and text.count(opening) < text.count(closing):
            text = text[:-1]
        if text.endswith(opening):
            text = text[:-1]
    return text


def clean(text: str) -> str:
    """An indicator as named: no spaces, edge punctuation, years, conditions or filler words; a
    long one keeps its end (the measured noun is last in Chinese)."""
    text = _SPACES.sub("", text)
    text = text.strip(",，、;；:：。.")
    text = balance(text)
    text = W.PURPOSE_OF_YEAR.sub("", text)  # 为到2010年国内生产总值…翻一番: the 为 of the purpose
    text = W.FUTURE_YEAR.sub("", text)
    text = W.PERIOD_NAMED.sub("", text)  # “十五”期间年均经济增长速度: the period is the year
    text = W.BARE_YEAR.sub("", text)  # 2035年达到90%: the year is no part of the indicator
    text = W.ON_THE_BASIS.sub("", text)  # 在明显提高质量和效益的基础上年均增长7%: a condition
    previous = None
    while previous != text:
        previous = text
        if _ADDED_MEASURE.match(text):
            break  # 新增建设用地规模控制在 110 万亩以内: the measure of what is added, named so
        stripped = W.LEADING_FILLER.sub("", text)
        # 新增就业 stays whole: a name of one word is no name
        text = stripped if len(stripped) >= MIN_NAME or not stripped else text
    text = W.TRAILING_FILLER.sub("", text).strip(",，、;；:：。 ")
    # 非常规天然气产量2030年(达到…), 人口２０００年(要控制在…): the year after the name dates it;
    # 营业收入超亿元的旅游企业 cut after its amount leaves 的旅游企业
    text = _YEAR_AFTER.sub("", text)
    opened = max(text.rfind("（"), text.rfind("("))
    if opened >= 0 and ")" not in text[opened:] and "）" not in text[opened:]:
        # 预留30%的号源（其中专家号源不低于30%）: the amount stands inside the bracket, a part of
        # the thing before it, and so does its name
        inside = text[opened + 1 :]
        inner = _INSIDE_LEAD.sub("", inside)
        if len(inner) >= 2 and inner != inside:
            text = inner
    if text.startswith("的") and len(text) > MIN_NAME:
        text = text[1:]
    if len(text) > MAX_INDICATOR:
        # keep the end of a long phrase: the measured noun is last in Chinese
        cut = max(
            text.rfind("，", 0, len(text) - 4),
            text.rfind("、", 0, len(text) - 4),
            text.rfind("的", 0, len(text) - 4),
        )
        text = text[cut + 1 :] if cut >= 0 else text[-MAX_INDICATOR:]
    return text


_INSIDE_LEAD = re.compile(r"^(?:其中|含|包括)")
_YEAR_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])(?:到|在|至)?(?:19|20)\d{2}年(?:底|末)?$")


# 新增建设用地规模, 新增贷款总额: 新增 names what a measure counts (新增规模以上企业 6600 户 counts firms)
# (and 年均经济增长速度 (“九五”期间…为８％左右): 年均 qualifies the rate named, not a change)
_ADDED_MEASURE = re.compile(
    r"新增[^,，、;；]{2,}(?:规模|总量|总额|面积|数量)$|年均(?!增长|提高|下降|降低)[^,，、;；]{2,}(?:速度|增速|增长率)$"
)


# 一二三产, 一、二、三产业, 二三产业, 一产、二产、三产: the sectors of an economy, named together
SECTORS = re.compile(r"第?[一二三](?:、?[二三])+(?:次)?产(?:业)?|[一二三]产(?:业)?(?:、[二三]产(?:业)?)+")


def listed(indicator: str) -> list[str]:
    """The indicators a 分别 names: …普及率、…数控化率; 一二三产增加值 → 第一产业增加值, 第二…, 第三…."""
    sectors = SECTORS.search(indicator)
    if sectors and "、" not in indicator[sectors.end() :]:
        head, tail = clean(indicator[: sectors.start()]), indicator[sectors.end() :]
        return [f"{head}第{n}产业{clean(tail)}" for n in "一二三" if n in sectors.group()]
    names = [n for n in indicator.split("、") if clean(n)]
    measured = _MEASURE.search(clean(names[-1])) if len(names) > 1 else None
    if measured and measured.start() > 0:
        # 水果、蔬菜、茶叶产量 / 城镇职工、城乡居民基本养老保险参保人数: the earlier names are kinds
        # of what the last one measures, and share its measure (力争全年交通 → 交通投资额)
        names = [n if _MEASURE.search(clean(n)) else n + measured.group() for n in names[:-1]] + names[-1:]
    return [clean(n) for n in names] or [indicator]


# what a listed indicator measures, shared by the names before it (…茶叶产量, …参保人数)
_MEASURE = re.compile(
    r"(?:全产业链产值|产业规模|营业收入|参保人数|增加值|投资额|产值|产量|规模|人数|数量|总量|总额|面积|收入|营收)$"
)


# the words that compare an amount, and those that make or reach what it counts
_VERBS = tuple(w for w, _ in W.COMPARATORS)
_ACTIONS = tuple(W.ACTIONS)
_LIST_JOINER = re.compile(r"[、和及与]")
_LEADING_NOTE = re.compile(r"^\s*[(（][^()（）]*[)）]")


def trim(left: str) -> str:
    """The text before an amount without the words between its verb and the number
    (达到约, 进入全国前10名); 在 only where no verb ends in it (控制在, 保持在)."""
    # spaces a PDF put between the characters of a justified line: 龙 头 企 业 达 到 1200 户
    trimmed = W.REGION_WORDS.sub("", _SPACES.sub("", left).rstrip("约了"))
    trimmed = trimmed.removesuffix("人均")  # 补助标准提高到人均320元: per head, after the verb
    if trimmed.endswith("在") and not ending(trimmed, _VERBS):
        trimmed = W.REGION_WORDS.sub("", trimmed.rstrip("在"))
    return trimmed


def own(right: str) -> str:
    """What follows an amount, up to the next list element."""
    return _LIST_JOINER.split(right, maxsplit=1)[0]


def only_actions(text: str) -> bool:
    """Whether ``text`` is nothing but action verbs (推动制定), or empty."""
    while text:
        action = leading(text, _ACTIONS)
        if not action:
            return False
        text = text[len(action) :]
    return True


def has_object(right: str) -> bool:
    """Whether a noun follows the amount (a bracketed note such as （含通信业） is not one)."""
    text = _LEADING_NOTE.sub("", right)
    return len(clean(text.lstrip("的"))) >= 2
