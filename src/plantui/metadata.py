"""Document metadata from what the text states: title, issuer, 文号, dates, period, region, kind.

Only stated facts are returned; a field the text does not state stays None.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from plantui import metadata_derive as D
from plantui import metadata_signs as S
from plantui import patterns as P
from plantui.chunks import Chunk
from plantui.metadata_derive import parse_date as parse_date  # (parse and tests read dates with it)
from plantui.metadata_notice import RELATIVE_ISSUER, notice
from plantui.metadata_signs import looks_like_issuer
from plantui.metadata_signs import squash as squash  # (passes compares titles with it)


@dataclass
class Metadata:
    """Metadata fields plus which preamble chunks they were read from."""

    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued: str | None = None
    published: str | None = None
    period: tuple[int, int] | None = None
    region: str | None = None
    kind: str | None = None
    attached: list[str] = field(default_factory=list)  # documents a covering notice attaches


def extract(
    preamble: list[Chunk],
    tail: list[Chunk],
    body_sample: str,
    marked_title: str | None = None,
    ending: Sequence[Chunk] = (),
    closing: Sequence[Chunk] = (),
) -> Metadata:
    """Read metadata from the preamble chunks and a signature block among the last chunks.

    ``marked_title`` is a title the format marks (a Markdown level-1 heading): the first line;
    ``ending`` the document's last lines, where a 公文 prints its 印发 date after any 附件;
    ``closing`` the text after the last heading (a signature followed by a saved page's footer)."""
    meta = Metadata()
    texts = ([marked_title] if marked_title else []) + [c.text for c in preamble]
    folded = [P.fold(t) for t in texts]
    values = _fields(folded, texts, meta)
    tail_texts = [c.text for c in tail]
    tail_folded = [P.fold(t) for t in tail_texts]
    if sum(1 for t in tail_folded if _is_field(t)) >= 2:  # a field block closing the page
        _fields(tail_folded, tail_texts, meta)
        for text in tail_folded:  # a field run into another on one line (发文字号：… 发布日期：…)
            published = _PUBLISHED_INLINE.search(text)
            if meta.published is None and published and published.group("date"):
                meta.published = parse_date(published.group("date"))
    lead = S.news_lead(texts)
    if lead and (meta.title is None or S.similar(squash(meta.title), squash(lead[1]))):
        meta.title = lead[1]  # the text's own writing of the title, not a scraper's heading
    notice(texts, meta, marked_title)
    if meta.title is None:
        meta.title = _promulgated(folded) or _leading_title(texts)
        if meta.title:  # (a Word file's bare name over the title the text writes with its marks)
            meta.title = _own_writing(texts, meta.title) or meta.title
        if meta.title and squash(meta.title).endswith("政府工作报告"):
            meta.title = _delivered_title(texts, folded) or meta.title
    if meta.title is None and marked_title and _stated_title(marked_title):
        meta.title = marked_title  # a news headline the page states (…之困：一边…，一边…)
    if marked_title and meta.title == marked_title:
        meta.title = _own_writing(texts[1:], meta.title) or meta.title
        titled = S.decree_titled(meta.title)
        if titled:  # 中国人民银行令〔2025〕第12号（…办法）
            meta.title, number = titled
            meta.doc_number = meta.doc_number or clean_doc_number(number)
    if marked_title and meta.title == marked_title:
        # a scraper's heading over another document's text (# 关于学习运用…的意见 over the text of
        # 中共中央 国务院关于做好2023年…的意见): the text's own title line, when the heading is
        # written nowhere in it; a database's note after the title (（试行）) the text does not write
        meta.title = (
            _other_title(texts[1:], marked_title, body_sample)
            or _unnoted(texts[1:], marked_title, body_sample)
            or meta.title
        )
    rows = {i + bool(marked_title) for i, c in enumerate(preamble) if c.row}
    for index, text in enumerate(folded):
        if meta.doc_number is None and len(text) <= 40 and index not in rows:
            match = P.DOC_NUMBER.search(text)
            if match and not text[match.end() :].lstrip().startswith("文"):  # (见…7号文: a citation)
                meta.doc_number = clean_doc_number(texts[index][match.start("num") : match.end("num")])
        if index in values:
            continue  # the value of a field this module does not keep (实施日期：/ 2019年07月01日)
        if meta.published is None:
            # 发布日期：… opens its line, or sits among a page's chrome (来源: … 发布时间: 2024-02-29)
            published = P.PUBLISHED.match(text) or _PUBLISHED_INLINE.search(text)
            if published:
                found = published.groupdict()
                meta.published = parse_date(found.get("date") or found.get("dated") or "")
        if meta.issued is None:
            signed = P.SIGNED.match(text)
            if signed:
                meta.issued = parse_date(signed.group("date"))
    unlabelled = [t for i, t in enumerate(folded) if i not in values]
    if meta.issued is None:
        decree = S.decreed(folded)
        meta.issued = _delivered(folded) or parse_date(S.adopted(folded) or (decree[0] if decree else ""))
        if decree and meta.issuer is None:
            meta.issuer = decree[1]
    formula = S.decree_formula(folded)
    if meta.published is None:
        meta.published = parse_date(S.dated_line(folded) or "")
    released = S.dateline_date(folded)
    if released and meta.published and released < meta.published:
        # 新华社北京2006年3月15日电 under a site's stamp of 2009年03月16日: the page reposted the news
        meta.published = released
    if meta.doc_number is None:
        meta.doc_number = S.decree_number(folded, texts)
    if meta.doc_number is None:  # 中支协发2023】 81 号: OCR lost the number's opening bracket
        lost = next((m for t in folded[:15] if (m := _LOST_BRACKET.fullmatch(t.strip()))), None)
        meta.doc_number = f"{lost['p']}〔{lost['y']}〕{lost['n']}号" if lost else None
    if meta.doc_number is None:  # 中华人民共和国国务院令  第737号 《…》已经…: opening the decree
        opening = next(
            (
                (m, t)
                for f, t in zip(folded[:12], texts[:12], strict=True)
                if (m := S.DECREE_OPENING.match(f.strip()))
            ),
            None,
        )
        # (the number as written: the folded line reads 令(2016)第3号 for 令〔2016〕第3号)
        meta.doc_number = clean_doc_number(opening[1].strip()[: opening[0].end()]) if opening else None
    signature = _signature(preamble) or _signature(tail) or _signature(list(closing))
    if meta.issued is None:
        meta.issued = _standalone_date(unlabelled) or (signature[1] if signature else None)
    if meta.issued is None:  # 2025年4月1日印发 closing a notice, before or after its attachments
        meta.issued = parse_date(S.printed(folded) or S.printed([P.fold(c.text) for c in ending]) or "")
    if meta.issued is None and formula:  # no signature: the day the decree's meeting adopted it
        meta.issued = parse_date(formula[0])
    if meta.issuer and signature and signature[0] != meta.issuer and signature[0].endswith(meta.issuer):
        meta.issuer = signature[0]  # the signature writes in full what a crawler cut (海市… → 上海市…)
    elif meta.issuer and signature and signature[0] != meta.issuer and _titled(texts, signature[0]):
        # the notice's own title and its signature name one body; a reposting page's 发布机构 another
        meta.issuer = signature[0]
    signers = signature[0].split(",") if signature else []
    if meta.issuer and any(s != meta.issuer and s.startswith(meta.issuer) for s in signers):
        meta.issuer = signature[0] if signature else None  # a page's 发布机构 cut a signer's name short
    if meta.issuer and set(meta.issuer.split(",")) < set(signers) and _titled(texts, "".join(signers)):
        meta.issuer = ",".join(signers)  # a page's 发布机关 names the first of the bodies the title names
    heads = S.signing_heads(folded)
    if meta.issuer and heads and set(meta.issuer.split(",")) < set(heads):
        meta.issuer = ",".join(heads)  # a database's 发文机关 left out one of the bodies that sign
    if meta.issuer is None or RELATIVE_ISSUER.match(meta.issuer):
        # a page's 发布机构：市政府 abbreviates the authority its own title names in full
        meta.issuer = (
            S.title_issuer(meta.title)
            or (signature[0] if signature else None)
            or S.red_header(folded)
            or (lead[0] if lead else None)
            or S.speaker_issuer(folded)
            or S.cover_issuer(folded)
            or S.closing_issuer(tail_folded)
            or S.closing_issuer([P.fold(c.text) for c in closing], after_text=True)
            or S.decree_issuer(folded)
            or (formula[1] if formula else None)
            or (",".join(heads) if heads else None)  # the heads of two bodies sign their joint decree
            or meta.issuer
        )
    if meta.title:
        if meta.doc_number is None:  # …的通知（银发〔2026〕42号）: the number noted after the title
            noted = next((n for t in texts[:3] if (n := S.noted_number(t)) and meta.title in t), None)
            meta.doc_number = clean_doc_number(noted) if noted else None
        # (广州市民政局  广州市财政局关于…: a run of spaces between two issuers is the title's one space)
        meta.title = _SPACE_RUN.sub(" ", S.clean_title(meta.title))
    if meta.issuer:
        meta.issuer = D.misread_issuer(meta.issuer, meta.doc_number, body_sample)
    derive(meta, body_sample)
    return meta


# A 文号 alone on its line whose opening bracket OCR lost or misread (中支协发2023】 81 号)
_LOST_BRACKET = re.compile(
    r"(?P<p>[\u4e00-\u9fff]{2,8})\s*(?P<y>(?:19|20)\d{2})\s*[\])〕】]\s*(?P<n>\d{1,4})\s*号"
)
_SPACE_RUN = re.compile(r"(?<=\S)[ \u3000]{2,}(?=\S)")


def derive(meta: Metadata, body_sample: str) -> None:
    """Period, region and kind follow from the title, the issuer and the opening text."""
    meta.period = D.period(meta.title, body_sample)
    meta.region = D.region(meta.title, meta.issuer)
    meta.kind = D.kind(meta.title, body_sample)


def _fields(folded: list[str], texts: list[str], meta: Metadata) -> set[int]:
    """Field blocks (gov.cn's table, legal databases, ``## 政策标题：`` headers): a stated field is
    taken as it is written. Cells of one row (``发布机构：X | 成文日期：Y``) are fields each.
    Returns the indices of lines that hold only a label's value (``实施日期：`` / ``2019年07月01日``)."""
    cells = [(i, *pair) for i, text in enumerate(folded) for pair in _cell_pairs(*_paired(text, texts[i]))]
    values: set[int] = set()
    for index, (line, cell, written) in enumerate(cells):
        match = P.FIELD.match(cell)
        if match is None:
            continue
        key = P.FIELD_KEYS.get(re.sub(r"\s+", "", match.group("label")))
        if key is None:
            continue
        value = written[match.start("v") : match.end("v")].strip()
        value = _label_repeats(value, match.group("label"))
        if not value and index + 1 < len(cells) and not _field_label(cells[index + 1][1]):
            value = cells[index + 1][2].strip()
            if cells[index + 1][0] != line:
                values.add(cells[index + 1][0])
        elif key == "doc_number" and "号" not in value and index + 1 < len(cells):
            following = cells[index + 1][2].strip()
            if following.endswith("号") and len(following) <= 16 and not _field_label(cells[index + 1][1]):
                value += following  # 文 号：…委员会令 / 〔2025〕第11号
        value = S.clean_value(value.strip(" |"))
        if not key or not value or _field_label(value + "："):
            continue
        if key in ("issued", "published"):
            date = parse_date(value)
            if date and getattr(meta, key) is None:
                setattr(meta, key, date)
        elif key == "doc_number":
            number = P.DOC_NUMBER.search(value) or _DECREE.search(value)
            if number and meta.doc_number is None:
                meta.doc_number = clean_doc_number(number.group(0))
        elif key == "issuer" and not _issuers(_original(value)):
            continue  # a scraper's wrong field (发布机构: 加快布局) states no authority
        elif getattr(meta, key) is None and len(value) <= 120:
            setattr(meta, key, _original(value))
    return values


def _label_repeats(value: str, label: str) -> str:
    """A print that drew a field's label once per pass of a bold font (标　题： 标　题： …标　题：X)
    leaves the label repeated before the value: the value is what follows the last of them."""
    repeated = re.compile(r"^(?:" + r"\s*".join(map(re.escape, re.sub(r"\s+", "", label))) + r"\s*[:：]\s*)+")
    return repeated.sub("", value)


def _issuers(text: str) -> bool:
    """One authority or a list of them (广州市医疗保障局,广州市财政局,广州市卫生健康委员会)."""
    parts = [p for p in re.split(r"[,，、;；\s]+", text) if p]
    return bool(parts) and all(looks_like_issuer(p) for p in parts)


def _original(value: str) -> str:
    return value.strip().strip("*").strip()


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.split(" | ")] if " | " in text else [text]


