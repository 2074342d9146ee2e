"""Targets on excerpts of the real corpus (tests/fixtures/real/docs): each rule on the text it was
written for, and the whole corpus against its gold."""

from __future__ import annotations

import math
from pathlib import Path

from plantui.models import Target
from plantui.parse import parse_source, parse_text
from plantui.read import read_file
from plantui.targets import extract_targets

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def _targets(text: str, title: str = "贵州省培育壮大市场主体行动方案（2022—2025年）") -> list[Target]:
    return list(extract_targets(parse_text(f"{title}\n一、总体要求\n（二）发展目标\n{text}\n")))


def _brief(targets: list[Target]) -> list[tuple[int | None, str, float, str, str]]:
    return [(t.year, t.indicator, round(t.value, 6), t.unit, t.comparator) for t in targets]


def _has(targets: list[Target], key: str, value: float, unit: str) -> bool:
    return any(key in t.indicator and math.isclose(t.value, value) and t.unit == unit for t in targets)


def test_years_and_ages_after_a_verb() -> None:
    # gangyao_national_15th_md.md: 年 counts years after a 年限, 岁 an age
    found = _targets(
        "——人民生活品质不断提高。劳动年龄人口平均受教育年限提高到11.7年，人民群众养老托育服务需求得到"
        "更好满足，人均预期寿命提高到80岁，社会保障制度更加优化更可持续。",
        "中华人民共和国国民经济和社会发展第十五个五年规划纲要",
    )
    assert _brief(found) == [
        (2030, "劳动年龄人口平均受教育年限", 11.7, "年", "="),
        (2030, "人均预期寿命", 80, "岁", "="),
    ]


def test_a_span_of_years_and_an_age_bracket_are_no_amounts() -> None:
    # a year is a date, 3年 a span, 3岁以下 the age of the children counted
    found = _targets(
        "到2025年，用3年时间，每千人口拥有3岁以下婴幼儿托位数达到3张，人均预期寿命提高到77岁以上。"
    )
    assert _brief(found) == [
        (2025, "每千人口拥有3岁以下婴幼儿托位数", 3, "张", "="),
        (2025, "人均预期寿命", 77, "岁", ">="),
    ]


def test_full_width_digits_spaces_and_sub_counts() -> None:
    # notice_guizhou_market_entities_plan_2022_pdf.md, line 48
    found = _targets(
        "市场主体总量大提升。到 ２０２５ 年，全省市场主体总量突破５５０ 万户、年均增长 １０％ 以上，万人拥有"
        "市场主体数达到全国中上水平；企业突破 １３０ 万户。新增规模以上企业 ６６００ 户，其中规模以上工业企业"
        " ２８００ 户、资质建筑企业 ４００ 户、限额以上批零住餐企业 ２０００ 户、规模以上服务业企业 １４００ 户。"
    )
    assert _brief(found) == [
        (2025, "市场主体总量", 5_500_000, "户", ">"),
        (2025, "市场主体总量年均增长", 10, "%", ">="),
        (2025, "企业", 1_300_000, "户", ">"),
        (2025, "规模以上企业", 6600, "户", "="),
        (2025, "规模以上工业企业", 2800, "户", "="),
        (2025, "资质建筑企业", 400, "户", "="),
        (2025, "限额以上批零住餐企业", 2000, "户", "="),
        (2025, "规模以上服务业企业", 1400, "户", "="),
    ]


def test_thresholds_qualify_the_things_counted() -> None:
    # the same notice, line 56: a justified line with spaces between characters, 1亿元以上 a threshold
    found = _targets(
        "市场主体质量大提升。到 ２０２５ 年，省级以上农业龙 头 企 业 达 到 １２００ 户；入库科技型中小企业 "
        "３２００户；培 育 年 进 出 口 额 １ 亿 元 以 上 外 贸 企 业２００ 家，其中年进出口额 １０ 亿元以上 ３０ 家,"
        "５０ 亿元以上 ２ 家。"
    )
    assert _brief(found) == [
        (2025, "省级以上农业龙头企业", 1200, "户", "="),
        (2025, "入库科技型中小企业", 3200, "户", "="),
        (2025, "以上外贸企业", 200, "家", "="),
        (2025, "年进出口额10亿元以上", 30, "家", "="),
        (2025, "50亿元以上", 2, "家", "="),
    ]


def test_a_threshold_after_its_verb_is_reached() -> None:
    # notice_shanghai_bci_action_plan_2025.md: 引育5家以上… counts the companies it names
    found = _targets(
        "到2027年，引育5家以上具有脑机接口核心技术与产品研发能力的自主创新企业、10家以上产业链骨干企业。",
        "上海市脑机接口未来产业培育行动方案（2025—2030年）",
    )
    assert _has(found, "自主创新企业", 5, "家") and _has(found, "产业链骨干企业", 10, "家")


def test_a_baseline_per_head() -> None:
    # report_state_council_2016.txt: 从人均8.7万元提高到12万元以上
    found = _targets(
        "到2020年，先进制造业、现代服务业、战略性新兴产业比重大幅提升，全员劳动生产率从人均8.7万元提高到"
        "12万元以上。",
        "中华人民共和国国民经济和社会发展第十三个五年规划纲要",
    )
    [target] = found
    assert (target.indicator, target.value, target.baseline_value) == ("全员劳动生产率", 120_000, 87_000)


def test_basic_insurance_keeps_its_name() -> None:
    # gangyao_guizhou_14th_pdf.md: 基本 opens a clause as a filler, but 基本养老保险 is a name
    found = _targets("到2025年，基本实现社会养老保险全覆盖，基本养老保险参保率达到 95%左右。")
    assert _brief(found) == [(2025, "基本养老保险参保率", 95, "%", "~")]


def test_a_table_of_prose_reads_cell_by_cell() -> None:
    # govcn_guangzhou_family_doctor_2023_markitdown.md: the 附件 table converted to Markdown, the
    # merged 一级指标 cell missing from all rows but the first of its group
    text = (
        "广州市家庭医生签约服务质量监测指标体系（2023年版）\n发布日期：2023-06-01\n"
        "| 一级指标 | 二级指标 | 评价标准 | 指标含义 | 数据来源 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 增加服务供给 | 4.家庭医生人数 | 家庭医生人数比上一年增加，2023年力争每万常住人口达到4名，2025年达到"
        "4.66名。 | 考察是否有序扩大家庭医生来源渠道。 | 国家统计年报结合现场抽查核实：统计数据\\*抽查真实率。 |\n"
        "| 10.签约居民续约率 | 较上一年增加，力争2023年达到80%。 | 签约居民续约率=签约居民续约数/去年同一时间点"
        "签约居民数\\*100%。 | 国家统计年报结合家医平台或现场抽查核实。 |\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert [(t.year, t.indicator, t.value, t.unit) for t in found] == [
        (2023, "家庭医生人数（每万常住人口）", 4, "名"),
        (2025, "家庭医生人数", 4.66, "名"),
        (2023, "签约居民续约率", 80, "%"),
    ]


def test_an_indicator_table_is_still_read_by_its_columns() -> None:
    # a table whose header names the years is read by position, never cell by cell as prose
    text = (
        "“十四五”城市内涝治理主要指标\n| 指标 | 2020年 | 2025年 | 属性 | 备注 |\n| --- | --- | --- | --- | --- |\n"
        "| 城市内涝防治达标率（%） | 80 | 95 | 约束性 | 到2025年全市达到95%，2030年达到98% |\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert [(t.year, t.indicator, t.value, t.baseline_value) for t in found] == [
        (2025, "城市内涝防治达标率", 95, 80)
    ]


def test_a_size_listed_before_the_things_counted_is_no_target() -> None:
    # notice_shanghai_medical_devices_action_plan.md, line 27: 年产值超100亿元 is the size of the
    # 龙头企业 that 2家 counts, listed with another modifier before their 的
    found = _targets(
        "到2027年，新增首次获批境内第三类医疗器械注册证超500件，新增在海外市场获批医疗器械产品超100件，"
        "培育年产值超100亿元、具备较强国际竞争力的龙头企业2家，建设高端医疗器械产业集聚区3个。",
        "上海市促进高端医疗器械产业全链条发展行动方案",
    )
    assert _brief(found) == [
        (2027, "首次获批境内第三类医疗器械注册证", 500, "件", ">"),
        (2027, "在海外市场获批医疗器械产品", 100, "件", ">"),
        (2027, "龙头企业", 2, "家", "="),
        (2027, "高端医疗器械产业集聚区", 3, "个", "="),
    ]


