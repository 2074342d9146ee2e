"""Metadata rules, each on an excerpt of a real document (tests/fixtures/real/SOURCES.md names it)."""

from __future__ import annotations

import re
from pathlib import Path

from plantui.metadata_signs import clean_title
from plantui.models import Document
from plantui.parse import parse_markdown, parse_source, parse_text
from support import SEEDS


def test_a_pdf_cover_gives_title_period_and_issuer() -> None:
    # plan_beijing_ecological_restoration_2021_pdf.txt: the previous document's page number is
    # glued to the title, the period is spaced, the office and the month stand below it
    doc = parse_text(
        "31 北京市国土空间生态修复规划\n（2021 年-2035 年）\n（草案）\n北京市规划和自然资源委员会 \n"
        "2021 年 9 月 前    言 \n国土空间生态修复是我国生态文明建设的重大举措，是\n"
        "关系国家生态安全和民生福祉的重要国家战略任务。\n第一章 规划背景\n"
    )
    assert doc.title == "北京市国土空间生态修复规划（2021年-2035年）"
    assert (doc.issuer, doc.period, doc.issued) == ("北京市规划和自然资源委员会", (2021, 2035), None)


def test_what_extraction_glues_before_a_title_goes() -> None:
    assert clean_title("+ #! +北京市生态安全格局专项规划（2021 年-2035 年）") == (
        "北京市生态安全格局专项规划（2021年-2035年）"
    )
    assert clean_title("II浙江省城市内涝治理“十四五”规划") == "浙江省城市内涝治理“十四五”规划"
    assert clean_title("政 府 工 作 报 告") == "政府工作报告"
    assert clean_title("（转载）广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知").startswith(
        "广州市"
    )
    # a number that belongs to the title stays; spaces that are not a PDF's stay
    assert clean_title("2024年政府工作报告") == "2024年政府工作报告"
    assert (
        clean_title("广州市医疗保障局 广州市财政局 关于印发…的通知")
        == "广州市医疗保障局 广州市财政局 关于印发…的通知"
    )


def test_a_gangyao_title_over_two_lines_and_its_approval() -> None:
    # gangyao_shanghai_14th_pdf.txt
    doc = parse_text(
        "上海市国民经济和社会发展第十四个五年规划\n和二〇三五年远景目标纲要\n"
        "2021 年 1 月 27 日上海市第十五届\n人民代表大会第五次会议批准目 录\n"
        "一、新阶段新起点\n1.1 “五个中心”建设既定目标如期实现\n"
    )
    assert doc.title == "上海市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    assert (doc.issued, doc.period) == ("2021-01-27", (2021, 2025))


def test_a_regulation_takes_the_date_it_was_adopted() -> None:
    # reg_beijing_digital_economy_regulation_2022.md
    doc = parse_markdown(
        "# 北京市数字经济促进条例\n\n2022年11月25日 北京市第十五届人民代表大会常务委员会第四十五次会议通过\n\n"
        "<!-- INFO END -->\n\n## 第一章 总 则\n\n第一条 为了加强数字基础设施建设，制定本条例。\n"
    )
    assert (doc.title, doc.issued) == ("北京市数字经济促进条例", "2022-11-25")


def test_a_resolution_title_over_three_lines() -> None:
    # html_govcn_gazette_npc_special_bonds_resolution_2007.html (the gazette's text)
    doc = parse_text(
        "全国人民代表大会常务委员会\n关于批准财政部发行特别国债购买外汇及\n调整2007年末国债余额限额的决议\n"
        "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）\n"
        "第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长金人庆的说明。\n"
    )
    assert (
        doc.title
        == "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议"
    )
    assert (doc.issuer, doc.issued) == ("全国人民代表大会常务委员会", "2007-06-29")


def test_a_work_report_is_issued_by_the_government_its_speaker_heads() -> None:
    # report_hebei_2026.txt / report_beijing_2026.txt
    hebei = parse_text(
        "政府工作报告\n——2026年1月26日在河北省第十四届人民代表大会第四次会议上\n河北省人民政府省长 王正谱\n"
        "各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n一、“十四五”时期发展成就\n"
    )
    assert (hebei.issuer, hebei.issued) == ("河北省人民政府", "2026-01-26")
    beijing = parse_text(
        "政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n北京市市长 殷勇\n"
        "各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作，请予审议。\n一、过去五年工作回顾\n"
    )
    assert beijing.issuer == "北京市人民政府"
    # pdf_beijing_gov_work_report_2024.pdf: no title, no speaker line — the text names no issuer
    untitled = parse_text(
        "各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作，请予审议。\n一、2023 年工作回顾\n"
    )
    assert untitled.issuer is None


def test_a_saved_page_keeps_dates_it_does_not_name_out_of_issued() -> None:
    # notice_multi_guangzhou_outpatient_special_diseases_2019.txt: 实施日期 and 失效日期 are not
    # the date the notice was issued; 发布机关 lists three offices
    doc = parse_text(
        "当前位置：首页 > 市部门规范性文件\n基本信息\n统一编号：\nGZ0320190096\n文　　号：\n穗医保规字〔2019〕4号\n"
        "实施日期：\n2019年07月01日\n失效日期：\n2024年06月30日\n发布机关：\n"
        "广州市医疗保障局,广州市财政局,广州市卫生健康委员会\n文件状态：\n"
        "广州市医疗保障局 广州市财政局 广州市卫生健康委员会关于印发广州市社会医疗保险统筹基金支付门诊特定病种费用范围及标准的通知\n"
        "分享到\n-\n穗医保规字〔2019〕4号\n"
        "广州市医疗保障局 广州市财政局 广州市卫生健康委员会关于印发广州市社会医疗保险统筹基金支付门诊特定病种费用范围及标准的通知\n"
        "各有关单位，社会保险定点医疗机构：\n为进一步完善社会医疗保险政策，现就有关事项通知如下：\n"
        "一、纳入社会医疗保险统筹基金支付费用范围的门诊特定病种分为两类。\n"
    )
    assert doc.issued is None
    assert doc.issuer == "广州市医疗保障局,广州市财政局,广州市卫生健康委员会"
    # the notice's own body follows it: the notice is the document
    assert doc.title.endswith("费用范围及标准的通知")


def test_a_notice_lends_the_title_its_attached_document_writes() -> None:
    # govcn_guangzhou_family_doctor_2023.txt: the notice names 推进…实施方案, the document heads
    # itself 关于推进…实施方案
    doc = parse_text(
        "广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知\n穗卫函〔2023〕1930号\n"
        "各区卫生健康局、财政局：\n为推动分级诊疗，联合制定《关于推进广州市家庭医生签约服务高质量发展实施方案》，"
        "现印发给你们，请贯彻执行。\n广州市卫生健康委员会            广州市财政局\n2023年10月19日\n"
        "关于推进广州市家庭医生签约服务高质量发展实施方案\n为贯彻落实卫生健康工作方针，制定本实施方案。\n一、主要目标\n"
    )
    assert doc.title == "关于推进广州市家庭医生签约服务高质量发展实施方案"
    assert doc.doc_number == "穗卫函〔2023〕1930号"


def test_a_reposted_page_names_the_office_that_wrote_the_document() -> None:
    # govcn_guangzhou_public_rental_housing_2024.txt
    doc = parse_text(
        "名称：\n（转载）广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知\n"
        "（转载）广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知\n穗府办规〔2024〕13号\n"
        "各区人民政府，市政府各部门、各直属机构：\n现将《广州市公共租赁住房管理办法》印发给你们，请认真贯彻执行。\n"
        "广州市人民政府办公厅\n2024年7月26日\n广州市公共租赁住房管理办法\n第一章 总则\n"
        "第一条为完善住房保障体系，制定本办法。\n"
    )
    assert (doc.title, doc.issuer) == ("广州市公共租赁住房管理办法", "广州市人民政府办公厅")


def test_a_markdown_heading_naming_a_notice_gives_the_attached_title() -> None:
    # notice_shanghai_bci_action_plan_2025.md: the notice has no title line of its own
    doc = parse_markdown(
        "# 关于印发《上海市脑机接口未来产业培育行动方案（2025-2030年）》的通知\n\n"
        "**发布日期**: 2025-01-10\n**发布机构**: 上海市科学技术委员会\n\n---\n\n沪科〔2025〕5号\n\n"
        "各有关区人民政府，市政府有关委、办、局：\n\n"
        "现将《上海市脑机接口未来产业培育行动方案（2025-2030年）》印发给你们，请认真按照执行。\n\n"
        "**上海市脑机接口未来产业培育行动方案（2025-2030年）**\n\n一、总体要求\n"
    )
    assert doc.title == "上海市脑机接口未来产业培育行动方案（2025-2030年）"
    assert doc.issuer == "上海市科学技术委员会"


def test_a_news_lead_states_title_and_issuer() -> None:
    # opinion_domestic_demand_outline_2022.md: the scraper's heading misspells 规划 as 规玥
    doc = parse_markdown(
        "# 扩大内需战略规玥纲要(2022-2035年)\n\n**发布日期**: 2022年12月\n**发布机构**: \n\n---\n\n## 政策全文\n\n"
        "新华社北京12月14日电 近日，中共中央、国务院印发了《扩大内需战略规划纲要（2022－2035年）》，"
        "并发出通知，要求各地区各部门结合实际认真贯彻落实。\n\n一、规划背景\n"
    )
    assert (doc.title, doc.issuer) == ("扩大内需战略规划纲要（2022－2035年）", "中共中央、国务院")


def test_a_gangyao_contents_with_dashed_page_numbers_and_a_wrapped_volume_title() -> None:
    # gangyao_guizhou_14th_pdf.md (pdftotext -layout): entries wrapped before their leaders,
    # page numbers between dashes, a 篇 title that fills the line; in the body a 篇 title wrapped
    text = (
        "贵州省国民经济和社会发展第十四个五年规划\n和 2035 年远景目标纲要\n目 录\n"
        "贵州省第十三届人民代表大会第四次会议关于贵州省国民经济和社会\n"
        "发展第十四个五年规划和 2035 年远景目标纲要的决议..............................- 1 -\n"
        "第一篇 “十三五”时期贵州经济社会发展取得历史性成就........................- 1 -\n"
        "第九篇 坚持扩大内需战略基点，高质量建设国家内陆开放型经济试验区\n"
        "       .......................................................................................................- 98 -\n"
        "第十篇 加大现代化基础设施建设力度，增强高质量发展支撑能力- 110 -\n"
        "II\n"
        "第一篇   “十三五”时期贵州经济社会发展取得历史性成就\n"
        "    “十三五”时期是贵州发展史上极不平凡的五年。\n"
        "第三篇       大力推进新型工业化，构建高质量发展工业产业\n          体系\n"
        "    坚持把发展经济着力点放在实体经济上。\n"
    )
    doc = parse_text(text)
    assert [(n.kind, n.label, n.title) for n in doc.outline] == [
        ("volume", "一", "“十三五”时期贵州经济社会发展取得历史性成就"),
        ("volume", "三", "大力推进新型工业化，构建高质量发展工业产业体系"),
    ]


def test_bold_printed_twice_is_read_once() -> None:
    # reg_state_council_consumer_rights_2024_govcn_pdf.md (gov.cn printed to PDF)
    doc = parse_text(
        "第一章　总　　则 第一章　总　　则\n"
        "第一条第一条　根据《中华人民共和国消费者权益保护法》等法律，制定本条例。\n"
        "第二条第二条　消费者权益保护工作坚持中国共产党的领导。\n"
    )
    chapter = doc.outline[0]
    assert (chapter.kind, chapter.label, chapter.title) == ("chapter", "一", "总　　则")
    assert [c.label for c in chapter.children] == ["一", "二"]
    assert "第一条第一条" not in "".join(
        c.text + (c.heading.text if c.heading else "") for c in chapter.children
    )
    assert chapter.children[0].text.startswith("根据")


def test_a_markdown_heading_holding_a_notice_title_is_no_outline() -> None:
    # govcn_guangzhou_family_doctor_2023_markitdown.md: the site name is the first # heading
    doc = parse_markdown(
        "# 广州市卫生健康委员会政府信息公开\n\n"
        "| 名称： | 广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知 | | |\n\n"
        "# 广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知\n\n"
        "穗卫函〔2023〕1930号\n\n各区卫生健康局：\n\n现印发给你们，请贯彻执行。\n\n"
        "**关于推进广州市家庭医生签约服务高质量发展实施方案**\n\n　　一、主要目标\n\n到2023年，覆盖率达80%以上。\n"
    )
    assert [(n.kind, n.label) for n in doc.outline] == [("part", "一")]
    assert doc.title == "关于推进广州市家庭医生签约服务高质量发展实施方案"


