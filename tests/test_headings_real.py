"""Headings in PDF-extracted and OCR'd text: page furniture glued to labels, OCR noise in labels
and titles. Every excerpt is copied from a file of the real corpus (tests/fixtures/real/docs)."""

from __future__ import annotations

from pathlib import Path

from plantui.blocks import Block
from plantui.chunks import join_lines
from plantui.furniture import clean_blocks, is_page_marker
from plantui.headings import (
    RANK,
    caption_row,
    classify,
    continues_citation,
    restore_lost_headings,
    split_run_on,
)
from plantui.models import Node
from plantui.parse import parse_markdown, parse_source, parse_text
from plantui.read.markdown import markdown_source
from support import outline_rows


def _rows(text: str, markdown: bool = False) -> list[list[object]]:
    doc = parse_markdown(text) if markdown else parse_text(text)
    return [[*row[:3], row[3][:12]] for row in outline_rows(doc.outline)]


def _blocks(*texts: str) -> list[Block]:
    return [Block(text, number) for number, text in enumerate(texts, start=1)]


# reg_pbc_kyc_measures_2025_pdf.md:31-39 and 86-90 (legal-database PDF export, page numbers glued)
KYC = """第二条在境内设立的下列机构，履行本办法规定的金融机构反洗钱义务：
（一）政策性银行、商业银行、农村合作银行、农村信用合作社、村镇银行；
（二）证券公司、期货公司、证券投资基金管理公司；
（三）保险公司、保险资产管理公司；

2（四）信托公司、金融资产管理公司、企业集团财务公司、金融租赁公司、汽车
金融公司、消费金融公司、货币经纪公司、理财公司；
（五）非银行支付机构；
第七条有下列情形之一的，金融机构应当开展客户尽职调查：
金融机构应当根据风险状况差异化确定客户尽职调查措施的程度，不
得采取与风险状况明显不符的尽职调查措施。

4第八条金融机构不得为身份不明的客户提供服务或者与其进行交易，不得为客户
开立匿名账户或者假名账户，不得为冒用他人身份的客户开立账户。
第九条政策性银行、商业银行、农村合作银行、农村信用合作社、村镇银行等金
"""


def test_a_page_number_glued_before_an_article_or_section_label_is_cut_off() -> None:
    rows = _rows(KYC, markdown=True)
    assert [r[:3] for r in rows] == [
        [1, "article", "二"],
        [2, "section", "一"],
        [2, "section", "二"],
        [2, "section", "三"],
        [2, "section", "四"],
        [2, "section", "五"],
        [1, "article", "七"],
        [1, "article", "八"],
        [1, "article", "九"],
    ]
    assert rows[4][3] == "信托公司、金融资产管理公"


# reg_state_council_consumer_rights_2024_govcn_pdf.md:78-83 (browser print of a gov.cn page)
PRINTED = """者选择其他经营者提供的商品或者服务。经营者通过搭配、组合等
方式提供商品或者服务的，应当以显著方式提请消费者注意。

26/03/2024, 11:46 中华人民共和国消费者权益保护法实施条例 _ 工商 _ 中国政府网
https://www.gov.cn/zhengce/content/202403/content_6940158.htm 4/13第十二条第十二条　经营者以商业宣传
知、声明、店堂告示等方式提供商品或者服务，对商品或者服务的
"""


def test_a_browser_print_header_and_footer_are_furniture_before_an_article() -> None:
    doc = parse_text("第十一条　经营者不得强制交易。\n" + PRINTED)
    assert [(n.kind, n.label) for n in doc.outline] == [("article", "十一"), ("article", "十二")]
    eleventh, twelfth = doc.outline
    assert "中国政府网" not in eleventh.text and "https" not in eleventh.text
    assert twelfth.text.startswith("经营者以商业宣传")  # the label printed twice is read once


def test_a_footer_counter_alone_is_furniture_but_a_wrong_counter_is_not() -> None:
    # law_anti_money_laundering_2024_pdf.md:186 (` 9 / 21 `), the OCR file's page markers
    assert is_page_marker(" 9 / 21 ")
    assert is_page_marker("--- 第 6 页 ---")
    assert is_page_marker("— 25 —")
    assert not is_page_marker("22 / 21")
    assert not is_page_marker("5.")
    assert not is_page_marker("1/3")  # a fraction in a table cell
    # other OCR and PDF-to-text tools mark pages in English
    assert is_page_marker("=== Page 6 ===") and is_page_marker("[Page 6 of 20]")
    assert not is_page_marker("Pages")


# notice_payment_clearing_card_issuing_guideline_2024_ocr.md:138-148 (OCR of a scan)
OCR_PAGE_BREAK = """的信用卡营销活动。

第十七条 发卡银行不得将银行卡发卡营销、领用合同 (th

5.


--- 第 6 页 ---

W) 签约、授信审批、交易授权、交易监测、资金结算、交易差
错及争议处理等发卡核心业务外包。
"""


def test_an_ocr_page_marker_and_the_footer_number_before_it_are_not_an_item() -> None:
    for markdown in (False, True):
        doc = parse_markdown(OCR_PAGE_BREAK) if markdown else parse_text(OCR_PAGE_BREAK)
        (article,) = doc.outline
        assert (article.kind, article.label, article.children) == ("article", "十七", ())
        assert "页" not in article.text and "5." not in article.text


def test_a_bare_number_is_kept_unless_the_next_page_marker_follows_it() -> None:
    kept = clean_blocks(_blocks("5.", "智慧物流。推进…", "--- 第 9 页 ---", "正文"))
    assert [b.text for b in kept] == ["5.", "智慧物流。推进…", "正文"]


# notice_payment_clearing_card_issuing_guideline_2024_ocr.md:28, 53, 234
def test_a_stray_quote_after_an_ocr_label_is_not_part_of_the_title() -> None:
    assert classify("第一章 “总则").title == "总则"  # type: ignore[union-attr]
    assert classify("第三章 ”银行卡申请及审核").title == "银行卡申请及审核"  # type: ignore[union-attr]
    article = classify("第二十二条”对代理办理银行卡的, 发卡银行应按照银行账")
    assert article is not None and (article.kind, article.label) == ("article", "二十二")
    # quotes that pair up stay (gangyao titles quote slogans)
    assert classify("（三）“十四五”时期主要目标").title == "“十四五”时期主要目标"  # type: ignore[union-attr]
    assert classify("二、推进“一网通办”").title == "推进“一网通办”"  # type: ignore[union-attr]


# notice_payment_clearing_card_issuing_guideline_2024_ocr.md:194-203 and 343-352
def test_an_unreadable_section_numeral_takes_its_place_in_the_sequence() -> None:
    between = clean_blocks(
        _blocks(
            "(一)在联网核查公民身份信息系统中留有相关可妖信息或违法犯罪记录;",
            "(二) 在征信系统中无信贷记录;",
            "(=) 在征信系统中有不良记录;",
            "(四 ) 在征信系统中有多家银行贷款或信用卡授信记录;",
        )
    )
    assert between[2].text == "(三) 在征信系统中有不良记录;"
    at_end = clean_blocks(
        _blocks(
            "(一 ) 对单位和个人身份信息存在疑义，要求出示辅助证件，单位和个人拒绝出示的;",
            "(=) 单位和个人组织他人同时或者分批开立账户的;",
            "(=) 有了明显理由怀疑开立账户从事违法犯罪活动的。",
            "发卡银行应当加强账户交易活动监测, 对开户之日起6 个月内无交易记录的账户。",
            "第二十七条 发卡银行不得有以下行为:",
        )
    )
    assert [b.text[:4] for b in at_end[1:3]] == ["(二) ", "(三) "]


def test_an_unreadable_numeral_the_neighbours_leave_no_room_for_stays_unread() -> None:
    blocks = clean_blocks(_blocks("(一)甲;", "(=)乙;", "(二)丙;"))
    assert blocks[1].text == "(=)乙;"
    alone = clean_blocks(_blocks("第五条 有下列情形之一的：", "(=)乙;", "第六条 其他"))
    assert alone[1].text == "(=)乙;"  # no readable neighbour: nothing to count from


# reg_pbc_kyc_measures_2025_pdf.md:63, 143, 251 and gangyao_shanghai_14th_pdf.txt:3162
def test_page_numbers_glued_to_the_first_line_of_every_page_are_cut_off() -> None:
    filler = ["金融机构应当按照规定建立客户尽职调查制度，不得为身份不明的客户提供服务。"] * 9
    lines = [
        *filler,
        "3定。如果本办法的要求比驻在国家或者地区的相关规定更为严格，但驻在国家或者地",
        *filler,
        "4第八条金融机构不得为身份不明的客户提供服务或者与其进行交易，不得为客户",
        *filler,
        "5结 语",
        *filler,
        "6种类、号码和有效期限，其中",
    ]
    texts = [b.text for b in clean_blocks(_blocks(*lines))]
    assert [t[:2] for t in texts[9::10]] == ["定。", "第八", "结 ", "种类"]


