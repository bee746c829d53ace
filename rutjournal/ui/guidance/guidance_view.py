"""The Guidance section: prepare, hold and follow up career conversations; record promotion decisions.

Overdue follow-ups sit on top, with who owes them. A new conversation's agenda comes prefilled from open gaps
and stalled goals. Edits to a conversation are saved half a second after the last change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.errors import InvalidInput
from rutjournal.core.guidance import (
    OPTION_LABELS,
    OUTCOME_LABELS,
    ROLE_LABELS,
    ConversationView,
    FollowupView,
    Guidance,
)
from rutjournal.ui.grow.grow_view import DateField, pydate, qdate
from rutjournal.ui.message import show_message

SAVE_MS = 500


def followup_line(f: FollowupView, today: dt.date) -> str:
    who = "You owe" if f.owner == "me" else f"{f.with_name} owes you"
    due = ""
    if f.due:
        late = (today - f.due).days
        due = f" — due {f.due:%d %b}" + (
            f", {late} day{'s' if late != 1 else ''} late" if late > 0 and not f.done_on else ""
        )
    return f"{who}: {f.text}{due}"


class GuidanceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guidance: Guidance | None = None
        self.current: int | None = None
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_MS)
        self.save_timer.timeout.connect(self.save_conversation)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.overdue = QListWidget()
        self.overdue.setAccessibleName("Overdue follow-ups")
        self.overdue.setMaximumHeight(110)
        overdue_box = QGroupBox("Overdue follow-ups")
        QVBoxLayout(overdue_box).addWidget(self.overdue)

        self.conversations = QListWidget()
        self.conversations.setAccessibleName("Conversations")
        self.new_with = QLineEdit(placeholderText="with whom, e.g. Dana")
        self.new_with.setAccessibleName("Conversation with")
        self.new_role = QComboBox()
        self.new_role.setAccessibleName("Their role")
        for role, label in ROLE_LABELS.items():
            self.new_role.addItem(label, role)
        self.new_day = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")
        self.new_day.setAccessibleName("Date of the conversation")
        self.new_day.setDate(qdate(dt.date.today()))
        self.new_button = QPushButton("Prepare a conversation")
        self.conversations.setWordWrap(True)
        self.conversations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QWidget()
        left.setMinimumWidth(290)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.conversations, 1)
        form = QFormLayout()
        form.addRow("With", self.new_with)
        form.addRow("Role", self.new_role)
        form.addRow("On", self.new_day)
        lv.addLayout(form)
        lv.addWidget(self.new_button)

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
        right = QWidget()
        rv = QVBoxLayout(right)
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
        self.editor = right

        self.promotions = QListWidget()
        self.promotions.setAccessibleName("Promotion decisions")
        self.promotions.setMaximumHeight(90)
        self.promotion_outcome = QComboBox()
        self.promotion_outcome.setAccessibleName("Promotion outcome")
        for outcome, label in OUTCOME_LABELS.items():
            self.promotion_outcome.addItem(label, outcome)
        self.promotion_role = QLineEdit(placeholderText="role asked for")
        self.promotion_role.setAccessibleName("Role asked for")
        self.promotion_reason = QLineEdit(placeholderText="reason given (if refused)")
        self.promotion_reason.setAccessibleName("Reason given")
        self.promotion_button = QPushButton("Record promotion decision")
        promo_box = QGroupBox("Promotions asked for")
        pv = QVBoxLayout(promo_box)
        pv.addWidget(self.promotions)
        row = QHBoxLayout()
        for w in (self.promotion_outcome, self.promotion_role, self.promotion_reason, self.promotion_button):
            row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
        pv.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.message = QLabel(objectName="guidanceMessage", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(overdue_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(promo_box)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self._new_conversation)
        self.conversations.currentItemChanged.connect(lambda item, _p: self._open(item))
        for edit in (self.agenda, self.notes):
            edit.textChanged.connect(self.save_timer.start)
        self.outcome.textEdited.connect(lambda _t: self.save_timer.start())
        self.held.toggled.connect(lambda _b: self.save_timer.start())
        self.edit_with.textEdited.connect(lambda _t: self.save_timer.start())
        self.edit_role.activated.connect(lambda _i: self.save_timer.start())
        self.edit_day.dateChanged.connect(lambda _d: self.save_timer.start())
        self.option_button.clicked.connect(self._add_option)
        self.followup_button.clicked.connect(self._add_followup)
        self.followup_text.returnPressed.connect(self._add_followup)
        self.followups.itemChanged.connect(self._followup_ticked)
        self.delete_button.clicked.connect(self._delete)
        self.brief_button.clicked.connect(self._save_brief)
        self.brief_print.clicked.connect(self._print_brief)
        self.promotion_button.clicked.connect(self._add_promotion)

    # --- data ---------------------------------------------------------------------------------------------
    def set_guidance(self, guidance: Guidance) -> None:
        self.guidance = guidance
        self.refresh()

    def refresh(self) -> None:
        if self.guidance is None:
            return
        today = dt.date.today()
        self.overdue.clear()
        for f in self.guidance.overdue_followups():
            self.overdue.addItem(followup_line(f, today))
        if not self.overdue.count():
            self.overdue.addItem("Nothing overdue.")
        keep = self.current
        self.conversations.blockSignals(True)
        self.conversations.clear()
        for c in self.guidance.conversations():
            state = "held" if c.held else "planned"
            item = QListWidgetItem(
                f"{c.day:%a %d %b %Y} · {state}\n{c.with_name} ({ROLE_LABELS.get(c.role, c.role)})"
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.conversations.addItem(item)
            if c.id == keep:
                self.conversations.setCurrentItem(item)
        if keep is None and self.conversations.count():
            keep = int(
                self.conversations.item(0).data(Qt.ItemDataRole.UserRole)
            )  # the newest (or next planned)
            self.current = keep
            self.conversations.setCurrentRow(0)
        self.conversations.blockSignals(False)
        self.promotions.clear()
        for p in self.guidance.promotions():
            reason = f" — {p.reason}" if p.reason else ""
            role = f" ({p.role_title})" if p.role_title else ""
            self.promotions.addItem(f"{p.day:%d %b %Y}: {p.outcome}{role}{reason}")
        if not self.promotions.count():
            self.promotions.addItem("No promotion asked for yet. Record the answer here when you ask.")
        self._show(self.guidance.conversation(keep) if keep is not None else None)

    def _open(self, item: QListWidgetItem | None) -> None:
        self.save_conversation()
        if self.guidance is None or item is None:
            return
        self.current = int(item.data(Qt.ItemDataRole.UserRole))
        self._show(self.guidance.conversation(self.current))

    def _show(self, c: ConversationView | None) -> None:
        self.editor.setEnabled(c is not None)
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

    # --- actions ------------------------------------------------------------------------------------------
    def save_conversation(self) -> None:
        """Write the open conversation's fields now (also called on switching conversation or section)."""
        self.save_timer.stop()
        if self.guidance is None or self.current is None:
            return
        before = self.guidance.conversation(self.current)
        try:
            after = self.guidance.update_conversation(
                self.current,
                day=pydate(self.edit_day.date()),
                with_name=self.edit_with.text(),
                role=str(self.edit_role.currentData()),
                agenda=self.agenda.toPlainText(),
                notes=self.notes.toPlainText(),
                outcome=self.outcome.text(),
                held=self.held.isChecked(),
            )
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        if (before.day, before.with_name, before.role, before.held) != (
            after.day,
            after.with_name,
            after.role,
            after.held,
        ):
            self.refresh()  # the list shows these

    def _new_conversation(self) -> None:
        if self.guidance is None:
            return
        try:
            self.current = self.guidance.add_conversation(
                pydate(self.new_day.date()), self.new_with.text(), str(self.new_role.currentData())
            )
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        self.new_with.clear()
        self.refresh()
        self._say(
            "Conversation prepared; its agenda is drawn from your open gaps and stalled goals. Edit it freely."
        )

    def _add_option(self) -> None:
        if self.guidance is None or self.current is None:
            return
        self._try(
            lambda: self.guidance.add_option(
                self.current, str(self.option_kind.currentData()), self.option_said.text()
            )
        )  # type: ignore[union-attr, arg-type]
        self.option_said.clear()

    def _add_followup(self) -> None:
        if self.guidance is None or self.current is None:
            return
        text, owner, due = (
            self.followup_text.text(),
            str(self.followup_owner.currentData()),
            self.followup_due.value(),
        )
        if self._try(lambda: self.guidance.add_followup(self.current, text, owner, due)):  # type: ignore[union-attr, arg-type]
            self.followup_text.clear()

    def _followup_ticked(self, item: QListWidgetItem) -> None:
        if self.guidance is not None:
            done = item.checkState() == Qt.CheckState.Checked
            self._try(lambda: self.guidance.set_followup_done(int(item.data(Qt.ItemDataRole.UserRole)), done))  # type: ignore[union-attr]

    def _delete(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.guidance is None or self.current is None:
            return
        if (
            QMessageBox.question(self, "Delete", "Delete this conversation with its notes and follow-ups?")
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.save_timer.stop()
        self.guidance.delete_conversation(self.current)
        self.current = None
        self.refresh()

    def _add_promotion(self) -> None:
        if self.guidance is None:
            return
        outcome = str(self.promotion_outcome.currentData())
        role, reason = (
            self.promotion_role.text().strip() or None,
            self.promotion_reason.text().strip() or None,
        )
        if self._try(
            lambda: self.guidance.add_promotion(dt.date.today(), outcome, reason=reason, role_title=role)
        ):  # type: ignore[union-attr]
            self.promotion_role.clear()
            self.promotion_reason.clear()

    def _brief_markdown(self) -> str:
        from rutjournal.core.reports import brief_markdown

        assert self.guidance is not None
        self.save_conversation()
        return brief_markdown(self.guidance.db, self.current)

    def _save_brief(self) -> None:
        if self.guidance is None or self.current is None:
            return
        from rutjournal.ui.report_export import save_report

        path = save_report(self, "1:1 brief", "one-on-one-brief.pdf", self._brief_markdown)
        if path is not None:
            self._say(f"Saved {path}.")

    def _print_brief(self) -> None:
        if self.guidance is not None and self.current is not None:
            from rutjournal.ui.report_export import print_report

            print_report(self, self._brief_markdown)

    def _try(self, action) -> object:  # type: ignore[no-untyped-def]
        try:
            result = action()
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return None
        self.refresh()
        self._say("")
        return result

    def _say(self, text: str, *, error: bool = False) -> None:
        show_message(self.message, text, error=error)
