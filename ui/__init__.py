"""The resident touch interface (PySide6 Qt Widgets)."""
