"""The Grow section's "Challenges asked for" tab: each time you asked for more responsibility, and the answer.

It writes through the Grow service by way of the section's ``act`` (which re-reads the whole section after)
and reports a missing selection through the section's ``say``.
"""

from __future__ import annotations

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

from rutjournal.core.grow import Grow

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
        self.button = QPushButton("Log the request")
        self.answer_buttons = {a: QPushButton(f"Answer: {a}") for a in ("yes", "no", "later")}
        ch = QVBoxLayout(self)
        ch.addWidget(self.summary)
        ch.addWidget(self.items, 1)
        answers = QHBoxLayout()
        for button in self.answer_buttons.values():
            answers.addWidget(button)
        ch.addLayout(answers)
        ch_row = QHBoxLayout()
        for w in (self.what, self.asked_of, self.button):
            ch_row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
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
                f"{ch.asked_on:%d %b %Y} · asked {ch.asked_of}: {ch.what} — {ANSWER_WORDS[ch.answer]}"
            )
            item.setData(Qt.ItemDataRole.UserRole, ch.id)
            self.items.addItem(item)
        granted = sum(1 for ch in challenges if ch.answer == "yes")
        self.summary.setText(
            f"You asked for more responsibility {len(challenges)} time{'s' if len(challenges) != 1 else ''}; "
            f"{granted} granted."
            if challenges
            else "When you ask for more responsibility, log it here with the answer."
        )

    def _add(self) -> None:
        grow = self.grow
        if grow is None:
            return
        what, of = self.what.text(), self.asked_of.text()
        if self._act(
            lambda: grow.add_challenge(what, of), "Request logged. Record the answer when it comes."
        ):
            self.what.clear()
            self.asked_of.clear()

    def _answer(self, answer: str) -> None:
        item = self.items.currentItem()
        ident = item.data(Qt.ItemDataRole.UserRole) if item else None
        grow = self.grow
        if grow is None or ident is None:
            self._say("Select a request in the list first.", error=True)
            return
        self._act(lambda: grow.answer_challenge(int(ident), answer), f"Answer recorded: {answer}.")
