"""Targets: the seeds against the gold, each sentence shape, what is not a target, tables, comparison."""

from __future__ import annotations

import math

import pytest

from plantui.compare import PlanTarget, compare, indicator_key
from plantui.models import Target
from plantui.parse import parse_text
from plantui.targets import extract_targets
from support import SEEDS, gold, norm

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _matches(t: Target, g: dict) -> bool:
    """The checker's rule: same year and value (and value_max), gold key inside the indicator."""
    if t.year != g["year"] or not math.isclose(t.value, g["value"], rel_tol=1e-6):
        return False
    if g.get("value_max") is not None and (
        t.value_max is None or not math.isclose(t.value_max, g["value_max"])
    ):
        return False
    return norm(g["key"]) in norm(t.indicator)


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_targets_match_gold(name: str) -> None:
    found = extract_targets(parse_text((SEEDS / name).read_text(encoding="utf-8"), name))
    expected = gold(name)
    missing = [g for g in expected["targets"] if not any(_matches(t, g) for t in found)]
    assert missing == []
    scoped = [t for t in found if any(a <= t.line <= b for a, b in expected["target_lines"])]
    wrong = [t for t in scoped if not any(_matches(t, g) for g in expected["targets"])]
    assert wrong == []


def _targets(text: str, title: str = "山海省数字经济发展规划（2021-2025年）") -> list[Target]:
    return list(extract_targets(parse_text(f"{title}\n一、总体要求\n（一）发展目标。{text}\n")))


def _brief(targets: list[Target]) -> list[tuple]:
    return [(t.year, t.indicator, t.value, t.value_max, t.unit, t.comparator) for t in targets]


def test_indicator_verb_amount() -> None:
    assert _brief(_targets("到2022年，互联网普及率达到70%、5G基站数量达到7万个，网络零售额突破3700亿。")) == [
        (2022, "互联网普及率", 70, None, "%", "="),
        (2022, "5G基站数量", 70_000, None, "个", "="),
        (2022, "网络零售额", 3.7e11, None, "", ">"),
    ]


def test_action_amount_thing() -> None:
    assert _brief(
        _targets(
            "到2025年，争创1个国家级综合性平台，实现万家企业上云，形成3－5个行业级工业互联网平台和2－3个国家级平台。"
        )
    ) == [
        (2025, "国家级综合性平台", 1, None, "个", "="),
        (2025, "企业上云", 10_000, None, "家", "="),
        (2025, "行业级工业互联网平台", 3, 5, "个", "="),
        (2025, "国家级平台", 2, 3, "个", "="),
    ]


def test_action_thing_amount_and_rates() -> None:
    assert _brief(_targets("到2025年，建设智能工厂或数字化车间1500个，城市社区光纤网络覆盖率100%。")) == [
        (2025, "智能工厂或数字化车间", 1500, None, "个", "="),
        (2025, "城市社区光纤网络覆盖率", 100, None, "%", "="),
    ]


def test_units_magnitudes_and_qualifiers() -> None:
    brief = _brief(
        _targets(
            "到2025年，全员劳动生产率达到11万元/人年以上，电子商务交易额突破2．6万亿元，排名进入全国前10名。"
        )
    )
    assert brief == [
        (2025, "全员劳动生产率", 110_000, None, "元/人年", ">="),
        (2025, "电子商务交易额", 2.6e12, None, "元", ">"),
        (2025, "排名", 10, None, "名", "<="),
    ]


def test_doubling_with_baseline_year() -> None:
    [target] = _targets("经过五年努力，数字经济核心产业增加值较2020年翻一番。")
    assert (target.year, target.indicator, target.value, target.unit, target.baseline_year) == (
        2025,
        "数字经济核心产业增加值",
        2,
        "倍",
        2020,
    )


def test_goal_section_without_a_year_takes_the_end_of_the_plan_period() -> None:
    assert [t.year for t in _targets("全省5G基站达到10万个。")] == [2025]


def test_year_is_inherited_by_items_and_not_by_sibling_sections() -> None:
    text = (
        "一、发展目标\n（一）近期目标。到2022年，主要指标如下。\n1.基础设施。5G基站达到5万个。\n"
        "（二）重点任务。建设数据中心10个。\n"
    )
    targets = extract_targets(parse_text(text))
    assert _brief(list(targets)) == [(2022, "5G基站", 50_000, None, "个", "=")]


