"""Line breaks: Chinese line breaking (避头尾) by terminal cells, and text a PDF converter hard-wrapped\nor a font left with ASCII marks read back as the document wrote it."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path
from types import ModuleType

from hypothesis import given
from hypothesis import strategies as st

from plantui.linebreak import NO_END, NO_START, cells, wrap
from plantui.marks import restore
from plantui.models import Document, Node
from plantui.parse import parse_markdown, parse_text
from support import ROOT, outline_rows

TEXT = "到2025年，数字经济核心产业增加值占GDP比重达到10%以上，建设“数字河北”，培育（一批）龙头企业。"


def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_one() -> None:
    for width in range(8, 60):
        lines = wrap(TEXT, width)
        assert "".join(lines) == TEXT
        assert all(cells(line) <= width for line in lines)
        assert not any(line[0] in NO_START for line in lines[1:]), (width, lines)
        assert not any(line[-1] in NO_END for line in lines[:-1]), (width, lines)


def test_numbers_and_latin_words_stay_whole() -> None:
    lines = wrap("建设基站达到70000个，推动IPv6规模部署", 14)
    assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in itertools.pairwise(lines))
    assert any("IPv6" in line for line in lines) and any("70000" in line for line in lines)


def test_first_line_may_be_shorter() -> None:
    lines = wrap("一" * 30, 20, first=10)
    assert [cells(line) for line in lines] == [10, 20, 20, 10]


plan_chars = st.lists(
    st.sampled_from(list("数字经济，。、；：（）“”《》1234567890abc %…")), max_size=120
).map("".join)


@given(plan_chars, st.integers(min_value=6, max_value=50))
def test_any_text_keeps_every_character_and_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cells(line) <= width for line in lines)


# --- text as a PDF converter or a font left it (benchmarks/perturb.py makes such text) ---

REAL = Path(__file__).parent / "fixtures" / "real" / "docs"
# a font without Chinese punctuation writes ，。：；（） as ASCII
ASCII_FONT = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")"})


def _excerpt(name: str, first: int, last: int) -> list[str]:
    """Lines ``first``–``last`` (1-based, inclusive) of a file of the real corpus."""
    raw = (REAL / name).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return text.replace("\r\n", "\n").split("\n")[first - 1 : last]


def _titles(text: str) -> list[tuple[str, str, str]]:
    return [(row[1], row[2], row[3]) for row in outline_rows(parse_text(text).outline)]


def test_brackets_a_font_wrote_as_ascii_are_read_as_chinese_again() -> None:
    # plan_beijing_ecological_security_pattern_2021_pdf.txt:118-157, the 规划依据 list
    lines = _excerpt("plan_beijing_ecological_security_pattern_2021_pdf.txt", 118, 157)
    text = "\n".join(lines).translate(ASCII_FONT)
    assert "（" not in text
    titles = dict(((kind, label), title) for kind, label, title in _titles(text) if kind == "item")
    assert titles["item", "1"] == "《中华人民共和国城乡规划法》（2019 年修正）"
    assert titles["item", "11"] == "《国土空间调查、规划、用途管制用地用海分类指南（试行）》（2020 年）"
    # a bracket opened on one line and closed on the next
    assert titles["item", "18"] == "《北京市湿地保护发展规划（2021-2035 年）》（2021年）"


def test_marks_after_numbers_and_latin_are_chinese_but_a_latin_bracket_stays() -> None:
    # notice_multi_guangzhou_outpatient_special_diseases_2019.txt:981 (a fragment), ASCII font
    line = "(一)血浆总胆固醇浓度>5.17mmol/L(200mg/dl);(二)血浆三酰甘油浓度>2.3mmol/L(200mg/dl)."
    assert (
        restore(line)
        == "（一）血浆总胆固醇浓度>5.17mmol/L(200mg/dl)；（二）血浆三酰甘油浓度>2.3mmol/L(200mg/dl)。"
    )
    assert (
        restore("地区生产总值年均增速4.5%-5%,努力争取更好结果")
        == "地区生产总值年均增速4.5%-5%，努力争取更好结果"
    )


def _perturb() -> ModuleType:
    spec = importlib.util.spec_from_file_location("perturb", ROOT / "benchmarks" / "perturb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wrapped(name: str, first: int, last: int, width: int = 34) -> str:
    """An excerpt of a real file hard-wrapped at ``width`` cells as benchmarks/perturb.py does."""
    lines, _ = _perturb().perturb(f"wrap{width}", _excerpt(name, first, last))
    return "\n".join(lines)


def test_a_part_title_nearly_as_wide_as_the_page_stands_alone_like_its_siblings() -> None:
    # report_chongqing_2026.txt:17-44: 一、2025年和“十四五”时期工作回顾 is 32 cells of 34 and
    # the paragraph below it is not part of it, as 二、 and 三、 stand alone
    text = _wrapped("report_chongqing_2026.txt", 17, 44)
    assert "一、2025年和“十四五”时期工作回顾\n刚刚过去" in text
    titles = _titles(text)
    assert [t for t in titles if t[0] == "part"] == [
        ("part", "一", "2025年和“十四五”时期工作回顾"),
        ("part", "二", "“十五五”时期主要目标任务"),
        ("part", "三", "2026年工作安排"),
    ]
    assert ("section", "一", "着力推动“四稳”政策落地") in titles
    # report_guangdong_2026.txt:7-60: the next part's title wraps too (二、“十五五”时期的主要目标和
    # 重点任 / 务); the one after it (三、2026年工作安排) stands alone
    parts = [t for t in _titles(_wrapped("report_guangdong_2026.txt", 7, 60)) if t[0] == "part"]
    assert parts[0] == ("part", "一", "2025年和“十四五”时期工作回顾")


def test_a_title_cut_after_a_closing_quote_or_over_three_lines_is_read_whole() -> None:
    # report_beijing_2026.txt:18-46 (…“十五五” / 时期主要目标任务) and
    # report_shanghai_2026.txt:17-60 (…社会发展 / 第十五个五年规划纲要（草案）》的说 / 明)
    beijing = _titles(_wrapped("report_beijing_2026.txt", 18, 46))
    assert ("part", "二", "“十四五”时期发展成就和“十五五”时期主要目标任务") in beijing
    shanghai = _titles(_wrapped("report_shanghai_2026.txt", 17, 60))
    assert ("part", "二", "关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明") in shanghai
    assert ("part", "三", "2026年主要任务") in shanghai


def test_a_blank_line_ends_a_paragraph_where_the_document_sets_paragraphs_apart() -> None:
    # opinion_domestic_demand_outline_2022.md:18-52: （一）我国扩大内需已取得显著成效 fills the
    # 34 cells exactly; a blank line, then its paragraph
    text = _wrapped("opinion_domestic_demand_outline_2022.md", 18, 52)
    assert "（一）我国扩大内需已取得显著成效\n\n改革开放以来" in text
    titles = _titles(text)
    assert ("section", "一", "我国扩大内需已取得显著成效") in titles
    assert ("section", "二", "重大意义") in titles
    # the paragraphs themselves are joined across their wrapped lines
    doc = parse_text(text)
    assert any(c.startswith("改革开放以来") and c.endswith("。") for c in _paragraphs(doc))


def _paragraphs(doc: Document) -> list[str]:
    out: list[str] = [p.text for p in doc.preamble]

    def walk(nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            out.extend(p.text for p in node.paragraphs)
            walk(node.children)

    walk(doc.outline)
    return out


def test_contents_entries_wrapped_at_the_page_width_stay_out_of_the_outline() -> None:
    # gangyao_national_15th_md.md:1-260: a 目录 whose entries wrap (第五章　培育壮大新兴产业和 /
    # 未来产业), then the text's own 第一篇 and 第二篇
    text = _wrapped("gangyao_national_15th_md.md", 1, 260)
    assert "第五章　培育壮大新兴产业和\n未来产业" in text
    rows = [(row[1], row[2], row[3]) for row in outline_rows(parse_markdown(text).outline)]
    assert [r for r in rows if r[0] == "volume"] == [
        ("volume", "一", "奋力开创中国式现代化建设新局面"),
        ("volume", "二", "建设现代化产业体系 巩固壮大实体经济根基"),
    ]
    assert ("chapter", "一", "发展环境") in rows and len(rows) < 20


def test_an_indented_line_reaches_the_page_width_with_its_indent() -> None:
    # notice_state_council_emergency_plan_2021.md:270-295: the items of 专栏3 are indented by two
    # ideographic spaces, so their first line holds four cells less text than the body's lines
    text = _wrapped("notice_state_council_emergency_plan_2021.md", 270, 295)
    assert "　　1．中央生活类救灾物资：改扩建\n现有20个" in text
    items = [t for t in _titles(text) if t[0] == "item"]
    assert items[0] == (
        "item",
        "1",
        "中央生活类救灾物资：改扩建现有20个中央生活类救灾物资储备库和35个综合仓库，在交通枢纽城市、"
        "人口密集区域、易发生重特大自然灾害区域建设7个综合性国家储备基地",
    )
    assert [t[1] for t in items] == ["1", "2", "3", "4"]
    # read as Markdown too (the file is Markdown)
    rows = [(r[1], r[2], r[3]) for r in outline_rows(parse_markdown(text).outline) if r[1] == "item"]
    assert rows == items


def test_a_line_cut_after_a_colon_or_before_a_pause_goes_on() -> None:
    # notice_state_council_emergency_plan_2021.md:338-350: 6．灾害事故抢险救援关键装备： ends a
    # line of 专栏5 (with its indent, at the width) and its list goes on below
    items = [
        t
        for t in _titles(_wrapped("notice_state_council_emergency_plan_2021.md", 338, 350))
        if t[0] == "item"
    ]
    assert items[5][:2] == ("item", "6")
    assert items[5][2].startswith("灾害事故抢险救援关键装备：人员搜索与物体定位产品")
    # notice_multi_guangzhou_outpatient_special_diseases_2019.txt:826-836: a part title cut before
    # 、 (a line never opens with a pause) goes on; 五十四、 stands alone
    name = "notice_multi_guangzhou_outpatient_special_diseases_2019.txt"
    text = _wrapped(name, 826, 836)
    assert "（放射治疗\n、化学治疗" in text
    parts = [t for t in _titles(text) if t[0] == "part"]
    assert parts[1] == ("part", "五十三", "恶性肿瘤辅助治疗（放射治疗、化学治疗、生物靶向药物治疗期间）")


def test_a_lead_in_ending_in_a_colon_is_no_title_set_apart() -> None:
    # notice_multi_guangzhou_outpatient_special_diseases_2019.txt:590-606: （一）符合帕金森病的诊断：
    # is short, but it leads into a list: （二）支持诊断…以下3 / 项或3项以上情形： is one line
    name = "notice_multi_guangzhou_outpatient_special_diseases_2019.txt"
    titles = _titles(_wrapped(name, 590, 606))
    assert ("section", "二", "支持诊断帕金森病须符合以下3项或3项以上情形") in titles
    assert [t[1] for t in titles if t[0] == "item"][-8:] == ["1", "2", "3", "4", "5", "6", "7", "8"]


def test_a_table_flattened_one_cell_a_line_is_not_read_into_the_title_above_it() -> None:
    # notice_multi_guangzhou_outpatient_special_diseases_2019.txt:125-135: 附件1, its title wrapped
    # over two lines, then the table's header cells 序号 / 门诊特定病种 / …
    name = "notice_multi_guangzhou_outpatient_special_diseases_2019.txt"
    titles = [t for t in _titles(_wrapped(name, 118, 140)) if t[0] == "appendix"]
    assert titles[0] == (
        "appendix",
        "1",
        "广州市社会医疗保险门诊特定病种范围、最高支付限额标准及审核确认有效期",
    )


def test_where_lines_are_cut_exactly_a_heading_short_of_the_width_is_whole() -> None:
    # report_zhejiang_2026.txt:57-76 wrapped at 34: every cut line ends within a cell of the
    # width, so （二）着力提升创新体系整体效能 (30 cells) is a title on its own and so is
    # （一）着力提振市场信心增强社会预期, which fills the 34 cells exactly
    text = _wrapped("report_zhejiang_2026.txt", 57, 76)
    assert "（一）着力提振市场信心增强社会预期\n放大经济政策实施效应" in text
    sections = [t for t in _titles(text) if t[0] == "section"]
    assert sections[:2] == [
        ("section", "一", "着力提振市场信心增强社会预期"),
        ("section", "二", "着力提升创新体系整体效能"),
    ]
    # wrapped at 40, the first part's title (36 cells) is whole too
    parts = [t for t in _titles(_wrapped("report_zhejiang_2026.txt", 17, 45, 40)) if t[0] == "part"]
    assert parts[0] == ("part", "一", "2025年主要工作和“十四五”发展成就")


def test_a_line_cut_after_a_semicolon_goes_on_in_its_paragraph() -> None:
    # report_hailaer_2012.txt:45-49 (GBK) wrapped at 40: the year's targets, clauses parted by ；
    text = _wrapped("report_hailaer_2012.txt", 45, 49, 40)
    assert "同比增长24.6%；\n固定资产投资完成194亿元" in text
    doc = parse_text(text)
    paragraphs = [p for p in _paragraphs(doc) if "预期目标是" in p]
    assert len(paragraphs) == 1
    assert "固定资产投资完成194亿元" in paragraphs[0] and paragraphs[0].endswith("同比增长18％。")


def test_an_article_cut_before_a_cited_article_goes_on() -> None:
    # reg_pbc_beneficial_owner_measures_2025.md (第三十三条) wrapped at 70: a line opens with the
    # cited 第五十三条所规定的…, mid-sentence after a line that ran to the width with a comma in it
    lines = _excerpt("reg_pbc_beneficial_owner_measures_2025.md", 1, 400)
    first = next(i for i, line in enumerate(lines, 1) if line.lstrip().startswith("第三十三条"))
    text = _wrapped("reg_pbc_beneficial_owner_measures_2025.md", first - 30, first + 12, 70)
    assert "\n第五十三条所规定的" in text
    rows = [(r[1], r[2]) for r in outline_rows(parse_markdown(text).outline)]
    assert ("article", "三十三") in rows
    assert ("article", "五十三") not in rows


def _perturbed(kind: str, name: str, first: int, last: int) -> str:
    lines, _ = _perturb().perturb(kind, _excerpt(name, first, last))
    return "\n".join(lines)


def test_a_mark_a_font_wrote_as_ascii_at_the_start_of_a_wrapped_line_is_read_back() -> None:
    # notice_shanghai_public_health_emergency_sci_2025.md:30-45, ASCII marks, then wrapped at 34:
    # the full stop after （一）建立健全全链条科技攻关体系 opens the next line
    text = _perturbed("ascii+wrap34", "notice_shanghai_public_health_emergency_sci_2025.md", 30, 45)
    assert "科技攻关体系\n.立足" in text
    rows = [(r[1], r[2], r[3]) for r in outline_rows(parse_markdown(text).outline)]
    assert ("section", "一", "建立健全全链条科技攻关体系") in rows


def test_a_title_that_leaves_a_bracket_open_ends_on_the_line_that_closes_it() -> None:
    # report_shanghai_2026.txt:17-60, ASCII marks, then wrapped at 34 (the ASCII brackets are
    # narrow, so the title fills two lines exactly): 二、关于《…社会发展 / 第十五个…（草案）》的说明
    text = _perturbed("ascii+wrap34", "report_shanghai_2026.txt", 17, 60)
    assert "发展\n第十五个五年规划纲要(草案)》的说明\n" in text
    titles = _titles(text)
    assert ("part", "二", "关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明") in titles


def test_where_lines_are_cut_exactly_a_title_ends_on_any_line_short_of_the_width() -> None:
    # notice_pbc_virtual_currency_risks_2026.md:1-40 wrapped at 34: 一、明确虚拟货币、现实世界资产代
    # / 币化和相关业务活动本质属性 (26 cells, more than three quarters of the width)
    text = _wrapped("notice_pbc_virtual_currency_risks_2026.md", 1, 40)
    assert "资产代\n币化和相关业务活动本质属性\n" in text
    rows = [(r[1], r[2], r[3]) for r in outline_rows(parse_markdown(text).outline) if r[1] == "part"]
    assert rows[:2] == [
        ("part", "一", "明确虚拟货币、现实世界资产代币化和相关业务活动本质属性"),
        ("part", "二", "健全工作机制"),
    ]


def test_a_line_that_looks_like_a_heading_goes_on_a_sentence_or_bracket_left_open() -> None:
    # opinion_cpc_15th_fyp_recommendations_2025.md:170-200 wrapped at 34: （49）健全国家安全体系。
    # 巩固集中统 / 一、高效权威的…: a sentence begun after the full stop goes on
    text = _wrapped("opinion_cpc_15th_fyp_recommendations_2025.md", 170, 200)
    assert "巩固集中统\n一、高效权威" in text
    rows = [(r[1], r[2]) for r in outline_rows(parse_markdown(text).outline)]
    assert ("part", "一") not in rows and ("subitem", "49") in rows
    # govcn_guangzhou_family_doctor_2023.txt:60-90: …（穗府办函〔20 / 20〕16号）精神…
    text = _wrapped("govcn_guangzhou_family_doctor_2023.txt", 60, 90)
    assert "〔20\n20〕16号" in text
    assert not any(t[1] == "20" for t in _titles(text))


def test_a_number_cut_at_the_width_goes_on_though_its_tail_looks_like_a_label() -> None:
    # report_state_council_2016.txt:30-45 wrapped at 34: …受教育年限从10.23年提高到1 / 0.8年。…
    text = _wrapped("report_state_council_2016.txt", 30, 45)
    assert "提高到1\n0.8年" in text
    assert any("从10.23年提高到10.8年。实现城镇新增就业" in p for p in _paragraphs(parse_text(text)))


def test_where_every_line_has_a_blank_line_after_it_two_blank_lines_end_a_paragraph() -> None:
    # notice_shanghai_yangpu_innovation_zone_2025.md:44-62 wrapped at 34 cells with a blank line
    # after every line, as pymupdf4llm writes a PDF: （一）打造全球科创策源新高地 fills the width with
    # its indent, and the two blank lines the file sets under it (one more than between the
    # wrapped lines) end it, where it had taken the paragraph below as its title
    lines, _ = _perturb().perturb(
        "wrap34+blank", _excerpt("notice_shanghai_yangpu_innovation_zone_2025.md", 44, 62)
    )
    titles = [t for t in _titles("\n".join(lines)) if t[0] == "section"]
    assert titles[0] == ("section", "一", "打造全球科创策源新高地")
