"""The facts of the selected task that its hand-off score is made of — kind, job description, enjoyment,
value — as four choices beside its explanation, so they can be set however few columns the table shows.

A choice is only reported (``changed``); the view writes it through the table's model, as an edit in the
table would be, and shows the task again as stored.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from rutjournal.core.i18n import N_, _
from rutjournal.core.load.service import TaskView
from rutjournal.ui.load.task_model import choices

# Each fact: its field, its caption and its tooltip (shown as _(…)).
FACTS: tuple[tuple[str, str, str], ...] = (
    # TRANSLATORS: the caption of a task's kind (task, meeting or project), beside its explanation.
    ("kind", N_("Kind"), N_("Task, meeting or project")),
    # TRANSLATORS: the caption of whether a task is in your job description, beside its explanation.
    ("in_jd", N_("My job?"), N_("In your job description, the job you were hired for?")),
    # TRANSLATORS: the caption of how much you enjoy a task, beside its explanation.
    ("enjoyment", N_("Enjoy"), N_("How much you enjoy it, −2 (dislike) … +2 (love)")),
    # TRANSLATORS: the caption of a task's value to your career or team, beside its explanation.
    ("value", N_("Value"), N_("Its value to your career or team, 1 … 5")),
)


class FactsForm(QWidget):
    changed = Signal(str, object)  # the task's field, its new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.boxes: dict[str, QComboBox] = {}
        for i, (key, label, tip) in enumerate(FACTS):
            box = QComboBox()
            box.setAccessibleName(_(tip))
            box.setToolTip(_(tip))
            for shown, value in choices(key):
                box.addItem(shown, value)
            box.activated.connect(lambda _i, key=key, box=box: self.changed.emit(key, box.currentData()))
            caption = QLabel(_(label))
            caption.setBuddy(box)
            grid.addWidget(caption, i, 0)
            grid.addWidget(box, i, 1)
            self.boxes[key] = box
        grid.setColumnStretch(1, 1)
        self.show_task(None)

    def show_task(self, task: TaskView | None) -> None:
        """Show the task's facts (nothing to choose when no task is selected)."""
        self.setEnabled(task is not None)
        for key, box in self.boxes.items():
            value = getattr(task, key) if task is not None else None
            box.setCurrentIndex(max(box.findData(value), 0) if task is not None else -1)
