"""Real Word, PDF and web files through the readers: the session-6 format holdout's rules, each
on the file that showed the need (tests/fixtures/formats, SOURCES.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plantui.read import ReadError, read_file

FORMATS = Path(__file__).parent / "fixtures" / "formats"


def test_a_caption_repeated_under_each_tables_own_title_is_the_tables() -> None:
    """普陀区社会福利院 2024 单位预算 (WPS 表格): eight pages each open with their table's own title,
    then 编制单位：上海市普陀区社会福利院 | 单位：元. Repeated on half the pages, second line of each, but
    under a first line that stays: the table's caption, not a running header."""
    texts = [b.text for b in read_file(FORMATS / "pdf_putuo_welfare_home_unit_budget_2024.pdf")[1].blocks]
    captions = [i for i, t in enumerate(texts) if t == "编制单位：上海市普陀区社会福利院 | 单位：元"]
    assert len(captions) == 8
    assert all(texts[i - 1].startswith(("2024年预算单位", "2024年单位")) for i in captions)
    assert texts[0] == "上海市普陀区社会福利院2024年单位预算"


def test_a_state_council_regulations_history_note_dates_and_numbers_it() -> None:
    """市场主体登记管理条例 on the 广州市市场监管局 site: only the note under the title says who made
    it and when — （2021年7月27日中华人民共和国国务院令第746号公布） — as a city's rules say
    （…广州市人民政府令第61号公布，根据…修订）."""
    from plantui.parse import parse_source

    path = FORMATS.parent / "real" / "docs" / "govcn_state_council_market_entity_registration_2021.html"
    doc = parse_source(read_file(path)[1], path.name)
    assert (doc.issuer, doc.doc_number, doc.issued) == (
        "国务院",
        "中华人民共和国国务院令第746号",
        "2021-07-27",
    )


def _outline(path: Path) -> list[tuple[str, str, str]]:
    from plantui.parse import parse_source

    doc = parse_source(read_file(path)[1], path.name)
    return [(n.kind, n.label, n.title) for n, _ in doc.walk()]


def test_links_to_attached_files_named_by_their_number_are_no_appendix() -> None:
    """天河区 幼儿园招生工作方案 page: 附件： then five links 附件1.docx … 附件5.docx (the files are not
    in the page), then 附件1-5下载：《…审批表》.doc. No appendix stands in the outline."""
    outline = _outline(FORMATS / "html_tianhe_kindergarten_admission_plan_2026.html")
    assert not [n for n in outline if n[0] == "appendix"]
    assert [n[1] for n in outline if n[0] == "part"] == ["一", "二", "三", "四", "五"]


def test_a_list_run_into_one_line_is_no_item() -> None:
    """广州 残疾人两项补贴实施办法, （三）停止发放: ten stop conditions on one line (1.死亡或宣告死亡的；
    2.经人民法院宣告失踪的；3.…；10.本人自愿申请停止发放的): text of the section, not item 1."""
    outline = _outline(FORMATS / "html_guangzhou_disability_subsidies_measures_2022.html")
    assert not [n for n in outline if n[0] == "item" and n[2].startswith("死亡或宣告死亡的")]
    assert [n[2] for n in outline if n[0] == "item"][-3:] == ["受理和初审", "审核", "审定"]


def test_a_pdf_page_narrower_than_its_tables_wraps_at_its_own_edges() -> None:
    """普陀区社会福利院 2024 单位预算: the 编制说明 page runs from 95 to 742 pt, the tables of the
    other pages from 57 to 774; its wrapped lines (…主要用于事业单位退休人员福利 / 费和生活补贴。…)
    are joined into their paragraphs, not left one block a line."""
    texts = [b.text for b in read_file(FORMATS / "pdf_putuo_welfare_home_unit_budget_2024.pdf")[1].blocks]
    assert any(
        t.startswith("1. “社会保障和就业支出") and t.endswith("主要原因是：有退休人员去世。") for t in texts
    )
    assert not [t for t in texts if t.startswith(("费和生活补贴", "262.00万元"))]


