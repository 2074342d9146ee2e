"""Score plantui's parser on a folder of real documents with gold, using the shared checker.

    python benchmarks/score_corpus.py DOCS GOLD [--out DIR] [-v]
    python benchmarks/score_corpus.py tests/fixtures/real/docs tests/fixtures/real/gold

Each file in DOCS with a gold file GOLD/<stem>.json is read, parsed and its targets extracted
in-process (no database); the documents are written as one export JSON and scored with
../shared/tools/score.py (the checker the project is judged by). Prints the checker's report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from plantui.export import export_envelope, to_json
from plantui.parse import parse_source
from plantui.read import read_file
from plantui.targets import extract_targets

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, help="keep the export JSON and the gold copy here")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-document detail")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="plantui-score-"))
    gold_dir = out / "gold"
    gold_dir.mkdir(parents=True, exist_ok=True)
    documents = []
    for number, path in enumerate(sorted(p for p in args.docs.iterdir() if p.is_file()), 1):
        gold = args.gold / f"{path.stem}.json"
        if not gold.exists():
            continue
        data, source = read_file(path)
        doc = parse_source(source, path.name)
        doc = replace(doc, targets=extract_targets(doc))
        documents.append(
            to_json(doc, document_id=number, source=str(path), sha256=hashlib.sha256(data).hexdigest())
        )
        (gold_dir / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    export = out / "export.json"
    export.write_text(json.dumps(export_envelope(documents), ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, str(SCORE), str(export), "--gold", str(gold_dir)]
    if args.verbose:
        command.append("-v")
    sys.exit(subprocess.run(command, check=False).returncode)


if __name__ == "__main__":
    main()
