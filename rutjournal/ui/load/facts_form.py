"""The facts of the selected task that its hand-off score is made of — kind, job description, enjoyment,
value — as four choices beside its explanation, so they can be set however few columns the table shows.

A choice is only reported (``changed``); the view writes it through the table's model, as an edit in the
table would be, and shows the task again as stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from rutjournal.core.choices import IN_JD, TASK_KINDS
from rutjournal.core.load.service import TaskView
from rutjournal.ui.load.task_model import ENJOY_LABELS

NOT_RATED = "not rated"
FACTS: tuple[tuple[str, str, str, list[tuple[str, Any]]], ...] = (
    ("kind", "Kind", "Task, meeting or project", [(k, k) for k in TASK_KINDS]),
    ("in_jd", "My job?", "In your job description, the job you were hired for?", [(v, v) for v in IN_JD]),
    (
        "enjoyment",
        "Enjoy",
        "How much you enjoy it, −2 (dislike) … +2 (love)",
        [(NOT_RATED, None), *[(label, v) for v, label in ENJOY_LABELS.items()]],
    ),
    (
        "value",
        "Value",
        "Its value to your career or team, 1 … 5",
        [(NOT_RATED, None), *[(str(v), v) for v in range(1, 6)]],
    ),
)


class FactsForm(QWidget):
    changed = Signal(str, object)  # the task's field, its new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.boxes: dict[str, QComboBox] = {}
        for i, (key, label, tip, choices) in enumerate(FACTS):
            box = QComboBox()
            box.setAccessibleName(tip)
            box.setToolTip(tip)
            for shown, value in choices:
                box.addItem(shown, value)
            box.activated.connect(lambda _i, key=key, box=box: self.changed.emit(key, box.currentData()))
            caption = QLabel(label)
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