def test_past_figures_and_names_are_not_targets() -> None:
    text = (
        "截至2019年底，全省互联网出口带宽居全国第7位，5G基站达到1万个。2018年，核心产业增加值711亿元。"
        "到2025年，推进“十四五”规划和第三代半导体、5G、IPv6应用，实施五大工程，建设教育信息化2.0。"
    )
    assert _targets(text) == []


def test_amount_that_qualifies_a_noun_is_not_a_target() -> None:
    assert _brief(_targets("到2025年，培育引进20家主营业务收入超10亿元的大数据核心企业。")) == [
        (2025, "大数据核心企业", 20, None, "家", "=")
    ]


def test_aspiration_and_attribute() -> None:
    [target] = _targets("到2025年，力争新建5G基站3万个（约束性）。")
    assert target.aspirational and target.attribute == "约束性"


def test_indicator_table_rows_are_targets_with_baselines() -> None:
    text = (
        "江城市“十四五”规划\n一、主要目标\n专栏1 主要指标\n指标 | 2020年 | 2025年 | 属性\n"
        "地区生产总值增长（%） | 3.5 | 6左右 | 预期性\n5G基站数（万个） | 1.2 | 4 | 约束性\n"
    )
    targets = extract_targets(parse_text(text))
    assert [
        (t.year, t.indicator, t.value, t.unit, t.comparator, t.baseline_year, t.baseline_value, t.attribute)
        for t in targets
    ] == [
        (2025, "地区生产总值增长", 6, "%", "~", 2020, 3.5, "预期性"),
        (2025, "5G基站数", 40_000, "个", "=", 2020, 12_000, "约束性"),
    ]


def test_targets_carry_their_source_line_and_path() -> None:
    doc = parse_text((SEEDS / "000_92c45eb8100875c9.txt").read_text(encoding="utf-8"))
    target = next(t for t in extract_targets(doc) if t.indicator == "5G基站数量")
    assert target.line == 43
    assert target.path == ("二、总体要求", "（三）发展目标", "5.数字基础设施达到国内先进水平")
    assert target.text == "互联网普及率达到70%、宽带接入用户普及率达到99%、5G基站数量达到7万个"


@pytest.mark.parametrize(
    ("a", "b"), [("5G基站", "5G基站数量"), ("全省5G基站数", "5G基站"), ("“两化融合”指数", "两化融合指数")]
)
def test_indicators_that_name_the_same_thing_share_a_key(a: str, b: str) -> None:
    assert indicator_key(a) == indicator_key(b)


def test_different_platforms_stay_apart() -> None:
    assert indicator_key("综合性工业互联网平台") != indicator_key("工业互联网平台")


def test_compare_groups_by_plan() -> None:
    def row(doc: int, indicator: str, year: int, value: float) -> PlanTarget:
        return PlanTarget(doc, f"plan {doc}", "", None, Target(year, indicator, value, "个", "", 1))

    rows = [
        row(1, "5G基站数量", 2022, 7e4),
        row(2, "5G基站", 2025, 1.5e5),
        row(2, "5G基站", 2022, 8e4),
        row(1, "数据中心", 2025, 3),
    ]
    [group] = compare(rows, "5G基站")
    assert sorted(group.by_plan) == [1, 2]
    assert [m.target.year for m in group.by_plan[2]] == [2022, 2025]


def test_respectively_pairs_listed_indicators_with_listed_amounts() -> None:
    assert _brief(
        _targets("到2025年，规上工业企业数字化研发设计工具普及率、关键工序数控化率分别达到80%、65%。")
    ) == [
        (2025, "规上工业企业数字化研发设计工具普及率", 80, None, "%", "="),
        (2025, "关键工序数控化率", 65, None, "%", "="),
    ]


def test_a_growth_rate_borrows_the_subject_of_the_clause_before() -> None:
    assert _brief(_targets("到2025年，数字经济总量突破2万亿元，年均增长12%以上。")) == [
        (2025, "数字经济总量", 2e12, None, "元", ">"),
        (2025, "数字经济总量年均增长", 12, None, "%", ">="),
    ]


def test_a_list_of_counted_things_after_one_verb() -> None:
    assert _brief(
        _targets("到2023年，培育国家级专精特新“小巨人”企业100家、省级专精特新中小企业1000家。")
    ) == [
        (2023, "国家级专精特新“小巨人”企业", 100, None, "家", "="),
        (2023, "省级专精特新中小企业", 1000, None, "家", "="),
    ]


