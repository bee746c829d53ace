"""Said before a quick add writes anything: the task typed seems to be one already listed. The user keeps
the listed one (optionally with the new hours) or adds the new one beside it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rutjournal.core.i18n import _
from rutjournal.core.load.brain_dump import ParsedTask
from rutjournal.core.load.task_match import Match
from rutjournal.core.load.words import task_hours


class DuplicateBar(QFrame):
    keep = Signal()  # keep the task listed, add nothing
    update_hours = Signal()  # keep the task listed, with the hours just typed
    add_anyway = Signal()  # both are meant: add the new one too

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateBar")
        self.setStyleSheet(  # set apart as the journal's prompt is: a question waiting for an answer
            "QFrame#duplicateBar { background: palette(alternate-base); border-left: 3px solid palette(highlight); }"
        )
        self.label = QLabel(wordWrap=True)
        # TRANSLATORS: a button: keep the task already listed and add nothing.
        self.keep_button = QPushButton(_("Keep the listed one"))
        # TRANSLATORS: a button: keep the task already listed, with the hours just typed.
        self.hours_button = QPushButton(_("Keep it, with the new hours"))
        # TRANSLATORS: a button: add the task typed beside the one already listed.
        self.add_button = QPushButton(_("Add both"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        for button in (self.keep_button, self.hours_button, self.add_button):
            row.addWidget(button)
        self.keep_button.clicked.connect(self.keep)
        self.hours_button.clicked.connect(self.update_hours)
        self.add_button.clicked.connect(self.add_anyway)
        self.parsed: ParsedTask | None = None
        self.match: Match | None = None
        self.hide()

    def ask(self, parsed: ParsedTask, match: Match) -> None:
        """Say which listed task the typed one looks like, and offer what can be done."""
        self.parsed, self.match = parsed, match
        listed = match.task
        if match.exact and listed.minutes_per_week:
            # TRANSLATORS: {typed} is the task just typed, {listed} the one listed, {hours} its hours a week.
            said = _("“{typed}” is already listed: “{listed}”, {hours}.")
        elif match.exact:
            # TRANSLATORS: {typed} is the task just typed, {listed} the one listed (it has no hours yet).
            said = _("“{typed}” is already listed: “{listed}”, no hours yet.")
        elif listed.minutes_per_week:
            # TRANSLATORS: {typed} is the task just typed, {listed} the one it resembles, {hours} its hours a week.
            said = _("“{typed}” looks like one already listed: “{listed}”, {hours}.")
        else:
            # TRANSLATORS: {typed} is the task just typed, {listed} the one it resembles (it has no hours yet).
            said = _("“{typed}” looks like one already listed: “{listed}”, no hours yet.")
        said = said.format(typed=parsed.title, listed=listed.title, hours=task_hours(listed.minutes_per_week))
        self.label.setText(" ".join((said, _("Nothing is added until you choose."))))
        new_hours = parsed.minutes_per_week
        # TRANSLATORS: a button: keep the task already listed, set to {hours} (hours a week: "2 h/week").
        self.hours_button.setText(_("Keep it, set {hours}").format(hours=task_hours(new_hours)))
        self.hours_button.setVisible(bool(new_hours) and new_hours != listed.minutes_per_week)
        self.show()
        self.keep_button.setFocus()

    def clear(self) -> None:
        self.parsed = self.match = None
        self.hide()
