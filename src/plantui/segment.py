"""Text → the two token streams of the full-text index.

- ``words``: jieba's segmentation (with a domain dictionary), for ranking whole words and
  for users who query the index with FTS5 syntax.
- ``chars``: at every character the pair of characters it starts (bigrams; punctuation and
  spaces kept as a placeholder, a run of them as one), so that positions stay adjacent exactly
  where the text is. The phrase of a query's pairs then matches exactly the passages that
  contain the query, which jieba words alone cannot promise (a query may start inside a word);
  one character (云) matches every pair it starts. Pairs rather than single characters: a
  common word's pairs occur far less often than its characters, so a phrase costs a tenth.

Both are plain space-separated strings for SQLite's stock ``unicode61`` tokenizer, so
plantui.db stays readable by sqlite-utils and datasette.

The words come from rjieba (jieba's algorithm and dictionary in Rust, about 15 times quicker
than Python jieba, in which import spent most of its time). It differs from Python jieba in
one place only: a run of letters and digits that is no dictionary word (``2020-2025``,
``11.1mmol``) is one word in rjieba and split at jieba's number boundaries in Python; we
split it the same way, so the index holds the words Python jieba would give
(benchmarks/bench_import.py measures the agreement). Where rjieba cannot be installed,
Python jieba is used.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

# Stands for any character the tokenizer would drop (punctuation, spaces, symbols).
PLACEHOLDER = "\ue000"
# Bump when ``chars`` or ``words`` would change for the same text: the index is rebuilt.
SEGMENTER_VERSION = "3"

# Python jieba's split of a run with no Han character that is no dictionary word
# (jieba.finalseg's re_skip): 11.1mmol → 11.1 / mmol, 2020-2025 → 2020 / - / 2025.
_ALNUM_PARTS = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_HAN = re.compile("[\u4e00-\u9fd5]")


@lru_cache(maxsize=65536)
def is_token_char(ch: str) -> bool:
    """Whether SQLite's unicode61 tokenizer keeps ``ch`` (categories L*, N*, Co)."""
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


