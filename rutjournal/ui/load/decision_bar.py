"""The bar under the task table: a decision for the selected tasks, to whom or why, done, delete.

The "to whom / why" box shows what the selection already holds — the delegate of the tasks selected when the
decision picked is "delegate", their reason otherwise — and is empty when they hold none or differ, so text
typed for one task is never carried over to the next one selected.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from rutjournal.core.choices import DECISIONS
from rutjournal.core.load.service import TaskView

PLACEHOLDERS = {"delegate": "to whom? (e.g. Sam in finance)"}
WHY = "why? (optional, shown under Saying no)"


class DecisionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick = QComboBox()
        self.pick.setAccessibleName("Decision for the selected tasks")
        for decision in DECISIONS[1:]:
            self.pick.addItem(decision.title(), decision)
        self.note = QLineEdit(placeholderText=WHY, clearButtonEnabled=True)
        self.note.setAccessibleName("To whom or why")
        metrics = self.note.fontMetrics()
        longest = max([WHY, *PLACEHOLDERS.values()], key=metrics.horizontalAdvance)
        self.note.setMinimumWidth(metrics.horizontalAdvance(longest) + 40)  # the clear button and frame
        self.apply_button = QPushButton("Apply to selected")
        self.done_button = QPushButton("Mark done")
        self.done_button.setToolTip("The decision was carried out: its hours are freed")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected tasks (Ctrl+Z brings them back)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Selected:"))
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
        self.note.setPlaceholderText(PLACEHOLDERS.get(self.decision(), WHY))
        held = {(t.delegate_to if delegate else t.reason) or "" for t in self.selection}
        self.note.setText(held.pop() if len(held) == 1 else "")
