"""The Load section: list everything you do, see what is not your job, and free the hours.

The table edits save at once through the Load service; the summary strip, the hand-off ranking and the
"Saying no" list are recomputed from the same rows after every change.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.brain_dump import parse_brain_dump
from rutjournal.core.delegability import format_minutes
from rutjournal.core.errors import InvalidInput
from rutjournal.core.load import (
    DECISIONS,
    KINDS,
    DeletedTask,
    Load,
    TaskView,
    summarize,
)
from rutjournal.ui.load.choice_delegate import ChoiceDelegate
from rutjournal.ui.load.side_panels import LoadSidePanels
from rutjournal.ui.load.summary_strip import SummaryStrip
from rutjournal.ui.load.task_model import COLUMN, ENJOY_LABELS, TaskFilter, TaskIdRole, TaskTableModel
from rutjournal.ui.message import show_message

log = logging.getLogger(__name__)
ALL = "all"


def read_quick_add(text: str) -> dict[str, object]:
    """One typed line → a task's fields, read as the brain dump reads them ('Team standup 15m daily')."""
    dump = parse_brain_dump(text)
    if dump.rejected:
        raise InvalidInput("task", dump.rejected[0].reason, text.strip())
    if not dump.tasks:
        raise InvalidInput("title", "a few words saying what the task is", text)
    return dump.tasks[0].fields()


