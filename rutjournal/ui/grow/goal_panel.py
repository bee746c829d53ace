"""The Grow section's Goal tab: the selected goal's status, start, due date and progress, and its pace in words.

It only shows a goal and reads back what was changed; the section saves it through the Grow service.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from rutjournal.core import text
from rutjournal.core.choices import GOAL_STATUSES
from rutjournal.core.grow.service import GoalView
from rutjournal.ui.widgets.date_field import DateField, day_edit, pydate, qdate


def overdue_words(goal: GoalView, today: dt.date) -> str:
    """ "Overdue by 12 days (due Sat 21 Nov 2026)", or "" for a goal that is not overdue."""
    if not goal.overdue or goal.due is None:
        return ""
    return f"Overdue by {text.plural((today - goal.due).days, 'day')} (due {text.day(goal.due)})"


class GoalPanel(QWidget):
    """The fields of one goal; disabled, with a line saying what to do, while no goal is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(wordWrap=True)
        self.status = QComboBox()
        self.status.setAccessibleName("Goal status")
        for status in GOAL_STATUSES:
            self.status.addItem(status.replace("_", " "), status)
        self.started = day_edit("Started on")
        self.started.setToolTip("When you started on it: a goal already under way starts in the past.")
        self.due = DateField("due")
        self.percent = QSpinBox(minimum=0, maximum=100, suffix=" %")
        self.percent.setAccessibleName("Your estimate of progress")
        self.percent.setToolTip("Your own estimate, for a goal without milestones.")
        self.pace = QLabel(wordWrap=True)
        self.save = QPushButton("Save goal")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.heading)
        form.addRow("Status", self.status)
        form.addRow("Started", self.started)
        form.addRow("Due", self.due)
        form.addRow("Progress", self.percent)
        form.addRow(self.save)
        form.addRow(self.pace)

    def show_goal(self, goal: GoalView | None, today: dt.date) -> None:
        for w in (self.status, self.started, self.due, self.percent, self.save):
            w.setEnabled(goal is not None)
        if goal is None:
            self.heading.setText("Select a goal to change its status, start, due date or progress.")
            self.pace.setText("")
            return
        self.heading.setText(f"<b>{html.escape(goal.title)}</b> — {text.percent(goal.progress)} done")
        self.status.setCurrentIndex(self.status.findData(goal.status))
        self.started.setDate(qdate(goal.started_on))
        self.due.set_value(goal.due)
        self.percent.setValue(goal.manual_percent or 0)
        self.percent.setEnabled(not goal.milestones)
        if goal.milestones:
            self.percent.setToolTip("Progress comes from the share of its milestones done.")
        pace = goal.pace.explanation if goal.pace else "Pace is judged for active goals with a due date."
        late = overdue_words(goal, today)
        self.pace.setText((f"<b>{late}.</b> " if late else "") + html.escape(pace))

    def changes(self, goal: GoalView) -> dict[str, object]:
        """The fields as shown, to save; the manual percentage only for a goal without milestones."""
        fields: dict[str, object] = {
            "status": self.status.currentData(),
            "started_on": pydate(self.started.date()),
            "due": self.due.value(),
        }
        if not goal.milestones:
            fields["manual_percent"] = self.percent.value()
        return fields
