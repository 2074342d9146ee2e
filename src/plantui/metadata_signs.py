"""Smaller signs of metadata in the opening lines: how a title is written when a converter or a
PDF extractor has touched it, the lines that continue it, and the lines that state an issuer or
a date without a field label (a cover, a speaker, an adoption note, a news lead).

Each function reads folded or written text and returns what the text states, or None.
"""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher

from plantui import patterns as P
from plantui.headings import classify

# What a PDF extraction glues before a title: the previous page's number (``31 ``, ``II``)
# or a run of font garbage (``+ #! +``). The rest must start like a title.
_TITLE_PREFIX = re.compile(r"^(?:\d{1,3}\s*|[IVX\u2160-\u216b]{1,4}\s*|[+#!*\s]+)(?=[\u4e00-\u9fff《“\"])")
# 政 府 工 作 报 告: a title set with a space between every character.
_LETTER_SPACED = re.compile(r"^(?:[\u4e00-\u9fff][ \u3000]+){2,}[\u4e00-\u9fff]$")
# 2021 年-2035 年: a PDF's spaces around digits inside a title.
_NUMBER_SPACES = re.compile(
    r"(?<=\d)[ \u3000]+(?=[\u4e00-\u9fff）)\-－—~\d])|(?<=[\u4e00-\u9fff（(\-－—~])[ \u3000]+(?=\d)"
)
# 附件1, 附件：: an appendix's label before the attached document's title
_APPENDIX_PREFIX = re.compile(r"^附\s*件\s*\d{0,2}\s*[:：]?\s*(?=[\u4e00-\u9fff《“])")
# （转载） marks a page reposting another office's document.
_REPOST = re.compile(r"^[(（]\s*转载\s*[)）]\s*")
_FULL_TEXT = re.compile(r"《(?P<t>[^《》]{2,80})》\s*[(（]?\s*全文\s*[)）]?")


# What a database or scraper appends to a title: its 文号 or decree number, a revision year,
# a bare year — closed or cut off (…办法（中国人民银行令〔2025〕).
_TITLE_NOTE = re.compile(
    r"[(（]\s*(?:\d{4}\s*(?:年\s*)?(?:修订|修正|修改)|\d{4}|[^()（）]{0,30}令[^()（）]*|"
    r"[^()（）]{0,20}[〔\[]\s*\d{4}\s*[〕\]][^()（）]*号)\s*[)）]?\s*$"
)


def noted_number(title: str) -> str | None:
    """The 文号 a title carries in its closing brackets (…的通知（银发〔2026〕42号）, …办法（中国人民银行令
    〔2007〕第1号）), if any."""
    note = _TITLE_NOTE.search(title.strip())
    if note is None or note.start() < 4:
        return None
    number = P.DOC_NUMBER.search(note.group(0))
    if number is not None:
        return number.group("num")
    decree = _NOTED_DECREE.search(note.group(0))
    return decree.group(0) if decree else None


# 中国人民银行令〔2007〕第1号, 中国人民银行 国家市场监督管理总局令〔2024〕第3号: a decree's number
_NOTED_DECREE = re.compile(
    r"[\u4e00-\u9fff][\u4e00-\u9fff ]{1,40}令\s*(?:[〔\[]\s*\d{4}\s*[〕\]]\s*)?第\s*\d+\s*号"
)


