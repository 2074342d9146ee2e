"""Word lists and patterns for reading targets (目标) out of plan sentences.

Kept apart from the logic (the other modules of plantui.targets) so they can be extended
without touching it.
All patterns match width-folded text (see patterns.fold).
"""

from __future__ import annotations

import re

_CN = "零〇一二两三四五六七八九十百千"
NUMBER = rf"(?:\d+(?:\.\d+)?|[{_CN}]+(?:点[零一二三四五六七八九]+)?)"
MAGNITUDE = r"(?:万亿|千亿|百亿|千万|百万|亿|万|千|百)"

# Units a target is counted in, longest first so that 个百分点 wins over 个.
UNITS = (
    "元/人年",
    "元/人",
    "人/百亿元",  # 生产安全事故死亡率控制在0.6人/百亿元以下
    "人/亿元",  # 亿元地区生产总值生产安全事故死亡率控制在0.04人/亿元以内
    "微克/立方米",  # 细颗粒物年均浓度控制在29微克/立方米左右
    "克/千克",  # 土壤有机质平均含量28克/千克
    "个/万人",
    "家/万人",
    "人/万人",
    "张/万人",
    "Mbit/s",
    "Gbit/s",
    "个百分点",
    "百分点",
    "%",
    "‰",
    "倍",
    "万元",
    "元",
    "美元",
    "人次",
    "人",
    "名",
    "位",
    "家",
    "个",
    "户",
    "台",
    "套",
    "项",
    "条",
    "座",
    "张",
    "辆",
    "部",
    "架",
    "颗",
    "发",  # 年产50发商业火箭 (after Arabic digits only: 统一发展 holds no 1 发)
    "款",
    "种",  # 研制并获批3—5种新食品原料
    "件",
    "处",
    "栋",
    "亩",
    "公顷",
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "km",
    "吨标准煤",  # 能源综合生产能力达2.3亿吨标准煤左右
    "吨",
    "公斤",
    "斤",  # 粮食综合生产能力迈上1000亿斤新台阶
    "标箱",  # 货运量达到50万标箱
    "列",  # 中欧班列年开行量保持在4800列以上
    "千伏安",  # 500千伏变电容量1350万千伏安 (a 500千伏 class is no amount: 千伏 is no unit)
    "千瓦时",
    "千瓦",
    "兆瓦",
    "Mbps",
    "Gbps",
    "TB",
    "PB",
    "EB",
    "PFlops",
    "EFlops",
    "ms",
    "毫秒",
    "工作日",
    "天",
    "小时",
    "分钟",
    "次",
    "场",  # 举办国际性会议（论坛）150 场 (after Arabic digits only: 一场, 两场 are words)
    "所",
    "岁",  # 人均预期寿命提高到80岁
    "年",  # 平均受教育年限提高到11.7年: only after a 年限 (amounts.py), else 2025年 is a year
)
_UNIT = "|".join(re.escape(u) for u in UNITS)

