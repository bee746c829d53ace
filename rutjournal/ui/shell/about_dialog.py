"""Help → About: the version, the licence, and in plain words where the journal is kept.

Link-free on purpose: every path is shown as text the user can select and copy, and nothing here reaches out
to the network.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rutjournal import __version__
from rutjournal.core.i18n import _
from rutjournal.core.paths import AppPaths

LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About rutjournal"))
        heading = QLabel(f"rutjournal {__version__}")
        heading.setObjectName("aboutHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        summary = QLabel(_("A private journal to get your career out of a rut."))
        self.licence = QLabel(
            _(
                "Free software under the GNU General Public License, version 3 or later ({licence}): "
                "you may use, study, share and change it."
            ).format(licence=LICENCE)
        )
        self.licence.setWordWrap(True)
        self.explanation = QLabel(
            _(
                "<b>Where is my data?</b><br>"
                "Your whole journal is one SQLite file on this computer. Backups are copies of it, kept in a "
                "“backups” folder beside it. Nothing you write leaves this machine: rutjournal has no account "
                "and no cloud, never goes online, and writes a file elsewhere only when you export one. A "
                "passphrase (File → Passphrase…) encrypts the journal and its backups, if you want that."
            )
        )
        self.explanation.setWordWrap(True)
        self.data_path = _path_label()
        self.backup_path = _path_label()
        self.log_path = _path_label()
        self.config_path = _path_label()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # TRANSLATORS: the path of the journal's database file follows
        form.addRow(_("Journal:"), self.data_path)
        form.addRow(_("Backups:"), self.backup_path)
        # TRANSLATORS: the path of the log file (for bug reports) follows
        form.addRow(_("Log:"), self.log_path)
        # TRANSLATORS: the path of the settings file follows
        form.addRow(_("Settings:"), self.config_path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(heading)
        column.addWidget(summary)
        column.addWidget(self.licence)
        column.addWidget(self.explanation)
        column.addLayout(form)
        column.addStretch(1)  # any spare height goes here, not between the paragraphs
        column.addWidget(buttons)
        for label in (self.licence, self.explanation):  # wrapped text sets the width, so heights fit it
            label.setMinimumWidth(560)
        self.set_paths(paths)

    def set_paths(self, paths: AppPaths) -> None:
        self.data_path.setText(str(paths.database))
        self.backup_path.setText(str(paths.backup_dir))
        self.log_path.setText(str(paths.log_file))
        self.config_path.setText(str(paths.settings_file))


def _path_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label