def test_a_sentence_ending_at_the_edge_does_not_run_into_the_next_label() -> None:
    """上海市财政局 2025 部门预算, 部门主要职能: （一）…并组织实施。 ends at the text's right edge and
    （二）拟订… opens the next line: two blocks, two sections."""
    texts = [b.text for b in read_file(FORMATS / "pdf_shanghai_finance_bureau_budget_2025.pdf")[1].blocks]
    first = next(t for t in texts if t.startswith("（一）贯彻执行有关财政工作"))
    assert first.endswith("并组织实施。")
    assert any(t.startswith("（二）拟订财税发展战略") for t in texts)


def test_a_contents_list_set_large_keeps_one_entry_a_line() -> None:
    """The same 单位预算's 目录 is set in a larger type than the text (13.1 pt over 11.2): a title set
    large goes on over its next line, but not into a line that opens with a label (二、单位机构设置,
    4．2024年预算单位…) nor onto the next page (预算单位：… at page 1's foot, 目 录 at page 2's head)."""
    texts = [b.text for b in read_file(FORMATS / "pdf_putuo_welfare_home_unit_budget_2024.pdf")[1].blocks]
    start = texts.index("目 录")
    assert texts[start - 1] == "预算单位：上海市普陀区社会福利院"
    assert texts[start + 1 : start + 6] == [
        "一、单位主要职能",
        "二、单位机构设置",
        "三、名词解释",
        "四、单位预算编制说明",
        "五、单位预算表",
    ]
    assert "4．2024年预算单位财政拨款收支预算总表" in texts


def test_an_ocr_layer_reads_each_word_once_and_without_its_spaces() -> None:
    """The 深圳 策划生成管理办法 printed, scanned at 150 dpi and OCR'd by tesseract 5.3 (chi_sim, text
    drawn invisible over the scan): its word boxes overlap (十 八 / 八条) and it puts a space between
    words (深 府 规 【2020] 6 号). Each character is read once, and the spaces between Chinese go."""
    texts = [
        b.text
        for b in read_file(FORMATS / "pdf_shenzhen_project_planning_measures_2020_tesseract.pdf")[1].blocks
    ]
    assert "深府规【2020]6号" in texts
    articles = [t[:5] for t in texts if t.startswith("第") and "条" in t[:6]]
    assert "第十八条市" in articles and not [t for t in texts if t.startswith(("第十八八", "第十九九"))]
    assert texts[texts.index("深圳市政府投资项目策划生成管理办法") + 1].startswith(
        "第一条为加强深圳市政府投资项目"
    )


def test_a_scan_without_a_text_layer_is_refused_with_the_way_out() -> None:
    """MinerU's demo scan (8 pages of a Chinese book, PDFium, images only): one line naming OCR."""
    with pytest.raises(ReadError, match=r"no text layer.*ocrmypdf"):
        read_file(FORMATS / "pdf_scanned_book_pages_no_text.pdf")


def test_a_scrapers_field_lines_written_into_word_stay_lines() -> None:
    """A crawler's Word file writes its Markdown header as one paragraph of soft breaks
    (**发布日期**: 2025-07-10 / **发布机构**: 上海市科学技术委员会 / **原文链接**: …): each field is a
    line of its own, as in the crawler's Markdown copy, not one run-on line."""
    texts = [
        b.text for b in read_file(FORMATS / "docx_shanghai_proof_of_concept_platforms_2025.docx")[1].blocks
    ]
    assert "**发布日期**: 2025-07-10" in texts and "**发布机构**: 上海市科学技术委员会" in texts


def test_a_crawlers_file_name_title_yields_to_the_documents_own() -> None:
    """The same crawler sets the file name as the Word title, spaces written _ (深化改革创新_加快…),
    over the document's own title line (# …深化改革创新 加快…): the title is the document's."""
    source = read_file(FORMATS / "docx_shanghai_tech_services_opinions_2025.docx")[1]
    assert (
        source.title
        == "上海市人民政府办公厅印发《关于进一步深化改革创新 加快科技服务业高质量发展的若干意见》"
    )


