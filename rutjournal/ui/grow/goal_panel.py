"""The Grow section's Goal tab: the selected goal's status, start, due date and progress, and its pace in words.

It only shows a goal and reads back what was changed; the section saves it through the Grow service.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from rutjournal.core import text
from rutjournal.core.choices import GOAL_STATUSES
from rutjournal.core.grow.promotion_case import STATUS_WORDS
from rutjournal.core.grow.service import GoalView
from rutjournal.core.i18n import _, ngettext
from rutjournal.ui.widgets.date_field import DateField, day_edit, pydate, qdate


def overdue_words(goal: GoalView, today: dt.date) -> str:
    """ "Overdue by 12 days (due Sat 21 Nov 2026)", or "" for a goal that is not overdue."""
    if not goal.overdue or goal.due is None:
        return ""
    late = (today - goal.due).days
    # TRANSLATORS: {count} is a number of days, {day} the due date: "Overdue by 12 days (due Sat 21 Nov 2026)"
    words = ngettext("Overdue by {count} day (due {day})", "Overdue by {count} days (due {day})", late)
    return words.format(count=text.whole(late), day=text.day(goal.due))


class GoalPanel(QWidget):
    """The fields of one goal; disabled, with a line saying what to do, while no goal is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(wordWrap=True)
        self.status = QComboBox()
        self.status.setAccessibleName(_("Goal status"))
        for status in GOAL_STATUSES:
            self.status.addItem(_(STATUS_WORDS[status]), status)
        self.started = day_edit(_("Started on"))
        self.started.setToolTip(_("When you started on it: a goal already under way starts in the past."))
        # TRANSLATORS: a check box before a date: the goal is due on that day
        self.due = DateField(_("due"))
        # TRANSLATORS: the unit after the number in a box of percentages ("40 %"), with its space if any
        self.percent = QSpinBox(minimum=0, maximum=100, suffix=_(" %"))
        self.percent.setAccessibleName(_("Your estimate of progress"))
        self.percent.setToolTip(_("Your own estimate, for a goal without milestones."))
        self.pace = QLabel(wordWrap=True)
        self.save = QPushButton(_("Save goal"))
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.heading)
        # TRANSLATORS: the labels of a goal's fields: its status, the day it was started, its due date, progress
        form.addRow(_("Status"), self.status)
        form.addRow(_("Started"), self.started)
        form.addRow(_("Due"), self.due)
        form.addRow(_("Progress"), self.percent)
        form.addRow(self.save)
        form.addRow(self.pace)

    def show_goal(self, goal: GoalView | None, today: dt.date) -> None:
        for w in (self.status, self.started, self.due, self.percent, self.save):
            w.setEnabled(goal is not None)
        if goal is None:
            self.heading.setText(_("Select a goal to change its status, start, due date or progress."))
            self.pace.setText("")
            return
        # TRANSLATORS: a goal's title in bold and how far along it is: "Lead the migration — 40 % done"
        heading = _("<b>{title}</b> — {percent} done")
        self.heading.setText(
            heading.format(title=html.escape(goal.title), percent=text.percent(goal.progress))
        )
        self.status.setCurrentIndex(self.status.findData(goal.status))
        self.started.setDate(qdate(goal.started_on))
        self.due.set_value(goal.due)
        self.percent.setValue(goal.manual_percent or 0)
        self.percent.setEnabled(not goal.milestones)
        if goal.milestones:
            self.percent.setToolTip(_("Progress comes from the share of its milestones done."))
        pace = goal.pace.explanation if goal.pace else _("Pace is judged for active goals with a due date.")
        late = overdue_words(goal, today)
        if late:
            # TRANSLATORS: {overdue} is e.g. "Overdue by 12 days (due Sat 21 Nov 2026)", {pace} explains the pace
            self.pace.setText(_("<b>{overdue}.</b> {pace}").format(overdue=late, pace=html.escape(pace)))
        else:
            self.pace.setText(html.escape(pace))

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
