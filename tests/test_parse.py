"""The parser on the seeds (against the careful reader's gold) and on plans in other styles."""

from __future__ import annotations

import json

import pytest

from plantui.models import Node
from plantui.parse import parse, parse_markdown, parse_source, parse_text
from support import GOLD, ROOT, SEEDS, STYLES, gold, gold_rows, keyed, metadata, outline_rows

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
STYLE_FILES = sorted(p.name for p in STYLES.iterdir() if not p.name.endswith(".expected.json"))


def _parse_seed(name: str):
    return parse_text((SEEDS / name).read_text(encoding="utf-8"), name)


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_outline_matches_gold(name: str) -> None:
    doc = _parse_seed(name)
    assert keyed(outline_rows(doc.outline)) == keyed(gold_rows(name))


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_outline_lines_match_gold(name: str) -> None:
    doc = _parse_seed(name)
    found = [n.line for n, _ in doc.walk() if n.kind != "lead"]
    assert found == [n["line"] for n in gold(name)["outline"]]


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_metadata_matches_gold(name: str) -> None:
    doc = _parse_seed(name)
    expected = gold(name)["metadata"]
    assert {k: metadata(doc)[k] for k in expected} == expected


def test_gold_is_present_for_every_seed() -> None:
    assert sorted(p.stem for p in GOLD.glob("*.json")) == sorted(n.removesuffix(".txt") for n in SEED_FILES)


@pytest.mark.parametrize("name", STYLE_FILES)
def test_other_styles(name: str) -> None:
    path = STYLES / name
    expected = json.loads((STYLES / (path.stem + ".expected.json")).read_text(encoding="utf-8"))
    doc = parse(path.read_text(encoding="utf-8"), name, "markdown" if path.suffix == ".md" else "text")
    assert outline_rows(doc.outline) == expected


def test_column_between_items_ends_at_continuing_item() -> None:
    doc = _parse_seed("000_92c45eb8100875c9.txt")
    section = next(
        n for n, _ in doc.walk() if n.kind == "section" and n.title == "加快发展新一代信息技术产业"
    )
    kinds = [(c.kind, c.label) for c in section.children]
    assert kinds[5:] == [("item", "6"), ("column", "九"), ("item", "7"), ("item", "8"), ("column", "十")]
    column = section.children[6]
    # the 专栏's own paragraphs, including the one broken by a blank line, stay inside it
    texts = [p.text for n, _ in column.walk() for p in n.paragraphs]
    assert texts[0] == "（专项行动之十六）"
    assert any(t.endswith("推动现有企业向绿色化、智能化、高端化发展。") for t in texts)


def test_broken_paragraph_is_joined_with_both_lines() -> None:
    doc = _parse_seed("000_92c45eb8100875c9.txt")
    joined = [p for p, _, _ in doc.paragraphs() if "推动现有企业向绿色化" in p.text]
    assert [(p.line, p.line_end) for p in joined] == [(264, 266)]


def test_item_number_alone_takes_next_line_as_title() -> None:
    doc = _parse_seed("001_9a4bd03d6ee72b05.txt")
    item = next(n for n, _ in doc.walk() if n.title == "智慧物流")
    assert (item.kind, item.label, item.line) == ("item", "1", 126)
    assert item.heading is not None and (item.heading.line, item.heading.line_end) == (126, 127)
    assert item.text.startswith("提升物流行业智慧化水平")


def test_every_source_line_is_in_some_passage() -> None:
    for name in SEED_FILES:
        text = (SEEDS / name).read_text(encoding="utf-8")
        doc = parse_text(text, name)
        covered = set()
        for para, _, _ in doc.paragraphs():
            covered.update(range(para.line, para.line_end + 1))
        lines = [i for i, line in enumerate(text.split("\n"), 1) if line.strip(" \u3000\t")]
        assert not [i for i in lines if i not in covered], name


def test_section_title_stops_at_first_full_stop() -> None:
    doc = parse_text("一、总体要求\n（一）发展基础。我省数字经济具有良好基础。\n")
    section = doc.outline[0].children[0]
    assert (section.title, section.text) == ("发展基础", "我省数字经济具有良好基础。")


