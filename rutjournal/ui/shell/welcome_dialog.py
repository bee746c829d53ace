"""The first-run welcome: what rutjournal does, where the journal will be kept, and how to begin."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rutjournal.core.i18n import _

START, DEMO = "start", "demo"


class WelcomeDialog(QDialog):
    """Emits ``chosen`` with "start" (an empty journal) or "demo" (a demo journal, in a folder of its own)."""

    chosen = Signal(str)

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(_("Welcome to rutjournal"))
        heading = QLabel(_("Welcome to rutjournal"))
        heading.setObjectName("welcomeHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.about = QLabel(
            _(
                "A private journal for when work has gone flat: two minutes a day on how it went.<br>"
                "It helps you act on it: lighten your load, grow toward the next role, ask for guidance.<br>"
                "And it shows the trend, so you can tell whether to stay, push for change or leave."
            )
        )
        self.about.setWordWrap(True)
        self.where = QLabel(
            _(
                "Your journal will be one file on this computer, and nothing leaves it:<br><b>{path}</b><br>"
                "You can move it later in File → Settings."
            ).format(path=_escape(str(database)))
        )
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_button = QPushButton(_("Start my journal"))
        self.start_button.setDefault(True)
        self.demo_button = QPushButton(_("Explore a demo journal first"))
        demo_note = QLabel(
            _("The demo opens in a window of its own, with made-up data kept apart from yours.")
        )
        demo_note.setWordWrap(True)
        demo_note.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        column = QVBoxLayout(self)
        column.setSpacing(12)
        column.addWidget(heading)
        column.addWidget(self.about)
        column.addWidget(self.where)
        column.addWidget(demo_note)
        column.addStretch(1)  # any spare height goes here, not between the lines of text
        column.addLayout(buttons)
        for label in (self.about, self.where, demo_note):  # wrapped text sets the width, so heights fit it
            label.setMinimumWidth(520)
        QWidget.setTabOrder(self.start_button, self.demo_button)  # Enter and focus: start the journal
        self.start_button.setFocus()
        self.start_button.clicked.connect(lambda: self._choose(START))
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))

    def _choose(self, choice: str) -> None:
        self.accept()
        self.chosen.emit(choice)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