def test_a_saved_page_turned_into_word_keeps_its_chrome_out_of_the_outline() -> None:
    """pandoc's Word file of the 天河区 page: the page's <title> is the Word title, the breadcrumb
    (您当前所在的位置：…) and the article's title are h1s, the search box an h2. None of them is a
    heading over the document: its parts stand at the top, as in the page."""
    from plantui.parse import parse_source

    path = FORMATS / "docx_pandoc_tianhe_kindergarten_admission_plan_2026.docx"
    source = read_file(path)[1]
    doc = parse_source(source, path.name)
    assert [(n.kind, n.label) for n in doc.outline] == [("part", x) for x in "一二三四五"]


def test_a_word_title_from_a_pages_title_loses_the_sites_name() -> None:
    """The same conversion of two more pages: …实施办法 - 广州市增城区人民政府门户网站 and 江西省人民政府
    政策文件 江西省人民政府办公厅关于…的实施意见 (the site and its column before the title the page
    states on a line of its own): the title is the document's."""
    titles = [
        read_file(FORMATS / f"docx_pandoc_{name}.docx")[1].title
        for name in (
            "guangzhou_disability_subsidies_measures_2022",
            "jiangxi_high_school_education_opinions_2020",
        )
    ]
    assert titles == [
        "广州市困难残疾人生活补贴和重度残疾人护理补贴实施办法",
        "江西省人民政府办公厅关于新时代推进普通高中育人方式改革的实施意见",
    ]


def _web_archive(page: bytes, encoding: str, charset: str | None) -> bytes:
    """A page as Chrome's "save as single file" writes it: MIME multipart/related, the page
    quoted-printable or base64, its Content-Type naming the charset or not."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    archive = MIMEMultipart("related", type="text/html")
    archive["From"] = "<Saved by Blink>"
    archive["Snapshot-Content-Location"] = "http://www.thnet.gov.cn/gzjg/qzf/qjyj/zsks/content/post.html"
    part = MIMENonMultipart("text", "html", **({"charset": charset} if charset else {}))
    part.set_payload(page)
    import email.encoders

    (email.encoders.encode_quopri if encoding == "qp" else email.encoders.encode_base64)(part)
    part["Content-Location"] = "http://www.thnet.gov.cn/gzjg/qzf/qjyj/zsks/content/post.html"
    archive.attach(part)
    return archive.as_bytes()


@pytest.mark.parametrize(("encoding", "charset"), [("qp", None), ("base64", "gbk")])
def test_a_page_saved_as_a_web_archive_reads_as_the_page(
    tmp_path: Path, encoding: str, charset: str | None
) -> None:
    """A .mhtml (Chrome, Edge) or .mht (IE) file holds the page inside MIME: it was read as text
    (〔无标题〕From: <Saved by Blink>…). Its page is read as the page itself, also GBK-encoded and
    without a charset of its own (the part's Content-Type names it)."""
    path = FORMATS / "html_tianhe_kindergarten_admission_plan_2026.html"
    page = path.read_bytes()
    if charset:
        text = page.decode("utf-8")
        page = re.sub(r"<meta[^>]*charset[^>]*>", "", text, flags=re.I).encode("gbk", errors="replace")
    saved = tmp_path / "page.mhtml"
    saved.write_bytes(_web_archive(page, encoding, charset))
    archived = read_file(saved)[1]
    original = read_file(path)[1]
    assert [b.text for b in archived.blocks] == [b.text for b in original.blocks]
    assert archived.title == original.title
    assert archived.title == "广州市天河区教育局关于印发《2026年广州市天河区幼儿园招生工作方案》的通知"


def test_a_web_archive_without_a_page_is_one_line(tmp_path: Path) -> None:
    saved = tmp_path / "empty.mht"
    saved.write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"
        b"Content-Type: image/png\r\n\r\nPNG\r\n--x--\r\n"
    )
    with pytest.raises(ReadError, match="web archive"):
        read_file(saved)