class LoadView(QWidget):
    open_day = Signal(object)  # a journal day that mentions the selected task

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load: Load | None = None
        self.undo_stack: list[list[DeletedTask]] = []
        self.model = TaskTableModel(self)
        self.proxy = TaskFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()

    # --- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = SummaryStrip()
        self.quick_add = QLineEdit(
            placeholderText="Add a task: “Weekly status report, 2h” and Enter  (Ctrl+N)"
        )
        self.quick_add.setAccessibleName("Add a task")
        self.brain_dump = QPushButton("Brain dump…", toolTip="Type many tasks at once, one a line")
        self.kind_filter = self._combo("Kind", [("All kinds", ALL), *[(k.title(), k) for k in KINDS]])
        self.decision_filter = self._combo(
            "Decision", [("All decisions", ALL), *[(d.title(), d) for d in DECISIONS]]
        )
        self.text_filter = QLineEdit(placeholderText="Filter by text", clearButtonEnabled=True)
        self.text_filter.setAccessibleName("Filter tasks by text")
        top = QHBoxLayout()
        top.addWidget(self.quick_add, 3)
        top.addWidget(self.brain_dump)
        top.addSpacing(16)
        for w in (self.kind_filter, self.decision_filter):
            top.addWidget(w)
        top.addWidget(self.text_filter, 1)

        self.table = QTableView()
        self.table.setAccessibleName("Tasks")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["score"], Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {
            "title": 250,
            "score": 105,
            "minutes_per_week": 95,
            "kind": 75,
            "in_jd": 125,
            "enjoyment": 85,
        }
        widths |= {"value": 55, "decision": 95, "delegate_to": 100, "decided_on": 90, "done_on": 90}
        for key, width in widths.items():
            self.table.setColumnWidth(COLUMN[key], width)
        self.table.setItemDelegateForColumn(
            COLUMN["kind"], ChoiceDelegate([(k, k) for k in KINDS], self.table)
        )
        self.table.setItemDelegateForColumn(
            COLUMN["in_jd"], ChoiceDelegate([(v, v) for v in ("yes", "partly", "no")], self.table)
        )
        self.table.setItemDelegateForColumn(
            COLUMN["decision"], ChoiceDelegate([(d, d) for d in DECISIONS], self.table)
        )
        self.table.setItemDelegateForColumn(
            COLUMN["enjoyment"],
            ChoiceDelegate(
                [("not rated", None), *[(label, v) for v, label in ENJOY_LABELS.items()]], self.table
            ),
        )
        self.table.setItemDelegateForColumn(
            COLUMN["value"],
            ChoiceDelegate([("not rated", None), *[(str(v), v) for v in range(1, 6)]], self.table),
        )

        self.tabs = LoadSidePanels()
        self.why, self.mentions = self.tabs.why, self.tabs.mentions
        self.candidates = self.tabs.candidates
        self.saying_no, self.saying_no_total = self.tabs.saying_no, self.tabs.saying_no_total
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.decision_pick = self._combo(
            "Decision for the selected tasks", [(d.title(), d) for d in DECISIONS[1:]]
        )
        self.who_or_why = QLineEdit(placeholderText="to whom (delegate) or why (decline, drop…)")
        self.who_or_why.setAccessibleName("To whom or why")
        self.apply_button = QPushButton("Apply to selected")
        self.done_button = QPushButton(
            "Mark done", toolTip="The decision was carried out: its hours are freed"
        )
        self.delete_button = QPushButton(
            "Delete", toolTip="Delete the selected tasks (Ctrl+Z brings them back)"
        )
        self.message = QLabel(objectName="loadMessage", wordWrap=True)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Selected:"))
        for w in (
            self.decision_pick,
            self.who_or_why,
            self.apply_button,
            self.done_button,
            self.delete_button,
        ):
            bottom.addWidget(w)
        bottom.addWidget(self.message, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._show_why(None)

    @staticmethod
    def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _connect(self) -> None:
        self.quick_add.returnPressed.connect(self._quick_add)
        self.brain_dump.clicked.connect(self._brain_dump)
        for combo in (self.kind_filter, self.decision_filter):
            combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.text_filter.textChanged.connect(lambda _t: self._filter())
        self.apply_button.clicked.connect(self._apply_decision)
        self.done_button.clicked.connect(self._mark_done)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model.changed.connect(self.refresh_panels)
        self.model.edit_failed.connect(lambda text: self._say(text, error=True))
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._current_changed())
        self.candidates.itemActivated.connect(self._select_from_list)
        self.candidates.itemClicked.connect(self._select_from_list)
        self.saying_no.itemClicked.connect(self._select_from_list)
        self.mentions.itemActivated.connect(
            lambda item: self.open_day.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.mentions.itemClicked.connect(
            lambda item: self.open_day.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, parent, slot, does in (  # ``does``: the shortcut sheet's words
            (QKeySequence("Ctrl+N"), self, self.quick_add.setFocus, "Add a task"),
            (
                QKeySequence(QKeySequence.StandardKey.Undo),
                self,
                self.undo_delete,
                "Bring back a deleted task",
            ),
            (QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected, "Delete the selected tasks"),
        ):
            QShortcut(keys, parent, activated=slot, context=ctx, whatsThis=does)

    # --- data ---------------------------------------------------------------------------------------------
    def set_load(self, load: Load) -> None:
        self.load = load
        self.model.set_tasks(load, load.tasks())
        self.refresh_panels()

    def reload(self) -> None:
        """Read the tasks again (an import, another process), keeping the selection; if they are as shown,
        only the chosen task's mentions in the journal are read again."""
        if self.load is None:
            return
        tasks = self.load.tasks()
        if {t.id: t for t in tasks} == {t.id: t for t in self.model.rows}:
            self._current_changed()
            return
        chosen, current = self.selected_ids(), self.table.currentIndex().data(TaskIdRole)
        self.model.set_tasks(self.load, tasks)
        self.refresh_panels()
        for task_id in [i for i in chosen if i != current] + ([current] if current is not None else []):
            self.select_task(int(task_id), keep=True)

    def refresh_panels(self) -> None:
        rows = self.model.rows
        self.summary.show_summary(summarize(rows))
        self.tabs.show_rows(rows)
        self._current_changed()

    # --- actions ------------------------------------------------------------------------------------------
    def _quick_add(self) -> None:
        text = self.quick_add.text()
        if self.load is None or not text.strip():
            return
        try:
            fields = read_quick_add(text)
            task_id = self.load.add(**fields)  # type: ignore[arg-type]
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        self.model.replace(self.load.get(task_id))
        self.refresh_panels()
        self.quick_add.clear()
        self._say(
            f"Added “{fields['title']}”. Say whether it is in your job description, and how you feel about it."
        )

    def add_task_from_text(self, text: str) -> int | None:
        """A line of the journal turned into a task (from the journal's context menu)."""
        if self.load is None:
            return None
        try:
            fields = read_quick_add(text[:400])
        except InvalidInput:
            fields = {"title": text.strip()[:200]}
        if not str(fields.get("title", "")).strip():
            return None
        task_id = self.load.add(**fields)  # type: ignore[arg-type]
        self.model.replace(self.load.get(task_id))
        self.refresh_panels()
        self.select_task(task_id)
        return task_id

    def _brain_dump(self) -> None:
        if self.load is None:
            return
        from rutjournal.ui.load.brain_dump_dialog import BrainDumpDialog

        dialog = BrainDumpDialog(self.load, self)
        if dialog.exec():
            self.reload()
            self._say(f"Added {len(dialog.added_ids)} tasks.")

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(index.data(TaskIdRole)) for index in rows]

    def select_task(self, task_id: int, *, keep: bool = False) -> None:
        """Make the task current and selected; ``keep`` adds it to the selection instead of replacing it."""
        row = self.model.row_of(task_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            how = (
                QItemSelectionModel.SelectionFlag.Select
                if keep
                else QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            flags = how | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    def _apply_decision(self) -> None:
        ids = self.selected_ids()
        if self.load is None or not ids:
            self._say("Select one or more tasks first.", error=True)
            return
        decision = str(self.decision_pick.currentData())
        note = self.who_or_why.text().strip()
        to, reason = (note or None, None) if decision == "delegate" else (None, note or None)
        try:
            self.load.decide_many(ids, decision, to=to, reason=reason)
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        for task_id in ids:
            self.model.replace(self.load.get(task_id))
        self.refresh_panels()
        self._say(f"{len(ids)} task{'s' if len(ids) != 1 else ''} set to “{decision}”.")

    def _mark_done(self) -> None:
        if self.load is None:
            return
        freed = 0
        for task_id in self.selected_ids():
            try:
                task = self.load.done(task_id)
            except InvalidInput as exc:
                self._say(str(exc), error=True)
                return
            self.model.replace(task)
            freed += task.minutes_per_week if task.freed else 0
        self.refresh_panels()
        self._say(f"Done. {format_minutes(freed)} freed." if freed else "Done.")

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if self.load is None or not ids:
            return
        deleted = [self.load.delete(task_id) for task_id in ids]
        for task_id in ids:
            self.model.remove(task_id)
        self.undo_stack.append(deleted)
        self.refresh_panels()
        self._say(
            f"Deleted {len(ids)} task{'s' if len(ids) != 1 else ''}. Ctrl+Z brings {'them' if len(ids) > 1 else 'it'} back."
        )

    def undo_delete(self) -> None:
        if self.load is None or not self.undo_stack:
            return
        for deleted in self.undo_stack.pop():
            self.model.replace(self.load.get(self.load.restore(deleted)))
        self.refresh_panels()
        self._say("Restored.")

    # --- small things -------------------------------------------------------------------------------------
    def _filter(self) -> None:
        kind, decision = self.kind_filter.currentData(), self.decision_filter.currentData()
        self.proxy.set_filters(
            kind=None if kind == ALL else kind,
            decision=None if decision == ALL else decision,
            text=self.text_filter.text(),
        )

    def _select_from_list(self, item: QListWidgetItem) -> None:
        task_id = item.data(Qt.ItemDataRole.UserRole)
        if task_id is not None:
            self.select_task(int(task_id))

    def _current_changed(self) -> None:
        index = self.table.currentIndex()
        task = None
        if index.isValid():
            row = self.model.row_of(int(index.data(TaskIdRole)))
            task = self.model.task(row) if row is not None else None
        self._show_why(task)

    def _show_why(self, task: TaskView | None) -> None:
        hits = self.load.mentions(task) if task is not None and self.load is not None else []
        self.tabs.show_why(task, hits)

    def _say(self, text: str, *, error: bool = False) -> None:
        show_message(self.message, text, error=error)

    def today(self) -> dt.date:
        return dt.date.today()
