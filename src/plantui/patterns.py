"""Compiled patterns for the parts of a plan, matched against width-folded text.

``fold`` maps full-width ASCII (``（１）``, ``：``, ``．``) and a few look-alikes to their
half-width forms one character for one character, so an offset found in the folded
text is the same offset in the original, which is what is kept for display and search.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break space
        0xFE52: 0x2E,  # ﹒ small full stop, used as an item separator
        0x2024: 0x2E,  # one dot leader
        0x3014: 0x28,  # 〔 as an opening bracket of a section label
        0x3015: 0x29,  # 〕
        0xFE59: 0x28,  # ﹙
        0xFE5A: 0x29,  # ﹚
        0x2014: 0x2D,  # — em dash in ranges (2020—2025)
        0x2013: 0x2D,  # – en dash
        0x2212: 0x2D,  # − minus sign
        0xFE63: 0x2D,  # ﹣
    }
)


_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")


# The parser folds each line many times over (stages and heading tests each ask): remembered,
# parsing takes a third of the time. The importer clears it for every file.
@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Full-width ASCII and look-alikes → half-width, keeping the length unchanged."""
    # most lines hold nothing to fold; the regex scan is far cheaper than translate
    return text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text


# Whitespace that indents or pads lines in real files: ASCII, ideographic, no-break, BOM.
# (en, em and thin spaces indent paragraphs in Word files made from web pages)
STRIP_CHARS = " \t\u3000\u00a0\ufeff\u200b\f\v\u2002\u2003\u2009"
# Full-width digits → ASCII, nothing else (fold() also turns （） and letters half-width).
FULL_DIGITS = {0xFF10 + d: 0x30 + d for d in range(10)}
# A line ending in the kind of document it titles: …的意见, …规划（2021-2025年）, …的决议
KIND_END = re.compile(
    r"(?:报告|规划|纲要|意见|计划|方案|办法|条例|规定|细则|通知|决定|决议|公告|通告|公报|函|批复|纲领|措施|清单|指南)"
    r"[)）》”\"]*$"
)
# A scraper's or converter's label for a part of its page (## 政策全文, ### 基本信息), not a heading
SCRAPER_SECTION = re.compile(
    r"(?:政策全文|全文|正文|政策内容|文件内容|原文|基本信息|文件信息|政策信息|附件下载|相关附件|原文链接|印发说明)"
    r"|(?:文档|文件)\s*[:：].*"
)

CN_DIGITS = "零〇一二三四五六七八九十百千两"
_CN = f"[{CN_DIGITS}]{{1,5}}"
_NUM = rf"(?:\d{{1,3}}|{_CN})"
# 第X章 / 第X条 as letter-spaced PDF prints and OCR set them: 第 十 二 条, 第十 一章
_NUM_SPACED = rf"(?:\d{{1,3}}|[{CN_DIGITS}](?:\s?[{CN_DIGITS}]){{0,4}})"