def _paired(folded: str, written: str) -> tuple[str, str]:
    """A table row of labels and values side by side (索引号 | 1133… | 文号 | 丽政发〔2023〕30号):
    each label joined to its value with a colon, as a field line writes it."""
    cells = folded.split(" | ")
    if len(cells) < 4 or len(cells) % 2 or not any(re.sub(r"\s+", "", c) in P.FIELD_KEYS for c in cells[::2]):
        return folded, written
    parts, start = [], 0
    for cell in cells:
        parts.append(written[start : start + len(cell)])
        start += len(cell) + 3
    pairs = [(parts[i].strip(), parts[i + 1].strip()) for i in range(0, len(parts), 2)]
    joined = " | ".join(f"{label}:{value}" for label, value in pairs)
    return P.fold(joined), joined


def _cell_pairs(folded: str, written: str) -> list[tuple[str, str]]:
    """Cells of a row, folded and as written (folding keeps offsets, so both split alike)."""
    pairs, start = [], 0
    for part in [*folded.split(" | ")]:
        end = start + len(part)
        pairs.append((part.strip(), written[start:end].strip()))
        start = end + 3
    return pairs


def is_label_line(text: str) -> bool:
    """A line that only labels metadata (``## 政策标题：``, ``# -*- coding: utf-8 -*-``): no text of
    the document, so it stays out of the preamble the reader and the export show."""
    folded = P.fold(text).strip()
    if _RULE_OR_SCRAPER_LABEL.fullmatch(folded):
        return True  # a Word or text file made from a scraper's Markdown: ---, ## 政策全文
    return bool(P.CODING_LINE.fullmatch(folded) or P.FIELD_CONTENT.fullmatch(folded)) or _field_label(folded)


