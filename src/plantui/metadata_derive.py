"""What follows from the stated metadata: the plan period, the region and the kind of document.

Read from the title, the issuer and the opening text; a value the text does not give stays None.
"""

from __future__ import annotations

import re

from plantui import patterns as P
from plantui.numerals import chinese_to_number

PROVINCES = (
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
)
_SHORT = {
    name: re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", name)
    for name in PROVINCES
}
# A province-level name not in the table (and fictional ones in tests) still reads as a region.
PROVINCE_LIKE = re.compile(r"^(?P<p>[\u4e00-\u9fff]{2,3}(?:省|自治区))")
CITY = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}省)?(?P<city>[\u4e00-\u9fff]{2,5}?(?:市|自治州|地区|盟))")
NATIONAL_ISSUERS = ("国务院", "国家发展改革委", "国家发展和改革委员会", "工业和信息化部", "中共中央")
# 十三五 = 2016–2020, 十四五 = 2021–2025: from the 6th on, the nth five-year plan ends in 1955 + 5n.
_FIVE_YEAR_END = 1955


def period(title: str | None, body: str) -> tuple[int, int] | None:
    """Plan period from the title (（2020-2025年）, 十四五) or a 规划期 statement."""
    if title:
        folded = P.fold(title)
        match = P.PERIOD_RANGE.search(folded)
        if match:
            return int(match.group("a")), int(match.group("b"))
        five = P.FIVE_YEAR.search(folded)
        if five:
            n = chinese_to_number(five.group("n") or five.group("m"))
            if n:
                end = _FIVE_YEAR_END + 5 * n
                return end - 4, end
    match = re.search(
        r"规划期(?:限)?(?:为|是|:)?\s*(?P<a>(?:19|20)\d{2})\s*年?\s*[-~至到]\s*(?P<b>(?:19|20)\d{2})",
        P.fold(body),
    )
    if match:
        return int(match.group("a")), int(match.group("b"))
    return None


def region(title: str | None, issuer: str | None) -> str | None:
    for text in (title, issuer):
        if not text:
            continue
        text = text.lstrip('《“"')
        for name in PROVINCES:
            if text.startswith(name) or text.startswith(_SHORT[name]):
                city = CITY.match(text[len(name) :] if text.startswith(name) else "")
                return name + city.group("city") if city else name
        province = PROVINCE_LIKE.match(text)
        if province and not province.group("p").startswith(("我", "全", "本", "该")):
            city = CITY.match(text[province.end() :])
            return province.group("p") + (city.group("city") if city else "")
        city = CITY.match(text)
        if city and not city.group("city").startswith(("关于", "国家")):
            return city.group("city")
        if text.startswith(NATIONAL_ISSUERS):
            return "全国"
    return None


def kind(title: str | None, body: str) -> str | None:
    if title:
        clean = re.sub(r"[（(][^（()）]*[)）]$", "", title.strip()).rstrip('》”" ')
        for word, kind in P.KIND_WORDS:
            if clean.endswith(word):
                return kind
        if re.search(r"[!！?？]|印发《|出台《|发布《", title):
            return "新闻"
    match = P.BODY_KIND.search(body)
    if match:
        word = match.group("w")
        return (
            "规划" if word == "规划" else "意见" if "意见" in word else "办法" if word == "办法" else "方案"
        )
    return None


def parse_date(text: str) -> str | None:
    """``2020年4月19日``, ``2022-02-16``, ``二〇二一年十二月三十一日`` → ISO date, else None."""
    folded = P.fold(text)
    for pattern in (P.DATE_CN, P.DATE_ISO):
        match = pattern.search(folded)
        if match:
            return _iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    match = P.DATE_CN_NUMERALS.search(folded)
    if match:
        year = chinese_to_number(match.group("y").replace("○", "〇"))
        month = chinese_to_number(match.group("m"))
        day = chinese_to_number(match.group("d"))
        if year and month and day:
            return _iso(year, month, day)
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def misread_issuer(issuer: str, doc_number: str | None, text: str) -> str:
    """An issuer an OCR misread (中国支付请算协会, 崩复协会 from a red header) written correctly in
    the text: a name of the same length and ending that differs in one character and the text
    writes more often, else — when the misread name no longer holds the 文号's abbreviation of its issuer
    (中支协发 → 中…支…协) and kept only its ending — the longer name the text writes that holds it."""
    if "," in issuer or len(issuer) < 4:
        return issuer
    end = issuer[-2:]
    named: list[str] = re.findall(rf"[\u4e00-\u9fff]{{{len(issuer) - 2}}}{end}", text)
    variants = [
        n for n in set(named) if n != issuer and sum(a != b for a, b in zip(n, issuer, strict=True)) == 1
    ]
    if variants:
        best = max(variants, key=named.count)
        if named.count(best) > named.count(issuer):
            return best
    short = _ABBREVIATION.match(doc_number or "")
    if short is None or _holds(issuer, short.group("abbr")):
        return issuer
    abbr = short.group("abbr")
    found: list[str] = re.findall(rf"{abbr[0]}[\u4e00-\u9fff]{{1,16}}?{end}", text)
    # (the misread name kept nothing but its ending: 北京市人民政府 is no misreading of 京津冀三地政府)
    fits = [n for n in found if _holds(n, abbr) and len(n) > len(issuer) and not set(issuer[:-2]) & set(n)]
    return max(fits, key=found.count) if fits else issuer


# 中支协发〔2024〕71号, 国办发〔2021〕1号: the issuer's abbreviation before 发 and the year
_ABBREVIATION = re.compile(r"(?P<abbr>[\u4e00-\u9fff]{2,6}?)[发函字]?[〔\[(（]")


def _holds(name: str, abbr: str) -> bool:
    """Whether ``name`` holds the characters of ``abbr`` in order (中国支付清算协会 ⊃ 中支协)."""
    rest = iter(name)
    return all(char in rest for char in abbr)
