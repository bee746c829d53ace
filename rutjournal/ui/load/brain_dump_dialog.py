"""The brain dump: type or paste every task at once, one a line, and see how each line is read before adding.

The lines are parsed as you type (``rutjournal.core.brain_dump``); the table shows how every line was read
and the line under the text says how many tasks, how many hours, and which lines were not understood. Adding
is one transaction: every task is added, or none is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from rutjournal.core.brain_dump import BrainDump, parse_brain_dump
from rutjournal.core.delegability import format_minutes
from rutjournal.core.errors import InvalidInput
from rutjournal.core.load import Load
from rutjournal.ui.theme import status_colour

PLACEHOLDER = "Weekly status report, 2h\nTeam standup 15m daily\n- Fix the shared spreadsheet"
SHOWN_REJECTIONS = 3


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _hours(minutes: int) -> str:
    return format_minutes(minutes) if minutes else "0 h/week"


def describe(dump: BrainDump) -> str:
    """The preview line: '8 tasks · 14.5 h/week · 1 line not understood: line 4: …'."""
    if not dump.tasks and not dump.rejected:
        return "Nothing to add yet: type one task per line."
    parts = [_plural(len(dump.tasks), "task"), _hours(dump.total_minutes)]
    if dump.tasks and dump.untimed:
        parts[-1] += f" ({dump.untimed} without a time yet)"
    if dump.rejected:
        shown = "; ".join(f"line {r.line_number}: {r.reason}" for r in dump.rejected[:SHOWN_REJECTIONS])
        rest = dump.rejected[SHOWN_REJECTIONS:]
        if rest:
            shown += f"; and lines {', '.join(str(r.line_number) for r in rest)}"
        parts.append(f"{_plural(len(dump.rejected), 'line')} not understood: {shown}")
    return " · ".join(parts)


class BrainDumpDialog(QDialog):
    """Add many tasks at once. After ``accept`` the new tasks' ids are in ``added_ids``."""

    def __init__(self, load: Load, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load = load
        self.added_ids: list[int] = []
        self.dump = BrainDump()
        self.setWindowTitle("Brain dump: add many tasks")
        self.setObjectName("brainDumpDialog")
        self.resize(640, 600)
        self._build()
        self.editor.textChanged.connect(self._reparse)
        self._reparse()

    def _build(self) -> None:
        intro = QLabel(
            "List everything you do, one task or meeting per line. Add the time it takes if you know it "
            "(2h, 90 min, 2-3h, 15m daily, 4h a month); leave it out and fill it in later.",
            wordWrap=True,
        )
        self.editor = QPlainTextEdit(placeholderText=PLACEHOLDER)
        self.editor.setObjectName("brainDumpText")
        self.editor.setAccessibleName("Tasks, one per line")
        self.editor.setTabChangesFocus(True)
        intro.setBuddy(self.editor)

        self.preview = QLabel(wordWrap=True)
        self.preview.setObjectName("brainDumpPreview")
        self.preview.setAccessibleName("Preview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("brainDumpTable")
        self.table.setAccessibleName("How each line is read")
        self.table.setHorizontalHeaderLabels(["Line", "Task", "Kind", "Per week"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button: QPushButton = self.buttons.addButton(
            "Add tasks", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip("Add every task listed (Ctrl+Enter)")
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

    def _reparse(self) -> None:
        self.dump = parse_brain_dump(self.editor.toPlainText())
        self._show_preview(describe(self.dump), error=False)
        rows: list[tuple[int, tuple[str, str, str], str | None]] = [
            (task.line_number, (task.title, task.kind.title(), _hours(task.minutes_per_week)), None)
            for task in self.dump.tasks
        ]
        rows += [(r.line_number, (r.line, "", "not added"), r.reason) for r in self.dump.rejected]
        rows.sort(key=lambda row: row[0])
        self.table.setRowCount(len(rows))
        for index, (number, (title, kind, per_week), reason) in enumerate(rows):
            untimed = reason is None and per_week == _hours(0)
            cells = (str(number), title, kind, "–" if untimed else per_week)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if reason is not None:
                    item.setForeground(status_colour("bad"))
                    item.setToolTip(f"Not understood: {reason}")
                elif untimed:
                    item.setToolTip("No time given: fill it in later in the task list")
                self.table.setItem(index, column, item)
        count = len(self.dump.tasks)
        label = f"Add {_plural(count, 'task')}" if count else "Add tasks"
        if count and self.dump.rejected:
            label += f", skip {_plural(len(self.dump.rejected), 'line')}"
        self.add_button.setText(label)
        self.add_button.setEnabled(bool(count))

    def _show_preview(self, text: str, *, error: bool) -> None:
        self.preview.setText(text)
        self.preview.setProperty("error", error)
        self.preview.style().unpolish(self.preview)
        self.preview.style().polish(self.preview)

    def _add_if_enabled(self) -> None:
        if self.add_button.isEnabled():
            self.accept()

    def accept(self) -> None:
        if not self.dump.tasks:
            return
        try:
            self.added_ids = self.load.add_many([task.fields() for task in self.dump.tasks])
        except InvalidInput as error:
            self._show_preview(f"Nothing was added: {error}", error=True)
            return
        super().accept()
