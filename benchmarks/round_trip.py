"""Export → re-import: how many real files come back as the same plan.

    python benchmarks/round_trip.py [FOLDER ...]

Each file is read and parsed, its targets extracted, written as plantui's Markdown, and that
Markdown parsed again; the outline (kinds, labels, titles, depth), the metadata and the targets
(year, indicator, value, unit) must be the same. Default folders: the real and converted corpora,
the format fixtures, ../shared's seeds and format fixtures. Prints each file that differs and the
count of files that round-trip exactly.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from plantui.export import to_markdown  # noqa: E402
from plantui.parse import parse_markdown, parse_source  # noqa: E402
from plantui.read import ReadError, read_file  # noqa: E402
from plantui.targets import extract_targets  # noqa: E402
from support import metadata, outline_rows  # noqa: E402

FOLDERS = [
    ROOT / "tests" / "fixtures" / "real" / "docs",
    ROOT / "tests" / "fixtures" / "converted" / "docs",
    ROOT / "tests" / "fixtures" / "formats",
    ROOT.parent / "shared" / "seeds",
    ROOT.parent / "shared" / "fixtures" / "formats",
]
SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".html", ".htm"}


def differences(path: Path) -> list[str] | None:
    """What the re-imported export lost or changed; None if the file cannot be read."""
    try:
        _, source = read_file(path)
    except ReadError:
        return None
    doc = parse_source(source, path.name)
    doc = replace(doc, targets=extract_targets(doc))
    again = parse_markdown(to_markdown(doc, source=path.name), path.stem + ".md")
    out = []
    before, after = outline_rows(doc.outline), outline_rows(again.outline)
    if before != after:
        out.append(f"outline {len(before)} -> {len(after)} nodes")
    old, new = metadata(doc), metadata(again)
    changed = {k: (old[k], new.get(k)) for k in old if old[k] != new.get(k)}
    if changed:
        out.append(f"metadata {changed}")
    targets = [(t.year, t.indicator, t.value, t.unit) for t in doc.targets]
    kept = [(t.year, t.indicator, t.value, t.unit) for t in extract_targets(again)]
    if targets != kept:
        lost = len(set(targets) - set(kept))
        out.append(f"targets {len(targets)} -> {len(kept)} ({lost} lost or changed)")
    return out


def main(folders: list[Path]) -> None:
    files = [p for f in folders if f.is_dir() for p in sorted(f.iterdir()) if p.suffix.lower() in SUFFIXES]
    read = exact = 0
    for path in files:
        found = differences(path)
        if found is None:
            continue
        read += 1
        if found:
            print(f"{path.parent.name}/{path.name}: " + "; ".join(found))
        else:
            exact += 1
    print(f"{exact}/{read} files round-trip exactly (outline, metadata, targets)")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or FOLDERS)
