"""The bar under the task table: a decision for the selected tasks, to whom or why, done, delete.

The "to whom / why" box shows what the selection already holds — the delegate of the tasks selected when the
decision picked is "delegate", their reason otherwise — and is empty when they hold none or differ, so text
typed for one task is never carried over to the next one selected.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from rutjournal.core.choices import DECISIONS
from rutjournal.core.i18n import N_, _
from rutjournal.core.load.service import TaskView
from rutjournal.ui.load.task_model import decision_choice

# The box's placeholder, shown as _(…): to whom a task is delegated, or why it was decided so.
PLACEHOLDERS = {"delegate": N_("to whom? (e.g. Sam in finance)")}
# TRANSLATORS: "Saying no" is the name of a tab of the Load section (the tasks declined).
WHY = N_("why? (optional, shown under Saying no)")


class DecisionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick = QComboBox()
        self.pick.setAccessibleName(_("Decision for the selected tasks"))
        for decision in DECISIONS[1:]:
            self.pick.addItem(decision_choice(decision, title=True), decision)
        self.note = QLineEdit(placeholderText=_(WHY), clearButtonEnabled=True)
        self.note.setAccessibleName(_("To whom or why"))
        metrics = self.note.fontMetrics()
        shown = [_(WHY), *(_(p) for p in PLACEHOLDERS.values())]
        longest = max(shown, key=metrics.horizontalAdvance)
        self.note.setMinimumWidth(metrics.horizontalAdvance(longest) + 40)  # the clear button and frame
        # TRANSLATORS: a button under the Load table: apply the decision picked to the selected tasks.
        self.apply_button = QPushButton(_("Apply to selected"))
        # TRANSLATORS: a button under the Load table: the decision on the selected tasks was carried out.
        self.done_button = QPushButton(_("Mark done"))
        self.done_button.setToolTip(_("The decision was carried out: its hours are freed"))
        # TRANSLATORS: a button under the Load table: delete the selected tasks.
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.setToolTip(_("Delete the selected tasks (Ctrl+Z brings them back)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        # TRANSLATORS: before the decision bar's choices: what follows applies to the selected tasks.
        row.addWidget(QLabel(_("Selected:")))
        row.addWidget(self.pick)
        row.addWidget(self.note, 1)
        for button in (self.apply_button, self.done_button, self.delete_button):
            row.addWidget(button)
        self.selection: list[TaskView] = []
        self.pick.currentIndexChanged.connect(lambda _i: self._fill())

    def decision(self) -> str:
        return str(self.pick.currentData())

    def to_and_reason(self) -> tuple[str | None, str | None]:
        """What the box says, as ``Load.decide_many`` takes it: a delegate, or a reason."""
        note = self.note.text().strip() or None
        return (note, None) if self.decision() == "delegate" else (None, note)

    def show_selection(self, tasks: Sequence[TaskView]) -> None:
        """The tasks selected now: the box shows what they hold (see the module docstring)."""
        self.selection = list(tasks)
        self._fill()

    def _fill(self) -> None:
        delegate = self.decision() == "delegate"
        self.note.setPlaceholderText(_(PLACEHOLDERS.get(self.decision(), WHY)))
        held = {(t.delegate_to if delegate else t.reason) or "" for t in self.selection}
        self.note.setText(held.pop() if len(held) == 1 else "")