_RULE_OR_SCRAPER_LABEL = re.compile(r"-{3,}|\*{3,}|#{1,6}\s*(?:" + P.SCRAPER_SECTION.pattern + ")")


def _field_label(text: str) -> bool:
    match = P.FIELD.match(text)
    return bool(match and re.sub(r"\s+", "", match.group("label")) in P.FIELD_KEYS and not match.group("v"))


def clean_doc_number(text: str) -> str:
    """A 文号 as written, with full-width digits folded and stray spaces gone: 粤府办〔2020〕9号.
    A year between brackets of two kinds (深府规【2020]6号: an OCR misread one) is set in 〔〕."""
    number = re.sub(r"\s+", "", text.translate(P.FULL_DIGITS))
    year = _YEAR_BRACKETS.search(number)
    if year and _PAIRS.get(year.group("open")) != year.group("close"):
        number = f"{number[: year.start()]}〔{year.group('year')}〕{number[year.end() :]}"
    return number


_YEAR_BRACKETS = re.compile(r"(?P<open>[\[(（【〔［〖])(?P<year>(?:19|20)\d{2})(?P<close>[\])）】〕］〗])")
_PAIRS = {"[": "]", "(": ")", "（": "）", "【": "】", "〔": "〕", "［": "］", "〖": "〗"}