def _exported_word(page: str) -> bytes:
    """A .docx as web apps' 导出Word buttons write it (html-docx-js and the like): no paragraphs of
    its own, one w:altChunk importing the page as a web archive (word/afchunk.mht)."""
    import io
    import quopri
    import zipfile

    boundary = "----=mhtDocumentPart"
    mht = (
        (
            f'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type="text/html";\r\n    boundary="{boundary}"'
            f'\r\n\r\n\r\n--{boundary}\r\nContent-Type: text/html;\r\n    charset="utf-8"\r\n'
            "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/fake/document.html\r\n\r\n"
        ).encode()
        + quopri.encodestring(page.encode("utf-8"))
        + f"\r\n\r\n--{boundary}--".encode()
    )
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/afchunk.mht" ContentType="message/rfc822"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="/word/document.xml" Id="R09c83fafc067488e"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{w}" xmlns:r="{r}"><w:body><w:altChunk r:id="htmlChunk"/>'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/></w:sectPr></w:body></w:document>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Type="{r}/aFChunk" Target="/word/afchunk.mht" Id="htmlChunk"/></Relationships>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        archive.writestr("word/afchunk.mht", mht)
    return buffer.getvalue()


def test_a_word_file_exported_by_a_web_app_reads_its_imported_page(tmp_path: Path) -> None:
    """A 导出Word file holds the page as an altChunk (an .mht inside the .docx) and no paragraph of
    its own: it was refused as holding no text. The 天河区 方案's article, exported so, reads as the
    article does."""
    from selectolax.lexbor import LexborHTMLParser

    page = (FORMATS / "html_tianhe_kindergarten_admission_plan_2026.html").read_text(encoding="utf-8")
    article = LexborHTMLParser(page).css_first("#zoomcon")
    assert article is not None
    html = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{article.html}</body></html>'
    word = tmp_path / "export.docx"
    word.write_bytes(_exported_word(html))
    direct = tmp_path / "export.html"
    direct.write_text(html, encoding="utf-8")
    texts = [b.text for b in read_file(word)[1].blocks]
    assert texts == [b.text for b in read_file(direct)[1].blocks]
    assert "一、招生原则" in texts and texts[0] == "各幼儿园："


def test_an_ocr_layers_running_header_and_footer_go_on_every_page() -> None:
    """The OCR'd 广东 办法 (a browser print): its header 2024/6/14 11:29 | 广东省人民政府关于… and footer
    www.gd.gov.cn/…html | 1/6 are read 2024/6114 … and …html | 216 on later pages; compared without
    digits and ASCII marks they are the same furniture, dropped on page 1 too."""
    texts = [
        b.text
        for b in read_file(FORMATS / "pdf_guangdong_gov_investment_measures_2023_tesseract.pdf")[1].blocks
    ]
    assert not [t for t in texts if "11:29" in t or ".html" in t]
    assert "广东省省级政府投资管理办法" in texts


def test_the_wide_space_after_an_article_label_as_ocr_reads_it() -> None:
    """The OCR'd 广东 办法 reads the ideographic space after 第二条 as a quote (第二条”本办法…, 40 of its
    43 articles), once with a comma (第二十三条，”列入…, then no article): a space, as printed."""
    texts = [
        b.text
        for b in read_file(FORMATS / "pdf_guangdong_gov_investment_measures_2023_tesseract.pdf")[1].blocks
    ]
    assert "第二十三条\u3000列入省级政府投资年度计划的政府投资项目分为实施项目和储备项目。" in texts
    assert not [t for t in texts if t.startswith("第") and "条”" in t[:8]]


def test_a_breadcrumb_beside_a_logo_read_as_text_is_chrome() -> None:
    """The OCR'd 深圳 print: the site's logo is read as ss深 in a cell beside the breadcrumb
    (ss深 | 您现在的位置;政府一公报>;…): the line is the page's chrome all the same."""
    texts = [
        b.text
        for b in read_file(FORMATS / "pdf_shenzhen_project_planning_measures_2020_tesseract.pdf")[1].blocks
    ]
    assert not [t for t in texts if "您现在的位置" in t]
    assert "深圳市政府投资项目策划生成管理办法" in texts