def clean_title(text: str) -> str:
    """A title as the document writes it, without what extraction glued to it."""
    title = _REPOST.sub("", text.strip()).translate(P.FULL_DIGITS)
    whole = _FULL_TEXT.fullmatch(title)
    if whole:
        title = whole.group("t")  # 《中国式现代化发展之路》全文: a repost's headline for the text
    labelled = _APPENDIX_PREFIX.match(title)
    if labelled and len(title) - labelled.end() >= 4:
        title = title[labelled.end() :]  # 附件1 / 江西省…事项清单 joined: the label is no part of it
    match = _TITLE_PREFIX.match(title)
    if match and len(title) - match.end() >= 4:
        title = title[match.end() :]
    if _LETTER_SPACED.fullmatch(title):
        title = re.sub(r"[ \u3000]+", "", title)
    title = re.sub(r"\s*\[\d{1,2}\]$", "", title)  # a footnote mark typed after the title: …统计公报[1]
    note = _TITLE_NOTE.search(title)
    if note and note.start() >= 4:
        title = title[: note.start()].rstrip()
    if re.search(r"[\u4e00-\u9fff]", title):
        # a Chinese title's brackets are full-width; PDF text and converters make them ASCII
        title = title.replace("(", "（").replace(")", "）")
    # PDF text spaces a quotation's marks and a plus (审批 “容缺审批 + 承诺制 ”办理): no title's space
    title = re.sub(r"[ \u3000]+(?=[“‘「《”’」》）+])|(?<=[“‘「《（+])[ \u3000]+", "", title)
    if _NUMBER_SPACES.search(title):
        # a PDF's spacing (上海市 XX 局2024 年度): every space goes but one between two Latin words
        title = re.sub(r"(?<![A-Za-z0-9])[ \u3000]+|[ \u3000]+(?![A-Za-z0-9])", "", title)
    return title.strip()


def clean_value(text: str) -> str:
    """A field's value without a repost marker: （转载）广州市人民政府办公厅 → the office."""
    return _REPOST.sub("", text.strip())


def title_goes_on(title: str, folded: str) -> bool:
    """A title set over several lines (全国人民代表大会常务委员会 / 关于批准…及 / 调整…的决议):
    the next line is short and plain, and the title so far names no kind of document yet."""
    text = folded.strip()
    if continues_title(text):
        return True
    if P.KIND_END.search(P.fold(title).strip()) or not text or len(text) > 40:
        return False
    if P.PROSE_MARK.search(text) or "," in text or classify(text) is not None or P.DATE_LINE.match(text):
        return False
    if text.startswith("关于") or ("关于" in title and bool(P.KIND_END.search(text))):
        return True
    # 贵州省农村支付服务提质增效 / 助力乡村振兴行动方案(2026-2028年): a bold title set over two
    # lines, the second naming the kind (an authority's name above a title is no part of it)
    return not looks_like_issuer(P.fold(title).strip()) and bool(P.KIND_END.search(_PERIOD_END.sub("", text)))


_PERIOD_END = re.compile(r"\(\s*(?:19|20)\d{2}\s*年?\s*[-~—－至到]\s*(?:19|20)\d{2}\s*年?\s*\)$")


def continues_title(folded: str) -> bool:
    """A second title line: ``和二〇三五年远景目标纲要``, ``（2021 年-2035 年）``."""
    text = folded.strip()
    if P.PERIOD_LINE.match(text):
        return True
    return (
        len(text) <= 30
        and text.startswith(("和", "及", "暨", "与"))
        and not P.PROSE_MARK.search(text)
        and "," not in text
    )


# ——2026年1月26日在…会议上 is a delivery line (metadata.py); an adoption or approval note:
# （2022年11月25日北京市第十五届人民代表大会常务委员会第四十五次会议通过）,
# （2025年10月23日中国共产党第二十届中央委员会第四次全体会议通过）
_ADOPTED = re.compile(
    r"^[*(\s]*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:在)?"
    r"[^。;]{0,40}?(?:人民代表大会|人大|委员会|全体会议|常务会议)[^。;]{0,40}?(?:会议|大会)?\s*(?:审议)?(?:通过|批准)"
)


def adopted(folded: list[str]) -> str | None:
    """The date an assembly adopted or approved the text, from a note above the text (the note
    may wrap onto a second line)."""
    for index, text in enumerate(folded):
        line = text.strip()
        joined = line + (folded[index + 1].strip() if index + 1 < len(folded) else "")
        match = _ADOPTED.match(line) or _ADOPTED.match(joined)
        if match:
            # a law's history (…通过 2024年11月8日…修订): the latest revision is the text's date
            note = joined[match.start("date") :].split(")")[0]
            revised = [
                m
                for m in P.DATE_CN.finditer(note)
                if re.match(r"[^,。;]{0,40}?(?:修订|修正|修改)", note[m.end() :])
            ]
            return revised[-1].group(0) if revised else match.group("date")
    return None


