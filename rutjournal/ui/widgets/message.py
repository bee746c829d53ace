"""Telling the user: a one-line message in a label, styled as an error (red, bold: see ``app.qss``) or not;
and, before there is a window (or when it cannot open), a message on stderr and in a dialog."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QLabel


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setText(text)
    was = bool(label.property("error"))
    label.setProperty("error", error)
    if was != error:  # a dynamic property only restyles once the style is asked again; the same look needs
        label.style().polish(label)  # no asking (the window's first would also build the QStyle type, ~10 ms)


def tell_user(title: str, text: str, *, critical: bool = True) -> None:
    """Say it on stderr, and in a dialog when there is a screen to show one on."""
    print(f"rutjournal: {text}", file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox  # not at start-up: the type costs some 3 ms

    box = QMessageBox.critical if critical else QMessageBox.information
    box(None, title, text)