def test_kinds_developed_are_counted() -> None:
    # notice_shanghai_food_tech_action_plan_2026.md, line 41: 研制并获批 and 开发 create the things
    # counted after them, 种 counts kinds
    found = _targets(
        "到2027年，实现合成生物食品创制重要突破，提升食品数智化制造水平。研制并获批3—5种新食品原料、"
        "食品添加剂新品种、食品相关产品新品种（以下简称“三新食品”），开发1—2个特殊医学用途配方食品；"
        "引育5家以上具有食品创制核心技术与数智化制造能力的自主创新企业；建立健全食品产业发展的标准体系，"
        "形成研、检、审联动的协同机制。",
        "上海市加快食品科技创新赋能产业发展行动方案（2026—2030年）",
    )
    assert [(t.year, t.indicator, t.value, t.value_max, t.unit) for t in found] == [
        (2027, "新食品原料、食品添加剂新品种、食品相关产品新品种", 3, 5, "种"),
        (2027, "特殊医学用途配方食品", 1, 2, "个"),
        (2027, "自主创新企业", 5, None, "家"),
    ]


def test_a_condition_on_the_basis_is_no_last_year() -> None:
    # report_state_council_2011.txt, line 117: 基础上 + 年均增长 holds no 上年 (last year)
    found = _targets(
        "——我们要推动经济发展再上新台阶。今后五年，我国经济增长预期目标是在明显提高质量和效益的基础上"
        "年均增长7%。按2010年价格计算，2015年国内生产总值将超过55万亿元。",
        "2011年政府工作报告",
    )
    assert _brief(found) == [
        (2015, "我国经济增长预期目标是年均增长", 7, "%", "="),
        (2015, "国内生产总值", 55e12, "元", ">"),
    ]


def test_primary_energy_counts_no_times_and_a_range_repeats_its_percent() -> None:
    # report_state_council_2011.txt, line 123: 一次能源 is a kind of energy, 8%至10% one range
    found = _targets(
        "——我们要扎实推进资源节约和环境保护。今后五年，非化石能源占一次能源消费比重提高到11.4%，单位国内"
        "生产总值能耗和二氧化碳排放分别降低16%和17%，主要污染物排放总量减少8%至10%，森林蓄积量增加6亿"
        "立方米，森林覆盖率达到21.66%。",
        "2011年政府工作报告",
    )
    assert [(t.indicator, t.value, t.value_max) for t in found] == [
        ("非化石能源占一次能源消费比重", 11.4, None),
        ("单位国内生产总值能耗和二氧化碳排放分别降低", 16, None),
        ("单位国内生产总值能耗和二氧化碳排放分别降低", 17, None),
        ("主要污染物排放总量减少", 8, 10),
        ("森林蓄积量增加", 6e8, None),
        ("森林覆盖率", 21.66, None),
    ]


def test_figures_after_a_review_of_last_year_are_past() -> None:
    # report_state_council_2011.txt, line 135: the sentence after 过去一年，…取得了很大成绩 gives
    # the results of 2010, in a part on 2011 (三、2011年的工作)
    text = (
        "政府工作报告\n三、2011年的工作\n2011年，是“十二五”开局之年，做好今年的工作对于完成“十二五”各项"
        "目标任务至关重要。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，居民消费价格涨幅"
        "控制在3.3%，城镇新增就业1168万人，国际收支状况有所改善。这为做好今年的工作打下了良好基础。\n"
        "今年国民经济和社会发展的主要预期目标是：国内生产总值增长8%左右；经济结构进一步优化；居民消费价格"
        "总水平涨幅控制在4%左右；城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内。\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert _brief(found) == [
        (2011, "国内生产总值增长", 8, "%", "~"),
        (2011, "居民消费价格总水平涨幅", 4, "%", "~"),
        (2011, "城镇新增就业", 9e6, "人", ">="),
        (2011, "城镇登记失业率", 4.6, "%", "<="),
    ]


def test_figures_as_of_a_date_and_over_a_window_are_past() -> None:
    # report_state_council_digital_economy_2022.md, lines 22 and 24 (a report of 2022 on what was
    # done): the 至 of 截至2022年7月 opens no deadline, 2021年至2022年6月 is the window reported on
    found = _targets(
        "截至2022年7月，我国已许可的5G中低频段频谱资源共计770MHz，许可的中低频段频率资源总量位居世界前列，"
        "累计建成开通5G基站达196.8万个。不断发挥金融支持数字经济发展作用，深化股票发行注册制改革，2021年至"
        "2022年6月，近150家数字经济相关企业在主板、科创板、创业板完成首发上市，募集资金近3000亿元。",
        "2022年国务院关于数字经济发展情况的报告",
    )
    assert found == []


def test_targets_met_in_a_review_open_no_list() -> None:
    # ljtyduyu/Government_Report_Mining data/Corpus/2014.txt (the 2014 国务院 report scraped onto
    # one line): 圆满实现全年经济社会发展主要预期目标 says last year's targets were met, so the
    # figures after it are results, not a list of this year's targets
    text = (
        "2014年政府工作报告\n各位代表：现在，我代表国务院，向大会作政府工作报告，请予审议，并请全国政协各位"
        "委员提出意见。一、2013年工作回顾过去一年是本届政府依法履职的第一年，任务艰巨而繁重。面对世界经济复苏"
        "艰难、国内经济下行压力加大、自然灾害频发、多重矛盾交织的复杂形势，全国各族人民在以习近平同志为总书记"
        "的党中央领导下，从容应对挑战，奋力攻坚克难，圆满实现全年经济社会发展主要预期目标，改革开放和社会主义"
        "现代化建设取得令人瞩目的重大成就。——经济运行稳中向好。国内生产总值达到56.9万亿元，比上年增长7.7%。"
        "居民消费价格涨幅控制在2.6%。城镇登记失业率4.1%。城镇新增就业1310万人，创历史新高。\n"
    )
    assert list(extract_targets(parse_text(text))) == []


