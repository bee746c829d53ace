"""File → Import…: pick another app's export, see exactly what it would add, then import it all or nothing.

Nothing is written before the user presses Import: choosing a file only reads it and previews it against the
journal as it is (on a worker thread, so a large file never freezes the window). The write runs on a worker
thread too, in one transaction, with a progress bar and a Cancel that leaves the journal exactly as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.i18n import N_, _, pgettext
from rutjournal.core.transfer.importers.plan import ImportPlan
from rutjournal.core.transfer.importers.records import ImportCancelled, ImportOptions, Rejected
from rutjournal.ui.transfer.import_jobs import DialogJobs, ProgressRelay
from rutjournal.ui.transfer.import_mapping import ColumnMapTable, MoodMapTable
from rutjournal.ui.transfer.import_preview import PreviewBox
from rutjournal.ui.transfer.import_source import SourcePicker
from rutjournal.ui.transfer.import_steps import (
    Reading,
    detail_lines,
    next_step,
    preview_lines,
    problem_text,
    read_source,
    restored_words,
    summary_lines,
    write_import,
    write_restore,
)
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:
    from rutjournal.core.storage.db import Database
    from rutjournal.core.transfer.exporters.json_restore import RestoreResult

TALL = 600  # pixels: room for a readable list of rejected records
# TRANSLATORS: the apps' names stay as they are; Load is a section of the app, Import the dialog's button.
INTRO = N_(
    "Bring in what you wrote in another app: jrnl, Day One, Daylio, RedNotebook, Taskwarrior (into Load) or a "
    "spreadsheet saved as CSV, or a rutjournal export to restore. Nothing is written until you press Import; "
    "what you already have is never replaced, and importing the same file twice adds nothing."
)


class ImportDialog(QDialog):
    """The import, from choosing the source to the account of what was added; ``imported`` carries that account
    (an ImportPlan, or a RestoreResult for a rutjournal export) once it is in the journal."""

    imported = Signal(object)

    def __init__(self, db: Database, save_pending: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # TRANSLATORS: the title of the import dialog.
        self.setWindowTitle(_("Import"))
        self.setObjectName("importDialog")
        self.resize(760, TALL)
        self.db = db
        self.save_pending = save_pending
        self.source: Path | None = None
        self.forced: str | None = None  # the format the user chose over the detected one
        self.mood_scores: dict[str, int] = {}
        self.columns: dict[str, str] | None = None  # None: guessed from the headers
        self.reading: Reading | None = None
        self.generation = 0  # only the newest read is shown
        self.jobs = DialogJobs(self)
        self.stop = threading.Event()
        self.importing = False
        self.finished_ok = False
        self.listing = False  # a list of records left out is shown
        self._build()

    # --- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(_(INTRO), wordWrap=True)
        self.picker = SourcePicker()
        self.path_edit, self.file_button, self.folder_button = (
            self.picker.path_edit,
            self.picker.file_button,
            self.picker.folder_button,
        )
        self.format_combo, self.detected_label = self.picker.format_combo, self.picker.detected_label

        self.mood_box = QGroupBox(_("Daylio moods: which score each one means"))
        self.mood_table = MoodMapTable()
        QVBoxLayout(self.mood_box).addWidget(self.mood_table)
        self.column_box = QGroupBox(_("Columns: what each one holds (a date column is needed)"))
        self.column_table = ColumnMapTable()
        QVBoxLayout(self.column_box).addWidget(self.column_table)

        self.preview_box = PreviewBox()
        self.summary, self.left_out = self.preview_box.summary, self.preview_box.left_out

        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("importStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Import progress"))
        self.cancel_button = QPushButton(_("Cancel import"))
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self.running = QWidget()
        self.running.setLayout(running)
        self.running.hide()
        self.buttons = QDialogButtonBox()
        # TRANSLATORS: the button that writes the import into the journal (the dialog's title is "Import" too).
        import_text = pgettext("button", "Import")
        self.import_button = self.buttons.addButton(import_text, QDialogButtonBox.ButtonRole.ApplyRole)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.mood_box)
        layout.addWidget(self.column_box)
        layout.addWidget(self.preview_box, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.running)
        layout.addWidget(self.buttons)
        self._show_reading(None)

        self.picker.chosen.connect(self.set_source)
        self.format_combo.activated.connect(self._format_chosen)
        self.mood_table.changed.connect(self._moods_changed)
        self.column_table.changed.connect(self._columns_changed)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button.clicked.connect(self.reject)

    # --- choosing and reading -----------------------------------------------------------------------------
    def set_source(self, path: Path) -> None:
        """Start over with ``path`` (what the Choose buttons call): detect its format, read it, preview it."""
        self.source = path
        self.picker.show_path(path)
        self.forced = None
        self._forget_mapping()
        self._show_reading(None)
        self._read()

    def _forget_mapping(self) -> None:
        """A new source or format starts from the defaults and the guesses again."""
        self.mood_scores, self.columns, self.reading = {}, None, None
        self.mood_table.set_labels([], {})
        self.column_table.set_headers([], {})
        self.mood_box.hide()
        self.column_box.hide()

    def _format_chosen(self, index: int) -> None:
        name = self.format_combo.itemData(index)
        if name is None or (self.reading is not None and name == self.reading.format):
            return
        self.forced = name
        self._forget_mapping()
        self._read()

    def _moods_changed(self) -> None:
        self.mood_scores = self.mood_table.scores()
        self._read()

    def _columns_changed(self) -> None:
        self.columns = self.column_table.mapping()
        self._read()

    def _read(self) -> None:
        """Read the source again with the current choices; only the newest read is ever shown."""
        if self.source is None:
            return
        self.generation += 1
        generation, db, path, fmt = self.generation, self.db, self.source, self.forced
        options = ImportOptions(mood_map=dict(self.mood_scores) or None, csv_columns=self.columns)
        self.import_button.setEnabled(False)
        # TRANSLATORS: {name} is the name of the file being read.
        show_message(self.status, _("Reading {name}…").format(name=path.name))
        self._start(
            "import-preview",
            lambda: read_source(db, path, fmt, options),
            lambda result, error: self._read_done(generation, result, error),
        )

    def _read_done(self, generation: int, result: object, error: object) -> None:
        if generation != self.generation:
            return
        if isinstance(result, Reading):
            self.reading = result
            self._show_reading(result)
            return
        assert isinstance(error, BaseException)  # not even the format could be told: no mapping to show
        self.reading = None
        self.preview_box.show_error(problem_text(error))
        self._show_left_out([], [])
        self.format_combo.setEnabled(True)  # reading it as another format may work
        if self.forced is None:
            self.format_combo.setCurrentIndex(0)
            self.detected_label.setText("")
        show_message(self.status, _("Choose another file, or the format this one is in."))

    def _show_reading(self, reading: Reading | None) -> None:
        """Show what one read found: the format in words, the mapping step it needs, and the preview."""
        self.format_combo.setEnabled(reading is not None or self.forced is not None)
        if reading is None:
            self.detected_label.setText("")
            self.mood_box.hide()
            self.column_box.hide()
            self.preview_box.show_lines(
                [_("Choose a file or a folder above; what it holds is shown here first.")]
            )
            self._show_left_out([], [])
            show_message(self.status, "")
            self.import_button.setEnabled(False)
            return
        self.picker.show_format(reading)
        self._show_mapping(reading)
        show_message(self.status, next_step(reading))
        self.import_button.setEnabled(reading.can_import)
        if reading.error is not None:  # the mapping shown stays, so the choice that failed can be changed
            self.preview_box.show_error(problem_text(reading.error))
            self._show_left_out([], [])
            return
        self.preview_box.show_lines(preview_lines(reading))
        plan = reading.plan
        self._show_left_out(plan.rejected if plan else [], plan.skipped if plan else [])

    def _show_mapping(self, reading: Reading) -> None:
        self.mood_box.setVisible(reading.format == "daylio" and bool(reading.mood_labels))
        self.column_box.setVisible(reading.format == "csv" and bool(reading.headers))
        if reading.format == "daylio" and list(self.mood_table.combos) != reading.mood_labels:
            from rutjournal.core.transfer.importers.daylio import DEFAULT_MOOD_MAP

            self.mood_table.blockSignals(True)
            self.mood_table.set_labels(reading.mood_labels, {**DEFAULT_MOOD_MAP, **self.mood_scores})
            self.mood_table.blockSignals(False)
        if reading.format == "csv" and list(self.column_table.combos) != reading.headers:
            chosen = reading.guessed_columns if self.columns is None else self.columns
            self.column_table.blockSignals(True)
            self.column_table.set_headers(reading.headers, chosen)
            self.column_table.blockSignals(False)

    def _show_left_out(self, rejected: list[Rejected], skipped: list[Rejected]) -> None:
        self.listing = self.preview_box.show_left_out(rejected, skipped)
        QTimer.singleShot(0, self._fit_height)  # once the boxes just shown have been laid out

    def _fit_height(self) -> None:
        """As tall as the content, and taller when there is a list of records left out to read."""
        self.resize(self.width(), max(self.sizeHint().height(), TALL if self.listing else 0))

    # --- writing ------------------------------------------------------------------------------------------
    def start_import(self) -> None:
        """Save the journal's pending edits, then write on a worker thread with progress and cancel."""
        reading = self.reading
        if reading is None or not reading.can_import or self.importing:
            return
        if not self.save_pending():
            show_message(
                self.status,
                _(
                    "Your latest journal edits could not be saved (the journal says why), so nothing was "
                    "imported. Import again once they are saved."
                ),
                error=True,
            )
            return
        self.importing = True
        self.stop.clear()
        self._set_busy(True)
        db = self.db
        if reading.restore is not None:
            path = reading.path
            self.progress.setRange(0, 0)  # one transaction with no steps to count; it takes seconds at most
            self.cancel_button.setEnabled(False)
            show_message(self.status, _("Restoring…"))
            self._start("restore-export", lambda: write_restore(db, path), self._import_done)
            return
        parsed = reading.parsed
        assert parsed is not None
        relay = ProgressRelay(self)
        relay.moved.connect(self._progressed)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        show_message(self.status, _("Importing…"))
        stop = self.stop
        self._start("import", lambda: write_import(db, parsed, relay.report, stop.is_set), self._import_done)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def cancel_import(self) -> None:
        if self.importing:
            self.stop.set()
            self.cancel_button.setEnabled(False)
            show_message(self.status, _("Cancelling…"))

    def _import_done(self, result: object, error: object) -> None:
        self.importing = False
        self._set_busy(False)
        if isinstance(error, ImportCancelled):
            show_message(self.status, _("Cancelled: nothing was imported, and your journal is as it was."))
            return
        if error is not None:
            assert isinstance(error, BaseException)
            show_message(self.status, problem_text(error), error=True)
            return
        self.finished_ok = True
        self.import_button.hide()
        self.picker.set_choosing(False)
        self.mood_box.setEnabled(False)
        self.column_box.setEnabled(False)
        self.preview_box.setTitle(_("What the import did"))
        self.detected_label.setText("")
        self.preview_box.show_lines(self.done_lines(result))
        # TRANSLATORS: Close is the dialog's button of that name.
        show_message(self.status, _("Done. It is in your journal now; Close goes back to it."))
        self.imported.emit(result)

    @staticmethod
    def done_lines(result: object) -> list[str]:
        if isinstance(result, ImportPlan):
            return summary_lines(result, done=True) + detail_lines(result)
        restored: RestoreResult = result  # type: ignore[assignment]
        return [restored_words(restored)]

    def _set_busy(self, busy: bool) -> None:
        self.running.setVisible(busy)
        self.picker.set_choosing(not busy)
        for widget in (self.mood_box, self.column_box, self.import_button, self.close_button):
            widget.setEnabled(not busy)

    # --- jobs and closing ---------------------------------------------------------------------------------
    def _start(self, name: str, work: Callable[[], object], done: Callable[[object, object], None]) -> None:
        self.jobs.start(name, work, done)

    def busy(self) -> bool:
        """Whether a read or write has not been shown yet."""
        return self.jobs.busy()

    def wait(self) -> None:
        """Let a running read or write end (a write is cancelled first) before the journal is let go."""
        self.stop.set()
        self.jobs.wait()

    def reject(self) -> None:
        """Closing while an import runs cancels it instead: the dialog stays to say that nothing changed."""
        if self.importing:
            self.cancel_import()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.importing:
            self.cancel_import()
            event.ignore()
            return
        super().closeEvent(event)
