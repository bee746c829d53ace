"""The Guidance section: prepare, hold and follow up career conversations; record promotion decisions.

Overdue follow-ups sit on top, with who owes them. A new conversation's agenda comes prefilled from open gaps
and stalled goals. Edits to a conversation are saved half a second after the last change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.guidance.service import ROLE_LABELS, ConversationView, Guidance
from rutjournal.core.i18n import N_, _, in_words
from rutjournal.ui.guidance.conversation_editor import ConversationEditor, fit_rows, followup_line
from rutjournal.ui.guidance.promotions_box import PromotionsBox
from rutjournal.ui.widgets.date_field import day_edit, pydate, qdate
from rutjournal.ui.widgets.message import show_message

SAVE_MS = 500
OVERDUE_ROWS = 3  # the most rows the boxes above and below the conversations show before they scroll
PROMOTION_ROWS = 2
# translated where shown: _(EMPTY_TEXT)
EMPTY_TEXT = N_(
    "<b>No conversations yet.</b><br><br>Prepare one on the left: who you will talk to, their role and the day "
    "— a day ahead to plan it, or a past one to log a conversation already held. Its agenda comes prefilled "
    "with questions from your open gaps and stalled goals; you then keep notes, the options offered and the "
    "follow-ups here."
)


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
        self.overdue.setAccessibleName(_("Overdue follow-ups"))
        self.overdue.setWordWrap(True)
        overdue_box = QGroupBox(_("Overdue follow-ups"))
        QVBoxLayout(overdue_box).addWidget(self.overdue)

        self.conversations = QListWidget()
        self.conversations.setAccessibleName(_("Conversations"))
        self.new_with = QLineEdit(placeholderText=_("with whom, e.g. Dana"))
        self.new_with.setAccessibleName(_("Conversation with"))
        self.new_role = QComboBox()
        self.new_role.setAccessibleName(_("Their role"))
        for role, label in ROLE_LABELS.items():
            self.new_role.addItem(_(label), role)
        self.new_day = day_edit(_("Date of the conversation"))
        self.new_day.setToolTip(
            _("A day ahead to plan it, or a past one to log a conversation already held.")
        )
        self.new_button = QPushButton(_("Prepare a conversation"))
        self.conversations.setWordWrap(True)
        self.conversations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.conversations, 1)
        form = QFormLayout()
        # TRANSLATORS: the labels of a new conversation's fields: the person it is with, their role, the day
        form.addRow(_("With"), self.new_with)
        form.addRow(_("Role"), self.new_role)
        form.addRow(_("On"), self.new_day)
        lv.addLayout(form)
        lv.addWidget(self.new_button)

        self.editor = right = ConversationEditor()
        self.held, self.delete_button = right.held, right.delete_button
        self.edit_with, self.edit_role, self.edit_day = right.edit_with, right.edit_role, right.edit_day
        self.agenda, self.notes, self.outcome = right.agenda, right.notes, right.outcome
        self.brief_button, self.brief_print = right.brief_button, right.brief_print
        self.options, self.option_kind = right.options, right.option_kind
        self.option_said, self.option_button = right.option_said, right.option_button
        self.option_remove = right.option_remove
        self.followups, self.followup_text = right.followups, right.followup_text
        self.followup_owner, self.followup_due = right.followup_owner, right.followup_due
        self.followup_button = right.followup_button
        # With no conversation there is nothing to edit: a page that says what to do, not empty fields
        self.empty = QLabel(_(EMPTY_TEXT), wordWrap=True)
        self.empty.setObjectName("guidanceEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(12)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(right)

        self.promo_box = promo_box = PromotionsBox()
        self.promotions, self.promotion_outcome = promo_box.promotions, promo_box.promotion_outcome
        self.promotion_role, self.promotion_reason = promo_box.promotion_role, promo_box.promotion_reason
        self.promotion_button, self.promotion_day = promo_box.promotion_button, promo_box.promotion_day

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([1000, 2500])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("guidanceMessage")
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
        self.option_remove.clicked.connect(self._remove_option)
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
            self.overdue.addItem(_("Nothing overdue."))
        fit_rows(self.overdue, OVERDUE_ROWS)
        keep = self.current
        self.conversations.blockSignals(True)
        self.conversations.clear()
        for c in self.guidance.conversations():
            # TRANSLATORS: a conversation in a list, on two lines: its day and whether it was held or is planned,
            # then the person it is with and their role ("Boss", "HR", …)
            line = _("{day} · held\n{name} ({role})") if c.held else _("{day} · planned\n{name} ({role})")
            role = in_words(ROLE_LABELS, c.role)
            item = QListWidgetItem(line.format(day=text.day(c.day), name=c.with_name, role=role))
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
        self.promo_box.show_promotions(self.guidance.promotions())
        fit_rows(self.promotions, PROMOTION_ROWS)
        self._show(self.guidance.conversation(keep) if keep is not None else None)

    def _open(self, item: QListWidgetItem | None) -> None:
        self.save_conversation()
        if self.guidance is None or item is None:
            return
        self.current = int(item.data(Qt.ItemDataRole.UserRole))
        self._show(self.guidance.conversation(self.current))

    def _show(self, c: ConversationView | None) -> None:
        if c is None:
            self.pages.setCurrentWidget(self.empty)
            return
        self.editor.show_conversation(c)
        self.pages.setCurrentWidget(self.editor)

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
        self.new_day.setDate(qdate(dt.date.today()))
        self.refresh()
        self._say(
            _(
                "Conversation prepared; its agenda is drawn from your open gaps and stalled goals. Edit it freely."
            )
        )

    def _add_option(self) -> None:
        if self.guidance is None or self.current is None:
            return
        self._try(
            lambda: self.guidance.add_option(
                self.current, str(self.option_kind.currentData()), self.option_said.text()
            )
        )
        self.option_said.clear()

    def _remove_option(self) -> None:
        item = self.options.currentItem()
        if self.guidance is None or item is None:
            return
        option_id, guidance = int(item.data(Qt.ItemDataRole.UserRole)), self.guidance
        self._try(lambda: guidance.delete_option(option_id))

    def _add_followup(self) -> None:
        if self.guidance is None or self.current is None:
            return
        text, owner, due = (
            self.followup_text.text(),
            str(self.followup_owner.currentData()),
            self.followup_due.value(),
        )
        if self._try(lambda: self.guidance.add_followup(self.current, text, owner, due)):
            self.followup_text.clear()

    def _followup_ticked(self, item: QListWidgetItem) -> None:
        if self.guidance is not None:
            done = item.checkState() == Qt.CheckState.Checked
            self._try(lambda: self.guidance.set_followup_done(int(item.data(Qt.ItemDataRole.UserRole)), done))

    def _delete(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.guidance is None or self.current is None:
            return
        if (
            QMessageBox.question(
                self, _("Delete"), _("Delete this conversation with its notes and follow-ups?")
            )
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
        outcome, day = str(self.promotion_outcome.currentData()), pydate(self.promotion_day.date())
        role, reason = (
            self.promotion_role.text().strip() or None,
            self.promotion_reason.text().strip() or None,
        )
        if self._try(lambda: self.guidance.add_promotion(day, outcome, reason=reason, role_title=role)):
            self.promotion_role.clear()
            self.promotion_reason.clear()
            self.promotion_day.setDate(qdate(dt.date.today()))

    def _brief_markdown(self) -> str:
        from rutjournal.core.reports import brief_markdown

        assert self.guidance is not None
        self.save_conversation()
        return brief_markdown(self.guidance.db, self.current)

    def _save_brief(self) -> None:
        if self.guidance is None or self.current is None:
            return
        from rutjournal.ui.transfer.report_export import save_report

        # TRANSLATORS: the name of a report, a brief for a one-on-one meeting ("1:1"), also the title of its PDF
        path = save_report(self, _("1:1 brief"), "one-on-one-brief.pdf", self._brief_markdown)
        if path is not None:
            # TRANSLATORS: {path} is the file the report was written to
            self._say(_("Saved {path}.").format(path=path))

    def _print_brief(self) -> None:
        if self.guidance is not None and self.current is not None:
            from rutjournal.ui.transfer.report_export import print_report

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
