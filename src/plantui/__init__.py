"""plantui: read, search and compare Chinese government plans in the terminal.

The core (readers → parse/targets → db → search/export) is headless; only
``plantui.tui`` imports Textual.
"""

__version__ = "0.1.0"
