"""Text → the two token streams of the full-text index.

- ``words``: jieba's segmentation (with a domain dictionary), for ranking whole words and
  for users who query the index with FTS5 syntax.
- ``chars``: one token per character, punctuation and spaces kept as a placeholder
  token so that positions stay adjacent exactly where the text is. A phrase of
  character tokens then matches exactly the passages that contain the query, which
  jieba words alone cannot promise (a query may start inside a word, or be one
  character like 云).

Both are plain space-separated strings for SQLite's stock ``unicode61`` tokenizer, so
plantui.db stays readable by sqlite-utils and datasette.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

# Stands for any character the tokenizer would drop (punctuation, spaces, symbols).
PLACEHOLDER = "\ue000"
# Bump when ``chars`` or ``words`` would change for the same text: the index is rebuilt.
SEGMENTER_VERSION = "1"


@lru_cache(maxsize=65536)
def is_token_char(ch: str) -> bool:
    """Whether SQLite's unicode61 tokenizer keeps ``ch`` (categories L*, N*, Co)."""
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def chars(text: str) -> str:
    """One token per character: ``5G基站，`` → ``5 G 基 站 \\ue000``."""
    return " ".join(ch if is_token_char(ch) else PLACEHOLDER for ch in text)


def char_phrase(term: str) -> str:
    """The FTS5 phrase (without quotes) that matches ``term`` in the ``chars`` column."""
    return chars(term)


def is_exact_term(term: str) -> bool:
    """Whether a ``chars`` phrase match of ``term`` is exactly a substring match.

    The tokenizer folds case and the placeholder stands for any punctuation, so a term
    with cased letters or punctuation must be checked against the text afterwards.
    """
    return all(is_token_char(ch) and ch.lower() == ch.upper() for ch in term)


def words(text: str) -> str:
    """jieba's words, space-separated, with punctuation and spaces dropped."""
    tokenizer = _tokenizer()
    return " ".join(w for w in tokenizer.cut(text) if any(is_token_char(ch) for ch in w))


@cache
def fingerprint() -> str:
    """Identifies the segmentation: jieba's version, our dictionary and this module's version."""
    import jieba

    digest = hashlib.sha256()
    digest.update(SEGMENTER_VERSION.encode())
    digest.update(str(getattr(jieba, "__version__", "?")).encode())
    digest.update(_dictionary_text().encode("utf-8"))
    return digest.hexdigest()[:16]


def _dictionary_text() -> str:
    return resources.files("plantui").joinpath("data/jieba_dict.txt").read_text(encoding="utf-8")


@cache
def _tokenizer() -> Any:
    """A jieba Tokenizer of our own (not jieba's global one) with the domain dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for line in _dictionary_text().splitlines():
        parts = line.split()
        if parts:
            word, freq = parts[0], int(parts[1]) if len(parts) > 1 else None
            tokenizer.add_word(word, freq)
    return tokenizer
