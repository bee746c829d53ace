"""The Guidance section's editor for one conversation: who, when, agenda, notes, options and follow-ups.

It only shows a conversation; the view saves its fields, adds the options and follow-ups typed in it and removes an
option taken back. Who and when sit in two short rows above two tabs — the agenda and notes to prepare and hold it, the options and
follow-ups that came of it — so each text box keeps several lines even in a small window.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text
from rutjournal.core.guidance.service import OPTION_LABELS, ROLE_LABELS, ConversationView, FollowupView
from rutjournal.core.i18n import _, in_words, ngettext
from rutjournal.ui.widgets.date_field import DateField, day_edit, qdate

AGENDA_LINES = 4  # the fewest lines of agenda shown, however small the window
NOTES_LINES = 3
LIST_ROWS = 2


def followup_line(f: FollowupView, today: dt.date) -> str:
    """ "You owe: send the plan — due 3 Dec, 2 days late", or "Dana owes you: …" (the name of the other)."""
    mine = f.owner == "me"
    late = (today - f.due).days if f.due else 0
    if f.due and late > 0 and not f.done_on:
        if mine:
            # TRANSLATORS: a follow-up you owe; {text} is what, {day} its due date ("3 Dec"), {count} a number of days
            words = ngettext(
                "You owe: {text} — due {day}, {count} day late",
                "You owe: {text} — due {day}, {count} days late",
                late,
            )
        else:
            # TRANSLATORS: a follow-up owed to you by {name}; {text} is what, {day} its due date, {count} a number of days
            words = ngettext(
                "{name} owes you: {text} — due {day}, {count} day late",
                "{name} owes you: {text} — due {day}, {count} days late",
                late,
            )
    elif f.due:
        # TRANSLATORS: a follow-up you owe, or {name} owes you; {text} is what, {day} its due date ("3 Dec")
        words = _("You owe: {text} — due {day}") if mine else _("{name} owes you: {text} — due {day}")
    else:
        # TRANSLATORS: a follow-up you owe, or {name} owes you; {text} is what
        words = _("You owe: {text}") if mine else _("{name} owes you: {text}")
    day = text.short_day(f.due, today) if f.due else ""
    return words.format(name=f.with_name, text=f.text, day=day, count=text.whole(late))


def at_least_lines(box: QAbstractScrollArea, lines: int) -> None:
    """Keep a text box or list at least ``lines`` lines of its font tall (a squeezed layout made them one)."""
    frame = 2 * box.frameWidth() + 8
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + frame)


def fit_rows(box: QListWidget, most: int) -> None:
    """A list as tall as its rows, up to ``most`` of them (it scrolls beyond): the boxes above and below the
    conversations take no more room than what they hold."""
    rows = max(1, min(box.count(), most))
    height = sum(box.sizeHintForRow(i) for i in range(rows)) if box.count() else box.fontMetrics().height()
    box.setFixedHeight(height + 2 * box.frameWidth() + 4)


class ConversationEditor(QWidget):
    """The open conversation's fields, with the rows that add options offered and follow-ups."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_with = QLineEdit()
        self.edit_with.setAccessibleName(_("With whom"))
        self.edit_role = QComboBox()
        self.edit_role.setAccessibleName(_("Their role"))
        for role, label in ROLE_LABELS.items():
            self.edit_role.addItem(_(label), role)
        # TRANSLATORS: what a screen reader says of the field holding the day of a conversation
        self.edit_day = day_edit(_("Date"))
        # TRANSLATORS: a check box: the conversation has taken place
        self.held = QCheckBox(_("Held"))
        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName(_("Agenda"))
        self.notes = QPlainTextEdit(placeholderText=_("What was said"))
        # TRANSLATORS: what was noted during a conversation
        self.notes.setAccessibleName(_("Notes"))
        self.outcome = QLineEdit(placeholderText=_("Outcome in a line"))
        self.outcome.setAccessibleName(_("Outcome"))
        self.options = QListWidget()
        self.options.setAccessibleName(_("Options offered"))
        self.option_kind = QComboBox()
        self.option_kind.setAccessibleName(_("Kind of option"))
        for kind, label in OPTION_LABELS.items():
            self.option_kind.addItem(_(label), kind)
        self.option_said = QLineEdit(placeholderText=_("what was said about it"))
        self.option_said.setAccessibleName(_("What was said"))
        self.option_button = QPushButton(_("Add option"))
        self.option_remove = QPushButton(_("Remove option"))
        self.option_remove.setToolTip(_("Take back the option selected above"))
        self.option_remove.setEnabled(False)
        self.options.currentRowChanged.connect(lambda row: self.option_remove.setEnabled(row >= 0))
        self.followups = QListWidget()
        self.followups.setAccessibleName(_("Follow-ups"))
        self.followups.setWordWrap(True)
        self.followup_text = QLineEdit(placeholderText=_("a follow-up action"))
        self.followup_text.setAccessibleName(_("Follow-up"))
        self.followup_owner = QComboBox()
        self.followup_owner.setAccessibleName(_("Who owes it"))
        # TRANSLATORS: the answers to "Who owes it?" (a follow-up of a conversation): I owe it, or they do
        self.followup_owner.addItem(_("I do"), "me")
        self.followup_owner.addItem(_("they do"), "them")
        # TRANSLATORS: a check box before a date: the follow-up is due on that day
        self.followup_due = DateField(_("due"))
        self.followup_button = QPushButton(_("Add follow-up"))
        self.delete_button = QPushButton(_("Delete conversation…"))
        # TRANSLATORS: a button that saves a brief for a one-on-one meeting ("1:1")
        self.brief_button = QPushButton(_("1:1 brief…"))
        self.brief_button.setToolTip(_("Save a brief for this conversation as PDF or Markdown"))
        self.brief_print = QPushButton(_("Print brief…"))
        for box, lines in (
            (self.agenda, AGENDA_LINES),
            (self.notes, NOTES_LINES),
            (self.options, LIST_ROWS),
            (self.followups, LIST_ROWS),
        ):
            at_least_lines(box, lines)

        who = QGridLayout()
        # TRANSLATORS: a label before the name of the person a conversation is with
        who.addWidget(QLabel(_("With")), 0, 0)
        who.addWidget(self.edit_with, 0, 1)
        who.addWidget(self.edit_role, 0, 2)
        who.addWidget(self.delete_button, 0, 3)
        # TRANSLATORS: a label before the day of a conversation
        who.addWidget(QLabel(_("On")), 1, 0)
        when = QHBoxLayout()
        when.addWidget(self.edit_day)
        when.addWidget(self.held)
        when.addStretch(1)
        when.addWidget(self.brief_button)
        when.addWidget(self.brief_print)
        who.addLayout(when, 1, 1, 1, 3)
        who.setColumnStretch(1, 1)

        prepare = QWidget()
        pv = QVBoxLayout(prepare)
        caption = QLabel(
            _("Agenda (prefilled from your open gaps and stalled goals; edit freely)"), wordWrap=True
        )
        pv.addWidget(caption)
        pv.addWidget(self.agenda, 3)
        pv.addWidget(QLabel(_("Notes")))
        pv.addWidget(self.notes, 2)
        pv.addWidget(self.outcome)

        results = QWidget()
        rv = QVBoxLayout(results)
        head = QHBoxLayout()
        head.addWidget(QLabel(_("Options offered")), 1)
        head.addWidget(self.option_remove)  # up here, apart from Add: a slip of the mouse adds, never removes
        rv.addLayout(head)
        rv.addWidget(self.options, 1)
        row = QHBoxLayout()
        for w in (self.option_kind, self.option_said, self.option_button):
            row.addWidget(w, 1 if w is self.option_said else 0)
        rv.addLayout(row)
        rv.addWidget(QLabel(_("Follow-ups (tick when done)")))
        rv.addWidget(self.followups, 1)
        row = QHBoxLayout()
        for w in (self.followup_text, self.followup_owner):
            row.addWidget(w, 1 if w is self.followup_text else 0)
        rv.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.followup_due, 1)
        row.addWidget(self.followup_button)
        rv.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(prepare, _("Agenda and notes"))
        self.tabs.addTab(results, _("Options and follow-ups"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(who)
        layout.addWidget(self.tabs, 1)

    def show_conversation(self, c: ConversationView) -> None:
        """Fill the fields without their change signals, so showing a conversation does not re-save it."""
        widgets = (
            self.agenda,
            self.notes,
            self.outcome,
            self.held,
            self.edit_with,
            self.edit_role,
            self.edit_day,
        )
        for w in widgets:
            w.blockSignals(True)
        if self.agenda.toPlainText() != c.agenda:
            self.agenda.setPlainText(c.agenda)
        if self.notes.toPlainText() != c.notes:
            self.notes.setPlainText(c.notes)
        self.outcome.setText(c.outcome)
        self.held.setChecked(c.held)
        if self.edit_with.text() != c.with_name:
            self.edit_with.setText(c.with_name)
        self.edit_role.setCurrentIndex(self.edit_role.findData(c.role))
        self.edit_day.setDate(qdate(c.day))
        self.options.clear()
        for o in c.options:
            label = in_words(OPTION_LABELS, o.kind)
            # TRANSLATORS: an option offered in a conversation, and what was said of it: "Course: next spring"
            item = QListWidgetItem(
                _("{option}: {said}").format(option=label, said=o.said) if o.said else label
            )
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            self.options.addItem(item)
        self.option_remove.setEnabled(False)
        self.followups.blockSignals(True)
        self.followups.clear()
        today = dt.date.today()
        for f in c.followups:
            item = QListWidgetItem(followup_line(f, today))
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if f.done_on else Qt.CheckState.Unchecked)
            if f.due:
                # TRANSLATORS: a tooltip on a follow-up; {day} is its due date, e.g. "Thu 3 Dec 2026"
                item.setToolTip(_("Due {day}").format(day=text.day(f.due)))
            self.followups.addItem(item)
        self.followups.blockSignals(False)
        open_ = sum(f.done_on is None for f in c.followups)
        if open_:
            # TRANSLATORS: the name of a tab; {count} is how many follow-ups are not done yet
            name = ngettext(
                "Options and follow-ups ({count} open)", "Options and follow-ups ({count} open)", open_
            ).format(count=text.whole(open_))
        else:
            name = _("Options and follow-ups")
        self.tabs.setTabText(1, name)
        for w in widgets:
            w.blockSignals(False)