def test_numbers_at_line_starts_that_do_not_count_pages_are_kept() -> None:
    # report_*: years and amounts at the start of wrapped lines, close together
    lines = ["2个百分点以上。", "3家企业上市。", "4种类型", "12项改革", "13项改革", "14项改革"]
    assert [b.text for b in clean_blocks(_blocks(*lines))] == lines


REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "docs"


def _excerpt(name: str, first: int, last: int) -> str:
    """Source lines ``first``..``last`` of a corpus file (1-based, inclusive)."""
    lines = (REAL / name).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[first - 1 : last])


def test_a_clause_wrapped_at_the_indented_width_of_a_first_line_is_one_title() -> None:
    # legal-database PDF text: paragraphs open two characters in, clauses wrap there
    rows = _full_rows(_excerpt("reg_pbc_kyc_measures_2025_pdf.md", 20, 120))
    sections = [r[3] for r in rows if r[1] == "section"]
    assert (
        "与客户建立业务关系、为客户提供规定金额以上的一次性金融服务，包括单笔或者明显关联的累计交易"
        in sections
    )
    assert "识别客户身份，并通过来源可靠、独立的相关材料、数据或者信息核实客户身份" in sections
    articles = [r[2] for r in rows if r[1] == "article"]
    assert articles == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


def test_a_title_standing_alone_at_the_indented_width_keeps_its_body_apart() -> None:
    # PDF text of a plan: 48 cells, the same as an indented first line, then a paragraph of its own
    rows = _full_rows(_excerpt("plan_beijing_ecological_security_pattern_2021_pdf.txt", 270, 330))
    sections = [r[3] for r in rows if r[1] == "section"]
    assert "构建水生态安全格局，保障流域水生态系统服务" in sections
    assert "推进水土流失综合防治，加强山区水土保持能力" in sections


def test_wrap_width_of_text_with_spaces_inserted_by_the_pdf_is_the_edge_lines_stay_within() -> None:
    # law database print: 反洗钱监 督管理职责 — inserted spaces spread the widths of full lines
    text = _excerpt("law_anti_money_laundering_2024_pdf.md", 37, 240)
    rows = _full_rows(text)
    sections = [r[3] for r in rows if r[1] == "section"]
    assert (
        "查阅、复制金融机构与被检查事项有关的文件、资料，对可能被转移、隐匿或者毁损的文件、资料予以封存"
        in sections
    )


def _full_rows(text: str) -> list[list[object]]:
    return outline_rows(parse_markdown(text).outline)


# notice_payment_clearing_card_issuing_guideline_2024_ocr.md:53, 163, 335-356 (OCR of a scan)
LOST = [
    "第二章 ”基本要求",
    "第三章 ”银行卡申请及审核",
    "第二十六条 发卡银行在为单位和个人开立账户时，存在下列情形之一的，应当拒绝开户：",
    "(一 ) 对单位和个人身份信息存在疑义，要求出示辅助证件，单位和个人拒绝出示的;",
    "和个人重新核实身份后，可以恢复其业务。",
    "SOS ”银行卡开立及使用",
    "第二十七条 发卡银行不得有以下行为:",
]


def _restored(texts: list[str]) -> list[tuple[str, str, float] | None]:
    heads = [classify(t) for t in texts]
    restore_lost_headings(texts, heads)
    return [(h.kind, h.title, h.rank) if h is not None else None for h in heads]


def test_a_chapter_line_whose_label_ocr_lost_is_a_heading_at_the_chapters_level() -> None:
    assert _restored(LOST)[5] == ("heading", "银行卡开立及使用", RANK["chapter"])


def test_a_short_line_is_no_lost_chapter_when_repeated_or_the_articles_do_not_go_on() -> None:
    header = [*LOST[:2], "银行卡开立及使用", *LOST[2:5], "银行卡开立及使用", LOST[6]]
    assert _restored(header)[6] is None  # written twice: a running header, not a heading
    noisy = [*LOST[:2], "S ”银行卡开立及使用", *LOST[2:5], "SOS ”银行卡开立及使用", LOST[6]]
    assert _restored(noisy)[6] is None  # the same title under other noise: a running header too
    skipped = [*LOST[:6], "第三十条 发卡银行不得有以下行为:"]  # 二十六 → 三十: the numbering breaks
    assert _restored(skipped)[5] is None
    mid_sentence = [*LOST[:4], "和个人重新核实身份后，可以恢复其", *LOST[5:]]
    assert _restored(mid_sentence)[5] is None
    one_chapter = LOST[1:]
    assert _restored(one_chapter)[4] is None


def test_a_division_title_a_converter_left_bare_is_a_heading_at_the_divisions_level() -> None:
    # reg_shenzhen_data_regulation_2021.md:299-319: ### 第二节 lost its marker and label
    text = _excerpt("reg_shenzhen_data_regulation_2021.md", 299, 345)
    texts = [c.text for c in join_lines(markdown_source(text).blocks)]
    heads = [classify(t) for t in texts]
    restore_lost_headings(texts, heads)
    restored = [
        (t, h.rank) for t, h in zip(texts, heads, strict=True) if h is not None and h.kind == "heading"
    ]
    assert restored == [("市场培育", RANK["division"])]  # between 第一节 and 第三节


def test_a_cited_title_broken_across_lines_is_one_item_title() -> None:
    # plan_beijing_ecological_restoration_2021_pdf.txt:120-172 (a plan's list of sources)
    rows = _rows_of(_excerpt("plan_beijing_ecological_restoration_2021_pdf.txt", 120, 172))
    titles = {r[2]: r[3] for r in rows if r[1] == "item"}
    assert titles["9"] == "《中华人民共和国国民经济和社会发展第十四个五年规划和 2035 年远景目标纲要》"
    assert titles["13"] == "《全国重要生态系统保护和修复重大工程总体规划(2021-2035 年)》（2020 年）"
    assert titles["18"] == "《北京市浅山区保护规划（2017 年—2035 年）》（2020 年）"
    assert titles["14"] == "《北京市水土保持规划》（2017 年）"


def test_a_bracketed_note_or_open_title_only_joins_what_it_belongs_to() -> None:
    assert continues_citation(
        "9、《中华人民共和国国民经济和社会发展第十四个五年", "规划和 2035 年远景目标纲要》"
    )
    assert continues_citation("18、《北京市浅山区保护规划（2017 年—2035 年）》", "（2020 年）")
    assert not continues_citation("18、《北京市浅山区保护规划》", "（一）加强组织领导")  # a section
    assert not continues_citation("贯彻落实《纲要》", "各区要结合实际抓好落实。")
    assert not continues_citation("指标 | 《纲要》", "（2020 年）")  # table rows stay rows


def test_a_colon_title_runs_on_when_what_follows_is_no_goal_sentence() -> None:
    # notice_multi_guangzhou_outpatient_special_diseases_2019.txt:683 — 至少, not 至2025年
    heading = classify(
        "（一）症状标准：至少有下列2项并非继发于意识障碍、智能障碍、情感高涨或低落，单纯型另有规定："
    )
    assert heading is not None and heading.title.startswith("症状标准：至少有下列2项")
    goal = classify("（一）总体目标：至2025年，全省数字经济规模显著扩大。")
    assert goal is not None and goal.title == "总体目标"


def _rows_of(text: str) -> list[list[object]]:
    return outline_rows(parse_text(text).outline)


def test_a_page_number_run_together_with_an_item_number_is_split_by_the_page_count() -> None:
    # gangyao_shanghai_14th_pdf.txt:3266-3332: 14822、云、数、网、端、安 is item 22 on page 148
    lines = _excerpt("gangyao_shanghai_14th_pdf.txt", 3266, 3332).split("\n")
    texts = [b.text for b in clean_blocks(_blocks(*lines))]
    assert texts[0].startswith("将分散、闲置的生产资源集聚起")
    assert any(t.startswith("22、云、数、网、端、安。是指“一网统管”城市运行系统") for t in texts)
    assert any(t.startswith("28、三权分置。") for t in texts)
    assert texts[-1].startswith("动的能力。")


