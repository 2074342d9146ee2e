"""Helpers shared by the tests: paths, outline rows, gold comparison."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from plantui.models import Document, Node

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = FIXTURES / "gold"
STYLES = FIXTURES / "styles"
SCORED = {
    "volume",
    "chapter",
    "division",
    "article",
    "part",
    "section",
    "item",
    "subitem",
    "column",
    "heading",
    "appendix",
}
_TRIM = re.compile(r"^[\s\u3000。．.：:；;，,]+|[\s\u3000。．.：:；;，,]+$")


def outline_rows(nodes: tuple[Node, ...], depth: int = 1) -> list[list[Any]]:
    """[depth, kind, label, title] for the scored kinds; leads are looked through."""
    out: list[list[Any]] = []
    for node in nodes:
        if node.kind in SCORED:
            out.append([depth, node.kind, node.label, node.title])
            out += outline_rows(node.children, depth + 1)
        else:
            out += outline_rows(node.children, depth)
    return out


def norm(text: str) -> str:
    """The checker's normalisation: whitespace removed, edge punctuation trimmed."""
    return _TRIM.sub("", re.sub(r"[\s\u3000]+", "", text or ""))


def keyed(rows: list[list[Any]]) -> list[tuple[Any, ...]]:
    """Rows keyed like ../shared/tools/score.py: (kind, label, title, parent key)."""
    stack: list[tuple[Any, ...]] = []
    keys = []
    for depth, kind, label, title in rows:
        del stack[depth - 1 :]
        key = (kind, norm(str(label)), norm(title), stack[-1] if stack else None)
        keys.append(key)
        stack.append(key)
    return keys


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
    return data


def gold_rows(name: str) -> list[list[Any]]:
    return [[n["depth"], n["kind"], n["label"], n["title"]] for n in gold(name)["outline"]]


def metadata(doc: Document) -> dict[str, Any]:
    return {
        "title": doc.title,
        "issuer": doc.issuer,
        "doc_number": doc.doc_number,
        "issued": doc.issued,
        "published": doc.published,
        "period": list(doc.period) if doc.period else None,
    }