# One amount: a number with an optional range and magnitude, a unit, and a qualifier.
# ``前10名`` is a rank. A Latin letter or digit right before or after (5G, IPv6, 4K) makes
# the number part of a name, not an amount.
# A range may repeat its percent sign: 4.5%-5%, 5%—5.5% (— folds to -), 8%至10%. A ratio is 2.1:1
# (written with U+2236 RATIO or a colon).
QUANTITY = re.compile(
    rf"(?<![A-Za-z0-9.\-_第\u00d7=])"  # after a multiplication sign or =: part of a formula
    rf"(?P<rank>前)?"
    rf"(?:(?P<num>{NUMBER})(?:\s*(?:%(?=\s*(?:[-~]|至\s*\d)))?\s*(?P<sep>-|~|至|到)\s*(?P<num2>{NUMBER}))?\s*(?P<mag>{MAGNITUDE})?"
    rf"|(?P<bare>{MAGNITUDE}))"
    rf"(?P<approx>余|多)?"  # 300余个, 1000多家: more than
    rf"(?P<ratio>\s*[:\u2236]\s*1(?![\d.]))?"
    rf"\s*(?P<unit>{_UNIT})?"
    rf"(?![A-Za-z])"
    rf"(?:\s*(?P<qual>以上|以下|以内|左右|多))?"  # １０％ 以上: a PDF's space before the word
)
PERCENT_WORDS = re.compile(rf"百分之(?P<num>{NUMBER})(?P<qual>以上|以下|以内|左右)?")
DOUBLING = re.compile(r"翻(?P<n>一|两|二|三|四)番")
DOUBLING_FACTOR = {"一": 2, "两": 4, "二": 4, "三": 8, "四": 16}
# 经济总量实现倍增: a doubling that ends its clause (倍增计划 names a programme). It is a target
# only where the sentence says from when (从党的二十大到二〇三五年, 较2020年): without a start
# (规模实现倍增 in a list of aims) it says the thing grows much, not by how much.
DOUBLED = re.compile(r"倍增\s*$")
SPAN_START = re.compile(r"从[^,，。;；]{1,20}?(?:到|至)|较\s*(?:19|20)\d{2}\s*年|比\s*(?:19|20)\d{2}\s*年")

