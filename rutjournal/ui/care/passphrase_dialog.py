"""Asking for an encrypted journal's passphrase at start, before the window opens anything.

Three tries: a wrong passphrase says so and lets the user type again; after the third the dialog gives up and
the app quits without touching the file (SQLCipher cannot tell a wrong passphrase from a damaged file, so the
last message names both). The passphrase goes to the in-memory key registry (core.cipher) only.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from rutjournal.core.errors import DatabaseProblem
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.storage import cipher
from rutjournal.core.text import whole

log = logger(__name__)

TRIES = 3


class PassphraseDialog(QDialog):
    """A password field and OK / Quit; accepted once the passphrase opens the journal."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, tries: int = TRIES) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.tries_left = tries
        self.gave_up = False
        self.setWindowTitle(_("rutjournal: passphrase"))
        intro = QLabel(
            _("The journal {path} is encrypted.\nType its passphrase to open it:").format(path=db_path)
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("", self)
        self.message.setObjectName("passphraseMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Quit"))
        self.buttons.accepted.connect(self.try_passphrase)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.field, self.message, self.buttons):
            layout.addWidget(widget)
        self.field.setFocus()

    def try_passphrase(self) -> None:
        """Check what was typed; accept, or say it was wrong (and give up after the last try)."""
        typed = self.field.text()
        self.field.clear()
        try:
            cipher.unlock(self.db_path, typed)
        except cipher.WrongPassphrase:
            self.tries_left -= 1
            log.warning("a wrong passphrase was typed for %s", self.db_path)  # never the passphrase itself
            if self.tries_left <= 0:
                self.gave_up = True
                self.message.setText(self.failure_text())
                self.reject()
                return
            self.message.setText(
                # TRANSLATORS: the singular may use {count} too, where your language says "21 tries" that way.
                ngettext(
                    "Wrong passphrase. One try left.",
                    "Wrong passphrase. {count} tries left.",
                    self.tries_left,
                ).format(count=whole(self.tries_left))
            )
            self.field.setFocus()
            return
        except DatabaseProblem as exc:
            self.gave_up = True
            self.message.setText(str(exc))
            self.reject()
            return
        self.accept()

    def failure_text(self) -> str:
        return ngettext(
            "The passphrase did not open {path} {count} time: it is wrong, or the file is damaged. "
            "rutjournal will quit; the file was not changed.",
            "The passphrase did not open {path} {count} times: it is wrong, or the file is damaged. "
            "rutjournal will quit; the file was not changed.",
            TRIES,
        ).format(path=self.db_path, count=whole(TRIES))


def unlock_journal(db_path: Path, parent: QWidget | None = None) -> str | None:
    """Make sure the journal can be opened: None when it can, else the reason to quit, for the user.

    A plain journal asks nothing. ``RUTJOURNAL_PASSPHRASE``, when it opens the journal, spares the dialog.
    """
    if not cipher.needs_passphrase(db_path):
        return None
    given = os.environ.get(cipher.PASSPHRASE_ENV)
    if given:
        try:
            cipher.unlock(db_path, given)
            return None
        except DatabaseProblem:
            log.warning("%s did not open %s; asking instead", cipher.PASSPHRASE_ENV, db_path)
    dialog = PassphraseDialog(db_path, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return None
    if dialog.gave_up:
        return dialog.message.text()
    return ""  # the user chose Quit: nothing to say
