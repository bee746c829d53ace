"""The Crossroads lists as read-only Qt table models: the signals, the check-ins so far, one check-in's answers,
and the job-search applications. Each is filled whole by ``set_rows`` from what the service returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rutjournal.core.crossroads.questions import anchor_words
from rutjournal.core.crossroads.rules import reading, rules_for
from rutjournal.core.crossroads.service import ApplicationView, CheckinView, Question, Signal
from rutjournal.core.crossroads.tracker import STAGE_LABELS
from rutjournal.core.i18n import N_, _, pgettext
from rutjournal.core.text import NOTHING, day, score, short_day
from rutjournal.ui.shell.theme import status_colour

AnyIndex = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
MARKS = {"better": "▲ ", "worse": "▼ ", "steady": "■ "}
LEVEL_MARKS = {"better": "● ", "worse": "● ", "steady": "■ "}
COLOURS = {"better": "good", "worse": "bad"}  # theme.STATUS; the rest are muted


class _Rows(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses say what each cell shows."""

    headers: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        return None

    def header_text(self, section: int) -> str:
        """A column's header in the user's language."""
        return _(self.headers[section])

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


class SignalsModel(_Rows):
    """Each signal: what it is, its value in words, and which way it reads; the tooltip says why it counts and
    which rules read it (toward leaving, toward a step)."""

    headers = (
        # TRANSLATORS: a column header of the signals: what the signal is
        N_("Signal"),
        # TRANSLATORS: a column header of the signals: its value in words
        N_("Value"),
        # TRANSLATORS: a column header of the signals: which way it reads (better, worse, a bad sign…)
        N_("Reads as"),
    )

    def cell(self, row: Signal, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.label
            if column == 1:
                return row.value
            marks = LEVEL_MARKS if row.level else MARKS
            shown = reading(row)
            return marks.get(row.direction, "· ") + shown if row.key != "guidance" else shown
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([row.why, *rules_for(row.key)])
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and row.key != "guidance":
            return status_colour(COLOURS.get(row.direction, "muted"))
        return None


class CheckinsModel(_Rows):
    """The check-ins so far, the newest first: the day, the score, and whether a note was written."""

    headers = (
        # TRANSLATORS: a column header of the check-ins so far: the day of the check-in
        N_("Check-in"),
        # TRANSLATORS: a column header of the check-ins so far: the mean of the answers, 1 to 5
        N_("Score"),
        # TRANSLATORS: a column header of the check-ins so far: whether a note was written
        N_("Note"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.scores: dict[int, float | None] = {}

    def set_checkins(self, checkins: Sequence[CheckinView], scores: dict[int, float | None]) -> None:
        self.scores = dict(scores)
        self.set_rows(checkins)

    def cell(self, row: CheckinView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return day(row.day)
            if column == 1:
                found = self.scores.get(row.id)
                return NOTHING if found is None else f"{score(found)} / 5"
            # TRANSLATORS: in the Note column of the check-ins so far: a note was written with the check-in
            return _("yes") if row.note else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return _(
                "The mean of the answers, 1 to 5; a reverse-scored question is turned round (6 − answer)."
            )
        if role == IdRole:
            return row.id
        return None


class AnswersModel(_Rows):
    """One check-in's answers, read-only: the question, the answer and what that answer means."""

    headers = (
        # TRANSLATORS: a column header of one check-in's answers
        N_("Question"),
        # TRANSLATORS: a column header of one check-in's answers
        N_("Answer"),
    )

    def set_answers(self, questions: Sequence[Question], answers: dict[str, int]) -> None:
        known = {q.key: q for q in questions}
        rows: list[tuple[str, str]] = []
        for key, value in answers.items():
            question = known.get(key)
            if question is None:  # a question since retired: its key is all there is
                rows.append((key, str(value)))
                continue
            word = anchor_words(question.anchors)[value - 1]
            rows.append((question.text, str(value) if word == str(value) else f"{value} ({word})"))
        self.set_rows(rows)

    def cell(self, row: tuple[str, str], column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[column]
        return None


class ApplicationsModel(_Rows):
    """The job-search tracker: company, role, stage, when applied and when it last moved."""

    headers = (
        # TRANSLATORS: a column header of the job-search tracker: the company applied to
        N_("Company"),
        # TRANSLATORS: a column header of the job-search tracker: the job applied for
        N_("Role"),
        # TRANSLATORS: a column header of the job-search tracker: how far the application has got
        N_("Stage"),
        "Applied",  # translated with its own context in header_text: the stage "Applied" is another word
        # TRANSLATORS: a column header of the job-search tracker: the day the application last moved
        N_("Last change"),
    )

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self.today = today

    def header_text(self, section: int) -> str:
        if section == 3:
            # TRANSLATORS: a column header of the job-search tracker: the day the application was sent
            return pgettext("column: the day applied", "Applied")
        return super().header_text(section)

    def cell(self, row: ApplicationView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.company
            if column == 1:
                return row.role
            if column == 2:
                label = STAGE_LABELS.get(row.stage)
                return row.stage if label is None else _(label)
            if column == 3:
                return NOTHING if row.applied_on is None else short_day(row.applied_on, self.today)
            return short_day(row.updated_on, self.today)
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 4):
            shown = row.applied_on if column == 3 else row.updated_on
            return None if shown is None else day(shown)
        if role == IdRole:
            return row.id
        return None