# Units of time: 2小时内 (within two hours) is at most that
TIME_UNITS = ("工作日", "天", "小时", "分钟", "毫秒", "ms")
# Verbs that compare an indicator with its value: 指标 + verb + value.
COMPARATORS = (
    ("不低于", ">="),
    ("不少于", ">="),
    ("不得少于", ">="),  # 清疏每年不得少于2次
    ("不得低于", ">="),
    ("不得超过", "<="),
    ("不得高于", "<="),
    ("不小于", ">="),
    ("大于等于", ">="),
    ("不超过", "<="),
    ("不高于", "<="),
    ("不大于", "<="),
    ("控制在", "<="),
    ("压缩到", "<="),
    ("压缩至", "<="),
    ("缩短到", "<="),
    ("缩短至", "<="),
    ("降低到", "<="),
    ("降低至", "<="),
    ("下降到", "<="),
    ("下降至", "<="),
    ("降至", "<="),
    ("低于", "<"),
    ("少于", "<"),
    ("突破", ">"),
    ("迈上", ">="),  # 地区生产总值…迈上3万亿元台阶
    ("跨上", ">="),
    ("跃上", ">="),
    ("超过", ">"),
    ("高于", ">"),
    ("大于", ">"),
    ("超", ">"),
    ("迈上", ">="),  # 地区生产总值迈上4万亿元新台阶
    ("缩小到", "<="),
    ("缩小至", "<="),
    ("提高到", "="),
    ("提高至", "="),
    ("提升到", "="),
    ("提升至", "="),
    ("增加到", "="),
    ("增加至", "="),
    ("增至", "="),
    ("扩大到", "="),
    ("扩大至", "="),
    ("跃升到", "<="),
    ("跃升至", "<="),
    ("跻身", "<="),
    ("进入", "<="),
    ("位居", "<="),
    ("保持在", "="),
    ("保持", "="),
    ("增长到", "="),
    ("增长至", "="),
    ("减少到", "<="),
    ("减少至", "<="),
    ("稳定在", "="),
    ("定为", "="),  # 今年经济增长预期目标定为7.5%左右
    ("定在", "="),
    ("高达", "="),  # 今年高校毕业生将高达765万人
    ("达到", "="),
    ("到达", "="),
    ("实现", "="),
    ("达", "="),
    ("为", "="),
)
# Verbs of change: the value is the change, and the verb belongs to the indicator (年均增长 6%).
CHANGES = (
    "年均增长",
    "年均提高",
    "年均下降",
    "累计下降",
    "累计提高",
    "增长",
    "提高",
    "提升",
    "下降",
    "降低",
    "减少",
    "增加",
)
# Verbs that create or reach a number of things: 建设 + 100个 + 智能工厂, or 建设 + 智能工厂 + 100个.
ACTIONS = (
    "累计建成",
    "新建成",
    "建成",
    "新建",
    "建设",
    "培育引进",
    "培育",
    "引进",
    "打造",
    "形成",
    "争创",
    "创建",
    "完成",
    "实现",
    "推动",
    "带动",
    "吸引",
    "发展",
    "认定",
    "扶持",
    "遴选",
    "组建",
    "设立",
    "部署",
    "开通",
    "改造",
    "新增",
    "具备",
    "拥有",
    "覆盖",
    "服务",
    "支持",
    "开展",
    "实施",
    "推广",
    "孵化",
    "培养",
    "招引",
    "集聚",
    "储备",
    "新培育",
    "新引进",
    "带动就业",
    "吸纳",
    "建立",
    "布局",
    "制定",
    "打通",
    "引育",  # 引育5家以上…自主创新企业
    "新开工",  # 老旧小区综合整治新开工 300 个
    "开工",
    "竣工",  # 竣工各类保障性住房8 万套
    "完工",
    "筹集",
    "提供",  # 提供不少于10万个高校毕业生就业岗位
    "开拓",  # 开拓百项典型应用场景
    "引导",  # 引导约1亿人在中西部地区就近城镇化
    "改建",  # 新建、改建16万户农村户用卫生厕所
    "增设",  # 增设2万个电动自行车充电端口
    "形成年产",  # 形成年产50发商业火箭、600颗商业卫星的批量化制造能力 (a project's 年产60万吨 is no aim)
    "具备年产",
    "选派",  # 选派1200名以上科技特派员
    "开发",  # 开发1—2个特殊医学用途配方食品
    "研制",  # 研制并获批3—5种新食品原料
    "获批",
    "研发",
    "壮大",  # 培育壮大12个千亿级特色产业集群, 发展壮大…
    "引回",  # 力争引回 5 万名黔籍在外优秀人才
    "启动",  # 启动危旧楼房改建 20 万平方米
    "举办",  # 举办国际性会议（论坛）150 场
)
# Words that open a clause without belonging to the indicator.
# Whole words: the 中 of 中欧班列 and the 同 of 同比 are no fillers.
LEADING_FILLER = re.compile(
    r"^(?:全省|全市|全区|全县|全国|全州|我省|我市|我区|本省|本市|"
    r"力争|争取|预计|基本(?!养老|医疗|医保|公共|农田|药物)|初步|累计|努力|逐步|进一步|确保|有望|新增|每年|年均|全年|今年的?|把|同比|比上年|较上年|"
    r"着力|大力|积极|年内|"  # 着力引进数字经济国际高端人才100名: how hard (年内: when), no part of the name
    r"并且|同时|其中|另外|此外|以及|包括|但|拟|要(?!素|求|点|闻|害)|[、,，与]|和(?!谐|美)|及(?!时)|并(?!购|网)|"
    r"[一二三四五六七八九十]{1,3}是)+"  # 七是完成…: the count of a list of aims, no part of the name
)  # 和谐, 和美, 及时, 并购, 并网 are words of their own
# Words left at the end of an indicator by the verb that followed it: 收入力争达到.
TRAILING_FILLER = re.compile(r"(?:力争|争取|预计|基本|努力|将|要|拟|均|总|累计|分别|继续)+$")
# A rank needs its region word out of the way: 进入全国前10名.
REGION_WORDS = re.compile(r"(?:全国|全省|全球|世界|国内|国际|中部|西部|东部|全市|同类城市)$")
# Indicators measured as a rate read well without a verb: 光纤网络覆盖率100%.
# A heading that ends so names an indicator: 签约居民续约率, 家庭医生人数, …的机构占比
INDICATOR_NOUN = re.compile(r"(?:率|比例|比重|占比|人数|数量|总量|总额|规模|指数|情况)$")
# A subject that only says per how many: 每万常住人口 (达到4名)
PER_UNIT = re.compile(r"每[十百千万]+[\u4e00-\u9fff]{0,6}")
RATE_NOUN = re.compile(r"(?:率|比例|比重|占比|强度|指数|系数|普及|覆盖|渗透|涨幅|增幅|降幅|增速)$")
ASPIRATION = re.compile(r"力争|争取|争创|努力")
ATTRIBUTE = re.compile(r"预期性|约束性")