def test_enumeration_inside_paragraph_is_not_a_heading() -> None:
    doc = parse_text("一、重点任务\n（一）加快建设。一是统筹站址；二是共建共享。\n二是不在行首也不是标题。\n")
    assert outline_rows(doc.outline) == [[1, "part", "一", "重点任务"], [2, "section", "一", "加快建设"]]


def test_decimal_at_line_start_is_not_an_item() -> None:
    doc = parse_text("一、目标\n（一）规模。\n1.产业规模扩大。\n2.6万亿元的交易额将在2025年实现。\n")
    section = doc.outline[0].children[0]
    assert [c.label for c in section.children] == ["1"]
    assert section.children[0].paragraphs[-1].text.startswith("2.6万亿元")


def test_half_width_brackets_and_full_width_numbers() -> None:
    doc = parse_text("一、总体要求\n(一)指导思想。坚持创新。\n(二）发展目标。\n１．数据资源体系完善。\n")
    rows = outline_rows(doc.outline)
    assert rows == [
        [1, "part", "一", "总体要求"],
        [2, "section", "一", "指导思想"],
        [2, "section", "二", "发展目标"],
        [3, "item", "1", "数据资源体系完善"],  # labels are stored bare: １． is item 1
    ]
    assert doc.outline[0].children[1].children[0].number == 1


def test_lead_paragraphs_become_leads_under_their_section() -> None:
    doc = _parse_seed("004_1232c8ae83bb4003.txt")
    section = next(n for n, _ in doc.walk() if n.title == "构建工业互联网网络体系")
    assert [c.title for c in section.children if c.kind == "lead"] == [
        "改造提升工业企业内部网络",
        "建设完善工业企业外部网络",
        "推动网络进一步提速降费",
    ]


def test_text_without_structure_is_one_flat_document() -> None:
    doc = parse_text("这是一段没有任何结构的文字，\n它只是普通的说明。\n")
    assert doc.outline == ()
    assert [p.text for p in doc.preamble] == ["这是一段没有任何结构的文字，它只是普通的说明。"]


def test_title_falls_back_to_the_file_name() -> None:
    doc = parse_text("各市人民政府：\n一、总体要求\n", "plans/邯郸方案.txt")
    assert (doc.title, doc.title_from) == ("邯郸方案", "file")


def _texts(node: Node) -> list[str]:
    return [p.text for n, _ in node.walk() for p in ([n.heading] if n.heading else []) + list(n.paragraphs)]


