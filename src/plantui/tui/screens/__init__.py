"""Modal screens: help, export, first-run import."""
