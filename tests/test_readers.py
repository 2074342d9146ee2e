"""Bytes → text: encodings, line endings, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantui.read import ReadError, read_file
from plantui.read.text import decode

TEXT = "河北省数字经济发展规划（2020-2025年）\n一、发展基础\n到2025年，数字经济占比达到40%。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),  # with BOM, little-endian on this machine
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16", "utf16be-bom", "utf16le-nobom"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data) == TEXT


def test_line_endings_are_normalised() -> None:
    assert decode("一\r\n二\r三\n四".encode()) == "一\n二\n三\n四"


def test_other_unicode_line_breaks_are_kept_inside_lines() -> None:
    # str.splitlines would break here and shift every later line number
    assert decode("甲\u2028乙\n丙".encode()).split("\n") == ["甲\u2028乙", "丙"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "whitespace"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        decode(data)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_markdown_suffix_sets_the_format(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# 标题\n", encoding="utf-8")
    assert read_file(path)[1].format == "markdown"


def test_big5_is_read_as_big5_not_gb18030_mojibake() -> None:
    """臺灣省數位經濟發展規劃 in Big5 also decodes as GB18030 (籓芖计竒蕾…): the reading whose
    characters are its charset's common ones wins."""
    text = "臺灣省數位經濟發展規劃\n一、總體要求\n（一）發展目標。到2025年，數位經濟規模達到新臺幣5兆元。\n"
    assert decode(text.encode("big5")) == text


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312"])
def test_simplified_chinese_stays_gb(encoding: str) -> None:
    assert decode(TEXT.encode(encoding)) == TEXT


# ------------------------------------------------------------------ Markdown (markdown-it-py)

# MinerU's output of a Chinese PDF (DreamBlooms/ChinaXiv-201601-to-202209, md/: a ChinaXiv paper on
# soil-moisture data checks), cut to one table and the paragraphs around it: every heading is a
# level-1 ``#``, tables are HTML on one line, numbers are inline LaTeX with a space per token.
MINERU = r"""# 2.4检测流程

本文借鉴ISMN提出的谱分析方法思路[0],制定土壤水分数据质量控制和综合分析流程，异常数据检测流程见图4。

![](images/688e12e580c8464e1e454d40715a6dcf003819663c4a69ad88b6e5acf9a6bd98.jpg)HARDBREAK
图4土壤水分自动观测异常数据检测流程Fig.4 Abnormal data detection process of automatic soilmoisture observation

# 表12种方法异常值检验结果对比

<html><body><table><tr><td>指标</td><td>VD</td><td>FD</td></tr><tr><td>异常值数量/个</td><td>38537</td><td>64817</td></tr><tr><td>百分比/%</td><td>4.4</td><td>7.4</td></tr></table></body></html>

注：VD为体积含水量值检验；FD为频率值检验。

# 3.2基于体积含水量的异常值检验分析

对2019年6一9月的2088个自动土壤水分站小时资料进行了检测，数据正确率为 $9 3 . 8 \%$ ,疑误率为 $1 . 7 \%$ ，缺测率为 $4 . 5 \%$ 。
""".replace("HARDBREAK", "  ")  # MinerU ends a line with two spaces before a caption


def test_converter_markdown_in_a_txt_is_read_as_markdown(tmp_path: Path) -> None:
    """A .txt holding MinerU output: sniffed as Markdown; the HTML table becomes rows through the
    web-page reader's table code, LaTeX becomes the number it writes, images go, no ``#`` is left."""
    path = tmp_path / "mineru.txt"
    path.write_text(MINERU, encoding="utf-8")
    source = read_file(path)[1]
    assert source.format == "markdown"
    assert source.title == "2.4检测流程"
    rows = [(b.text, b.line) for b in source.blocks if b.row]
    assert rows == [
        ("指标 | VD | FD", 10),
        ("异常值数量/个 | 38537 | 64817", 10),
        ("百分比/% | 4.4 | 7.4", 10),
    ]
    headings = [(b.text, b.md_level, b.line) for b in source.blocks if b.md_level]
    assert headings == [("表12种方法异常值检验结果对比", 1, 8), ("3.2基于体积含水量的异常值检验分析", 1, 14)]
    text = "\n".join(b.text for b in source.blocks)
    assert "正确率为 93.8% ,疑误率为 1.7% ，缺测率为 4.5% 。" in text
    assert "#" not in text and "$" not in text and "images/" not in text and "<td>" not in text
    assert next(b.line for b in source.blocks if b.text.startswith("图4")) == 6


