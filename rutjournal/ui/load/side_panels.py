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
from rutjournal.core.i18n import _
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
            _(
                "The score adds: not in the job description 40 (partly 20), low value up to 25, dislike up to "
                "20, 2.5 a weekly hour up to 15; a part not rated yet counts as middling (value 10, enjoyment 5)."
            )
        )
        self.mentions = QListWidget()
        self.mentions.setAccessibleName(_("Journal entries that mention the task"))
        self.why.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never cut short
        self.mentions.setMinimumHeight(self.fontMetrics().height() * 4)
        inner = QWidget()
        why_layout = QVBoxLayout(inner)
        why_layout.addWidget(self.why)
        self.facts = FactsForm()
        why_layout.addWidget(self.facts)
        # TRANSLATORS: above the list of journal days that mention the selected task.
        why_layout.addWidget(QLabel(_("In your journal:")))
        why_layout.addWidget(self.mentions, 1)
        # On a short window the page scrolls rather than squeezing the explanation out of sight.
        self.why_page = why_page = QScrollArea(widgetResizable=True)
        why_page.setFrameShape(QFrame.Shape.NoFrame)
        why_page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        why_page.setWidget(inner)
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(_("Candidates to hand off"))
        self.saying_no = QListWidget()
        # TRANSLATORS: the list of the tasks declined (the tab "Saying no").
        self.saying_no.setAccessibleName(_("Saying no"))
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
            # TRANSLATORS: a tab of the Load section: the undecided tasks, best to hand off first.
            (self.candidates, _("Hand off first"), _("The undecided tasks, best to hand off first")),
            (
                why_page,
                # TRANSLATORS: a tab of the Load section: why the selected task scores as it does.
                _("Why"),
                _("The selected task: why it scores as it does, its facts, where your journal has it"),
            ),
            # TRANSLATORS: a tab of the Load section: the tasks declined, and the hours they give back.
            (no_page, _("Saying no"), _("What you declined, and the hours it gives back")),
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
                _("Every task has a decision. Undecided tasks will be ranked here.")
                if rows
                # TRANSLATORS: "Brain dump…" is the button that adds many tasks at once.
                else _(
                    "Add your tasks above, or many at once with Brain dump…; the undecided ones are ranked "
                    "here, best to hand off first."
                )
            )
        self.saying_no.clear()
        for task in (t for t in rows if t.decision == "decline"):
            hours = task_hours(task.minutes_per_week)
            said = f"{task.title} — {hours}"
            if task.done_on is not None:
                # TRANSLATORS: a task declined and carried out: its title, its hours a week ("2 h/week").
                said = _("{title} — {hours} · done").format(title=task.title, hours=hours)
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
                _("Select a task to see why it scores as it does, and where your journal mentions it.")
            )
            return
        hint = ""
        if task.value is None and task.enjoyment is None:
            hint = _("Rate its value and enjoyment below: an unrated part counts as middling.")
        elif task.value is None:
            hint = _("Rate its value below: an unrated part counts as middling.")
        elif task.enjoyment is None:
            hint = _("Rate its enjoyment below: an unrated part counts as middling.")
        # TRANSLATORS: rich text: the task's title, its score (0–100) and the reasons, then the sum behind it.
        said = _(
            "<b>{title}</b><br>Hand-off score <b>{score}</b> of 100: {reasons}.<br><small>{arithmetic}</small>"
        ).format(
            title=html.escape(task.title),
            score=text.whole(task.delegability.score),
            reasons=html.escape(task.delegability.explain()),
            arithmetic=html.escape(task.delegability.arithmetic()),
        )
        self.why.setText(unbroken(f"{said}<br>{hint}" if hint else said))
        for hit in mentions:
            item = QListWidgetItem(f"{text.short_day(hit.day)} — {hit.snippet_text('', '')}")
            item.setToolTip(text.long_day(hit.day))
            item.setData(Qt.ItemDataRole.UserRole, hit.day)
            self.mentions.addItem(item)
        if not self.mentions.count():
            self.mentions.addItem(_("No journal entry mentions it yet."))