def test_a_share_borrows_the_subject_of_the_clause_before() -> None:
    assert _brief(_targets("到2025年，全省数字经济规模达到3万亿元，占GDP比重超过45%。"))[1] == (
        2025,
        "数字经济规模占GDP比重",
        45,
        None,
        "%",
        ">",
    )


# Government work reports: the coming year's list, its year, and the five-year plan it sets out.
_REPORT_HEAD = "2026年北京市政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第五次会议上\n"


def _report(body: str, head: str = _REPORT_HEAD) -> list[Target]:
    return list(extract_targets(parse_text(head + body + "\n")))


def test_a_work_report_list_takes_the_year_of_the_report() -> None:
    # report_beijing_2026.txt, line 48, under a part whose title names no year
    brief = _brief(
        _report(
            "三、重点工作\n今年经济社会发展主要预期目标是：地区生产总值增长5%左右，"
            "一般公共预算收入增长4%左右，城镇调查失业率控制在5%以内，居民消费价格涨幅2%左右。"
        )
    )
    assert [(b[0], b[2], b[5]) for b in brief] == [
        (2026, 5, "~"),
        (2026, 4, "~"),
        (2026, 5, "<="),
        (2026, 2, "~"),
    ]


def test_a_part_for_the_coming_year_gives_its_year_after_a_longer_outlook() -> None:
    # report_chongqing_2026.txt: 到2030年 in part 二 must not reach the list in part 三
    targets = _report(
        "二、“十五五”时期主要目标任务\n（一）在推动高质量发展中积厚成势、整体跃升。力争到2030年，"
        "全社会研发经费投入强度达到3.25%。\n三、2026年工作安排\n"
        "经济社会发展主要预期目标是：地区生产总值增长5%以上，规上工业增加值增长6%。"
    )
    assert [(t.year, t.value) for t in targets] == [(2030, 3.25), (2026, 5), (2026, 6)]


def test_a_review_part_holds_no_targets_and_a_past_plan_period_is_past() -> None:
    # report_hebei_2026.txt part 一, report_zhejiang_2026.txt line 34
    assert (
        _report(
            "一、“十四五”时期经济社会发展回顾\n这五年，高质量发展扎实推进，规上工业增加值年均增长6.5%。\n"
            "“十四五”时期，规上工业企业从4.7万家增加到6.1万家。"
        )
        == []
    )


def test_a_report_year_opening_a_clause_in_its_own_part_is_not_past() -> None:
    # report_hailaer_2012.txt lines 47 and 55: 同比增长 in the list is a target, not a past figure
    head = "政 府 工 作 报 告\n——2012年2月29日在海拉尔区第十五届人民代表大会第一次会议上\n"
    targets = _report(
        "二、2012年政府工作总体要求和目标任务\n"
        "2012年全区经济社会发展的预期目标是：地区生产总值达到240亿元，同比增长21%；"
        "地方财政总收入达到20亿元，同比增长24.6%。\n"
        "（三）以旅游文化融合发展为核心。2012年，全区旅游人数力争突破370万人次，旅游收入达到38亿元。",
        head,
    )
    assert [(t.year, t.indicator, t.value) for t in targets][:6] == [
        (2012, "地区生产总值", 2.4e10),
        (2012, "地区生产总值增长", 21),
        (2012, "地方财政总收入", 2e9),
        (2012, "地方财政总收入增长", 24.6),
        (2012, "旅游人数", 3.7e6),
        (2012, "旅游收入", 3.8e9),
    ]


def test_a_list_split_by_bold_lines_and_an_outlook_in_chinese_digits() -> None:
    # report_guangdong_2026.txt lines 46-48: the bold 主要目标 stands on its own line; the
    # outlook to 二〇三五年 is not 2030 (倍增 is left unread: the seeds count no target in it)
    targets = _report(
        "二、“十五五”时期的主要目标和重点任务\n“十五五”时期经济社会发展的\n主要目标\n"
        "是：地区生产总值年均增长5%左右，高质量发展取得显著成效。展望未来，从党的二十大到二〇三五年，"
        "用13年时间基本实现社会主义现代化，人均地区生产总值达到中等发达国家水平。"
    )
    assert [(t.year, t.indicator, t.value, t.unit) for t in targets] == [
        (2030, "地区生产总值年均增长", 5, "%")
    ]


