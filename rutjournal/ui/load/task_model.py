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
from rutjournal.core.choices import DECISIONS, IN_JD, TASK_KINDS
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _, pgettext
from rutjournal.core.load.service import Load, TaskView, parse_minutes
from rutjournal.core.load.words import _decision_name as decision_name  # one name a decision, core and window
from rutjournal.core.load.words import decision_detail, decision_label, decision_tone
from rutjournal.ui.shell.theme import status_colour

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
TaskIdRole = Qt.ItemDataRole.UserRole + 2
ToneRole = Qt.ItemDataRole.UserRole + 3  # the decision cell's colour: "muted", "plain", "warn", "good"

# TRANSLATORS: how much a user enjoys a task, from −2 (dislike) to +2 (love): a choice in the Load table.
ENJOY_LABELS = {-2: N_("−2 dislike"), -1: "−1", 0: "0", 1: "+1", 2: N_("+2 love")}  # shown as _(label)
NOT_RATED = N_("not rated")  # a blank enjoyment or value: shown as _(NOT_RATED)


def kind_label(kind: str, *, title: bool = False) -> str:
    """A task's kind (choices.TASK_KINDS) as the window shows it: "meeting", or "Meeting" with ``title``."""
    if title:
        names = {
            # TRANSLATORS: a task's kind, capitalised: in the filter of the Load section and the brain dump.
            "task": pgettext("task kind", "Task"),
            "meeting": pgettext("task kind", "Meeting"),
            "project": pgettext("task kind", "Project"),
        }
    else:
        names = {
            # TRANSLATORS: a task's kind, in lower case: a cell of the Load table and its choices.
            "task": pgettext("task kind", "task"),
            "meeting": pgettext("task kind", "meeting"),
            "project": pgettext("task kind", "project"),
        }
    return names.get(kind, kind)


def in_jd_label(answer: str) -> str:
    """Whether a task is in the job description (choices.IN_JD), as the "My job?" column answers it."""
    names = {
        # TRANSLATORS: the answer to "My job?" (is the task in your job description?) in the Load table.
        "yes": pgettext("in the job description", "yes"),
        "partly": pgettext("in the job description", "partly"),
        "no": pgettext("in the job description", "no"),
    }
    return names.get(answer, answer)


def decision_choice(decision: str, *, title: bool = False) -> str:
    """A decision (choices.DECISIONS) as a choice offered: "delegate" in the table's cell editor, "Delegate"
    (``title``: the name the table's cell gives it, ``core.load.words``) in the filter and the decision bar."""
    if title:
        return decision_name(decision)
    names = {
        # TRANSLATORS: a decision about a task, in lower case: a choice in the Load table's decision cell.
        "undecided": pgettext("decision", "undecided"),
        "keep": pgettext("decision", "keep"),
        "delegate": pgettext("decision", "delegate"),
        "drop": pgettext("decision", "drop"),
        "decline": pgettext("decision", "decline"),
        "automate": pgettext("decision", "automate"),
        "renegotiate": pgettext("decision", "renegotiate"),
    }
    return names.get(decision, decision)


def choices(key: str) -> list[tuple[str, Any]]:
    """What a task's kind, "My job?", enjoyment or value may be, each with the words that show it."""
    if key == "kind":
        return [(kind_label(k), k) for k in TASK_KINDS]
    if key == "in_jd":
        return [(in_jd_label(v), v) for v in IN_JD]
    if key == "enjoyment":
        return [(_(NOT_RATED), None), *[(_(label), v) for v, label in ENJOY_LABELS.items()]]
    return [(_(NOT_RATED), None), *[(str(v), v) for v in range(1, 6)]]


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    editable: bool
    tip: str


# The columns' headings and tooltips, shown as _(column.title) and _(column.tip).
COLUMNS = (
    # TRANSLATORS: a column heading of the Load table: the task's name.
    Column("title", N_("Task"), True, N_("What you do: a responsibility, a recurring meeting, a project")),
    Column(
        "score",
        # TRANSLATORS: a column heading of the Load table: the hand-off score (0–100), kept short.
        N_("Hand-off"),
        False,
        N_("Hand-off score, 0–100: how good a candidate it is to hand off (hover a row)"),
    ),
    # TRANSLATORS: a column heading of the Load table: hours a week, abbreviated.
    Column("minutes_per_week", N_("h/week"), True, N_("Time it takes in a usual week: 2, 1.5, 2h, 90m")),
    # TRANSLATORS: a column heading of the Load table: whether the row is a task, a meeting or a project.
    Column("kind", N_("Kind"), True, N_("task / meeting / project")),
    Column(
        "in_jd",
        # TRANSLATORS: a column heading of the Load table: is the task in your job description?
        N_("My job?"),
        True,
        N_("In your job description, the job you were hired for? yes / partly / no"),
    ),
    # TRANSLATORS: a column heading of the Load table: how much you enjoy the task.
    Column("enjoyment", N_("Enjoy"), True, N_("−2 (dislike) … +2 (love); blank if unsure")),
    # TRANSLATORS: a column heading of the Load table: the task's value to your career or team.
    Column("value", N_("Value"), True, N_("Value to your career or team, 1 … 5; blank if unsure")),
    # TRANSLATORS: a column heading of the Load table: what to do with the task.
    Column("decision", N_("Decision"), True, N_("What to do with it, and whether it is done")),
    # TRANSLATORS: a column heading of the Load table: the person who could take the task over.
    Column("delegate_to", N_("Delegate to"), True, N_("Who could take it over")),
    # TRANSLATORS: a column heading of the Load table: the day the decision was taken.
    Column("decided_on", N_("Decided"), False, N_("When the decision was taken")),
    # TRANSLATORS: a column heading of the Load table: the day the decision was carried out.
    Column("done_on", N_("Done"), False, N_("When the decision was carried out")),
    # TRANSLATORS: a column heading of the Load table: the user's notes on the task.
    Column("notes", N_("Notes"), True, N_("Anything else")),
)
COLUMN = {c.key: i for i, c in enumerate(COLUMNS)}


def display(task: TaskView, key: str) -> str:
    if key == "minutes_per_week":  # the header says "/week"; a task without hours is a dash, not zero
        return text.minutes_as_hours(task.minutes_per_week or None)
    if key == "enjoyment":
        return "" if task.enjoyment is None else _(ENJOY_LABELS[task.enjoyment])
    if key == "kind":
        return kind_label(task.kind)
    if key == "in_jd":
        return in_jd_label(task.in_jd)
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
            return _(COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole:
            # TRANSLATORS: a column heading's tooltip; {tip} says what the column holds.
            return _("{tip}.\nClick to sort; right-click to choose the columns shown.").format(
                tip=_(COLUMNS[section].tip)
            )
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
            # TRANSLATORS: a task's tooltip: its title, its score (0–100), the reasons, then the sum behind it.
            return _("{title}\nHand-off score {score}: {reasons}\n{arithmetic}").format(
                title=task.title,
                score=text.whole(task.delegability.score),
                reasons=task.delegability.explain(),
                arithmetic=task.delegability.arithmetic(),
            )
        if key == "decision":
            return decision_detail(task)
        if key == "minutes_per_week" and not task.minutes_per_week:
            return _(
                "No hours yet: type them here (2, 1.5, 2h, 90m); the totals leave this task out until then"
            )
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