def test_the_year_of_the_document_in_its_goal_section_and_before_an_action() -> None:
    # opinion_cpc_state_council_rural_revitalization_2021.md (signed 2021-01-04): 2021年 opens the
    # 目标任务 section's targets and, right before 建设, that year's own plan
    text = (
        "中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见\n（2021年1月4日）\n一、总体要求\n"
        "（二）目标任务。2021年，农业供给侧结构性改革深入推进，粮食播种面积保持稳定、产量达到1.3万亿斤以上，"
        "生猪产业平稳发展，农产品质量和食品安全水平进一步提高。\n"
        "三、加快推进农业现代化\n（十）强化现代农业科技和物质装备支撑。实施新一轮高标准农田建设规划，提高"
        "建设标准和质量，中央和地方共同加大粮食主产区高标准农田建设投入，2021年建设1亿亩旱涝保收、高产稳产"
        "高标准农田。\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert [(t.year, t.value, t.unit) for t in found] == [(2021, 1.3e12, "斤"), (2021, 1e8, "亩")]
    assert _has(found, "产量", 1.3e12, "斤") and _has(found, "高标准农田", 1e8, "亩")


def test_an_aside_on_this_year_in_a_review_stays_in_its_paragraph() -> None:
    # report_state_council_2013.txt, lines 71 and 77: 为今年经济发展打下好的基础 closes a paragraph
    # of 2012 results in 一、过去五年工作回顾; the results of the next paragraph are no 2013 targets,
    # and the targets set in part 二 are read as before (今年经济增长预期目标定为7.5%左右)
    text = (
        "2013年政府工作报告\n一、过去五年工作回顾\n"
        "2012年，在世界各大经济体增长全面减速、各种风险不断暴露的情况下，我们合理把握政策力度，保持财政预算支出"
        "规模不变，优化支出结构，扭转经济下滑趋势，全面实现年初确定的主要目标，国内生产总值增长7.8%，城镇新增"
        "就业1266万人，居民消费价格涨幅回落到2.6%，为今年经济发展打下好的基础。\n"
        "二是加快经济结构调整，提高经济发展的质量和效益。坚持实施扩大内需战略，内需对经济增长的贡献率明显提高，"
        "经常项目顺差占国内生产总值的比重从10.1%下降到2.6%。居民消费结构加快升级。2012年底，城镇和农村人均住房"
        "面积32.9平方米、37.1平方米，分别比2007年增加2.8平方米和5.5平方米；城镇居民每百户拥有家用汽车21.5辆，"
        "比2007年增加15.5辆；旅游、文化消费大幅增加。\n"
        "二、今年经济社会发展的总体要求、主要预期目标和宏观经济政策\n"
        "关于经济增长目标。这是一个综合性指标，各方面高度关注。今年经济增长预期目标定为7.5%左右，主要基于两方面"
        "考虑。\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert _brief(found) == [(2013, "经济增长预期目标", 7.5, "%", "~")]


def test_per_how_many_and_a_closing_purpose() -> None:
    # ljtyduyu/Government_Report_Mining data/Corpus/2012.txt (the 2012 国务院 report), part 三:
    # 每50公斤 says per how much, not how much; 建设一个…和谐世界而不懈努力 is what the closing strives
    # for (and 和谐 keeps its 和)
    found = _targets(
        "继续提高粮食最低收购价，今年小麦、稻谷最低收购价平均每50公斤分别提高7．4元和16元。我们要坚定不移地走"
        "和平发展道路，同世界各国一道，为促进人类文明进步，增进各国人民的福祉和建设一个持久和平、共同繁荣的和谐"
        "世界而不懈努力！",
        "2012年政府工作报告",
    )
    assert [(t.value, t.unit) for t in found] == [(7.4, "元"), (16, "元")]
    assert all(t.indicator.startswith("小麦、稻谷最低收购价") for t in found)


def test_a_purpose_year_a_named_period_and_an_article() -> None:
    # ljtyduyu/Government_Report_Mining data/Corpus/2001.txt (the 2001 国务院 report on the 十五
    # 计划): 为到2010年… keeps no 为 in its indicator, “十五”期间 is the period not the indicator,
    # and 作为一项重大任务 counts no task
    found = _targets(
        "根据“十五”期间的形势和任务，《纲要》提出今后五年经济和社会发展的主要目标是：国民经济保持较快发展速度，"
        "经济结构战略性调整取得明显成效，经济增长质量和效益显著提高，为到2010年国内生产总值比2000年翻一番奠定"
        "坚实基础。综合考虑各方面因素，“十五”期间年均经济增长速度预期目标为7％左右。实施人才战略，把培养、吸引"
        "和用好人才作为一项重大任务。",
        "2001年政府工作报告",
    )
    assert [(t.year, t.indicator, t.value, t.unit, t.baseline_year) for t in found] == [
        (2010, "国内生产总值", 2, "倍", 2000),
        (2005, "经济增长速度预期目标", 7, "%", None),
    ]


def test_a_target_followed_by_an_aim_compared_with_last_year() -> None:
    # johncodes404/china-provincial-gov-reports-2026, 2026_河南省_政府工作报告.csv (not in the
    # corpus), line 47: in a list of targets 比去年 compares, and 、力争… after the amount is an aim
    # of its own
    found = _targets(
        "主要预期目标是：经济增长5%左右、在实际工作中努力争取更好结果，规上工业增加值增长6.5%左右，城镇新增就业"
        "110万人以上，居民消费价格涨幅2%左右，居民收入增长与经济增长同步，粮食产量1300亿斤以上、力争比去年实现"
        "更多增长，单位生产总值二氧化碳排放降低目标与国家“十五五”考核目标统筹衔接。",
        "2026年河南省政府工作报告",
    )
    assert _brief(found)[-1] == (2026, "粮食产量", 1.3e11, "斤", ">=")
    assert len(found) == 5


def test_three_sectors_named_one_by_one() -> None:
    # johncodes404/china-provincial-gov-reports-2026, 2026_宁夏回族自治区_政府工作报告.csv (not in
    # the corpus), line 79: 一产、二产、三产增加值分别增长… names three indicators, as 一、二、三产 does
    found = _targets(
        "主要预期目标是：地区生产总值增长5%左右，力争取得更好结果。一产、二产、三产增加值分别增长5%左右、5%以上、"
        "5%左右。规模以上工业增加值增长6%左右，固定资产投资增长5%左右。",
        "2026年宁夏回族自治区政府工作报告",
    )
    assert [(t.indicator, t.comparator) for t in found[1:4]] == [
        ("第一产业增加值增长", "~"),
        ("第二产业增加值增长", ">="),
        ("第三产业增加值增长", "~"),
    ]


def test_how_long_a_policy_runs_is_no_deadline() -> None:
    # LuisChen1Q84/AgentSystem 知识库/pbc_weixin/中国区域金融运行报告_2024.md, lines 626-628 (not in
    # the corpus; two PDF columns side by side): 延长至2024年12月 and 实施期限至2024年5月底 say how
    # long a policy runs, in a report on 2023; the figures around them are results
    text = (
        "中国区域金融运行报告\n   （2024）\n"
        "两项有适用期限的政策统一延长至 2024 年 12 月                   中国人民银行支付清算系统处理业务 219.8 亿笔、\n"
        "底，延长保交楼贷款支持计划实施期限至 2024                       金额 8986.4 万亿元，推动支付行业向实体经济让\n"
        "年 5 月底，增加抵押补充贷款（PSL）额度 5000                   利超 300 亿元。切实提升支付服务包容性，按照\n"
    )
    assert list(extract_targets(parse_text(text))) == []


def test_a_level_reached_names_the_indicator_of_the_change_before() -> None:
    # LuisChen1Q84/AgentSystem 知识库/important_document/2026年贵州省政府工作报告.md, lines 57-61 (not
    # in the corpus): 迈上3万亿元台阶 is the level 地区生产总值 reaches (台阶 is no thing counted), and
    # 年均 of 一二三产增加值年均分别增长 stays with each sector's change
    text = (
        "2026年贵州省政府工作报告\n"
        "**二、“十五五”时期主要目标任务**\n"
        "“十五五”时期在基本实现社会主义现代化进程中具有承前启后的重要地位，是基本实现社会主义现代化夯实基础、全面发力的关键时期。根据党的二十届四中全会精神和省委十三届八次全会部署，省政府编制了《贵州省国民经济和社会发展第十五个五年规划纲要（草案）》，已印发大会审查。“十五五”时期要努力实现以下主要目标。\n"
        "**——高质量发展取得显著成效。**经济增长潜力充分释放，全省地区生产总值年均增长5%左右、迈上3万亿元台阶，人均地区生产总值8万元以上，其中一二三产增加值年均分别增长3.5%左右、6%左右、5%左右。\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert _brief(found) == [
        (2030, "地区生产总值年均增长", 5, "%", "~"),
        (2030, "地区生产总值", 3e12, "元", ">="),
        (2030, "人均地区生产总值", 80000, "元", ">="),
        (2030, "第一产业增加值年均增长", 3.5, "%", "~"),
        (2030, "第二产业增加值年均增长", 6, "%", "~"),
        (2030, "第三产业增加值年均增长", 5, "%", "~"),
    ]


def test_a_unit_of_standard_coal() -> None:
    # LuisChen1Q84/AgentSystem 知识库/important_document/2026年贵州省政府工作报告.md, lines 57, 59, 73
    # (not in the corpus): 吨标准煤 is one unit (its 左右 qualifies the amount)
    text = (
        "2026年贵州省政府工作报告\n**二、“十五五”时期主要目标任务**\n“十五五”时期在基本实"
        "现社会主义现代化进程中具有承前启后的重要地位，是基本实现社会主义现代化夯实基础、全面发力的关键时"
        "期。根据党的二十届四中全会精神和省委十三届八次全会部署，省政府编制了《贵州省国民经济和社会发展第"
        "十五个五年规划纲要（草案）》，已印发大会审查。“十五五”时期要努力实现以下主要目标。\n**——"
        "发展安全保障更加有力。**维护国家安全体系和能力进一步加强，重点领域风险得到有效防范化解，同高质"
        "量发展相适应的政府债务管理长效机制加快构建，社会治理和公共安全治理水平明显提高，自然灾害防御能力"
        "显著增强，更高水平平安贵州建设扎实推进。粮食综合生产能力每年稳定在1121万吨以上，能源综合生产"
        "能力达2.3亿吨标准煤左右。\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert _brief(found) == [
        (2030, "粮食综合生产能力每年", 11_210_000, "吨", ">="),
        (2030, "能源综合生产能力", 230_000_000, "吨标准煤", "~"),
    ]


def _document_targets(name: str) -> list[Target]:
    path = REAL / "docs" / name
    _, source = read_file(path)
    return list(extract_targets(parse_source(source, path.name)))


def test_a_table_laid_out_in_columns_by_a_pdf() -> None:
    # gangyao_guizhou_14th_pdf.md, lines 432-510: 专栏 1 主要指标 in pdftotext -layout columns,
    # wrapped cells, sub-rows (#规模以上工业增加值), 类别 words, the header repeated after a page break
    found = [t for t in _document_targets("gangyao_guizhou_14th_pdf.md") if 432 <= t.line <= 510]
    brief = {(t.indicator, round(t.value, 4), t.unit) for t in found}
    for expected in [
        ("地区生产总值", 2.6e12, "元"),
        ("地区生产总值年均增长", 7, "%"),
        ("第一产业增加值", 3.25e11, "元"),
        ("规模以上工业增加值（2000万元口径）年均增长", 8, "%"),
        ("每万人口高价值发明专利拥有量增长", 15, "%"),  # 每万人口…增 / 13 % 11 — 15 左右 / 长
        ("县级及以上城市空气质量优良天数比率", 95, "%"),  # 绿色 县级…天数 / 生态 20 比率
        ("每千人口拥有3岁以下婴幼儿托位数", 3, "张"),
        ("城镇新增就业人数", 3e6, "人"),  # [300]左右: cumulative
        ("引进重点产业到位资金（每年）", 6e11, "元"),  # after the page break
        ("亿元地区生产总值生产安全事故死亡率", 0.04, "人/亿元"),
    ]:
        assert expected in brief
    assert all(t.year == 2025 for t in found)
    # 达到国家下达的目标要求 is no number; a row of base values only gives no target
    assert not any("能源消耗" in t.indicator or "能源综合生产能力" in t.indicator for t in found)
    base = next(t for t in found if t.indicator == "人均地区生产总值")
    assert (base.value, base.baseline_value, base.baseline_year, base.attribute) == (
        70000,
        47000,
        2020,
        "预期性",
    )


def test_a_page_number_inside_a_sentence_and_the_three_sectors() -> None:
    # gangyao_guizhou_14th_pdf.md, lines 353-359: `- 8 -` between 其 and 中 at a page break
    found = _targets(
        "——经济发展迈上新台阶。地区生产总值年均增长 7%左右，到 2025 年达到 2.6 万亿元左右，其8 -中一二三产"
        "增加值分别年均增长 5%左右、8%左右和 7.5%左右。城镇和农村常住居民9 -人均可支配收入分别年均增长 7%以上"
        "和 8%以上。",
        "贵州省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
    )
    names = [(t.indicator, t.value) for t in found if t.unit == "%"]
    assert names == [
        ("地区生产总值年均增长", 7),
        ("第一产业增加值年均增长", 5),
        ("第二产业增加值年均增长", 8),
        ("第三产业增加值年均增长", 7.5),
        ("城镇和农村常住居民人均可支配收入分别年均增长", 7),
        ("城镇和农村常住居民人均可支配收入分别年均增长", 8),
    ]


def test_a_doubling_from_a_stated_start() -> None:
    # report_guangdong_2026.txt, line 48: 倍增 over a span the sentence states is 2 倍
    found = _targets(
        "展望未来，从党的二十大到二〇三五年，用13年时间基本实现社会主义现代化，经济总量实现倍增，人均地区"
        "生产总值达到中等发达国家水平。",
        "2026年广东省政府工作报告",
    )
    assert _brief(found) == [(2035, "经济总量", 2, "倍", "=")]


def test_a_doubling_without_a_start_is_no_target() -> None:
    # the wording of a seed's 主要目标: 规模实现倍增 among aims says much growth, not how much
    found = _targets(
        "经过五年努力，全省数字经济和信息化发展水平明显提高，数字经济核心产业规模实现倍增，数据价值化试点"
        "在全国率先推进。",
        "河北省数字经济发展规划（2020-2025年）",
    )
    assert found == []


def test_people_guided_somewhere() -> None:
    # report_state_council_2016.txt, line 36 (GB18030 in the corpus): 引导 counts the people it moves
    found = _targets(
        "到2020年，完成约1亿人居住的棚户区和城中村改造，引导约1亿人在中西部地区就近城镇化。",
        "中华人民共和国国民经济和社会发展第十三个五年规划纲要",
    )
    assert _has(found, "棚户区和城中村改造", 1e8, "人") and _has(found, "就近城镇化", 1e8, "人")


def test_people_counted_in_yi_before_the_word_population() -> None:
    # report_state_council_2016.txt, line 36: 实现1亿左右农业转移人口和其他常住人口在城镇落户 counts
    # people (人口) and settling in towns is what is counted, not where
    found = _targets(
        "到2020年，要深入推进以人为核心的新型城镇化，实现1亿左右农业转移人口和其他常住人口在城镇落户，完成约1亿"
        "人居住的棚户区和城中村改造，引导约1亿人在中西部地区就近城镇化。",
        "中华人民共和国国民经济和社会发展第十三个五年规划纲要",
    )
    assert _has(found, "城镇落户", 1e8, "人") and len(found) == 3


def test_a_metadata_table_gives_no_target() -> None:
    # govcn_guangzhou_family_doctor_2023_markitdown.md, line 67: a date is no column of values
    text = (
        "关于推进广州市家庭医生签约服务高质量发展的通知\n| 索引号： | 007482505/2023-00415 | 分类： | 卫生、体育 |\n"
        "| --- | --- | --- | --- |\n| 发布机构： | 广州市卫生健康委员会 | 成文日期： | 2023-11-02 |\n"
        "| 文号： | 穗卫函〔2023〕1930号 | 发布日期： | 2023-11-07 |\n"
    )
    assert list(extract_targets(parse_text(text))) == []


def test_a_document_of_one_years_work_gives_that_year() -> None:
    # opinion_cpc_state_council_rural_revitalization_2023.md: 关于做好2023年全面推进乡村振兴重点工作的
    # 意见 sets the year of the targets its sections state without one
    found = _document_targets("opinion_cpc_state_council_rural_revitalization_2023.md")
    assert _has(found, "粮食产量", 1.3e12, "斤") and _has(found, "脱贫劳动力就业规模", 3e7, "人")
    assert {t.year for t in found} == {2023}


def test_a_plan_period_named_in_a_review_dates_nothing_after_it() -> None:
    # report_guizhou_2025.md, line 43 (一、2024年工作回顾): 制定2024年、2025年、“十五五”期间实施重大
    # 项目“三张清单” names a period; the 2024 results after it are no 2030 targets
    assert [t for t in _document_targets("report_guizhou_2025.md") if t.line == 43] == []


def test_a_floor_that_must_not_be_undercut() -> None:
    # plan_zhejiang_urban_waterlogging_14th_word.txt, line 909: 不得少于 is a floor (>=), not 少于
    found = _targets(
        "1. 确定管网运维。建立定期检查维护制度，原则上，小型雨水管网（管径＜600mm）清疏每年不得少于2次；中型"
        "雨水管网（600mm≤管径＜1000mm）清疏每2年不得少于3次；大型雨水管网（1000mm≤管径）清疏每2年不得少于1次。",
        "浙江省城市内涝治理“十四五”规划",
    )
    assert [(t.value, t.unit, t.comparator) for t in found] == [
        (2, "次", ">="),
        (3, "次", ">="),
        (1, "次", ">="),
    ]


def test_a_list_of_commitments_counts_each_thing() -> None:
    # report_guizhou_2025.md, line 255 (十件民生实事): 改建/增设/选派 create what they count, a
    # 、新增床位 element counts beds of its own, and 3人制篮球场 counts no people
    found = [t for t in _document_targets("report_guizhou_2025.md") if t.line == 255]
    assert _has(found, "农村户用卫生厕所", 160_000, "户") and _has(found, "电动自行车充电端口", 20_000, "个")
    assert _has(found, "科技特派员", 1200, "名") and _has(found, "新增床位", 470, "张")
    assert _has(found, "市级儿童福利机构优化提质项目", 3, "个")
    assert not [t for t in found if t.unit == "人" and t.value == 3]


def test_a_yearly_output_of_rockets_and_satellites() -> None:
    # notice_shanghai_commercial_space_action_2023.md, line 32: 形成年产 forms a capacity of what it
    # counts, 发 counts rockets, and the satellites (not the capacity) are what 600颗 counts
    found = [t for t in _document_targets("notice_shanghai_commercial_space_action_2023.md") if t.line == 32]
    assert _brief(found) == [(2025, "商业火箭", 50, "发", "="), (2025, "商业卫星", 600, "颗", "=")]


def test_the_same_things_counted_in_another_unit() -> None:
    # LuisChen1Q84/AgentSystem 知识库/important_document/2025年贵阳市政府工作报告.md, line 67 (not in
    # the corpus), under 二、2025年工作安排: 项目30个、1.7万户 counts the same projects in households
    text = (
        "2025年贵阳市政府工作报告\n**二、2025年工作安排**\n（三）坚持不懈强功能、优品质，持续改善城市环境面貌\n"
        "抢抓城中村改造政策机遇，按照“安全隐患大、群众意愿强、综合效益好”的原则，新开工城中村改造项目30个、1.7万户，"
        "完成安置房2.8万套以上。围绕老房子、老街区、老厂房，实施老旧小区改造项目30个、3万户。\n"
    )
    assert _brief(list(extract_targets(parse_text(text)))) == [
        (2025, "城中村改造项目", 30, "个", "="),
        (2025, "城中村改造项目", 17_000, "户", "="),
        (2025, "安置房", 28_000, "套", ">="),
        (2025, "老旧小区改造项目", 30, "个", "="),
        (2025, "老旧小区改造项目", 30_000, "户", "="),
    ]


def test_a_transformer_capacity_in_kilovolt_amperes() -> None:
    # gangyao_guizhou_14th_pdf_volumes9_11.md, line 552: 1350万千伏安 is a capacity; 500 千伏 a class
    found = [t for t in _document_targets("gangyao_guizhou_14th_pdf_volumes9_11.md") if t.line == 552]
    assert _has(found, "500千伏变电容量", 13_500_000, "千伏安") and _has(found, "线路", 1738, "公里")
    assert not [t for t in found if t.value == 500]


def test_a_level_after_its_growth_names_the_indicator_alone() -> None:
    # derek-s/Python-GovWorkReportAnalyze reportData/2013.txt (海拉尔区 2013, not in the corpus),
    # line 20: in 地区生产总值增长20%，达到282亿元 the level is 地区生产总值's, not its growth's
    found = _targets(
        "经济社会发展主要预期目标是：地区生产总值增长20%，达到282亿元；地方财政总收入增长20%，达到24.8亿元；区本级"
        "固定资产投资增长23%，达到100亿元；社会消费品零售总额增长22%，达到120亿元；城乡居民可支配收入增长18%。",
        "2013年政府工作报告",
    )
    assert [t.indicator for t in found if t.unit == "元"] == [
        "地区生产总值",
        "地方财政总收入",
        "区本级固定资产投资",
        "社会消费品零售总额",
    ]


def test_modal_words_and_a_per_head_amount_stay_out_of_names() -> None:
    # ljtyduyu/Government_Report_Mining data/Corpus/2014.txt (the 2014 国务院 report, not in the
    # corpus), three sentences of part 二: 但, 拟 and 人均 around the verb are no part of the indicator
    text = (
        "政府工作报告\n二、2014年工作总体部署\n"
        "财政赤字和国债规模随着经济总量扩大而有所增加，但赤字率稳定在2.1%，体现了财政政策的连续性。\n"
        "中央预算内投资拟增加到4576亿元，重点投向保障性安居工程、农业、重大水利、中西部铁路、节能环保、社会事业等领域，"
        "发挥好政府投资“四两拨千斤”的带动作用。\n"
        "完善政府、单位和个人合理分担的基本医疗保险筹资机制，城乡居民基本医保财政补助标准提高到人均320元。\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert [(t.year, t.indicator) for t in found] == [
        (2014, "赤字率"),
        (2014, "中央预算内投资"),
        (2014, "城乡居民基本医保财政补助标准"),
    ]


def test_a_window_between_two_dates_is_no_deadline() -> None:
    # LuisChen1Q84/AgentSystem 知识库/pbc_weixin/关于优化支付服务提升支付便利性工作进展情况的报告_2024年12月.md,
    # line 117 (not in the corpus): 自2024年11月30日至2025年12月31日 is when a policy runs, so the
    # clause opens no year of targets (as 到2025年 would)
    from plantui import patterns as P
    from plantui.targets.clauses import Scope
    from plantui.targets.sentences import _year_marker

    scope = Scope(None, False, None, 2024, ())
    clause = (
        "自2024年11月30日至2025年12月31日对保加利亚、罗马尼亚、克罗地亚、日本等国家持普通护照人员试行免签政策"
    )
    assert _year_marker(P.fold(clause), scope) is None
    assert _year_marker(P.fold("到2025年12月31日对保加利亚等国家试行免签政策"), scope) == 2025


def test_as_many_as_compares() -> None:
    # report_state_council_2016.txt, line 83: 将高达765万人 reaches 765万 (高达 is the verb, not 达)
    found = [t for t in _document_targets("report_state_council_2016.txt") if t.line == 83]
    assert _has(found, "高校毕业生", 7_650_000, "人")
    assert not [t for t in found if t.indicator.endswith("高")]


def _gold_matches(t: Target, g: dict) -> bool:
    """The checker's rule: same year and value (and value_max), gold key inside the indicator."""
    if t.year != g["year"] or not math.isclose(t.value, g["value"], rel_tol=1e-6):
        return False
    if g.get("value_max") is not None and (
        t.value_max is None or not math.isclose(t.value_max, g["value_max"])
    ):
        return False
    return "".join(g["key"].split()) in "".join(t.indicator.split())


def test_the_corpus_against_its_gold() -> None:
    """Every real document with gold: target recall over the gold, precision on the lines where
    the gold is exhaustive (as ../shared/tools/score.py counts them)."""
    import json

    found_gold = all_gold = good = scoped = 0
    for gold_path in sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        targets = _document_targets(gold["file"])
        distinct = {(g["year"], g["key"], g["value"], g.get("value_max")): g for g in gold["targets"]}
        all_gold += len(distinct)
        found_gold += sum(1 for g in distinct.values() if any(_gold_matches(t, g) for t in targets))
        inside = [t for t in targets if any(a <= t.line <= b for a, b in gold.get("target_lines", []))]
        scoped += len(inside)
        good += sum(1 for t in inside if any(_gold_matches(t, g) for g in gold["targets"]))
    assert all_gold > 300 and scoped > 250
    assert found_gold / all_gold >= 0.98  # 0.997 when written
    assert good / scoped >= 0.98  # 0.994 when written


def test_the_same_plan_as_text_and_as_markdown() -> None:
    # the 广州 family doctor notice saved as text and converted by markitdown (its 附件 tables as
    # | | rows with merged cells): each finds every target of the gold
    import json

    gold = json.loads((REAL / "gold" / "govcn_guangzhou_family_doctor_2023.json").read_text(encoding="utf-8"))
    for name in (
        "govcn_guangzhou_family_doctor_2023.txt",
        "govcn_guangzhou_family_doctor_2023_markitdown.md",
    ):
        targets = _document_targets(name)
        assert [g for g in gold["targets"] if not any(_gold_matches(t, g) for t in targets)] == []


def test_an_age_before_its_verb_is_a_baseline() -> None:
    # report_beijing_2026.txt, line 38: 从2020年的82.4岁提升至83.9岁
    found = _targets("到2030年，人均预期寿命从2020年的82.4岁提升至83.9岁。", "北京市“十五五”时期发展目标")
    [target] = found
    assert (target.indicator, target.value, target.unit, target.baseline_value) == (
        "人均预期寿命",
        83.9,
        "岁",
        82.4,
    )


def test_a_month_of_this_year_dates_an_event_not_the_targets_after_it() -> None:
    # tests/fixtures/formats/html_peoples_daily_henan_new_momentum_2024.html (人民日报, 2024-05-10):
    # “今年3月，习近平总书记主持召开…座谈会” dated the province's present figures that follow
    # (拖拉机319万台、配套农机具728万台, 创新龙头企业116家 …) as 2024 targets
    path = Path(__file__).parent / "fixtures" / "formats" / "html_peoples_daily_henan_new_momentum_2024.html"
    doc = parse_source(read_file(path)[1], path.name)
    assert not extract_targets(doc)
    deadline = "今年6月底前，全面完成老旧小区改造200个。"
    assert [t.value for t in extract_targets(parse_text(f"2024年重点工作\n{deadline}"))] == [200]


def test_a_plan_periods_heading_left_as_a_line_dates_the_goals_under_it() -> None:
    # report_gansu_2026.txt, lines 38-52: the scraper lost the parts' 一、二、三、, so
    # “十五五”时期的主要目标任务 stands as a line of text; the 一是…八是 goals under it are 2030's
    # (the year is never written), and 2026年重点工作 dates the targets after it again
    path = REAL / "docs" / "report_gansu_2026.txt"
    doc = parse_source(read_file(path)[1], path.name)
    years = {(t.line, t.year) for t in extract_targets(doc) if 41 <= t.line <= 52}
    assert {year for line, year in years if line < 50} == {2030}
    assert {year for line, year in years if line > 50} == {2026}
    found = [t for t in extract_targets(doc) if t.line == 41]
    assert _has(found, "国家先进制造业集群", 4, "个") and _has(found, "千亿级产业集群", 6, "个")


def test_a_heading_line_needs_a_whole_title() -> None:
    # report_guangdong_2026.txt, lines 46-48: a bold run set apart (“十五五”时期经济社会发展的 /
    # 主要目标 / 是：…) is a sentence cut short, not a heading: the list after it keeps 2030
    path = REAL / "docs" / "report_guangdong_2026.txt"
    doc = parse_source(read_file(path)[1], path.name)
    assert (2030, 5) in [(t.year, t.value) for t in extract_targets(doc) if t.line == 48]
    # and the title of the document is no heading that dates the parts after it
    path = REAL / "docs" / "report_hunan_2026.txt"
    doc = parse_source(read_file(path)[1], path.name)
    assert {t.year for t in extract_targets(doc) if 43 <= t.line <= 49} == {2030}


def test_clusters_grown_and_a_rank_without_its_unit() -> None:
    # report_heilongjiang_2026.txt line 37 (培育壮大 … 集群: 壮大 creates what it counts) and
    # report_hunan_2026.txt line 44 (保持全国前十: a rank whose 名 is left out)
    found = _targets(
        "推动产业层级从中初级为主向中高端为主转变，培育壮大12个千亿级特色产业集群。区域创新能力保持全国前十；"
        "促进深层次改革、高水平开放良性互动。",
        "黑龙江省国民经济和社会发展第十五个五年规划纲要",
    )
    assert _brief(found) == [
        (2030, "千亿级特色产业集群", 12, "个", "="),
        (2030, "区域创新能力", 10, "名", "<="),
    ]
    # a rank with more words after it is no amount: 前十大 names the largest ten
    assert _targets("到2030年，推动前十大企业营收增长。", "规划") == []


def _lines(name: str, first: int, last: int) -> list[Target]:
    path = REAL / "docs" / name
    doc = parse_source(read_file(path)[1], path.name)
    return [t for t in extract_targets(doc) if first <= t.line <= last]


def test_a_sentence_the_parser_left_in_pieces_is_read_whole() -> None:
    # gangyao_guizhou_14th_pdf_volume13.md, lines 232-234 (layout text whose wrap width is not
    # found, so the lines stay apart): …参保人数分别达 / 到 796 万人、…分别达到 330 / 万人、500 万人。
    found = _lines("gangyao_guizhou_14th_pdf_volume13.md", 232, 234)
    assert sorted((t.value, t.unit) for t in found) == [
        (3.3e6, "人"),
        (5e6, "人"),
        (7.96e6, "人"),
        (1.98e7, "人"),
    ]
    assert all(t.year == 2025 for t in found)
    # a numbered row naming its indicator stays apart (govcn_guangzhou_family_doctor_2023.txt,
    # lines 142-143: 7.医联体内市、区属医院…预留号源的比例 / 到2023年底达到30%)
    [row] = _lines("govcn_guangzhou_family_doctor_2023.txt", 143, 143)
    assert row.indicator.startswith("医联体内") and row.value == 30


def test_a_list_of_counts_goes_on_past_a_comma() -> None:
    # gangyao_guizhou_14th_pdf_volume7.md, lines 53-58: 到 2025 年，培育百 / (page 76) / 亿级以上
    # 大数据企业 1 家，10 亿级以上大数据企业 15 家 — the second clause names no action of its own;
    # lines 374-375: 力争引回 5 万名黔籍在外优秀人才
    found = _lines("gangyao_guizhou_14th_pdf_volume7.md", 53, 58)
    assert [(t.indicator, t.value) for t in found] == [
        ("百亿级以上大数据企业", 1),
        ("10亿级以上大数据企业", 15),
    ]
    [back] = _lines("gangyao_guizhou_14th_pdf_volume7.md", 374, 375)
    assert (back.year, back.indicator, back.value, back.unit) == (2025, "黔籍在外优秀人才", 50000, "名")
    # a clause with a verb of its own is no continuation: 新建15个…，完成500个…
    text = "新建 15 个智能化一级批发市场，完成 500 个农贸市场信息化改造。"
    assert [t.indicator for t in _targets(text)] == ["智能化一级批发市场", "农贸市场信息化改造"]


def test_names_and_figures_of_speech_in_a_years_work() -> None:
    # report_anhui_2026.txt line 71 (培育服务型制造标杆企业20家以上: 服务 opens the compound 服务型,
    # as in report_zhejiang_2026.txt's 服务业领军企业), line 96 (提升15分钟健身圈服务功能: a time
    # that names an area), report_xinjiang_2026.txt line 62 (打造…全疆算力一张网: a figure of
    # speech), report_gansu_2026.txt line 85 (七是完成…改造5000户: 七是 counts the list)
    names = {t.indicator for t in _lines("report_anhui_2026.txt", 71, 71)}
    assert "服务型制造标杆企业" in names
    assert [t.unit for t in _lines("report_anhui_2026.txt", 96, 96)] == ["个"]  # 新型公共文化空间600个
    assert [t.unit for t in _lines("report_xinjiang_2026.txt", 62, 62)] == []
    assert [t.unit for t in _lines("report_shanghai_2026.txt", 111, 111)].count("分钟") == 0
    gansu = {(t.indicator, t.value) for t in _lines("report_gansu_2026.txt", 85, 85)}
    assert ("困难重度残疾人家庭无障碍改造", 5000) in gansu


def test_names_listed_before_a_measure_share_it_and_the_unit_after_the_last() -> None:
    # report_guangdong_2026.txt line 111 (水果、蔬菜、茶叶产量分别达到…), gangyao_guizhou_14th_pdf_volume13.md
    # line 233 (城镇职工、城乡居民基本养老保险参保人数分别达到 796 万人、1980 万人) and
    # report_jiangxi_2026.txt line 54 (电子信息、有色金属、装备制造业产业规模分别达到1.28万亿、1.18万亿、
    # 8200亿元: the unit written once, after the last)
    fruit = {t.indicator for t in _lines("report_guangdong_2026.txt", 111, 111)}
    assert {"水果产量", "蔬菜产量", "茶叶产量"} <= fruit
    insured = {(t.indicator, t.value) for t in _lines("gangyao_guizhou_14th_pdf_volume13.md", 233, 233)}
    assert ("城镇职工参保人数", 7.96e6) in insured
    scale = [
        (t.indicator, t.unit) for t in _lines("report_jiangxi_2026.txt", 54, 54) if "产业规模" in t.indicator
    ]
    # report_jiangsu_2026.txt line 47: 力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元
    invest = [t.indicator for t in _lines("report_jiangsu_2026.txt", 47, 47) if t.unit == "元"]
    assert invest[:2] == ["交通投资额", "水利投资额"]
    assert scale == [("电子信息产业规模", "元"), ("有色金属产业规模", "元"), ("装备制造业产业规模", "元")]


def test_an_ascii_full_stop_between_chinese_words_ends_the_sentence() -> None:
    # report_fujian_2026.txt line 69 with ASCII punctuation (a font without 。): …到2035年要在基本实现
    # 社会主义现代化中走在前列.《纲要草案》据此细化设定了今后五年…地区生产总值年均增长5%左右 — the
    # 2035 of the first sentence does not date the 5% of the next (今后五年: 2030)
    text = (
        "省委明确提出,我省“十五五”时期经济社会发展要实现“七个新”,到2035年要在基本实现社会主义现代化中走在前列"
        ".《纲要草案》据此细化设定了今后五年我省经济发展、创新驱动、民生福祉、绿色低碳、安全保障等五大类24个主要"
        "指标,包括地区生产总值年均增长5%左右、居民人均可支配收入增长与经济增长同步等16个预期性指标."
    )
    found = extract_targets(parse_text(f"2026年福建省政府工作报告\n——2026年1月27日在福建省\n{text}\n"))
    assert [(t.year, t.value) for t in found] == [(2030, 5)]
    # a decimal point and an item's number are no full stops
    assert [t.value for t in _targets("到2025年，粮食产量达到1.3万亿斤。")] == [1.3e12]


def _format_targets(name: str) -> list[Target]:
    path = Path(__file__).parent / "fixtures" / "formats" / name
    return list(extract_targets(parse_source(read_file(path)[1], path.name)))


def test_a_report_of_a_years_results_sets_no_targets() -> None:
    # tests/fixtures/formats: 万载县2015年国民经济和社会发展统计公报 (page of 2022: 今年，…共完成72个各类
    # 监测工作 is the year reported on) and 淮安市洪泽区人民政府2024年政府信息公开工作年度报告 (2024 年，…
    # 解读信息发布 7 条): what was done, not aims
    assert _format_targets("html_wanzai_statistical_communique_2015.html") == []
    assert _format_targets("pdf_hongze_gov_info_disclosure_report_2024.pdf") == []
    # a year's work plan still dates its aims (2026年广州市天河区幼儿园招生工作方案, line 17:
    # 教育部门办幼儿园2026年面向社会电脑派位招生的比例为90%)
    found = _format_targets("html_tianhe_kindergarten_admission_plan_2026.html")
    assert any(t.year == 2026 and "电脑派位招生的比例" in t.indicator and t.value == 90 for t in found)


def test_what_is_started_is_counted() -> None:
    # tests/fixtures/formats/pdf_beijing_gov_work_report_2024.pdf line 62: 启动危旧楼房改建 20 万平方米;
    # report_zhejiang_2026.txt line 95: 启动建设省级零碳园区20个
    beijing = {(t.indicator, t.value) for t in _format_targets("pdf_beijing_gov_work_report_2024.pdf")}
    assert ("危旧楼房改建", 200000) in beijing
    assert ("省级零碳园区", 20) in {
        (t.indicator, t.value) for t in _lines("report_zhejiang_2026.txt", 95, 95)
    }


def test_a_value_named_as_the_target_of_a_year() -> None:
    # tests/fixtures/formats/html_jiangxi_high_school_education_opinions_2020.html line 37: 并按照2020年
    # 普通高中学校消除66人以上超大班额、56人以上大班额比例控制在5%以内的目标推进 (the 5% is the value of
    # the 2020 target, the 66/56 人以上 sizes of classes); report_state_council_2017.txt line 49: in a
    # review, 广义货币M2增长11.3%，低于13%左右的预期目标 names no target
    found = [
        t for t in _format_targets("html_jiangxi_high_school_education_opinions_2020.html") if t.line == 37
    ]
    assert [(t.year, t.indicator, t.value, t.comparator) for t in found] == [(2020, "大班额比例", 5, "<=")]
    assert _lines("report_state_council_2017.txt", 49, 49) == []


def test_a_paragraph_that_looks_back_reports_results() -> None:
    # report_guangxi_2026.txt line 41 (过去五年，我们…。经济实力实现新跨越，地区生产总值年均增长4.8%，…
    # 一般公共预算收支累计分别突破9千亿元、3万亿元…) and report_beijing_2026.txt lines 34-38 (这五年，
    # 我们…): results of the 十四五 inside a part on the 十五五, no targets; line 42 of the first: 实现
    # 2035年人均地区生产总值比2020年翻一番 is a 2035 target
    assert _lines("report_guangxi_2026.txt", 41, 41) == []
    assert _lines("report_beijing_2026.txt", 34, 38) == []
    [doubling] = [t for t in _lines("report_guangxi_2026.txt", 42, 42) if t.unit == "倍"]
    assert (doubling.year, doubling.value) == (2035, 2)


def test_thousands_of_hundred_millions() -> None:
    # 9千亿元 (report_guangxi_2026.txt line 41) is 9e11, 1.5千亿元 1.5e11
    found = _targets("到2025年，一般公共预算收入突破9千亿元，产业规模达到1.5千亿元。")
    assert [t.value for t in found] == [9e11, 1.5e11]


def test_a_row_name_run_on_into_its_first_cell_still_names_the_indicator() -> None:
    # govcn_guangzhou_family_doctor_2023.txt lines 169-170 as hard-wrapped text reads them (benchmarks/
    # perturb.py wrap34): the row's name fills the width and runs on into the next cell, 12.签约基本包
    # 居民在签约机构就诊率较上一年增加，力争2023年达到60%。 (the 60% took the previous row's name)
    path = REAL / "docs" / "govcn_guangzhou_family_doctor_2023.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[168].startswith("12.签约基本包居民") and lines[169].startswith("较上一年增加")
    joined = "\n".join([*lines[:168], lines[168] + lines[169], *lines[170:]])
    found = [t for t in extract_targets(parse_text(joined, path.name)) if t.value == 60 and t.year == 2023]
    assert [t.indicator for t in found] == ["签约基本包居民在签约机构就诊率"]


def test_the_year_a_text_came_out_is_no_deadline() -> None:
    # tests/fixtures/formats/docx_nea_psr_standard_part1_draft_2023.docx line 55 (a draft standard
    # with no date): 我国核安全监管部门在2004年发布的《核动力厂运行安全规定》…明确规定… — the PSR
    # is held 每十年左右…一次 (lines 103, 112) by rule, no 2004 target
    assert _format_targets("docx_nea_psr_standard_part1_draft_2023.docx") == []


def test_a_year_measured_against_is_no_deadline() -> None:
    # finance_report_guizhou_2024_summary_pdf.md, lines 26-46: 旅游总收入分别恢复到 2019 年的 113.0%
    # took 2019 for a deadline, and the achieved 2023 figures after it (森林覆盖率达 63.0%, 新能源汽车
    # 占比达 100%) became 2019 targets; the whole summary reports results only
    assert _document_targets("finance_report_guizhou_2024_summary_pdf.md") == []
    text = (
        "全省农林牧渔四个产业均实现平稳增长，总产值同比增长 4.0%。文旅融合发展打开新局面，全省旅游人次、"
        "旅游总收入分别恢复到 2019 年的 113.0%、119.0%。中心城市环境空气质量平均优良天数比率为 98.6%，"
        "森林覆盖率达 63.0%。"
    )
    assert not extract_targets(parse_text(f"《贵州省金融运行报告（2024）》摘要\n{text}\n"))
    # a deadline is still one: 到2025年 opens the targets of its sentence
    assert [t.year for t in _targets("到2025年，森林覆盖率达到64%。")] == [2025]


def test_a_sentence_opening_with_its_deadline_lists_names_and_amounts() -> None:
    # gangyao_guizhou_14th_pdf_volume8.md, lines 30-50 and 215-216: outside a goal section, a
    # sentence that opens with 到 2025 年 lists its targets as a name and an amount, without a verb;
    # 新增 names what 新增建设用地规模 measures
    text = (
        "贵州省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
        "第三十二章 加强生态环境治理和保护修复\n第二节 加大石漠化综合防治力度\n"
        "积极开展水土保持，加快构建有效的水土流失综合防护体系。到 2025年，石漠化综合治理面积 35.5 万公顷，"
        "水土流失综合治理面积149 万公顷。\n"
        "第三节 大力发展循环经济\n着力提高建设用地利用效益，逐步减少新增建设用地规模。“十四五”期间，"
        "新增建设用地规模控制在 110 万亩以内。\n"
    )
    found = list(extract_targets(parse_text(text)))
    assert _has(found, "石漠化综合治理面积", 355_000, "公顷")
    assert _has(found, "水土流失综合治理面积", 1_490_000, "公顷")
    assert [t.indicator for t in found if t.unit == "亩"] == ["新增建设用地规模"]
    names = {t.indicator for t in _document_targets("gangyao_guizhou_14th_pdf_volume8.md")}
    assert {"历史遗留矿山植被恢复", "石漠化综合治理面积", "新增建设用地规模"} <= names


def test_projects_listed_with_their_capacities_are_no_targets() -> None:
    # gangyao_guizhou_14th_pdf.md, 专栏 2 (lines 576-586): 推进…平坝酒厂 6000 吨基酒生产扩能、无忧酒业
    # 年产 2000 吨技改、…等项目建设 — capacities of projects, read as 2025 targets once the wrapped
    # lines were joined (酱香型白酒技改、平坝酒厂 15000 吨, 迁建等项目建设 10000 吨)
    found = [t for t in _document_targets("gangyao_guizhou_14th_pdf.md") if t.line >= 576]
    assert found == []
    projects = (
        "优质白酒。推进茅台 201 厂 3 万吨酱香系列酒技改工程及配套设施、习酒 1.9 万吨技改、平坝酒厂 6000 吨"
        "基酒生产扩能、无忧酒业年产 2000 吨技改、都匀匀酒年产 1 万吨迁建等项目建设。"
    )
    aim = "到 2025 年，生态特色食品产业产值达到 2000 亿元。"  # line 571-572, the section's own aim
    assert _brief(_targets(projects + aim)) == [(2025, "生态特色食品产业产值", 200_000_000_000, "元", "=")]


def test_events_held_and_parts_named_with_zero() -> None:
    # gangyao_guizhou_14th_pdf_volume6.md, lines 364-368: 举办国际性会议（论坛）150 场 (场 counts events
    # after Arabic digits); gangyao_shanghai_14th_pdf.txt, line 811 (user trial F10): 零部件 is no
    # 0 部, 零售 no 0 of anything
    found = _targets("到 2025 年，举办国际性会议（论坛）150 场，展览数量达到 400 个。")
    assert _brief(found) == [(2025, "国际性会议", 150, "场", "="), (2025, "展览数量", 400, "个", "=")]
    assert not _targets("到2025年，开展大设施关键核心零部件、新技术新方法的自主研发，打一场攻坚战。")
    assert not [t for t in _document_targets("gangyao_shanghai_14th_pdf.txt") if t.value == 0]


def test_the_total_of_a_list_and_a_units_denominator_are_no_amounts() -> None:
    # plan_mohurd_city_checkup_2020_word.txt (a 2020年…工作方案, so 2020 dates its clauses): line 7
    # closes the list of sample cities with （共36个）, line 563 names an indicator with its unit
    # （个/万人）; neither is an aim (2020 targets 遂宁市（共 36 个, 高新技术企业数（个/ 10000 人)
    assert _document_targets("plan_mohurd_city_checkup_2020_word.txt") == []


def test_plans_before_the_tenth_and_a_former_aim() -> None:
    # report_state_council_1996.txt (1996): “九五”时期 / “九五”期间 end in 2000 (the 9th plan, before the
    # 十五 the patterns knew); 年均 stays in 年均经济增长速度, the rate it names; 原定２０００年比１９８０年
    # 翻两番的目标，已经提前五年实现了 is an earlier aim met (line 63); 过去的一年 opens a review (line 228)
    found = _document_targets("report_state_council_1996.txt")
    assert {(t.line, t.year, t.indicator, t.value) for t in found if t.line in (121, 124)} == {
        (121, 2000, "年均经济增长速度", 8),
        (121, 2000, "固定资产投资率", 30),
        (124, 2000, "城镇居民人均生活费收入年均增长", 5),
        (124, 2000, "农民人均纯收入年均增长", 4),
    }
    assert not [t for t in found if t.line in (63, 228)]
    assert {t.year for t in found if t.line == 230} == {1996}
    text = (
        "1996年政府工作报告\n二、今后十五年的奋斗目标和指导方针\n"
        "“九五”时期，扣除物价上涨因素，预计城镇居民人均生活费收入年均增长５％左右，农民人均纯收入年均增长"
        "４％左右。\n"
    )
    assert [(t.year, t.value) for t in extract_targets(parse_text(text))] == [(2000, 5), (2000, 4)]


def test_a_press_conference_reports_the_work_under_way() -> None:
    # qa_shanghai_*_2025.md (问答实录, pages of 2025): 今年，我们全面落实意见要求 (line 39) dated every
    # figure of the answers after it as a 2025 target (在孵企业数量超过200家, 占比达56%); 今年一季度占GDP
    # 比重达5.5% (a quarter gone by) did so in the other
    assert _document_targets("qa_shanghai_private_economy_measures_2025.md") == []
    assert _document_targets("qa_shanghai_tech_services_opinions_2025.md") == []
    quarter = "科技服务业增加值占GDP比重有所提升，今年一季度占GDP比重达5.5%，拉动全区GDP增速0.6个百分点。"
    assert not extract_targets(parse_text(f"2025年重点工作\n{quarter}\n"))


def test_a_level_headed_for() -> None:
    # report_guiyang_2026.md, line 63: 贵安新区直管区生产总值…年均增长15%，经济总量向1000亿元迈进
    found = [t for t in _document_targets("report_guiyang_2026.md") if t.line == 63]
    assert (2030, "经济总量", 100_000_000_000, "元", "~") in _brief(found)
    assert (2030, "经济总量", 800_000_000_000, "元", ">=") in _brief(found)


def test_a_deadline_sentence_of_aims_in_a_seed() -> None:
    # seeds/000_92c45eb8100875c9.txt, line 124 (outside its 发展目标 section): 到2025年，力争全职引进或
    # 培养院士10人以上，着力引进数字经济国际高端人才100名 — the sentence opens with its deadline, so a
    # name and an amount are a target as in a goal section; 着力 says how hard, not what
    text = (
        "实施人才引进培育工程。到2025年，力争全职引进或培养院士10人以上，着力引进数字经济国际高端人才100名，"
        "形成创新团队1000个。"
    )
    found = list(
        extract_targets(parse_text(f"河北省数字经济发展规划（2020—2025年）\n五、重点工程\n{text}\n"))
    )
    assert _brief(found) == [
        (2025, "全职引进或培养院士", 10, "人", ">="),
        (2025, "数字经济国际高端人才", 100, "名", "="),
        (2025, "创新团队", 1000, "个", "="),
    ]


def test_names_without_a_year_after_them_or_a_time_before() -> None:
    # report_shanxi_2026.txt, line 44: 非常规天然气产量2030年达到300亿立方米 (the year after the name);
    # gangyao_guizhou_14th_pdf_volume6.md, line 92: 营业收入超亿元的旅游企业 20 家 (cut after 超亿元);
    # report_hailaer_2014.txt, line 89: 年内完成绿化面积 (when, not what)
    shanxi = [t.indicator for t in _document_targets("report_shanxi_2026.txt") if t.line == 44]
    assert "非常规天然气产量" in shanxi and not [name for name in shanxi if "2030年" in name]
    volume6 = [t.indicator for t in _document_targets("gangyao_guizhou_14th_pdf_volume6.md") if t.line == 92]
    assert "旅游企业" in volume6 and not [name for name in volume6 if name.startswith("的")]
    hailaer = [t.indicator for t in _document_targets("report_hailaer_2014.txt") if t.line in (73, 89, 101)]
    assert {"投资总规模", "绿化面积", "就业岗位"} <= set(hailaer)
    assert not [name for name in hailaer if name.startswith("年内")]


def test_an_amount_inside_a_bracket_of_a_part_takes_its_name() -> None:
    # govcn_guangzhou_family_doctor_2023.txt, line 321 (user trial F11): 预留30%的号源（其中专家号源不低于
    # 30%） named the target 号源（其中专家号源; a bracket that gives a size (国家区域医疗中心（床位数 3000
    # 张）, gangyao_guizhou_14th_pdf_volume13.md line 395) still gives no target
    found = [t for t in _document_targets("govcn_guangzhou_family_doctor_2023.txt") if t.line == 321]
    assert [(t.indicator, t.value, t.comparator) for t in found] == [("专家号源", 30, ">=")]
    assert not [t for t in _document_targets("gangyao_guizhou_14th_pdf_volume13.md") if t.line == 395]