def test_a_spaced_roman_page_number_and_a_cover_date_before_the_preface_are_furniture() -> None:
    # plan_beijing_ecological_restoration_2021_pdf.txt:1-6 and 76-80 (PDF text of a plan)
    rows = _rows_of(_excerpt("plan_beijing_ecological_restoration_2021_pdf.txt", 1, 12))
    assert rows[0][1:] == ["heading", "", "前言"]
    assert is_page_marker("I I") and is_page_marker("II I ")
    assert not is_page_marker("II")  # a table cell (水质 II 类) as easily as a page number
    cleaned = clean_blocks(_blocks("第二节  生态赋能驱动，助力首都绿色高质量发展 ..... 22 ", "I I ", "正文"))
    assert [b.text for b in cleaned][1:] == ["正文"]


def test_an_appendix_title_a_converter_set_as_a_tables_first_row_is_its_heading() -> None:
    # govcn_guangzhou_family_doctor_2023_markitdown.md:169-170 (markitdown of a gov.cn page)
    blocks = markdown_source(_excerpt("govcn_guangzhou_family_doctor_2023_markitdown.md", 167, 172)).blocks
    rows = [b.text for b in blocks if b.row]
    heading = caption_row(rows[0])
    assert heading is not None and (heading.kind, heading.label) == ("appendix", "1")
    assert heading.title == "广州市家庭医生签约服务质量监测指标体系（2023年版）"
    assert caption_row(rows[1]) is None  # 一级指标 | 二级指标 | …: a header row
    assert caption_row("附件所列 | 2 | 3") is None and caption_row("|  | 附件2  分工表 |  |") is None


def test_a_letter_spaced_numeral_in_a_chapter_or_article_label_is_read() -> None:
    # letter-spaced prints: 第 一 章  总  则 (law_anti_money_laundering_2024_pdf.md sets 总  则 so);
    # the same spacing inside a two-character numeral
    for text, kind, label in (
        ("第 十 二 条 经营者以商业宣传", "article", "十二"),
        ("第二 十一条 发卡银行", "article", "二十一"),
        ("第 一 百 零 五 条 本法自公布之日起施行", "article", "一百零五"),
        ("第 十 一 章  附  则", "chapter", "十一"),
    ):
        heading = classify(text)
        assert heading is not None and (heading.kind, heading.label) == (kind, label)


def test_headings_run_together_on_one_line_are_read_one_by_one() -> None:
    # the layout legal databases give (第一章 总则 第一条 为了……), built from the real text of
    # law_anti_money_laundering_2024_pdf.md:38-40 and reg_pbc_kyc_measures_2025_pdf.md:66-69
    aml = _excerpt("law_anti_money_laundering_2024_pdf.md", 38, 40).split("\n")
    law = " ".join(line.strip() for line in aml[:2]) + "\n" + aml[2]
    assert [r[1:3] for r in _rows_of(law)] == [["chapter", "一"], ["article", "一"]]
    assert _rows_of(law)[0][3] == "总  则"
    kyc = " ".join(_excerpt("reg_pbc_kyc_measures_2025_pdf.md", 66, 68).split("\n"))
    assert kyc.startswith("第二章客户尽职调查 第一节一般规定 第七条有下列情形")
    assert [r[:3] for r in _rows_of(kyc)] == [
        [1, "chapter", "二"],
        [2, "division", "一"],
        [3, "article", "七"],
    ]
    # OCR of a plan: a part's title and its first section on one line
    plan = "一、重点任务 " + _excerpt("opinion_miit_future_industry_2024.md", 40, 40)
    assert [r[1:] for r in _rows_of(plan)] == [
        ["part", "一", "重点任务"],
        ["section", "一", "全面布局未来产业"],
    ]


def test_a_heading_is_not_split_where_what_follows_is_no_first_lower_heading() -> None:
    assert split_run_on("第二章 附 则 第二条 本办法自公布之日起施行。") == [
        "第二章 附 则",
        "第二条 本办法自公布之日起施行。",
    ]
    for text in (
        "一、总体要求 （二）基本原则",  # not the first section: text, or a wrong split
        "第一章 总则 .......... 1 第一节 一般规定 .......... 1",  # a contents line
        "一、坚持创新驱动，加快产业升级 （一）推进",  # a sentence, not a title
        "（一）在联网核查公民身份信息系统中留有相关可妖信息或",
        "（一）发展基础。截至2020年底，全省 1.建成基站",  # a title, then its body: no split
    ):
        assert split_run_on(text) == [text]


def test_a_dash_in_brackets_without_a_title_is_a_table_cell_not_an_unread_label() -> None:
    cells = clean_blocks(_blocks("（一）总体目标", "（二）主要指标", "（—）", "（—）", "三、重点任务"))
    assert [b.text for b in cells][2:4] == ["（—）", "（—）"]


def test_an_unreadable_part_numeral_takes_its_place_in_the_sequence_too() -> None:
    # the (=) misreading of notice_payment_clearing_card_issuing_guideline_2024_ocr.md in a part
    # label, over the parts of opinion_miit_future_industry_2024.md
    blocks = clean_blocks(
        _blocks("一、指导思想", "正文。", "=、主要目标", "正文。", "三、重点任务", "-、保障措施")
    )
    assert [b.text for b in blocks][2] == "二、主要目标"
    assert [b.text for b in blocks][5] == "四、保障措施"  # the list goes on to the end
    kept = clean_blocks(_blocks("一、指导思想", "=、主要目标", "二、重点任务"))
    assert kept[1].text == "=、主要目标"  # no room for it between 一 and 二


def test_a_glossary_at_a_reports_end_holds_terms_and_their_definitions() -> None:
    # report_sichuan_2026.txt:99-104: 名词解释 alone on its line after the closing paragraph;
    # each item is a term, its title ends at the colon before the definition
    rows = _rows(
        "（十）突出政府履职效能，切实加强自身建设。坚持把党的领导贯穿政府工作各领域全过程。\n"
        "严明纪律规矩。巩固拓展深入贯彻中央八项规定精神学习教育成果。\n"
        "各位代表！骐骥迎春至，万象启新程。我们要更加紧密地团结在以习近平同志为核心的党中央周围！\n"
        "名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n2.“两新”：是指大规模设备更新和消费品以旧换新。\n"
        "3.“自审自发”：2024年12月22日，国务院办公厅印发《关于优化完善地方政府专项债券管理机制的意见》，"
        "提出“开展专项债券项目‘自审自发’试点”。\n"
    )
    assert rows[1:] == [
        [1, "heading", "", "名词解释"],
        [2, "item", "1", "“两重”"],
        [2, "item", "2", "“两新”"],
        [2, "item", "3", "“自审自发”"],
    ]
    # report_guangdong_2026.txt:181-185: the glossary as an appendix, its name below the label
    rows = _rows(
        "附件2\n名词解释\n1.“四上”企业：\n现阶段统计工作实践中对达到一定规模、资质或限额的法人单位的一种习惯称谓。\n"
        "2.“双高计划”：\n是“中国特色高水平高职学校和专业建设计划”的简称，由教育部和财政部联合实施。\n"
    )
    assert rows == [
        [1, "appendix", "2", "名词解释"],
        [2, "item", "1", "“四上”企业"],
        [2, "item", "2", "“双高计划”"],
    ]


def test_a_box_header_repeated_at_the_next_pages_top_is_no_second_box() -> None:
    # gangyao_guizhou_14th_pdf_chapters5_14.md:43-101 (pdftotext -layout: the 专栏 runs over a page
    # break and its header is printed again after the page number and the form feed)
    text = (
        "     第三节   深化能源工业运行新机制\n     构建能源工业利益紧密联结机制。\n\n\n"
        "       专栏 3 基础能源和清洁高效电力产业重点项目\n  煤炭项目。“十三五”结转矿井：白布矿井、文家坝二矿一期。\n"
        "  新能源项目。打造乌江、北盘江、南盘江、红水河\n\n\n                                           - 19 -\n"
        "\f         专栏 3 基础能源和清洁高效电力产业重点项目\n 能源综合开发基地。推进六盘水、毕节、安顺等大型\n"
        " 发电等基地建设。\n\n\n\n\n    第六章   加快发展现代化工、基础材料和新型建材产业\n"
    )
    rows = [row[:3] for row in _rows(text)]
    assert rows == [[1, "division", "三"], [2, "column", "3"], [1, "chapter", "六"]]
    doc = parse_text(text)
    box = doc.outline[0].children[0]

    def text(node: Node) -> str:
        return " ".join([p.text for p in node.paragraphs] + [text(c) for c in node.children])

    assert "能源综合开发基地" in text(box)  # the next page's text goes on in the box


REAL = Path(__file__).parent / "fixtures/real/docs"


