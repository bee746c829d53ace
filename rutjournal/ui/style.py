"""The app's look: the style sheet from ``resources/styles``, adjusted to a light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rutjournal.resources import resource_path


def is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    sheet = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    app.setStyleSheet(sheet)
