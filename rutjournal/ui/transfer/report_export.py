"""Saving a report as Markdown or PDF, or printing it, from a section's button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from rutjournal.core.i18n import N_, _

# TRANSLATORS: file dialog filters: translate the words, keep the patterns in brackets as they are.
FILTERS = (N_("PDF document (*.pdf)"), N_("Markdown (*.md)"))


def save_report(parent: QWidget, title: str, suggested: str, make_markdown: Callable[[], str]) -> Path | None:
    """Ask where, then write the report there (.pdf or .md by the name chosen)."""
    # TRANSLATORS: the title of a file dialog; {title} is the report's name ("Promotion case", "1:1 brief").
    caption = _("Save {title}").format(title=title)
    filters = ";;".join(_(each) for each in FILTERS)
    name, chosen = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / suggested), filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".md"):
        # The filter's pattern tells which was chosen, not its words (a translation has its own).
        path = path.with_suffix(".md" if "*.md" in chosen else ".pdf")
    markdown = make_markdown()
    try:
        if path.suffix.lower() == ".md":
            path.write_text(markdown, encoding="utf-8")
        else:
            from rutjournal.render.pdf import markdown_to_pdf

            markdown_to_pdf(markdown, path, title)
    except OSError as exc:
        # TRANSLATORS: {error} is the system's reason ("Permission denied").
        message = _("Could not write {path}: {error}").format(path=path, error=exc.strerror or exc)
        QMessageBox.warning(parent, "rutjournal", message)
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