def test_a_saved_government_page_full_width_labels_attachment_list_and_file_links() -> None:
    # govcn_guangzhou_household_housing_security_2024.html (a saved gov.cn-style page, read by the
    # HTML reader): １．/（１） are items 1 and subitems 1; 附件： over １．… names the attachments;
    # the page's 相关附件 links (附件1：….doc) are no appendices; the signature stands before the footer
    from plantui.read import read_file

    doc = parse_source(read_file(REAL / "govcn_guangzhou_household_housing_security_2024.html")[1])
    rows = [row[:3] for row in outline_rows(doc.outline)]
    assert rows[-6:] == [
        [3, "item", "1"],
        [4, "subitem", "1"],
        [4, "subitem", "2"],
        [3, "item", "2"],
        [1, "part", "六"],
        [1, "part", "七"],
    ]
    assert not any(row[1] == "appendix" for row in rows)
    assert (doc.issuer, doc.doc_number, doc.issued) == (
        "广州市住房和城乡建设局",
        "穗建规字〔2024〕5号",
        "2024-03-04",
    )


def test_a_notice_whose_body_hands_on_the_document_it_names() -> None:
    # govcn_guangzhou_tianhe_hk_macao_youth_2023.html blocks 3-12: 《X》已经区委、区政府同意，现印发实施,
    # then X's articles with no title line of their own
    doc = parse_text(
        "穗天科工信规字〔2023〕1号\n广州市天河区科技工业和信息化局 广州市天河区人力资源和社会保障局 中共广州市天河区委统战部\n"
        "关于印发广州市天河区深化支持港澳青年创新创业高质量发展实施办法的通知\n区属各单位：\n"
        "《广州市天河区深化支持港澳青年创新创业高质量发展实施办法》已经区委、区政府同意，现印发实施。执行中如有问题，请径向相关主管部门反映。\n"
        "广州市天河区科技工业和信息化局\n广州市天河区人力资源和社会保障局\n中共广州市天河区委统战部\n2023年8月9日\n"
        "第一条 为全面落实《粤港澳大湾区发展规划纲要》，结合天河区实际，制定本办法。\n"
        "第二条 本办法所称港澳青年，是指45周岁以下，具有中国国籍的香港、澳门特别行政区居民。\n"
    )
    assert doc.title == "广州市天河区深化支持港澳青年创新创业高质量发展实施办法"
    assert (
        doc.issuer
        == "广州市天河区科技工业和信息化局,广州市天河区人力资源和社会保障局,中共广州市天河区委统战部"
    )


def test_a_markdown_contents_heading_is_no_part_of_the_outline() -> None:
    # law_administrative_penalty_2021.md:1-24
    rows = _rows(
        "# 中华人民共和国行政处罚法\n\n（1996年3月17日第八届全国人民代表大会第四次会议通过 "
        "2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）\n\n## 目录\n\n- 第一章 总则\n"
        "- 第二章 行政处罚的种类和设定\n- 第五章 行政处罚的决定\n  - 第一节 一般规定\n- 第八章 附则\n\n---\n\n"
        "## 第一章 总则\n\n**第一条** 为了规范行政处罚的设定和实施，制定本法。\n",
        markdown=True,
    )
    assert [row[:3] for row in rows] == [[1, "chapter", "一"], [2, "article", "一"]]


def test_items_whose_titles_open_with_a_number_are_no_decimal_sections() -> None:
    # govcn_guangzhou_public_rental_allocation_notice_2025.html blocks 13-20: 1.3人户家庭 is item 1
    # (3人户家庭), not section 1.3; 3.2人户中… is item 3 though part 三 could take a section 3.2
    rows = _rows(
        "三、分配原则\n（一）家庭保障人口与户型对应\n根据家庭保障人口与户型对应原则，两房一厅房源面向下列家庭分配：\n"
        "1.3人户家庭；\n2.2人户中2人均年满18周岁的家庭（夫妻除外）；\n3.2人户中父女或母子结构的家庭；\n"
        "4.4人户及以上家庭如选择家庭保障人口匹配户型以下的户型（即两房一厅），需签订户型选择承诺书。\n"
        "（二）按提交意向房源点先后顺序随机摇房\n"
    )
    assert rows == [
        [1, "part", "三", "分配原则"],
        [2, "section", "一", "家庭保障人口与户型对应"],
        [3, "item", "1", "3人户家庭"],
        [3, "item", "2", "2人户中2人均年满18周"],
        [3, "item", "3", "2人户中父女或母子结构的"],
        [3, "item", "4", "4人户及以上家庭如选择家"],
        [2, "section", "二", "按提交意向房源点先后顺序"],
    ]


def test_pdf_text_that_runs_the_next_article_onto_the_line_and_glues_lines() -> None:
    # reg_guangzhou_underground_space_2019_pdf.txt (PDF text wrapped at about 52 cells, a few
    # lines holding two source lines): 第四条, 第三十二条 and 第四十六条 begin after the last sentence
    # of the article before them, on its line; every 第X条 after a 。 is an article only in turn
    from plantui.read import read_file

    doc = parse_source(read_file(REAL / "reg_guangzhou_underground_space_2019_pdf.txt")[1])
    rows = outline_rows(doc.outline)
    articles = [row[2] for row in rows if row[1] == "article"]
    assert (
        len(articles) == 49 and articles[3] == "四" and articles[31] == "三十二" and articles[45] == "四十六"
    )
    titles = [row[3] for row in rows if row[1] == "section"]
    assert "原土地使用权人利用自有用地开发建设地下空间项目的" in titles  # wrapped after 空间 / 项目的。
    # a law's reference to an article after a sentence is no article (本办法第三十八条规定…)
    excerpt = parse_text(
        "第四十五条 违反本办法规定的，由有关部门依法处理。 第三十八条规定的义务人应当整改。\n第四十六条 地下空间所有人应当履行义务。\n"
    )
    assert [n.label for n in excerpt.outline] == ["四十五", "四十六"]


def test_a_volume_title_wrapped_before_its_last_seven_characters() -> None:
    # gangyao_guizhou_14th_pdf_volumes9_11.md:1-10 (pdftotext -layout: the 篇's title runs on
    # to an indented second line)
    rows = _rows(
        "\x0c第九篇      坚持扩大内需战略基点，高质量建设国家内陆开\n         放型经济试验区\n\n\n"
        "    实施更大范围、更宽领域、更深层次对外开放，培育完善市\n场体系，注重需求侧管理，积极扩大消费和有效投资，大力发展\n"
        "开放型经济，主动参与构建以国内大循环为主体、国内国际双循\n环相互促进的新发展格局。\n\n"
        "          第三十六章   积极融入国内国际双循环\n\n    立足国内大循环，提升供给体系对需求的适配性。\n"
    )
    doc = parse_text(
        "\x0c第九篇      坚持扩大内需战略基点，高质量建设国家内陆开\n         放型经济试验区\n\n\n"
        "    实施更大范围、更宽领域、更深层次对外开放，培育完善市场体系。\n"
    )
    assert doc.outline[0].title == "坚持扩大内需战略基点，高质量建设国家内陆开放型经济试验区"
    assert [row[:3] for row in rows] == [[1, "volume", "九"], [2, "chapter", "三十六"]]


def test_a_converted_pages_menus_above_its_title_and_its_bold_unnumbered_headings() -> None:
    # tests/fixtures/converted/docs/html_peoples_daily_henan_new_momentum_2024_markitdown.md (markitdown
    # of a 人民日报 page): the portal's menus are ### headings above the article's # title; the
    # article's own headings are bold lines between its paragraphs; a ranked list of links follows
    doc = parse_markdown(
        "### 人民日报报系\n\n* [人民日报](http://paper.people.com.cn/)\n\n### 旗下网站\n\n* [人民网](http://x.cn/)\n\n"
        "### 河南着力培育新动能塑造新优势\n\n# 在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）\n\n"
        "本报记者 王乐文 方 敏\n\n5月9日，国务院新闻办举行“推动高质量发展”系列主题新闻发布会。\n\n"
        "**扛稳粮食安全重任，加快建设农业强省**\n\n　　王凯介绍，河南做好良田、良种、良机、良法融合一体。\n\n"
        "　　向良田要产量。2022年起，河南在已经建成8500多万亩高标准农田的基础上推进建设。\n\n"
        "**系统谋划推进改革，科技创新跑出加速度**\n\n　　王凯介绍，面对新一轮科技革命和产业变革，河南系统谋划。\n\n"
        "**生态优先、绿色发展，推进黄河生态保护治理**\n\n　　河南省委常委、常务副省长孙守刚介绍，河南深入贯彻。\n\n"
        "　　《 人民日报 》（ 2024年05月10日 04 版）\n\n### 热门排行\n\n"
        "* 6[“假日经济”再升温 “五一”文旅市场活…](/n1/2024/0506/c1004-40229897.html)\n"
        "* 7[消费品以旧换新激活“假日经济”一池春水](/n1/2024/0504/c1004-40228850.html)\n"
        "* 8[能工巧匠“亮绝活” 用“一技之长”书写…](/n1/2024/0503/c1004-40228406.html)\n"
    )
    assert [n.title for n in doc.outline][:3] == [
        "扛稳粮食安全重任，加快建设农业强省",
        "系统谋划推进改革，科技创新跑出加速度",
        "生态优先、绿色发展，推进黄河生态保护治理",
    ]
    assert all(not n.title.startswith("7") for n in doc.outline)