def test_a_red_header_notice_from_pdf_text() -> None:
    # notice_guizhou_market_entities_plan_2022_pdf.md: the title names 省人民政府, the red header
    # the province; full-width digits and ASCII brackets spread over lines by the PDF
    doc = parse_text(
        "   贵州省人民政府文件\n               黔府发 〔\n                   ２０２２〕８ 号\n\n"
        " 省人民政府关于印发贵州省培育壮大市场主体\n      行动方案 (\n           ２０２２—２０２５ 年 ) 的通知\n\n"
        "各市、自治州人民政府,各县 (市、区、特区)人民政府,省政\n府各部门、各直属机构:\n"
        "  现 将 «贵 州 省 培 育 壮 大 市 场 主 体 行 动 方 案 (\n                                     ２０２２—２０２５\n"
        "年)»印发给你们,请认真抓好贯彻落实.\n\n                          ２０２２ 年 ４ 月 ２０ 日\n   (此件公开发布)\n"
        "      贵州省培育壮大市场主体行动方案\n              (\n              ２０２２—２０２５ 年 )\n\n"
        "   为深入贯彻落实新时代西部大开发的意见,制定本方案.\n   一、总体要求和发展目标\n"
    )
    assert doc.title == "贵州省培育壮大市场主体行动方案（2022—2025年）"
    assert (doc.issuer, doc.doc_number, doc.issued) == ("贵州省人民政府", "黔府发〔2022〕8号", "2022-04-20")


def test_a_database_title_loses_its_appended_number_or_revision() -> None:
    # law_anti_money_laundering_2024_pdf.md, reg_state_council_consumer_rights_2024_govcn_pdf.md,
    # reg_pbc_kyc_measures_2025_pdf.md (the # title cut off inside its bracket)
    assert clean_title("中华人民共和国反洗钱法（2024修订）") == "中华人民共和国反洗钱法"
    assert clean_title("中华人民共和国消费者权益保护法实施条例（国务院令第778号）") == (
        "中华人民共和国消费者权益保护法实施条例"
    )
    assert clean_title(
        "金融机构客户尽职调查和客户身份资料及交易记录保存管理办法（中国人民银行令〔2025〕"
    ) == ("金融机构客户尽职调查和客户身份资料及交易记录保存管理办法")
    assert clean_title("上海市北斗产业高质量发展三年行动计划（2021-2023年）").endswith("（2021-2023年）")


def test_a_law_takes_its_latest_revision_and_its_decree_number() -> None:
    # law_anti_money_laundering_2024_pdf.md
    doc = parse_text(
        " 中华人民共和国反洗钱法 (2024修订)  \n \n中华人民共和国主席令  \n（第三十八号）   \n"
        "  《中华人民共和国反洗钱法》已由中华人民共和国第十四届全国人民代表大\n会常务委员会第十二次会议于 2024年11月8日修订通过，"
        "现予公布，自 2025年\n1月1日起施行。   \n中华人民共和国主席  习近平 \n  2024年11月8日 \n \n"
        "中华人民共和国反洗钱法  \n \n  （2006年10月31日第十届全国人民代表大会常务委员会第二十四次会议通\n"
        "过 2024年11月8日第十四届全国人民代表大会常务委员会第十二次会议修订）   \n"
        "第一章 总  则 \n第一条 为了预防洗钱活动，制定本法。\n"
    )
    assert doc.title == "中华人民共和国反洗钱法"
    assert (doc.doc_number, doc.issued) == ("中华人民共和国主席令（第三十八号）", "2024-11-08")


def test_a_decree_number_wrapped_under_its_field_label() -> None:
    # reg_pbc_kyc_measures_2025_pdf.md (a legal database's field block)
    doc = parse_text(
        "1金融机构客户尽职调查和客户身份资料及交易记录保存管理办法（2025）\n"
        "发文机关：国家金融监督管理总局,中国证券监督管理委员会\n发布日期：2025.10.31\n生效日期：2026.01.01\n"
        "时效性：尚未生效\n文 号：中国人民银行国家金融监督管理总局中国证券监督管理委员会令\n〔2025〕第11号\n"
        "金融机构客户尽职调查和客户身份资料及交易记录保存管理办法\n第一章总则\n第一条为了预防洗钱活动，制定本办法。\n"
    )
    assert doc.title == "金融机构客户尽职调查和客户身份资料及交易记录保存管理办法"
    assert doc.doc_number == "中国人民银行国家金融监督管理总局中国证券监督管理委员会令〔2025〕第11号"
    assert doc.issuer == "国家金融监督管理总局,中国证券监督管理委员会"


def test_a_notice_naming_two_documents_keeps_its_title_and_its_printing_date() -> None:
    # notice_multi_payment_clearing_merchant_2025.md: the red header and the notice title are set
    # as Markdown headings; the scraper's # title names one of the two attached documents
    doc = parse_markdown(
        "# 特约商户信息管理办法\n\n## 中国支付清算协会文件\n\n**中支协发[2025] 45号**\n\n"
        "### 中国支付清算协会关于印发《特大商户信息管理办法》等两个办法的通知\n\n"
        "为强化对特大商户基本信息的安全保护，现印发给你们。\n\n特此通知。\n\n---\n\n**附件：**\n"
        "1. 特大商户信息管理办法\n2. 中国支付清算协会特大商户信息管理系统业务管理办法（另行发送）\n\n"
        "**中国支付清算协会秘书处**\n2025年4月1日印发\n\n---\n\n# 特大商户信息管理办法\n\n## 第一章 总则\n\n"
        "**第一条** 为规范特大商户信息管理，制定本办法。\n"
    )
    assert doc.title == "中国支付清算协会关于印发《特大商户信息管理办法》等两个办法的通知"
    assert (doc.issuer, doc.doc_number, doc.issued) == (
        "中国支付清算协会",
        "中支协发[2025]45号",
        "2025-04-01",
    )


def test_dates_a_report_or_a_news_page_states_without_a_label() -> None:
    # report_guiyang_2024.md: the delivery note in brackets, 发布时间 among the page's chrome
    report = parse_markdown(
        "# 2024年政府工作报告\n\n（2024年1月31日在贵阳市第十五届人民代表大会第四次会议上）\n\n"
        "来源: 贵阳日报  发布时间: 2024-02-29 14:35   浏览次数：611次\n\n**一、2023年工作回顾**\n\n过去一年，我们稳增长。\n"
    )
    assert (report.issued, report.published) == ("2024-01-31", "2024-02-29")
    # gangyao_national_15th_md.md: a bare release date under the title
    outline = parse_markdown(
        "# 中华人民共和国国民经济和社会发展第十五个五年规划纲要\n\n2026-03-13\n\n来源：新华社\n\n## 第一篇 开启新征程\n\n正文。\n"
    )
    assert outline.published == "2026-03-13"
    # opinion_cpc_15th_fyp_recommendations_2025.md: a plenary session's adoption note
    cpc = parse_markdown(
        "**中共中央关于制定国民经济和社会发展第十五个五年规划的建议**\n\n"
        "**（2025年10月23日中国共产党第二十届中央委员会第四次全体会议通过）**\n\n一、总体要求\n\n正文。\n"
    )
    assert (cpc.issuer, cpc.issued) == ("中共中央", "2025-10-23")


def test_a_hard_wrapped_sentence_goes_on_where_its_next_line_looks_like_a_part() -> None:
    # gangyao_shanghai_14th_pdf.txt:2765-2766: 统一 wrapped as 统 / 一、可持续的… inside part 十四
    source = Path(__file__).parent / "fixtures/real/docs/gangyao_shanghai_14th_pdf.txt"
    doc = parse_text(source.read_text(encoding="utf-8"))
    parts = [n.label for n in doc.outline if n.kind == "part"]
    assert parts == [
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "十一",
        "十二",
        "十三",
        "十四",
        "十五",
        "十六",
    ]
    fourteen = doc.outline[[n.label for n in doc.outline].index("十四")]
    assert [c.label for c in fourteen.children][-2:] == ["14.7", "14.8"]


def test_item_numbers_whose_dot_the_pdf_font_lost() -> None:
    # notice_guizhou_market_entities_plan_2022_pdf.md:67-69 and :151-153: U+FFFD where the ．
    # was, the number alone above or below its title; the font maps Chinese punctuation to ASCII
    doc = parse_text(
        "   二、重点任务\n   (一)实施大型骨干企业培育壮大行动\n\n   １\n"
        "   \ufffd 做大做 强 龙 头 企 业.支 持 龙 头 企 业 通 过 强 强 联\n游整合、外部引进等方式做大做强,提升核心竞争力.\n"
        "(牵头单位:省工业和信息化厅、省农业农村厅、省发展改革委)\n"
        "   (二)实施中小企业培育壮大行动\n\n \ufffd 推动中 小 企 业 提 质 发 展.支 持 中 小 企 业 专 精 特 新 发 展\n ２\n"
        "“专精特新”企业.(牵头单位:省工业和信息化厅)\n加强培育,形成梯队,提升质量,壮大规模,做优做强,稳步发展.\n"
    )
    part = doc.outline[0]
    items = [(c.label, c.title.replace(" ", "")) for s in part.children for c in s.children]
    assert items == [("1", "做大做强龙头企业"), ("2", "推动中小企业提质发展")]


def test_label_lines_stay_out_of_the_preamble() -> None:
    # the seeds' scraper header: labels of metadata, not text (their values stay)
    doc = parse_text(
        "# -*- coding: utf-8 -*-\n## 政策标题：\n河北省人民政府关于印发河北省数字经济发展规划（2020-2025年）的通知\n"
        "## 政策来源：\n河北省人民政府\n## 政策内容：\n冀政字〔2020〕23号\n2020年4月19日\n"
        "河北省数字经济发展规划\n（2020-2025年）\n一、发展基础\n"
    )
    preamble = [p.text for p in doc.preamble]
    assert not any("coding" in t or "政策标题" in t or "政策内容" in t for t in preamble)
    assert "冀政字〔2020〕23号" in preamble and doc.issuer == "河北省人民政府"


def test_a_structure_named_in_quotes_heads_the_lines_that_open_with_its_terms() -> None:
    # plan_beijing_ecological_security_pattern_2021_pdf.txt:237-272
    source = (
        Path(__file__).parent / "fixtures/real/docs/plan_beijing_ecological_security_pattern_2021_pdf.txt"
    )
    doc = parse_text(source.read_text(encoding="utf-8"))
    chapter = next(n for n in doc.outline if n.kind == "chapter" and n.label == "三")
    terms = [c.title.split("：")[0] for c in chapter.children]
    assert terms == ["一屏", "三环", "五河", "九楔", "九田", "多廊"]
    assert chapter.children[1].title.endswith("环首都森林湿地公园环")


def test_the_numbered_notes_under_a_table_are_no_items() -> None:
    # plan_zhejiang_urban_waterlogging_14th_word.txt:757-763 (a table flattened one cell a line)
    doc = parse_text(
        "（二）防治标准\n表1 城市排水标准\n城市类型\n重现期\n超大城市\n3～5\n"
        "注：1.按表中所列重现期设计暴雨强度公式时，均采用年最大值法；\n\n"
        "2.雨水管渠应按重力流、满管流计算；\n\n3.超大城市指城区常住人口在1000万以上的城市；\n"
        "（三）建设任务\n1.完善排水管网。推进雨污分流改造。\n"
    )
    sections = doc.outline
    assert [(n.kind, n.label) for n in sections] == [("section", "二"), ("section", "三")]
    assert sections[0].children == ()
    assert [(c.kind, c.label) for c in sections[1].children] == [("item", "1")]


def test_a_cited_clause_and_a_repeated_article_are_no_articles() -> None:
    # pdf_hongze_gov_info_disclosure_report_2023.pdf: table headings 第二十条第（一）项 / 第二十条第（五）项
    doc = parse_text(
        "一、总体情况\n（一）主动公开情况。全年主动公开信息1000条。\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容 | 本年制发件数 本年废止件数 现行有效件数\n规章 | 0 | 0 | 0\n第二十条第（五）项\n"
        "信息内容 | 本年处理决定数量\n三、收到和处理政府信息公开申请情况\n"
    )
    assert [(n.kind, n.label) for n in doc.outline] == [("part", "一"), ("part", "二"), ("part", "三")]
    # a regulation whose text cites an article on a line of its own, after that article
    law = parse_text(
        "第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全省。\n第二条\n第三条 本办法自发布之日起施行。\n"
    )
    assert [n.label for n in law.outline] == ["一", "二", "三"]