def test_an_outlook_past_the_plan_period_does_not_reach_the_items_after_it() -> None:
    # notice_state_council_emergency_plan_2021.md lines 82 and 152
    targets = list(
        extract_targets(
            parse_text(
                "“十四五”国家应急体系规划\n一、总体要求\n（三）主要目标。\n"
                "总体目标：到2025年，应急管理体系和能力现代化建设取得重大进展。到2035年，建立与基本实现现代化"
                "相适应的中国特色大国应急体系。\n"
                "应急管理体制机制更加完善。县级以上应急管理部门行政执法装备配备达标率达到80%。\n"
            )
        )
    )
    assert [(t.year, t.value) for t in targets] == [(2025, 80)]


def test_a_date_is_not_a_year_of_targets() -> None:
    # notice_state_council_digital_economy_plan_2021.md: a scraper's 发布日期 line, then a review
    text = (
        "发布日期: 2022年1月\n国务院关于印发“十四五”数字经济发展规划的通知\n2021年12月12日\n"
        "一、发展现状和形势\n（一）发展现状。\n信息基础设施全球领先。宽带用户普及率明显提高，光纤用户占比超过94%，"
        "互联网协议第六版（IPv6）活跃用户数达到4.6亿。\n"
    )
    assert list(extract_targets(parse_text(text))) == []


def test_new_units_verbs_and_ratios() -> None:
    # report_chongqing_2026.txt lines 40-42
    brief = _brief(
        _targets(
            "力争到2030年，全市地区生产总值迈上4万亿元新台阶，重庆经西部陆海新通道货运量达到50万标箱，"
            "中欧班列（成渝）年开行量保持在4800列以上，城乡居民收入比缩小至2.1\u22361左右。"  # 2.1 RATIO 1
        )
    )
    assert brief == [
        (2030, "地区生产总值", 4e12, None, "元", ">="),
        (2030, "重庆经西部陆海新通道货运量", 500_000, None, "标箱", "="),
        (2030, "中欧班列（成渝）年开行量", 4800, None, "列", ">="),
        (2030, "城乡居民收入比", 2.1, None, "", "~"),
    ]


def test_limits_and_ranges_with_repeated_percent_signs() -> None:
    # report_beijing_2026.txt lines 43 and 48, report_zhejiang_2026.txt line 59
    brief = _brief(
        _targets(
            "到2030年，地区生产总值年均增速4.5%-5%，服务贸易年均增速5%左右，城镇调查失业率控制在5%以内，"
            "单位地区生产总值生产安全事故死亡率控制在0.6人/百亿元以下，细颗粒物年均浓度控制在29微克/立方米左右，"
            "全省生产总值增长5%—5.5%。"
        )
    )
    assert brief == [
        (2030, "地区生产总值年均增速", 4.5, 5, "%", "="),
        (2030, "服务贸易年均增速", 5, None, "%", "~"),
        (2030, "城镇调查失业率", 5, None, "%", "<="),
        (2030, "单位地区生产总值生产安全事故死亡率", 0.6, None, "人/百亿元", "<="),
        (2030, "细颗粒物年均浓度", 29, None, "微克/立方米", "~"),
        (2030, "生产总值增长", 5, 5.5, "%", "="),
    ]


def test_counts_in_words_and_verbs_before_the_things_counted() -> None:
    # opinion_miit_future_industry_2024.md line 34, opinion_miit_satellite_communications_2025.md
    # line 20, opinion_shanghai_beidou_action_plan_2021.md line 42
    brief = _brief(
        _targets(
            "到2025年，建设一批未来产业孵化器和先导区，突破百项前沿关键核心技术，开拓百项典型应用场景。"
            "到2030年，发展卫星通信用户超千万。到2023年，推动制定不少于10项北斗高精度国家标准。"
        )
    )
    assert brief == [
        (2025, "前沿关键核心技术", 100, None, "项", ">"),
        (2025, "典型应用场景", 100, None, "项", "="),
        (2030, "发展卫星通信用户", 1e7, None, "", ">"),
        (2023, "北斗高精度国家标准", 10, None, "项", ">="),
    ]


