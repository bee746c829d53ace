"""The target's gaps, goals and milestones as a Qt tree model (milestones are check boxes), and the target's
heading with its progress in words."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel

from rutjournal.core import text
from rutjournal.core.grow.rules import VERDICT_WORDS, progress_basis
from rutjournal.core.grow.service import GapView, GoalView, TargetView
from rutjournal.ui.shell.theme import status_colour

KindRole = Qt.ItemDataRole.UserRole + 1  # "gap" | "goal" | "milestone"
IdRole = Qt.ItemDataRole.UserRole + 2
HEADERS = ("Gap · goal · milestone", "Progress", "Due", "Pace")
PACE_COLOURS = {"on_track": "good", "at_risk": "warn", "off_track": "bad"}  # theme.STATUS: light and dark
GAP_KIND_WORDS = {
    "skill": "skill",
    "experience": "experience",
    "knowledge": "knowledge",
    "visibility": "visibility",
}


def target_heading(target: TargetView, today: dt.date) -> str:
    """The target in large type and, below it, how far along it is and how that was worked out (rich text)."""
    by = f" by {text.day(target.by_date)}" if target.by_date else ""
    passed = " (that date has passed)" if target.by_date and target.by_date < today else ""
    if target.progress is None:
        progress = f"Not measured yet: {progress_basis(target.gaps)}. Add the gaps between you and it below."
    else:
        progress = f"{text.percent(target.progress)} of the way: {progress_basis(target.gaps)}."
    return (
        f"<span style='font-size:15pt; font-weight:600'>{html.escape(target.title + by)}</span>"
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
        self.setHorizontalHeaderLabels(list(HEADERS))
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
        name = _item(f"{gap.title}  ({GAP_KIND_WORDS.get(gap.kind, gap.kind)} gap)", "gap", gap.id)
        name.setToolTip(f"What good looks like: {gap.good_looks_like}" if gap.good_looks_like else gap.title)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        for goal in gap.goals:
            name.appendRow(self._goal_row(goal))
        if gap.progress is None:
            progress = _plain("no goal", f"No goal that counts yet: {text.percent(0)} toward the target.")
            progress.setForeground(QBrush(status_colour("muted")))
        else:
            progress = _plain(
                text.percent(gap.progress), "The mean progress of its goals (dropped goals do not count)."
            )
        return [name, progress, _plain(""), _plain("")]

    def _goal_row(self, goal: GoalView) -> list[QStandardItem]:
        name = _item(goal.title, "goal", goal.id, editable=True)
        status = goal.status.replace("_", " ")
        if goal.status in ("done", "dropped"):
            name.setForeground(QBrush(status_colour("muted")))
        for milestone in goal.milestones:
            tick = _item(milestone.title, "milestone", milestone.id)
            tick.setCheckable(True)
            tick.setCheckState(Qt.CheckState.Checked if milestone.done_on else Qt.CheckState.Unchecked)
            if milestone.done_on:
                tick.setToolTip(f"Done on {text.day(milestone.done_on)}")
            name.appendRow([tick, _plain(""), _plain(""), _plain("")])
        how = (
            "share of milestones done"
            if goal.milestones
            else "your own estimate"
            if goal.manual_percent is not None
            else "no milestones or estimate yet"
        )
        name.setToolTip(f"{goal.title} — started {text.day(goal.started_on)}")
        progress = _plain(text.percent(goal.progress), f"Progress: {how}.")
        due = _plain(text.short_day(goal.due) if goal.due else "", text.day(goal.due) if goal.due else "")
        if goal.overdue:
            due.setForeground(QBrush(status_colour("bad")))
            font = due.font()
            font.setBold(True)
            due.setFont(font)
        if goal.overdue:
            why = goal.pace.explanation if goal.pace else f"{status}, past its due date"
            pace = _plain("overdue", f"Past its due date and not done: {why}")
            pace.setForeground(QBrush(status_colour("bad")))
        elif goal.pace is not None:
            pace = _plain(VERDICT_WORDS[goal.pace.verdict], goal.pace.explanation)
            pace.setForeground(QBrush(status_colour(PACE_COLOURS[goal.pace.verdict])))
        else:
            pace = _plain(status, "Pace is shown for active goals with a due date.")
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