def test_an_ocr_scan_cover_and_its_spaced_numbers() -> None:
    # the catalogue lines of an archive's scan (分类号, 密级) are no title; OCR spaces the digits of
    # a year, an amount and a decimal (spec: 2 0 0 5年, 6 .5 %)
    doc = parse_text(
        "分类号：F120\n密级：公开\n某某市国民经济和社会发展第十个五年计划纲要\n一、发展基础\n"
        "2 0 0 5年全市生产总值达到1 2 0 0亿元，增长6 .5 %，表中 1 2 3 4 行。\n"
    )
    assert (doc.title, doc.period) == ("某某市国民经济和社会发展第十个五年计划纲要", (2001, 2005))
    text = doc.outline[0].text
    assert "2005年" in text and "1200亿元" in text and "6.5 %" in text and "1 2 3 4 行" in text


def test_issuers_a_bulletin_or_a_signature_states_in_full() -> None:
    # html_wanzai_statistical_communique_2015.html ends with （万载县统计局）
    bulletin = parse_text(
        "万载县2015年国民经济和社会发展统计公报\n一、综合\n全年全县生产总值增长9%。\n二、农业\n粮食增产。\n（万载县统计局）\n"
    )
    assert bulletin.issuer == "万载县统计局"
    # docx_shanghai_commercial_space_plan_2023.docx: the crawler cut 上 from the notice title
    plan = parse_text(
        "海市人民政府办公厅关于印发《上海市促进商业航天发展打造空间信息产业高地行动计划（2023—2025年）》的通知\n"
        "沪府办发〔2023〕11号\n各区人民政府：\n现将《上海市促进商业航天发展打造空间信息产业高地行动计划（2023—2025年）》印发给你们。\n"
        "上海市人民政府办公厅\n2023年7月11日\n一、总体要求\n"
    )
    assert plan.issuer == "上海市人民政府办公厅"
    # docx_jiangxi_fao_civil_service_exam_outline_2022.docx: an office signs after the last item
    outline = parse_text(
        "一、考试内容\n1.外语水平。\n二、考试方式\n1.笔试。\n江西省人民政府外事办公室\n2022年2月21日\n"
    )
    assert (outline.issuer, outline.issued) == ("江西省人民政府外事办公室", "2022-02-21")


def test_a_footnote_mark_after_a_title_goes() -> None:
    # html_jiangxi_statistical_communique_2022.html
    assert (
        clean_title("江西省2022年国民经济和社会发展统计公报[1]") == "江西省2022年国民经济和社会发展统计公报"
    )


def test_a_converter_that_sets_headings_in_bold_is_read_as_markdown() -> None:
    # gangyao_national_15th_md.md with its # marks turned into ** (a converter's habit): the
    # **目录** and its entries are contents, the 篇/章/节 below are the outline
    from plantui.read import read_bytes

    source = Path(__file__).parent / "fixtures/real/docs/gangyao_national_15th_md.md"
    text = re.sub(r"(?m)^#+ *(.*)$", r"**\1**", source.read_text(encoding="utf-8"))
    read = read_bytes(text.encode("utf-8"), "gangyao.txt")
    assert read.format == "markdown"
    doc = parse_source(read, "gangyao.txt")
    first = doc.outline[0]
    assert (first.kind, first.label, first.line) == ("volume", "一", 175)
    assert [c.kind for c in first.children] == ["chapter", "chapter", "chapter"]


def test_text_hard_wrapped_at_any_width_keeps_its_metadata() -> None:
    # every seed and two real pages, their lines cut at 34 characters as a PDF converter would:
    # titles reaching the edge, a field line after a wrapped title, a title split from its 的通知
    real = Path(__file__).parent / "fixtures/real/docs"
    files = [*sorted(SEEDS.glob("*.txt")), real / "opinion_shanghai_natural_disaster_prevention_word.txt"]
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        wrapped = "\n".join(
            line[i : i + 34] for line in text.split("\n") for i in range(0, max(len(line), 1), 34)
        )
        whole, cut = parse_text(text, path.name), parse_text(wrapped, path.name)
        fields = ("title", "issuer", "doc_number", "issued", "published", "period")
        assert [getattr(cut, f) for f in fields] == [getattr(whole, f) for f in fields], path.name


def test_word_files_made_from_web_pages_keep_their_outline() -> None:
    # docx_shanghai_commercial_space_plan_2023.docx (em-space indents) and
    # docx_shanghai_food_tech_action_plan_2025.docx (Markdown's ** left as text)
    from plantui.read import read_file

    formats = Path(__file__).parent / "fixtures/formats"
    space = parse_source(read_file(formats / "docx_shanghai_commercial_space_plan_2023.docx")[1], "a.docx")
    assert [n.label for n in space.outline if n.kind == "part"][:3] == ["一", "二", "三"]
    food = parse_source(read_file(formats / "docx_shanghai_food_tech_action_plan_2025.docx")[1], "b.docx")
    parts = [n for n in food.outline if n.kind == "part"]
    assert parts and all("*" not in n.title for n, _ in food.walk())


def test_a_bulletins_notes_label_holds_its_numbered_notes() -> None:
    # html_yichun_statistical_communique_2022.html: 注释： then 1.… 7., 资料来源：; a table's
    # 数据来源 header cell (govcn_guangzhou_family_doctor_2023.txt:111) is no heading
    doc = parse_text(
        "十二、社会保障\n年末全市参加基本养老保险人数增长2%。\n注释：\n1.本公报中数据均为初步统计数。\n"
        "2.万元GDP能耗按2020年不变价格计算。\n资料来源：\n本公报中数据来自市统计局。\n"
    )
    assert [(n.kind, n.title) for n in doc.outline] == [
        ("part", "社会保障"),
        ("heading", "注释"),
        ("heading", "资料来源"),
    ]
    assert [c.label for c in doc.outline[1].children] == ["1", "2"]
    table = parse_text("一、主要目标\n序号\n指标\n数据来源\n1\n签约率\n市卫健委\n")
    assert [n.kind for n, _ in table.walk()] == ["part"]


def test_a_bare_fu_before_a_number_heads_an_attached_form() -> None:
    # central_admin_units_state_asset_disposal_measures_2021.pdf:126 (附 1： / the form's title)
    doc = parse_text(
        "第三十条 本办法自印发之日起施行。\n附 1：\n中央行政事业单位国有资产无偿划转和对外捐赠申请表\n"
        "填表说明：\n1.本表适用于中央行政事业单位国有资产无偿划转、对外捐赠等处置事项申请。\n"
    )
    appendix = doc.outline[-1]
    assert (appendix.kind, appendix.label, appendix.title) == (
        "appendix",
        "1",
        "中央行政事业单位国有资产无偿划转和对外捐赠申请表",
    )
    assert parse_text("一、总则\n附1张照片备查。\n").outline[0].children == ()


def test_search_finds_every_line_as_the_file_writes_it(tmp_path: Path) -> None:
    # reg_state_council_consumer_rights_2024_govcn_pdf.md: a browser's print header (dropped as
    # furniture), 第一条第一条 (read once), and the KYC 办法's 第十二条金融机构 (heading and body
    # glued on one line): each line still holds what search finds on it
    from plantui import db
    from plantui.importer import import_paths
    from plantui.search import search

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "某某条例\n26/03/2024, 11:46 中华人民共和国消费者权益保护法实施条例 _ 工商 _ 中国政府网\n"
        "第一章　总　　则 第一章　总　　则\n第一条第一条　根据法律，制定本条例。\n"
        "第二条金融机构应当勤勉尽责。\n",
        encoding="utf-8",
    )
    conn = db.connect(tmp_path / "p.db")
    import_paths(conn, [str(plan)], workers=1)
    for query, line in (("和国消费", 2), ("条第一", 4), ("条金融", 5)):
        hits = search(conn, query).hits
        assert [(h.line_start <= line <= h.line_end) for h in hits] == [True], query
    doc = parse_text(plan.read_text(encoding="utf-8"))
    shown = "".join(p.text for p in doc.preamble) + "".join(
        (n.heading.text if n.heading else "") + n.text for n, _ in doc.walk()
    )
    assert "中国政府网" not in shown and "第一条第一条" not in shown


def test_an_exported_row_with_empty_cells_reads_back_as_a_row() -> None:
    # docx_gov_info_disclosure_report_template.docx: 一、本年新收政府信息公开申请数量 |  |  |
    doc = parse_markdown(
        "# 模板\n\n## 三、收到和处理政府信息公开申请情况\n\n一、本年新收政府信息公开申请数量 |  |  |  |\n"
    )
    assert [(n.kind, n.label) for n, _ in doc.walk()] == [("part", "三")]


def test_pieces_of_wrapped_table_cells_between_rows_are_no_headings() -> None:
    # pdf_huaian_gov_info_disclosure_report_2024.pdf:36-63 (rows as the PDF reader gives them)
    from plantui.blocks import Block, Source

    lines = [
        ("三、收到和处理政府信息公开申请情况", False),
        ("本年新收政府信息公开申请数量 | 1230 | 28 | 0 | 0 | 11 | 1 | 1270", True),
        ("（一）予以公开 | 447 | 7 | 0 | 0 | 0 | 0 | 454", True),
        ("（二）部分公开（区分处理的，只计这一情", False),
        ("447 | 7 | 0 | 0 | 0 | 0 | 454", True),
        ("形，不计其他情形）", False),
        ("1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2", True),
        ("三、", False),
        ("本 | 2.其他法律行政法规禁止公开 | 30 | 1 | 0 | 0 | 0 | 0 | 31", True),
        ("5.要求行政机关确认或重新出", False),
        ("1 | 0 | 0 | 0 | 0 | 0 | 1", True),
        ("四、政府信息公开行政复议、行政诉讼情况", False),
        ("行政复议 | 行政诉讼", True),
    ]
    blocks = tuple(Block(text, n, row=row) for n, (text, row) in enumerate(lines, start=1))
    doc = parse_source(Source(blocks, len(lines), "pdf"), "report.pdf")
    assert [(n.kind, n.label) for n, _ in doc.walk()] == [("part", "三"), ("part", "四")]


def test_ascii_marks_of_a_font_end_titles_before_a_number_too() -> None:
    # a section title closed by an ASCII full stop before a year (the 贵州 notice's font):
    # （六）着力推动污染防治攻坚.8个重点河湖…
    doc = parse_text(
        "二、重点任务.\n（一）加快发展.全年增长6.5%,质量提升.\n（六）着力推动污染防治攻坚.8个重点河湖入河排污口完成整治,"
        "城市生活污水集中收集率提升至88%.开展大气污染防治,累计淘汰老旧车辆58万辆.\n"
        "（七）加强保障.完善机制,落实责任.\n（八）强化落实.明确分工,压实责任.\n三、保障措施.加强领导,强化督查.\n"
    )
    assert [c.title for c in doc.outline[0].children] == [
        "加快发展",
        "着力推动污染防治攻坚",
        "加强保障",
        "强化落实",
    ]
    assert "6.5%" in doc.outline[0].children[0].text


def test_numbered_cells_under_a_table_caption_are_no_items() -> None:
    # plan_zhejiang_urban_waterlogging_14th_word.txt:764-775 (表6 flattened one cell a line)
    doc = parse_text(
        "（二）防治标准\n表6  内涝防治设计重现期（年）\n城镇类型\n重现期（年）\n地面积水设计标准\n超大城市\n100\n"
        "1.居民住宅和工商业建筑物的底层不进水；\n2.道路中一条车道的积水深度不超过15cm。\n特大城市\n50～100\n"
        "（三）建设任务\n1.完善排水管网。推进雨污分流改造，到2025年新建改造排水管网1000公里以上，全面提升排水能力。\n"
    )
    assert [(n.kind, n.label, len(n.children)) for n in doc.outline] == [
        ("section", "二", 0),
        ("section", "三", 1),
    ]


def test_boxes_and_heading_styles_in_word_keep_the_outline() -> None:
    # seed 000 as a Word file with its 专栏 drawn as boxes, and with heading styles on its
    # headings (附件1 as Heading 1, its title a plain paragraph): the same outline as the text
    import json

    from same_plan import gold_boxes, gold_styles, read_plan, to_docx

    stem = "000_92c45eb8100875c9"
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((Path(__file__).parent / "fixtures/gold" / f"{stem}.json").read_text(encoding="utf-8"))

    def keys(record: dict[str, object]) -> list[tuple[str, str, str]]:
        out: list[tuple[str, str, str]] = []

        def walk(nodes: list[dict[str, object]]) -> None:
            for n in nodes:
                if n["kind"] != "lead":
                    out.append((str(n["kind"]), str(n["label"]), str(n["title"]).replace(" ", "")))
                walk(n.get("children", []))  # type: ignore[arg-type]

        walk(record["outline"])  # type: ignore[arg-type]
        return out

    base = keys(read_plan(text.encode("utf-8"), "text", f"{stem}.txt"))
    for data in (to_docx(text, boxes=gold_boxes(gold, text)), to_docx(text, styled=gold_styles(gold))):
        assert keys(read_plan(data, "docx", f"{stem}.docx")) == base