def test_markdown_without_headings_keeps_its_attachment_as_an_appendix() -> None:
    # tests/fixtures/converted/docs/html_lishui_veterans_placement_notice_2023_markitdown.md:20-40
    doc = parse_markdown(
        "莲都区人民政府，市直各单位：\n\n根据《退役士兵安置条例》，现将安置任务下达给你们，请认真抓好落实。\n\n"
        "附件：2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务\n\n丽水市人民政府\n\n2023年10月16日\n\n"
        "（此件公开发布）\n\n附件\n\n2023年市区符合政府安排工作条件\n\n退役士兵和退出消防员安置任务\n\n"
        "|  |  |  |  |\n| --- | --- | --- | --- |\n| 序号 | 安置单位名称 | 安置  任务 | 岗位  类别 |\n"
    )
    assert [(n.kind, n.title) for n in doc.outline] == [
        ("appendix", "2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务")
    ]


def test_an_empty_attachment_field_over_a_pages_footer_is_no_appendix() -> None:
    # tests/fixtures/converted/docs/html_wanzai_statistical_communique_2015_markitdown.md:141-160: the
    # bulletin's bracketed signature, the page's empty 附件： field, its related-pages list and footer
    doc = parse_markdown(
        "**十二、人口与人民生活**\n\n据公安年报统计，2015年年末全县总人口为565012人。\n\n"
        "职工工资收入增加，人民生活水平提高。\n\n　　（万载县统计局）\n\n附件：\n\n### 关联稿件：\n\n"
        "扫一扫在手机打开当前页\n\n【返回顶部】【关闭本页】\n\n"
        "上一篇：[宜春市2016年国民经济和社会发展统计公报](http://www.wanzai.gov.cn/a.shtml)\n\n"
        "[中国政府网](http://www.gov.cn/)\n[江西省人民政府](http://www.jiangxi.gov.cn/)\n\n"
        "上级政府网站\n:   [中国政府网](http://www.gov.cn/)\n"
    )
    assert [(n.kind, n.title) for n in doc.outline] == [("part", "人口与人民生活")]
    assert doc.issuer == "万载县统计局"


def test_a_reports_contents_with_a_colon_its_introduction_and_closing_note() -> None:
    # tests/fixtures/formats/html_think_tank_chinese_modernization_report_2024.html as read, lines 1-40
    # and the end: 《…》全文 over the title, 目 录： (with a colon), 导 言, chapters, 结语, 编写说明与致谢
    doc = parse_text(
        "《中国式现代化发展之路》全文\n中国式现代化发展之路\n目 录：\n导 言\n第一章 中国式现代化的发展历程\n"
        "一、百年征程铸就时代新辉煌\n二、中国式现代化改变了中国\n结语\n编写说明与致谢\n导 言\n"
        "18世纪中期，“珍妮纺纱机”拉开了工业革命的大幕，西方国家从此开启了现代化进程。\n"
        "第一章 中国式现代化的发展历程\n一、百年征程铸就时代新辉煌\n中国共产党成立以来，团结带领人民不懈奋斗。\n"
        "二、中国式现代化改变了中国\n中国式现代化深刻改变了中国。\n结语\n道阻且长，行则将至。\n"
        "编写说明与致谢\n本报告由新华社国家高端智库课题组编写。\n"
    )
    assert doc.title == "中国式现代化发展之路"
    assert [(n.kind, n.title) for n in doc.outline] == [
        ("heading", "导言"),
        ("chapter", "中国式现代化的发展历程"),
        ("heading", "结语"),
        ("heading", "编写说明与致谢"),
    ]


def test_a_section_label_whose_opening_bracket_ocr_lost_or_misread() -> None:
    """The 北京 2024 report PDF OCR'd with tesseract (chi_sim, 200 dpi): （一） comes out as 一),
    〈四) or 《五), and (六) with ASCII brackets (tests/fixtures/converted, lines 224, 314, 338, 371)."""
    for line, label in (
        ("一) 持续提升首都功能，推动京津囊协同发展取得新的更大进展", "一"),
        ("〈四) 全面提升“两区”建设水平，在更高起点上推进改革开放", "四"),
        ("《五) 统筹扩大内需和深化供给侧结构性改革，巩固和增强经济回升向好态势", "五"),
        ("(六) 深入推进全国文化中心建设，繁荣兴盛首都文化", "六"),
    ):
        heading = classify(line)
        assert heading is not None and (heading.kind, heading.label) == ("section", label), line
    assert classify("《五年规划》提出") is None


def test_a_news_pages_stated_headline_and_a_picture_caption() -> None:
    # tests/fixtures/formats/html_sina_news_city_tram_2024.html: the page states its headline (og:title,
    # <title>), a sentence with ：and ，; the article's headings; a picture's credit under a photo
    path = Path(__file__).parent / "fixtures/formats/html_sina_news_city_tram_2024.html"
    from plantui.read import read_file

    doc = parse_source(read_file(path)[1], path.stem)
    assert doc.title == "城市有轨电车之困：一边争相上马，一边接连叫停"
    assert [n.title for n in doc.outline] == ["从萌芽到第三", "停工、停运或拆除", "因地制宜是关键"]


def test_a_chapter_label_ocr_read_as_tong() -> None:
    """The shared format fixture guangdong_provincial_egov_project_measures_2020.pdf OCR'd with
    tesseract: 第一章 总 则 and 第六章 监 督 come out as 第一童 总 则, 第六童 监 督."""
    for line, label, title in (("第一童 总 则", "一", "总则"), ("第六童 监 督", "六", "监督")):
        heading = classify(line)
        assert heading is not None
        assert (heading.kind, heading.label, heading.title.replace(" ", "")) == ("chapter", label, title)


def test_a_saved_pages_logo_as_its_markdown_title_yields_to_the_documents() -> None:
    # /tmp/conv2 pandoc of tests/fixtures/formats/html_wanzai_statistical_communique_2022.html (lines
    # 23-140, text only): # 万载县人民政府- (the site's logo), # 统计局, then the bulletin's own # title
    doc = parse_markdown(
        "# 万载县人民政府-\n\n# 统计局\n\n网站无障碍关怀版\n\n# 万载县2022年国民经济和社会发展统计公报\n\n"
        "2022年，面对复杂严峻的外部环境，全县经济运行总体平稳。\n\n**一、综合**\n\n初步核算，全年地区生产总值增长4.5%。\n\n"
        "**二、农业**\n\n全年粮食种植面积稳定。\n"
    )
    assert doc.title == "万载县2022年国民经济和社会发展统计公报"
    assert [(n.kind, n.title) for n in doc.outline] == [("part", "综合"), ("part", "农业")]


def test_a_file_links_name_cut_before_its_extension_is_no_subitem() -> None:
    # /tmp/conv2 pandoc of tests/fixtures/formats/html_lishui_veterans_placement_notice_2023.html, lines
    # 559-561 as the Markdown reader gives them: the download link's name wrapped, (1).pdf left alone
    doc = parse_markdown(
        "丽水市人民政府关于下达安置任务的通知\n\n各县（市、区）人民政府：\n\n现将安置任务下达给你们。\n\n"
        "附件：2023年市区安置任务\n\n丽水市人民政府\n\n2023年10月16日\n\n附件\n\n2023年市区安置任务\n\n"
        "| 序号 | 安置单位名称 |\n| --- | --- |\n| 1 | 市民政局 |\n\n"
        "丽水市人民政府关于下达安置任务的通知\n\n(1).pdf\n"
    )
    assert [(n.kind, n.title, len(n.children)) for n in doc.outline] == [
        ("appendix", "2023年市区安置任务", 0)
    ]


def test_wrapped_table_cells_two_lines_from_a_row_are_no_headings() -> None:
    # tests/fixtures/formats/pdf_huaian_gov_info_disclosure_report_2024.pdf, the table of 三、 (reader lines
    # 64-70): a row, its wrapped cell 息公开申请, then （六）其 / 2、申请人逾期未按收费通知要 / 他处理, the next row
    from plantui.read import read_file

    path = Path(__file__).parent / "fixtures/formats/pdf_huaian_gov_info_disclosure_report_2024.pdf"
    doc = parse_source(read_file(path)[1], path.stem)

    def titles(nodes: tuple[Node, ...]) -> list[str]:
        return [t for n in nodes for t in [n.title, *titles(n.children)]]

    found = titles(doc.outline)
    assert "其" not in found and "申请人逾期未按收费通知要" not in found
    assert len(found) == 11