# Heading labels, matched at the start of a stripped, folded line. Group "label" is the bare
# label, group "rest" everything after the label's own punctuation.
# 第二篇 / 第二编 / 第二部分: the largest divisions of long plans
VOLUME = re.compile(rf"第\s*(?P<label>{_NUM_SPACED})\s*(?:[篇编](?![章节条])|部分)\s*[:、.]?\s*(?P<rest>.*)")
# 童 is 章 as OCR often reads it (第一童 总 则, 第六童 监 督)
CHAPTER = re.compile(rf"第\s*(?P<label>{_NUM_SPACED})\s*[章童]\s*[:、.]?\s*(?P<rest>.*)")
DIVISION = re.compile(rf"第\s*(?P<label>{_NUM_SPACED})\s*节\s*[:、.]?\s*(?P<rest>.*)")
ARTICLE = re.compile(rf"第\s*(?P<label>{_NUM_SPACED})\s*条(?=\s|$|[\u4e00-\u9fff(“”\"《])\s*(?P<rest>.*)")
# 一、 and 一. ; not 一是 (an in-paragraph enumeration) nor 一，(prose).
PART = re.compile(rf"(?P<label>{_CN})\s*(?:、|\.(?!\d))\s*(?P<rest>.*)")
# （一） with either bracket width, 〔一〕, and the enclosed forms ㈠..㈩.
SECTION = re.compile(rf"\(\s*(?P<label>{_CN})\s*\)\s*[、.]?\s*(?P<rest>.*)")
SECTION_ENCLOSED = re.compile(r"(?P<label>[\u3220-\u3229])\s*(?P<rest>.*)")
# 一) with its opening bracket lost or misread (OCR of （一）: 一), 〈四), 《五)), or written so
SECTION_HALF = re.compile(rf"(?:[〈《<]\s*)?(?P<label>{_CN})\s*\)\s*(?P<rest>.*)")
# 1.1 / 1.1.1 / 1.1.1.1: decimal numbering of sections and items (some 纲要, standards); the last
# part must be followed by a space or a CJK character or quote, never by a digit, % or a unit.
DECIMAL = re.compile(
    r"(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})"
    r"(?![.\d]|\s*(?:[%‰万亿元倍米吨亩岁]|公里|平方|小时|美元))"
    r"\s*(?=[\u4e00-\u9fff“\"《(（])(?P<rest>.*)"
)
# 1. 1、 1． 1﹒ ; "followed by a digit" (2.5G, 2.6万亿元) is checked against the numbering.
# (never a file's name cut at a wrapped link: 88.pdf )
_FILE_EXTENSION = r"(?!(?:pdf|docx?|xlsx?|wps|ofd|html?|jpe?g|png|zip|rar|txt)(?![A-Za-z]))"
ITEM = re.compile(
    r"(?P<label>\d{1,3})\s*[.、](?!\d+\s*[%％万亿千百元个])" + _FILE_EXTENSION + r"\s*(?P<rest>.*)"
)
ITEM_LOOSE = re.compile(r"(?P<label>\d{1,3})\s*[.、]" + _FILE_EXTENSION + r"\s*(?P<rest>.*)")
# (1) and 1) ; ⑴..⒇ ; ①..⑳ (a level below the others when both occur).
SUBITEM = re.compile(r"\(\s*(?P<label>\d{1,3})\s*\)\s*[、.]?\s*(?P<rest>.*)")
SUBITEM_HALF = re.compile(r"(?P<label>\d{1,2})\)\s*(?P<rest>.*)")
SUBITEM_PAREN = re.compile(r"(?P<label>[\u2474-\u2487])\s*(?P<rest>.*)")
SUBITEM_CIRCLED = re.compile(r"(?P<label>[\u2460-\u2473])\s*(?P<rest>.*)")
# 专栏九：… / 专栏1  … / 专栏 3-2 … ; the label may be missing (专栏：…).
COLUMN = re.compile(rf"专栏\s*(?P<label>{_NUM}(?:\s*[-.]\s*\d{{1,2}})?)?\s*(?:[:、.]|\s+|$)\s*(?P<rest>.*)")
# 附件1：… / 附件：… / 附表2 … ; a bare mention inside prose (附件所列) does not match.
# (附 1： — a bare 附 before its number — heads a form attached to 办法; 附 alone on its line, a
# PDF or Word copy's short form of 附件, heads the one attached to it, its title on the next line
# or after a space)
APPENDIX = re.compile(
    rf"(?P<word>附\s?[件表录图]|附(?=\s?\d)|附(?=\s*$|\s+[\u4e00-\u9fff《“]))\s*(?P<label>{_NUM})?\s*(?:[:、.]|\s+|$)\s*(?P<rest>.*)"
)