def test_parse_keeps_all_text() -> None:
    text = (SEEDS / "000_92c45eb8100875c9.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    kept = "".join(p.text for p, _, _ in doc.paragraphs())
    squashed = "".join(text.split()).replace("\u3000", "")
    assert "".join(kept.split()) == squashed


def test_a_list_restarting_its_numbering_inside_a_column_stays_in_the_column() -> None:
    text = (
        "一、发展基础\n二、主要任务\n（一）建设网络。加快建设。\n专栏1 重点工程\n一、网络工程。建设基站。\n"
        "二、平台工程。建设平台。\n（二）发展产业。培育企业。\n三、保障措施\n"
    )
    rows = outline_rows(parse_text(text).outline)
    assert rows == [
        [1, "part", "一", "发展基础"],
        [1, "part", "二", "主要任务"],
        [2, "section", "一", "建设网络"],
        [3, "column", "1", "重点工程"],
        [4, "part", "一", "网络工程"],
        [4, "part", "二", "平台工程"],
        [2, "section", "二", "发展产业"],
        [1, "part", "三", "保障措施"],
    ]


def test_parts_named_with_bufen() -> None:
    rows = outline_rows(parse_text("第一部分 发展基础\n一、成就\n第二部分 主要任务\n一、建设网络\n").outline)
    assert rows == [
        [1, "volume", "一", "发展基础"],
        [2, "part", "一", "成就"],
        [1, "volume", "二", "主要任务"],
        [2, "part", "一", "建设网络"],
    ]


def test_a_table_of_contents_is_not_a_second_outline() -> None:
    text = (
        "江城市数字经济发展规划\n目  录\n一、发展基础……………………1\n二、主要任务……………………5\n"
        "（一）建设网络………………6\n一、发展基础\n我市数字经济发展良好。\n二、主要任务\n（一）建设网络。加快建设。\n"
    )
    rows = outline_rows(parse_text(text).outline)
    assert rows == [
        [1, "part", "一", "发展基础"],
        [1, "part", "二", "主要任务"],
        [2, "section", "一", "建设网络"],
    ]


def test_contents_without_page_numbers_end_where_the_text_repeats_its_first_heading() -> None:
    text = "目录\n一、总体要求\n二、重点任务\n一、总体要求\n要求如下。\n二、重点任务\n任务如下。\n"
    assert outline_rows(parse_text(text).outline) == [
        [1, "part", "一", "总体要求"],
        [1, "part", "二", "重点任务"],
    ]


def test_a_title_ends_at_a_colon_followed_by_a_sentence() -> None:
    doc = parse_text("一、总体要求\n（一）总体目标：到2025年，全省5G基站达到10万个。\n")
    section = doc.outline[0].children[0]
    assert (section.title, section.text) == ("总体目标", "到2025年，全省5G基站达到10万个。")


# ---------------------------------------------------------------- real styles, each on a real excerpt

SHANGHAI_PDF = (
    "上海市国民经济和社会发展第十四个五年规划\n和二〇三五年远景目标纲要\n"
    "一、新阶段新起点，以党中央对上海的战略定位引领未来发展.........................1\n"
    "1.1“五个中心”建设既定目标如期实现.......................................1\n"
    + "\n".join(["这是正文的一行，长度与其他各行相同，用来测出硬换行的宽度。。"] * 14)
    + "\n一、新阶段新起点，以党中央对上海的战略定位引领未来\n发展\n"
    "1.1 “五个中心”建设既定目标如期实现\n"
    "“十三五”期间是上海发展史上具有里程碑意义的五年。\n"
    "1.1.1 综合经济实力大幅提升。全市生产总值从 2015 年的\n"
    "2.69 万亿元上升到 2020 年的 3.87 万亿元。\n"
    "1.1.2“五个中心”功能实现整体提升。基本建成国际经济中心。\n"
    "8.5 平方米\n"
    "15二、“十四五”时期经济社会发展指导方针和主要目标\n"
    "2.1 指导思想\n"
)


def test_decimal_numbering_wrapped_part_titles_and_glued_page_numbers() -> None:
    """上海市“十四五”纲要 as PDF text: 1.1 sections and 1.1.1 items under their parts, a part
    title wrapped onto a second line, dot-leader contents without page numbers, a page number
    glued to a heading (15二、…), numbers in a table (8.5 平方米, 2.69 万亿元) not headings."""
    doc = parse_text(SHANGHAI_PDF)
    found = [(n.kind, n.label, n.title, len(a)) for n, a in doc.walk()]
    assert found == [
        ("part", "一", "新阶段新起点，以党中央对上海的战略定位引领未来发展", 0),
        ("section", "1.1", "“五个中心”建设既定目标如期实现", 1),
        ("item", "1.1.1", "综合经济实力大幅提升", 2),
        ("item", "1.1.2", "“五个中心”功能实现整体提升", 2),
        ("part", "二", "“十四五”时期经济社会发展指导方针和主要目标", 0),
        ("section", "2.1", "指导思想", 1),
    ]


def test_an_appendix_named_in_the_notice_and_its_title_over_two_lines() -> None:
    """丽水 notice (web page): 附件：X in the body names the attachment; the appendix itself is
    附件 / X set over two lines, then its table."""
    text = (
        "丽水市人民政府关于下达2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务的通知\n"
        "莲都区人民政府，市直各单位：\n根据有关规定，现将安置任务下达给你们。\n"
        "附件：2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务\n"
        "丽水市人民政府\n2023年10月16日\n附件\n2023年市区符合政府安排工作条件\n退役士兵和退出消防员安置任务\n"
        "序号 | 安置单位名称 | 安置任务\n"
    )
    doc = parse_text(text)
    assert [(n.kind, n.title) for n in doc.outline] == [
        ("appendix", "2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务")
    ]


def test_a_list_item_keeps_its_category_and_content_up_to_the_full_stop() -> None:
    """国家应急体系规划 专栏3: ``1．category：details，…；`` is one title up to 。 (the spec's rule);
    a section's 总体目标：到2025年，… still ends at its colon."""
    doc = parse_text(
        "一、任务\n（一）总体目标：到2025年，应急管理体系更加完善。\n"
        "1．中央生活类救灾物资：改扩建现有20个中央生活类救灾物资储备库和35个综合仓库，在交通枢纽城市建设7个基地；扩大储备。\n"
    )
    section = doc.outline[0].children[0]
    assert section.title == "总体目标"
    assert section.children[0].title.startswith("中央生活类救灾物资：改扩建现有20个")
    # 广州门诊特定病种 notice: a section's category：criteria is one title up to 。, too
    criteria = parse_text("一、诊断标准\n（一）糖尿病典型症状：多尿、烦渴多饮、多食，体重下降等。\n")
    assert criteria.outline[0].children[0].title == "糖尿病典型症状：多尿、烦渴多饮、多食，体重下降等"
    assert section.children[0].title.endswith("扩大储备")


def test_scraper_labels_and_page_chrome_are_not_headings_or_titles() -> None:
    """Huace's saved pages (## 政策全文) and a work report's page chrome (下载 打印 【字号：】)."""
    markdown = parse_markdown(
        "# 工业和信息化部等七部门关于推动未来产业创新发展的实施意见\n\n**发布机构**: 工信部\n\n## 政策全文\n"
        "工业和信息化部等七部门关于推动未来产业创新发展的实施意见\n\n一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导。\n"
    )
    assert [(n.kind, n.title) for n in markdown.outline] == [("part", "指导思想")]
    report = parse_text(
        "下载\n打印\n全屏\n【字号：\n加大\n】\n2026年河北省政府工作报告\n"
        "——2026年1月26日在河北省第十四届人民代表大会第四次会议上\n时间：2026-02-02\n来源：河北日报\n"
        "一、2025年工作回顾\n过去一年，我们做了很多工作。\n"
    )
    assert (report.title, report.issued, report.published, report.issuer) == (
        "2026年河北省政府工作报告",
        "2026-01-26",
        "2026-02-02",
        None,
    )
    assert [(n.label, n.title) for n in report.outline] == [("一", "2025年工作回顾")]


def test_a_field_table_read_cell_by_cell() -> None:
    """A browser print of gd.gov.cn: two fields a row, spaced labels, 文号 with spaces."""
    doc = parse_text(
        "索引号： 006939748/2023-00561 | 分类： 财政、金融、审计\n"
        "发布机构： 广东省人民政府 | 成文日期： 2023-11-10\n"
        "标 题： 广东省人民政府关于印发广东省省级政府投资管理办法的通知\n"
        "文号： 粤府 〔２０２３〕９３号 | 发布日期： 2023-11-23\n"
        "第一章 总则\n第一条 为了规范政府投资行为，制定本办法。\n"
    )
    assert (doc.issuer, doc.doc_number, doc.issued, doc.published) == (
        "广东省人民政府",
        "粤府〔2023〕93号",
        "2023-11-10",
        "2023-11-23",
    )


def test_contents_with_roman_page_numbers_and_entries_run_together_are_not_headings() -> None:
    """北京市国土空间生态修复规划 (PDF text): the 目录's page numbers carry the front matter's
    roman numbering (……12I) and several entries run together on one line."""
    doc = parse_text(
        "第三节 缝合城市肌理，合理优化三生空间布局.........12I\n"
        "第六节 鼓励公众参与..........................27附图..............29III\n"
        "第一章 总则\n第一节 指导思想\n坚持生态优先。\n"
    )
    assert [(n.kind, n.label, n.title) for n, _ in doc.walk()] == [
        ("chapter", "一", "总则"),
        ("division", "一", "指导思想"),
    ]


def test_a_report_delivered_on_a_wrapped_line_is_dated_and_a_report() -> None:
    """广东 2026 政府工作报告: the delivery line wraps before the meeting's name."""
    doc = parse_text(
        "政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n广东省省长 孟凡利\n"
        "各位代表：\n一、2025年工作回顾\n过去一年做了很多工作。\n"
    )
    assert (doc.title, doc.issued, doc.kind) == ("政府工作报告", "2026-01-26", "报告")


def test_a_table_flattened_one_cell_a_line_holds_no_items() -> None:
    """广州家庭医生签约服务 (page text, tests/fixtures/real): after the header cells (一级指标 /
    二级指标 / 评价标准 / …) the numbered rows are cells of the table, not items; the table's
    targets still read; 附件2's title does not swallow its table's 序号."""
    from plantui.read import read_file
    from plantui.targets import extract_targets

    path = ROOT / "tests" / "fixtures" / "real" / "docs" / "govcn_guangzhou_family_doctor_2023.txt"
    doc = parse_source(read_file(path)[1], path.name)
    appendices = [n for n in doc.outline if n.kind == "appendix"]
    assert [n.title for n in appendices] == [
        "广州市家庭医生签约服务质量监测指标体系（2023年版）",
        "关于推进广州市家庭医生签约服务高质量发展工作的任务分工表",
    ]
    assert all(n.kind == "lead" for a in appendices for n, _ in a.walk() if n is not a)
    found = {(t.year, t.indicator, t.value) for t in extract_targets(doc)}
    assert (2023, "签约居民续约率", 80) in found


def test_prose_parts_and_general_provisions_without_numbers() -> None:
    """北京市生态安全格局专项规划 (PDF text): 前  言 holds prose up to the next heading, 总 则 holds
    一、… up to 第一章, 附 图 title is an appendix."""
    doc = parse_text(
        "北京市生态安全格局专项规划\n前  言\n生态安全是国家安全体系的重要基石。\n总 则\n一、指导思想\n坚持生态优先。\n"
        "二、规划原则\n坚持保护优先。\n第一章 规划定位及重点\n第一节 规划定位\n首都生态安全。\n"
        "附 图 北京市综合生态安全格局示意图\n"
    )
    assert [(n.kind, n.label, n.title, len(a)) for n, a in doc.walk()] == [
        ("heading", "", "前言", 0),
        ("heading", "", "总则", 0),
        ("part", "一", "指导思想", 1),
        ("part", "二", "规划原则", 1),
        ("chapter", "一", "规划定位及重点", 0),
        ("division", "一", "规划定位", 1),
        ("appendix", "", "北京市综合生态安全格局示意图", 0),
    ]


def test_page_numbers_glued_onto_decimal_labels_are_split_off_by_the_numbering() -> None:
    """上海市“十四五”纲要 (PDF text): 425.1.3 is 5.1.3 on page 42, 7910.1 is 10.1 on page 79 —
    the split that continues the numbering met so far."""
    doc = parse_text(
        "五、强化高端产业引领功能\n5.1 发挥三大产业引领作用\n5.1.1 加快集成电路发展。建设平台。\n"
        "5.1.2 提升生物医药产业链协同水平。建设平台。\n"
        "425.1.3 促进人工智能深度赋能实体经济。以提升基础创新能力为重点。\n"
        "十、优化功能布局\n7910.1 推动主城区综合功能升级\n加强中央活动区功能复合。\n"
    )
    assert [(n.label, n.title) for n, _ in doc.walk()] == [
        ("五", "强化高端产业引领功能"),
        ("5.1", "发挥三大产业引领作用"),
        ("5.1.1", "加快集成电路发展"),
        ("5.1.2", "提升生物医药产业链协同水平"),
        ("5.1.3", "促进人工智能深度赋能实体经济"),
        ("十", "优化功能布局"),
        ("10.1", "推动主城区综合功能升级"),
    ]


def test_a_contents_list_without_title_or_page_numbers() -> None:
    """北京市数字经济促进条例 (Markdown): the chapters are listed once before the text, with no
    目录 and no page numbers; the list is not outline, the chapters that follow are."""
    doc = parse_markdown(
        "# 北京市数字经济促进条例\n\n## 第一章 总 则\n\n## 第二章 数字基础设施\n\n## 第三章 附 则\n\n"
        "## 第一章 总 则\n\n第一条 为了促进数字经济，制定本条例。\n\n## 第二章 数字基础设施\n\n"
        "第二条 建设网络。\n\n## 第三章 附 则\n\n第三条 本条例自公布之日起施行。\n"
    )
    assert [(n.kind, n.label, len(n.children)) for n in doc.outline] == [
        ("chapter", "一", 1),
        ("chapter", "二", 1),
        ("chapter", "三", 1),
    ]
