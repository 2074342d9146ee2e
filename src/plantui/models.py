"""Plain records for plans: Document, Node, Paragraph, Target. No I/O here."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A passage of source text: one paragraph, or a heading's own text.

    ``line``/``line_end`` are 1-based lines of the source as imported; a paragraph
    that a blank line or a hard wrap broke in two spans both parts.
    """

    text: str
    line: int
    line_end: int
    # (offset in ``text``, source line) where each further source line begins (joined paragraphs)
    breaks: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    # a body that runs on from its heading with nothing between them (第十二条金融机构…)
    glued: bool = field(default=False, compare=False)
    # a table row (of a Word, PDF or web page's table): data, written back as a row by the export
    row: bool = field(default=False, compare=False)

    def line_at(self, offset: int) -> int:
        """Source line of the character at ``offset``."""
        index = bisect.bisect_right([b[0] for b in self.breaks], offset)
        return self.breaks[index - 1][1] if index else self.line


def _glued(head: Paragraph, body: Paragraph) -> bool:
    """A heading whose text runs on into its body on the same line with nothing between
    (第十二条金融机构…): a passage boundary there would hide a phrase that crosses it."""
    return body.glued and body.line == head.line_end


def _joined(head: Paragraph, body: Paragraph) -> Paragraph:
    shift = len(head.text)
    breaks = (*head.breaks, *((offset + shift, line) for offset, line in body.breaks))
    return Paragraph(head.text + body.text, head.line, body.line_end, breaks)


@dataclass(frozen=True)
class Node:
    """One heading of the outline with its own body; children are nested nodes.

    ``heading`` is the heading as written (label and title, e.g. ``（一）发展基础。``);
    ``paragraphs`` is the body of this node only, children excluded.
    ``line``/``line_end`` span the node and all of its children.
    """

    kind: str
    label: str
    number: int | None
    title: str
    heading: Paragraph | None
    line: int
    line_end: int
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Node, ...] = ()

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by newlines."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def display_title(self) -> str:
        """The heading as a reader expects it in a breadcrumb: ``（一）发展基础``."""
        return display_title(self.kind, self.label, self.title)

    def walk(self) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        """Yield (node, ancestors) for this node and its descendants, depth first."""
        yield from _walk(self, ())


def _walk(node: Node, ancestors: tuple[Node, ...]) -> Iterator[tuple[Node, tuple[Node, ...]]]:
    yield node, ancestors
    for child in node.children:
        yield from _walk(child, (*ancestors, node))


_LABEL_FORMS = {
    "volume": "第{}篇",
    "chapter": "第{}章",
    "division": "第{}节",
    "article": "第{}条",
    "part": "{}、",
    "section": "（{}）",
    "item": "{}.",
    "subitem": "（{}）",
    "column": "专栏{}：",
    "appendix": "附件{}：",
}


def display_title(kind: str, label: str, title: str) -> str:
    """Label and title in the usual written form, e.g. ``四、主要任务`` or ``专栏九：信息产业``."""
    form = _LABEL_FORMS.get(kind)
    if form is None or (not label and kind not in ("column", "appendix")):
        return title
    if "." in label and kind in ("section", "item", "subitem"):
        return f"{label} {title}".strip()  # decimal numbering (8.4, 8.4.1) is written as it is
    head = form.format(label)
    if not title:
        return head.rstrip("：、.")
    if kind in ("volume", "chapter", "division", "article"):
        head += " "
    return head + title


@dataclass(frozen=True)
class Target:
    """A quantified aim with a deadline, e.g. 5G基站数量 达到 7万个 by 2022."""

    year: int | None
    indicator: str
    value: float
    unit: str
    text: str
    line: int
    value_max: float | None = None
    comparator: str = "="
    aspirational: bool = False
    baseline_year: int | None = None
    baseline_value: float | None = None
    attribute: str | None = None  # 预期性 / 约束性 when stated
    path: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A parsed plan: metadata, the preamble before the first heading, the outline, targets."""

    title: str
    outline: tuple[Node, ...] = ()
    preamble: tuple[Paragraph, ...] = ()
    title_from: str = "text"  # text | file | user
    issuer: str | None = None
    doc_number: str | None = None
    issued: str | None = None
    published: str | None = None
    period: tuple[int, int] | None = None
    region: str | None = None
    kind: str | None = None
    targets: tuple[Target, ...] = ()
    line_count: int = 0
    extra: dict[str, str] = field(default_factory=dict)
    page_starts: tuple[int, ...] = ()  # first line of every page (PDF); empty without pages
    # lines that only label metadata (## 政策标题：): searchable, never shown as text or exported
    labels: tuple[Paragraph, ...] = ()

    def walk(self) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        """Yield (node, ancestors) for every node in reading order."""
        for node in self.outline:
            yield from node.walk()

    def paragraphs(self) -> Iterator[tuple[Paragraph, Node | None, str]]:
        """Every passage in reading order with its node (None for the preamble) and role.

        Role is ``head`` for a heading's own text, ``label`` for a line labelling metadata and
        ``body`` otherwise.
        """
        front = [(p, "label") for p in self.labels] + [(p, "body") for p in self.preamble]
        for para, role in sorted(front, key=lambda pair: pair[0].line) if self.labels else front:
            yield para, None, role
        for node, _ in self.walk():
            paragraphs = node.paragraphs
            if node.heading is not None:
                head = node.heading
                if paragraphs and _glued(head, paragraphs[0]):
                    # 第十二条金融机构应当…: one passage, so a search for 条金融 finds the line
                    head, paragraphs = _joined(head, paragraphs[0]), paragraphs[1:]
                yield head, node, "head"
            for para in paragraphs:
                yield para, node, "body"
