"""The task inventory as a Qt table model over the Load service, and the proxy that sorts and filters it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from rutjournal.core import text
from rutjournal.core.choices import DECISIONS
from rutjournal.core.errors import InvalidInput
from rutjournal.core.load.service import Load, TaskView, parse_minutes
from rutjournal.core.load.words import decision_detail, decision_label, decision_tone
from rutjournal.ui.shell.theme import status_colour

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
TaskIdRole = Qt.ItemDataRole.UserRole + 2
ToneRole = Qt.ItemDataRole.UserRole + 3  # the decision cell's colour: "muted", "plain", "warn", "good"

ENJOY_LABELS = {-2: "−2 dislike", -1: "−1", 0: "0", 1: "+1", 2: "+2 love"}


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    editable: bool
    tip: str


COLUMNS = (
    Column("title", "Task", True, "What you do: a responsibility, a recurring meeting, a project"),
    Column(
        "score",
        "Hand-off",
        False,
        "Hand-off score, 0–100: how good a candidate it is to hand off (hover a row)",
    ),
    Column("minutes_per_week", "h/week", True, "Time it takes in a usual week: 2, 1.5, 2h, 90m"),
    Column("kind", "Kind", True, "task / meeting / project"),
    Column(
        "in_jd", "My job?", True, "In your job description, the job you were hired for? yes / partly / no"
    ),
    Column("enjoyment", "Enjoy", True, "−2 (dislike) … +2 (love); blank if unsure"),
    Column("value", "Value", True, "Value to your career or team, 1 … 5; blank if unsure"),
    Column("decision", "Decision", True, "What to do with it, and whether it is done"),
    Column("delegate_to", "Delegate to", True, "Who could take it over"),
    Column("decided_on", "Decided", False, "When the decision was taken"),
    Column("done_on", "Done", False, "When the decision was carried out"),
    Column("notes", "Notes", True, "Anything else"),
)
COLUMN = {c.key: i for i, c in enumerate(COLUMNS)}


def display(task: TaskView, key: str) -> str:
    if key == "minutes_per_week":  # the header says "/week"; a task without hours is a dash, not zero
        return text.minutes_as_hours(task.minutes_per_week or None)
    if key == "enjoyment":
        return "" if task.enjoyment is None else ENJOY_LABELS[task.enjoyment]
    if key == "score":
        return str(task.delegability.score)
    if key == "decision":
        return decision_label(task)
    value = getattr(task, key)
    if value is None:
        return ""
    return text.short_day(value) if hasattr(value, "isoformat") else str(value)


def sort_key(task: TaskView, key: str) -> Any:
    if key == "score":
        return task.delegability.score
    if key == "decision":  # in the order of the list, each decision's done tasks after its pending ones
        return (DECISIONS.index(task.decision), task.done_on is not None)
    value = getattr(task, key)
    if value is None:
        return -99 if key in ("enjoyment", "value") else ""
    return (
        value.isoformat()
        if hasattr(value, "isoformat")
        else value.lower()
        if isinstance(value, str)
        else value
    )


class TaskTableModel(QAbstractTableModel):
    """One row per task. Edits go straight to the service; a refused value leaves the row as it was."""

    edit_failed = Signal(str)
    changed = Signal()  # something was written: summaries should re-read

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.load: Load | None = None
        self.rows: list[TaskView] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_tasks(self, load: Load, tasks: list[TaskView]) -> None:
        self.beginResetModel()
        self.load, self.rows = load, self._sorted(list(tasks))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves, in one Python sort: far cheaper than a proxy asking data() per comparison."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_rows = {task.id: i for i, task in enumerate(self.rows)}
        self.rows = self._sorted(self.rows)
        new_rows = {task.id: i for i, task in enumerate(self.rows)}
        moved = {old_rows[task_id]: new_rows[task_id] for task_id in old_rows}
        for index in self.persistentIndexList():
            self.changePersistentIndex(index, self.index(moved[index.row()], index.column()))
        self.layoutChanged.emit()

    def _sorted(self, rows: list[TaskView]) -> list[TaskView]:
        if not 0 <= self.sort_column < len(COLUMNS):
            return rows
        key = COLUMNS[self.sort_column].key
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=lambda task: sort_key(task, key), reverse=descending)

    def task(self, row: int) -> TaskView:
        return self.rows[row]

    def row_of(self, task_id: int) -> int | None:
        return next((i for i, t in enumerate(self.rows) if t.id == task_id), None)

    def replace(self, task: TaskView) -> None:
        """Show a task as stored now (new or changed), and put it where the chosen sort order says."""
        row = self.row_of(task.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(task)
            self.endInsertRows()
        else:
            self.rows[row] = task
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if self._sorted(self.rows) != self.rows:
            self.sort(self.sort_column, self.sort_order)

    def remove(self, task_id: int) -> None:
        row = self.row_of(task_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    # --- Qt model interface -------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{COLUMNS[section].tip}.\nClick to sort; right-click to choose the columns shown."
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        task, key = self.rows[index.row()], COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return display(task, key)
        if role == Qt.ItemDataRole.EditRole:
            if key == "minutes_per_week":
                return f"{task.minutes_per_week / 60:g}"
            return getattr(task, key) if key != "score" else task.delegability.score
        if role == SortRole:
            return sort_key(task, key)
        if role == TaskIdRole:
            return task.id
        if role == ToneRole:
            return decision_tone(task)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(task, key)
        if role == Qt.ItemDataRole.ForegroundRole and task.freed and key != "decision":
            return status_colour("muted")  # off your plate: shown, but quieter than the work still there
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (
            "minutes_per_week",
            "score",
            "value",
            "enjoyment",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _tip(task: TaskView, key: str) -> str | None:
        if key in ("score", "title"):
            return (
                f"{task.title}\nHand-off score {task.delegability.score}: {task.delegability.explain()}\n"
                + (task.delegability.arithmetic())
            )
        if key == "decision":
            return decision_detail(task)
        if key == "minutes_per_week" and not task.minutes_per_week:
            return "No hours yet: type them here (2, 1.5, 2h, 90m); the totals leave this task out until then"
        if key in ("decided_on", "done_on") and getattr(task, key) is not None:
            return text.day(getattr(task, key))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and COLUMNS[index.column()].editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.load is None:
            return False
        task, key = self.rows[index.row()], COLUMNS[index.column()].key
        try:
            updated = self._write(task, key, value)
        except InvalidInput as exc:
            self.edit_failed.emit(str(exc))
            return False
        if updated is None:
            return False
        self.replace(updated)
        self.changed.emit()
        return True

    def _write(self, task: TaskView, key: str, value: Any) -> TaskView | None:
        assert self.load is not None
        if key == "decision":
            return None if value == task.decision else self.load.decide(task.id, str(value))
        if key == "minutes_per_week":
            value = parse_minutes(str(value)) if str(value).strip() else 0
        elif key in ("delegate_to",):
            value = str(value).strip() or None
        elif key in ("enjoyment", "value"):
            value = None if value in (None, "") else int(value)
        elif isinstance(value, str) and key != "notes":
            value = value.strip()
        if getattr(task, key) == value:
            return None
        return self.load.update(task.id, **{key: value})


class TaskFilter(QSortFilterProxyModel):
    """Sorts by the real values (hours, dates, scores) and filters by kind, decision and text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.decision: str | None = None
        self.text = ""
        self.extra: Callable[[TaskView], bool] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts its own rows; this proxy only filters and keeps their order."""
        model = self.sourceModel()
        if isinstance(model, TaskTableModel):
            model.sort(column, order)

    def set_filters(self, *, kind: str | None = None, decision: str | None = None, text: str = "") -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.kind, self.decision, self.text = kind, decision, text.strip().lower()
            self.endFilterChange()
        else:
            self.kind, self.decision, self.text = kind, decision, text.strip().lower()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TaskTableModel)
        task = model.task(source_row)
        if self.kind and task.kind != self.kind:
            return False
        if self.decision and task.decision != self.decision:
            return False
        if self.text:
            haystack = " ".join((task.title, task.notes, task.delegate_to or "", task.reason or "")).lower()
            return self.text in haystack
        return True
