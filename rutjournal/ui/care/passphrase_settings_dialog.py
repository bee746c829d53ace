"""The dialog of File → Passphrase…: set a passphrase on a plain journal, or change or remove it.

It only collects what the user typed and says what happened; the window does the converting (it must let go
of the journal first, see passphrase_settings.py). The main button stays disabled until what was typed can be
used, so a typo in the repeat never reaches the conversion. It opens with ``open()``, never ``exec()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.i18n import _, ngettext
from rutjournal.core.storage.cipher import MIN_LENGTH
from rutjournal.core.text import whole
from rutjournal.ui.widgets.message import show_message

Action = Literal["set", "change", "remove"]
QWidgetT = TypeVar("QWidgetT", bound=QWidget)


@dataclass(frozen=True)
class Request:
    """What the user asked for; passphrases are kept out of the repr so they never reach a log."""

    action: Action
    current: str | None = field(default=None, repr=False)
    new: str | None = field(default=None, repr=False)


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _named(widget: QWidgetT, name: str) -> QWidgetT:
    widget.setObjectName(name)
    return widget


def _secret(name: str) -> QLineEdit:
    field_ = _named(QLineEdit(), name)
    field_.setEchoMode(QLineEdit.EchoMode.Password)
    field_.setMinimumWidth(260)
    return field_


def _keep_room(widget: QWidget, keep: bool) -> None:
    """Keep a hidden widget's room in the layout, so the form does not jump when the busy bar shows."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(keep)
    widget.setSizePolicy(policy)


