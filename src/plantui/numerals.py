"""Chinese numerals and magnitudes → numbers.

Labels (``十三``, ``二十``) go through a small table first because they are many and
short; anything longer or odder is handed to cn2an, which is imported only then.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

_DIGIT = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Circled and parenthesised digits used as sub-item labels.
_ENCLOSED_BASES = ((0x2460, 0x2473), (0x2474, 0x2487), (0x3220, 0x3229))
MAGNITUDES = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


@lru_cache(maxsize=1024)
def label_number(label: str) -> int | None:
    """Ordinal of a heading label: ``九`` → 9, ``十三`` → 13, ``12`` → 12, ``⑤`` → 5."""
    label = label.strip()
    if not label:
        return None
    if label.isascii() and label.isdigit():
        return int(label)
    if len(label) == 1:
        code = ord(label)
        for first, last in _ENCLOSED_BASES:
            if first <= code <= last:
                return code - first + 1
    simple = _small_cn(label)
    if simple is not None:
        return simple
    return chinese_to_number(label)


def _small_cn(text: str) -> int | None:
    """一..九十九 without cn2an: the common case for labels."""
    if text in _DIGIT:
        return _DIGIT[text]
    if "十" in text and len(text) <= 3:
        tens, _, ones = text.partition("十")
        if (tens and tens not in _DIGIT) or (ones and ones not in _DIGIT):
            return None
        return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[ones] if ones else 0)
    return None


def chinese_to_number(text: str) -> int | None:
    """Any Chinese numeral (``一百二十``, ``两千``, ``二〇二五``) as an int, or None."""
    small = _small_cn(text)
    if small is not None:
        return small
    if all(ch in _DIGIT for ch in text):
        # digit by digit, as in years: 二〇二五
        return int("".join(str(_DIGIT[ch]) for ch in text))
    value = _cn2an(text)
    if value is None or value != int(value):
        return None
    return int(value)


def _cn2an(text: str) -> float | None:
    import cn2an  # imported here: it costs ~0.1 s and only parsing needs it

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def parse_amount(text: str) -> float | None:
    """A written amount with Arabic or Chinese digits and magnitudes → number.

    ``7万`` → 70000, ``2.6万亿`` → 2.6e12, ``3000亿`` → 3e11, ``两千`` → 2000, ``万`` → 10000,
    ``百`` → 100, ``1.5`` → 1.5. Returns None when the text is not an amount.
    """
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    multiplier = 1
    # Peel magnitudes off the end: 万亿, 亿, 万, 千, 百 (only after Arabic digits or alone).
    for word in ("万亿", "亿", "万", "千", "百"):
        if text.endswith(word) and (len(text) == len(word) or _is_arabic(text[: -len(word)])):
            multiplier = MAGNITUDES[word]
            text = text[: -len(word)]
            break
    if not text:
        return float(multiplier)
    if _is_arabic(text):
        # in decimal, so that 4.6亿 is 460000000, not 459999999.99999994
        return float(Decimal(text) * multiplier)
    value = _cn2an(text)
    if value is None and text[0] in "十百千万亿":
        value = _cn2an("一" + text)  # 千万 is 一千万, 百万 一百万
    return None if value is None else value * multiplier


def _is_arabic(text: str) -> bool:
    if not text:
        return False
    head, _, tail = text.partition(".")
    return head.isascii() and head.isdigit() and (not tail or (tail.isascii() and tail.isdigit()))


_DIGITS_CN = "零一二三四五六七八九"


def to_chinese(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 105 → 一百零五: how plans number their parts."""
    if value < 0:
        return str(value)
    if value < 10:
        return _DIGITS_CN[value]
    if value < 20:
        return "十" + (_DIGITS_CN[value % 10] if value % 10 else "")
    if value < 100:
        return _DIGITS_CN[value // 10] + "十" + (_DIGITS_CN[value % 10] if value % 10 else "")
    if value < 1000:
        rest = value % 100
        head = _DIGITS_CN[value // 100] + "百"
        if not rest:
            return head
        return head + (
            "零" + _DIGITS_CN[rest]
            if rest < 10
            else (_DIGITS_CN[rest // 10] + "十" + (_DIGITS_CN[rest % 10] if rest % 10 else ""))
        )
    return str(value)