def test_a_scrapers_rule_and_section_label_in_a_word_file_are_labels() -> None:
    # docx_digital_economy_plan_2021.docx: a Word file made from a scraper's Markdown
    doc = parse_text(
        "**发布日期**: 2022年1月\n---\n## 政策全文\n国务院关于印发\n“十四五”数字经济发展规划的通知\n一、发展基础\n"
    )
    assert [p.text for p in doc.preamble][-2:] == ["国务院关于印发", "“十四五”数字经济发展规划的通知"]
    assert {"---", "## 政策全文"} <= {p.text for p in doc.labels}


def test_a_decree_head_names_the_authority_that_decrees() -> None:
    # reg_state_council_consumer_rights_2024_govcn_pdf.md:13 (drawn twice by the print) and the
    # 反洗钱法's 中华人民共和国主席令 (a person's decree: no authority named)
    state = parse_text(
        "中华人民共和国国务院令 中华人民共和国国务院令 \n第778号\n《中华人民共和国消费者权益保护法实施条例》已经国务院常务会议通过，现予公布。\n"
        "第一章　总　　则\n第一条　根据法律，制定本条例。\n"
    )
    assert state.issuer == "国务院"
    president = parse_text(
        "中华人民共和国主席令\n（第三十八号）\n《中华人民共和国反洗钱法》已修订通过。\n第一章 总则\n第一条 为了预防洗钱活动，制定本法。\n"
    )
    assert president.issuer is None


def test_departments_signing_jointly_are_all_issuers() -> None:
    # opinion_finance_western_land_sea_corridor.md:69-79: eight bodies sign one a line, in a
    # Markdown quote, above the date
    doc = parse_markdown(
        "**关于金融支持加快西部陆海新通道建设的意见**\n\n**一、总体要求**\n\n以习近平新时代中国特色社会主义思想为指导。\n\n"
        "**八、保障措施**\n\n（二十四）加强闭环管理。探索建立金融服务通道的动态监测、报告报送、评估机制。\n\n"
        "> 中国人民银行\\\n> 国家发展改革委\\\n> 财政部\\\n> 交通运输部\\\n> 商务部\\\n> 金融监管总局\\\n"
        "> 中国证监会\\\n> 国家外汇局\\\n> 2025年11月26日"
    )
    assert (
        doc.issuer
        == "中国人民银行,国家发展改革委,财政部,交通运输部,商务部,金融监管总局,中国证监会,国家外汇局"
    )
    assert doc.issued == "2025-11-26"


def test_the_documents_own_title_line_writes_what_a_scraper_heading_dropped() -> None:
    # opinion_shanghai_agri_mechanization_2022.md:1-22: the scraper's # title leaves out the 《》
    # the document's own title line (below the cover letter's signature) writes
    doc = parse_markdown(
        "# 上海关于贯彻落实“十四五”全国农业机械化发展规划的实施意见\n\n**发布日期**: 2022年5月26日\n"
        "**发布机构**: 上海市\n\n---\n\n## 政策全文\n\n各区农业农村委、市属有关单位： \n\n"
        "为贯彻落实农业农村部《“十四五”全国农业机械化发展规划》有关工作部署，我委编制了《上海关于贯彻落实<“十四五”"
        "全国农业机械化发展规划>的实施意见》。现印发给你们，请结合实际贯彻执行。\n\n上海市农业农村委员会\n\n2022年5月26日\n\n"
        "上海关于贯彻落实《“十四五”全国农业机械化发展规划》的实施意见\n\n"
        "近年来，上海市认真贯彻党中央、国务院的指示精神和部署。\n\n一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导。\n"
    )
    assert doc.title == "上海关于贯彻落实《“十四五”全国农业机械化发展规划》的实施意见"
    assert (doc.issuer, doc.issued, doc.period) == ("上海市农业农村委员会", "2022-05-26", (2021, 2025))


def test_a_bold_title_over_two_lines_whose_second_names_the_kind() -> None:
    # plan_guizhou_rural_payment_action_2026.md:1-5
    doc = parse_markdown(
        "**贵州省农村支付服务提质增效**\n\n**助力乡村振兴行动方案(2026-2028年)**\n\n"
        "为深入学习贯彻习近平总书记在贵州考察时的重要讲话精神，制定本方案。\n\n一、总体要求\n\n（一）指导思想。\n\n以习近平新时代中国特色社会主义思想为指导。\n"
    )
    assert doc.title == "贵州省农村支付服务提质增效助力乡村振兴行动方案（2026-2028年）"
    assert doc.period == (2026, 2028)


def test_a_pages_release_stamp_with_its_time_is_the_date_published() -> None:
    # report_sichuan_2026.txt:1-3 (a news page: the stamp under the title, then the chrome);
    # the delivery line gives the date the report was given
    doc = parse_text(
        "2026年四川省人民政府工作报告\n2026年02月10日 07时41分\n来源:\n四川日报\n"
        "2026年2月3日在四川省第十四届人民代表大会第五次会议上\n四川省人民政府省长 施小琳\n"
        "各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年和“十四五”工作回顾\n"
    )
    assert (doc.published, doc.issued) == ("2026-02-10", "2026-02-03")


def test_a_state_council_report_on_a_saved_gov_cn_page() -> None:
    # report_state_council_2011.txt:1-61 as decoded (its <U+00A0> are no-break spaces): the site's
    # line dates the page (published), the agency's dateline stands above the title, the premier
    # speaks for the State Council
    doc = parse_text(
        "\n\n \n\n\n\n<!--\n          \n-->\n\n<!--\n        \n-->\n\n\n\xa0\n当前位置： 首页>> 热点专题\n \n\n\n\n\n\n\n\n\xa0\n\n"
        "温家宝在十一届人大四次会议上所作政府工作报告\n\n\n"
        "中央政府门户网站\u3000www.gov.cn\u3000\u3000 2011年03月15日\u3000\u3000 来源：新华社\n\n\n\n\n\n【字体：大 中 小】\n"
        "\n\n\n\n\n\n\n\n\xa0\xa0\xa0 新华社北京３月１５日电\n\n政府工作报告\n——2011年3月5日在第十一届全国人民代表大会第四次会议上\n\n"
        "国务院总理\xa0 温家宝\n\n\n\n\xa0\xa0\xa0 3月5日，第十一届全国人民代表大会第四次会议在北京人民大会堂开幕。"
        "国务院总理温家宝作政府工作报告。 新华社记者 黄敬文 摄\n\n各位代表：\n\n"
        "\xa0\xa0\xa0\xa0现在，我代表国务院，向大会作政府工作报告，请各位代表审议，并请全国政协委员提出意见。\n\n"
        "\xa0\xa0\xa0\xa0一、“十一五”时期国民经济和社会发展的回顾\n\n"
        "\xa0\xa0\xa0\xa0“十一五”时期是我国发展进程中极不平凡的五年。\n"
    )
    assert (doc.title, doc.issuer, doc.issued, doc.published) == (
        "政府工作报告",
        "国务院",
        "2011-03-05",
        "2011-03-15",
    )


def test_the_authorities_set_above_a_title_are_part_of_it() -> None:
    # opinion_cpc_state_council_rural_revitalization_2021.md:1-17: the news page prints
    # 中共中央 国务院 on a line above 关于…的意见; the scraper's # title and 发布机构 keep less
    doc = parse_markdown(
        "# 关于全面推进乡村振兴加快农业农村现代化的意见\n\n**发布日期**: 2021年2月21日\n**发布机构**: 中共中央\n**分类**: \n"
        "**来源**: https://www.gov.cn/zhengce/2021-02/21/content_5588098.htm\n\n---\n\n## 政策全文\n新华社北京2月21日电\n\n"
        "中共中央 国务院\n关于全面推进乡村振兴加快农业农村现代化的意见\n（2021年1月4日）\n\n"
        "党的十九届五中全会审议通过的《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，"
        "对新发展阶段优先发展农业农村、全面推进乡村振兴作出总体部署。\n\n一、总体要求\n\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n"
    )
    assert doc.title == "中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见"
    # the page's 发布机构 is taken as stated (as for the 杨浦 and 食品科技 notices' joint signers)
    assert (doc.issuer, doc.issued, doc.published) == ("中共中央", "2021-01-04", "2021-02-21")


def test_a_title_line_running_into_its_delivery_note_and_speaker() -> None:
    # report_state_council_2018.txt:1-15 (as decoded; CR CR LF in the file)
    doc = parse_text(
        "\n\n        新华社北京3月22日电\n\n"
        "政府工作报告——2018年3月5日在第十三届全国人民代表大会第一次会议上国务院总理 李克强\n\n\n\n"
        "3月5日，第十三届全国人民代表大会第一次会议在北京人民大会堂开幕。国务院总理李克强作政府工作报告。新华社记者 姚大伟 摄\n\n"
        "各位代表：\n\n现在，我代表国务院，向大会报告过去五年政府工作，对今年工作提出建议，请予审议，并请全国政协委员提出意见。\n\n"
        "一、过去五年工作回顾\n"
    )
    assert (doc.title, doc.issued, doc.issuer) == ("政府工作报告", "2018-03-05", "国务院")


def test_the_signature_that_heads_the_notices_title_wins_over_a_reposting_pages_publisher() -> None:
    # notice_shanghai_medical_devices_action_plan.md:1-20: the 科委's page reposts the 办公厅's notice
    doc = parse_markdown(
        "# 上海市人民政府办公厅关于印发《上海市促进高端医疗器械产业全链条发展行动方案》的通知\n\n"
        "**发布日期**: 2025-10-31\n**发布机构**: 上海市科学技术委员会\n"
        "**检索时间**: 2026-02-02 15:25:09\n**检索关键词**: 人工智能, 北斗\n\n---\n\n沪府办发〔2025〕17号\n\n"
        "各区人民政府，市政府各委、办、局，各有关单位：\n\n"
        "  《上海市促进高端医疗器械产业全链条发展行动方案》已经市政府同意，现印发给你们，请认真按照执行。\n\n"
        "  上海市人民政府办公厅\n\n2025年9月4日\n\n**上海市促进高端医疗器械产业全链条发展行动方案**\n\n"
        "  为推进上海高端医疗器械产业高质量发展，打造更具全球影响力的高端医疗器械产业发展高地，制定本行动方案。\n\n"
        "  一、主要目标\n\n  到2027年，新增首次获批境内第三类医疗器械注册证超500件。\n"
    )
    assert (doc.issuer, doc.doc_number, doc.issued) == (
        "上海市人民政府办公厅",
        "沪府办发〔2025〕17号",
        "2025-09-04",
    )


def test_a_printed_field_block_that_repeats_each_label_before_its_value() -> None:
    # reg_state_council_consumer_rights_2024_govcn_pdf.md:305-311: the print draws each bold label
    # seven times; the block sits inside the last article, the 发布日期 runs on into its text
    doc = parse_text(
        "第一章　总　　则 第一章　总　　则\n第一条第一条　根据《中华人民共和国消费者权益保护法》，制定本条例。\n"
        "第五十条第五十条　经营者违反本条例第十条至第十四条、第十六条、\n第十七条、第十九条至第二十一条规定，由市场监督管理部门或者其他有关行政部门责令\n\n"
        "26/03/2024, 11:46 中华人民共和国消费者权益保护法实施条例 _ 工商 _ 中国政府网\n"
        "https://www.gov.cn/zhengce/content/202403/content_6940158.htm 13/13索 引 号： 索 引 号： 索 引 号："
        "000014349/2024-00029 主题分类： 主题分类： 主题分类：商\n"
        "发文机关： 发文机关： 发文机关：国务院 成文日期： 成文日期： 成文日期：2024年03月15日\n"
        "标　　题： 标　　题： 标　　题： 标　　题： 标　　题： 标　　题： 标　　题：中华人民共和国消费者权益保护法实施条例\n"
        "发文字号： 发文字号： 发文字号： 发文字号： 发文字号： 发文字号： 发文字号：国令第778号 发布日期： 发布日期： 发布日期： "
        "发布日期： 发布日期： 发布日期： 发布日期：2024年03月19日改正，可以根据情节单处或者并处\n"
        "所得1倍以上5倍以下的罚款，没有违法所得的，处以30万元以下的罚款。\n"
    )
    assert (doc.title, doc.published) == ("中华人民共和国消费者权益保护法实施条例", "2024-03-19")


