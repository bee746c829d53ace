"""The Guidance section's editor for one conversation: who, when, agenda, notes, options and follow-ups.

It only shows a conversation; the view saves its fields and adds the options and follow-ups typed in it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.guidance import OPTION_LABELS, ROLE_LABELS, ConversationView, FollowupView
from rutjournal.ui.date_field import DateField, qdate


def followup_line(f: FollowupView, today: dt.date) -> str:
    who = "You owe" if f.owner == "me" else f"{f.with_name} owes you"
    due = ""
    if f.due:
        late = (today - f.due).days
        due = f" — due {f.due:%d %b}" + (
            f", {late} day{'s' if late != 1 else ''} late" if late > 0 and not f.done_on else ""
        )
    return f"{who}: {f.text}{due}"


class ConversationEditor(QWidget):
    """The open conversation's fields, with the rows that add options offered and follow-ups."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(wordWrap=True)
        self.edit_with = QLineEdit()
        self.edit_with.setAccessibleName("With whom")
        self.edit_role = QComboBox()
        self.edit_role.setAccessibleName("Their role")
        for role, label in ROLE_LABELS.items():
            self.edit_role.addItem(label, role)
        self.edit_day = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")
        self.edit_day.setAccessibleName("Date")
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
        self.followups = QListWidget()
        self.followups.setAccessibleName("Follow-ups")
        self.followup_text = QLineEdit(placeholderText="a follow-up action")
        self.followup_text.setAccessibleName("Follow-up")
        self.followup_owner = QComboBox()
        self.followup_owner.setAccessibleName("Who owes it")
        self.followup_owner.addItem("I do", "me")
        self.followup_owner.addItem("they do", "them")
        self.followup_due = DateField("due")
        self.followup_button = QPushButton("Add follow-up")
        self.delete_button = QPushButton("Delete conversation…")
        rv = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for w in (self.edit_with, self.edit_role, self.edit_day):
            top.addWidget(w)
        top.addWidget(self.held)
        self.brief_button = QPushButton(
            "1:1 brief…", toolTip="Save a brief for this conversation as PDF or Markdown"
        )
        self.brief_print = QPushButton("Print brief…")
        rv.addLayout(top)
        agenda_row = (
            QHBoxLayout()
        )  # the buttons share the agenda's caption row: beside the fields they cut the name
        agenda_row.addWidget(
            QLabel("Agenda (prefilled from your open gaps and stalled goals; edit freely)"), 1
        )
        for w in (self.brief_button, self.brief_print, self.delete_button):
            agenda_row.addWidget(w)
        rv.addLayout(agenda_row)
        rv.addWidget(self.agenda, 2)
        rv.addWidget(QLabel("Notes"))
        rv.addWidget(self.notes, 2)
        rv.addWidget(self.outcome)
        rv.addWidget(QLabel("Options offered"))
        rv.addWidget(self.options, 1)
        row = QHBoxLayout()
        for w in (self.option_kind, self.option_said, self.option_button):
            row.addWidget(w, 1 if w is self.option_said else 0)
        rv.addLayout(row)
        rv.addWidget(QLabel("Follow-ups (tick when done)"))
        rv.addWidget(self.followups, 1)
        row = QHBoxLayout()
        for w in (self.followup_text, self.followup_owner, self.followup_due, self.followup_button):
            row.addWidget(w, 1 if w is self.followup_text else 0)
        rv.addLayout(row)

    def show_conversation(self, c: ConversationView | None) -> None:
        """Fill the fields without their change signals, so showing a conversation does not re-save it."""
        self.setEnabled(c is not None)
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
        if c is None:
            self.heading.setText("Prepare a conversation on the left, or pick one.")
            self.agenda.setPlainText("")
            self.notes.setPlainText("")
            self.outcome.setText("")
            self.held.setChecked(False)
            self.options.clear()
            self.followups.clear()
        else:
            self.heading.setText("<b>Conversation with</b>")
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
                self.options.addItem(
                    f"{OPTION_LABELS.get(o.kind, o.kind)}: {o.said}"
                    if o.said
                    else OPTION_LABELS.get(o.kind, o.kind)
                )
            self.followups.blockSignals(True)
            self.followups.clear()
            today = dt.date.today()
            for f in c.followups:
                item = QListWidgetItem(followup_line(f, today))
                item.setData(Qt.ItemDataRole.UserRole, f.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if f.done_on else Qt.CheckState.Unchecked)
                self.followups.addItem(item)
            self.followups.blockSignals(False)
        for w in widgets:
            w.blockSignals(False)
