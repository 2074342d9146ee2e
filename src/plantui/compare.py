"""Targets across plans: filter them, group indicators that name the same thing, lay them side by side.

Grouping is by a key made from the indicator: width folded, spaces, quotes and bracketed
notes removed, a leading 全省/全市 and a trailing 数量/规模/总量 dropped, so that
5G基站 and 5G基站数量 meet, while 工业互联网平台 and 综合性工业互联网平台 stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from plantui import patterns as P
from plantui.models import Target

_NOTES = re.compile(r"[(（][^()（）]*[)）]")
_QUOTES = re.compile(r"[“”\"‘’'《》「」\s]")
_LEADING = re.compile(r"^(?:全省|全市|全区|全县|全国|我省|我市|省级|市级)")
_TRAILING = re.compile(r"(?:数量|总数|个数|总量|规模|数)$")


@dataclass(frozen=True)
class PlanTarget:
    """A target with the plan it comes from."""

    document_id: int
    title: str
    source: str
    region: str | None
    target: Target
    page: int | None = None  # the PDF page of the target's sentence


@dataclass(frozen=True)
class Group:
    """Targets that measure the same indicator, by plan."""

    key: str
    label: str  # the indicator as most plans write it
    by_plan: dict[int, list[PlanTarget]]


def indicator_key(indicator: str) -> str:
    """The grouping key of an indicator: 全省5G基站数量 → 5G基站."""
    text = _QUOTES.sub("", _NOTES.sub("", P.fold(indicator)))
    text = _LEADING.sub("", text)
    stripped = _TRAILING.sub("", text)
    return stripped if len(stripped) >= 2 else text


def select(
    rows: Iterable[PlanTarget], *, year: int | None = None, keyword: str | None = None
) -> list[PlanTarget]:
    """Targets of the given year whose indicator (or sentence) contains the keyword."""
    out = []
    for row in rows:
        if year is not None and row.target.year != year:
            continue
        if keyword and keyword not in row.target.indicator and keyword not in row.target.text:
            continue
        out.append(row)
    return out


def compare(rows: Sequence[PlanTarget], keyword: str) -> list[Group]:
    """Groups of targets whose indicator contains ``keyword``, each with its targets per plan."""
    wanted = P.fold(keyword).replace(" ", "")
    groups: dict[str, list[PlanTarget]] = {}
    for row in rows:
        if wanted and wanted not in P.fold(row.target.indicator).replace(" ", ""):
            continue
        groups.setdefault(indicator_key(row.target.indicator), []).append(row)
    out = []
    for key, members in groups.items():
        by_plan: dict[int, list[PlanTarget]] = {}
        for member in members:
            by_plan.setdefault(member.document_id, []).append(member)
        for targets in by_plan.values():
            targets.sort(key=lambda m: (m.target.year or 0, m.target.line))
        names = [m.target.indicator for m in members]
        label = min(set(names), key=lambda n: (-names.count(n), len(n)))
        out.append(Group(key, label, by_plan))
    out.sort(key=lambda g: (-len(g.by_plan), -sum(len(v) for v in g.by_plan.values()), g.key))
    return out


def plans_of(groups: Sequence[Group], rows: Sequence[PlanTarget]) -> list[PlanTarget]:
    """One row per plan that appears in the groups, in document order (for column headings)."""
    seen: dict[int, PlanTarget] = {}
    for row in rows:
        if any(row.document_id in g.by_plan for g in groups):
            seen.setdefault(row.document_id, row)
    return [seen[k] for k in sorted(seen)]