def test_an_old_word_file_reads_its_paragraphs_rows_and_signature() -> None:
    """南昌海关 2023年度拟录用公务员公示公告 (.doc, Word 97-2003): the notice, its signature, then 附件 and
    a 16-row table whose 拟录用职位 cell is merged down over rows 9-15 (empty there, as in .docx)."""
    from plantui.parse import parse_source

    path = FORMATS / "doc_nanchang_customs_recruits_notice_2023.doc"
    source = read_file(path)[1]
    texts = [b.text for b in source.blocks]
    rows = [b.text for b in source.blocks if b.row]
    assert texts[7:11] == ["南昌海关", "2023年5月19日", "附件", "南昌海关2023年度拟录用公务员名单"]
    assert len(rows) == 16 and rows[0].startswith("序号 | 拟录用职位及代码 | 姓名 | 性别 |")
    assert rows[9].startswith("9 |  | 梁中兴 | 男 |")
    assert texts[-1] == "注：同一职位考生按准考证号排列"
    doc = parse_source(source, path.name)
    assert (doc.title, doc.issuer, doc.issued) == (
        "南昌海关2023年度拟录用公务员公示公告",
        "南昌海关",
        "2023-05-19",
    )


def test_an_old_word_files_title_is_its_centred_large_lines_not_the_label_above() -> None:
    """江西 2022 考试大纲3 (.doc saved by WPS): 大纲3 (justified, 三号) over a title set centred in 二号 over
    three paragraphs; the title is those three, as the .docx reader reads a Word title by its type."""
    source = read_file(FORMATS / "doc_jiangxi_finance_exam_outline_2022.doc")[1]
    assert source.blocks[0].text == "大纲3"
    assert source.title == "江西省2022年度考试录用公务员财政金融类、会计与审计类职位财经管理专业科目考试大纲"


def test_an_old_word_file_that_is_damaged_or_another_office_file_fails_in_one_line(tmp_path: Path) -> None:
    """The first 4 KB of a real .doc (its directory and streams cut off): one line that names the
    conversion, nothing half read. A page a site serves under a .doc name reads as the page."""
    data = (FORMATS / "doc_shangrao_police_fitness_test_notice_2019.doc").read_bytes()
    cut = tmp_path / "cut.doc"
    cut.write_bytes(data[:4096])
    with pytest.raises(ReadError, match="soffice --headless --convert-to docx"):
        read_file(cut)
    html = tmp_path / "page.doc"  # a site that serves its page under a .doc name
    html.write_bytes("<html><body><p>一、总体要求</p><p>规划内容。</p></body></html>".encode())
    assert [b.text for b in read_file(html)[1].blocks] == ["一、总体要求", "规划内容。"]


def test_the_last_lines_of_a_pdf_stay_on_their_page_when_a_footer_page_follows() -> None:
    """深圳市政府投资项目策划生成管理办法 (a browser print, 7 pages): page 7 holds only the site's footer
    (备案序号：粤ICP备… / 主办：深圳市人民政府办公厅), dropped as chrome. 第二十九条 … 第三十三条 are on page 6, and
    a hit or a node there is cited p.6, not p.7 (user trial F13)."""
    from plantui.parse import parse_source
    from support import ROOT

    path = (
        ROOT.parent
        / "shared"
        / "fixtures"
        / "formats"
        / "shenzhen_gov_investment_project_planning_measures_2020.pdf"
    )
    source = read_file(path)[1]
    assert len(source.page_starts) == 7
    assert all(source.page_of(b.line) == b.page for b in source.blocks)
    doc = parse_source(source, path.name)
    last = [n for n, _ in doc.walk() if n.kind == "article"][-5:]
    assert [n.label for n in last] == ["二十九", "三十", "三十一", "三十二", "三十三"]
    assert {source.page_of(n.line) for n in last} == {6}