# A village plan's indicator table as Markdown (金田村村庄规划, 第八条 规划指标), GFM pipes.
VILLAGE = """## 第八条 规划指标

表 2-1 规划指标表

| 规划指标体系 | 2022年 | 2035年 | 属性 |
| :--- | :--- | :--- | :--- |
| 户籍人口规模（人） | 1403 | - | 预期性 |
| 耕地保有量（公顷） | 85.42 | 127.18 | 约束性 |
| 森林覆盖率（%） | 90 | ≥90 | 预期性 |
"""


def test_gfm_table_rows_are_rows() -> None:
    from plantui.read.markdown import markdown_source

    blocks = markdown_source(VILLAGE).blocks
    assert [(b.text, b.line, b.row) for b in blocks[2:]] == [
        ("规划指标体系 | 2022年 | 2035年 | 属性", 5, True),
        ("户籍人口规模（人） | 1403 | - | 预期性", 7, True),
        ("耕地保有量（公顷） | 85.42 | 127.18 | 约束性", 8, True),
        ("森林覆盖率（%） | 90 | ≥90 | 预期性", 9, True),
    ]
    assert (blocks[0].text, blocks[0].md_level) == ("第八条 规划指标", 2)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# 标题\n\n## 一、总体要求 ##\n", ("一、总体要求", 2)),  # closing hashes
        ("# 标题\n\n##二、主要任务\n", ("二、主要任务", 2)),  # converters drop the space
        ("# 标题\n\n## **三、保障措施**\n", ("三、保障措施", 2)),
        ("# 标题\n\n1. 加快建设\n", ("1. 加快建设", 0)),  # a plan's number is text, not list syntax
        ("# 标题\n\n政策信息\n---\n来源：某网\n", ("政策信息", 0)),  # a rule, not a setext underline
        ("# 标题\n\n融资US$5亿元至US$8亿元\n", ("融资US$5亿元至US$8亿元", 0)),  # prices, not LaTeX
        ("# 标题\n\n5.\n\n\n--- 第 6 页 ---\n", ("5.", 0)),  # an OCR page break after an empty item
    ],
)
def test_markdown_heading_text_never_keeps_markup(markdown: str, expected: tuple[str, int]) -> None:
    from plantui.read.markdown import markdown_source

    source = markdown_source(markdown)
    assert source.title == "标题"
    assert (source.blocks[0].text, source.blocks[0].md_level) == expected


def test_exported_table_rows_read_back_as_rows() -> None:
    """plantui's export writes a table row of a PDF or Word plan as ``a | b | c``: read back, it is
    a row again (data, never a heading), so the plan re-imports to the same outline."""
    from plantui.read.markdown import markdown_source

    blocks = markdown_source("# 决算\n\n一般公共预算财政拨款 | 一、一般公共服务支出 | 264.87\n").blocks
    assert [(b.text, b.row) for b in blocks] == [
        ("一般公共预算财政拨款 | 一、一般公共服务支出 | 264.87", True)
    ]


# pandoc's output of a Chinese Word file (a health-record app's design document in a public
# repository): image sizes over two lines, TOC anchors, attribute spans, fenced divs.
PANDOC = """# 5.1 功能说明

![](d:\\\\AI_Project\\\\merge_docs\\\\c_media/media/image21.jpeg){width="3.825in"
height="9.924305555555556in"}

**修改密码**

6.  []{#_Toc153180745 .anchor}扫码功能

5.1.6.1 档案分享

::: {#133692062 .myid}
[**[控制VLAN]{lang="EN-US"}**]{#struct_0_2033}
:::
"""


def test_pandoc_attributes_and_divs_leave_no_trace() -> None:
    from plantui.read.markdown import markdown_source

    blocks = markdown_source(PANDOC).blocks
    assert [(b.text, b.line) for b in blocks] == [
        ("修改密码", 6),
        ("6.  扫码功能", 8),
        ("5.1.6.1 档案分享", 10),
        ("控制VLAN", 13),
    ]


