"""The target's gaps, goals and milestones as a Qt tree model (milestones are check boxes), and the target's
heading with its progress in words."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel

from rutjournal.core import text
from rutjournal.core.grow.promotion_case import STATUS_WORDS
from rutjournal.core.grow.rules import VERDICT_WORDS, progress_basis
from rutjournal.core.grow.service import GapView, GoalView, TargetView
from rutjournal.core.i18n import N_, _
from rutjournal.ui.shell.theme import status_colour

KindRole = Qt.ItemDataRole.UserRole + 1  # "gap" | "goal" | "milestone"
IdRole = Qt.ItemDataRole.UserRole + 2
HEADERS = (  # translated where shown: _(header)
    # TRANSLATORS: the heading of the tree's first column, which holds gaps, their goals and their milestones
    N_("Gap · goal · milestone"),
    # TRANSLATORS: a column heading: how far along a gap or goal is
    N_("Progress"),
    # TRANSLATORS: a column heading: a goal's due date
    N_("Due"),
    # TRANSLATORS: a column heading: whether a goal is on track
    N_("Pace"),
)
PACE_COLOURS = {"on_track": "good", "at_risk": "warn", "off_track": "bad"}  # theme.STATUS: light and dark
GAP_KIND_WORDS = {  # a gap's kind after its title, translated where shown: _(GAP_KIND_WORDS[kind])
    # TRANSLATORS: a kind of gap between you and a target role, shown after the gap's title
    "skill": N_("skill gap"),
    # TRANSLATORS: a kind of gap between you and a target role, shown after the gap's title
    "experience": N_("experience gap"),
    # TRANSLATORS: a kind of gap between you and a target role, shown after the gap's title
    "knowledge": N_("knowledge gap"),
    # TRANSLATORS: a kind of gap between you and a target role, shown after the gap's title
    "visibility": N_("visibility gap"),
}


def target_heading(target: TargetView, today: dt.date) -> str:
    """The target in large type and, below it, how far along it is and how that was worked out (rich text)."""
    title = target.title
    if target.by_date:
        # TRANSLATORS: a target role and the day you want to reach it by: "Senior Analyst by Thu 3 Dec 2026"
        title = _("{role} by {day}").format(role=target.title, day=text.day(target.by_date))
    # TRANSLATORS: after a target role and its day ("Senior Analyst by Thu 3 Dec 2026"), when the day is past
    passed = " " + _("(that date has passed)") if target.by_date and target.by_date < today else ""
    basis = progress_basis(target.gaps)
    if target.progress is None:
        # TRANSLATORS: {basis} says how the progress is worked out, e.g. "no gaps named yet, so nothing to measure"
        progress = _("Not measured yet: {basis}. Add the gaps between you and it below.").format(basis=basis)
    else:
        # TRANSLATORS: {percent} is e.g. "40 %"; {basis} says how it was worked out, e.g. "the mean of 2 gaps"
        progress = _("{percent} of the way: {basis}.").format(
            percent=text.percent(target.progress), basis=basis
        )
    return (
        f"<span style='font-size:15pt; font-weight:600'>{html.escape(title)}</span>"
        f"{html.escape(passed)}<br>{html.escape(progress)}"
    )


def _item(text: str, kind: str, ident: int, *, editable: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(kind, KindRole)
    item.setData(ident, IdRole)
    item.setEditable(editable)
    return item


def _plain(text: str, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if tip:
        item.setToolTip(tip)
    return item


class GoalTreeModel(QStandardItemModel):
    """Rebuilt from a TargetView after every change; ticking a milestone is reported through a signal."""

    milestone_toggled = Signal(int, bool)
    renamed = Signal(str, int, str)  # kind, id, new title

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self._filling = False
        self.itemChanged.connect(self._changed)

    def show_target(self, target: TargetView | None) -> None:
        self._filling = True
        self.removeRows(0, self.rowCount())
        if target is not None:
            for gap in target.gaps:
                self.appendRow(self._gap_row(gap))
        self._filling = False

    def _gap_row(self, gap: GapView) -> list[QStandardItem]:
        if gap.kind in GAP_KIND_WORDS:
            kind = _(GAP_KIND_WORDS[gap.kind])
        else:
            # TRANSLATORS: a gap of a kind not known to this version, as stored ("leadership")
            kind = _("{kind} gap").format(kind=gap.kind)
        name = _item(f"{gap.title}  ({kind})", "gap", gap.id)
        if gap.good_looks_like:
            # TRANSLATORS: a tooltip; {text} is what the user wrote that good looks like for this gap
            name.setToolTip(_("What good looks like: {text}").format(text=gap.good_looks_like))
        else:
            name.setToolTip(gap.title)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        for goal in gap.goals:
            name.appendRow(self._goal_row(goal))
        if gap.progress is None:
            progress = _plain(
                # TRANSLATORS: the progress column of a gap that has no goal yet
                _("no goal"),
                # TRANSLATORS: {zero} is "0 %"
                _("No goal that counts yet: {zero} toward the target.").format(zero=text.percent(0)),
            )
            progress.setForeground(QBrush(status_colour("muted")))
        else:
            progress = _plain(
                text.percent(gap.progress), _("The mean progress of its goals (dropped goals do not count).")
            )
        return [name, progress, _plain(""), _plain("")]

    def _goal_row(self, goal: GoalView) -> list[QStandardItem]:
        name = _item(goal.title, "goal", goal.id, editable=True)
        status = (
            _(STATUS_WORDS[goal.status]) if goal.status in STATUS_WORDS else goal.status.replace("_", " ")
        )
        if goal.status in ("done", "dropped"):
            name.setForeground(QBrush(status_colour("muted")))
        for milestone in goal.milestones:
            tick = _item(milestone.title, "milestone", milestone.id)
            tick.setCheckable(True)
            tick.setCheckState(Qt.CheckState.Checked if milestone.done_on else Qt.CheckState.Unchecked)
            if milestone.done_on:
                # TRANSLATORS: a tooltip on a milestone ticked as done; {day} is e.g. "Thu 3 Dec 2026"
                tick.setToolTip(_("Done on {day}").format(day=text.day(milestone.done_on)))
            name.appendRow([tick, _plain(""), _plain(""), _plain("")])
        how = (
            _("Progress: share of milestones done.")
            if goal.milestones
            else _("Progress: your own estimate.")
            if goal.manual_percent is not None
            else _("Progress: no milestones or estimate yet.")
        )
        # TRANSLATORS: a tooltip on a goal: its title and the day it was started on
        name.setToolTip(_("{title} — started {day}").format(title=goal.title, day=text.day(goal.started_on)))
        progress = _plain(text.percent(goal.progress), how)
        due = _plain(text.short_day(goal.due) if goal.due else "", text.day(goal.due) if goal.due else "")
        if goal.overdue:
            due.setForeground(QBrush(status_colour("bad")))
            font = due.font()
            font.setBold(True)
            due.setFont(font)
        if goal.overdue:
            if goal.pace:
                why = goal.pace.explanation
            else:
                # TRANSLATORS: {status} is a goal's status: "not started", "active"
                why = _("{status}, past its due date").format(status=status)
            # TRANSLATORS: a tooltip; {why} explains the goal's pace, or gives its status
            tip = _("Past its due date and not done: {why}").format(why=why)
            # TRANSLATORS: the pace column of a goal past its due date and not done
            pace = _plain(_("overdue"), tip)
            pace.setForeground(QBrush(status_colour("bad")))
        elif goal.pace is not None:
            pace = _plain(_(VERDICT_WORDS[goal.pace.verdict]), goal.pace.explanation)
            pace.setForeground(QBrush(status_colour(PACE_COLOURS[goal.pace.verdict])))
        else:
            pace = _plain(status, _("Pace is shown for active goals with a due date."))
        return [name, progress, due, pace]

    def _changed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        kind, ident, text = item.data(KindRole), item.data(IdRole), item.text().strip()
        # Both signals lead to a rebuild that deletes ``item``: read everything first, emit last.
        if kind == "milestone" and item.isCheckable():
            self.milestone_toggled.emit(int(ident), item.checkState() == Qt.CheckState.Checked)
        elif kind == "goal" and text:
            self.renamed.emit(str(kind), int(ident), text)