def test_an_ocr_layers_tall_word_boxes_do_not_take_the_line_aboves_characters() -> None:
    """tesseract's layer over the 深圳 print: the title's word boxes reach up into the breadcrumb
    (ss 您现在的位置 ; 政府公报 >…), whose ss and 公 pdfium returned inside them, and two strokes of the
    page's decoration stand on the title's line read as 一: the title line is the title, whole."""
    from plantui.parse import parse_source

    path = FORMATS / "pdf_shenzhen_project_planning_measures_2020_tesseract.pdf"
    source = read_file(path)[1]
    title = "深圳市人民政府关于印发市政府投资项目策划生成管理办法的通知"
    assert [b.text for b in source.blocks[1:3]] == [title, "深府规【2020]6号"]
    assert not source.blocks[1].row
    assert parse_source(source, path.name).title == "深圳市政府投资项目策划生成管理办法"


def test_notes_in_small_type_wrap_like_the_body() -> None:
    """中央行政事业单位国有资产处置管理办法 (财政部 PDF): under each landscape form, 说明 1.-5. set in 8.5 pt
    (the body is 15.8) run over the page's width; 2. and 3. wrap onto a second line (…著作权④资 / 源资质…,
    …接受捐赠 / 形成；（7）其他。), which is the same note. 深圳 性别统计报告: footnotes in small type too."""
    from support import ROOT

    shared = ROOT.parent / "shared" / "fixtures" / "formats"
    texts = [
        b.text
        for b in read_file(shared / "central_admin_units_state_asset_disposal_measures_2021.pdf")[1].blocks
    ]
    notes = [t for t in texts if t.startswith("3.资产来源")]
    assert len(notes) == 2 and all(t.endswith("（6）接受捐赠形成；（7）其他。") for t in notes)
    assert "形成；（7）其他。" not in texts
    assert sum(1 for t in texts if "④资源资质⑤商标权" in t and t.startswith("2.资产类别")) == 2
    gender = [b.text for b in read_file(FORMATS / "pdf_shenzhen_gender_statistics_report_2021.pdf")[1].blocks]
    assert (
        "3 注：本报告中的部分数据合计数或相对数由于单位换算四舍五入会产生计算误差，均未作机械调整。" in gender
    )


def test_a_wps_file_in_words_binary_format_reads_as_a_doc(tmp_path: Path) -> None:
    """WPS 文字 saves .wps in Word 97-2003's binary format (大纲3 was saved by WPS 10.8 as .doc: the same
    bytes under the .wps name read the same); a .wps that is no such file fails in one line."""
    data = (FORMATS / "doc_jiangxi_finance_exam_outline_2022.doc").read_bytes()
    wps = tmp_path / "大纲3.wps"
    wps.write_bytes(data)
    assert (
        read_file(wps)[1].blocks == read_file(FORMATS / "doc_jiangxi_finance_exam_outline_2022.doc")[1].blocks
    )
    old = tmp_path / "old.wps"
    old.write_bytes(b"WPS text of 1995")
    with pytest.raises(ReadError, match="soffice --headless --convert-to docx"):
        read_file(old)


@pytest.mark.parametrize(
    "name",
    [
        "nea_psr_standard_explanation_2023",
        "nea_psr_standard_part1_draft_2023",
        "nea_psr_design_explanation_2023",
        "nea_psr_design_draft_2023",  # written by Visio's Word export; antiword cannot read it
    ],
)
def test_an_old_word_file_reads_as_its_docx_twin(name: str) -> None:
    """国家能源局 drafts published both as .doc and .docx (Langchain-Chatchat's sample knowledge base): the
    Word 97 file reads to the same blocks and title as the .docx — headings numbered by Word's lists
    (1、任务来源及计划要求, 1　范围: list numbering and style-linked numbering rendered), the title block
    in a one-column frame read as its paragraphs (its title from the type), the 16 by 16 matrix of
    附录A as rows (its rows' end marks carry no table properties in the FKP), a page break inside
    the 附录 heading a soft break, not a second heading numbered B."""
    doc = read_file(FORMATS / f"doc_{name}.doc")[1]
    docx = read_file(FORMATS / f"docx_{name}.docx")[1]
    assert [(b.text, b.quote, b.row) for b in doc.blocks] == [(b.text, b.quote, b.row) for b in docx.blocks]
    assert doc.title == docx.title


