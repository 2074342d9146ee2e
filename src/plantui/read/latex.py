"""Inline LaTeX as converters write it (MinerU, marker: ``$1 7 \\%$``, ``$5 0 ~ \\mathrm { k m } ^ { 2 }$``)
→ the plain text a plan states (``17%``, ``50 km²``).

Converters put a space between every token; LaTeX ignores those spaces in math, so they go, and
only explicit spaces (``~``, ``\\,``, ``\\quad``) stay. Symbols become their characters, font and
sizing commands keep their argument, superscript digits become ², ³, ⁻⁴ …, ``\\frac{a}{b}`` a/b.
Commands it does not know keep their name, so no text is ever lost.
"""

from __future__ import annotations

import re

_SYMBOLS = {
    "sim": "~",
    "times": "\u00d7",
    "cdot": "·",
    "le": "≤",
    "leq": "≤",
    "leqslant": "≤",
    "ge": "≥",
    "geq": "≥",
    "geqslant": "≥",
    "lt": "<",
    "gt": ">",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "pm": "±",
    "div": "÷",
    "circ": "°",
    "degree": "°",
    "prime": "\u2032",
    "permil": "‰",
    "textperthousand": "‰",
    "alpha": "\u03b1",
    "beta": "β",
    "gamma": "\u03b3",
    "delta": "δ",
    "Delta": "Δ",
    "mu": "μ",
    "pi": "π",
    "sigma": "\u03c3",
    "rightarrow": "→",
    "to": "→",
    "uparrow": "↑",
    "downarrow": "↓",
    "textcircled": "",
}
# Font, size and spacing commands: their argument (if any) is the text.
_TRANSPARENT = frozenset(
    [
        "mathrm",
        "text",
        "textrm",
        "textbf",
        "textit",
        "mathbf",
        "mathit",
        "mathsf",
        "mathtt",
        "mathbb",
        "mathcal",
        "boldsymbol",
        "operatorname",
        "operatorname*",
        "displaystyle",
        "textstyle",
        "scriptstyle",
        "scriptscriptstyle",
        "left",
        "right",
        "big",
        "Big",
        "bigl",
        "bigr",
        "Bigl",
        "Bigr",
        "mathord",
        "mathrel",
        "mathbin",
        "underline",
        "overline",
    ]
)
_SPACES = frozenset(("quad", "qquad", "enspace", "thinspace"))
_SUPERSCRIPT = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
_COMMAND = re.compile(r"\\([A-Za-z]+\*?|.)", re.S)


def latex_text(source: str) -> str:
    """Plain text of an inline formula."""
    text, _ = _read(source, 0, closing=False)
    return re.sub(r" {2,}", " ", text).strip()


def _read(src: str, i: int, *, closing: bool) -> tuple[str, int]:
    """Read up to the end, or up to the ``}`` closing a group when ``closing``."""
    parts: list[str] = []
    while i < len(src):
        ch = src[i]
        if ch == "}":
            if closing:
                return "".join(parts), i + 1
            i += 1
        elif ch == "{":
            text, i = _read(src, i + 1, closing=True)
            parts.append(text)
        elif ch == "\\":
            text, i = _command(src, i)
            parts.append(text)
        elif ch in "^_":
            arg, i = _argument(src, i + 1)
            parts.append(_superscript(arg) if ch == "^" else arg)
        elif ch == "~":
            parts.append(" ")
            i += 1
        elif ch.isspace():
            i += 1
        else:
            parts.append(ch)
            i += 1
    return "".join(parts), i


def _command(src: str, i: int) -> tuple[str, int]:
    match = _COMMAND.match(src, i)
    if match is None:  # a lone backslash at the end
        return "", i + 1
    name, i = match.group(1), match.end()
    if name == "frac":
        top, i = _argument(src, i)
        bottom, i = _argument(src, i)
        return f"{top}/{bottom}", i
    if name in _TRANSPARENT:
        return "", i
    if name in _SPACES or name in (",", ";", ":", " ", "!"):
        return " ", i
    if len(name) == 1 and not name.isalpha():
        return name, i  # \% \$ \& \# \_ \{ \}
    return _SYMBOLS.get(name, name), i


def _argument(src: str, i: int) -> tuple[str, int]:
    """One argument: a group, a command, or a single character (spaces before it skipped)."""
    while i < len(src) and src[i].isspace():
        i += 1
    if i >= len(src):
        return "", i
    if src[i] == "{":
        return _read(src, i + 1, closing=True)
    if src[i] == "\\":
        return _command(src, i)
    return src[i], i + 1


def _superscript(text: str) -> str:
    stripped = text.strip()
    if stripped in ("°", "\u2032", "*"):
        return stripped
    if stripped and all(ch in "0123456789+-=()" for ch in stripped):
        return stripped.translate(_SUPERSCRIPT)
    return stripped  # a note mark ([22]) or an expression: its text
