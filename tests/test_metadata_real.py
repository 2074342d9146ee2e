"""Metadata rules, each on an excerpt of a real document (tests/fixtures/real/SOURCES.md names it)."""

from __future__ import annotations

from plantui.metadata_signs import clean_title
from plantui.parse import parse_markdown, parse_text


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
