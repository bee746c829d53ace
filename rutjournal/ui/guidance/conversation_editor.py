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
from rutjournal.ui.widgets.date_field import DateField, day_edit, qdate

AGENDA_LINES = 4  # the fewest lines of agenda shown, however small the window
NOTES_LINES = 3
LIST_ROWS = 2


def followup_line(f: FollowupView, today: dt.date) -> str:
    who = "You owe" if f.owner == "me" else f"{f.with_name} owes you"
    due = ""
    if f.due:
        late = (today - f.due).days
        due = f" — due {text.short_day(f.due, today)}" + (
            f", {text.plural(late, 'day')} late" if late > 0 and not f.done_on else ""
        )
    return f"{who}: {f.text}{due}"


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
        self.edit_with.setAccessibleName("With whom")
        self.edit_role = QComboBox()
        self.edit_role.setAccessibleName("Their role")
        for role, label in ROLE_LABELS.items():
            self.edit_role.addItem(label, role)
        self.edit_day = day_edit("Date")
        self.held = QCheckBox("Held")
        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName("Agenda")
        self.notes = QPlainTextEdit(placeholderText="What was said")
        self.notes.setAccessibleName("Notes")
        self.outcome = QLineEdit(placeholderText="Outcome in a line")
        self.outcome.setAccessibleName("Outcome")
        self.options = QListWidget()
        self.options.setAccessibleName("Options offered")
        self.option_kind = QComboBox()
        self.option_kind.setAccessibleName("Kind of option")
        for kind, label in OPTION_LABELS.items():
            self.option_kind.addItem(label, kind)
        self.option_said = QLineEdit(placeholderText="what was said about it")
        self.option_said.setAccessibleName("What was said")
        self.option_button = QPushButton("Add option")
        self.option_remove = QPushButton("Remove option")
        self.option_remove.setToolTip("Take back the option selected above")
        self.option_remove.setEnabled(False)
        self.options.currentRowChanged.connect(lambda row: self.option_remove.setEnabled(row >= 0))
        self.followups = QListWidget()
        self.followups.setAccessibleName("Follow-ups")
        self.followups.setWordWrap(True)
        self.followup_text = QLineEdit(placeholderText="a follow-up action")
        self.followup_text.setAccessibleName("Follow-up")
        self.followup_owner = QComboBox()
        self.followup_owner.setAccessibleName("Who owes it")
        self.followup_owner.addItem("I do", "me")
        self.followup_owner.addItem("they do", "them")
        self.followup_due = DateField("due")
        self.followup_button = QPushButton("Add follow-up")
        self.delete_button = QPushButton("Delete conversation…")
        self.brief_button = QPushButton("1:1 brief…")
        self.brief_button.setToolTip("Save a brief for this conversation as PDF or Markdown")
        self.brief_print = QPushButton("Print brief…")
        for box, lines in (
            (self.agenda, AGENDA_LINES),
            (self.notes, NOTES_LINES),
            (self.options, LIST_ROWS),
            (self.followups, LIST_ROWS),
        ):
            at_least_lines(box, lines)

        who = QGridLayout()
        who.addWidget(QLabel("With"), 0, 0)
        who.addWidget(self.edit_with, 0, 1)
        who.addWidget(self.edit_role, 0, 2)
        who.addWidget(self.delete_button, 0, 3)
        who.addWidget(QLabel("On"), 1, 0)
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
            "Agenda (prefilled from your open gaps and stalled goals; edit freely)", wordWrap=True
        )
        pv.addWidget(caption)
        pv.addWidget(self.agenda, 3)
        pv.addWidget(QLabel("Notes"))
        pv.addWidget(self.notes, 2)
        pv.addWidget(self.outcome)

        results = QWidget()
        rv = QVBoxLayout(results)
        head = QHBoxLayout()
        head.addWidget(QLabel("Options offered"), 1)
        head.addWidget(self.option_remove)  # up here, apart from Add: a slip of the mouse adds, never removes
        rv.addLayout(head)
        rv.addWidget(self.options, 1)
        row = QHBoxLayout()
        for w in (self.option_kind, self.option_said, self.option_button):
            row.addWidget(w, 1 if w is self.option_said else 0)
        rv.addLayout(row)
        rv.addWidget(QLabel("Follow-ups (tick when done)"))
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
        self.tabs.addTab(prepare, "Agenda and notes")
        self.tabs.addTab(results, "Options and follow-ups")
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
            label = OPTION_LABELS.get(o.kind, o.kind)
            item = QListWidgetItem(f"{label}: {o.said}" if o.said else label)
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
                item.setToolTip(f"Due {text.day(f.due)}")
            self.followups.addItem(item)
        self.followups.blockSignals(False)
        open_ = sum(f.done_on is None for f in c.followups)
        self.tabs.setTabText(
            1, f"Options and follow-ups ({open_} open)" if open_ else "Options and follow-ups"
        )
        for w in widgets:
            w.blockSignals(False)
