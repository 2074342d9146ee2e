"""A covering notice (关于印发《X》的通知, 现将《X》印发给你们): the document(s) it attaches, the title
one attachment lends the text, and the issuer its title names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plantui import metadata_signs as S
from plantui import patterns as P
from plantui.metadata_signs import looks_like_issuer, squash

if TYPE_CHECKING:
    from plantui.metadata import Metadata

RELATIVE_ISSUER = re.compile(r"^[省市县区](?:人民)?政府(?:办公厅|办公室)?$")


def notice(texts: list[str], meta: Metadata, marked: str | None = None) -> None:
    """A covering notice names the document(s) it attaches; one attachment lends its title.
    ``marked`` is a title the format marks (a Markdown # title over the notice)."""
    # a saved page's chrome can run to dozens of lines before the notice's own title
    for index, line in enumerate(texts[:120]):
        text = S.clean_value(line)
        match = P.NOTICE_TITLE.match(P.fold(text))
        folded = P.fold(text)
        if (
            match is None
            and index + 1 < len(texts)
            and "关于" in text
            and not P.PROSE_MARK.search(folded)
            and ":" not in folded
        ):
            # a long notice title broken over two lines: …关于印发 / …规划的通知
            text = text + texts[index + 1].strip()
            match = P.NOTICE_TITLE.match(P.fold(text))
        if match is None:
            # 上海市人民政府办公厅印发《…若干措施》(的通知): an authority, 印发 and one quoted title
            bare = _BARE_NOTICE.match(folded)  # (中国人民银行 农业农村部印发《…》: two side by side)
            match = bare if bare and all(looks_like_issuer(b) for b in bare.group("issuer").split()) else None
            text = S.clean_value(line)
        if match is None or len(text) > 120:
            continue
        notice_title = text.strip()
        issuer = ",".join(text[: match.end("issuer")].split())
        if match.re is _BARE_NOTICE and match.group("docs") is None:
            match = _BARE_PLAIN.match(P.fold(text)) or match  # the unquoted X is the document named
        docs = [m.group("t") for m in P.QUOTED_TITLE.finditer(text[match.start("docs") : match.end("docs")])]
        if not docs:
            docs = [text[match.start("docs") : match.end("docs")].strip()]
        # a saved page writes the title in its header, then again over the notice's own text
        repeated = (
            i for i, t in enumerate(texts) if i > index and squash(S.clean_value(t)) == squash(notice_title)
        )
        index = max(repeated, default=index)
        handed_on = False  # 现将《…》印发给你们: what follows is the attached document
        several = bool(P.AND_OTHERS.search(text[match.start("docs") : match.end("docs")]))
        if len(docs) == 1 and len(docs[0]) >= 4 and not several:
            body_docs = [
                m.group("doc") for t in texts[index + 1 : index + 8] for m in P.NOTICE_BODY.finditer(t)
            ]
            handed_on = bool(body_docs) and _same_title(body_docs[0], docs[0])
            docs = body_docs[:1] if handed_on else docs
            # a page's headline …印发《X》 (no 的通知) announces X: the text is X
            handed_on = handed_on or (match.re is _BARE_NOTICE and not folded.rstrip().endswith("通知"))
        meta.attached = docs
        relative = meta.issuer is not None and RELATIVE_ISSUER.match(meta.issuer)
        if (meta.issuer is None or relative) and issuer and P.ISSUER_SUFFIX.search(issuer):
            meta.issuer = issuer  # (a field's 省政府办公厅 is the 江西省人民政府办公厅 the title names)
        # (a field may hold only the first line of a title wrapped over two)
        if meta.title is None or squash(notice_title).startswith(squash(meta.title)):
            attached = (
                S.attached_title(texts[index + 1 :], docs[0]) if len(docs) == 1 and not several else None
            )
            # a converter's # title that names the one document attached is that document's
            # (# 收单外包服务机构备案管理规范 over ### 关于发布《收单外包服务机构备案管理规范》的通知)
            named = (
                bool(marked) and len(docs) == 1 and not several and squash(marked or "") == squash(docs[0])
            )
            # (# 中国支付清算协会支付互联互通管理委员会工作规则 over 关于发布《支付互联互通
            # 管理委员会工作规则》的通知: the # title writes the name with its issuer before it)
            owner = _owner(marked, docs) if not several else None
            if owner and not attached and not handed_on:
                meta.title = marked
                meta.issuer = meta.issuer or owner
                return
            meta.title = attached or (docs[0] if handed_on or named else notice_title)
        return


_BARE_NOTICE = re.compile(
    r"^[#\s]*(?P<issuer>[\u4e00-\u9fff][\u4e00-\u9fff ]{1,40}?)印发"
    # 《X》 (的通知), or an unquoted X before 的通知 (…办公厅印发关于…若干措施的通知)
    r"(?:(?P<docs>《[^《》]{4,80}》)(?:的通知)?|(?P<plain>[^《》]{4,80}?)的通知)$"
)
_BARE_PLAIN = re.compile(r"^[#\s]*(?P<issuer>[\u4e00-\u9fff]{2,30}?)印发(?P<docs>[^《》]{4,80}?)的通知$")


def _owner(marked: str | None, docs: list[str]) -> str | None:
    """The issuer a marked title writes before the one document's name the notice quotes."""
    if not marked or len(docs) != 1:
        return None
    title, doc = squash(marked), squash(docs[0])
    owner = title[: -len(doc)] if len(title) > len(doc) and title.endswith(doc) else ""
    return owner if looks_like_issuer(owner) else None


def _same_title(a: str, b: str) -> bool:
    return squash(a) == squash(b)
