"""Terminal layout: grids that fit the terminal's width, lines wrapped with a hanging indent
by the Chinese rules (避头尾). Used only when the output is a terminal; piped output is
``common.write_records``."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True)
class Column:
    """How a column of a terminal grid takes its width: its content's width, at most ``max``;
    ``flex`` columns share what is left (by weight), none narrower than ``min``."""

    flex: int = 0
    min: int = 4
    max: int = 40
    align: str = "left"
    wrap: bool = False  # a long cell goes on over further lines (by the Chinese rules) instead of …


def grid(
    console: Console,
    headers: list[str],
    rows: list[list[str]],
    columns: list[Column],
    titles: dict[int, str] | None = None,
) -> None:
    """A table on a terminal, never wider than it: one line per row, a cell too long for its
    column cut with … (or, in a ``wrap`` column, continued on further lines); ``titles`` puts a
    heading line over the row of that index. Control characters in cells are made visible."""
    from plantui.linebreak import wrap
    from plantui.textsafe import printable_line

    rows = [[printable_line(c) for c in row] for row in rows]
    measure = _Measure()
    widths = _widths(console.width, headers, rows, columns, measure)
    rule = "─" * min(console.width, sum(widths) + 2 * (len(widths) - 1))
    lines = [_line(headers, widths, columns, measure), rule]
    styled: list[tuple[int, int, str]] = [(0, 0, "bold"), (1, 0, "dim")]  # line, from column, style
    for index, row in enumerate(rows):
        if titles and index in titles:
            if index:
                lines.append("")
            for margin, title in _wrapped_lines(printable_line(titles[index]), console.width, 0, 2):
                styled.append((len(lines), margin, "bold cyan"))
                lines.append(" " * margin + title)
        parts = [wrap(v, widths[i]) if columns[i].wrap else [v] for i, v in enumerate(row)]
        for depth in range(max(len(p) for p in parts)):
            lines.append(_line([p[depth] if depth < len(p) else "" for p in parts], widths, columns, measure))
    _write(console, lines, styled)


def _write(console: Console, lines: list[str], styled: list[tuple[int, int, str]]) -> None:
    """Write the lines: the few styled ones (header, rule, titles) through Rich, the rows as
    they are, straight to the console's file, so ten thousand rows are never laid out by Rich
    (the bytes are those Rich writes for an unstyled line)."""
    from rich.text import Text

    styles = {index: (column, style) for index, column, style in styled}
    plain: list[str] = []
    for index, line in enumerate(lines):
        if index not in styles:
            plain.append(line + "\n")
            continue
        if plain:
            console.file.write("".join(plain))
            plain = []
        column, style = styles[index]
        text = Text(line)
        text.stylize(style, column, len(line))
        console.print(text, no_wrap=True, overflow="ignore", crop=False)
    if plain:
        console.file.write("".join(plain))
        console.file.flush()


class _Measure(dict[str, int]):
    """Terminal cells of a cell's text, each distinct text measured once (issuers, dates and
    years repeat down a column)."""

    def __missing__(self, text: str) -> int:
        from plantui.linebreak import cells

        self[text] = width = cells(text)
        return width


def _widths(
    width: int, headers: list[str], rows: list[list[str]], columns: list[Column], cells: _Measure
) -> list[int]:
    """Each column's width: fixed columns their content (at most ``max``), flexible ones share
    the room left by weight, never beyond their content."""
    natural = [max([cells[h]] + [cells[row[i]] for row in rows]) for i, h in enumerate(headers)]
    widths = [
        max(min(n, c.max), min(cells[h], c.max)) if not c.flex else 0
        for n, c, h in zip(natural, columns, headers, strict=True)
    ]
    room = width - 2 * (len(headers) - 1) - sum(widths)
    flexible = [i for i, c in enumerate(columns) if c.flex]
    for i in flexible:
        widths[i] = columns[i].min
    room -= sum(widths[i] for i in flexible)
    while room > 0:
        open_ = [i for i in flexible if widths[i] < min(natural[i], columns[i].max)]
        if not open_:
            break
        weight = sum(columns[i].flex for i in open_)
        given = 0
        for i in open_:
            share = max(1, room * columns[i].flex // weight)
            step = min(share, natural[i] - widths[i], room - given)
            widths[i] += step
            given += step
        if not given:
            break
        room -= given
    return widths


def _line(values: list[str], widths: list[int], columns: list[Column], cells: _Measure) -> str:
    out = []
    for i, (value, width) in enumerate(zip(values, widths, strict=True)):
        used = cells[value]
        cell = value
        if used > width:
            cell, used = _cut(value, width)
        pad = " " * (width - used)
        out.append((pad + cell) if columns[i].align == "right" else (cell + pad))
    return "  ".join(out).rstrip()


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in … when cut."""
    from plantui.linebreak import cells

    return text if cells(text) <= width else _cut(text, width)[0]


def _cut(text: str, width: int) -> tuple[str, int]:
    """``text`` (wider than ``width``) cut to at most ``width - 1`` cells, then …; and its cells.
    The characters' running widths are summed in C and the cut found by bisection."""
    from bisect import bisect_right

    from plantui.linebreak import char_width

    running = list(itertools.accumulate(map(char_width, text)))
    kept = bisect_right(running, width - 1)  # running widths never fall: the first that overflows
    return text[:kept] + "…", (running[kept - 1] if kept else 0) + char_width("…")


def print_wrapped(console: Console, text: Any, indent: int, hang: int) -> None:
    """Print a Rich Text indented by ``indent`` cells, its further lines by ``indent + hang``,
    broken by the Chinese rules (no line starts with ，。 or ends with （“)."""
    from rich.text import Text

    lines = wrapped(text, console.width, indent, hang)
    console.print(Text("\n").join(lines), no_wrap=True, overflow="ignore", crop=False)


def wrapped(text: Any, width: int, indent: int, hang: int) -> list[Any]:
    """The lines of ``text`` (a Rich Text) for ``width`` cells, as print_wrapped lays them out."""
    from rich.text import Text

    from plantui.linebreak import break_offsets

    width = max(width, 20)
    offsets = break_offsets(text.plain, width - indent - hang, first=width - indent)
    lines = []
    for index, line in enumerate(text.divide(offsets)):
        line.rstrip()
        lines.append(Text(" " * (indent + (hang if index else 0))) + line)
    return lines


def _wrapped_lines(text: str, width: int, indent: int, hang: int) -> list[tuple[int, str]]:
    """Plain ``text`` as ``wrapped`` lays it out: each line's margin and its text."""
    from plantui.linebreak import break_offsets

    width = max(width, 20)
    offsets = [0, *break_offsets(text, width - indent - hang, first=width - indent), len(text)]
    return [
        (indent + (hang if index else 0), text[start:end].rstrip())
        for index, (start, end) in enumerate(itertools.pairwise(offsets))
    ]