_MARKUP = [
    *"#>|-*_`$\\[](){}!<>:~=\n 一二、。表1.",
    *("<table><tr><td>", "</td></tr></table>", "$$", "```", "\n\n", '{width="1in"\nheight="2"}'),
    *("[]{#_Toc1}", "::: {#1}", "1. ", "- ", "> ", "**", "<br>", "$9 3 . 8 \\%$"),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP), max_size=60).map("".join))
def test_any_markdown_reads_to_blocks_on_its_own_lines(text: str) -> None:
    """Converter markup in any order: no error, and every block names a line of the source."""
    from plantui.read.markdown import markdown_source

    lines = text.count("\n") + 1
    assert all(1 <= b.line <= lines for b in markdown_source(text).blocks)


def test_markdown_field_label_headings_are_label_lines() -> None:
    # a scraper's page as Markdown (seed 000's header): ## 政策标题： labels the next line, it is
    # no heading, and # -*- coding … -*- is no title
    from plantui.read.markdown import markdown_source

    text = (
        "# -*- coding: utf-8 -*-\n\n## 政策标题：\n\n"
        "河北省人民政府关于印发河北省数字经济发展规划（2020-2025年）的通知\n\n"
        "## 政策来源：\n\n河北省人民政府\n\n## 政策内容：\n\n冀政字〔2020〕23号\n\n## 一、发展基础\n"
    )
    source = markdown_source(text)
    assert source.title is None
    levels = {b.text: b.md_level for b in source.blocks}
    assert levels["政策标题："] == 0
    assert levels["政策来源："] == 0 and levels["政策内容："] == 0
    assert levels["一、发展基础"] == 2


def test_html_field_table_keeps_the_spaces_between_issuers() -> None:
    # a gov.cn-style field table: three issuing bodies in the title, separated by spaces
    from plantui.parse import parse_source
    from plantui.read.html import read_html

    title = "广州市医疗保障局 广州市财政局 广州市卫生健康委员会关于印发广州市社会医疗保险统筹基金支付门诊特定病种费用范围及标准的通知"
    page = (
        '<html><head><meta charset="utf-8"></head><body><table>'
        "<tr><td>索引号：</td><td>1/2019-1</td><td>发文机关：</td><td>广州市医疗保障局</td></tr>"
        f"<tr><td>成文日期：</td><td>2019年06月14日</td><td>标　题：</td><td>{title}</td></tr>"
        "<tr><td>发文字号：</td><td>穗医保规字〔2019〕4号</td></tr></table>"
        '<div id="UCAP-CONTENT"><p>各区医疗保障局：</p><p>现将有关事项通知如下。</p>'
        "<p>一、适用范围</p><p>本通知适用于本市参保人。</p></div></body></html>"
    )
    source = read_html(page.encode("utf-8"))
    assert f"标题：{title}" in [b.text for b in source.blocks]
    assert parse_source(source, "p.html").title == title


def test_html_em_space_indents_are_stripped() -> None:
    # a CMS indents with &emsp;&emsp; before a bold 一、 heading: the heading must start the block
    from plantui.read.html import read_html

    page = (
        '<html><head><meta charset="utf-8"></head><body><div id="UCAP-CONTENT">'
        "<p>&emsp;&emsp;近年来，我省数字经济加快发展。</p>"
        '<p style="text-indent:2em">&emsp;&emsp;<strong>一、发展基础和面临形势</strong></p>'
        "<p>&ensp;&ensp;（一）发展基础。全省数字经济规模达到1.2万亿元。</p></div></body></html>"
    )
    texts = [b.text for b in read_html(page.encode("utf-8")).blocks]
    assert texts == [
        "近年来，我省数字经济加快发展。",
        "一、发展基础和面临形势",
        "（一）发展基础。全省数字经济规模达到1.2万亿元。",
    ]