def test_the_heads_who_sign_a_joint_decree_name_all_its_bodies() -> None:
    # reg_pbc_kyc_measures_2025_pdf.md:11-27: the database's 发文机关 leaves out 中国人民银行
    doc = parse_text(
        "1金融机构客户尽职调查和客户身份资料及交易记录保存管理办法（2025）\n发文机关：国家金融监督管理总局,中国证券监督管理委员会\n"
        "发布日期：2025.10.31\n生效日期：2026.01.01\n时效性：尚未生效\n文 号：中国人民银行国家金融监督管理总局中国证券监督管理委员会令\n"
        "〔2025〕第11号\n中国人民银行国家金融监督管理总局中国证券监督管理委员会令〔2025〕第11\n"
        "号《金融机构客户尽职调查和客户身份资料及交易记录保存管理办法》已经2025年\n10月11日中国人民银行2025年第14次行务会议审议通过，并经国家金融监督管\n"
        "理总局、中国证券监督管理委员会同意，现予公布，自2026年1月1日起施行。\n"
        "中国人民银行行长潘功胜\n国家金融监督管理总局局长李云泽\n中国证券监督管理委员会主席吴清\n2025年10月31日\n"
        "金融机构客户尽职调查和客户身份资料及交易记录保存管理办法\n第一章总则\n第一条为了预防和遏制洗钱和恐怖融资活动，制定本办法。\n"
    )
    assert doc.issuer == "中国人民银行,国家金融监督管理总局,中国证券监督管理委员会"


def test_a_sites_line_dates_the_page_with_its_time() -> None:
    # report_state_council_2013.txt:29-53 (as decoded): the time between the date and 来源
    doc = parse_text(
        "当前位置： 首页>> 中国概况>> 中国简况\n\n2013年国务院政府工作报告\n\n"
        "中央政府门户网站\u3000www.gov.cn\u3000\u3000 2013年03月19日 08时55分\u3000\u3000 来源：新华社\n\n【字体：大 中 小】\n\n"
        "\xa0\xa0\xa0\xa0新华社北京３月１８日电\n\n政府工作报告\n\n——2013年3月5日在第十二届全国人民代表大会第一次会议上\n\n"
        "国务院总理 温家宝\n\n\xa0\xa0\xa0\xa0各位代表：\n\n"
        "\xa0\xa0\xa0\xa0现在，我代表国务院，向大会报告过去五年的政府工作，并对今年工作提出建议，请各位代表审议。\n\n"
        "\xa0\xa0\xa0\xa0一、过去五年工作回顾\n\n\xa0\xa0\xa0\xa0五年来的主要工作及特点：\n"
    )
    assert (doc.published, doc.issued, doc.issuer) == ("2013-03-19", "2013-03-05", "国务院")


def test_a_lone_level_two_heading_opening_a_markdown_file_is_its_title() -> None:
    # reg_state_council_illegal_fundraising_2021.md:1-15: ## title（国务院令第737号）, then the
    # decree whose head and number open its text
    doc = parse_markdown(
        "## 防范和处置非法集资条例（国务院令第737号）\n\n\n\n"
        "中华人民共和国国务院令  第737号 《防范和处置非法集资条例》已经2020年12月21日国务院第119次常务会议通过，"
        "现予公布，自2021年5月1日起施行。\n\n\u3000\u3000总\u3000理\u3000\u3000李克强\n\n\u3000\u30002021年1月26日\n\n"
        "\u3000\u3000 **防范和处置非法集资条例**\n\n\u3000\u3000第一章\u3000总\u3000\u3000则\n\n"
        "\u3000\u3000第一条\u3000为了防范和处置非法集资，保护社会公众合法权益，防范化解金融风险，维护经济秩序和社会稳定，制定本条例。\n"
    )
    assert (doc.title, doc.issuer, doc.doc_number, doc.issued) == (
        "防范和处置非法集资条例",
        "国务院",
        "中华人民共和国国务院令第737号",
        "2021-01-26",
    )
    assert [(n.kind, n.label) for n in doc.outline] == [("chapter", "一")]


def test_a_heading_that_writes_the_decrees_number_before_the_title() -> None:
    # reg_pbc_beneficial_owner_measures_2025.md:1-11
    doc = parse_markdown(
        "## 中国人民银行令〔2025〕第12号（金融机构客户受益所有人识别管理办法）\n\n"
        " 《金融机构客户受益所有人识别管理办法》已经2025年12月12日中国人民银行2025年第18次行务会议审议通过，"
        "现予公布，自2026年1月20日起施行。\n\n  行 长 潘功胜\n\n  2025年12月19日\n\n金融机构客户受益所有人识别管理办法\n\n"
        "  第一章 总 则\n\n  第一条 为了预防和遏制洗钱和恐怖融资活动，制定本办法。\n"
    )
    assert (doc.title, doc.issuer, doc.doc_number, doc.issued) == (
        "金融机构客户受益所有人识别管理办法",
        "中国人民银行",
        "中国人民银行令〔2025〕第12号",
        "2025-12-19",
    )


def test_a_red_header_set_as_a_level_one_heading_is_no_title() -> None:
    # report_tenpay_elderly_payment_services_2025.md:1-21 and 101-117: the company's red header and
    # the report's title are both # headings; the company signs above the date
    doc = parse_markdown(
        "# 财付通支付科技有限公司文件\n\n**财付通〔2026〕20 号**\n\n---\n\n"
        "# 关于 2025 年度适老化支付服务进展情况的报告\n\n**中国人民银行深圳市分行：**\n\n"
        "自 2020 年以来，财付通公司积极落实适老化工作要求，现将有关情况报告如下。\n\n---\n\n"
        "## 一、支付服务适老化工作落实情况\n\n一直以来，财付通公司积极响应人民银行有关支付机构助力老年人支付服务的工作要求。\n\n"
        "### （一）创新优化提升支付适老化产品，做好 APP 适老化改造。\n\n为方便老年人日常生活场景中的使用，推出关怀模式。\n\n"
        "## 二、后续工作\n\n财付通将持续做好适老化支付服务。\n\n**特此报告。**\n\n&nbsp;\n\n"
        "**财付通支付科技有限公司**\n\n**2026 年 1 月 14 日**\n\n---\n\n*（此文档共 13 页）*\n"
    )
    assert (doc.title, doc.issuer, doc.doc_number, doc.issued) == (
        "关于2025年度适老化支付服务进展情况的报告",
        "财付通支付科技有限公司",
        "财付通〔2026〕20号",
        "2026-01-14",
    )
    assert [(n.kind, n.label) for n in doc.outline] == [("part", "一"), ("part", "二")]


def test_a_bare_attachment_label_above_the_attached_title() -> None:
    # notice_shanghai_proof_of_concept_platforms_2025.md:11-35
    doc = parse_markdown(
        "# 关于印发《上海市高质量概念验证平台建设实施方案》的通知\n\n**发布日期**: 2025-07-10\n**发布机构**: 上海市科学技术委员会\n\n---\n\n"
        "沪科合〔2025〕17号\n\n各有关单位：\n\n　　为深化科技成果转化机制改革，现将《上海市高质量概念验证平台建设实施方案》印发给你们，请认真贯彻执行。\n\n"
        "　　附件：上海市高质量概念验证平台建设实施方案\n\n　　上海市科学技术委员会\n\n上海市发展和改革委员会\n\n上海市经济和信息化委员会\n\n"
        "上海市教育委员会\n\n2025年7月10日\n\n附件\n\n**上海市高质量概念验证平台建设实施方案**\n\n"
        "　　为深化科技成果转化机制改革，制定本方案。\n\n　　一、工作目标\n\n　　面向前沿科技、未来产业、战略性新兴产业，建设一批高质量概念验证平台。\n"
    )
    assert (doc.title, doc.issuer, doc.doc_number) == (
        "上海市高质量概念验证平台建设实施方案",
        "上海市科学技术委员会",
        "沪科合〔2025〕17号",
    )


def test_a_headline_that_announces_what_an_office_issued() -> None:
    # notice_shanghai_tech_services_opinions_2025.md:1-17 (the text is the 意见 itself) and
    # notice_shanghai_g60_corridor_measures_2025.md:1-21 (a notice handing the 措施 on); the 办公厅
    # heads the headline and signs, the page's 发布机构 is the reposting commission
    doc = parse_markdown(
        "# 上海市人民政府办公厅印发《关于进一步深化改革创新 加快科技服务业高质量发展的若干意见》\n\n"
        "**发布日期**: 2025-05-27\n**发布机构**: 上海市科学技术委员会\n\n---\n\n沪府办发〔2025〕11号\n\n"
        "各区人民政府，市政府各委、办、局，各有关单位：\n\n　　为进一步深化改革创新，加快科技服务业高质量发展，经市政府同意，现提出如下意见。\n\n"
        "　**一、提升科技服务供给质量**\n\n**（一）推动科技创新资源开放**\n\n　　优化运营管理和开放共享考核制度。\n\n"
        "　　上海市人民政府办公厅\n\n　　2025年5月17日\n"
    )
    assert (doc.title, doc.issuer, doc.issued) == (
        "关于进一步深化改革创新 加快科技服务业高质量发展的若干意见",
        "上海市人民政府办公厅",
        "2025-05-17",
    )
    doc = parse_markdown(
        "# 上海市人民政府办公厅印发《关于支持长三角G60科创走廊策源地建设的若干措施》的通知\n\n"
        "**发布日期**: 2025-12-26\n**发布机构**: 上海市科学技术委员会\n\n---\n\n沪府办规〔2025〕15号\n\n"
        "相关区人民政府，市政府有关委、办、局，各有关单位：\n\n"
        "  《关于支持长三角G60科创走廊策源地建设的若干措施》已经市政府同意，现印发给你们，请认真按照执行。\n\n"
        "上海市人民政府办公厅\n\n2025年12月2日\n\n**关于支持长三角G60科创走廊策源地建设的若干措施**\n\n"
        "  为深入贯彻落实长三角一体化发展战略部署，制定本措施。\n\n  一、共筑科技创新策源地\n"
    )
    assert (doc.title, doc.issuer) == (
        "关于支持长三角G60科创走廊策源地建设的若干措施",
        "上海市人民政府办公厅",
    )


def test_a_title_line_that_writes_its_issuers_before_the_scraper_headings_words() -> None:
    # opinion_cpc_state_council_rural_revitalization_2023.md:1-17
    doc = parse_markdown(
        "# 关于做好2023年全面推进乡村振兴重点工作的意见\n**发布日期**: 2023年2月14日\n**发布机构**: 中共中央\n**分类**: \n"
        "**来源**: https://www.gov.cn/zhengce/2023-02/13/content_5741370.htm\n---\n## 政策全文\n新华社北京2月13日电\n"
        "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见\n（2023年1月2日）\n"
        "党的二十大擘画了以中国式现代化全面推进中华民族伟大复兴的宏伟蓝图。\n一、抓紧抓好粮食和重要农产品稳产保供\n"
        "（一）全力抓好粮食生产。确保全国粮食产量保持在1.3万亿斤以上。\n"
    )
    assert (doc.title, doc.issuer, doc.issued) == (
        "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见",
        "中共中央",
        "2023-01-02",
    )


def test_an_office_that_issues_a_document_unquoted_in_its_notices_title() -> None:
    # tests/fixtures/formats/html_jiangxi_financing_guarantee_measures_2020.html, blocks 1-14 as the
    # HTML reader gives them: the field table's 发文机关 is the short 省政府办公厅
    doc = parse_text(
        "索引号：014500815/2020-04047\n发文机关：省政府办公厅\n发文字号：赣府厅发〔2020〕10号\n主题分类：财政、金融、审计\n"
        "成文日期：2020-03-16\n发布日期：2020-03-19\n"
        "江西省人民政府办公厅印发关于完善政府性融资担保体系切实支持小微企业和“三农”发展若干措施的通知\n"
        "各市、县（区）人民政府，省政府各部门：\n"
        "《关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。\n"
        "2020年3月16日\n（此件主动公开）\n关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施\n"
        "为贯彻落实《国务院关于促进融资担保行业加快发展的意见》（国发〔2015〕43号）精神，制定以下措施。\n"
        "一、加快推进政府性融资担保体系建设\n"
    )
    assert (doc.title, doc.issuer, doc.doc_number) == (
        "关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施",
        "江西省人民政府办公厅",
        "赣府厅发〔2020〕10号",
    )


