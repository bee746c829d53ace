"""The Grow section: where you want to go, the gaps between you and it, and the proof that they are closing.

Everything is saved as it is entered, through the Grow service; the tree and the lists re-read after each change.
The Goal, Evidence and "Challenges asked for" tabs live in ``goal_panel``, ``evidence_panel`` and
``challenges_panel``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.choices import GAP_KINDS
from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.promotion_case import KIND_WORDS
from rutjournal.core.grow.service import GoalView, Grow
from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger
from rutjournal.ui.grow.challenges_panel import ChallengesPanel
from rutjournal.ui.grow.evidence_panel import EvidencePanel
from rutjournal.ui.grow.goal_panel import GoalPanel
from rutjournal.ui.grow.goal_tree import GoalTreeModel, IdRole, KindRole, target_heading
from rutjournal.ui.widgets.date_field import DateField, day_edit, pydate, qdate
from rutjournal.ui.widgets.message import show_message

log = logger(__name__)


class GrowView(QWidget):
    open_day = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grow: Grow | None = None
        self.model = GoalTreeModel(self)
        self._build()
        self._connect()

    # --- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        # The target's name and its progress in words get a row of their own: beside the fields they wrapped
        # to a word a line in a narrow window.
        self.target_label = QLabel(wordWrap=True)
        self.target_label.setObjectName("targetTitle")
        self.target_title = QLineEdit(placeholderText=_("Where do you want to go? e.g. Senior Analyst"))
        self.target_title.setAccessibleName(_("Target role"))
        self.target_title.setMinimumWidth(140)
        # TRANSLATORS: a check box before a date: the day you want to reach the target role by
        self.target_by = DateField(_("by"))
        self.target_button = QPushButton(_("Set target"))
        self.case_button = QPushButton(_("Promotion case…"))
        self.case_button.setToolTip(_("Save the case for your target as PDF or Markdown"))
        self.case_print = QPushButton(_("Print…"))
        self.case_print.setToolTip(_("Print the promotion case"))
        head = QHBoxLayout()
        head.addWidget(self.target_title, 1)
        for w in (self.target_by, self.target_button, self.case_button, self.case_print):
            head.addWidget(w)

        self.tree = QTreeView()
        self.tree.setAccessibleName(_("Gaps, goals and milestones"))
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # titles take what is left, elided
        for column in (1, 2, 3):  # progress, due and pace are short and never cut
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.gap_kind = QComboBox()
        self.gap_kind.setAccessibleName(_("Kind of gap"))
        for kind in GAP_KINDS:
            self.gap_kind.addItem(_(KIND_WORDS[kind]), kind)
        self.gap_title = QLineEdit(placeholderText=_("A gap, e.g. leading a team"))
        self.gap_title.setAccessibleName(_("New gap"))
        self.gap_good = QLineEdit(placeholderText=_("What good looks like (optional)"))
        self.gap_good.setAccessibleName(_("What good looks like"))
        self.gap_button = QPushButton(_("Add gap"))
        self.goal_title = QLineEdit(placeholderText=_("A goal for the selected gap"))
        self.goal_title.setAccessibleName(_("New goal"))
        self.goal_start = day_edit(_("Started on"))
        self.goal_start.setToolTip(_("When you started on it: a goal already under way starts in the past."))
        # TRANSLATORS: a check box before a date: the goal is due on that day
        self.goal_due = DateField(_("due"))
        self.goal_button = QPushButton(_("Add goal"))
        self.milestone_title = QLineEdit(placeholderText=_("A milestone for the selected goal"))
        self.milestone_title.setAccessibleName(_("New milestone"))
        self.milestone_button = QPushButton(_("Add milestone"))
        self.delete_button = QPushButton(_("Delete selected…"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        rows: tuple[tuple[QWidget, ...], ...] = (
            (self.gap_kind, self.gap_title),
            (self.gap_good, self.gap_button),
            # TRANSLATORS: a label between a new goal's title and the day it was started on
            (self.goal_title, QLabel(_("started")), self.goal_start),
            (self.goal_due, self.goal_button),
            (self.milestone_title, self.milestone_button, self.delete_button),
        )
        for widgets in rows:
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget, 1 if isinstance(widget, (QLineEdit, DateField)) else 0)
            left_layout.addLayout(row)

        self.goal_panel = goal = GoalPanel()
        # the panels' widgets keep their old names on the view, for the tests and anything else reaching in
        self.goal_heading, self.goal_status, self.goal_started = goal.heading, goal.status, goal.started
        self.goal_due_edit, self.goal_percent = goal.due, goal.percent
        self.goal_pace, self.goal_save = goal.pace, goal.save
        self.evidence_panel = evidence = EvidencePanel(self._do)
        self.evidence_list, self.evidence_text = evidence.items, evidence.text
        self.evidence_result, self.evidence_kind = evidence.result, evidence.kind
        self.evidence_gap, self.evidence_button = evidence.gap, evidence.button
        self.evidence_day = evidence.day
        self.challenges_panel = challenges = ChallengesPanel(self._do, self._say)
        self.challenge_summary, self.challenge_list = challenges.summary, challenges.items
        self.challenge_what, self.challenge_of = challenges.what, challenges.asked_of
        self.challenge_day = challenges.day
        self.challenge_button, self.answer_buttons = challenges.button, challenges.answer_buttons

        self.tabs = QTabWidget()
        # TRANSLATORS: the names of three tabs: the selected goal, the evidence of your work, the challenges asked for
        self.tabs.addTab(goal, _("Goal"))
        self.tabs.addTab(evidence, _("Evidence"))
        self.tabs.addTab(challenges, _("Challenges"))  # the whole name would not fit a narrow window
        self.tabs.setTabToolTip(
            2, _("Challenges asked for: more responsibility you asked for, and the answers")
        )
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # 3 : 2 at any width, whatever the tabs' contents would like
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("growMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.target_label)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.target_button.clicked.connect(self._set_target)
        self.case_button.clicked.connect(self._save_case)
        self.case_print.clicked.connect(self._print_case)
        self.gap_button.clicked.connect(self._add_gap)
        self.gap_title.returnPressed.connect(self._add_gap)
        self.goal_button.clicked.connect(self._add_goal)
        self.goal_title.returnPressed.connect(self._add_goal)
        self.milestone_button.clicked.connect(self._add_milestone)
        self.milestone_title.returnPressed.connect(self._add_milestone)
        self.delete_button.clicked.connect(self._delete_selected)
        self.goal_panel.save.clicked.connect(self._save_goal)
        self.model.milestone_toggled.connect(self._tick)
        self.model.renamed.connect(self._rename)
        self.tree.selectionModel().currentChanged.connect(lambda _c, _p: self._show_goal())

    # --- data ---------------------------------------------------------------------------------------------
    def set_grow(self, grow: Grow) -> None:
        self.grow = self.evidence_panel.grow = self.challenges_panel.grow = grow
        self.refresh()

    def refresh(self) -> None:
        if self.grow is None:
            return
        target = self.grow.active_target()
        expanded = self._expanded()
        self.model.show_target(target)
        self._restore_expanded(expanded)
        if target is None:
            self.target_label.setText(
                _("<b>No target role yet.</b> Name where you want to go, then the gaps to it.")
            )
            self.target_button.setText(_("Set target"))
        else:
            self.target_label.setText(target_heading(target, dt.date.today()))
            self.target_button.setText(_("New target"))
            self.target_title.setPlaceholderText(_("A new target role (this one is kept as history)"))
        self.evidence_panel.fill(target)
        self.challenges_panel.fill()
        self._show_goal()

    def reread(self) -> None:
        """Read everything again for another writer's change, keeping the selected item selected."""
        kind, ident = self._selected()
        self.refresh()
        if kind is not None and ident is not None:
            self._select(kind, ident)

    # --- selection helpers --------------------------------------------------------------------------------
    def _selected(self) -> tuple[str | None, int | None]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None, None
        first = index.siblingAtColumn(0)
        return first.data(KindRole), first.data(IdRole)

    def _selected_of(self, kind: str) -> int | None:
        """The id of the selected item of ``kind``, or of its parent/grand-parent of that kind."""
        index = self.tree.currentIndex().siblingAtColumn(0)
        while index.isValid():
            if index.data(KindRole) == kind:
                return int(index.data(IdRole))
            index = index.parent()
        return None

    def _expanded(self) -> set[tuple[str, int]]:
        found = set()
        stack = [self.model.index(r, 0) for r in range(self.model.rowCount())]
        while stack:
            index = stack.pop()
            if self.tree.isExpanded(index):
                found.add((index.data(KindRole), index.data(IdRole)))
            stack.extend(self.model.index(r, 0, index) for r in range(self.model.rowCount(index)))
        return found

    def _restore_expanded(self, keys: set[tuple[str, int]]) -> None:
        stack = [self.model.index(r, 0) for r in range(self.model.rowCount())]
        while stack:
            index = stack.pop()
            if not keys or (index.data(KindRole), index.data(IdRole)) in keys:
                self.tree.expand(index)
            stack.extend(self.model.index(r, 0, index) for r in range(self.model.rowCount(index)))

    def _select(self, kind: str, ident: int) -> None:
        stack = [self.model.index(r, 0) for r in range(self.model.rowCount())]
        while stack:
            index = stack.pop()
            if (index.data(KindRole), index.data(IdRole)) == (kind, ident):
                self.tree.setCurrentIndex(index)
                return
            stack.extend(self.model.index(r, 0, index) for r in range(self.model.rowCount(index)))

    # --- actions ------------------------------------------------------------------------------------------
    def _do(self, action, done: str = "") -> object:  # type: ignore[no-untyped-def]
        try:
            result = action()
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return None
        self.refresh()
        self._say(done)
        return result

    def _set_target(self) -> None:
        if self.grow is None:
            return
        title = self.target_title.text()
        if self._do(
            lambda: self.grow.set_target(title, self.target_by.value()),
            # TRANSLATORS: {role} is the target role just set
            _("Target set: {role}.").format(role=title.strip()),
        ):
            self.target_title.clear()

    def _add_gap(self) -> None:
        if self.grow is None:
            return
        title, kind, good = self.gap_title.text(), self.gap_kind.currentData(), self.gap_good.text()
        gap_id = self._do(
            lambda: self.grow.add_gap(title, kind, good), _("Gap added. Now add a goal that closes it.")
        )
        if gap_id:
            self.gap_title.clear()
            self.gap_good.clear()
            self._select("gap", int(gap_id))  # type: ignore[call-overload]

    def _add_goal(self) -> None:
        gap_id = self._selected_of("gap")
        if self.grow is None or gap_id is None:
            self._say(_("Select the gap this goal closes first."), error=True)
            return
        title, start, due = self.goal_title.text(), pydate(self.goal_start.date()), self.goal_due.value()
        goal_id = self._do(
            lambda: self.grow.add_goal(title, gap_id, due=due, started_on=start),
            _("Goal added. Break it into milestones."),
        )
        if goal_id:
            self.goal_title.clear()
            self.goal_start.setDate(qdate(dt.date.today()))
            self._select("goal", int(goal_id))  # type: ignore[call-overload]

    def _add_milestone(self) -> None:
        goal_id = self._selected_of("goal")
        if self.grow is None or goal_id is None:
            self._say(_("Select the goal this milestone belongs to first."), error=True)
            return
        title = self.milestone_title.text()
        if self._do(lambda: self.grow.add_milestone(goal_id, title), _("Milestone added.")):
            self.milestone_title.clear()
            self._select("goal", goal_id)

    def _tick(self, milestone_id: int, done: bool) -> None:
        if self.grow is not None:
            self._do(lambda: self.grow.set_milestone_done(milestone_id, done), "")

    def _rename(self, kind: str, ident: int, title: str) -> None:
        if self.grow is None:
            return
        if kind == "goal" and self.grow.goal(ident).title != title:
            self._do(lambda: self.grow.update_goal(ident, title=title), _("Renamed."))

    def _delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        kind, ident = self._selected()
        if self.grow is None or kind is None or ident is None:
            return
        question = {
            "gap": _("Delete this gap, its goals and milestones? This cannot be undone."),
            "goal": _("Delete this goal and its milestones? This cannot be undone."),
            "milestone": _("Delete this milestone? This cannot be undone."),
        }[kind]
        # TRANSLATORS: the title of a window that asks before deleting
        answer = QMessageBox.question(self, _("Delete"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete = {
            "gap": self.grow.delete_gap,
            "goal": self.grow.delete_goal,
            "milestone": self.grow.delete_milestone,
        }[kind]
        self._do(lambda: delete(int(ident)), _("Deleted."))

    def current_goal(self) -> GoalView | None:
        goal_id = self._selected_of("goal")
        if self.grow is None or goal_id is None:
            return None
        try:
            return self.grow.goal(goal_id)
        except InvalidInput:
            return None

    def _show_goal(self) -> None:
        self.goal_panel.show_goal(self.current_goal(), dt.date.today())

    def _save_goal(self) -> None:
        goal = self.current_goal()
        if self.grow is None or goal is None:
            return
        fields = self.goal_panel.changes(goal)
        self._do(lambda: self.grow.update_goal(goal.id, **fields), _("Goal saved."))
        self._select("goal", goal.id)

    def add_evidence_text(self, text: str, day: dt.date) -> int | None:
        """Evidence from a journal entry's selected text (the journal's context menu)."""
        if self.grow is None or not text.strip():
            return None
        evidence_id = self.grow.add_evidence(text.strip()[:2000], day=day)
        self.refresh()
        return evidence_id

    def _case_markdown(self) -> str:
        from rutjournal.core.reports import promotion_case_markdown

        assert self.grow is not None
        return promotion_case_markdown(self.grow.db)

    def _save_case(self) -> None:
        if self.grow is None:
            return
        from rutjournal.ui.transfer.report_export import save_report

        # TRANSLATORS: the name of a report, the case for your promotion, also the title of its PDF
        path = save_report(self, _("Promotion case"), "promotion-case.pdf", self._case_markdown)
        if path is not None:
            # TRANSLATORS: {path} is the file the report was written to
            self._say(_("Saved {path}.").format(path=path))

    def _print_case(self) -> None:
        if self.grow is not None:
            from rutjournal.ui.transfer.report_export import print_report

            print_report(self, self._case_markdown)

    def _say(self, text: str, *, error: bool = False) -> None:
        show_message(self.message, text, error=error)
