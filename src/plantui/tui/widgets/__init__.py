"""The app's widgets: outline tree, reader, tables."""