# Text extracted from a PDF glues a page number to the start of the next line; before a heading
# label it can be told apart (15三、强化全球资源配置功能 is part 三 on page 15).
GLUED_PAGE_NUMBER = re.compile(
    r"^\d{1,3}(?=[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百]{1,4}[篇章节条部]|[（(][一二三四五六七八九十]{1,3}[）)])"
)
# The header cells of a table flattened to one cell a line (序号 / 工作事项 / 牵头单位 …)
TABLE_HEADER_CELL = re.compile(
    r"(?:序号|编号|类别|类型|领域|[一二三]级指标|(?:主要)?指标(?:名称|含义|属性)?|名称|项目|属性|单位|计量单位|"
    r"评价标准|考核标准|数据来源|工作事项|工作任务|重点任务|主要内容|具体措施|牵头单位|责任单位|配合单位|"
    r"完成时限|时间节点|完成时间|预期值|目标值|备注|目标|解释)"
)
# Unnumbered parts of a plan, alone on their line (spaced or not: 前  言, 总 则): front and back
# matter that holds prose, and 总则, which holds the first numbered parts.
PROSE_PARTS = frozenset({"前言", "序言", "引言", "导言", "结语", "结束语", "后记"})
# a report's closing note on how it was written, and its thanks (编写说明与致谢)
BACK_NOTE = re.compile(r"(?:编写|编制)说明(?:[与和及]致谢)?|致谢")
# A bulletin's back matter under a label of its own, with its colon (注释： / 1.… 2.…, 资料来源：…)
NOTE_PARTS = frozenset({"注释", "附注", "资料来源"})
OPENING_PART = "总则"
# A report's or plan's glossary at its end (名词解释 / 1.“两重”：是指…): its items are terms
GLOSSARY = frozenset({"名词解释", "名词注释", "名词解读"})
FIGURES = "附图"
# A table of contents: its title line, and entries ending in dot leaders and a page number.
TOC_TITLE = re.compile(r"目\s*录")
# … a run of dot leaders ends an entry even where the page number was cut off (PDF text)
# (page numbers may carry the front matter's roman numbering glued on: ……12I, ……29III)
# (and page numbers may be set between dashes: ……- 6 -, ……-41-I)
TOC_ENTRY = re.compile(
    r"(?:(?:[.…·・_-]\s*){2,}\s*\d{1,3}(?:\s*-)?[IVXivx]{0,4}|(?:[.…·・]\s*){6,}\S{0,2})$"
    r"|(?:[.…·・]\s*){6,}(?:-\s*)?\d{1,3}(?:\s*-)?[IVXivx]{0,4}(?=\S)"  # entries run together on one line
)
# Every TOC_ENTRY has two leaders in a row: a scan for them first is 15 times quicker on
# lines that have none (nearly all of them).
_LEADERS = re.compile(r"[.…·・_-]\s*[.…·・_-]")


def toc_entry(text: str) -> re.Match[str] | None:
    """TOC_ENTRY's match in ``text`` (a contents line's dotted leaders and page number)."""
    return TOC_ENTRY.search(text) if _LEADERS.search(text) else None


# Sentence ends that close a title written on the same line as its body.
# (an ASCII full stop after Chinese ends a sentence as 。 does, where a font lost the full-width
# form: …登记管理. 1台…; between digits it is a decimal point)
# (an ASCII full stop after Chinese ends a sentence as 。 does, where a font lost the full-width
# form: …登记管理. 1台…; before a digit it is a decimal point, before a letter a file's extension)
TITLE_END = re.compile(r"[。!?]|(?<=[\u4e00-\u9fff)）》”])\.(?![\dA-Za-z])")
# What a line can end with when its sentence is complete.
SENTENCE_END = frozenset("。!?;:…”’)】」』》\"'")
# Characters inside a line that show it is prose rather than a heading.
PROSE_MARK = re.compile(r"[。!?;]")