def test_word_soft_breaks_of_pasted_text_end_paragraphs() -> None:
    # text pasted into Word, each paragraph closed by a soft break (w:br) rather than a new w:p:
    # a title-only part, a field line, a sentence end and an indented line each end a block;
    # a title wrapped by a break stays one line (report_zhejiang_2026, report_hebei_2026 heads)
    import io
    import zipfile

    lines = [
        "2026年浙江省",
        "政府工作报告",
        "时间：2026-01-22",
        "浙江省省长 刘捷",
        "一、2025年主要工作和“十四五”发展成就",
        "2025年是极不平凡的一年，面对错综复杂的外部环境和艰巨繁重的改革发展稳定任务，我们坚持稳中求进。",
        "　　全省生产总值增长5.5%。",
        "加快数字经济基础设施体系 形成京津冀数字产业化新高地",
        "加快5G网络建设，推进千兆光网城市建设，全面提升新型基础设施供给能力，打造京津冀数字产业化新高地。",
        "附件1",
        "2026年省十件民生实事",
    ]
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' for t in lines)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml", f"<w:document {ns}><w:body><w:p>{runs}</w:p></w:body></w:document>"
        )
    from plantui.read.docx import read_docx

    assert [b.text for b in read_docx(buffer.getvalue()).blocks] == [
        "2026年浙江省政府工作报告",
        "时间：2026-01-22",
        "浙江省省长 刘捷",
        lines[4],
        lines[5],
        "全省生产总值增长5.5%。",
        lines[7],
        lines[8],
        "附件1",  # a label alone: never 附件12026年…
        "2026年省十件民生实事",
    ]


@pytest.mark.parametrize(
    "heading",
    [
        '<h1 class="article-title">2016年国务院政府工作报告</h1>',
        '<table><tr><td class="title"><font size=5><b>2016年国务院政府工作报告</b></font></td></tr></table>',
    ],
    ids=["h1", "title-cell"],
)
def test_html_title_set_outside_the_article_is_read(heading: str) -> None:
    # the page's <title> names only the site; the article's title is a heading above its text
    from plantui.parse import parse_source
    from plantui.read.html import read_html

    page = (
        '<html><head><meta charset="utf-8"><title>政策文件</title></head><body>'
        f'<div class="detail">{heading}<div class="detail-text">'
        "<p class=MsoNormal><span>各位代表：</span><o:p></o:p></p>"
        "<p class=MsoNormal><span>现在，我代表国务院，向大会报告政府工作，请予审议。</span></p>"
        "<p class=MsoNormal><span>一、2015年工作回顾</span></p>"
        "<p class=MsoNormal><span>过去一年，我国发展面临多重困难和严峻挑战。</span></p></div></div></body></html>"
    )
    source = read_html(page.encode("utf-8"))
    assert parse_source(source, "r.html").title == "2016年国务院政府工作报告"


def test_word_title_is_not_the_red_letterhead() -> None:
    # a 公文 as Word sets it: the red 版头 in the largest type, the 文号, then the title over two
    # centred lines, the second only the plan's period (seed 000's 规划)
    import io
    import zipfile

    def para(text: str, size: int, centred: bool = True) -> str:
        jc = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centred else ""
        return f'<w:p>{jc}<w:r><w:rPr><w:sz w:val="{size}"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'

    body = "".join(
        [
            para("河北省人民政府文件", 72),
            para("冀政字〔2020〕23号", 32),
            para("河北省数字经济发展规划", 44),
            para("（2020-2025年）", 32),
            para("为加快数字经济发展，制定本规划。", 32, centred=False),
            para("一、发展基础和面临形势", 32, centred=False),
        ]
    )
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
    from plantui.read.docx import read_docx

    assert read_docx(buffer.getvalue()).title == "河北省数字经济发展规划（2020-2025年）"


def test_a_no_break_space_written_as_its_code_points_name_is_a_space() -> None:
    # report_state_council_2011.txt:59-61 (GB18030): a converter wrote every indent's U+00A0 as the
    # text <U+00A0>; a name that stands for a letter stays as written
    data = "<U+00A0><U+00A0><U+00A0><U+00A0>一、“十一五”时期国民经济和社会发展的回顾\n国务院总理<U+00A0> 温家宝\n".encode(
        "gb18030"
    )
    assert (
        decode(data)
        == "\u00a0\u00a0\u00a0\u00a0一、“十一五”时期国民经济和社会发展的回顾\n国务院总理\u00a0 温家宝\n"
    )
    assert decode("编码<U+4E2D>".encode()) == "编码<U+4E2D>"