def test_a_second_amount_in_a_list_and_a_second_value_of_one_indicator() -> None:
    # notice_shanghai_bci_action_plan_2025.md line 29, report_hailaer_2019.txt line 44
    brief = _brief(
        _targets(
            "2027年前，引育5家以上具有脑机接口核心技术与产品研发能力的自主创新企业、10家以上产业链骨干企业。"
            "到2025年，城乡常住居民人均可支配收入分别增长7%和8%左右。"
        )
    )
    assert brief == [
        (2027, "自主创新企业", 5, None, "家", ">="),
        (2027, "产业链骨干企业", 10, None, "家", ">="),
        (2025, "城乡常住居民人均可支配收入分别增长", 7, None, "%", "="),
        (2025, "城乡常住居民人均可支配收入分别增长", 8, None, "%", "~"),
    ]


def test_a_subject_that_completes_an_amount_and_a_count_in_a_list() -> None:
    # report_hailaer_2012.txt line 47, report_chongqing_2026.txt line 46
    targets = _report(
        "三、2026年工作安排\n今年经济社会发展主要预期目标是：固定资产投资完成194亿元，同比增长25％，"
        "城镇新增就业65万人以上，居民收入增长与经济增长同步。"
    )
    assert _brief(targets) == [
        (2026, "固定资产投资", 1.94e10, None, "元", "="),
        (2026, "固定资产投资增长", 25, None, "%", "="),
        (2026, "城镇新增就业", 650_000, None, "人", ">="),
    ]


def test_decimal_amounts_are_exact() -> None:
    # notice_state_council_digital_economy_plan_2021.md line 42
    [target] = _targets("到2025年，互联网协议第六版（IPv6）活跃用户数达到4.6亿。")
    assert target.value == 460_000_000


# Indicator tables
def _table_brief(targets: list[Target]) -> list[tuple]:
    return [
        (t.year, t.indicator, t.value, t.unit, t.comparator, t.baseline_value, t.attribute) for t in targets
    ]


def test_a_table_flattened_to_one_cell_a_line() -> None:
    # notice_state_council_emergency_plan_2021.md lines 80-149 (blank lines between the cells)
    cells = [
        "序号", "指　　标", "预期值", "属性",
        "1", "生产安全事故死亡人数", "下降15%", "约束性",
        "5", "年均每百万人口因自然灾害死亡率", "<1", "预期性",
    ]  # fmt: skip
    cells[8] = "2"
    text = "“十四五”国家应急体系规划\n二、总体要求\n（三）主要目标。\n专栏1　“十四五”时期主要指标\n\n"
    targets = list(extract_targets(parse_text(text + "\n\n".join(cells) + "\n")))
    assert _table_brief(targets) == [
        (2025, "生产安全事故死亡人数下降", 15, "%", "=", None, "约束性"),
        (2025, "年均每百万人口因自然灾害死亡率", 1, "", "<", None, "预期性"),
    ]


def test_a_flattened_table_with_split_categories_and_several_values_a_column() -> None:
    # plan_zhejiang_urban_waterlogging_14th_word.txt lines 409-521 and 539-563
    cells = [
        "表3  “十四五”全省城市内涝治理主要指标",
        "序号", "类别", "主要指标", "2020年现状", "2025年目标", "指标", "属性",
        "1", "综合", "治理", "城市内涝防治达标率（%）", "——", "95", "约束性",
        "2", "市政排水管网智能化监测率（%）", "——", "重点城市≥30", "一般城市≥15", "预期性",
        "3", "海绵", "城市", "海绵城市建设目标达到建成区面积比例（%）",
        "设区市≥25", "县级市≥20", "设市城市≥55", "其他县城≥25", "预期性",
        "注：1. ①内涝防治达标率（%）=（达到内涝防治标准的面积/建成区总面积）\u00d7100%；",
        "表4  “十四五”全省城市排水防涝设施建设主要指标",
        "序号", "主要指标", "单位", "计划任务", "其中：2021年任务", "指标属性",
        "1", "新增雨水泵站能力", "万m³/小时", "10", "4.16", "约束性",
    ]  # fmt: skip
    text = "浙江省城市内涝治理“十四五”规划\n一、总体要求\n（一）主要指标\n"
    targets = list(extract_targets(parse_text(text + "\n\n".join(cells) + "\n")))
    assert [(t.year, t.indicator, t.value, t.unit, t.comparator) for t in targets] == [
        (2025, "城市内涝防治达标率", 95, "%", "="),
        (2025, "市政排水管网智能化监测率（重点城市）", 30, "%", ">="),
        (2025, "市政排水管网智能化监测率（一般城市）", 15, "%", ">="),
        (2025, "海绵城市建设目标达到建成区面积比例（设市城市）", 55, "%", ">="),
        (2025, "海绵城市建设目标达到建成区面积比例（其他县城）", 25, "%", ">="),
        (2025, "新增雨水泵站能力", 100_000, "m³/小时", "="),
        (2021, "新增雨水泵站能力", 41_600, "m³/小时", "="),
    ]


