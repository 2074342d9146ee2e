"""The core never imports Textual (only plantui.tui does)."""

from __future__ import annotations

import subprocess
import sys


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import plantui, plantui.cli, plantui.db, plantui.search, plantui.export, plantui.parse, "
        "plantui.importer, plantui.read, plantui.read.text, plantui.segment\n"
        "assert 'textual' not in sys.modules, 'textual imported by the core'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
