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