def test_table_rows_with_limits_cumulative_values_and_a_rate_column() -> None:
    # gangyao_shanghai_14th_pdf.txt lines 413-448, as a Word or web table arrives (a | b | c)
    text = (
        "上海市国民经济和社会发展第十四个五年规划纲要\n一、主要目标\n上海市“十四五”规划《纲要》主要指标\n"
        "序号 | 指标 | 单位 | 属性 | 2025年 | 年均[累计]\n"
        "1 | 全市生产总值年均增长率 | % | 预期性 | - | 5左右\n"
        "3 | 单位建设用地生产总值提升 | % | 预期性 | - | [20]\n"
        "9 | 居民人均可支配收入增长 | % | 预期性 | - | 与经济增长基本同步\n"
        "13 | 居民平均预期寿命 | 岁 | 预期性 | >84 | -\n"
        "20 | 单位生产总值生产安全事故死亡率 | 人/亿元 | 约束性 | <0.01 | -\n"
    )
    assert _table_brief(list(extract_targets(parse_text(text)))) == [
        (2025, "全市生产总值年均增长率", 5, "%", "~", None, "预期性"),
        (2025, "单位建设用地生产总值提升", 20, "%", "=", None, "预期性"),
        (2025, "居民平均预期寿命", 84, "岁", ">", None, "预期性"),
        (2025, "单位生产总值生产安全事故死亡率", 0.01, "人/亿元", "<", None, "约束性"),
    ]


def test_a_heading_that_names_the_indicator_and_a_year_in_the_plans_own_year() -> None:
    # govcn_guangzhou_family_doctor_2023.txt lines 129, 136-138, 161-162, 180-181 (indicators as items)
    text = (
        "广州市家庭医生签约服务工作方案\n2023年3月1日\n一、考核指标\n4.家庭医生人数\n"
        "家庭医生人数比上一年增加，2023年力争每万常住人口达到4名，2025年达到4.66名。\n"
        "6.基层医疗卫生机构可以开具慢性病长处方的机构占比\n全覆盖或占比较上一年增加，到2025年达到100%。\n"
        "10.签约居民续约率\n较上一年增加，力争2023年达到80%。\n14.签约履约情况\n较上一年增加，力争2023年达到80%。\n"
    )
    assert [(t.year, t.indicator, t.value) for t in extract_targets(parse_text(text))] == [
        (2023, "家庭医生人数（每万常住人口）", 4),
        (2025, "家庭医生人数", 4.66),
        (2025, "基层医疗卫生机构可以开具慢性病长处方的机构占比", 100),
        (2023, "签约居民续约率", 80),
        (2023, "签约履约情况", 80),
    ]


def test_an_amount_to_start_from_is_the_baseline() -> None:
    # plan_beijing_ecological_restoration_2021_pdf.txt lines 345-347
    [target] = _targets(
        "到2035年，全市天然乔木林面积从现状 436 万亩提高到 500 万亩以上，健康林分比例明显增加。"
    )
    assert (target.year, target.indicator, target.value, target.baseline_value, target.comparator) == (
        2035,
        "天然乔木林面积",
        5_000_000,
        4_360_000,
        ">=",
    )


def test_a_time_within_which_something_is_done() -> None:
    # notice_state_council_emergency_plan_2021.md line 156
    [target] = _targets("到2025年，航空应急力量基本实现2小时内到达灾害事故易发多发地域。")
    assert (target.indicator, target.value, target.unit, target.comparator) == (
        "航空应急力量到达灾害事故易发多发地域",
        2,
        "小时",
        "<=",
    )


def test_a_clause_that_is_a_short_name_and_an_amount() -> None:
    # report_hebei_2026.txt line 62
    targets = _report(
        "三、2026年主要工作\n落实落细民生工程。稳定高校毕业生、农民工等重点群体就业，城镇新增就业86万人。"
    )
    assert _brief(targets) == [(2026, "城镇新增就业", 860_000, None, "人", "=")]


