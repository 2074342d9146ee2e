"""``python -m plantui`` runs the command line."""

from plantui.cli import main

main()