class PassphraseSettingsDialog(QDialog):
    """Says whether the journal is encrypted and offers what can be done; ``requested`` carries a Request."""

    requested = Signal(object)

    def __init__(self, encrypted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.encrypted = encrypted
        self.busy = False
        self.setObjectName("passphraseSettings")
        # TRANSLATORS: the title of the dialog that sets, changes or removes the journal's passphrase.
        self.setWindowTitle(_("Passphrase"))
        self.state = _label(self._state_text(), "passphraseState")
        self.state.setStyleSheet("font-weight: bold;")
        self.current = _secret("currentPassphrase")
        self.remove_current = _secret("removeCurrentPassphrase")
        self.new = _secret("newPassphrase")
        self.repeat = _secret("repeatPassphrase")
        self.hint = _label("", "passphraseHint")
        self.message = _label("", "passphraseMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.working = _label("", "passphraseWorking")
        self.progress = _named(QProgressBar(), "passphraseProgress")
        self.progress.setRange(0, 0)  # no steps to count: a bar that only says "busy"
        self.progress.setTextVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.ok_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self._go)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.state)
        self.tabs: QTabWidget | None = None
        if encrypted:
            self.tabs = _named(QTabWidget(), "passphraseTabs")
            self.tabs.addTab(self._change_page(), _("Change passphrase"))
            self.tabs.addTab(self._remove_page(), _("Remove the passphrase"))
            self.tabs.currentChanged.connect(self._tab_changed)
            self.forms: QWidget = self.tabs
        else:
            self.forms = self._set_page()
        layout.addWidget(self.forms)
        layout.addWidget(self.message)
        layout.addWidget(self.working)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for widget in (self.working, self.progress):
            _keep_room(widget, True)
            widget.hide()
        for line in (self.current, self.remove_current, self.new, self.repeat):
            line.textChanged.connect(lambda _t: self._update())
        self._update()
        self.resize(520, self.sizeHint().height())
        (self.current if encrypted else self.new).setFocus()

    def _state_text(self) -> str:
        if self.encrypted:
            return _("Your journal is encrypted: it and its backups open only with the passphrase.")
        return _("Your journal is not encrypted: anyone who can open the files in your account can read it.")

    # --- the pages ----------------------------------------------------------------------------------------
    def _new_fields(self, form: QFormLayout) -> None:
        form.addRow(_("New passphrase:"), self.new)
        form.addRow(_("Type it again:"), self.repeat)
        rule = ngettext("At least {count} character.", "At least {count} characters.", MIN_LENGTH)
        form.addRow("", _label(rule.format(count=whole(MIN_LENGTH)), "passphraseRule"))
        form.addRow("", self.hint)

    def _set_page(self) -> QWidget:
        page = _named(QWidget(), "setPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            _label(
                _(
                    "Set a passphrase to encrypt the journal and its backups. rutjournal will ask for it "
                    "each time it starts."
                )
            )
        )
        form = QFormLayout()
        self._new_fields(form)
        column.addLayout(form)
        warning = _label(
            _(
                "If you forget the passphrase, nobody can read your journal any more, not even you: it "
                "cannot be recovered or reset. Exports you make (File → Export…) are not encrypted."
            ),
            "passphraseWarning",
        )
        warning.setStyleSheet("font-weight: 600;")
        column.addWidget(warning)
        return page

    def _change_page(self) -> QWidget:
        page = _named(QWidget(), "changePage")
        column = QVBoxLayout(page)
        column.addWidget(
            _label(
                _(
                    "The journal and its backups are encrypted again with the new passphrase; the current "
                    "one no longer opens them. Forget the new one and nobody can read the journal."
                )
            )
        )
        form = QFormLayout()
        form.addRow(_("Current passphrase:"), self.current)
        self._new_fields(form)
        column.addLayout(form)
        column.addStretch(1)
        return page

    def _remove_page(self) -> QWidget:
        page = _named(QWidget(), "removePage")
        column = QVBoxLayout(page)
        column.addWidget(
            _label(
                _(
                    "The journal and its backups will be stored unencrypted: anyone who can open the files "
                    "in your account can read them, and rutjournal will no longer ask for a passphrase."
                )
            )
        )
        form = QFormLayout()
        form.addRow(_("Current passphrase:"), self.remove_current)
        column.addLayout(form)
        column.addStretch(1)
        return page

    def _tab_changed(self, _index: int) -> None:
        show_message(self.message, "")  # a message about the other tab would only confuse
        self._update()

    # --- what the user typed ------------------------------------------------------------------------------
    def action(self) -> Action:
        if self.tabs is None:
            return "set"
        return "change" if self.tabs.currentIndex() == 0 else "remove"

    def problem(self) -> str:
        """What is wrong with the new passphrase typed so far ("" until there is something to say)."""
        action = self.action()
        if action == "remove":
            return ""
        new, repeat = self.new.text(), self.repeat.text()
        if len(new) < MIN_LENGTH:
            if not new:
                return ""
            # TRANSLATORS: how long the new passphrase is so far, of the least it must be: "5 of 12 characters so far."
            return _("{typed} of {least} characters so far.").format(
                typed=whole(len(new)), least=whole(MIN_LENGTH)
            )
        if repeat != new:
            return _("The two passphrases do not match yet.") if repeat else ""
        if action == "change" and new == self.current.text():
            return _("The new passphrase is the same as the current one.")
        return ""

    def ready(self) -> bool:
        """Whether the main button may be pressed: every field it needs is filled in, and fits the rule."""
        action = self.action()
        if action == "remove":
            return bool(self.remove_current.text())
        if action == "change" and not self.current.text():
            return False
        complete = len(self.new.text()) >= MIN_LENGTH and self.repeat.text() == self.new.text()
        return complete and not self.problem()

    def _update(self) -> None:
        self.ok_button.setText(
            {
                "set": _("Set passphrase"),
                "change": _("Change passphrase"),
                "remove": _("Remove passphrase"),
            }[self.action()]
        )
        self.hint.setText(self.problem())
        self.hint.setVisible(bool(self.hint.text()))
        self.ok_button.setEnabled(self.ready() and not self.busy)

    def _go(self) -> None:
        if not self.ready() or self.busy:
            return
        action = self.action()
        if action == "set":
            request = Request("set", new=self.new.text())
        elif action == "change":
            request = Request("change", current=self.current.text(), new=self.new.text())
        else:
            request = Request("remove", current=self.remove_current.text())
        show_message(self.message, "")
        self.requested.emit(request)

    # --- what the window says back ------------------------------------------------------------------------
    def set_busy(self, text: str) -> None:
        """While the files are converted: nothing can be typed, and the dialog cannot be closed."""
        self.busy = bool(text)
        self.working.setText(text)
        self.working.setVisible(self.busy)
        self.progress.setVisible(self.busy)
        self.forms.setEnabled(not self.busy)
        self.close_button.setEnabled(not self.busy)
        self._update()

    def show_error(self, text: str, *, wrong_current: bool = False) -> None:
        """Say what went wrong; everything typed stays, except a wrong current passphrase."""
        self.set_busy("")
        show_message(self.message, text, error=True)
        if wrong_current:
            field_ = self.remove_current if self.action() == "remove" else self.current
            field_.clear()
            field_.setFocus()

    def show_report(self, encrypted: bool, lines: list[str]) -> None:
        """Done, with something the user should read (files left as they were): only Close is left."""
        self.set_busy("")
        for line in (self.current, self.remove_current, self.new, self.repeat):
            line.clear()
        self.encrypted = encrypted
        self.state.setText(self._state_text())
        self.forms.hide()
        self.ok_button.hide()
        for widget in (self.working, self.progress):
            _keep_room(widget, False)  # nothing more to wait for
        show_message(self.message, "\n\n".join(lines))
        self.close_button.setFocus()
        self.setMinimumWidth(self.width())  # as wide as before, only as tall as the report needs
        self.adjustSize()

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