def test_a_table_with_cells_separated_by_spaces_and_wrapped_around_their_rows() -> None:
    # gangyao_shanghai_14th_pdf.txt lines 408-435 (text extracted from a PDF)
    lines = [
        "上海市“十四五”规划《纲要》主要指标",
        "序 “十四五”目标",
        "指 标 单位 属性",
        "号",
        "2025年 年均[累计]",
        "1 全市生产总值年均增长率 % 预期性 - 5左右",
        "万元/",
        "2 全员劳动生产率 预期性 36左右 -",
        "人",
        "3 单位建设用地生产总值提升 % 预期性 - [20]",
        "全社会研发经费支出相当于",
        "4 % 预期性 4.5左右 -",
        "全市生产总值比例",
        "中心城区二级旧里以下房屋 万平 [成片：五年累计约110",
        "5 约束性 -",
        "改造面积 方米 零星：五年累计约20]",
        "6 居民平均预期寿命 岁 预期性 >84 -",
        "1 指每万人口居民拥有的经国家知识产权局授权且在有效期内的战略性新兴领域、在海外有同族",
    ]
    text = "上海市国民经济和社会发展第十四个五年规划纲要\n二、主要目标\n" + "\n".join(lines) + "\n"
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in extract_targets(parse_text(text))] == [
        ("全市生产总值年均增长率", 5, "%", "~"),
        ("全员劳动生产率", 360_000, "元/人", "~"),
        ("单位建设用地生产总值提升", 20, "%", "="),
        ("全社会研发经费支出相当于全市生产总值比例", 4.5, "%", "~"),
        ("中心城区二级旧里以下房屋改造面积（成片）", 1_100_000, "平方米", "~"),
        ("中心城区二级旧里以下房屋改造面积（零星）", 200_000, "平方米", "~"),
        ("居民平均预期寿命", 84, "岁", ">"),
    ]


def test_a_baseline_year_is_not_a_deadline() -> None:
    # gangyao_shanghai_14th_pdf.txt lines 370-372
    [target] = _targets("到2025年，自贸试验区临港新片区生产总值在 2018 年基础上翻两番。")
    assert (target.year, target.indicator, target.value, target.unit, target.baseline_year) == (
        2025,
        "自贸试验区临港新片区生产总值",
        4,
        "倍",
        2018,
    )


def test_works_started_and_things_added_in_a_report() -> None:
    # tests/fixtures/formats/pdf_beijing_gov_work_report_2024.pdf, lines 62, 63 and 81
    head = "2024年北京市政府工作报告\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上\n"
    targets = _report(
        "三、2024年主要任务\n老旧小区综合整治新开工 300 个、完工 200 个。"
        "推进停车楼建设，新增有偿错时共享停车位 1 万个。建设筹集保障性租赁住房 7 万套，竣工各类保障性住房8 万套。",
        head,
    )
    assert [(t.year, t.indicator, t.value, t.unit) for t in targets] == [
        (2024, "老旧小区综合整治", 300, "个"),
        (2024, "有偿错时共享停车位", 10_000, "个"),
        (2024, "保障性租赁住房", 70_000, "套"),
        (2024, "各类保障性住房", 80_000, "套"),
    ]


def test_budget_codes_are_no_year_columns() -> None:
    # tests/fixtures/formats/pdf_putuo_social_work_dept_final_accounts_2024.pdf, table rows 21-24
    text = (
        "2024年部门决算\n一、决算表\n20139 | 社会工作事务 | 264.87 | 264.87\n2013901 | 行政运行 | 51.32 | 51.32\n"
        "2013999 | 其他社会工作事务支出 | 202.24 | 202.24\n"
    )
    assert list(extract_targets(parse_text(text))) == []


def test_an_aim_to_achieve_new_results_is_no_review() -> None:
    # report_hailaer_2012.txt line 65: 取得新成绩 in a section title; 新增就业 stays whole
    head = "政 府 工 作 报 告\n——2012年2月29日在海拉尔区第十五届人民代表大会第一次会议上\n"
    targets = _report(
        "二、2012年政府工作总体要求和目标任务\n（八）以保障和改善民生为根本，做实民生工程，确保民生工作取得新成绩。"
        "加强就业和再就业工作，全年实现新增就业5000人，失业人员再就业2900人。",
        head,
    )
    assert [(t.year, t.indicator, t.value) for t in targets] == [
        (2012, "新增就业", 5000),
        (2012, "失业人员再就业", 2900),
    ]


