"""The Load section's side tabs: what to hand off first, why a task scores as it does, and what was declined.

They only show what the view gives them; the view connects their lists to selecting a task or opening a day.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.delegability import format_minutes
from rutjournal.core.load import TaskView, rank_candidates

if TYPE_CHECKING:
    from rutjournal.core.search import SearchHit


class LoadSidePanels(QTabWidget):
    """The tabs "Hand off first", "Why this score" (with the journal's mentions) and "Saying no"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.why = QLabel(objectName="taskWhy", wordWrap=True)
        self.why.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.mentions = QListWidget()
        self.mentions.setAccessibleName("Journal entries that mention the task")
        why_page = QWidget()
        why_layout = QVBoxLayout(why_page)
        why_layout.addWidget(self.why)
        why_layout.addWidget(QLabel("In your journal:"))
        why_layout.addWidget(self.mentions, 1)
        self.candidates = QListWidget()
        self.candidates.setAccessibleName("Candidates to hand off")
        self.saying_no = QListWidget()
        self.saying_no.setAccessibleName("Saying no")
        self.saying_no_total = QLabel(wordWrap=True)
        no_page = QWidget()
        no_layout = QVBoxLayout(no_page)
        no_layout.addWidget(self.saying_no_total)
        no_layout.addWidget(self.saying_no, 1)
        for widget in (self.candidates, self.saying_no, self.mentions):
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            widget.setSpacing(3)
        self.setMinimumWidth(330)
        self.addTab(self.candidates, "Hand off first")
        self.addTab(why_page, "Why this score")
        self.addTab(no_page, "Saying no")

    def show_rows(self, rows: list[TaskView]) -> None:
        """Re-rank the hand-off candidates and re-list the declined tasks from the table's rows."""
        self.candidates.clear()
        ranked = rank_candidates(rows)
        for task in ranked[:25]:
            self._list_item(
                self.candidates,
                f"{task.delegability.score:>3}  {task.title} — {task.delegability.explain()}",
                task,
            )
        if not ranked:
            self.candidates.addItem("Every task has a decision. Undecided tasks will be ranked here.")
        self.saying_no.clear()
        declined = [t for t in rows if t.decision == "decline"]
        for task in declined:
            hours = format_minutes(task.minutes_per_week)
            self._list_item(
                self.saying_no, f"{task.title} — {hours}" + (f" · {task.reason}" if task.reason else ""), task
            )
        saved = sum(t.minutes_per_week for t in declined)
        self.saying_no_total.setText(
            f"You declined {len(declined)} meeting{'s' if len(declined) != 1 else ''} or project"
            f"{'s' if len(declined) != 1 else ''}: {format_minutes(saved) if saved else '0 h/week'} back."
            if declined
            else "Nothing declined yet. Set a meeting or project to “decline”, with a reason."
        )

    @staticmethod
    def _list_item(widget: QListWidget, text: str, task: TaskView) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, task.id)
        item.setToolTip(task.delegability.explain())
        widget.addItem(item)

    def show_why(self, task: TaskView | None, mentions: Iterable[SearchHit] = ()) -> None:
        """Explain the selected task's score and list the journal days that mention it (``load.mentions``)."""
        self.mentions.clear()
        if task is None:
            self.why.setText(
                "Select a task to see why it scores as it does, and where your journal mentions it."
            )
            return
        self.why.setText(
            f"<b>{task.title}</b><br>Hand-off score <b>{task.delegability.score}</b> of 100: "
            f"{task.delegability.explain()}.<br><small>The score adds: not in the job description 40 (partly "
            "20), low value up to 25, dislike up to 20, 2.5 a weekly hour up to 15.</small>"
        )
        for hit in mentions:
            item = QListWidgetItem(f"{hit.day:%a %d %b %Y} — {hit.snippet_text('', '')}")
            item.setData(Qt.ItemDataRole.UserRole, hit.day)
            self.mentions.addItem(item)
        if not self.mentions.count():
            self.mentions.addItem("No journal entry mentions it yet.")