def test_a_reports_last_part_whose_label_the_scraper_lost() -> None:
    # tests/fixtures/real/docs/report_guiyang_2025.md:105-121 (二、2025年工作安排 ends with （八）; the
    # closing part 加强政府自身建设 stands alone, without 三、)
    doc = parse_markdown(
        "**一、2024年工作回顾**\n\n过去一年，全市经济稳中有进。\n\n**二、2025年工作安排**\n\n今年工作的总体要求是稳中求进。\n\n"
        "（八）坚守底线防风险、保安全，确保社会大局安全稳定\n\n一是防范化解重大风险。加强全口径地方债务监测监管。\n\n"
        "三是确保社会和谐稳定。坚持和发展新时代“枫桥经验”。\n\n加强政府自身建设\n\n"
        "今年经济社会发展任务重挑战多，我们要努力建设人民满意的政府。\n\n坚持政治引领。衷心拥护“两个确立”。\n\n"
        "各位代表！志不求易者成，事不避难者进。\n"
    )
    assert [(n.kind, n.title) for n in doc.outline] == [
        ("part", "2024年工作回顾"),
        ("part", "2025年工作安排"),
        ("heading", "加强政府自身建设"),
    ]


# notice_pcac_acquiring_outsourcing_opinion_2023_ocr.md:74-90, 205-209, 255-264 (OCR of a scanned
# PDF: the converter's page markers as Markdown headings, 。 read for an item's dot, noise in a label)
PCAC_OCR = """一、发展现状和总体要求

（二） 总体要求

1。 指导思想

坚持以习近平新时代中国特色社会主义思想为指导， 深入贯

## 第04页

彻习近平总书记关于数字金融和网络安全治理的重要思想， 认真

2。 基本原则

坚持支付为民初心。 着眼长远、 把握大势，坚守“支付为民”

（七 ） 强化风险管控，确保安全运营

收单机构应将外包业务风险纳入本机构风险管理

（和八） 强化信息安全，规范聚合业务

强化信息安全。收单机构与聚合支付服务机构开

## 第10页

三、外包机构应坚持合规经营稳健发展
"""


def test_ocr_page_markers_set_as_markdown_headings_are_furniture() -> None:
    rows = _rows(PCAC_OCR, markdown=True)
    assert not [r for r in rows if r[1] == "heading"]
    assert rows[0][:3] == [1, "part", "一"]


def test_an_item_dot_read_as_a_full_stop_and_noise_in_a_section_label() -> None:
    rows = _rows(PCAC_OCR, markdown=True)
    assert [r[:3] for r in rows] == [
        [1, "part", "一"],
        [2, "section", "二"],
        [3, "item", "1"],
        [3, "item", "2"],
        [2, "section", "七"],
        [2, "section", "八"],
        [1, "part", "三"],
    ]
    assert rows[2][3] == "指导思想"
    # a lone 1。 with no second one written the same way is no item; nor is noise outside the numbering
    lone = _rows(
        "（一） 发展现状\n\n1。 指导思想\n\n坚持以习近平新时代中国特色社会主义思想为指导。\n\n（和八） 强化信息安全，规范聚合业务\n"
    )
    assert [r[:3] for r in lone] == [[1, "section", "一"]]


# law_administrative_reconsideration_2023_print_pdf.txt:1-5, 11-14, 29-34 (a browser's print-to-PDF
# of a gov.cn page: its print header on every page, bold headings extracted with each character twice)
PRINTED_TWICE = """2024/1/30 上午10:40 中华人民共和国行政复议法__中国政府网
中华人民共和国行政复议法
2023-09-01 21:50 来源： 新华社
新华社北京9月1日电
中中华华人人民民共共和和国国行行政政复复议议法法
目目录录
第一章 总则
第二章 行政复议申请
第一节 行政复议范围
第第一一章章 总总则则
https://www.gov.cn/govweb/yaowen/liebiao/202309/content_6901584.htm 1/15

2024/1/30 上午10:40 中华人民共和国行政复议法__中国政府网
第一条 为了防止和纠正违法的或者不当的行政行为，保护公民、法人和其
他组织的合法权益，根据宪法，制定本法。
第第二二章章 行行政政复复议议申申请请
第一节 行政复议范围
第二条 公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益，
向行政复议机关提出行政复议申请，适用本法。
"""


def test_bold_headings_extracted_twice_over_are_read_once() -> None:
    cleaned = clean_blocks(_blocks("第第一一章章 总总则则", "目目录录", "谢谢。", "2020年12月"))
    assert [b.text for b in cleaned] == ["第一章 总则", "目录", "谢谢。", "2020年12月"]
    doc = parse_text(PRINTED_TWICE)
    assert doc.title == "中华人民共和国行政复议法"
    assert [(n.kind, n.label, n.title, n.line) for n in doc.outline] == [
        ("chapter", "一", "总则", 10),
        ("chapter", "二", "行政复议申请", 16),
    ]
    assert [(n.kind, n.label) for n in doc.outline[1].children] == [("division", "一")]


def test_a_page_number_between_dashes_glued_to_a_page_s_first_line_is_cut_off() -> None:
    # notice_pbc_precious_metals_aml_measures_2025_pdf.md:77-80, 327-328 (PDF text)
    cleaned = clean_blocks(
        _blocks(
            "（四）组织开展行业反洗钱研究、培训和宣传；",
            "-4-（五）向有关部门移送反洗钱工作违法违规线索；",
            "-9-资金或者资产来源和用途等信息，必要时可以要求客户",
            "-14-第三十四条本办法所称的贵金属，是指黄金、白银、铂",
            "-2-附件",
        )
    )
    assert [b.text[:8] for b in cleaned] == [
        "（四）组织开展行",
        "（五）向有关部门",
        "资金或者资产来源",
        "第三十四条本办法",
        "附件",
    ]


def test_justified_pdf_text_whose_paragraphs_open_at_two_widths_joins_both() -> None:
    # notice_pbc_precious_metals_aml_measures_2025_pdf.md: wrapped at 52 cells; a paragraph's first
    # line ends at 48 cells, an article's (label glued to its text) at 46, about as often each
    from plantui.read import read_file

    path = Path(__file__).parent / "fixtures/real/docs/notice_pbc_precious_metals_aml_measures_2025_pdf.md"
    doc = parse_source(read_file(path)[1], path.name)
    chapter = doc.outline[1]
    article = chapter.children[0]
    assert (chapter.label, article.label) == ("二", "八")
    assert [s.title for s in article.children][:2] == [
        "统筹贵金属和宝石交易场所、行业自律组织开展反洗钱工作",
        "识别与评估行业洗钱风险，及时发布风险提示",
    ]
    assert doc.issuer == "中国人民银行"


def test_a_part_headed_attachments_lists_them_and_holds_no_items() -> None:
    # notice_guizhou_payment_inclusion_consultation_2025.md:103-119
    rows = _rows(
        "## 五、意见反馈方式\n\n社会各界人士如有修改意见或建议，请于2025年6月12日前通过以下方式反馈：\n\n"
        "1. **电子邮件**：发送至中国人民银行贵州省分行邮箱\n\n3. **联系电话**：0851-85916020\n\n---\n\n"
        "## 六、附件\n\n1. 《关于印发2025年贵州省支付普惠工作指引的通知（征求意见稿）》\n\n2. 公平竞争审查自我评估表\n",
        markdown=True,
    )
    assert [r[:3] for r in rows] == [[1, "part", "五"], [2, "item", "1"], [2, "item", "3"], [1, "part", "六"]]


def test_an_ascii_full_stop_after_chinese_ends_a_title() -> None:
    # notice_pbc_payment_terminals_2021_pdf.md:20 written with the ASCII marks a font left
    # (perturb.py ascii); a decimal (2.5万) and a file's extension (…限额.docx) are no full stop
    heading = classify("1.银行卡受理终端生产与登记管理. 1台银行卡受理终端只能对应 1个受理终端序列号.")
    assert heading is not None and (heading.kind, heading.title) == ("item", "银行卡受理终端生产与登记管理")
    heading = classify("（一）全市城乡最低生活保障标准为每人每月1309.5元。")
    assert heading is not None and heading.title == "全市城乡最低生活保障标准为每人每月1309.5元"
    heading = classify("附件：1.申请公共租赁住房保障家庭收入及财产限额.docx")
    assert heading is not None and heading.title.endswith(".docx")