# 广东省人民政府令第290号: a government decree's number
_DECREE = re.compile(r"[\u4e00-\u9fff]{1,40}令\s*(?:[〔\[(]\s*\d{4}\s*[〕\])]\s*)?第?\s*\d+\s*号")


def _is_field(folded: str) -> bool:
    if P.FIELD_CONTENT.fullmatch(folded):
        return True
    return any(
        (m := P.FIELD.match(c)) is not None and re.sub(r"\s+", "", m.group("label")) in P.FIELD_KEYS
        for c in _cells(_paired(folded, folded)[0])
    )


def _own_writing(texts: list[str], title: str) -> str | None:
    """The document's own title line below a scraper's heading that wrote the same title without
    its 《》 or quotes (# 上海关于贯彻落实“十四五”…的实施意见 / 上海关于贯彻落实《“十四五”…》的实施意见)."""
    wanted = squash(title)
    for index, text in enumerate(texts[:40]):
        line = text.strip()
        if line != title and squash(line) == wanted and _marks(line) > _marks(title):
            return line  # (a converter's bare copy, 十四五数字经济发展规划, is no better writing)
        following = texts[index + 1].strip() if index + 1 < len(texts) else ""
        if squash(following) == wanted and following.startswith("关于") and _issuers(line):
            # 中共中央 国务院 / 关于…的意见: the authorities set above the title are part of it
            return line + following
        head, _, rest = line.partition("关于")
        if head and squash("关于" + rest) == wanted and _issuers(head.strip()):
            return line  # 中共中央 国务院关于…的意见: the text names the issuers the heading left out
    return None


