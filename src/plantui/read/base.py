"""What every reader shares: the one error type and the limits that keep hostile files bounded."""

from __future__ import annotations

import re


class ReadError(Exception):
    """A file that cannot be read as a plan; the message says why in one line."""


# A plan is at most a few MB of text; these bound time and memory on hostile input.
MAX_TEXT_BYTES = 100_000_000  # plain text and Markdown (a 50 MB plan still imports)
MAX_HTML_BYTES = 20_000_000  # a saved web page; larger ones are pages of something else
MAX_PDF_BYTES = 200_000_000
MAX_PDF_PAGES = 2_000
MAX_ZIP_MEMBER_BYTES = 60_000_000  # one part of a .docx, uncompressed
MAX_ZIP_TOTAL_BYTES = 200_000_000  # all parts of a .docx, uncompressed
MAX_ZIP_RATIO = 200  # uncompressed/compressed; real Word XML compresses 5 to 20 times


# Page furniture that sits inside the article on many government sites. A line that holds a
# sentence (a 。) is text, whatever words it shares with a footer: 加强对市、县政府性融资担保机构的
# 业务培训和技术支持。 is a measure, 技术支持：XX公司 is chrome.
CHROME = re.compile(
    r"^(?!.*。)(?:.*字体[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?\s*】?.*"
    r"|.*(?:打印本页|关闭窗口|关闭本页|打印\s*关闭|分享到|扫一扫在手机打开当前页|扫一扫|收藏本页|"
    r"加入收藏|设为首页|返回顶部|【打印】|【关闭】|【我要纠错】|【收藏】).*"
    r"|(?:打印|关闭|分享|收藏|纠错|下载|返回|全屏|加大|还原|减小|大|中|小|】|【|上一篇|下一篇|相关链接|相关文件|"
    r"相关解读|责任编辑[:：].*|【?[大中小]?字号[:：]?.*|"
    # a portal's lists around the article
    r"(?:关联稿件|相关稿件|相关新闻|相关阅读|推荐阅读|热门排行|热点推荐|精彩推荐|客户端下载|友情链接|网站导航)[:：]?)"
    r"|(?:上一篇|下一篇)[:：].*|(?:来源|浏览次数|访问量|点击数|阅读次数)[:：]\s*\d*\s*"
    r"|.*(?:ICP备|网站标识码|版权所有|(?:主办单位|承办单位|技术支持)\s*[:：]|公网安备|网站地图|隐私声明|关于我们).*"
    r"|(?:主办|承办|协办)[:：].*"
    # a site's breadcrumb, and a gazette page's issue line (2020年第25期（总第1155期）)
    r"|(?:您(?:现在|当前|目前)?(?:所在)?的?位置|当前位置|所在位置)\s*[:：]?.*"
    # a portal's search box over the article
    r"|(?:搜索热词|热门搜索|热搜词?)\s*[:：].*"
    r"|(?:\S{0,16}公报\s*)?(?:19|20)\d{2}\s*年\s*第\s*\d{1,3}\s*期(?:\s*[（(]\s*总第\s*\d{1,5}\s*期\s*[)）])?"
    r"|\S{0,16}公报\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,3}\s*号)$"
)


def run_in_lead(text: str, bold: str) -> int:
    """Where a run-in title set in bold before a colon ends in a paragraph's ``text`` (Word's
    or a page's <b>（一）在校学生：</b>个人缴费…, as Markdown's **…**：), 0 when ``bold`` — the bold
    text the paragraph opens with, white space included — is no such run."""
    run = re.sub(r"\s+", " ", bold).strip(_STRIP).rstrip("：: ")
    if not run or not text.startswith(run) or text[len(run) : len(run) + 1] not in ("：", ":"):
        return 0
    # 1.新要素：数据价值化抢先推进。通过…: a short phrase after the colon closes a two-part title
    # (the bold only its first half); a sentence after it (个人缴费标准为每人413元，…) is the body
    rest = re.match(r"[^。；;！？!?]*", text[len(run) + 1 :])
    if rest and len(rest.group(0)) <= 20 and not re.search(r"[，,、]", rest.group(0)):
        return 0
    return len(run)


_STRIP = " \t\n\u3000\u00a0\ufeff\u200b\f\v\u2002\u2003\u2009"
