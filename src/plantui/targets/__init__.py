"""Document → Targets: the quantified aims a plan sets, with year, indicator, value and unit.

In: a parsed Document. Out: its Targets in reading order. The stages:

- sentences.py  paragraphs → sentences → clauses, each with the year the text around it gives
- pieces.py     a sentence the parser left in pieces over several paragraphs, joined again
- clauses.py    a clause → its targets, each amount read in one of four shapes (A, B, E, C)
- amounts.py    the amounts in a clause (number, range, magnitude, unit, 以上/左右)
- tables.py     indicator tables found among the paragraphs (rows with separators,
                flattened one cell a line, or cells separated by spaces)
- layout.py     indicator tables laid out in columns by a PDF's text extraction (a 纲要's 主要指标)
- cells.py      one table row → targets under the header's value columns
- words.py      the word lists and patterns all of them share
- phrases.py    an indicator's name cleaned of years, conditions and fillers; the names a 分别 lists;
                small string helpers of the clause reader
"""

from __future__ import annotations

from plantui.targets.sentences import extract_targets, reference_year

__all__ = ["extract_targets", "reference_year"]
