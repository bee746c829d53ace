"""Saving a report as Markdown or PDF, or printing it, from a section's button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILTERS = "PDF document (*.pdf);;Markdown (*.md)"


def save_report(parent: QWidget, title: str, suggested: str, make_markdown: Callable[[], str]) -> Path | None:
    """Ask where, then write the report there (.pdf or .md by the name chosen)."""
    name, chosen = QFileDialog.getSaveFileName(parent, f"Save {title}", str(Path.home() / suggested), FILTERS)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".md"):
        path = path.with_suffix(".md" if "Markdown" in chosen else ".pdf")
    markdown = make_markdown()
    try:
        if path.suffix.lower() == ".md":
            path.write_text(markdown, encoding="utf-8")
        else:
            from rutjournal.render.pdf import markdown_to_pdf

            markdown_to_pdf(markdown, path, title)
    except OSError as exc:
        QMessageBox.warning(parent, "rutjournal", f"Could not write {path}: {exc.strerror or exc}")
        return None
    return path


def print_report(parent: QWidget, make_markdown: Callable[[], str]) -> bool:
    """Print the report on a printer the user picks."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document = QTextDocument()
    document.setMarkdown(make_markdown())
    document.print_(printer)
    return True
