"""The app's look: Fusion, the style sheet from ``resources/styles`` and the light or dark palette (theme.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from rutjournal.ui.shell.theme import apply_theme, is_dark, theme_choice

__all__ = ["apply_style", "is_dark"]


def apply_style(app: QApplication) -> None:
    """Style the app with the theme already chosen (the system's until ``apply_theme`` says otherwise)."""
    apply_theme(app, theme_choice(app))