# Year markers. A future one opens a target context; a past one closes it for its sentence.
# 到二〇三五年: a year in Chinese digits, read digit by digit
_CN_YEAR = r"二[〇零○][一二三四五六七八九〇零○]{2}"
# 截至2022年7月 (as of), 延长至2024年12月 / 实施期限至2024年末 (how long a policy runs), 自2024年11月
# 30日至2025年12月31日 (a window between two dates): no deadline
# (looked behind only once a 到 or 至 has matched: cheaper than before every character)
_TO = r"[到至](?<![截止日][到至])" + "".join(
    rf"(?<!{word}[到至])" for word in ("延长", "延续", "期限", "效期", "实施", "执行")
)
FUTURE_YEAR = re.compile(
    rf"(?:{_TO}|力争到|争取到|预计到|力争在|争取在|在|力争|争取)\s*(?P<y>(?:19|20)\d{{2}}|{_CN_YEAR})\s*年(?:底|末)?"
    rf"(?!\s*的?基础上)"  # 在2018年基础上翻两番: a baseline, not a deadline
    rf"(?!\s*(?:发布|印发|出台|颁布|修订|通过)的)"  # 在2004年发布的《…》: when a text came out
    # 旅游人次…分别恢复到 2019 年的 113.0%, 提高到2020年的2倍, 恢复到2019年的水平: the year is a
    # base the amount is measured against, not a deadline
    rf"(?!\s*(?:底|末)?\s*的\s*(?:\d|[一二三四五六七八九十两]+倍|水平))"
    rf"|(?P<y2>(?:19|20)\d{{2}})\s*年(?:底|末)?(?:前|以前|之前)"
)
PAST_YEAR = re.compile(
    r"(?:截至|截止|截止到|截至到)\s*(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*年(?:末|底|度)?(?=[,，]|全|我|以来)"
)
# a year opening a clause (2018年，…); 2022年1月 is a date, not a year of targets
# a year and the target it sets, its figures inside (按照2020年…比例控制在5%以内的目标推进, 实现2035年人均
# 地区生产总值比2020年翻一番): the year of that clause only (实现2035年远景目标 names none)
YEARS_TARGET = re.compile(
    r"(?<!\d)(?<!原定)(?<!原计划)(?P<y>(?:19|20)\d{2})\s*年[^,;。]*?\d[^,;。]*?的?目标"
    r"|(?:实现|确保)\s*(?P<y2>(?:19|20)\d{2})\s*年[^,;。]*?(?:\d|翻)"
)
BARE_YEAR = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
# 从现状436万亩提高到…, 由2020年的3.68万亿元增长到…: an amount to start from
FROM_AMOUNT = re.compile(
    r"(?:从|由)\s*(?:现状|目前|当前|现在|人均|(?:19|20)\d{2}\s*年(?:底|末)?(?:的)?)?\s*$"
)
BASELINE_YEAR = re.compile(
    r"(?:(?:较|比|相比|与)\s*|在\s*(?=(?:19|20)\d{2}\s*年的?基础上))(?P<y>(?:19|20)\d{2})\s*年(?:的?基础上)?"
)
PERIOD_END = re.compile(
    r"经过\s*(?:五|5)\s*年|“?十[一二三四五六七八九]?五”?(?:期|时期)?末|规划期末|到规划末期"
)
# 在…基础上年均增长7%: the 上年 of 基础上 + 年均 is no last year
PAST_WORDS = re.compile(
    r"截至|截止|已经|已达|同比|比上年|较上年|(?<!础)上年|比去年|较去年|去年|近年来|以来|这五年|过去五年|五年来|过去的?一年"
    r"|原定|原计划"  # 原定２０００年比１９８０年翻两番的目标，已经提前五年实现了: an earlier plan's aim
)
# Words that compare with last year: past in a review, but the usual form of a work report's
# targets (地区生产总值达到240亿元，同比增长21%), so a list of targets reads past them.
LAST_YEAR_WORDS = re.compile(r"同比|比上年|较上年|(?<!础)上年|比去年|较去年")
# 今年经济社会发展主要预期目标是: the year the report is given (今年以来 is past, read first)
THIS_YEAR = re.compile(r"今年")
# 今后五年的发展目标, 未来五年: the end of the five-year period that starts with the report
NEXT_FIVE_YEARS = re.compile(r"(?:今后|未来|此后)\s*(?:五|5)\s*年")
# “十五五”时期 / 十四五期间 / 十四五末: a five-year plan period, read as its last year
# “九五”期间 (the 9th, 1996-2000), “八五”时期: a plan before the 10th, its one digit (group o)
FIVE_YEAR_PERIOD = re.compile(
    r"(?:十(?P<n>[一二三四五六七八九])?|(?<![十\d])(?P<o>[六七八九]))五”?\s*(?:时期|期间|期末|末)"
)  # 十五: the 10th
# 第十五个五年规划 (in a title): the same period written out; “九五”计划 quoted
FIVE_YEAR_PLAN = re.compile(
    r"十(?P<n>[一二三四五六七八九])五|第十(?P<m>[一二三四五六七八九])个五年|[“\"](?P<o>[六七八九])五[”\"]"
)
# A list of targets opens: 主要预期目标是: / 设置了29项主要指标，包括: / 主要目标包括:
GOAL_LIST = re.compile(r"(?:目标|指标)\s*(?:是|为|包括|如下)?\s*:?\s*$")
LIST_OPENERS = re.compile(r"^\s*(?:是|为|包括|如下)\s*$")
# A heading that sets the year for its part: 二、2019年工作安排, 三、2026年重点工作,
# 二、2012年政府工作总体要求和目标任务 (a review of that year is not one)
YEAR_HEADING = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年.*(?:安排|工作|任务|目标|要求|计划)")
REVIEW_HEADING = re.compile(
    r"回顾|(?<!新)成就|(?<!新)成绩|总结|现状|完成情况|发展基础"
)  # 取得新成绩 is an aim

