"""The brain dump: type or paste every task at once, one a line, and see how each line is read before adding.

The lines are parsed as you type (``rutjournal.core.load.brain_dump``); the table shows how every line was read
and the line under the text says how many tasks, how many hours, and which lines were not understood. A line
that seems to be a task already listed (``core.task_match``) says so in its row, with a choice: keep the
listed one (as it is, or with the line's hours) or add both. Adding is one transaction: all or nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.load.brain_dump import BrainDump, ParsedTask, parse_brain_dump
from rutjournal.core.load.service import Load
from rutjournal.core.load.task_match import Match, find_match, title_key
from rutjournal.core.load.words import task_hours
from rutjournal.ui.load.task_model import kind_label
from rutjournal.ui.shell.theme import status_colour

# TRANSLATORS: example lines of a brain dump, one task a line; the app reads times only as written here
# (2h, 15m daily), so keep them as they are.
PLACEHOLDER = N_("Weekly status report, 2h\nTeam standup 15m daily\n- Fix the shared spreadsheet")
SHOWN_REJECTIONS = 3


MERGE, NEW_HOURS, BOTH = "merge", "hours", "both"


def _hours(minutes: int) -> str:
    return text.minutes_as_hours(minutes, per_week=True)


def describe(dump: BrainDump, matches: dict[int, Match] | None = None) -> str:
    """The preview line: '8 tasks · 14.5 h/week · 1 already listed: line 2 … · 1 line not understood: …'."""
    if not dump.tasks and not dump.rejected:
        return _("Nothing to add yet: type one task per line.")
    total = _hours(dump.total_minutes)
    if dump.tasks and dump.untimed:
        # TRANSLATORS: {hours} is the total a week ("14.5 h/week"), {count} how many tasks have no time.
        total = ngettext(
            "{hours} ({count} without a time yet)", "{hours} ({count} without a time yet)", dump.untimed
        ).format(hours=total, count=text.whole(dump.untimed))
    tasks = ngettext("{count} task", "{count} tasks", len(dump.tasks)).format(
        count=text.whole(len(dump.tasks))
    )
    parts = [tasks, total]
    if matches:
        # TRANSLATORS: a line of the brain dump that seems to be a task listed already, named as listed.
        named = [
            _("line {number} as “{title}”").format(number=n, title=m.task.title)
            for n, m in sorted(matches.items())[:SHOWN_REJECTIONS]
        ]
        more = len(matches) - len(named)
        listed = "; ".join(named)
        if more:
            # TRANSLATORS: {lines} names the first lines ("line 2 as “Status report”; line 5 as …").
            said = ngettext(
                "{count} already listed: {lines}; and {more} more",
                "{count} already listed: {lines}; and {more} more",
                len(matches),
            )
        else:
            # TRANSLATORS: {lines} names the lines ("line 2 as “Status report”; line 5 as …").
            said = ngettext(
                "{count} already listed: {lines}", "{count} already listed: {lines}", len(matches)
            )
        parts.append(said.format(count=text.whole(len(matches)), lines=listed, more=text.whole(more)))
    if dump.rejected:
        # TRANSLATORS: a line of the brain dump not understood, and why ("line 3: a time with no task").
        shown = "; ".join(
            _("line {number}: {reason}").format(number=r.line_number, reason=r.reason)
            for r in dump.rejected[:SHOWN_REJECTIONS]
        )
        rest = ", ".join(str(r.line_number) for r in dump.rejected[SHOWN_REJECTIONS:])
        n = len(dump.rejected)
        if rest:
            # TRANSLATORS: {lines} lists the first lines and why; {rest} the numbers of the others ("7, 9").
            said = ngettext(
                "{count} line not understood: {lines}; and lines {rest}",
                "{count} lines not understood: {lines}; and lines {rest}",
                n,
            )
        else:
            # TRANSLATORS: {lines} lists the lines and why ("line 3: a time with no task").
            said = ngettext(
                "{count} line not understood: {lines}", "{count} lines not understood: {lines}", n
            )
        parts.append(said.format(count=text.whole(n), lines=shown, rest=rest))
    return " · ".join(parts)


class BrainDumpDialog(QDialog):
    """Add many tasks at once. After ``accept`` the new tasks' ids are in ``added_ids``, those of listed tasks
    given new hours in ``updated_ids``, and ``kept`` counts the lines merged into a listed task as it was."""

    def __init__(self, load: Load, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load = load
        self.listed = load.tasks()
        self.added_ids: list[int] = []
        self.updated_ids: list[int] = []
        self.kept = 0
        self.dump = BrainDump([], [])
        self.matches: dict[int, Match] = {}  # line number → the listed task it seems to be
        self.choices: dict[tuple[str, int], str] = {}  # (line's title, listed id) → MERGE / NEW_HOURS / BOTH
        self.setWindowTitle(_("Brain dump: add many tasks"))
        self.setObjectName("brainDumpDialog")
        self.resize(720, 600)
        self._build()
        self.editor.textChanged.connect(self._reparse)
        self._reparse()

    def _build(self) -> None:
        intro = QLabel(
            # TRANSLATORS: the app reads times only as written here (2h, 90 min, 15m daily…): keep them as they are.
            _(
                "List everything you do, one task or meeting per line. Add the time it takes if you know it "
                "(2h, 90 min, 2-3h, 15m daily, 4h a month); leave it out and fill it in later."
            ),
            wordWrap=True,
        )
        self.editor = QPlainTextEdit(placeholderText=_(PLACEHOLDER))
        self.editor.setObjectName("brainDumpText")
        self.editor.setAccessibleName(_("Tasks, one per line"))
        self.editor.setTabChangesFocus(True)
        intro.setBuddy(self.editor)

        self.preview = QLabel(wordWrap=True)
        self.preview.setObjectName("brainDumpPreview")
        # TRANSLATORS: the line under the brain dump's text that says how its lines are read.
        self.preview.setAccessibleName(_("Preview"))
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("brainDumpTable")
        self.table.setAccessibleName(_("How each line is read"))
        # TRANSLATORS: the brain dump table's headings: the line's number, its task, its kind, its hours a week,
        # whether it seems to be a task listed already.
        headings = [_("Line"), _("Task"), _("Kind"), _("Per week"), _("Already listed?")]
        self.table.setHorizontalHeaderLabels(headings)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its choice boxes take the focus, not its cells
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button: QPushButton = self.buttons.addButton(
            _("Add tasks"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(_("Add every task listed (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._add_if_enabled)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    # --- reading the lines ----------------------------------------------------------------------------------
    def _reparse(self) -> None:
        self.dump = parse_brain_dump(self.editor.toPlainText())
        self.matches = {}
        for task in self.dump.tasks:
            match = find_match(task.title, self.listed)
            if match is not None:
                self.matches[task.line_number] = match
        self._show_preview(describe(self.dump, self.matches), error=False)
        parsed = {task.line_number: task for task in self.dump.tasks}
        lines = sorted([*parsed, *(r.line_number for r in self.dump.rejected)])
        rejected = {r.line_number: r for r in self.dump.rejected}
        self.table.setRowCount(len(lines))
        for row, number in enumerate(lines):
            self.table.removeCellWidget(row, 4)
            if number in rejected:
                self._show_rejected(row, number, rejected[number].line, rejected[number].reason)
            else:
                self._show_parsed(row, parsed[number])
        self._show_plan()

    def _show_parsed(self, row: int, task: ParsedTask) -> None:
        match = self.matches.get(task.line_number)
        per_week = task_hours(task.minutes_per_week)
        cells = (str(task.line_number), task.title, kind_label(task.kind, title=True), per_week, "")
        for column, shown in enumerate(cells):
            item = QTableWidgetItem(shown)
            if column in (0, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if match is not None:
                item.setToolTip(_already_listed(match))
            elif not task.minutes_per_week:
                item.setToolTip(_("No time given: fill it in later in the task list"))
            self.table.setItem(row, column, item)
        if match is not None:
            self.table.setCellWidget(row, 4, self._choice_box(task, match))
            self.table.setRowHeight(
                row, max(self.table.rowHeight(row), self.table.cellWidget(row, 4).sizeHint().height())
            )

    def _show_rejected(self, row: int, number: int, line: str, reason: str) -> None:
        # TRANSLATORS: in the brain dump's table, the hours of a line not understood.
        for column, shown in enumerate((str(number), line, "", _("not added"), "")):
            item = QTableWidgetItem(shown)
            if column in (0, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setForeground(status_colour("bad"))
            # TRANSLATORS: {reason} says why a line of the brain dump was not understood.
            item.setToolTip(_("Not understood: {reason}").format(reason=reason))
            self.table.setItem(row, column, item)

    def _choice_box(self, task: ParsedTask, match: Match) -> QComboBox:
        """What to do with a line that seems to be a listed task; the choice outlives the next keystroke."""
        box = QComboBox()
        # TRANSLATORS: {number} is a line of the brain dump, {title} the task listed that it seems to be.
        said = _("Line {number}: already listed as {title}")
        box.setAccessibleName(said.format(number=task.line_number, title=match.task.title))
        box.setToolTip(_already_listed(match))
        # TRANSLATORS: a choice: keep the task listed, {title} (shortened), as it is.
        box.addItem(_("Keep “{title}”").format(title=_short(match.task.title)), MERGE)
        if _new_hours(task, match):
            # TRANSLATORS: a choice: keep the task listed, set to {hours} (hours a week: "2 h/week").
            said = _("Keep it, set {hours}")
            box.addItem(said.format(hours=task_hours(task.minutes_per_week)), NEW_HOURS)
        # TRANSLATORS: a choice: add the line's task beside the one already listed.
        box.addItem(_("Add both"), BOTH)
        key = (title_key(task.title), match.task.id)
        box.setCurrentIndex(max(box.findData(self._choice(task, match)), 0))
        box.currentIndexChanged.connect(lambda _i: self._choose(key, str(box.currentData())))
        return box

    def _choice(self, task: ParsedTask, match: Match) -> str:
        """The choice made for a line, or the usual one: a listed task without hours takes the line's."""
        usual = NEW_HOURS if _new_hours(task, match) and not match.task.minutes_per_week else MERGE
        chosen = self.choices.get((title_key(task.title), match.task.id), usual)
        return MERGE if chosen == NEW_HOURS and not _new_hours(task, match) else chosen

    def _choose(self, key: tuple[str, int], choice: str) -> None:
        self.choices[key] = choice
        self._show_plan()

    def plan(self) -> tuple[list[ParsedTask], dict[int, int], int]:
        """(tasks to add, listed tasks' new minutes by id, lines merged into a listed task as it is)."""
        new: list[ParsedTask] = []
        hours: dict[int, int] = {}
        kept = 0
        for task in self.dump.tasks:
            match = self.matches.get(task.line_number)
            if match is None:
                new.append(task)
                continue
            choice = self._choice(task, match)
            if choice == BOTH:
                new.append(task)
            elif choice == NEW_HOURS:
                hours[match.task.id] = task.minutes_per_week
            else:
                kept += 1
        return new, hours, kept

    def _show_plan(self) -> None:
        new, hours, _kept = self.plan()
        skipped = len(self.dump.rejected)
        counts = {
            "tasks": ngettext("{count} task", "{count} tasks", len(new)).format(count=text.whole(len(new))),
            "listed": ngettext("{count} listed task", "{count} listed tasks", len(hours)).format(
                count=text.whole(len(hours))
            ),
            "lines": ngettext("{count} line", "{count} lines", skipped).format(count=text.whole(skipped)),
        }
        if new and hours:
            said = (
                # TRANSLATORS: the brain dump's button; {tasks} counts the tasks to add ("3 tasks"), {listed}
                # the tasks listed already given new hours ("1 listed task"), {lines} the lines not understood.
                _("Add {tasks}, update {listed}, skip {lines}")
                if skipped
                else _("Add {tasks}, update {listed}")
            )
        elif new:
            said = _("Add {tasks}, skip {lines}") if skipped else _("Add {tasks}")
        elif hours:
            said = _("Update {listed}, skip {lines}") if skipped else _("Update {listed}")
        else:
            said = _("Nothing new to add") if self.dump.tasks else _("Add tasks")
        self.add_button.setText(said.format(**counts))
        self.add_button.setEnabled(bool(new or hours))

    def _show_preview(self, text: str, *, error: bool) -> None:
        self.preview.setText(text)
        self.preview.setProperty("error", error)
        self.preview.style().unpolish(self.preview)
        self.preview.style().polish(self.preview)

    # --- adding ---------------------------------------------------------------------------------------------
    def _add_if_enabled(self) -> None:
        if self.add_button.isEnabled():
            self.accept()

    def accept(self) -> None:
        new, hours, kept = self.plan()
        if not new and not hours:
            return
        try:
            self.added_ids = self.load.add_many([task.fields() for task in new], new_minutes=hours)
        except InvalidInput as error:
            # TRANSLATORS: {error} says what was refused.
            self._show_preview(_("Nothing was added: {error}").format(error=error), error=True)
            return
        self.updated_ids, self.kept = list(hours), kept
        super().accept()

    def outcome(self) -> str:
        """What adding did, in a sentence for the Load section's message line."""
        added = len(self.added_ids)
        tasks = ngettext("{count} task", "{count} tasks", added).format(count=text.whole(added))
        listed, updated = len(self.updated_ids) + self.kept, len(self.updated_ids)
        if not listed:
            # TRANSLATORS: {tasks} counts the tasks added ("3 tasks").
            return _("Added {tasks}.").format(tasks=tasks)
        if not updated:
            # TRANSLATORS: {tasks} counts the tasks added ("3 tasks"); {count} the lines that were listed already.
            said = ngettext(
                "Added {tasks}; {count} was already listed.",
                "Added {tasks}; {count} were already listed.",
                listed,
            )
        else:
            # TRANSLATORS: as above; {updated} counts the tasks listed already that were given the new hours.
            said = ngettext(
                "Added {tasks}; {count} was already listed ({updated} given new hours).",
                "Added {tasks}; {count} were already listed ({updated} given new hours).",
                listed,
            )
        return said.format(tasks=tasks, count=text.whole(listed), updated=text.whole(updated))


def _already_listed(match: Match) -> str:
    """The tooltip of a line that seems to be a task listed already."""
    # TRANSLATORS: {title} is the task listed already, {hours} its hours a week ("2 h/week").
    said = _("Already listed as “{title}”, {hours}")
    return said.format(title=match.task.title, hours=task_hours(match.task.minutes_per_week))


def _new_hours(task: ParsedTask, match: Match) -> bool:
    """Whether the line gives hours the listed task does not have."""
    return bool(task.minutes_per_week) and task.minutes_per_week != match.task.minutes_per_week


def _short(title: str, most: int = 28) -> str:
    return title if len(title) <= most else title[: most - 1] + "…"
