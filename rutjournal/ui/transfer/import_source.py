"""The import dialog's first rows: where to read from (a file, or a folder for RedNotebook) and the format to
read it as — found from what the file holds, or chosen over that by the user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from rutjournal.core.i18n import _
from rutjournal.core.transfer.importers.detect import available_formats
from rutjournal.ui.transfer.import_steps import Reading, format_words


class SourcePicker(QWidget):
    """``chosen`` carries the file or folder picked; ``format_combo.activated`` a format chosen over the found
    one (its item data is the format's name, None for "not recognised")."""

    chosen = Signal(object)  # a Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path_edit = QLineEdit(readOnly=True, placeholderText=_("No file or folder chosen yet"))
        self.path_edit.setAccessibleName(_("File or folder to import"))
        self.file_button = QPushButton(_("Choose file…"))
        self.folder_button = QPushButton(_("Choose folder…"))
        self.folder_button.setToolTip(_("RedNotebook keeps its journal in a folder: choose that folder"))
        source = QHBoxLayout()
        source.addWidget(self.path_edit, 1)
        source.addWidget(self.file_button)
        source.addWidget(self.folder_button)
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(_("Read it as"))
        # TRANSLATORS: the first item of the list of formats, shown when the file's format was not found.
        self.format_combo.addItem(_("Not recognised: choose one"), None)
        for fmt in available_formats():
            self.format_combo.addItem(format_words(fmt.name), fmt.name)
        self.detected_label = QLabel()
        self.detected_label.setObjectName("detectedFormat")
        kind = QHBoxLayout()
        kind.addWidget(self.format_combo)
        kind.addWidget(self.detected_label, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Import from:"), source)
        form.addRow(_("Read it as:"), kind)
        self.file_button.clicked.connect(self.choose_file)
        self.folder_button.clicked.connect(self.choose_folder)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import from a file"),
            str(Path.home()),
            # TRANSLATORS: file dialog filters: translate the words, keep the patterns in brackets as they are.
            _("Exports (*.json *.csv *.zip *.txt)") + ";;" + _("All files (*)"),
        )
        if name:
            self.chosen.emit(Path(name))

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Import a RedNotebook data folder"), str(Path.home()))
        if name:
            self.chosen.emit(Path(name))

    def show_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.path_edit.setToolTip(str(path))

    def show_format(self, reading: Reading) -> None:
        """The format a read used, and whether it was found or chosen."""
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(reading.format)))
        if reading.detected == reading.format:
            # TRANSLATORS: beside the format chosen, how it was chosen: it follows the list of formats.
            self.detected_label.setText(
                _("found from what the file holds; pick another to read it differently")
            )
        elif reading.detected:
            # TRANSLATORS: {format} is the format the file looks like ("Daylio CSV").
            looks = _("chosen by you (it looks like a {format})").format(
                format=format_words(reading.detected)
            )
            self.detected_label.setText(looks)
        else:
            self.detected_label.setText(_("chosen by you"))

    def set_choosing(self, enabled: bool) -> None:
        """Whether another source or format may be chosen (not while importing, nor once it is done)."""
        for widget in (self.file_button, self.folder_button, self.format_combo):
            widget.setEnabled(enabled)
