"""Word, PDF and web pages through the readers: real files, and hostile ones.

Real files: ../shared/fixtures/formats (the shared set) and tests/fixtures/formats (ours), each
with an expect.json written from an independent extractor and a reader's reading.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from plantui import db
from plantui.export import to_json
from plantui.importer import import_paths
from plantui.read import ReadError, read_file
from support import ROOT

SHARED = ROOT.parent / "shared" / "fixtures" / "formats"
OURS = ROOT / "tests" / "fixtures" / "formats"
CJK = re.compile(r"[\u4e00-\u9fff]")
PAGE_ONLY = re.compile(r"^[\s—\-－–]*(\d+|第\d+页(共\d+页)?)[\s—\-－–]*$")
# Fields a reader does not get right yet, named so a fix shows up as a failing test to update.
KNOWN_SHORT: set[tuple[str, str]] = {
    # the same for the 广东 办法: 粤府〔2023〕93号 is read 泗府【2023]93号 (粤 misread: no reader can mend it)
    ("pdf_guangdong_gov_investment_measures_2023_tesseract.pdf", "doc_number"),
}


def _cases() -> list[tuple[Path, dict[str, Any]]]:
    cases = []
    for folder in (SHARED, OURS):
        expect_path = folder / "expect.json"
        if not expect_path.exists():
            continue
        for name, expect in json.loads(expect_path.read_text(encoding="utf-8")).items():
            if (folder / name).exists():
                cases.append((folder / name, expect))
    return cases


CASES = _cases()


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node.get("children", [])))
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    path = tmp_path_factory.mktemp("formats") / "f.db"
    conn = db.connect(path)
    results = import_paths(conn, [str(p) for p, _ in CASES])
    out = {}
    for result in results:
        if result.document_id is None:
            continue
        doc = db.load_document(conn, result.document_id)
        out[Path(result.path).name] = to_json(
            doc, document_id=result.document_id, source=result.path, sha256=""
        )
    return out


def test_there_are_real_files_of_every_format() -> None:
    suffixes = Counter(p.suffix for p, _ in CASES)
    assert suffixes[".docx"] >= 3 and suffixes[".pdf"] >= 3 and suffixes[".html"] >= 2
    assert suffixes[".doc"] >= 3


@pytest.mark.parametrize(("path", "expect"), CASES, ids=[p.name for p, _ in CASES])
def test_real_file_keeps_its_text_and_metadata(
    path: Path, expect: dict[str, Any], exported: dict[str, dict[str, Any]]
) -> None:
    reference = Counter(expect["cjk"])
    if sum(reference.values()) < 200 and path.suffix == ".pdf":  # image-only: refused, with the way out
        with pytest.raises(ReadError, match=r"no text layer.*ocrmypdf"):
            read_file(path)
        return
    doc = exported[path.name]
    nodes = _walk(doc["outline"])
    text = doc["title"] + doc["preamble"] + "".join(n["title"] + n["text"] for n in nodes)
    got = Counter(CJK.findall(text))
    coverage = sum(min(c, got[k]) for k, c in reference.items()) / sum(reference.values())
    assert coverage >= 0.99
    assert not any(PAGE_ONLY.match(n["text"]) for n in nodes if n["text"])
    wrong = set()
    if "title" in expect and doc["title"] not in expect["title"]:
        wrong.add((path.name, "title"))
    for key in ("issuer", "doc_number", "issued"):
        if key in expect and doc[key] != expect[key]:
            wrong.add((path.name, key))
    assert wrong <= KNOWN_SHORT, f"{wrong - KNOWN_SHORT}: {[doc.get(k) for _, k in wrong]}"
    assert not ({k for k in KNOWN_SHORT if k[0] == path.name} - wrong), "fixed: drop it from KNOWN_SHORT"


def test_pdf_nodes_and_targets_know_their_page(exported: dict[str, dict[str, Any]]) -> None:
    doc = exported["gov_egov_project_construction_measures_2019.pdf"]
    pages = [n["page"] for n in _walk(doc["outline"])]
    assert pages[0] == 1 and pages[-1] == 10 and pages == sorted(pages)


def test_pdf_furniture_is_gone(exported: dict[str, dict[str, Any]]) -> None:
    doc = exported["guangdong_provincial_gov_investment_measures_2023.pdf"]
    text = doc["preamble"] + "".join(n["text"] for n in _walk(doc["outline"]))
    assert "www.gd.gov.cn" not in text and "2024/6/14" not in text  # the browser's header/footer
    founder = exported["guangdong_provincial_egov_project_measures_2020.pdf"]
    body = "".join(n["text"] for n in _walk(founder["outline"]))
    assert "— １—" not in body and "书书书" not in body  # page numbers and the Founder marker
    assert founder["doc_number"] == "粤府办〔2020〕9号"  # full-width digits read


def test_doubled_characters_of_a_bold_web_print_read_once(exported: dict[str, dict[str, Any]]) -> None:
    doc = exported["gov_egov_project_construction_measures_2019.pdf"]
    assert "国国务务院院" not in doc["preamble"]
    assert [n["label"] for n in _walk(doc["outline"]) if n["kind"] == "chapter"] == [
        "一",
        "二",
        "三",
        "四",
        "五",
    ]


def test_web_page_metadata_table_and_data_table(exported: dict[str, dict[str, Any]]) -> None:
    doc = exported["gov_innovation_reform_measures_batch2_2018.html"]
    assert (doc["issuer"], doc["doc_number"], doc["issued"], doc["published"]) == (
        "国务院办公厅",
        "国办发〔2018〕126号",
        "2018-12-23",
        "2019-01-08",
    )
    titles = [n["title"] for n in _walk(doc["outline"])]
    # the attached table's group rows (一、知识产权保护方面（共5项）) are table rows, not parts
    assert not any("（共5项）" in t for t in titles)


# ------------------------------------------------------------------ hostile files


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraphs(*texts: str, numbered: bool = False) -> bytes:
    body = ""
    for text in texts:
        num = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if numbered else ""
        body += f"<w:p>{num}<w:r><w:t>{text}</w:t></w:r></w:p>"
    return f"<w:document {W_NS}><w:body>{body}</w:body></w:document>".encode()


def test_word_numbering_is_rendered_into_the_text(tmp_path: Path) -> None:
    numbering = (
        f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    path = tmp_path / "numbered.docx"
    path.write_bytes(
        _docx(_paragraphs("总体要求", "主要任务", numbered=True), {"word/numbering.xml": numbering})
    )
    _, source = read_file(path)
    assert [b.text for b in source.blocks] == ["一、总体要求", "二、主要任务"]


def test_a_boxed_one_cell_table_is_a_box(tmp_path: Path) -> None:
    cell = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>专栏1 重点工程</w:t></w:r></w:p><w:p><w:r><w:t>建设平台。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    xml = f"<w:document {W_NS}><w:body><w:p><w:r><w:t>一、任务</w:t></w:r></w:p>{cell}</w:body></w:document>"
    path = tmp_path / "box.docx"
    path.write_bytes(_docx(xml.encode()))
    _, source = read_file(path)
    assert [(b.text, b.quote) for b in source.blocks] == [
        ("一、任务", 0),
        ("专栏1 重点工程", 1),
        ("建设平台。", 1),
    ]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("notzip.docx", b"this is not a zip", "not a valid .docx"),
        ("entities.docx", None, "DOCTYPE"),
        ("bomb.docx", None, "zip bomb|compressed"),
        ("truncated.pdf", None, "not a readable PDF|no text"),
        ("loop.pdf", None, "not a readable PDF|no pages|no text"),
        (
            "huge.html",
            b"<html><body>" + b"<p>\xe8\xa7\x84\xe5\x88\x92</p>" * 2_000_000 + b"</body></html>",
            "too large",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0 old word", "soffice"),
    ],
)
def test_hostile_files_fail_with_one_line(tmp_path: Path, name: str, data: bytes | None, reason: str) -> None:
    if name == "entities.docx":
        data = _docx(
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            + _paragraphs("&lol2;")
        )
    elif name == "bomb.docx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", b"<w:document>" + b" " * 80_000_000)
        data = buffer.getvalue()
    elif name == "truncated.pdf":
        data = (SHARED / "gov_egov_project_construction_measures_2019.pdf").read_bytes()[:20_000]
    elif name == "loop.pdf":
        data = (
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n"
        )
    assert data is not None
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason) as info:
        read_file(path)
    assert "\n" not in str(info.value)


def test_a_folder_of_hostile_files_keeps_the_good_plan(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "数字经济规划\n一、总体要求\n（一）目标。到2025年，5G基站达到7万个。\n", encoding="utf-8"
    )
    (folder / "bad.docx").write_bytes(b"PK\x03\x04 broken")
    (folder / "scan.pdf").write_bytes(
        (SHARED / "shanghai_yangpu_innovation_zone_layout_map_2025.pdf").read_bytes()
    )
    (folder / "old.wps").write_bytes(b"x")
    conn = db.connect(tmp_path / "p.db")
    results = {Path(r.path).name: r for r in import_paths(conn, [str(folder)])}
    assert results["good.txt"].status == "new"
    assert {n for n, r in results.items() if r.status == "failed"} == {"bad.docx", "scan.pdf", "old.wps"}
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_items_typed_in_one_paragraph_with_soft_breaks_are_items(tmp_path: Path) -> None:
    """国家应急体系规划 (.docx): 专栏2's items are one Word paragraph with line breaks; a break
    before a label starts a block, other breaks only wrap."""
    runs = (
        "<w:r><w:t>1．危险化学品。化工园区整治。</w:t><w:br/><w:t>2．烟花爆竹。生产设施</w:t><w:br/>"
        "<w:t>改造。</w:t></w:r>"
    )
    xml = f"<w:document {W_NS}><w:body><w:p>{runs}</w:p></w:body></w:document>"
    path = tmp_path / "breaks.docx"
    path.write_bytes(_docx(xml.encode()))
    _, source = read_file(path)
    assert [b.text for b in source.blocks] == ["1．危险化学品。化工园区整治。", "2．烟花爆竹。生产设施改造。"]


def test_search_hits_and_targets_of_a_pdf_carry_their_page(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from plantui.cli import app

    database = str(tmp_path / "p.db")
    runner = CliRunner()
    pdf = SHARED / "gov_egov_project_construction_measures_2019.pdf"
    assert runner.invoke(app, ["--db", database, "import", str(pdf)]).exit_code == 0
    result = runner.invoke(app, ["--db", database, "search", "绩效评价报告", "--json"])
    hits = json.loads(result.output)["hits"]
    assert hits and all(isinstance(h["page"], int) and 1 <= h["page"] <= 10 for h in hits)
    shown = runner.invoke(app, ["--db", database, "search", "绩效评价报告"]).output
    assert " p.6" in shown  # file:line p.page, where the reader finds it in the PDF


@pytest.mark.parametrize(
    ("word", "markdown"),
    [
        ("docx_emergency_system_plan_2021.docx", "notice_state_council_emergency_plan_2021.md"),
        ("docx_digital_economy_plan_2021.docx", "notice_state_council_digital_economy_plan_2021.md"),
    ],
)
def test_a_plan_reads_the_same_from_word_and_from_text(word: str, markdown: str) -> None:
    """The same 国务院 plan as a Word file and as a saved page (Markdown): the same outline (kinds,
    labels, titles, nesting), targets and metadata."""
    from plantui.parse import parse_source
    from plantui.targets import extract_targets

    def read(path: Path) -> tuple[list[tuple[str, ...]], set[tuple[object, ...]], tuple[object, ...]]:
        doc = parse_source(read_file(path)[1], path.name)
        keys = [
            (n.kind, n.label, n.title, *(a.title for a in anc)) for n, anc in doc.walk() if n.kind != "lead"
        ]
        targets = {(t.year, t.indicator, t.value, t.unit) for t in extract_targets(doc)}
        return keys, targets, (doc.title, doc.issuer, doc.doc_number, doc.issued, doc.period)

    from_word = read(OURS / word)
    from_text = read(ROOT / "tests" / "fixtures" / "real" / "docs" / markdown)
    assert from_word[0] == from_text[0]
    assert from_word[2] == from_text[2]
    assert from_word[1] == from_text[1]


def test_an_encrypted_pdf_is_one_line_and_nothing_half_read(tmp_path: Path) -> None:
    """A real AES-256 PDF that needs its user password (pypdf's test resources): the reason names
    the way out, and neither it nor any passage of it reaches the database; the good plan does."""
    encrypted = OURS / "pdf_encrypted_user_password.pdf"
    with pytest.raises(ReadError, match=r"^encrypted PDF: open it with its password") as info:
        read_file(encrypted)
    assert "\n" not in str(info.value)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "locked.pdf").write_bytes(encrypted.read_bytes())
    (folder / "good.txt").write_text(
        "数字经济规划\n一、总体要求\n到2025年，5G基站达到7万个。\n", encoding="utf-8"
    )
    conn = db.connect(tmp_path / "p.db")
    results = {Path(r.path).name: r for r in import_paths(conn, [str(folder)])}
    assert results["locked.pdf"].status == "failed" and results["good.txt"].status == "new"
    assert "encrypted PDF" in results["locked.pdf"].reason
    assert conn.execute("SELECT count(*) FROM sources WHERE path LIKE '%locked.pdf'").fetchone()[0] == 0
    assert conn.execute("SELECT count(DISTINCT document_id) FROM passages").fetchone()[0] == 1


def test_a_printed_gazette_page_keeps_its_title_not_its_chrome(exported: dict[str, dict[str, Any]]) -> None:
    """深圳 gazette page printed from a browser: the issue line (2020年第25期（总第1155期）) and the
    breadcrumb are page chrome, and the breadcrumb's … no longer splits the title's first line."""
    doc = exported["shenzhen_gov_investment_project_planning_measures_2020.pdf"]
    # the notice attaches one document that writes its own title: that title is the plan's (spec)
    assert doc["title"] == "深圳市政府投资项目策划生成管理办法"
    assert "总第1155期" not in doc["preamble"] and "您现在的位置" not in doc["preamble"]


def test_soft_breaks_in_a_word_notice_keep_its_number_and_signature(tmp_path: Path) -> None:
    """终端设备直连卫星服务管理规定 (.docx): the notice title and its 文号, and the seven signing
    bodies and the date, are lines of one paragraph split by soft breaks (w:br): each is a block."""
    source = read_file(OURS / "docx_satellite_direct_service_rules_2025.docx")[1]
    texts = [b.text for b in source.blocks]
    assert texts[texts.index("关于印发《终端设备直连卫星服务管理规定》的通知") + 1] == "国信办发文〔2025〕1号"
    signature = texts.index("国家互联网信息办公室")
    assert texts[signature + 6 : signature + 8] == ["国家广播电视总局", "2025年4月23日"]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        (
            "docx_jiangxi_fao_civil_service_exam_outline_2022.docx",
            "江西省人民政府外事办公室2022年招考外语类公务员考试大纲",
        ),
        (
            "docx_central_civil_service_exam_outline_2022.docx",
            "中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲",
        ),
        ("docx_nea_psr_standard_part1_draft_2023.docx", "核电厂定期安全评价第1部分：通用要求"),
        ("docx_nea_psr_standard_explanation_2023.docx", "核电厂定期安全评价 第1部分：通用要求编制说明"),
    ],
)
def test_word_states_its_title_by_type(name: str, title: str) -> None:
    """The title as Word sets it: centred paragraphs in the largest type near the top (after a
    大纲4 label, a cover's ICS number and NB logo, or a standard's number in a one-column frame)."""
    assert read_file(OURS / name)[1].title == title


@pytest.mark.parametrize(
    "name",
    [
        "pdf_hongze_gov_info_disclosure_report_2023.pdf",  # tables whose row labels look like 一、 and （一）
        "pdf_putuo_social_work_dept_final_accounts_2024.pdf",
        "docx_emergency_system_plan_2021.docx",
        "html_lishui_veterans_placement_notice_2023.html",
    ],
)
def test_a_plan_exported_as_markdown_reimports_to_the_same_outline(name: str) -> None:
    """Word, PDF and web plans written out by `plantui export` read back to the same outline: table
    rows come back as rows (a | b | c), never as parts."""
    from plantui.export import to_markdown
    from plantui.parse import parse_markdown, parse_source

    def keys(doc: Any) -> list[tuple[str, ...]]:
        return [(n.kind, n.label, n.title, *(a.title for a in anc)) for n, anc in doc.walk()]

    original = parse_source(read_file(OURS / name)[1], name)
    again = parse_markdown(to_markdown(original), name)
    assert keys(again) == keys(original)
    assert again.title == original.title


def test_a_measure_that_names_a_footer_word_is_text_not_chrome() -> None:
    """江西 若干措施 page: item 3 says 加强对…机构的业务培训和技术支持。; 技术支持 is a footer word
    (技术支持：XX公司), but a line that holds a sentence is text."""
    texts = [
        b.text for b in read_file(OURS / "html_jiangxi_financing_guarantee_measures_2020.html")[1].blocks
    ]
    items = [t.split(".")[0] for t in texts if re.match(r"^\d+\.", t)]
    assert items == [str(n) for n in range(1, 26)]
    assert any(t.startswith("3.协同推进四级融资担保体系建设。") and "技术支持" in t for t in texts)


def test_a_field_table_whose_cells_hold_label_and_value() -> None:
    """jiangxi.gov.cn's 信息公开 table writes each field in one cell (索  引  号: 014500815/…,
    文      号: 赣府厅发〔2020〕4号): the fields are read, the 文号 and 成文日期 with them."""
    texts = [
        b.text for b in read_file(OURS / "html_jiangxi_high_school_education_opinions_2020.html")[1].blocks
    ]
    assert texts[:5] == [
        "索引号：014500815/2020-01655",
        "发文机关：省政府办公厅",
        "发文字号：赣府厅发〔2020〕4号",
        "主题分类：科技、教育",
        "成文日期：2020-02-05",
    ]


def test_boxes_of_other_articles_next_to_a_news_article_are_dropped() -> None:
    """people.com.cn: 推荐阅读 (two other articles with their own figures), 客户端下载 and the
    排行榜 sit in boxes named rm_recommend / rm_download / rm_ranking; the article stays whole."""
    texts = [b.text for b in read_file(OURS / "html_peoples_daily_henan_new_momentum_2024.html")[1].blocks]
    joined = "".join(texts)
    assert "推荐阅读" not in texts and "全球贸易投资促进峰会" not in joined and "小字号" not in texts
    assert "扛稳粮食安全重任，加快建设农业强省" in texts
    assert texts[-1].startswith("关注公众号") or "孙守刚表示" in joined


def test_a_pdf_table_over_many_pages_keeps_its_rows_and_its_wrapped_cells() -> None:
    """江西省投资项目…事项清单 (24 landscape pages, one table): the header row Word repeats on each
    page is the table's (its first copy sits under the title), and a cell wrapped within its
    column (（一）在市、县级文物保护单位保 / 护范围内建设其他工程…) is table data, never a heading."""
    path = OURS / "pdf_jiangxi_investment_approval_checklist_2020.pdf"
    blocks = read_file(path)[1].blocks
    header = [b for b in blocks if b.text.startswith("序号 事项名称 | 事项办理项目范围")]
    assert len(header) == 24
    pieces = [
        b for b in blocks if b.text.startswith(("(一)在市、县级文物保护单位保", "(二)经评估影响文物保护单位"))
    ]
    assert pieces and all(b.row for b in pieces)
    from plantui.parse import parse_source

    doc = parse_source(read_file(path)[1], path.name)
    kinds = {n.kind for n, _ in doc.walk()}
    assert not kinds & {"part", "section", "item", "heading"}


def test_a_page_number_spaced_digit_by_digit_is_furniture() -> None:
    """The same 清单: PDFium returns its page numbers as runs (— | 2 8 —): furniture all the same."""
    texts = [b.text for b in read_file(OURS / "pdf_jiangxi_investment_approval_checklist_2020.pdf")[1].blocks]
    assert not [t for t in texts if "—" in t and re.fullmatch(r"[—\s|0-9]+", t)]


def test_the_contents_heading_of_a_word_file_is_no_title() -> None:
    """MinerU's demo Word file sets 目 录 centred and bold over its table of contents (a w:sdt of
    the gallery Table of Contents), in a larger type than the cover lines: the contents' heading
    is never the document's title."""
    from plantui.parse import parse_source

    path = OURS / "docx_mineru_parsing_demo_toc_2026.docx"
    source = read_file(path)[1]
    assert source.title != "目 录"
    assert parse_source(source, path.name).title == "MinerU支持docx解析了"