def _other_title(texts: list[str], heading: str, body: str) -> str | None:
    """The text's own formal title (issuers, 关于…, a kind word), where a scraper's heading names a
    title the text never writes."""
    wanted = squash(heading)
    if wanted in squash(body) or any(wanted in squash(t) for t in texts):
        return None
    for text in texts[:20]:
        line = S.clean_title(text.strip())
        head, _, rest = line.partition("关于")
        if (
            rest
            and len(line) <= 80
            and not _CLAUSE.search(line)
            and P.KIND_END.search(P.fold(line))
            and _issuers(head.strip())
        ):
            return line
    return None


def _unnoted(texts: list[str], heading: str, body: str) -> str | None:
    """The title without a note in brackets a database's heading adds and the text never writes
    (# …管理办法（试行） over 支付机构反洗钱和反恐怖融资管理办法 / 第一章  总则). A period in brackets
    (（2021-2023年）) is part of the title, often set on a line of its own."""
    note = _NOTE_ONLY.search(heading.strip())
    if note is None or note.start() < 6:
        return None
    bare = heading.strip()[: note.start()]
    written = squash(body) + "".join(squash(t) for t in texts)
    if squash(heading) in written or squash(bare) not in written:
        return None
    return bare


_NOTE_ONLY = re.compile(r"[(（][^()（）\d]{1,8}[)）]$")


def _stated_title(text: str) -> bool:
    """Whether a title the format states (# heading, a page's og:title) can stand as one: no
    chrome, breadcrumb, field or full sentence."""
    from plantui.read.base import CHROME

    folded = P.fold(text).strip()
    return (
        4 <= len(folded) <= 80
        and "。" not in folded
        and not CHROME.match(folded)
        and not _CRUMBS.search(folded)
        and not _is_field(folded)
    )


def _marks(text: str) -> int:
    return len(re.findall(r"[《》“”\"「」〈〉]", text))


# 广州市人民政府令 / 第179号 / 《广州市老年人优待办法》已经…常务会议通过，现予公布: the decree's text
# names the rules it makes
_PROMULGATED = re.compile(
    r"^《(?P<t>[^《》]{4,60})》(?:已经|已于|业经)[^《》。]{4,80}?(?:现予|予以)(?:公布|发布)"
)


