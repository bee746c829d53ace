"""The Load section's side tabs: what to hand off first, why a task scores as it does, and what was declined.

They only show what the view gives them; the view connects their lists to selecting a task or opening a day.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text
from rutjournal.core.load.service import TaskView, rank_candidates
from rutjournal.core.load.words import declined_sentence, task_hours
from rutjournal.ui.load.facts_form import FactsForm
from rutjournal.ui.load.wrapped_items import WrappedItemDelegate, unbroken

if TYPE_CHECKING:
    from rutjournal.core.journal.search import SearchHit


class LoadSidePanels(QTabWidget):
    """The tabs "Hand off first", "Why" (the selected task's score, with the journal's mentions) and "Saying no"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.why = QLabel(wordWrap=True)
        self.why.setObjectName("taskWhy")
        self.why.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.why.setToolTip(
            "The score adds: not in the job description 40 (partly 20), low value up to 25, dislike up to 20, "
            "2.5 a weekly hour up to 15; a part not rated yet counts as middling (value 10, enjoyment 5)."
        )
        self.mentions = QListWidget()
        self.mentions.setAccessibleName("Journal entries that mention the task")
        self.why.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never cut short
        self.mentions.setMinimumHeight(self.fontMetrics().height() * 4)
        inner = QWidget()
        why_layout = QVBoxLayout(inner)
        why_layout.addWidget(self.why)
        self.facts = FactsForm()
        why_layout.addWidget(self.facts)
        why_layout.addWidget(QLabel("In your journal:"))
        why_layout.addWidget(self.mentions, 1)
        # On a short window the page scrolls rather than squeezing the explanation out of sight.
        self.why_page = why_page = QScrollArea(widgetResizable=True)
        why_page.setFrameShape(QFrame.Shape.NoFrame)
        why_page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        why_page.setWidget(inner)
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
            widget.setItemDelegate(WrappedItemDelegate(widget))
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            widget.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap the items when the pane is resized
        self.setMinimumWidth(240)  # its three tabs, whole; at 900 px wide the table needs the rest
        for page, title, tip in (
            (self.candidates, "Hand off first", "The undecided tasks, best to hand off first"),
            (
                why_page,
                "Why",
                "The selected task: why it scores as it does, its facts, where your journal has it",
            ),
            (no_page, "Saying no", "What you declined, and the hours it gives back"),
        ):
            self.setTabToolTip(self.addTab(page, title), tip)

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
            self.candidates.addItem(
                "Every task has a decision. Undecided tasks will be ranked here."
                if rows
                else "Add your tasks above, or many at once with Brain dump…; the undecided ones are ranked here, "
                "best to hand off first."
            )
        self.saying_no.clear()
        for task in (t for t in rows if t.decision == "decline"):
            said = f"{task.title} — {task_hours(task.minutes_per_week)}"
            said += " · done" if task.done_on is not None else ""
            self._list_item(self.saying_no, said + (f" · {task.reason}" if task.reason else ""), task)
        self.saying_no_total.setText(declined_sentence(rows))

    @staticmethod
    def _list_item(widget: QListWidget, text: str, task: TaskView) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, task.id)
        item.setToolTip(f"{task.delegability.explain()}\n{task.delegability.arithmetic()}")
        widget.addItem(item)

    def show_why(self, task: TaskView | None, mentions: Iterable[SearchHit] = ()) -> None:
        """Explain the selected task's score and list the journal days that mention it (``load.mentions``)."""
        self.mentions.clear()
        self.facts.show_task(task)
        if task is None:
            self.why.setText(
                "Select a task to see why it scores as it does, and where your journal mentions it."
            )
            return
        unrated = [
            w
            for w, missing in (("value", task.value is None), ("enjoyment", task.enjoyment is None))
            if missing
        ]
        hint = (
            f"<br>Rate its {' and '.join(unrated)} below: an unrated part counts as middling."
            if unrated
            else ""
        )
        self.why.setText(
            unbroken(
                f"<b>{html.escape(task.title)}</b><br>Hand-off score <b>{task.delegability.score}</b> of 100: "
                f"{html.escape(task.delegability.explain())}.<br>"
                f"<small>{html.escape(task.delegability.arithmetic())}</small>{hint}"
            )
        )
        for hit in mentions:
            item = QListWidgetItem(f"{text.short_day(hit.day)} — {hit.snippet_text('', '')}")
            item.setToolTip(text.long_day(hit.day))
            item.setData(Qt.ItemDataRole.UserRole, hit.day)
            self.mentions.addItem(item)
        if not self.mentions.count():
            self.mentions.addItem("No journal entry mentions it yet.")