def test_an_attachment_saved_on_its_own_and_a_number_it_cites() -> None:
    # tests/fixtures/formats/pdf_jiangxi_investment_approval_checklist_2020.pdf, page 1 as the PDF
    # reader gives it: 附件1 over the title, a table whose cell cites 赣府发〔2017〕7号文
    doc = parse_text(
        "附件1\n江西省投资项目“容缺审批+承诺制”办理模式事项清单\n事项 | 材料\n"
        "序号 事项名称 | 事项办理项目范围 | 申请材料 | 材料提供适用情形 | 材料类型\n类别 | 序号\n1 项目申请报告 | 主审材料\n"
        "目核准 | 许可版本 为 2017 年 本,见4 移民安置规划审核 | 涉及移民安置的大中型水利 水主审材料(可用容缺审批初审\n"
        "赣府发〔2017〕7号文) | 电项目 | 意见替代)\n中的项目需办理\n"
    )
    assert (doc.title, doc.doc_number, doc.outline) == (
        "江西省投资项目“容缺审批+承诺制”办理模式事项清单",
        None,
        (),
    )


def test_a_government_rules_history_note_dates_it_and_names_its_issuer() -> None:
    # reg_guangzhou_underground_space_2019_pdf.txt:1-10 (CRLF; the note wrapped over six lines)
    doc = parse_text(
        "广州市地下空间开发利用管理办法 \n \n（2011 年 12 月 15 日广州市人民政府令第 61 号公布，\n"
        "根据 2015 年 9 月 30 日广州市人民政府令第 132 号《广州市\n人民政府关于因行政区划调整修改〈广州市扩大区县级市管\n"
        "理权限规定〉等 93 件政府规章的决定》第一次修订，根据\n2019 年 11 月 14 日广州市人民政府令第 168 号《广州市人民\n"
        "政府关于修改和废止部分政府规章的决定》第二次修订） \n \n第一章 总 则 \n"
        "第一条 为加强城市地下空间开发利用管理，合理开发\n利用本市地下空间资源，制定本办法。 \n"
    )
    assert (doc.title, doc.issued, doc.issuer) == (
        "广州市地下空间开发利用管理办法",
        "2019-11-14",
        "广州市人民政府",
    )


def test_a_joint_title_naming_every_issuer_and_its_number_in_brackets() -> None:
    # notice_pbc_virtual_currency_risks_2026.md:1-13 (a scraper's Markdown: the # title names the
    # eight issuers, 94 characters with the number noted after it; fields; the title again)
    title = (
        "中国人民银行 国家发展改革委 工业和信息化部 公安部 市场监管总局 金融监管总局 中国证监会 "
        "国家外汇局关于进一步防范和处置虚拟货币等相关风险的通知"
    )
    doc = parse_markdown(
        f"# {title}（银发〔2026〕42号）\n\n**版本**: 现行有效\n\n**更新时间**: 2026-02-18\n\n---\n\n"
        f"{title}（银发〔2026〕42号）\n\n各省、自治区、直辖市人民政府，新疆生产建设兵团：\n\n"
        "  近期，虚拟货币、现实世界资产（RWA）代币化相关投机炒作活动时有发生。现就有关事项通知如下：\n\n"
        "  一、明确虚拟货币、现实世界资产代币化和相关业务活动本质属性\n\n"
        "  （一）虚拟货币不具有与法定货币等同的法律地位。比特币、以太币等虚拟货币具有非货币当局发行等主要特点。\n"
    )
    assert (doc.title, doc.doc_number) == (title, "银发〔2026〕42号")


def test_a_joint_opinion_titled_by_its_nine_issuers() -> None:
    # opinion_pbc_elderly_finance_2024.md:1-5 (the # title is 94 characters long)
    title = (
        "中国人民银行 金融监管总局 国家发展改革委 民政部 财政部 人力资源社会保障部 国家卫生健康委 "
        "中国证监会 国家医保局关于金融支持中国式养老事业 服务银发经济高质量发展的指导意见"
    )
    doc = parse_markdown(
        f"# {title}\n\n推进中国式养老事业、发展银发经济，事关国家发展全局和亿万人民福祉。现提出如下意见。\n\n"
        "## 一、总体要求和目标任务\n\n以习近平新时代中国特色社会主义思想为指导。\n"
    )
    assert doc.title == title


def test_a_press_release_announcing_one_joint_opinion_lends_it_its_title() -> None:
    # notice_pbc_moa_rural_reform_finance_2025.md:1-19 (the release's headline names two issuers side
    # by side; 附件： then the opinion's own title, issuers before 关于)
    doc = parse_markdown(
        "中国人民银行 农业农村部印发《关于加强金融服务农村改革 推进乡村全面振兴的意见》\n\n"
        "为深入贯彻落实党的二十大精神，近日中国人民银行、农业农村部联合印发《关于加强金融服务农村改革 "
        "推进乡村全面振兴的意见》（以下简称《意见》）。\n\n附件：\n\n"
        "中国人民银行 农业农村部关于加强金融服务农村改革 推进乡村全面振兴的意见\n\n"
        "为深入贯彻落实党的二十大精神，现提出如下意见。\n\n一、增强粮食安全金融保障\n\n"
        "（一）加大粮食和重要农产品稳产保供金融投入。对接粮油作物大面积单产提升行动。\n\n"
        "中国人民银行\n\n农业农村部\n\n2025年7月17日\n"
    )
    assert (doc.title, doc.issuer, doc.issued) == (
        "中国人民银行 农业农村部关于加强金融服务农村改革 推进乡村全面振兴的意见",
        "中国人民银行,农业农村部",
        "2025-07-17",
    )


def test_a_joint_decrees_formula_in_a_news_lead_names_issuers_and_date() -> None:
    # reg_pbc_aml_special_measures_2025.md:1-15 (scraper fields, a news lead quoting the decree's
    # formula, the title, then the 办法 with no signature)
    doc = parse_markdown(
        "# 反洗钱特别预防措施管理办法\n\n**版本**: 现行有效\n\n**更新时间**: 2026-02-18\n\n---\n\n"
        "据中国人民银行网站消息，八部门发布《反洗钱特别预防措施管理办法》，该办法已经2025年11月17日"
        "中国人民银行2025年第15次行务会议审议通过，并经外交部、公安部、国家安全部、司法部、财政部、"
        "住房城乡建设部、市场监管总局同意，现予公布，自2026年2月16日起施行。\n反洗钱特别预防措施管理办法\n"
        "　　第一章 总则\n　　第一条 为预防洗钱、恐怖融资及大规模杀伤性武器扩散融资活动，制定本办法。\n"
    )
    assert (doc.title, doc.issuer, doc.issued) == (
        "反洗钱特别预防措施管理办法",
        "中国人民银行,外交部,公安部,国家安全部,司法部,财政部,住房城乡建设部,市场监管总局",
        "2025-11-17",
    )


def test_a_converted_pages_link_line_breadcrumbs_and_label_value_rows() -> None:
    # the site's menu glued into one line of links, a breadcrumb table, then the fields as label | value
    # cells (索引号 | … | 文号 | 丽政发〔2023〕30号), the title and the notice
    path = (
        Path(__file__).parent
        / "fixtures/converted/docs/html_lishui_veterans_placement_notice_2023_markitdown.md"
    )
    doc = parse_markdown("\n".join(path.read_text(encoding="utf-8").split("\n")[:30]))
    assert (doc.title, doc.doc_number, doc.issued, doc.published) == (
        "丽水市人民政府关于下达2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务的通知",
        "丽政发〔2023〕30号",
        "2023-10-16",
        "2023-10-23",
    )


def test_a_pandoc_page_whose_breadcrumb_starts_at_home() -> None:
    # /tmp/conv2-style pandoc copy of tests/fixtures/formats/html_jiangxi_development_zones_opinions_2020.html
    # (tests/fixtures/converted/docs/html_jiangxi_development_zones_opinions_2020_pandoc.md, text only)
    doc = parse_markdown(
        "当前位置：\n\n首页\n\n| >政府信息公开目录 | >省政府办公厅 | >政策法规 | >政策文件 |\n|---|---|---|---|\n\n"
        "| 索  引  号: 014500815/2020-03432 | 发文机关: 江西省人民政府 | 文      号: 赣府发〔2020〕8号 |\n"
        "|---|---|---|\n\n"
        "江西省人民政府关于推进全省国家级开发区创新提升打造改革开放新高地的若干意见\n\n"
        "各市、县（区）人民政府，省政府各部门：\n\n为进一步破解我省国家级开发区体制机制障碍，现结合我省实际，提出以下意见。\n"
    )
    assert doc.title == "江西省人民政府关于推进全省国家级开发区创新提升打造改革开放新高地的若干意见"


def test_a_pdf_report_titled_by_its_issuer_over_the_reports_name() -> None:
    # tests/fixtures/converted/docs/pdf_hongze_gov_info_disclosure_report_2023_markitdown.md:1-3
    doc = parse_text(
        "洪泽区人民政府\n2023 年政府信息公开工作年度报告\n"
        "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制此报告。\n"
        "一、总体情况\n2023年，洪泽区坚持以人民为中心。\n"
    )
    assert doc.title == "洪泽区人民政府2023年政府信息公开工作年度报告"


def test_a_converters_bare_copy_of_the_title_is_not_its_own_writing() -> None:
    # tests/fixtures/converted/docs/docx_digital_economy_plan_2021_markitdown.md:1-30 (markitdown puts the
    # file's bare name in bold above the # title that keeps the quotes)
    doc = parse_markdown(
        "**十四五数字经济发展规划**\n\n# “十四五”数字经济发展规划\n\n\\*\\*发布日期\\*\\*: 2022年1月\n\n---\n\n"
        "## 政策全文\n\n国务院关于印发\n\n“十四五”数字经济发展规划的通知\n\n国发〔2021〕29号\n\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n"
        "现将《“十四五”数字经济发展规划》印发给你们，请认真贯彻执行。\n\n国务院\n\n2021年12月12日\n\n"
        "“十四五”数字经济发展规划\n\n数字经济是继农业经济、工业经济之后的主要经济形态。\n\n## 一、发展现状和形势\n"
    )
    assert doc.title == "“十四五”数字经济发展规划"


def test_a_word_files_bare_name_over_the_title_the_text_writes_with_its_marks() -> None:
    # pandoc (gfm) of tests/fixtures/formats' 上海 农机 .docx, lines 1-23: the file's name in bold
    # without the quotes, the scraper's # escaped as text, fields, then the text's own title
    doc = parse_markdown(
        "**上海关于贯彻落实十四五全国农业机械化发展规划的实施意见**\n\n"
        "\\# 上海关于贯彻落实“十四五”全国农业机械化发展规划的实施意见\n\n"
        "\\*\\*发布日期\\*\\*: 2022年5月26日  \n\\*\\*发布机构\\*\\*: 上海市  \n\n---\n\n"
        "上海关于贯彻落实《“十四五”全国农业机械化发展规划》的实施意见\n\n"
        "为贯彻落实《“十四五”全国农业机械化发展规划》，结合本市实际，提出以下实施意见。\n"
    )
    assert doc.title == "上海关于贯彻落实《“十四五”全国农业机械化发展规划》的实施意见"


def test_pdf_text_spaces_around_a_quotation_are_no_part_of_the_title() -> None:
    # pdftotext of tests/fixtures/formats/pdf_jiangxi_investment_approval_checklist_2020.pdf, lines 1-3
    doc = parse_text(
        "附件 1\n\n江西省投资项目 “容缺审批 + 承诺制 ”办理模式事项清单\n\n序号 事项名称 申请材料\n"
    )
    assert doc.title == "江西省投资项目“容缺审批+承诺制”办理模式事项清单"


def test_an_attached_title_set_on_two_lines_under_an_unquoted_notice_title() -> None:
    # tests/fixtures/converted/docs/html_jiangxi_financing_guarantee_measures_2020_pandoc.md (text only):
    # the notice names the measures without 的; the measures head themselves over two lines
    doc = parse_markdown(
        "江西省人民政府办公厅印发关于完善政府性融资担保体系切实支持小微企业和“三农”发展若干措施的通知\n\n"
        "各市、县（区）人民政府，省政府各部门：\n\n《关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施》"
        "已经省政府同意，现印发给你们，请认真贯彻执行。\n\n2020年3月16日\n\n（此件主动公开）\n\n"
        "关于完善政府性融资担保体系\n\n切实支持小微企业和“三农”发展的若干措施\n\n"
        "为进一步完善政府性融资担保体系，制定以下措施。\n\n一、总体目标\n\n到2020年底，基本建成政府性融资担保体系。\n"
    )
    assert doc.title == "关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施"