# （2011 年 12 月 15 日广州市人民政府令第 61 号公布，根据 2019 年 11 月 14 日广州市人民政府令第 168 号
# 《…》第二次修订）: a government rule's history; each act names the decree that made it
# （2021年7月27日中华人民共和国国务院令第746号公布）: a State Council regulation's note the same way
_DECREED = re.compile(
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*"
    r"(?P<decree>(?:中华人民共和国)?(?P<issuer>国务院|[\u4e00-\u9fff]{2,20}?人民政府)令\s*第\s*\d+\s*号)"
    r"\s*(?:公布|发布|《[^》]{2,80}》\s*(?:第[一二三四五六七八九十]+次)?(?:修订|修正|修改))"
)


def decreed(folded: list[str]) -> tuple[str, str] | None:
    """The latest act of a government rule's history note above its text (公布, then each 修订):
    (its date, the government whose decree made it)."""
    acts = _decree_acts(folded)
    return (acts[-1].group("date"), acts[-1].group("issuer")) if acts else None


def _decree_acts(folded: list[str]) -> list[re.Match[str]]:
    return list(_DECREED.finditer("".join(t.strip() for t in folded[:15])))


# A decree's formula: 《…》已经2025年11月17日中国人民银行2025年第15次行务会议审议通过，并经外交部、
# 公安部…同意，现予公布 — the body whose meeting adopted it and the bodies consenting issue it jointly.
_FORMULA = re.compile(
    r"已经\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?P<by>[\u4e00-\u9fff]{2,20}?)"
    r"(?:\d{4}\s*年)?\s*第\s*\d+\s*次[\u4e00-\u9fff]{0,6}会议\s*(?:审议)?通过"
    r"(?:\s*,\s*并经(?P<consent>[\u4e00-\u9fff、]{2,120}?)同意)?\s*,\s*现予(?:公布|发布)"
)


def decree_formula(folded: list[str]) -> tuple[str, str] | None:
    """(date adopted, issuers comma-separated) from a decree's formula among the first lines."""
    for text in folded[:15]:
        match = _FORMULA.search(text)
        if match and looks_like_issuer(match.group("by")):
            bodies = [match.group("by"), *(match.group("consent") or "").split("、")]
            if all(looks_like_issuer(b) and b != "国务院" for b in bodies[1:] if b):
                return match.group("date"), ",".join(b for b in bodies if b)
    return None


# 2025年4月1日印发: the date a secretariat printed the document, under it.
_PRINTED = re.compile(r"^[*\s]*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发[*\s]*$")


def printed(folded: list[str]) -> str | None:
    """The printing date at the foot of a 公文 (the last one stated)."""
    for text in reversed(folded):
        match = _PRINTED.match(text.strip())
        if match:
            return match.group("date")
    return None


# 河北省人民政府省长 王正谱 / 北京市市长 殷勇 / 海拉尔区人民政府区长　张天喜: a report's speaker.
_SPEAKER = re.compile(
    r"^(?P<office>[\u4e00-\u9fff]{2,20}?)(?:代理|代)?(?:省长|市长|区长|县长|州长|旗长|主席|总理)[\s\u3000]*"
    r"[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{0,5}$"
)
# 我代表北京市人民政府 / 我谨代表…: the report's own words for who delivers it.
_AFTER_MEETING = re.compile(r"(?:会议|大会)上\s*(?P<rest>\S.{1,30})$")
_ON_BEHALF = re.compile(r"我(?:谨)?代表(?P<issuer>国务院|[\u4e00-\u9fff]{2,20}?人民政府)")
_RELATIVE = re.compile(r"^[省市县区州旗](?:人民)?政府$")


def speaker_issuer(folded: list[str]) -> str | None:
    """A work report's issuer: the government its speaker heads (河北省人民政府省长 王正谱), or,
    under a speaker line that names no government (北京市市长 殷勇), the one 我代表 names in full."""
    # the speaker alone on a line, or after the delivery note the title line runs into
    # (政府工作报告——2018年3月5日在…会议上国务院总理 李克强)
    lines = [t.strip() for t in folded[:30]]
    lines += [m.group("rest").strip() for t in lines if (m := _AFTER_MEETING.search(t))]
    speakers = [m for t in lines if (m := _SPEAKER.match(t))]
    if not speakers:
        return None
    office = speakers[0].group("office")
    if office.endswith("人民政府") or office == "国务院":  # 国务院总理 温家宝
        return office
    for text in folded[:30]:
        for match in _ON_BEHALF.finditer(text):
            issuer = match.group("issuer")
            if not _RELATIVE.match(issuer):
                return issuer
    return None