# gangyao_guizhou_14th_pdf.md:353-359 (pdftotext text kept as .md: the page number - 8 - reads as a
# Markdown list item "8 -", then a form feed opens the next page)
GUIZHOU_PAGE = (
    "    ——经济发展迈上新台阶。在质量效益明显提升的基础上，\n"
    "保持经济增速高于全国平均水平，地区生产总值年均增长 7%左\n"
    "右，到 2025 年达到 2.6 万亿元左右，人均达到 7 万元左右，其\n\n\n- 8 -\n"
    "\f中一二三产增加值分别年均增长 5%左右、8%左右和 7.5%左右。\n"
)


def test_a_dashed_page_number_read_as_a_markdown_list_item_is_furniture() -> None:
    assert is_page_marker("8 -") and is_page_marker("- 8 -")
    assert not is_page_marker("8") and not is_page_marker("8-10")
    doc = parse_markdown(GUIZHOU_PAGE)
    text = "".join(p.text for p in doc.preamble) + "".join(p.text for n in doc.outline for p in n.paragraphs)
    assert "人均达到 7 万元左右，其中一二三产增加值" in text and "8 -" not in text


def _wrap_at(text: str, width: int) -> str:
    """Lines hard-wrapped at ``width`` terminal cells, as a PDF converter (benchmarks/perturb.py) cuts them."""
    import unicodedata

    out = []
    for line in text.split("\n"):
        current, used = "", 0
        for char in line:
            cells = 2 if unicodedata.east_asian_width(char) in "WF" else 1
            if used + cells > width and current:
                out.append(current)
                current, used = "", 0
            current, used = current + char, used + cells
        out.append(current)
    return "\n".join(out)


def test_a_section_title_exactly_as_wide_as_the_page_stands_alone_like_its_sibling() -> None:
    # report_hebei_2026.txt:42-63 wrapped at 40 cells: （二）充分挖掘内需潜力，推动经济稳定增长 fills
    # the line to the cell, as its siblings (三)-(六) do; (一)'s title ends short on the line below
    # (…京津冀协 / 同发展), so they stand alone and 促进消费扩容升级。… opens (二)'s paragraph
    source = Path(__file__).parent / "fixtures/real/docs/report_hebei_2026.txt"
    text = _wrap_at("\n".join(source.read_text(encoding="utf-8").split("\n")[41:63]), 40)
    assert "（二）充分挖掘内需潜力，推动经济稳定增长\n促进消费扩容升级。" in text
    titles = [(row[1], row[3]) for row in outline_rows(parse_text(text).outline) if row[1] == "section"]
    assert titles == [
        ("section", "全力办好国家大事，纵深推进京津冀协同发展"),
        ("section", "充分挖掘内需潜力，推动经济稳定增长"),
        ("section", "强化创新驱动发展，加速新旧动能转换"),
        ("section", "全面深化改革开放，持续优化营商环境"),
        ("section", "加快乡村全面振兴，促进城乡融合发展"),
        ("section", "切实增进百姓福祉，保持社会大局稳定"),
    ]


def test_a_reports_unlabelled_part_titles_above_its_numbered_headings() -> None:
    # report_gansu_2026.txt lines 1-60: “十四五”时期工作回顾 / “十五五”时期的主要目标任务 / 2026年重点工作,
    # each alone between paragraphs before the first numbered heading (（一）放大促消费扩投资政策效应)
    source = Path(__file__).parent / "fixtures/real/docs/report_gansu_2026.txt"
    doc = parse_text("\n".join(source.read_text(encoding="utf-8").split("\n")[:60]))
    rows = [(row[0], row[1], row[3]) for row in outline_rows(doc.outline)]
    assert rows[:5] == [
        (1, "heading", "“十四五”时期工作回顾"),
        (1, "heading", "“十五五”时期的主要目标任务"),
        (1, "heading", "2026年重点工作"),
        (2, "section", "放大促消费扩投资政策效应"),
        (2, "section", "加快建设现代化产业体系"),
    ]


def test_justified_pdf_text_with_a_contents_page_is_read_at_its_wrap_width() -> None:
    # gangyao_guizhou_14th_pdf.md (pdftotext of the 贵州 纲要): lines of 50-58 cells (spaces around
    # figures), tables and 专栏 lines of 80; its contents page (目 录, entries ending ……- 14 -) neither
    # hides the width nor runs on into the entries: 制造 / 业增加值… is one sentence, no heading
    from plantui.read import read_file

    path = Path(__file__).parent / "fixtures/real/docs/gangyao_guizhou_14th_pdf.md"
    doc = parse_source(read_file(path)[1], path.name)
    titles = [row[3] for row in outline_rows(doc.outline)]
    texts = [p.text for n in _nodes(doc.outline) for p in n.paragraphs]
    assert any("制造业增加值占地区生产总值比重达到 25%以上" in t for t in texts)
    assert not any(n.title.startswith("业增加值") for n in _nodes(doc.outline))
    assert not any(t.startswith("加大现代化基础设施") for t in titles)  # a contents entry (…能力- 110 -)
    assert doc.issued == "2021-01-29"
    lines = join_lines(
        markdown_source(
            "目 录\n\n第一篇 “十三五”时期贵州经济社会发展取得历史性成就........................- 1 -\n"
        ).blocks
    )
    assert [c.text for c in lines][:1] == ["目 录"]


def _nodes(nodes: tuple[Node, ...]) -> list[Node]:
    return [x for n in nodes for x in (n, *_nodes(n.children))]


def test_the_glossary_of_a_named_text_gives_terms_as_item_titles() -> None:
    # report_jiangxi_2026.txt lines 82-86: 附件 / 《政府工作报告》有关内容名词注释 / 1.“2030启航计划”：面向…
    text = (
        "各位代表！大道至简，实干为要。让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写中国式现代化江西篇章！\n"
        "附件\n《政府工作报告》有关内容名词注释\n"
        "1.“2030启航计划”：面向2030年及长远发展，发挥有组织基础研究先导与源头作用的科技专项计划。\n"
        "2.“四级三类”国土空间规划：“四级”为省、市、县、乡，“三类”指总体规划、详细规划和专项规划。\n"
    )
    rows = [(row[1], row[3]) for row in outline_rows(parse_text(text).outline)]
    assert rows == [
        ("appendix", "《政府工作报告》有关内容名词注释"),
        ("item", "“2030启航计划”"),
        ("item", "“四级三类”国土空间规划"),
    ]


def test_a_wrapped_sentences_repeated_label_does_not_hide_a_titles_siblings() -> None:
    # report_yunnan_2026.txt:16-67 wrapped at 34 cells: 一、“十四五”时期和2025年工作回顾 fills 32 of 34
    # cells; a sentence wrapped before …第一、优质鲜切花… puts 一、 at a line's start in between, which
    # must not end the series 一、 / 二、 / 三、 whose short siblings show the titles stand alone
    source = Path(__file__).parent / "fixtures/real/docs/report_yunnan_2026.txt"
    text = _wrap_at("\n".join(source.read_text(encoding="utf-8").split("\n")[15:67]), 34)
    assert "\n一、优质鲜切花" in text
    parts = [row[3] for row in outline_rows(parse_text(text).outline) if row[1] == "part"]
    assert parts[0] == "“十四五”时期和2025年工作回顾"


def test_a_file_name_cut_at_a_wrapped_link_is_no_item() -> None:
    # notice_shanghai_tech_services_opinions_2025.md line 84 wrapped at 34 cells: the attachment's link
    # (…若干意见》.pdf](/cmsres/a4/…c3cf28688.pdf )) leaves 88.pdf ) at a line's start
    assert classify("88.pdf )") is None
    assert classify("2.PDF文件格式要求") is not None  # a title that names a format is one


def test_a_run_in_lists_item_wrapped_to_a_lines_start_stays_in_its_paragraph() -> None:
    # report_guizhou_2025.md line 255 wrapped at 34 cells: the 十件民生实事 (1)-(10) run on in one
    # paragraph; （8）提升普通公路本质安全水平，实 opens a line, its (7) inside the lines before
    source = Path(__file__).parent / "fixtures/real/docs/report_guizhou_2025.md"
    line = source.read_text(encoding="utf-8").split("\n")[254]
    text = _wrap_at(line, 34)
    assert "\n（8）提升普通公路本质安全水平" in text
    assert not [row for row in outline_rows(parse_text(text).outline) if row[1] == "subitem"]


def test_a_two_clause_title_as_wide_as_the_page_over_a_line_of_prose_with_commas_only() -> None:
    # report_xinjiang_2026.txt:54-74 wrapped at 40 cells: （一）坚持守住底线，坚决维护社会大局稳定 fills
    # the line, 始终把维护社会稳定放在首位，落实维稳工作 below it runs on with commas only; (二)-(八)
    # end their titles short on the next line, so (一) and (九) stand alone too
    source = Path(__file__).parent / "fixtures/real/docs/report_xinjiang_2026.txt"
    text = _wrap_at("\n".join(source.read_text(encoding="utf-8").split("\n")[53:74]), 40)
    assert "（一）坚持守住底线，坚决维护社会大局稳定\n始终把维护社会稳定放在首位，落实维稳工作\n" in text
    sections = [row[3] for row in outline_rows(parse_text(text).outline) if row[1] == "section"]
    assert sections[0] == "坚持守住底线，坚决维护社会大局稳定"
    assert "坚持民生为大，持续增进各族群众福祉" in sections