def test_the_attached_document_set_as_the_heading_that_opens_the_outline() -> None:
    # notice_pcac_self_regulatory_inspection_2023.md:1-28 (the notice as ## 关于印发《X》的通知, its
    # body naming X（试行）, then ## X over ### 第一章): X is the title and no outline node
    doc = parse_markdown(
        "# 中国支付清算协会自律监督检查办法\n\n## 文件信息\n\n- **发布机构**：中国支付清算协会\n"
        "- **文号**：中支协发〔2023〕34号\n- **发布日期**：2023年3月6日\n\n---\n\n"
        "## 关于印发《中国支付清算协会自律监督检查办法》的通知\n\n各会员单位：\n\n"
        "为进一步加强对支付清算行业的自律管理，协会修订了《中国支付清算协会自律监督检查办法（试行）》，"
        "经协会第四届理事会第三次会议审议通过，现予以印发。请各会员单位遵照执行。\n\n特此通知。\n\n"
        "中国支付清算协会\n2023年3月6日\n\n---\n\n## 中国支付清算协会自律监督检查办法\n\n### 第一章 总则\n\n"
        "**第一条** 为加强对支付清算行业的自律管理，制定本办法。\n\n## 印发说明\n\n- **抄送**：总行支付结算司\n"
    )
    assert doc.title == "中国支付清算协会自律监督检查办法"
    assert doc.doc_number == "中支协发〔2023〕34号"
    assert [(n.kind, n.label) for n in doc.outline] == [("chapter", "一")]
    assert [(n.kind, n.label) for n in doc.outline[0].children] == [("article", "一")]


def _page(name: str) -> Document:
    from plantui.read import read_file

    path = Path(__file__).parent / "fixtures/real/docs" / name
    return parse_source(read_file(path)[1], name)


def test_a_saved_page_repeats_the_notice_title_far_above_the_attached_document() -> None:
    # govcn_guangzhou_temporary_assistance_rules_2021.html: the title in the scraper's preface
    # (block 2), 60 blocks of site chrome, the title twice more over the notice, then the 细则's title
    doc = _page("govcn_guangzhou_temporary_assistance_rules_2021.html")
    assert doc.title == "广州市临时救助实施细则"
    # govcn_guangzhou_internship_base_measures_2019.html: the notice title cut over two blocks
    doc = _page("govcn_guangzhou_internship_base_measures_2019.html")
    assert doc.title == "广州市就业见习基地管理办法"


def test_a_notice_re_issuing_a_document_lends_its_title() -> None:
    # govcn_guangzhou_points_based_hukou_measures_2025.html:2-8
    doc = parse_text(
        "穗府办规〔2025〕8号\n广州市人民政府办公厅关于重新发布广州市积分制入户管理办法的通知\n"
        "各区人民政府，市政府各部门、各直属机构：\n"
        "经市人民政府同意，现将《广州市积分制入户管理办法》重新印发给你们，请认真贯彻执行。\n"
        "广州市人民政府办公厅\n2025年6月30日\n广州市积分制入户管理办法\n"
        "第一条  为加强来穗人员服务管理，有序推进农业转移人口市民化，制定本办法。\n"
    )
    assert doc.title == "广州市积分制入户管理办法"
    assert doc.issuer == "广州市人民政府办公厅"


def test_bodies_signing_side_by_side_that_the_title_names_all_issue_it() -> None:
    # govcn_guangzhou_minimum_living_standards_notice_2025.html:58-85 (the page's 发布机关 names the
    # first body; the title writes two spaces between the two; they sign on one line)
    doc = parse_text(
        "文　　号： 穗民规字〔2025〕2号\n发布机关： 广州市民政局\n"
        "广州市民政局  广州市财政局关于印发我市2025年最低生活保障及相关社会救助标准的通知\n"
        "各区人民政府，市政府各部门、各直属机构：\n"
        "经市人民政府同意，现公布我市2025年城乡最低生活保障等标准。现就有关事项通知如下：\n"
        "一、社会救助标准\n（一）全市城乡最低生活保障标准为每人每月1309元。\n"
        "二、标准执行时间\n（一）本通知规定的最低生活保障标准均从2025年1月1日起执行。\n"
        "广州市民政局　　广州市财政局\n2025年5月30日\n"
    )
    assert doc.title == "广州市民政局 广州市财政局关于印发我市2025年最低生活保障及相关社会救助标准的通知"
    assert doc.issuer == "广州市民政局,广州市财政局"
    # notice_shanghai_public_health_emergency_sci_2025.md: the 发布机构 a scraper states is kept
    # where the title names no body (关于印发《…》的通知), however many sign
    kept = parse_markdown(
        "# 关于印发《关于加强公共卫生应急管理科技攻关体系与能力建设的实施意见》的通知\n\n"
        "**发布机构**: 上海市科学技术委员会\n\n---\n\n沪科合〔2025〕20号\n\n各有关单位：\n\n"
        "现将《关于加强公共卫生应急管理科技攻关体系与能力建设的实施意见》印发给你们，请认真按照执行。\n\n"
        "上海市科学技术委员会　　上海市卫生健康委员会\n\n2025年7月16日\n\n一、总体要求\n"
    )
    assert kept.issuer == "上海市科学技术委员会"


def test_a_decree_number_set_under_its_name_without_brackets() -> None:
    # govcn_guangzhou_elderly_preferential_measures_2021.html:1-8
    doc = parse_text(
        "发布日期：2021-02-09\n广州市人民政府令\n第179号\n"
        "《广州市老年人优待办法》已经2021年1月8日市政府第15届130次常务会议通过，现予公布，自2021年5月1日起施行。\n"
        "市　长：温国辉\n2021年1月29日\n广州市老年人优待办法\n"
        "第一条 为保障老年人合法权益，发展老龄事业，结合本市实际情况，制定本办法。\n"
    )
    assert doc.doc_number == "广州市人民政府令第179号"
    assert doc.title == "广州市老年人优待办法"
    assert doc.issued == "2021-01-29"


def test_a_branch_of_the_central_bank_issues_in_its_own_name() -> None:
    # notice_guizhou_payment_inclusion_consultation_2025.md:1, 115-125 (a 征求意见 page)
    doc = parse_markdown(
        "# 中国人民银行贵州省分行关于征求《关于印发2025年贵州省支付普惠工作指引的通知（征求意见稿）》"
        "公平竞争影响意见的通知\n\n---\n\n## 一、基本情况\n\n**文件性质**：规范性文件\n\n---\n\n## 六、附件\n\n"
        "2. 公平竞争审查自我评估表\n\n---\n\n**中国人民银行贵州省分行**\n\n**2025年5月12日**\n\n---\n\n"
        "*注：本文件为征求意见稿，最终版本可能根据各方意见进行修改调整。*"
    )
    assert doc.issuer == "中国人民银行贵州省分行"
    assert doc.issued == "2025-05-12"


def test_the_attached_document_as_a_markdown_appendix_heading_opening_the_outline() -> None:
    # tests/fixtures/converted/docs/pdf_pcac_fintech_innovation_guideline_2021_llm.md:1-27 (an LLM's
    # Markdown of the PDF: ## 附件：X over ### 第一章, one document attached)
    doc = parse_markdown(
        "# 金融科技创新自律工作指引（试行）\n\n## 中国支付清算协会文件\n\n**中支协发（2021）152号**\n\n"
        "### 关于印发《金融科技创新自律工作指引（试行）》的通知\n\n各会员单位：\n\n"
        "为进一步规范金融科技创新自律工作流程，中国支付清算协会研究制定了《金融科技创新自律工作指引（试行）》。"
        "经中国支付清算协会第三届常务理事会第五次会议审议通过，现予以发布，自发布之日起实施。\n\n特此通知。\n\n---\n\n"
        "## 附件：金融科技创新自律工作指引（试行）\n\n### 第一章 总则\n\n"
        "**第一条** 为加强金融科技创新自律管理，制定本指引。\n"
    )
    assert doc.title == "金融科技创新自律工作指引（试行）"
    assert [(n.kind, n.label) for n in doc.outline] == [("chapter", "一")]


def test_a_converters_title_naming_the_one_attached_document_is_its_title() -> None:
    # tests/fixtures/converted/docs/pdf_pcac_outsourcing_filing_rules_2025_llm.md:1-13 (the notice
    # hands the 规范 on with 现予以发布 after （以下简称《规范》）: not 印发, not right after its name)
    doc = parse_markdown(
        "# 收单外包服务机构备案管理规范\n\n## 中国支付清算协会文件\n\n**中支协发〔2025〕62号**\n\n"
        "### 关于发布《收单外包服务机构备案管理规范》的通知\n\n各有关会员单位：\n\n"
        "为进一步规范支付外包服务行为，中国支付清算协会（以下简称协会）组织起草了《收单外包服务机构备案管理规范》"
        "（以下简称《规范》），经协会第四届常务理事会第六次会议审议通过，现予以发布，请认真遵照执行。\n\n"
        "---\n\n## 正文\n\n### 第一章 总则\n\n**第一条** 为规范收单外包服务机构备案管理，制定本规范。\n"
    )
    assert doc.title == "收单外包服务机构备案管理规范"
    assert doc.doc_number == "中支协发〔2025〕62号"
    # the same notice under its own # title keeps it (notice_shanghai_bci_action_plan_2025.md keeps
    # the attached plan's title only because the plan's bold title line follows the notice)
    plain = parse_markdown(
        "# 关于发布《收单外包服务机构备案管理规范》的通知\n\n各有关会员单位：\n\n现予以发布，请认真遵照执行。\n\n"
        "### 第一章 总则\n\n**第一条** 为规范收单外包服务机构备案管理，制定本规范。\n"
    )
    assert plain.title == "关于发布《收单外包服务机构备案管理规范》的通知"


def test_a_decree_number_noted_after_the_title_and_heads_signing_apart() -> None:
    # tests/fixtures/converted/docs/pdf_pbc_beneficial_owner_measures_2024_ragkb.md:1-17 (PDF text
    # under a RAG pipeline's header: the body, the office and the name spaced apart)
    doc = parse_markdown(
        "# 受益所有人信息管理办法（中国人民银行 国家市场监督管理总局令〔2024〕第3号）\n\n**版本**: 现行有效\n\n---\n\n"
        "- 1 - \n 受益所有人信息管理办法  \n（中国人民银行  国家市场监督管理总局令〔 2024〕第3号） \n"
        "《受益所有人信息管理办法》 已经中国人民银行行务会议审议\n通过和国家市场监督管理总局审签， 并经国务院批准， 现予发布，\n"
        "自2024年11月1日起施行。  \n中国人民银行   行长   潘功胜  \n国家市场监督管理总局   局长   罗文  \n2024年4月29日 \n"
        "  第一条  为提高市场透明度，维护市场秩序、金融秩序，制定本办法。\n"
    )
    assert doc.title == "受益所有人信息管理办法"
    assert doc.doc_number == "中国人民银行国家市场监督管理总局令〔2024〕第3号"
    assert doc.issuer == "中国人民银行,国家市场监督管理总局"
    # …/pdf_pbc_terrorist_financing_reports_measures_2007_ragkb.md:1: one body's decree
    one = parse_markdown(
        "# 金融机构报告涉嫌恐怖融资的可疑交易管理办法（中国人民银行令〔2007〕第1号）\n\n**版本**: 现行有效\n\n---\n\n"
        "金融机构报告涉嫌恐怖融资的可疑交易管理办法  \n中国人民银行令 \n"
        "  第一条 为监测恐怖融资行为，防止利用金融机构进行恐怖融资，制定本办法。\n"
    )
    assert one.doc_number == "中国人民银行令〔2007〕第1号"


def test_a_doc_number_whose_opening_bracket_ocr_lost() -> None:
    # notice_pcac_acquiring_outsourcing_opinion_2023_ocr.md:1-12 (OCR of the scanned notice)
    doc = parse_markdown(
        "# 关于加强收单外包服务市场规范管理的意见\n\n## 第01页\n\n中国文付请路协会文件\n\n中支协发2023】 81 号\n\n"
        "中国支付请算协会关于印发《关于加强\n收单外包服务市场规范管理的意见》的通知\n\n"
        "各有关商业银行，非银行支付机构，收单外包服务机构， 清算机\n构：\n"
    )
    assert doc.doc_number == "中支协发〔2023〕81号"
    # a number with both brackets keeps them as written
    kept = parse_text(
        "中支协发[2025] 45号\n中国支付清算协会关于印发《特大商户信息管理办法》的通知\n各会员单位：\n"
    )
    assert kept.doc_number == "中支协发[2025]45号"


