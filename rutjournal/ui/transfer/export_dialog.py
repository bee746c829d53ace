"""File → Export…: the journal written out as JSON (everything, re-importable), Markdown (to read) or CSV.

The export runs on a worker thread on its own read connection, so the window stays usable; its files are
written under temporary names and renamed into place when whole, so a failed export leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.i18n import N_, _, pgettext
from rutjournal.core.transfer.exporters.files import ExportResult
from rutjournal.core.transfer.exporters.markdown_sections import SECTIONS
from rutjournal.ui.widgets.background import JobSet
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:
    from rutjournal.core.storage.db import Database

# name, button text, what it is for
CHOICES = (
    (
        "json",
        # TRANSLATORS: a choice of export format; JSON, Markdown and CSV are the formats' names.
        N_("JSON — everything"),
        # TRANSLATORS: File → Import… is the menu item of that name.
        N_("Every table the app holds; File → Import… restores it into a new journal."),
    ),
    (
        "markdown",
        N_("Markdown — for reading"),
        N_("One file per year or per month, each day under its own heading."),
    ),
    ("csv", N_("CSV — for spreadsheets"), N_("One row per day with its scores, tags and text.")),
)


def export_to(db: Database, fmt: str, out: Path, split: str, include: tuple[str, ...] = ()) -> ExportResult:
    """Write the export (on a worker thread): the core exporter of ``fmt``."""
    if fmt == "json":
        from rutjournal.core.transfer.exporters.json_export import export_json

        return export_json(db, out)
    if fmt == "csv":
        from rutjournal.core.transfer.exporters.csv_export import export_csv

        return export_csv(db, out)
    from rutjournal.core.transfer.exporters.markdown_export import export_markdown

    return export_markdown(db, out, split, include)


def destination_problem(fmt: str, out: Path, database: Path) -> str:
    """Why ``out`` cannot take this export ("" when it can): never the journal itself, a folder for Markdown."""
    own = {database.resolve(), *(database.with_name(database.name + s).resolve() for s in ("-wal", "-shm"))}
    if out.resolve() in own:
        return _("That is the journal file itself: choose another name.")
    if fmt == "markdown":
        if out.exists() and not out.is_dir():
            # TRANSLATORS: {path} is the file the user named as the place for a Markdown export.
            return _("{path} is a file; Markdown goes into a folder (it is created if missing).").format(
                path=out
            )
        folder = next(p for p in (out, *out.parents) if p.exists())  # the folders missing are created
    else:
        if out.is_dir():
            # TRANSLATORS: {path} is the folder the user named; {example} a file in it ("…/journal.json").
            return _("{path} is a folder: choose a file name in it, e.g. {example}.").format(
                path=out, example=out / ("journal." + fmt)
            )
        folder = out.parent
    if not folder.is_dir():
        return _("The folder {folder} does not exist.").format(folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _("You cannot write in {folder} (permission denied).").format(folder=folder)
    return ""


class ExportDialog(QDialog):
    """Choose the format (and the split for Markdown) and where; Export writes there and lists the files."""

    def __init__(
        self,
        db: Database,
        database: Path,
        save_pending: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # TRANSLATORS: the title of the export dialog.
        self.setWindowTitle(_("Export"))
        self.setObjectName("exportDialog")
        self.resize(620, 420)
        self.db = db
        self.database = database
        self.save_pending = save_pending
        self.chosen: Path | None = None  # a destination the user picked (else a suggestion is shown)
        self.jobs = JobSet(self)
        self.last_result: ExportResult | None = None
        self._build()
        self._format_changed()

    def _build(self) -> None:
        # TRANSLATORS: the box of the export formats to choose from.
        kinds = QGroupBox(_("Format"))
        column = QVBoxLayout(kinds)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for index, (name, text, why) in enumerate(CHOICES):
            button = QRadioButton(_(text))
            button.setChecked(index == 0)
            note = QLabel(_(why), wordWrap=True)
            note.setObjectName("formatNote")
            note.setIndent(24)
            note.setStyleSheet("color: palette(placeholder-text);")
            self.format_group.addButton(button, index)
            self.format_buttons[name] = button
            column.addWidget(button)
            column.addWidget(note)
        self.split_combo = QComboBox()
        self.split_combo.addItem(_("One file per year"), "year")
        self.split_combo.addItem(_("One file per month"), "month")
        self.split_combo.setAccessibleName(_("Markdown files"))
        self.destination = QLineEdit()
        self.destination.setAccessibleName(_("Export to"))
        self.choose_button = QPushButton(_("Choose…"))
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(_("Markdown files:"), self.split_combo)
        # TRANSLATORS: beyond-the-journal.md is the name of the file written: it stays as it is.
        self.include_rest = QCheckBox(
            _("Also tasks, goals, evidence and conversations (beyond-the-journal.md)")
        )
        self.include_rest.setAccessibleName(_("Include the rest of the journal"))
        form.addRow("", self.include_rest)
        form.addRow(_("Export to:"), where)
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("exportStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox()
        # TRANSLATORS: the button that writes the export (the dialog's title is "Export" too).
        export_text = pgettext("button", "Export")
        self.export_button = self.buttons.addButton(export_text, QDialogButtonBox.ButtonRole.ApplyRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(kinds)
        layout.addLayout(form)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)
        self.format_group.idToggled.connect(self._format_toggled)
        self.choose_button.clicked.connect(self.choose_destination)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)
        self.destination.textEdited.connect(
            lambda text: setattr(self, "chosen", Path(text) if text else None)
        )

    def format(self) -> str:
        return CHOICES[max(0, self.format_group.checkedId())][0]

    def set_format(self, name: str) -> None:
        self.format_buttons[name].setChecked(True)

    def split(self) -> str:
        return str(self.split_combo.currentData())

    def _format_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._format_changed()

    def _format_changed(self) -> None:
        """Markdown is a folder with a split; the others a file, suggested by date in the home folder."""
        fmt = self.format()
        self.split_combo.setEnabled(fmt == "markdown")
        self.include_rest.setEnabled(fmt == "markdown")
        self.choose_button.setText(_("Choose folder…") if fmt == "markdown" else _("Choose file…"))
        if self.chosen is None:
            stem = f"rutjournal-{dt.date.today():%Y-%m-%d}"
            self.destination.setText(str(Path.home() / (stem if fmt == "markdown" else f"{stem}.{fmt}")))
        else:
            self.destination.setText(str(self.chosen))

    def choose_destination(self) -> None:
        fmt = self.format()
        start = self.destination.text() or str(Path.home())
        if fmt == "markdown":
            name = QFileDialog.getExistingDirectory(self, _("Export Markdown into the folder"), start)
        else:
            # TRANSLATORS: a file dialog filter: translate the words, keep the pattern in brackets as it is.
            filters = _("JSON (*.json)") if fmt == "json" else _("CSV (*.csv)")
            name, _filter = QFileDialog.getSaveFileName(self, _("Export to the file"), start, filters)
        if name:
            self.set_destination(Path(name))

    def set_destination(self, path: Path) -> None:
        """Where the export goes (what Choose… calls)."""
        self.chosen = path
        self.destination.setText(str(path))

    def start_export(self) -> None:
        text = self.destination.text().strip()
        if not text:
            show_message(self.status, _("Say where to export to."), error=True)
            return
        fmt, split = self.format(), self.split()
        out = Path(text).expanduser().absolute()
        problem = destination_problem(fmt, out, self.database)
        if problem:
            # TRANSLATORS: {problem} says why the export cannot go where the user said.
            show_message(self.status, _("Not exported: {problem}").format(problem=problem), error=True)
            return
        if not self.save_pending():
            show_message(
                self.status,
                _(
                    "Your latest journal edits could not be saved (the journal says why), so they would be "
                    "missing from the export. Export again once they are saved."
                ),
                error=True,
            )
            return
        self.export_button.setEnabled(False)
        show_message(self.status, _("Exporting…"))
        db = self.db
        include = SECTIONS if fmt == "markdown" and self.include_rest.isChecked() else ()
        self.jobs.start("export", lambda: export_to(db, fmt, out, split, include), self._export_done)

    def _export_done(self, result: object, error: object) -> None:
        self.export_button.setEnabled(True)
        if isinstance(result, ExportResult):
            self.last_result = result
            # TRANSLATORS: the first line above the list of files an export wrote.
            show_message(self.status, "\n".join([_("Done."), *result.lines()]))
            return
        if isinstance(error, OSError):
            # TRANSLATORS: {error} is the system's reason ("Permission denied").
            text = _("Not exported: could not write ({error}); nothing was written").format(
                error=error.strerror or error
            )
        else:  # a RutjournalError's message is in the user's language already
            text = _("Not exported: {problem}").format(problem=f"{error}")
        show_message(self.status, text, error=True)

    def wait(self) -> None:
        self.jobs.wait()
