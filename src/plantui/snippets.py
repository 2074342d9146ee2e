"""Pieces of a passage's text around a query's occurrences: for hits, table cells and the app."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

SNIPPET_BEFORE = 24
SNIPPET_AFTER = 40


def find_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Every (start, end) where a term occurs in ``text``, sorted, overlaps merged."""
    spans = []
    for word in words:
        if not word:
            continue
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def window(text: str, words: Sequence[str], width: int, before: int) -> str:
    """A plain piece of ``text`` of ``width`` characters starting ``before`` characters ahead of
    the first hit, with … where it was cut (for table cells and one-line listings)."""
    spans = find_spans(text, words)
    start = max(0, spans[0][0] - before) if spans else 0
    return ("…" if start else "") + text[start : start + width] + ("…" if start + width < len(text) else "")


def snippet(text: str, words: Sequence[str], before: int = SNIPPET_BEFORE, after: int = SNIPPET_AFTER) -> str:
    """A window of ``text`` around the first hit, every hit inside it marked ``[like this]``."""
    spans = find_spans(text, words)
    if not spans:
        return text[: before + after] + ("…" if len(text) > before + after else "")
    first = spans[0]
    start = max(0, first[0] - before)
    end = min(len(text), first[1] + after)
    out = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(text[cursor:s])
        out.append("[" + text[s:e] + "]")
        cursor = e
    out.append(text[cursor:end])
    out.append("…" if end < len(text) else "")
    return "".join(out)