def test_a_scrapers_cut_issuer_gives_way_to_the_seven_bodies_signing() -> None:
    # converted/docs/docx_satellite_direct_service_rules_2025_markitdown.md lines 1-27 (user trial
    # F25): the scraper's 发布机构 cuts the first signer's name; 海关总署 signs among them
    head = (
        "# 终端设备直连卫星服务管理规定\n\n\\*\\*发布日期\\*\\*: 2025年4月\n"
        "\\*\\*发布机构\\*\\*: 国家互联网信息办\n\n## 政策全文\n"
        "关于印发《终端设备直连卫星服务管理规定》的通知\n国信办发文〔2025〕1号\n\n"
        "现将《终端设备直连卫星服务管理规定》印发给你们，请认真贯彻执行。\n\n"
    )
    signers = ["国家互联网信息办公室", "国家发展和改革委员会", "工业和信息化部", "公安部", "海关总署"]
    signers += ["国家市场监督管理总局", "国家广播电视总局"]
    doc = parse_markdown(head + "\n".join(signers) + "\n2025年4月23日\n")
    assert (doc.issuer, doc.issued) == (",".join(signers), "2025-04-23")
    # a field that names the first signer in full stays as it is written
    doc = parse_markdown(
        head.replace("国家互联网信息办\n", "国家互联网信息办公室\n")
        + "\n".join(signers)
        + "\n2025年4月23日\n"
    )
    assert doc.issuer == "国家互联网信息办公室"


def test_an_issuer_an_ocr_misread_is_taken_as_the_text_writes_it() -> None:
    # notice_pcac_acquiring_outsourcing_opinion_2023_ocr.md lines 1-40: the red header and the title
    # misread 清算 (中国文付请路协会, 中国支付请算协会); the text writes the name right twice
    path = Path(__file__).parent / "fixtures/real/docs/notice_pcac_acquiring_outsourcing_opinion_2023_ocr.md"
    pcac = parse_markdown("\n".join(path.read_text(encoding="utf-8").splitlines()[:40]))
    assert pcac.issuer == "中国支付清算协会"
    # notice_payment_clearing_card_issuing_guideline_2024_ocr.md lines 1-15: the red header kept only
    # 协会 of its name; the 文号's 中支协 abbreviates the body the text names
    card = parse_text(
        "--- 第 1 页 ---\n\n         崩复协会文件\nv            a\nEt LE] Se Pt Tt GE Pp SW\n中支协发[2024] 71 号\n"
        "关于修订《银行卡发卡业务\n风崔管理指引>》的通知\n各有关会员单位:\n为进一步规范银行卡发卡业务管理，防范支付风险,促进银\n"
        "行卡业务健康发展，中国支付清算协会组织对《银行卡发卡业务\n风险管理指引》 (中支协发[2020] 1 号印发) 进行了修订，经中\n"
        "国支付清算协会第四届理事会第七次会议审议通过，现予以发\n布，自2024年7月7日起施行，请遵照执行。\n"
    )
    assert card.issuer == "中国支付清算协会"
    # a name the text writes as often as its one-character variant stays (no misreading shown)
    from plantui.metadata_derive import misread_issuer

    assert misread_issuer(
        "中国支付清算协会", "中支协发〔2023〕81号", "中国支付清算协会与中国支付请算协会"
    ) == ("中国支付清算协会")
    assert (
        misread_issuer("北京市人民政府", "京政发〔2021〕1号", "京津冀三地政府协同，京津冀三地政府")
        == "北京市人民政府"
    )


def test_a_work_report_under_a_saved_pages_chrome() -> None:
    # report_yunnan_2026.txt lines 1-16: the breadcrumb's last item and the column name repeated,
    # the release stamp below 来源, the delivery line below the font-size buttons
    yunnan = parse_text(
        "您的位置:\n首页\n>\n云南要闻\n云南要闻\n2026年政府工作报告\n来源：云南日报\n2026-02-03 09:02:33\n"
        "【字体：\n大\n中\n小\n】\n——2026年1月28日在云南省第十四届人民代表大会第四次会议上\n省长　王予波\n各位代表：\n"
        "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n一、“十四五”时期和2025年工作回顾\n"
    )
    assert (yunnan.title, yunnan.issued, yunnan.published) == (
        "2026年政府工作报告",
        "2026-01-28",
        "2026-02-03",
    )
    # report_shaanxi_2026.txt lines 1-3: a share button's label (分享:) above the title
    shaanxi = parse_text(
        "分享:\n陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n"
        "首页\n>\n政府信息公开\n>\n政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n"
    )
    assert shaanxi.title == "陕西省2026年政府工作报告"
    # report_gansu_2026.txt lines 10-13: the delivery date written in words
    gansu = parse_text(
        "2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n来源：甘肃日报\n"
        "时间：2026-02-10\n甘肃省省长 任振鹤\n各位代表：\n我代表省人民政府，向大会报告工作。\n"
    )
    assert (gansu.title, gansu.issued, gansu.published) == (
        "2026年甘肃省政府工作报告",
        "2026-01-27",
        "2026-02-10",
    )


def test_a_doc_numbers_year_between_brackets_of_two_kinds_is_set_in_the_right_ones() -> None:
    # formats/pdf_shenzhen_project_planning_measures_2020_tesseract.pdf (OCR: 深府规【2020]6号);
    # a year between a matched pair stays as written (中支协发[2024]71号, 中支协发（2021）152号)
    from plantui.metadata import clean_doc_number

    assert clean_doc_number("深府规【2020]6号") == "深府规〔2020〕6号"
    assert clean_doc_number("中支协发[2024] 71 号") == "中支协发[2024]71号"
    assert clean_doc_number("中支协发（2021）152号") == "中支协发（2021）152号"


def test_a_marked_title_writing_the_attached_documents_name_after_its_issuer() -> None:
    # converted/docs/pcac_interconnection_committee_rules_2011_llm.md lines 1-11: the # title is the
    # rules' name with the association before it, the blockquoted notice quotes the name without it
    doc = parse_markdown(
        "# 中国支付清算协会支付互联互通管理委员会工作规则\n\n"
        "> **关于发布《支付互联互通管理委员会工作规则》的通知**\n>\n> 各会员单位：\n>\n"
        "> 《中国支付清算协会支付互联互通管理委员会工作规则》已经中国支付清算协会第二届理事会第二次会议审议通过，"
        "现予发布，请遵照执行。\n>\n> 特此通知。\n>\n> **二〇一一年四月十九日**\n\n---\n\n## 第一章 总则\n\n"
        "**第一条** 为促进商业银行间银行卡业务互联互通，制定本规则。\n"
    )
    assert (doc.title, doc.issuer, doc.issued) == (
        "中国支付清算协会支付互联互通管理委员会工作规则",
        "中国支付清算协会",
        "2011-04-19",
    )


def test_a_news_pages_delivery_line_with_horizontal_bars_dates_the_report() -> None:
    # report_qinghai_2026.txt:1-6: the delivery line opens with ―― (U+2015 twice), not ——
    doc = parse_text(
        "政府工作报告\n――2026年1月27日在青海省第十四届人民代表大会第四次会议上\n省长 罗东川\n"
        "2026-01-31 07:00:44\n来源：青海日报\n各位代表：\n"
        "现在，我代表省人民政府向大会报告工作，请予审议。\n一、2025年和“十四五”时期工作回顾\n"
    )
    assert (doc.title, doc.issued) == ("政府工作报告", "2026-01-27")


def test_a_disabled_persons_federation_signs_its_own_rules() -> None:
    # govcn_guangzhou_assistive_devices_measures_2019.html blocks 65-72: a 联合会 is an issuer
    doc = parse_text(
        "穗残联规字〔2019〕2号\n广州市残疾人联合会关于印发广州市残疾人辅助器具适配工作管理办法的通知\n各区残联：\n"
        "为进一步建立健全我市残疾人辅助器具保障制度，现将《广州市残疾人辅助器具适配工作管理办法》印发给你们，请遵照执行。\n"
        "广州市残疾人联合会\n2019年1月17日\n广州市残疾人辅助器具适配工作管理办法\n第一章  总则\n"
        "第一条  为进一步建立健全我市残疾人辅助器具保障制度，制定本办法。\n"
    )
    assert (doc.title, doc.issuer, doc.issued) == (
        "广州市残疾人辅助器具适配工作管理办法",
        "广州市残疾人联合会",
        "2019-01-17",
    )


def test_a_scrapers_heading_over_another_documents_text_gives_way_to_its_own_title() -> None:
    # opinion_cpc_state_council_rural_revitalization_2023_mislabelled.md:1-19: the heading names
    # the 2024 一号文件, the text is the 2023 one
    head = (
        "**发布日期**: 2024年2月19日\n**发布机构**: 中共中央\n\n---\n\n## 政策全文\n\n新华社北京2月13日电\n\n"
        "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见\n（2023年1月2日）\n\n"
        "党的二十大擘画了以中国式现代化全面推进中华民族伟大复兴的宏伟蓝图。\n\n"
        "一、抓紧抓好粮食和重要农产品稳产保供\n"
    )
    doc = parse_markdown(
        "# 关于学习运用“千村示范、万村整治”工程经验有力有效推进乡村全面振兴的意见\n\n" + head
    )
    assert doc.title == "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见"
    # a heading the text writes (without the issuers) is the same title, written in full below
    doc = parse_markdown("# 关于做好2023年全面推进乡村振兴重点工作的意见\n\n" + head)
    assert doc.title == "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见"


def test_a_decree_number_keeps_its_brackets_as_written() -> None:
    # converted pdf_pbc_large_suspicious_transactions_measures_2016_ragkb.md:11: the decree's
    # number opens the text, with a stray space inside its bracket
    doc = parse_text(
        "中国人民银行令〔 2016〕第3号 \n《金融机构大额交易和可疑交易报告管理办法》已经审议通过，现予发布。\n"
    )
    assert doc.doc_number == "中国人民银行令〔2016〕第3号"


def test_a_databases_note_after_the_heading_the_text_does_not_write_goes() -> None:
    # converted pdf_pbc_payment_institutions_aml_measures_2012_ragkb.md:1-20: # …（试行） over a text
    # whose own title line has no note
    doc = parse_markdown(
        "# 支付机构反洗钱和反恐怖融资管理办法（试行）\n\n**版本**: 现行有效\n\n---\n\n"
        " — 4 —附件 \n支付机构反洗钱和反恐怖融资管理办法 \n第一章  总则 \n"
        "第一条  为防范洗钱和恐怖融资活动，规范支付机构反洗钱和反恐怖融资工作，制定本办法。 \n"
    )
    assert doc.title == "支付机构反洗钱和反恐怖融资管理办法"
    # a period in brackets the text sets on its own line is kept (opinion_shanghai_beidou_action_plan_2021.md)
    doc = parse_markdown(
        "# 上海市北斗产业高质量发展三年行动计划（2021-2023年）\n\n附件\n\n上海市北斗产业高质量发展三年行动计划\n\n"
        "（2021-2023年）\n\n一、总体要求\n"
    )
    assert doc.title == "上海市北斗产业高质量发展三年行动计划（2021-2023年）"


def test_a_reports_own_title_above_its_delivery_line_beats_the_pages_headline() -> None:
    # report_state_council_1996.txt:47-53 (gov.cn page): the page heads the text 1996年政府工作报告
    doc = parse_text(
        "1996年政府工作报告\n关于国民经济和社会发展“九五”计划和2010年远景目标纲要的报告\n"
        "——1996年3月5日在第八届全国人民代表大会第四次会议上\n国务院总理李鹏\n各位代表：\n"
        "制定一个跨世纪的宏伟纲领，是全国人民关心的大事。\n一、“八五”时期国民经济和社会发展的回顾\n"
    )
    assert doc.title == "关于国民经济和社会发展“九五”计划和2010年远景目标纲要的报告"
    # the bare 政府工作报告 above the delivery line leaves a dated headline the title (report_shanxi_2026)
    doc = parse_text(
        "2026年山西省政府工作报告\n——2026年2月2日在山西省第十四届人民代表大会第五次会议上\n来源：山西日报\n"
        "时间：2026-02-09\n省长 卢东亮\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、“十四五”时期工作回顾\n"
    )
    assert doc.title == "2026年山西省政府工作报告"


def test_a_dateline_with_its_year_is_no_title_and_dates_a_reposted_page() -> None:
    # report_state_council_2006_page1.txt: a gov.cn page of 2009 (中央政府门户网站 … 2009年03月16日 来源：新华社)
    # reposting the news of 新华社北京2006年3月15日电 above 政 府 工 作 报 告 ——2006年3月5日在…
    from plantui.read import read_file

    path = Path(__file__).parent / "fixtures/real/docs/report_state_council_2006_page1.txt"
    doc = parse_source(read_file(path)[1], path.name)
    assert (doc.title, doc.issued, doc.published) == ("政府工作报告", "2006-03-05", "2006-03-15")