def test_numbers_in_words_that_count_nothing_and_where_a_counted_thing_ends() -> None:
    # report_guangdong_2026.txt lines 70 and 84, report_chongqing_2026.txt line 49,
    # report_jilin_2026.txt line 39, report_beijing_2026.txt lines 89-90
    targets = _report(
        "三、2026年重点工作\n加快推动一二三次产业协调融合发展。支持人工智能深度赋能千行百业、造福千家万户。"
        "加快推动600个以上亿元级工业项目建设。亿元以上项目达到1000个以上。"
        "提供不少于10万个高校毕业生就业岗位。新建5个以上紧密型城市医疗集团、区级覆盖率达80%以上。"
    )
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in targets] == [
        ("亿元级工业项目建设", 600, "个", ">="),
        ("亿元以上项目", 1000, "个", ">="),
        ("高校毕业生就业岗位", 100_000, "个", ">="),
        ("紧密型城市医疗集团", 5, "个", ">="),
        ("区级覆盖率", 80, "%", ">="),
    ]


def test_more_than_several_and_kept_levels() -> None:
    # report_jilin_2026.txt, report_chongqing_2026.txt, report_hebei_2026.txt (in their reviews;
    # read here as if they were aims)
    brief = _brief(
        _targets(
            "到2025年，对接成果转化项目300余个，国控断面水质优良比例保持100%，"
            "一般公共预算收入从3826.5亿元增长到4398.6亿元。"
        )
    )
    assert brief == [
        (2025, "对接成果转化项目", 300, None, "个", ">"),
        (2025, "国控断面水质优良比例", 100, None, "%", "="),
        (2025, "一般公共预算收入", 4.3986e11, None, "元", "="),
    ]


def test_table_rows_under_a_merged_category() -> None:
    # plan_zhejiang_urban_waterlogging_14th_word.txt table 3 as a Word table arrives (a | b | c):
    # 综合治理 spans rows 1-3, so rows 2 and 3 have no first cell
    text = (
        "浙江省城市内涝治理“十四五”规划\n一、总体要求\n（一）主要指标\n表3  “十四五”全省城市内涝治理主要指标\n"
        "类别 | 序号 | 主要指标 | 2020年现状 | 2025年目标 | 指标属性\n"
        "综合治理 | 1 | 城市内涝防治达标率（%） | —— | 95 | 约束性\n"
        "2 | 城市防洪达标率（%） | 80 | 95 | 约束性\n"
    )
    assert _table_brief(list(extract_targets(parse_text(text)))) == [
        (2025, "城市内涝防治达标率", 95, "%", "=", None, "约束性"),
        (2025, "城市防洪达标率", 95, "%", "=", 80, "约束性"),
    ]


def test_a_count_of_indicators_is_no_target_and_fillers_around_the_indicator() -> None:
    # 2026年辽宁省政府工作报告 and 2026年湖北省政府工作报告 (johncodes404/china-provincial-gov-reports-2026,
    # output/2026_raw_text/), read the same way as the reports in tests/fixtures/real
    targets = _report(
        "二、“十五五”时期主要目标任务\n《纲要（草案）》明确了经济社会发展主要指标：五是围绕安全保障，提出2项指标，"
        "其中粮食综合生产能力526亿斤以上，其中9项约束性指标。\n三、2026年工作安排\n"
        "经济社会发展主要预期目标是：粮食产量继续保持500亿斤以上。"
    )
    assert [(t.year, t.indicator, t.value) for t in targets] == [
        (2030, "粮食综合生产能力", 5.26e10),
        (2026, "粮食产量", 5e10),
    ]


def test_a_report_without_a_date_takes_the_year_of_its_title() -> None:
    # the title line of report_hebei_2026.txt, its list at line 43, and a part on 今后五年
    targets = _report(
        "二、今后五年的主要目标任务\n地区生产总值年均增长5%左右。\n三、主要工作\n"
        "主要预期目标是：地区生产总值增长5%以上，一般公共预算收入增长2%左右。",
        head="2026年河北省政府工作报告\n",
    )
    assert [(t.year, t.value) for t in targets] == [(2030, 5), (2026, 5), (2026, 2)]
