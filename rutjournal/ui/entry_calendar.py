"""A month calendar that marks the days with an entry, coloured by that day's mood."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QToolButton, QWidget

from rutjournal.ui.score_selector import MOOD_COLOURS

NO_MOOD_COLOUR = "#9db4cf"

MarksSource = Callable[[dt.date, dt.date], dict[dt.date, int | None]]


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


class EntryCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setAccessibleName("Calendar of entries")
        self.setToolTip("Days with an entry are coloured by mood (red low … green high; blue: no mood set)")
        for name, label in (
            ("qt_calendar_prevmonth", "Previous month"),
            ("qt_calendar_nextmonth", "Next month"),
        ):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setAccessibleName(label)
                button.setToolTip(label)
        self._marks: MarksSource | None = None
        self.currentPageChanged.connect(lambda _y, _m: self.refresh_marks())

    def set_marks_source(self, source: MarksSource) -> None:
        self._marks = source
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Re-read the marks of the shown month only (its neighbours' days, greyed by Qt, stay plain)."""
        self.setDateTextFormat(QDate(), QTextCharFormat())
        if self._marks is None:
            return
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        marks = self._marks(first, first + dt.timedelta(days=31))
        for day, mood in marks.items():
            if day.month != first.month:
                continue  # Qt greys the neighbours' days: grey on a mood colour cannot be read
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(MOOD_COLOURS.get(mood or 0, NO_MOOD_COLOUR))))
            fmt.setForeground(QBrush(QColor("#111111")))
            fmt.setFontWeight(QFont.Weight.Bold)
            self.setDateTextFormat(to_qdate(day), fmt)