class _CharTable(dict[int, str]):
    """``str.translate`` table: a kept character to itself, any other to the placeholder
    (filled as characters are met: a plan uses a few thousand)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = ch if is_token_char(ch) else PLACEHOLDER
        self[code] = value
        return value


_CHAR_TABLE = _CharTable()


_PLACEHOLDER_RUN = re.compile(PLACEHOLDER + "{2,}")
_PLACEHOLDER_PAIR = re.compile(PLACEHOLDER + "[^ ]")


def _characters(text: str) -> str:
    """``text`` as the index sees it: every character the tokenizer drops becomes the
    placeholder, and a run of them one placeholder."""
    return _PLACEHOLDER_RUN.sub(PLACEHOLDER, text.translate(_CHAR_TABLE))


@cache
def _dropped_runs() -> re.Pattern[str]:
    """A run of characters of the Basic Multilingual Plane the tokenizer drops (built once: the
    import's fast path for ``_characters``, a tenth of the work of translating character by
    character; surrogates count as dropped, as the translation table has them)."""
    ranges: list[str] = []
    start: int | None = None
    for code in range(0x10000):
        if is_token_char(chr(code)):
            if start is not None:
                ranges.append(_char_range(start, code - 1))
                start = None
        elif start is None:
            start = code
    if start is not None:
        ranges.append(_char_range(start, 0xFFFF))
    return re.compile("[" + "".join(ranges) + "]+")


def _char_range(first: int, last: int) -> str:
    return re.escape(chr(first)) + ("" if first == last else "-" + re.escape(chr(last)))


def chars(text: str) -> str:
    """The index's tokens: at every character the pair it starts (the last character pairs with
    the placeholder), at a placeholder the placeholder alone: ``5G基站，数`` → ``5G G基 基站
    站\\ue000 \\ue000 数\\ue000``."""
    if not text:
        return ""
    if max(text) <= "\uffff":  # the fast path covers the BMP; beyond it, the table decides
        seen = _dropped_runs().sub(PLACEHOLDER, text)
        # a placeholder in the text itself joins the run of marks around it, as in _characters
        if PLACEHOLDER + PLACEHOLDER in seen:
            seen = _PLACEHOLDER_RUN.sub(PLACEHOLDER, seen)
    else:
        seen = _characters(text)
    if not seen:
        return ""
    pairs = " ".join(map(operator.add, seen, seen[1:] + PLACEHOLDER))
    # a pair opening with the placeholder would make a term of every character that follows
    # punctuation: many small lists where one long one does
    return _PLACEHOLDER_PAIR.sub(PLACEHOLDER, pairs)


def is_character_term(term: str) -> bool:
    """One character the index holds as itself (no case, no punctuation): counted per character
    (plantui.store's char_counts) and found by plan (plan_chars), not by a prefix of pairs."""
    return len(term) == 1 and is_exact_term(term)


def character_passages(texts: Iterable[str]) -> dict[str, int]:
    """For each character a one-character term can be (see is_character_term), how many of
    ``texts`` hold it."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(text))
    return {ch: n for ch, n in counts.items() if _is_character(ch)}


@lru_cache(maxsize=65536)
def _is_character(ch: str) -> bool:
    return is_character_term(ch)


def char_phrase(term: str) -> str | None:
    """The FTS5 expression that matches ``term`` in the ``chars`` index: the phrase of its pairs
    (``"数字 字经 经济"``), or for one character every pair it starts (``"数"*``); None for a term
    with nothing the tokenizer keeps."""
    if not any(is_token_char(ch) for ch in term):
        return None
    seen = _characters(term)
    if len(seen) == 1:
        return '"' + seen + '"*'
    tokens = [PLACEHOLDER if a == PLACEHOLDER else a + b for a, b in itertools.pairwise(seen)]
    if seen[-2] == PLACEHOLDER:  # the last character follows punctuation: a pair it starts
        return '"' + " ".join([*tokens, seen[-1]]) + '"*'
    return '"' + " ".join(tokens) + '"'


def is_exact_term(term: str) -> bool:
    """Whether a ``chars`` phrase match of ``term`` is exactly a substring match.

    The tokenizer folds case and the placeholder stands for any punctuation, so a term
    with cased letters or punctuation must be checked against the text afterwards.
    """
    return all(is_token_char(ch) and ch.lower() == ch.upper() for ch in term)


def words(text: str) -> str:
    """jieba's words, space-separated, with punctuation and spaces dropped."""
    return " ".join(w for w in cut(text) if _indexed(w))


def index_words(text: str) -> str:
    """What the word index is given: jieba's words space-separated, punctuation included. The
    tokenizer drops what ``words`` filters out, so the index holds the same tokens at the same
    positions, without a filter that cost 60% of segmenting."""
    return " ".join(cut(text))


def cut(text: str) -> list[str]:
    """jieba's words of ``text`` (punctuation and spaces included), domain dictionary loaded."""
    return _cutter()(text)


@lru_cache(maxsize=1 << 16)
def _indexed(word: str) -> bool:
    """Whether the tokenizer keeps anything of ``word`` (words repeat: cached)."""
    return any(is_token_char(ch) for ch in word)


@cache
def backend() -> str:
    """``rjieba`` or, where it is not installed, ``jieba``."""
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


@cache
def fingerprint() -> str:
    """Identifies the segmentation: the segmenter, our dictionary and this module's version."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    digest.update(SEGMENTER_VERSION.encode())
    digest.update(f"{backend()} {version(backend())}".encode())
    digest.update(_dictionary_text().encode("utf-8"))
    return digest.hexdigest()[:16]


def _dictionary_text() -> str:
    return resources.files("plantui").joinpath("data/jieba_dict.txt").read_text(encoding="utf-8")


def dictionary() -> list[tuple[str, int | None]]:
    """The domain dictionary: (word, frequency or None)."""
    entries: list[tuple[str, int | None]] = []
    for line in _dictionary_text().splitlines():
        parts = line.split()
        if parts:
            entries.append((parts[0], int(parts[1]) if len(parts) > 1 else None))
    return entries


@cache
def _cutter() -> Callable[[str], list[str]]:
    if backend() == "jieba":
        tokenizer = python_jieba()
        return lambda text: list(tokenizer.cut(text))
    import rjieba

    segmenter = rjieba.Jieba()
    for word, freq in dictionary():
        segmenter.add_word(word, freq, None)
    rust_cut = segmenter.cut
    has_word = segmenter.has_word

    def cut_like_jieba(text: str) -> list[str]:
        tokens = rust_cut(text)
        if not any(len(w) > 1 and w[0] < "\u3000" for w in tokens):
            return tokens
        return list(_split_alnum(tokens, has_word))

    return cut_like_jieba


def _split_alnum(tokens: Iterable[str], has_word: Callable[[str], bool]) -> Iterable[str]:
    for w in tokens:
        if len(w) > 1 and w[0] < "\u3000" and not _HAN.search(w) and not has_word(w):
            yield from (part for part in _ALNUM_PARTS.split(w) if part)
        else:
            yield w


@cache
def python_jieba() -> Any:
    """A Python jieba Tokenizer of our own (not jieba's global one) with the domain dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq in dictionary():
        tokenizer.add_word(word, freq)
    return tokenizer