def test_a_titles_last_word_alone_with_its_full_stop_ends_the_title() -> None:
    # notice_guizhou_payment_inclusion_consultation_2025.md lines 61-69 wrapped at 40 cells (a short
    # Markdown file: no wrap width to measure): 3. 落实到位做好政策宣传，营造良好舆论氛 / 围。
    text = (
        "1. 加强组织领导，明确责任分工。\n\n2. 强化督促指导，确保各项工作。\n\n"
        "3. 落实到位做好政策宣传，营造良好舆论氛\n围。\n\n4. 建立长效机制，推动支付普惠工作持续深\n入开展。\n"
    )
    titles = [row[3] for row in outline_rows(parse_markdown(text).outline)]
    assert titles[2] == "落实到位做好政策宣传，营造良好舆论氛围"


def test_endnotes_under_a_bare_notes_label_are_items_titled_by_their_term() -> None:
    # report_hainan_2026.txt:202-209: 注释 (no colon) after the closing paragraph, each note
    # ［N］term： with its explanation on the next line; the body cites them as ［1］
    rows = _rows(
        "各位代表，新的蓝图已经绘就，新的梦想催人奋进。让我们更加紧密地团结在以习近平同志为核心的党中央周围！\n"
        "注释\n［1］一降三减：\n全年火灾起数总体下降，火灾亡人数、伤人数减少，财产损失减少。\n"
        "［2］四大主导产业：\n旅游业、现代服务业、高新技术产业、热带特色高效农业。\n"
        "［3］五互一共：\n中外互鉴、文理互通、学科互融、课程互选、学分互认、管理共通。\n"
    )
    assert rows == [
        [1, "heading", "", "注释"],
        [2, "item", "1", "一降三减"],
        [2, "item", "2", "四大主导产业"],
        [2, "item", "3", "五互一共"],
    ]
    # the same label with no numbered note after it is text
    assert _rows("注释\n旅游业、现代服务业、高新技术产业、热带特色高效农业。\n") == []


def test_category_rows_of_a_flattened_indicator_table_are_cells_not_parts() -> None:
    # plan_mohurd_city_checkup_2020_word.txt:47-69 and 147-163 (blank lines dropped): the
    # attachment's table one cell a line, its 目标 cells numbered 一、二、 like the plan's parts
    rows = _rows(
        "四、任务分工\n（一）清华大学中国城市研究院。负责统筹第三方城市体检工作。\n"
        "附件：2020年城市体检指标体系\n附件  \n2020年城市体检指标体系\n目 标\n序号\n指 标\n解 释\n备 注\n"
        "一、生态宜居\n1\n区域开发强度（%）\n市辖区建成区面积占市辖区总面积的比例。\n"
        "9\n新建建筑中绿色建筑占比（%）\n市辖区建成区的本年度竣工的绿色建筑面积占比。\n"
        "二、健康舒适\n10\n社区便民服务设施覆盖率（%）\n"
    )
    assert rows == [
        [1, "part", "四", "任务分工"],
        [2, "section", "一", "清华大学中国城市研究院"],
        [1, "appendix", "", "2020年城市体检指标体"],
    ]


def test_a_first_item_whose_text_opens_with_a_number_before_the_next_item() -> None:
    # govcn_guangzhou_home_community_elderly_care_measures_2022.html blocks 74-77: 1.80周岁 is
    # item 1 (the next line is item 2), not section 1.80
    rows = _rows(
        "第二十四条  具有本市户籍且符合以下情形之一的服务对象可申请服务资助：\n（一）第一类资助对象。\n"
        "1. 分散供养特困人员；\n2. 最低生活保障家庭中失能的；\n（二）第二类资助对象。\n"
        "符合以下条件之一的经济困难且失能（失智）的老年人：\n1.80周岁及以上的；\n2.纯老家庭（含孤寡、独居、农村留守）人员。\n"
    )
    assert rows[-3:] == [
        [2, "section", "二", "第二类资助对象"],
        [3, "item", "1", "80周岁及以上的"],
        [3, "item", "2", "纯老家庭（含孤寡、独居、"],
    ]


def test_parts_numbered_with_two_digits_before_the_title_count_up_from_01() -> None:
    # html_jiangxi_statistical_communique_2022.html (user trial F22): 01综合 … 12资源、环境和应急管理,
    # the number set in a box of its own on the page; 03, 04, 05 each stand 8 blocks or more after
    # the last, yet a page number is never written with a leading zero
    from plantui.read import read_file

    path = Path(__file__).parent / "fixtures/formats/html_jiangxi_statistical_communique_2022.html"
    doc = parse_source(read_file(path)[1], path.name)
    parts = [(n.label, n.title) for n in doc.outline if n.kind == "part"]
    assert parts[:3] == [("01", "综合"), ("02", "农业"), ("03", "工业和建筑业")]
    assert [label for label, _ in parts] == [f"{n:02d}" for n in range(1, 13)]
    notes = next(n for n in doc.outline if n.title == "注释")
    assert [c.label for c in notes.children] == [str(n) for n in range(1, 9)]
    # two such lines are no sequence: a line opening with a number stays text
    assert (
        _rows("01综合\n全年全省地区生产总值32074.7亿元。\n02农业\n全年农林牧渔业总产值4223.8亿元。\n") == []
    )


def test_circled_subitem_numbers_are_stored_bare() -> None:
    # formats html_guangzhou_startup_subsidies_guide_2025.html: （1）… then ①…⑤ under it
    rows = _rows(
        "（1）符合以下条件之一：\n①普通高等学校、中等职业学校、技工院校学生（在校及毕业5年内）；\n"
        "②军转干部、退役军人；\n③登记失业人员、就业困难人员、本省脱贫人口；\n"
    )
    assert [row[2] for row in rows] == ["1", "1", "2", "3"]


def test_an_attachment_named_above_the_signature_is_no_back_matter() -> None:
    # formats doc_jiangxi_tax_recruits_notice_2023.doc: the list is a spreadsheet sent with the notice
    rows = _rows(
        "一、公示时间\n公示时间：2023年5月18日-5月24日（5个工作日）\n监督电话：0791-86201519\n"
        "附件：国家税务总局江西省税务局2023年度拟录用公\n务员名单（第一批）\n国家税务总局江西省税务局\n2023年5月17日\n"
    )
    assert rows == [[1, "part", "一", "公示时间"]]
    # an attachment that follows the signature is back matter (govcn_guangzhou_family_doctor_2023.txt)
    rows = _rows(
        "一、主要目标\n到2025年，签约服务覆盖率达到75%。\n广州市卫生健康委员会\n2023年10月19日\n附件1\n广州市家庭医生签约服务质量监测指标体系\n"
    )
    assert rows[-1][:3] == [1, "appendix", "1"]


def test_a_colon_after_a_short_title_before_a_days_date_is_no_title_end() -> None:
    # formats doc_shangrao_police_fitness_test_notice_2019.doc: the whole line is the item's title
    assert classify("1、时间：2019年7月12日，上午7:30").title == "时间：2019年7月12日，上午7:30"
    # a goal sentence after the colon still ends the title there (seed: 总体目标：到2025年，…)
    assert classify("（一）总体目标：到2025年，全省数字经济总量达到1万亿元。").title == "总体目标"


def test_decimal_sections_with_numbered_parts_of_their_own_stay_sections() -> None:
    # formats doc_nea_psr_standard_part1_draft_2023.doc: 5.7 and 6.1 in a row look like items 5, 6
    # whose text opens with a number, but 6.1.1 under 6.1 shows them sections
    from plantui.passes import classify_chunks

    chunks = join_lines(
        _blocks(
            "5.6\u3000编制PSR工作文件",
            "5.6.1 应编制一系列指导性文件。",
            "5.7\u3000制订进度计划",
            "应制订进度计划。",
            "6.1\u3000要素/专项评价",
            "6.1.1 要素/专项评价方法",
            "应按照评价大纲开展评价。",
        )
    )
    heads = [(h.kind, h.label) for h in classify_chunks(chunks) if h is not None]
    assert heads == [
        ("section", "5.6"),
        ("item", "5.6.1"),
        ("section", "5.7"),
        ("section", "6.1"),
        ("item", "6.1.1"),
    ]
