"""The day's writing prompt above the entry: "Another" turns to the next one, "Write about it" quotes it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from rutjournal.core.i18n import _
from rutjournal.core.journal.prompts import prompt_for


class PromptBar(QWidget):
    """``turn`` counts the user's "Another"s on the day shown (0: the day's own prompt)."""

    quote_wanted = Signal(str)  # the prompt's text, to be put in the entry as a quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = dt.date.today()
        self.turn = 0
        self.text = ""
        self.label = QLabel(wordWrap=True)
        self.label.setObjectName("prompt")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.another = QToolButton()
        # TRANSLATORS: a button that shows another writing prompt
        self.another.setText(_("Another"))
        self.another.setToolTip(_("Show another prompt"))
        self.use = QToolButton()
        self.use.setText(_("Write about it"))
        self.use.setToolTip(_("Put the prompt in the entry as a quote"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.use)
        row.addWidget(self.another)
        self.another.clicked.connect(lambda: self.show_for(self.day, self.turn + 1))
        self.use.clicked.connect(lambda: self.quote_wanted.emit(self.text))

    def show_for(self, day: dt.date, turn: int = 0) -> None:
        self.day, self.turn = day, turn
        prompt = prompt_for(day, turn)
        self.label.setText(f"<b>{prompt.step_name}</b> — {prompt.text}")
        self.text = prompt.text