_MONTH_LINE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")


_BRACKETED = re.compile(r"^[(（]\s*(?P<issuer>[^()（）]{3,24})\s*[)）]$")


def closing_issuer(folded: list[str], after_text: bool = False) -> str | None:
    """A bulletin signed in brackets on its last line: （万载县统计局）. With ``after_text``, the
    signature may be followed by a saved page's footer: the bracketed line right after a sentence."""
    if after_text:
        signed = [
            match.group("issuer")
            for before, text in itertools.pairwise(folded)
            if (match := _BRACKETED.match(text.strip()))
            and looks_like_issuer(match.group("issuer"))
            and before.rstrip().endswith("。")
        ]
        return signed[-1] if signed else None
    for text in reversed(folded[-3:]):
        match = _BRACKETED.match(text.strip())
        if match and looks_like_issuer(match.group("issuer")):
            return match.group("issuer")
    return None


def looks_like_issuer(text: str) -> bool:
    """A short line ending like an authority's name: 河北省人民政府, 省工业和信息化厅."""
    return (
        3 <= len(text) <= 24 and bool(P.ISSUER_SUFFIX.search(text)) and not P.PROSE_MARK.search(P.fold(text))
    )


def cover_issuer(folded: list[str]) -> str | None:
    """A cover: the title, then the issuing office alone on a line and the month below it
    (北京市规划和自然资源委员会 / 2021 年 9 月)."""
    for index, text in enumerate(folded[:8]):
        line = text.strip()
        if (
            index + 1 < len(folded)
            and looks_like_issuer(line)
            and _MONTH_LINE.match(folded[index + 1].strip())
        ):
            return line
    return None


# 新华社北京12月14日电 近日，中共中央、国务院印发了《扩大内需战略规划纲要（2022－2035年）》
_NEWS_LEAD = re.compile(
    r"^(?:新华社|人民日报|央视|中新社)[^,，。]{0,20}电\s*[^。]{0,12}?"
    r"(?P<issuer>[\u4e00-\u9fff、]{2,40}?)(?:近日|日前)?(?:联合)?印发(?:了)?《(?P<title>[^《》]{4,80})》"
)


# 新华社北京３月１５日电: a news agency's dateline alone on its line, above the text it carries
# (with its year too: 新华社北京2006年3月15日电)
_DATELINE = re.compile(
    r"^(?:新华社|人民日报|中新社|央视网?|人民网)\s*[\u4e00-\u9fff]{0,6}\s*(?:(?:19|20)\d{2}\s*年\s*)?"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*电$"
)


def dateline_date(folded: list[str]) -> str | None:
    """The day a dateline with its year names (新华社北京2006年3月15日电), ISO-written, if any."""
    for text in folded[:20]:
        match = _DATELINE_DAY.match(text.strip()) if _DATELINE.match(text.strip()) else None
        if match:
            return f"{match.group('y')}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"
    return None