# Metadata signs (folded text).
DOC_NUMBER = re.compile(
    r"(?P<num>[\u4e00-\u9fff]{1,12}\s*[\[(〔【]\s*(?:19|20)\d{2}\s*[\])〕】]\s*\d{1,4}\s*号)"
)
# A field block (gov.cn's table, legal databases, scrapers): label, colon, value. Labels may be
# spaced out (索 引 号：, 标　　题：); the value may be on the next line.
FIELD = re.compile(r"^[#*\s]*(?P<label>(?:[\u4e00-\u9fff]\s*){2,6}?)\s*[:]\s*(?P<v>.*?)[*\s]*$")
FIELD_KEYS = {
    "政策标题": "title",
    "标题": "title",
    "文件名称": "title",
    "名称": "title",
    "题名": "title",
    "政策来源": "issuer",
    "发文机关": "issuer",
    "发布机构": "issuer",
    "制定机关": "issuer",
    "发布部门": "issuer",
    "颁布机关": "issuer",
    "发文单位": "issuer",
    "发布机关": "issuer",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "成文日期": "issued",
    "签发日期": "issued",
    "公布日期": "issued",
    "发布日期": "published",
    "发布时间": "published",
    "发文日期": "published",
    "印发日期": "published",
    "时间": "published",
    # stated, but not fields plantui keeps; listed so their lines read as a field block
    "索引号": "",
    "主题分类": "",
    "分类": "",
    "主题词": "",
    "施行日期": "",
    "实施日期": "",
    "时效性": "",
    "效力位阶": "",
    "效力级别": "",
    "法规类别": "",
    "有效性": "",
    "失效日期": "",
    # an archive's catalogue lines on a scanned plan's cover
    "分类号": "",
    "密级": "",
    "档号": "",
    "保密期限": "",
    "紧急程度": "",
    "废止日期": "",
    "统一编号": "",
}
DATE_CN = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
DATE_CN_NUMERALS = re.compile(
    r"(?P<y>[一二三四五六七八九〇零○]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日"
)
DATE_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
DATE_LINE = re.compile(
    r"\(?(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
    r"[一二三四五六七八九〇零○]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\)?"
)
PUBLISHED = re.compile(r"(?:发布日期|发布时间|发文日期|印发日期)\s*[:]?\s*(?P<date>.+)")
SIGNED = re.compile(r"(?:成文日期|签发日期)\s*[:]?\s*(?P<date>.+)")
FIELD_ISSUER = re.compile(
    r"#*\s*(?:政策来源|发文机关|发布机构|制定机关|发布部门|颁布机关|发文单位)\s*[:]\s*(?P<v>.*)"
)
FIELD_CONTENT = re.compile(r"#*\s*(?:政策内容|正文)\s*[:]\s*$")
CODING_LINE = re.compile(r"#\s*-\*-\s*coding[:=].*-\*-")
# A covering notice: 〈issuer〉关于印发〈document〉的通知.
NOTICE_TITLE = re.compile(
    r"^(?P<issuer>.*?)关于(?:重新)?(?:印发|转发|下发|公布|发布|修订)(?P<docs>.+?)的(?:通知|决定|函)$"
)
# 现将《X》印发给你们, 《X》已经区委、区政府同意，现印发实施: the notice hands on the document it names
NOTICE_BODY = re.compile(r"《(?P<doc>[^《》]+)》(?=[^。《]{0,40}?印发)")
QUOTED_TITLE = re.compile(r"《(?P<t>[^《》]+)》")
# 印发《特约商户信息管理办法》等两个办法: the notice names one document of several
AND_OTHERS = re.compile(r"》\s*等\s*[两二三四五六七八九十\d]+\s*[个项份部件]")
ADDRESSEES = re.compile(r"^各.{1,80}[:]$")
# The bracketed period under a title: （2020-2025年）, （2021—2025年）, （2020-2025）.
PERIOD_LINE = re.compile(r"^\(\s*(?:19|20)\d{2}\s*年?\s*[-~至到]\s*(?:19|20)\d{2}\s*年?\s*\)$")
PERIOD_RANGE = re.compile(r"(?P<a>(?:19|20)\d{2})\s*年?\s*[-~至到]\s*(?P<b>(?:19|20)\d{2})\s*年?")
FIVE_YEAR = re.compile(
    r"(?:“|\")?(?P<n>十[一二三四五六七八九]?)五(?:”|\")?(?:时期|规划|期间|发展)?|第(?P<m>十[一二三四五六七八九]?)个五年"
)
ISSUER_SUFFIX = re.compile(
    r"(?:人民政府|人民政府办公厅|政府办公室|办公室|政府|办公厅|委员会|管委会|领导小组|中共中央|"
    # 局/部/办 end plenty of words that name no authority (布局, 格局, 全部, 内部, 举办)
    # 海关总署, 国家新闻出版署 (部署 and 签署 name no authority)
    # 南昌海关, 上海海关: a customs district signs in its own name
    r"总署|出版署|海关|厅|(?<![布格结当])局|(?<![全内外局东西南北中上下干])部|国家安全部|院|委|(?<![举创承主协兴])办|中心|协会|联合会|"
    # 中国人民银行, 中国证监会: the central bank and the regulators sign jointly with ministries
    r"人民银行|[证银保]监会|"
    # 中国人民银行贵州省分行, …上海总部, …XX市中心支行: the central bank's branches issue in their own name
    r"人民银行[\u4e00-\u9fff]{1,10}(?:分行|支行|营业管理部|总部)|"
    # 财付通支付科技有限公司: a company that issues its own 公文 (a report to its regulator)
    r"有限公司|有限责任公司|集团)$"
)
KIND_WORDS = (
    ("工作报告", "报告"),
    ("报告", "报告"),
    ("规划", "规划"),
    ("纲要", "规划"),
    ("实施意见", "意见"),
    ("指导意见", "意见"),
    ("意见", "意见"),
    ("行动计划", "方案"),
    ("实施方案", "方案"),
    ("方案", "方案"),
    ("计划", "方案"),
    ("办法", "办法"),
    ("条例", "办法"),
    ("规定", "办法"),
    ("细则", "办法"),
    ("通知", "通知"),
    ("决定", "通知"),
)
BODY_KIND = re.compile(r"(?:提出|制定|编制)(?:如下|本)(?P<w>实施意见|指导意见|意见|规划|方案|行动计划|办法)")
