"""Word's soft line breaks (w:br, Shift+Enter): which end a paragraph and which only wrap.

A Word paragraph's text with ``\n`` where its soft breaks were, in; its lines as blocks, out.
Text pasted into Word often closes every paragraph with a soft break rather than a new
paragraph; a title set over two lines, or a word wrapped by hand, is one line.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")


def soft_lines(text: str) -> list[str]:
    """A paragraph's soft line breaks: a line that opens with a heading label (the items of a
    专栏 typed as one paragraph, 1．… / 2．…), a 文号, a date or a field, an indented line, any
    line after an authority's name (a signature typed as one paragraph: 国家互联网信息办公室 /
    公安部 / 2025年4月23日), after a converter's ``#`` label, after the end of a sentence or a
    heading whose title ends the line (text pasted into Word, each paragraph closed by a soft
    break: 一、2025年主要工作 / 2025年是极不平凡的一年…), starts a block of its own; other
    breaks only wrap (a title over two lines, 生产设施 / 改造。)."""
    out: list[str] = []
    for piece in text.split("\n"):
        if out and not _opens_block(out[-1], piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _opens_block(before: str, piece: str) -> bool:
    from plantui import patterns as P
    from plantui.headings import classify, is_label_only

    line = piece.strip(" \u3000")
    if not line:
        return False
    if classify(line) is not None or _INDENTED.match(piece):
        return True
    folded, previous = P.fold(line), P.fold(before.strip(" \u3000"))
    if _SENTENCE_END.search(before.rstrip(" \u3000")):
        return True
    # 时间：2026-02-02 / 河北省人民政府省长 王正谱; a scraper's **发布日期**: … block stays as written
    if _field_or_date(previous) and "**" not in previous:
        return True
    if is_label_only(previous) is not None:  # 附件1 / 2026年省十件民生实事: never 附件12026年
        return True
    if (
        len(_CJK.findall(previous)) >= 4
        and len(previous) <= (30 if "，" in before else 40)  # one comma: 提升…水平，建设…试验区
        and "**" not in previous
        and not _CLAUSE.search(before.replace("，", "", 1))
        and not before.rstrip().endswith(("，", "、"))
        and len(_CJK.findall(line)) > 30
    ):
        return True  # an unnumbered heading, then its paragraph (a wrapped title's tail is short)
    heading = classify(previous)
    title_only = (
        heading is not None
        and heading.kind != "appendix"  # 附录A（资料性附录） / its title: one heading
        and len(_CJK.findall(heading.title)) >= 2
        and heading.head_end >= len(previous.rstrip()) - 1
    )
    if title_only and not (len(line) <= 6 and _UNPUNCTUATED.fullmatch(line)):
        return True  # a title-only heading; a tail of a word or two still wraps a long title
    if P.DATE_LINE.fullmatch(folded) or P.DOC_NUMBER.fullmatch(folded):
        return True
    field = P.FIELD.match(folded.replace("**", ""))  # a scraper's **发布机构**: … written into Word
    if field is not None and re.sub(r"\s+", "", field.group("label")) in P.FIELD_KEYS:
        return True
    if previous.startswith("#"):
        return True
    return (
        len(previous) <= 30
        and not P.PROSE_MARK.search(previous)
        and bool(P.ISSUER_SUFFIX.search(previous) or _AUTHORITY_END.search(previous))
    )


_INDENTED = re.compile(r"^(?:[\u3000\u2003\u00a0\t]| {2})")
_SENTENCE_END = re.compile(r"[。！？；：!?;…][”’」）)]*$")  # ASCII ':' ends scraped field labels
_UNPUNCTUATED = re.compile(r"[^,.;:!?，。、；：！？]+")
_CLAUSE = re.compile(r"[，,；;。]")


def _field_or_date(text: str) -> bool:
    from plantui import patterns as P

    if P.DATE_LINE.fullmatch(text) or P.DOC_NUMBER.fullmatch(text):
        return True
    field = P.FIELD.match(text)
    return (
        field is not None
        and bool(field.group("v"))
        and re.sub(r"\s+", "", field.group("label")) in P.FIELD_KEYS
    )


# Authorities' names that patterns.ISSUER_SUFFIX leaves out (办公室, 海关总署, 中国人民银行).
_AUTHORITY_END = re.compile(r"(?:办公室|总署|银行)$")