def test_a_field_box_set_as_a_list_is_read_as_fields() -> None:
    """宜春's 信息公开 pages set the fields as ``<dl><dd><label>索 引 号：</label><div>…</div></dd>``
    outside the article: they are read as fields (the 文号 of such a page is only there), not lost
    with the page chrome, and the box's 公开方式 / 公开时限 stay out."""
    texts = [b.text for b in read_file(OURS / "html_yichun_statistical_communique_2022.html")[1].blocks]
    assert texts[:3] == ["索引号：014717475N/2023-0040295", "发文机关：宜春市统计局", "主题分类：统计公报"]
    assert not any("公开时限" in t for t in texts)


def test_a_named_article_inside_a_named_box_is_the_content() -> None:
    """新浪: the box .article-content holds the article #article and, beside it, columns of
    picture and video links and the site's footer; readers' comments sit under the article. The
    article is the content: none of the box's other lines, and the page's title first."""
    texts = [b.text for b in read_file(OURS / "html_sina_news_city_tram_2024.html")[1].blocks]
    assert texts[0] == "城市有轨电车之困：一边争相上马，一边接连叫停"
    assert not {"图片新闻", "视频新闻", "SINA English", "最新评论 刷新"} & set(texts)
    assert texts[-1].startswith("沈阳浑南新区的现代有轨电车")


def test_a_page_states_its_title_when_the_article_only_names_it_in_a_sentence() -> None:
    """江西 工作要点: the article opens 2020年是…明确2020年全省粮食和物资储备改革发展工作要点如下： — the
    title inside a sentence is not the title line, so the page's title is set before the text;
    and the reader states the page's title to the parser (中国式现代化发展之路 over the page's
    《…》全文 headline, where the article gives it on a line of its own)."""
    texts = [b.text for b in read_file(OURS / "html_jiangxi_grain_reserve_work_points_2020.html")[1].blocks]
    assert texts[6] == "2020年全省粮食和物资储备改革发展工作要点"
    assert texts[7].startswith("2020年是")
    from plantui.parse import parse_source

    path = OURS / "html_think_tank_chinese_modernization_report_2024.html"
    assert parse_source(read_file(path)[1], path.name).title == "中国式现代化发展之路"
