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
from rutjournal.core.i18n import N_, _, in_words, ngettext
from rutjournal.ui.widgets.date_field import day_edit, pydate, qdate

# The answers in words, translated where shown: _(ANSWER_WORDS[answer]), and on their buttons: _(ANSWER_BUTTONS[…]).
ANSWER_WORDS = {
    # TRANSLATORS: the answer to a request for more responsibility
    "pending": N_("no answer yet"),
    # TRANSLATORS: the answer to a request for more responsibility ("Answer: yes")
    "yes": N_("yes"),
    # TRANSLATORS: the answer to a request for more responsibility ("Answer: no")
    "no": N_("no"),
    # TRANSLATORS: the answer to a request for more responsibility: you are to ask again later ("Answer: later")
    "later": N_("later"),
}
ANSWER_BUTTONS = {
    # TRANSLATORS: a button that records the answer to a request for more responsibility
    "yes": N_("Yes"),
    # TRANSLATORS: a button that records the answer to a request for more responsibility
    "no": N_("No"),
    # TRANSLATORS: a button that records the answer to a request for more responsibility: ask again later
    "later": N_("Later"),
}


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
        self.items.setAccessibleName(_("Challenges asked for"))
        self.items.setWordWrap(True)
        self.what = QLineEdit(placeholderText=_("What you asked for, e.g. lead the vendor review"))
        self.what.setAccessibleName(_("Challenge asked for"))
        self.asked_of = QLineEdit(placeholderText=_("asked of whom"))
        self.asked_of.setAccessibleName(_("Asked of"))
        self.day = day_edit(_("Date asked"))
        self.day.setToolTip(_("When you asked: a request made weeks ago is logged with its own date."))
        self.button = QPushButton(_("Log the request"))
        self.answer_buttons = {a: QPushButton(_(label)) for a, label in ANSWER_BUTTONS.items()}
        widest = _(ANSWER_BUTTONS["later"])
        for answer, button in self.answer_buttons.items():
            said = _(ANSWER_WORDS[answer])
            # TRANSLATORS: what a screen reader says of an answer's button; {answer} is "yes", "no" or "later"
            button.setAccessibleName(_("Answer: {answer}").format(answer=said))
            # TRANSLATORS: {answer} is "yes", "no" or "later"
            button.setToolTip(_("Record the answer to the selected request: {answer}").format(answer=said))
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(widest) + 24)  # not the style's 80
        ch = QVBoxLayout(self)
        ch.addWidget(self.summary)
        ch.addWidget(self.items, 1)
        answers = QHBoxLayout()
        # TRANSLATORS: a label before the buttons Yes, No and Later
        answers.addWidget(QLabel(_("Answer:")))
        for button in self.answer_buttons.values():
            answers.addWidget(button)
        ch.addLayout(answers)
        ch.addWidget(self.what)
        ch.addWidget(self.asked_of)
        ch_row = QHBoxLayout()
        # TRANSLATORS: a label before the date field: the request was made on that day
        ch_row.addWidget(QLabel(_("on")))
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
            # TRANSLATORS: a request for more responsibility: "3 Dec · asked Dana: lead the review — no answer yet"
            line = _("{day} · asked {person}: {what} — {answer}")
            answer = in_words(ANSWER_WORDS, ch.answer)
            item = QListWidgetItem(
                line.format(day=text.short_day(ch.asked_on), person=ch.asked_of, what=ch.what, answer=answer)
            )
            item.setToolTip(_("Asked on {day}").format(day=text.day(ch.asked_on)))
            item.setData(Qt.ItemDataRole.UserRole, ch.id)
            self.items.addItem(item)
        granted = sum(1 for ch in challenges if ch.answer == "yes")
        if challenges:
            # TRANSLATORS: {count} is how many times you asked, {granted} how many of those were granted
            summary = ngettext(
                "You asked for more responsibility {count} time; {granted} granted.",
                "You asked for more responsibility {count} times; {granted} granted.",
                len(challenges),
            ).format(count=text.whole(len(challenges)), granted=text.whole(granted))
        else:
            summary = _("When you ask for more responsibility, log it here with the answer.")
        self.summary.setText(summary)

    def _add(self) -> None:
        grow = self.grow
        if grow is None:
            return
        what, of, day = self.what.text(), self.asked_of.text(), pydate(self.day.date())
        if self._act(
            lambda: grow.add_challenge(what, of, day), _("Request logged. Record the answer when it comes.")
        ):
            self.what.clear()
            self.asked_of.clear()
            self.day.setDate(qdate(dt.date.today()))

    def _answer(self, answer: str) -> None:
        item = self.items.currentItem()
        ident = item.data(Qt.ItemDataRole.UserRole) if item else None
        grow = self.grow
        if grow is None or ident is None:
            self._say(_("Select a request in the list first."), error=True)
            return
        # TRANSLATORS: {answer} is "yes", "no" or "later"
        done = _("Answer recorded: {answer}.").format(answer=_(ANSWER_WORDS[answer]))
        self._act(lambda: grow.answer_challenge(int(ident), answer), done)
