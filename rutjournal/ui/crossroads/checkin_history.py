"""The check-ins so far, read-only: a list of them (the newest first) and the answers and note of the one
selected, so last month's judgement can be read beside this month's."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.i18n import _
from rutjournal.core.text import day, score
from rutjournal.ui.crossroads.crossroads_models import AnswersModel, CheckinsModel, IdRole


def read_only_table(name: str) -> QTableView:
    """A table to read, not edit: whole rows selected, text wrapped, rows as tall as their text."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setHighlightSections(False)
    return table


class CheckinHistory(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crossroads: Crossroads | None = None
        self.model = CheckinsModel()
        self.list = read_only_table(_("Check-ins so far"))
        self.list.setModel(self.model)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(
            _("No check-in yet. Each one you save (This month's check-in) is kept here to read again."),
            wordWrap=True,
        )
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("checkinHeading")
        self.answers_model = AnswersModel()
        self.answers = read_only_table(_("Answers of the selected check-in"))
        self.answers.setModel(self.answers_model)
        self.answers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        answers_header = self.answers.horizontalHeader()
        answers_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        answers_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("checkinNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # the user's words, never read as markup
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        detail = QWidget()
        dv = QVBoxLayout(detail)
        dv.setContentsMargins(0, 0, 0, 0)
        dv.addWidget(self.heading)
        dv.addWidget(self.answers, 1)
        dv.addWidget(self.note)
        self.split = QSplitter()
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.list)
        self.split.addWidget(detail)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.split, 1)
        layout.addStretch(0)
        self.list.selectionModel().selectionChanged.connect(self._selected)

    def set_crossroads(self, crossroads: Crossroads) -> None:
        self.crossroads = crossroads
        self.refresh()

    def refresh(self) -> None:
        """Read the check-ins again, keeping the one selected (the newest when none is)."""
        if self.crossroads is None:
            return
        chosen = self.selected_id()
        checkins = self.crossroads.checkins()
        self.model.set_checkins(checkins, {c.id: self.crossroads.score(c) for c in checkins})
        self.empty.setVisible(not checkins)
        self.split.setVisible(bool(checkins))
        ids = [c.id for c in checkins]
        row = ids.index(chosen) if chosen in ids else 0
        if checkins:
            self.list.selectRow(row)
        self._show_selected()

    def selected_id(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        return int(rows[0].data(IdRole)) if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        assert self.crossroads is not None
        chosen = self.selected_id()
        checkin = next((c for c in self.model.rows if c.id == chosen), None)
        if checkin is None:
            self.heading.setText("")
            self.answers_model.set_answers([], {})
            self.note.setText("")
            return
        mean = self.model.scores.get(checkin.id)
        if mean is None:
            # TRANSLATORS: {day} is the day of the check-in shown
            heading = _("<b>{day}</b> (read only)").format(day=day(checkin.day))
        else:
            # TRANSLATORS: {day} is the day of the check-in shown, {score} the mean of its answers ("3.4")
            heading = _("<b>{day}</b>, score {score} / 5 (read only)").format(
                day=day(checkin.day), score=score(mean)
            )
        self.heading.setText(heading)
        self.answers_model.set_answers(self.crossroads.questions(), checkin.answers)
        # TRANSLATORS: {note} is the note the user wrote with a check-in
        self.note.setText(_("Note: {note}").format(note=checkin.note) if checkin.note else _("No note."))
