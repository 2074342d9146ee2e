"""How a plan is named wherever people read it (the app, ``list``, search, comparisons); pure.

A plan whose text states a title is named by it. A plan that states none (``title_from ==
"file"``: the parser fell back to the file name) is named by its kind and its first words,
marked as untitled: ``〔无标题〕意见：为全面落实《国家信息化发展战略纲要》…``. A file stem such
as ``002_03b780215b09d706`` says nothing to a reader and is never shown as a name.
"""

from __future__ import annotations

import re

UNTITLED = "〔无标题〕"
FIRST_WORDS = 18  # characters of the opening text in an untitled plan's name

# where the opening sentence ends; a comma is not an end: the name wants the whole clause
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
# whitespace, and Markdown heading or list marks at the start of the text
_LEADING = re.compile(r"^[\s\u3000#>*\-]+")
_SPACES = re.compile(r"[\s\u3000]+")


def is_untitled(title_from: str | None) -> bool:
    """Whether the stored title is a stand-in (the file name), not one the plan or user gave."""
    return title_from == "file"


def first_words(text: str, limit: int = FIRST_WORDS) -> str:
    """The opening of ``text`` up to its first sentence end, at most ``limit`` characters,
    with … where it was cut: ``为全面落实《国家信息化发展战略纲要》…``."""
    text = _SPACES.sub(" ", _LEADING.sub("", text)).strip()
    end = _SENTENCE_END.search(text)
    sentence = text[: end.start()] if end else text
    cut = sentence[:limit].rstrip("，、：,:（(“《 ")
    return cut + ("…" if len(cut) < len(text) and cut else "")


def plan_name(
    title: str,
    title_from: str | None,
    *,
    kind: str | None = None,
    opening: str = "",
    region: str | None = None,
) -> str:
    """The name to show for a plan.

    ``opening`` is the plan's first passage (only read for an untitled plan); ``region``
    stands in for the first words when the plan has no text.
    """
    if not is_untitled(title_from):
        return title
    head = UNTITLED + (f"{kind}：" if kind else "")
    words = first_words(opening) or (region or "")
    return head + words if words else head.rstrip("：")