def _promulgated(folded: list[str]) -> str | None:
    """The rules a decree promulgates, where a decree's head opens the text."""
    for index, text in enumerate(folded[:12]):
        match = _PROMULGATED.match(text.strip())
        if match and any(t.strip().endswith("令") for t in folded[max(0, index - 3) : index]):
            return match.group("t")
    return None


def _leading_title(texts: list[str]) -> str | None:
    """The first line when it reads as a title: short, not a sentence, not an address or date."""
    from plantui.read.base import CHROME

    # page chrome and field lines (索引号：…) are never a title
    # (a label left without its value is chrome too: 分享:; so is a breadcrumb's last item, on the
    # line after a lone > (首页 / > / 云南要闻), and the column's name the page repeats below it)
    crumbs = {b.strip() for a, b in itertools.pairwise(texts[:40]) if a.strip() in _LONE_ARROWS}
    texts = [
        t
        for t in texts[:40]
        if not CHROME.match(t.strip().rstrip(":：").rstrip())
        and not _is_field(P.fold(t))
        and not _CRUMBS.search(P.fold(t))
        and t.strip() not in crumbs
    ][:3]
    for index, text in enumerate(texts):
        folded = P.fold(text)
        if P.CODING_LINE.fullmatch(folded) or _is_field(folded) or S.is_red_header(folded):
            continue
        if S.is_dateline(folded):
            continue  # 新华社北京３月１５日电 / 政府工作报告: the agency's dateline above the title
        if len(re.findall(r"[\u4e00-\u9fff]", folded)) < 2:
            continue  # OCR noise from a seal or a header rule (v  a, Et LE] Se)
        if (
            # a joint title naming every issuer runs long (中国人民银行 金融监管总局 … 关于…的指导意见)
            (len(text) > 80 and not (len(text) <= 160 and P.KIND_END.search(P.fold(S.clean_title(text)))))
            or "。" in text
            or "，" in text  # a sentence's clause (为全面落实《…》，深入贯彻…), not a title
            or folded.endswith((":", ";", ","))
            or P.ADDRESSEES.match(folded)
            or P.DATE_LINE.fullmatch(folded)
            or P.DOC_NUMBER.fullmatch(folded)
            or P.PUBLISHED.match(folded)
        ):
            return None
        dash = _NOTE_DASH.search(folded)
        if dash and dash.start() >= 2 and _DELIVERED.match(folded[dash.start() :]):
            text = text[: dash.start()]  # 政府工作报告——2018年3月5日在…: the note runs on
        title = S.clean_title(text)
        after = P.fold(texts[index + 1]).strip() if index + 1 < len(texts) else ""
        if (
            looks_like_issuer(title)
            and len(after) <= 40
            and P.KIND_END.search(after)
            and not _CLAUSE.search(after)
        ):
            return S.clean_title(title + after)  # 洪泽区人民政府 / 2023 年政府信息公开工作年度报告
        for following in texts[index + 1 : index + 3]:
            if not S.title_goes_on(title, P.fold(following)):
                break
            title += following.strip()
        return title
    return None


_CLAUSE = re.compile(r"[。,，:：;；]")
# a page's breadcrumb trail (当前位置： / 首页 / >政府信息公开目录 | >…) or a link, never a title
_LONE_ARROWS = frozenset(">›»")
_CRUMBS = re.compile(
    r"https?://|/index\.html?|^[|\s]*(?:(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|所在位置)\s*[:：]|首页\s*(?:$|[|>›»/])|[>›»]\s*\S)"
)
_PUBLISHED_INLINE = re.compile(
    r"(?:发布日期|发布时间)\s*:\s*(?P<date>(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))"
    # a site's line over the text: 中央政府门户网站 www.gov.cn 2011年03月15日 来源：新华社
    r"|(?P<dated>(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日))"
    r"(?:\s+\d{1,2}\s*[时:]\s*\d{2}\s*分?)?\s+来源\s*:"  # (2013年03月19日 08时55分　来源：…)
)


