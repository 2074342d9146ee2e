"""Small string helpers the clause reader shares: the longest listed word a text starts or ends
with, and brackets left unbalanced by a clause cut."""

from __future__ import annotations

from collections.abc import Callable, Sequence


def ending(text: str, words: Sequence[str]) -> str:
    """The longest word that ``text`` ends with."""
    return _longest(text, words, text.endswith)


def leading(text: str, words: Sequence[str]) -> str:
    """The longest word that ``text`` starts with."""
    return _longest(text, words, text.startswith)


def _longest(text: str, words: Sequence[str], fits: Callable[[str], bool]) -> str:
    return max((w for w in words if fits(w)), key=len, default="")


def balance(text: str) -> str:
    """Drop a bracket left open or closed at either end by the clause cut."""
    for opening, closing in (("（", "）"), ("(", ")")):
        if text.startswith(opening) and text.count(closing) < text.count(opening):
            text = text[1:]
        if text.endswith(closing) and text.count(opening) < text.count(closing):
            text = text[:-1]
        if text.endswith(opening):
            text = text[:-1]
    return text