_DATELINE_DAY = re.compile(r"^\D*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


def is_dateline(folded: str) -> bool:
    """A news agency's dateline alone on its line (folded text): no title, no text of the plan."""
    return bool(_DATELINE.match(folded.strip()))


def news_lead(texts: list[str]) -> tuple[str, str] | None:
    """A news agency's lead naming who issued which document: (issuer, title) as written."""
    for text in texts[:12]:
        match = _NEWS_LEAD.match(text.strip())
        if match:
            issuer = re.sub(r"^(?:近日|日前)[,，]?", "", match.group("issuer"))
            return issuer, match.group("title")
    return None


def similar(a: str, b: str) -> bool:
    """Two writings of one title (a scraper's misspelt heading and the text's own)."""
    return SequenceMatcher(None, a, b).ratio() >= 0.85


# 贵州省人民政府文件 / 中国支付清算协会文件: the red header of a 公文 names its issuer.
_RED_HEADER = re.compile(r"^[#*\s]*(?P<issuer>[\u4e00-\u9fff]{4,30}?)\s*文件[*\s]*$")


def is_red_header(folded: str) -> bool:
    return bool(_RED_HEADER.match(folded.strip()))


def red_header(folded: list[str]) -> str | None:
    """The issuer a red-header 公文 prints above its 文号."""
    for text in folded[:10]:
        match = _RED_HEADER.match(text.strip())
        if match and looks_like_issuer(match.group("issuer")):
            return match.group("issuer")
    return None


# 中华人民共和国主席令 / （第三十八号）: a decree's number set under its name, in brackets or not
# (广州市人民政府令 / 第179号)
_DECREE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,40}令$")
_DECREE_NUMBER = re.compile(r"^(?:[(（]\s*)?第[\d一二三四五六七八九十百零〇]+号(?:\s*[)）])?$")


# 中华人民共和国国务院令 / 第778号: a decree's head names who decrees it.
_DECREE_HEAD = re.compile(
    r"^(?:中华人民共和国)?(?P<issuer>[\u4e00-\u9fff]{2,20}?)令(?:\s+(?:中华人民共和国)?[\u4e00-\u9fff]{2,20}令)?$"
)


# 中国人民银行行长潘功胜 / 国家金融监督管理总局局长李云泽: the heads of joint issuers sign one a line
_HEAD_SIGNS = re.compile(
    # (a PDF's layout may space the body, the office and the name apart: 中国人民银行   行长   潘功胜)
    r"^(?P<body>[\u4e00-\u9fff]{2,20}?)[\s\u3000]*(?:行长|局长|主席|部长|主任|署长|总理|省长|市长)[\s\u3000]*"
    r"[\u4e00-\u9fff]{2,4}$"
)


def signing_heads(folded: list[str]) -> list[str]:
    """The bodies whose heads sign a decree one a line (two or more in a row), in order."""
    run: list[str] = []
    for text in folded:
        match = _HEAD_SIGNS.match(text.strip())
        if match and looks_like_issuer(match.group("body")):
            run.append(match.group("body"))
        elif len(run) >= 2:
            return run
        else:
            run = []
    return run if len(run) >= 2 else []


def decree_issuer(folded: list[str]) -> str | None:
    """The authority a decree's head names (中华人民共和国国务院令 → 国务院; a 主席令 names a
    person, not an authority, and gives none), alone on its line or opening the decree's text."""
    for text in folded[:20]:
        match = _DECREE_HEAD.match(text.strip())
        if match and looks_like_issuer(match.group("issuer")):
            return match.group("issuer")
        opening = DECREE_OPENING.match(text.strip())
        if opening:
            issuer = re.sub(r"^中华人民共和国", "", opening.group("head"))[:-1]
            if looks_like_issuer(issuer):
                return issuer
    return None


# 中华人民共和国国务院令  第737号 《…》已经…通过，现予公布: the decree's head and number open its
# text; 中国人民银行令〔2025〕第12号（…办法）: a scraper's heading puts them before the title
DECREE_OPENING = re.compile(
    r"^(?P<head>(?:中华人民共和国)?[\u4e00-\u9fff]{2,30}?令)\s*"
    r"(?P<num>(?:[〔\[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*)?第\s*\d+\s*号)"
)
_DECREE_TITLED = re.compile(r"\s*[(（](?P<title>[^()（）]{4,80})[)）]\s*$")


def decree_titled(title: str) -> tuple[str, str] | None:
    """``中国人民银行令〔2025〕第12号（金融机构客户受益所有人识别管理办法）`` → (the title, the
    decree's number): a heading that writes the number first and the title in brackets."""
    opening = DECREE_OPENING.match(P.fold(title).strip())
    if opening is None:
        return None
    rest = _DECREE_TITLED.fullmatch(P.fold(title).strip()[opening.end() :])
    if rest is None:
        return None
    written = title.strip()
    return written[len(written) - len(rest.group(0).strip()) + 1 : -1].strip(), written[: opening.end()]


