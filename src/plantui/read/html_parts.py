"""Web pages, for read/html.py: the date a page states, and the bold run a paragraph opens with."""

from __future__ import annotations

import re
from typing import Any

STRIP = " \t\u3000\u00a0\ufeff\u200b\u2002\u2003\u2009"


def page_date(tree: Any) -> str | None:
    """The publication date a CMS writes into the page's meta tags (PubDate) — unless the page
    says that stamp is when it was generated (others: 页面生成时间 …, the same time), where the date
    the page shows (发布日期：2017-05-15 10:49:00) is the one."""
    others = tree.css_first('meta[name="others"]')
    generated = (others.attributes.get("content") or "") if others is not None else ""
    for selector in ('meta[name="PubDate"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]'):
        node = tree.css_first(selector)
        content = (node.attributes.get("content") or "").strip() if node is not None else ""
        match = re.match(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})", content)
        if match and "生成时间" in generated and content in generated:
            body = tree.body.text(separator=" ") if tree.body is not None else ""
            match = _SHOWN_DATE.search(body)
        if match:
            return f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
    return None


# the date a page shows beside the article: 发布日期：2017-05-15 10:49:00
_SHOWN_DATE = re.compile(r"发布(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)


def bold_run(node: Any) -> str:
    """The bold text an inline element opens with (all of it when the element is bold)."""
    if node.tag in ("strong", "b") or _BOLD_STYLE.search(node.attributes.get("style") or ""):
        return _text(node)
    run = ""
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            text = child.text_content or ""
            if text.strip(STRIP + "\n\r\t"):
                return run
            run += text
        elif child.tag in ("img", "-comment"):
            continue
        else:
            inner = bold_run(child)
            run += inner
            if inner != _text(child):
                return run
    return run


def _text(node: Any) -> str:
    return str(node.text(deep=True, separator="", strip=False) or "")
