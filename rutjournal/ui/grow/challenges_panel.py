"""The Grow section's "Challenges asked for" tab: each time you asked for more responsibility, and the answer.

It writes through the Grow service by way of the section's ``act`` (which re-reads the whole section after)
and reports a missing selection through the section's ``say``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text
from rutjournal.core.grow.service import Grow
from rutjournal.ui.widgets.date_field import day_edit, pydate, qdate

ANSWER_WORDS = {"pending": "no answer yet", "yes": "yes", "no": "no", "later": "later"}


class ChallengesPanel(QWidget):
    """A summary and list of the requests, buttons to record an answer, and fields to log a new request."""

    def __init__(
        self,
        act: Callable[[Callable[[], object], str], object],
        say: Callable[..., None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.grow: Grow | None = None
        self._act = act
        self._say = say
        self.summary = QLabel(wordWrap=True)
        self.items = QListWidget()
        self.items.setAccessibleName("Challenges asked for")
        self.items.setWordWrap(True)
        self.what = QLineEdit(placeholderText="What you asked for, e.g. lead the vendor review")
        self.what.setAccessibleName("Challenge asked for")
        self.asked_of = QLineEdit(placeholderText="asked of whom")
        self.asked_of.setAccessibleName("Asked of")
        self.day = day_edit("Date asked")
        self.day.setToolTip("When you asked: a request made weeks ago is logged with its own date.")
        self.button = QPushButton("Log the request")
        self.answer_buttons = {a: QPushButton(a.title()) for a in ("yes", "no", "later")}
        for answer, button in self.answer_buttons.items():
            button.setAccessibleName(f"Answer: {answer}")
            button.setToolTip(f"Record the answer to the selected request: {answer}")
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Later") + 24)  # not the style's 80
        ch = QVBoxLayout(self)
        ch.addWidget(self.summary)
        ch.addWidget(self.items, 1)
        answers = QHBoxLayout()
        answers.addWidget(QLabel("Answer:"))
        for button in self.answer_buttons.values():
            answers.addWidget(button)
        ch.addLayout(answers)
        ch.addWidget(self.what)
        ch.addWidget(self.asked_of)
        ch_row = QHBoxLayout()
        ch_row.addWidget(QLabel("on"))
        ch_row.addWidget(self.day)
        ch_row.addStretch(1)
        ch_row.addWidget(self.button)
        ch.addLayout(ch_row)
        self.button.clicked.connect(self._add)
        for answer, button in self.answer_buttons.items():
            button.clicked.connect(lambda _c=False, a=answer: self._answer(a))

    def fill(self) -> None:
        assert self.grow is not None
        self.items.clear()
        challenges = self.grow.challenges()
        for ch in challenges:
            item = QListWidgetItem(
                f"{text.short_day(ch.asked_on)} · asked {ch.asked_of}: {ch.what} — {ANSWER_WORDS[ch.answer]}"
            )
            item.setToolTip(f"Asked on {text.day(ch.asked_on)}")
            item.setData(Qt.ItemDataRole.UserRole, ch.id)
            self.items.addItem(item)
        granted = sum(1 for ch in challenges if ch.answer == "yes")
        self.summary.setText(
            f"You asked for more responsibility {text.plural(len(challenges), 'time')}; {granted} granted."
            if challenges
            else "When you ask for more responsibility, log it here with the answer."
        )

    def _add(self) -> None:
        grow = self.grow
        if grow is None:
            return
        what, of, day = self.what.text(), self.asked_of.text(), pydate(self.day.date())
        if self._act(
            lambda: grow.add_challenge(what, of, day), "Request logged. Record the answer when it comes."
        ):
            self.what.clear()
            self.asked_of.clear()
            self.day.setDate(qdate(dt.date.today()))

    def _answer(self, answer: str) -> None:
        item = self.items.currentItem()
        ident = item.data(Qt.ItemDataRole.UserRole) if item else None
        grow = self.grow
        if grow is None or ident is None:
            self._say("Select a request in the list first.", error=True)
            return
        self._act(lambda: grow.answer_challenge(int(ident), answer), f"Answer recorded: {answer}.")