def test_a_web_pages_bold_run_in_before_a_colon_is_the_sections_title() -> None:
    """gz.gov.cn 通知公告 (广州市医疗保险服务中心 2026年度城乡居民医保 通告): under 二、缴费标准,
    <strong>（一）在校学生</strong><strong>：</strong>个人缴费标准为每人413元… — the bold run is the title, as
    Markdown's **…**： is; sections whose label is not bold keep the text up to 。."""
    from plantui.parse import parse_source

    path = FORMATS / "html_guangzhou_resident_medical_insurance_notice_2025.html"
    doc = parse_source(read_file(path)[1], path.name)
    part = next(n for n, _ in doc.walk() if n.kind == "part" and n.label == "二")
    assert [c.title for c in part.children] == ["在校学生", "其他参保人员"]
    part = next(n for n, _ in doc.walk() if n.kind == "part" and n.label == "一")
    assert part.children[1].title == "本市户籍人员"


def test_a_word_files_bold_run_in_and_a_saved_pages_h1_as_its_title() -> None:
    """The gz.gov.cn 通知公告 page turned into Word by pandoc: the page's <title> is only its column
    (通知公告 - 广州市人民政府门户网站) and its menus come as Heading 4 (语言, 手机端, 微信 …); the article's
    h1 is the title, and the headings above it are the page's. Bold runs before a colon (w:b) are
    the sections' titles, as in the page."""
    from plantui.parse import parse_source

    path = FORMATS / "docx_pandoc_guangzhou_resident_medical_insurance_notice_2025.docx"
    source = read_file(path)[1]
    title = "广州市医疗保险服务中心关于开展2026年度广州市城乡居民基本医疗保险集中参保缴费工作的通告"
    assert source.title == title
    doc = parse_source(source, path.name)
    assert [n.label for n in doc.outline] == ["一", "二", "三", "四", "五", "六", "七"]
    assert [c.title for c in doc.outline[1].children] == ["在校学生", "其他参保人员"]


def test_a_pages_generation_stamp_is_no_publication_date() -> None:
    """万载县 2015 统计公报 (saved from the county site): meta PubDate 2022-04-24 10:00:43 is the page's
    生成时间 (meta others: 页面生成时间 2022-04-24 10:00:43); the page shows 发布日期：2017-05-15 10:49:00.
    宜春 2022 (xxgk template) shows no 发布日期 at all: none is made up from the stamp."""
    from plantui.parse import parse_source

    path = FORMATS / "html_wanzai_statistical_communique_2015.html"
    assert parse_source(read_file(path)[1], path.name).published == "2017-05-15"
    blocks = read_file(FORMATS / "html_yichun_statistical_communique_2022.html")[1].blocks
    assert not any(b.text.startswith("发布日期") for b in blocks)


def test_an_ocr_layers_field_box_keeps_its_labels() -> None:
    """tesseract over a print of the gov.cn page of 国办发〔2019〕57号 (pages 1 and 10): the field box
    at the foot reads 索引号，000014349/… | 主题分类:，综合政务… and 发文字号;，国办发(2019)】57号 | 发布日期2020年01月21日
    — colons misread or lost; the labels are the fields they name, and the date is the page's."""
    from plantui.parse import parse_source

    path = FORMATS / "pdf_gov_egov_project_measures_2019_tesseract_p1_p10.pdf"
    source = read_file(path)[1]
    rows = [b.text for b in source.blocks if b.row]
    assert any(r.startswith("发文字号：") and "| 发布日期：2020年01月21日" in r for r in rows)
    assert any(r.startswith("索引号：000014349/2019-00146 | 主题分类：") for r in rows)
    doc = parse_source(source, path.name)
    assert (doc.issuer, doc.issued, doc.published) == ("国务院办公厅", "2019-12-30", "2020-01-21")