def decree_number(folded: list[str], texts: list[str]) -> str | None:
    """A decree's number written over two lines, as written, or the one decree of a history note."""
    for index, text in enumerate(folded[:20]):
        following = folded[index + 1].strip() if index + 1 < len(folded) else ""
        if _DECREE_NAME.match(text.strip()) and _DECREE_NUMBER.match(following):
            return texts[index].strip() + texts[index + 1].strip()
    # a history note of one act only (…国务院令第746号公布): that decree is the text's number
    acts = _decree_acts(folded)
    return re.sub(r"\s+", "", acts[0].group("decree")) if len(acts) == 1 else None


_ISO_LINE = re.compile(
    r"^\s*(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?=\s*\d{1,2}\s*[时:]))"
    r"(?:\s+\d{1,2}\s*[时:]\s*\d{2}\s*分?(?::\d{2})?)?\s*$"
)


def dated_line(folded: list[str]) -> str | None:
    """A bare ISO date under a title, or a date with its time (2026年02月10日 07时41分): a news
    page's release stamp. (A bare 2026年2月3日 is a signature's or cover's date.)"""
    for index, text in enumerate(folded[1:15], start=1):
        # (below a page's breadcrumb and 来源 line, a stamp with its time: 2026-02-03 09:02:33)
        if _ISO_LINE.match(text) and (index < 4 or ":" in text or "时" in text):
            return text.strip()
    return None


def title_issuer(title: str | None) -> str | None:
    """The authority named before 关于 in a document's own title (X省人民政府办公厅关于…的意见)."""
    if not title:
        return None
    head, found, _ = title.partition("关于")
    head = head.strip()
    if not found or not head:
        return None
    if looks_like_issuer(head) and " " not in head:
        return head
    parts = head.split()  # 中共中央 国务院关于…: authorities side by side, listed comma-separated
    return ",".join(parts) if len(parts) > 1 and all(looks_like_issuer(p) for p in parts) else None


_LOOSE = re.compile(r"[\s《》“”\"]")


def squash(text: str) -> str:
    """A title compared loosely: widths folded, spaces, quotes and 《》 dropped."""
    return _LOOSE.sub("", P.fold(text))


_ATTACHMENT_LISTED = re.compile(r"^附件\s*[:]?\s*(?:1\s*[.、]\s*)?《(?P<t>[^《》]{4,80})》")


_APPENDIX_LABEL = re.compile(r"^附\s*件\s*\d{0,2}\s*[:：]?\s+(?=\S)")


def attached_title(after: list[str], named: str) -> str | None:
    """The attached document's own title line, as it is written below the notice
    (the notice names 推进…实施方案; the document heads itself 关于推进…实施方案)."""
    wanted = squash(named)
    for text in after[:20]:
        listed = _ATTACHMENT_LISTED.match(P.fold(text.strip()))
        if listed and similar(squash(listed.group("t")), wanted):
            return text.strip()[listed.start("t") : listed.end("t")]  # 附件：《…》 names it as written
    for index, text in enumerate(after[:60]):
        line = _APPENDIX_LABEL.sub("", text.strip())  # 附件 / 上海市…实施方案 joined as one line
        if len(line) > 80 or P.PROSE_MARK.search(P.fold(line)) or "印发" in line:
            continue
        following = after[index + 1] if index + 1 < len(after) else ""
        if wanted.startswith(squash(line)) and (
            continues_title(P.fold(following)) or similar(squash(line + following), wanted)
        ):
            line += following.strip()  # 河北省数字经济发展规划 / （2020-2025年）; a title set on two lines
        written = squash(line)
        if written == wanted or (written.endswith(wanted) and written[: -len(wanted)] == "关于"):
            return line
        if written.endswith(wanted) and title_issuer(line) and wanted.startswith("关于"):
            return line  # the document names its issuers before 关于 (中国人民银行 农业农村部关于…的意见)
        if (
            len(written) >= 6
            and abs(len(written) - len(wanted)) <= 2
            and not written.startswith("现将")
            and not written.endswith("通知")
            and similar(written, wanted)
        ):
            return line  # an OCR'd notice misreads a character or two of the name (风崔管理指引>)
    return None  # the notice is the document: its own body, or attachments of other names
