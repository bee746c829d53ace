"""The Load section: list everything you do, see what is not your job, and free the hours.

The table edits save at once through the Load service; the summary strip, the hand-off ranking and the
"Saying no" list are recomputed from the same rows after every change. A task typed that seems to be one
already listed is pointed out before anything is added (``DuplicateBar``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text as words
from rutjournal.core.choices import DECISIONS, TASK_KINDS
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.load.brain_dump import ParsedTask, parse_task_line
from rutjournal.core.load.service import DeletedTask, Load, TaskView
from rutjournal.core.load.task_match import find_match
from rutjournal.core.load.words import hours, task_hours
from rutjournal.core.logsetup import logger
from rutjournal.core.plain_text import plain_line
from rutjournal.ui.load.decision_bar import DecisionBar
from rutjournal.ui.load.duplicate_bar import DuplicateBar
from rutjournal.ui.load.side_panels import LoadSidePanels
from rutjournal.ui.load.summary_strip import SummaryStrip
from rutjournal.ui.load.task_model import (
    COLUMN,
    TaskFilter,
    TaskIdRole,
    TaskTableModel,
    decision_choice,
    kind_label,
)
from rutjournal.ui.load.task_table import TaskTable
from rutjournal.ui.widgets.message import show_message

log = logger(__name__)
ALL = "all"


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
        # TRANSLATORS: the quick add's placeholder; the example's time ("2h") must stay one the app reads.
        self.quick_add = QLineEdit(placeholderText=_("Add a task: “Status report, 2h” and Enter (Ctrl+N)"))
        self.quick_add.setAccessibleName(_("Add a task"))
        self.quick_add.setToolTip(self.quick_add.placeholderText())
        # TRANSLATORS: a button that opens a dialog to type many tasks at once.
        self.brain_dump = QPushButton(_("Brain dump…"))
        self.brain_dump.setToolTip(_("Type many tasks at once, one a line"))
        kinds = [(kind_label(k, title=True), k) for k in TASK_KINDS]
        self.kind_filter = self._combo(_("Kind"), [(_("All kinds"), ALL), *kinds])
        decisions = [(decision_choice(d, title=True), d) for d in DECISIONS]
        self.decision_filter = self._combo(_("Decision"), [(_("All decisions"), ALL), *decisions])
        self.text_filter = QLineEdit(placeholderText=_("Filter by text"), clearButtonEnabled=True)
        self.text_filter.setAccessibleName(_("Filter tasks by text"))
        top = QHBoxLayout()
        top.addWidget(self.quick_add, 3)
        top.addWidget(self.brain_dump)
        top.addSpacing(12)
        for w in (self.kind_filter, self.decision_filter):
            top.addWidget(w)
        top.addWidget(self.text_filter, 1)

        self.duplicate = DuplicateBar()
        self.table = TaskTable()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(COLUMN["score"], Qt.SortOrder.DescendingOrder)

        self.tabs = LoadSidePanels()
        self.why, self.mentions = self.tabs.why, self.tabs.mentions
        self.candidates = self.tabs.candidates
        self.saying_no, self.saying_no_total = self.tabs.saying_no, self.tabs.saying_no_total
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 300])  # a share: the table gets 70 % of the room

        self.bar = DecisionBar()
        self.decision_pick, self.who_or_why = self.bar.pick, self.bar.note
        self.apply_button, self.done_button = self.bar.apply_button, self.bar.done_button
        self.delete_button = self.bar.delete_button
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("loadMessage")

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.duplicate)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
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
        self.quick_add.textEdited.connect(lambda _t: self.duplicate.clear())
        self.duplicate.keep.connect(self._keep_listed)
        self.duplicate.update_hours.connect(self._update_listed)
        self.duplicate.add_anyway.connect(self._add_anyway)
        self.brain_dump.clicked.connect(self._brain_dump)
        for combo in (self.kind_filter, self.decision_filter):
            combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.text_filter.textChanged.connect(lambda _t: self._filter())
        self.apply_button.clicked.connect(self._apply_decision)
        self.done_button.clicked.connect(self._mark_done)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model.changed.connect(self.refresh_panels)
        self.model.edit_failed.connect(lambda text: self._say(text, error=True))
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(lambda _c, _p: self._current_changed())
        selection.selectionChanged.connect(lambda _s, _d: self.bar.show_selection(self.selected_tasks()))
        self.candidates.itemActivated.connect(self._select_from_list)
        self.candidates.itemClicked.connect(self._select_from_list)
        self.saying_no.itemClicked.connect(self._select_from_list)
        self.tabs.facts.changed.connect(self._set_fact)
        for signal in (self.mentions.itemActivated, self.mentions.itemClicked):
            signal.connect(lambda item: self.open_day.emit(item.data(Qt.ItemDataRole.UserRole)))
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, parent, slot, does in (  # ``does``: the shortcut sheet's words
            (QKeySequence("Ctrl+N"), self, self.quick_add.setFocus, _("Add a task")),
            (
                QKeySequence(QKeySequence.StandardKey.Undo),
                self,
                self.undo_delete,
                _("Bring back a deleted task"),
            ),
            (
                QKeySequence(Qt.Key.Key_Delete),
                self.table,
                self.delete_selected,
                _("Delete the selected tasks"),
            ),
        ):
            shortcut = QShortcut(keys, parent, context=ctx)
            shortcut.activated.connect(slot)
            shortcut.setWhatsThis(does)  # the shortcut sheet's words

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
        self.summary.show_summary(rows)
        self.tabs.show_rows(rows)
        self._current_changed()
        self.bar.show_selection(self.selected_tasks())

    def title_of(self, task_id: int) -> str:
        """The task's title as stored (for a message that names it)."""
        row = self.model.row_of(task_id)
        return self.model.task(row).title if row is not None else ""

    # --- adding -------------------------------------------------------------------------------------------
    def _quick_add(self) -> None:
        typed = self.quick_add.text()
        if self.load is None or not typed.strip():
            return
        try:
            parsed = parse_task_line(typed)
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        match = find_match(parsed.title, self.model.rows)
        if match is not None:
            self.duplicate.ask(parsed, match)
            return
        self._add(parsed)

    def _add(self, parsed: ParsedTask) -> None:
        assert self.load is not None
        try:
            task_id = self.load.add(**parsed.fields())  # type: ignore[arg-type]
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        self._show_added(task_id)
        self.quick_add.clear()
        self.duplicate.clear()
        self.tabs.setCurrentWidget(self.tabs.why_page)  # its facts, to fill in now
        # TRANSLATORS: {title} is the task just added; "Why" is the name of a tab beside the table.
        said = _("Added “{title}”. Say under Why whether it is your job and how much you enjoy it.")
        self._say(said.format(title=parsed.title))

    def _show_added(self, task_id: int) -> None:
        assert self.load is not None
        self.model.replace(self.load.get(task_id))
        self.refresh_panels()
        self.select_task(task_id)

    def _keep_listed(self) -> None:
        listed = self.duplicate.match.task if self.duplicate.match else None
        self.duplicate.clear()
        if listed is None:
            return
        self.quick_add.clear()
        self.select_task(listed.id)
        self._say(_("Kept “{title}” as it is: nothing added.").format(title=listed.title))

    def _update_listed(self) -> None:
        parsed, match = self.duplicate.parsed, self.duplicate.match
        self.duplicate.clear()
        if self.load is None or parsed is None or match is None:
            return
        self.load.update(match.task.id, minutes_per_week=parsed.minutes_per_week)
        self._show_added(match.task.id)
        self.quick_add.clear()
        # TRANSLATORS: {title} is a task already listed, {hours} its new hours a week ("2 h/week").
        said = _("Kept “{title}”, now {hours}: nothing added.")
        self._say(said.format(title=match.task.title, hours=task_hours(parsed.minutes_per_week)))

    def _add_anyway(self) -> None:
        parsed = self.duplicate.parsed
        self.duplicate.clear()
        if self.load is not None and parsed is not None:
            self._add(parsed)

    def add_task_from_text(self, text: str) -> int | None:
        """A line of the journal turned into a task (from the journal's context menu): its Markdown marks
        dropped, its time read as the quick add reads it."""
        if self.load is None:
            return None
        line = plain_line(text[:400])
        try:
            fields = parse_task_line(line).fields()
        except InvalidInput:
            fields = {"title": line[:200]}
        if not str(fields.get("title", "")).strip():
            return None
        task_id = self.load.add(**fields)  # type: ignore[arg-type]
        self._show_added(task_id)
        return task_id

    def _brain_dump(self) -> None:
        if self.load is None:
            return
        from rutjournal.ui.load.brain_dump_dialog import BrainDumpDialog

        dialog = BrainDumpDialog(self.load, self)
        if dialog.exec():
            self.reload()
            self._say(dialog.outcome())

    # --- the selection and the decision bar ---------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(index.data(TaskIdRole)) for index in rows]

    def selected_tasks(self) -> list[TaskView]:
        rows = [self.model.row_of(task_id) for task_id in self.selected_ids()]
        return [self.model.task(row) for row in rows if row is not None]

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
            self._say(_("Select one or more tasks first."), error=True)
            return
        decision = self.bar.decision()
        to, reason = self.bar.to_and_reason()
        try:
            self.load.decide_many(ids, decision, to=to, reason=reason)
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        for task_id in ids:
            self.model.replace(self.load.get(task_id))
        self.refresh_panels()
        # TRANSLATORS: {decision} is the decision set, in lower case ("delegate").
        said = ngettext("{count} task set to “{decision}”.", "{count} tasks set to “{decision}”.", len(ids))
        self._say(said.format(count=words.whole(len(ids)), decision=decision_choice(decision)))

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
        # TRANSLATORS: said once decisions are marked carried out; {hours} the hours a week freed ("2 h/week").
        self._say(_("Done. {hours} freed.").format(hours=hours(freed)) if freed else _("Done."))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if self.load is None or not ids:
            return
        deleted = [self.load.delete(task_id) for task_id in ids]
        for task_id in ids:
            self.model.remove(task_id)
        self.undo_stack.append(deleted)
        self.refresh_panels()
        said = ngettext(
            "Deleted {count} task. Ctrl+Z brings it back.",
            "Deleted {count} tasks. Ctrl+Z brings them back.",
            len(ids),
        )
        self._say(said.format(count=words.whole(len(ids))))

    def undo_delete(self) -> None:
        if self.load is None or not self.undo_stack:
            return
        for deleted in self.undo_stack.pop():
            self.model.replace(self.load.get(self.load.restore(deleted)))
        self.refresh_panels()
        self._say(_("Restored."))

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

    def _set_fact(self, key: str, value: object) -> None:
        """A fact of the current task chosen beside its score: written as an edit of its table cell."""
        index = self.proxy.mapToSource(self.table.currentIndex())
        if index.isValid():
            self.model.setData(self.model.index(index.row(), COLUMN[key]), value)

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
