"""Metadata: only what the text states."""

from __future__ import annotations

from plantui.metadata import parse_date
from plantui.parse import parse_text


def test_dates() -> None:
    assert parse_date("2020年4月19日") == "2020-04-19"
    assert parse_date("发布日期:2022-02-16") == "2022-02-16"
    assert parse_date("二〇二一年十二月三十一日") == "2021-12-31"
    assert parse_date("2021年13月1日") is None


def test_notice_with_one_document_takes_that_title_and_number() -> None:
    doc = parse_text(
        "山海省人民政府关于印发山海省数字经济发展规划（2021-2025年）的通知\n山政发〔2021〕7号\n"
        "各市人民政府：\n现将《山海省数字经济发展规划（2021-2025年）》印发给你们。\n"
        "山海省人民政府\n2021年5月6日\n山海省数字经济发展规划（2021-2025年）\n一、发展基础\n"
    )
    assert doc.title == "山海省数字经济发展规划（2021-2025年）"
    assert (doc.issuer, doc.doc_number, doc.issued) == ("山海省人民政府", "山政发〔2021〕7号", "2021-05-06")
    assert (doc.period, doc.region, doc.kind) == ((2021, 2025), "山海省", "规划")


def test_fields_not_stated_stay_empty() -> None:
    doc = parse_text("为加快发展，提出如下实施意见。\n一、总体要求\n（一）指导思想。坚持创新。\n", "x.txt")
    assert (doc.issuer, doc.doc_number, doc.issued, doc.published, doc.period) == (None,) * 5
    assert doc.kind == "意见"


def test_fourteenth_five_year_plan_period() -> None:
    doc = parse_text("江东省“十四五”数字经济发展规划\n一、发展基础\n")
    assert doc.period == (2021, 2025)
    doc = parse_text("江东省“十三五”信息化规划\n一、发展基础\n")
    assert doc.period == (2016, 2020)


def test_a_notice_title_broken_over_two_lines() -> None:
    doc = parse_text(
        "山海省人民政府办公厅关于印发\n山海省数据要素市场培育行动方案（2023—2025年）的通知\n"
        "各市人民政府：\n现将《山海省数据要素市场培育行动方案（2023—2025年）》印发给你们。\n一、总体要求\n"
    )
    assert doc.title == "山海省数据要素市场培育行动方案（2023—2025年）"
    assert (doc.issuer, doc.period, doc.kind) == ("山海省人民政府办公厅", (2023, 2025), "方案")