def _delivered(folded: list[str]) -> str | None:
    """A report's or speech's delivery line: ——2026年1月26日在…人民代表大会…会议上."""
    # (a saved page's chrome may stand above it: 您的位置 / 首页 / > / 来源 / 【字体：大 中 小】)
    for index, text in enumerate(folded[:20]):
        # the line may wrap before the meeting's name: ——2026年1月26日在广东省第十四届 / 人民代表大会…
        joined = text.strip() + (folded[index + 1].strip() if index + 1 < len(folded) else "")
        match = _DELIVERED.match(text.strip()) or (_DELIVERED.match(joined) if "在" in text else None)
        dash = _NOTE_DASH.search(text)
        if match is None and dash:  # 政府工作报告——2018年3月5日在…会议上: after the title
            match = _DELIVERED.match(text[dash.start() :])
        if match:
            return parse_date(match.group("date"))
    return None


def _delivered_title(texts: list[str], folded: list[str]) -> str | None:
    """A report's own title on the line above its delivery line, where a page heads it with the
    year's 政府工作报告 (1996年政府工作报告 / 关于…“九五”计划和２０１０年远景目标纲要的报告 /
    ——１９９６年３月５日在…会议上); the bare 政府工作报告 names no report of its own."""
    for index, text in enumerate(folded[1:20], start=1):
        if not _DELIVERED.match(text.strip()):
            continue
        above = next((t.strip() for t in reversed(texts[:index]) if t.strip()), "")
        title = S.clean_title(above)
        if (
            P.KIND_END.search(P.fold(title))
            and squash(title) != "政府工作报告"
            and len(title) <= 60
            and not _CLAUSE.search(P.fold(title))
        ):
            return title
        return None
    return None


_NOTE_DASH = re.compile(r"[-—–―]{2}")  # —— folded (―― U+2015, as a news page writes it)
_DELIVERED = re.compile(
    r"^[-—–―(]*\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    # (or in words: ——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上)
    r"|[一二三四五六七八九〇零○]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*在.{2,60}(?:会议|大会)"
)


def _standalone_date(folded: list[str]) -> str | None:
    for text in folded:
        if P.DATE_LINE.fullmatch(text.strip()):
            return parse_date(text)
    return None


def _signature(chunks: list[Chunk]) -> tuple[str, str | None] | None:
    """The last issuer line followed by a date line (a signature block): (issuer, ISO date).
    Departments issuing jointly sign one a line above the date: all of them, comma-separated."""
    texts = [c.text.strip() for c in chunks]
    for index in range(len(texts) - 2, -1, -1):
        date = P.fold(texts[index + 1]).strip()
        side = _side_by_side(texts[index])
        if side and P.DATE_LINE.fullmatch(date):
            return ",".join(side), parse_date(date)
        if looks_like_issuer(texts[index]) and P.DATE_LINE.fullmatch(date):
            first = index
            while (
                first > 0
                and looks_like_issuer(texts[first - 1])
                and texts[first - 1] not in texts[first : index + 1]
            ):
                first -= 1  # (a line repeated is a page's running header, not a second signer)
            return ",".join(texts[first : index + 1]), parse_date(date)
    return None


# Bodies signing side by side on one line, set apart by runs of spaces or an ideographic space
# (广州市民政局　　广州市财政局, 广州市医疗保障局            广州市财政局)
_SIGNERS_APART = re.compile(r"\s{2,}|\u3000")


def _side_by_side(text: str) -> list[str]:
    """The bodies of a joint signature set on one line (two or more), else nothing."""
    if not _SIGNERS_APART.search(text):
        return []
    parts = [p for p in _SIGNERS_APART.split(text) if p]
    return parts if len(parts) >= 2 and all(looks_like_issuer(p) for p in parts) else []


def _titled(texts: list[str], body: str) -> bool:
    """Whether one of the first lines is a title that ``body`` heads (上海市人民政府办公厅关于…)."""
    return any(
        squash(S.clean_value(t)).lstrip("#").startswith((body + "关于", body + "印发")) for t in texts[:80]
    )