# What any year marker above needs, at the least (a digit, 二〇, 十X五, 五年, 今年, 规划期末, a
# past word): a clause with none of these says nothing about time, and its markers need not be
# tried one by one. Widen it with every new marker: tests/test_target_prechecks.py checks it
# against every marker on every clause of the seeds and the real corpus.
MAY_MARK_TIME = re.compile(r"[\d二十五截已今]|同比|上年|去年|以来|年来|规划|过去")
# What an amount needs (QUANTITY, PERCENT_WORDS, DOUBLING, DOUBLED): a digit, a numeral, a
# magnitude, 翻 or 倍.
MAY_COUNT = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿翻倍]")

# Phrases that are no part of an indicator or of a target.
# 而不懈努力, 而奋斗: the end of a purpose (为…而努力), whose amounts are no targets
PURPOSE = re.compile(r"而(?:不懈|继续|共同)?(?:努力|奋斗)")
# 为到2010年国内生产总值…翻一番: the 为 of a purpose before its year
PURPOSE_OF_YEAR = re.compile(r"^为(?=\s*(?:到|至)\s*(?:19|20)\d{2}\s*年)")
# “十五”期间年均经济增长速度: the period is the year, not the indicator
PERIOD_NAMED = re.compile(r"^[“\"]?(?:十[一二三四五六七八九]?|[六七八九])五[”\"]?(?:期间|时期|末)")
# 在明显提高质量和效益的基础上: the condition of a change
ON_THE_BASIS = re.compile(r"在[^,，;；。在]{1,24}?的?基础上")
# 迈上3万亿元台阶, 突破万亿大关: a level reached, not a thing counted
LEVEL = re.compile(r"\s*(?:新的?)?(?:台阶|大关|关口)")
# what no amount counts: 商业卫星的批量化制造能力, …的服务体系
ABSTRACT_HEAD = re.compile(r"(?:能力|水平|体系|格局|模式|机制|环境|氛围)$")
