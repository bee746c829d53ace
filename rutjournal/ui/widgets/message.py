"""Showing a one-line message in a label, styled as an error (red, bold: see ``app.qss``) or not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setText(text)
    label.setProperty("error", error)
    label.style().polish(label)  # a dynamic property only restyles once the style is asked again
