"""A month calendar that marks the days with an entry, coloured by that day's mood, and its legend.

The selected day keeps its mood colour: it is drawn framed in the highlight colour rather than filled with it
(Qt's default), so the day being written is not the one day whose mood cannot be seen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QToolButton, QWidget

from rutjournal.core.i18n import _
from rutjournal.ui.widgets.score_selector import MOOD_COLOURS

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
        self.setAccessibleName(_("Calendar of entries"))
        self.setToolTip(
            _("Days with an entry are coloured by mood (red low … green high; blue: no mood set)")
        )
        for name, label in (
            ("qt_calendar_prevmonth", _("Previous month")),
            ("qt_calendar_nextmonth", _("Next month")),
        ):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setAccessibleName(label)
                button.setToolTip(label)
        self._marks: MarksSource | None = None
        self.colours: dict[dt.date, QColor] = {}  # the shown month's marked days
        self.currentPageChanged.connect(lambda _y, _m: self.refresh_marks())

    def set_marks_source(self, source: MarksSource) -> None:
        self._marks = source
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Re-read the marks of the shown month only (its neighbours' days, greyed by Qt, stay plain)."""
        self.setDateTextFormat(QDate(), QTextCharFormat())
        self.colours = {}
        if self._marks is None:
            return
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        marks = self._marks(first, first + dt.timedelta(days=31))
        for day, mood in marks.items():
            if day.month != first.month:
                continue  # Qt greys the neighbours' days: grey on a mood colour cannot be read
            fmt = QTextCharFormat()
            self.colours[day] = QColor(MOOD_COLOURS.get(mood or 0, NO_MOOD_COLOUR))
            fmt.setBackground(QBrush(self.colours[day]))
            fmt.setForeground(QBrush(QColor("#111111")))
            fmt.setFontWeight(QFont.Weight.Bold)
            self.setDateTextFormat(to_qdate(day), fmt)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate | dt.date) -> None:
        day = date if isinstance(date, dt.date) else to_date(date)
        colour = self.colours.get(day)
        if colour is None or day != to_date(self.selectedDate()):
            super().paintCell(painter, rect, date)  # type: ignore[arg-type]
            return
        painter.save()
        painter.fillRect(rect, colour)
        frame = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
        painter.setPen(frame)
        painter.drawRect(rect.adjusted(1, 1, -2, -2))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(day.day))
        painter.restore()


class MoodLegend(QWidget):
    """What the calendar's colours mean: mood 1 … 5, and a day written with no mood set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moodLegend")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 0)
        row.setSpacing(4)
        # TRANSLATORS: the label in front of the calendar's colour legend: the colours of mood 1 to 5
        row.addWidget(QLabel(_("Mood")))
        for value in range(1, 6):
            # TRANSLATORS: the tooltip of a colour in the calendar's legend; {score} is a mood score, 1 to 5
            row.addWidget(_swatch(MOOD_COLOURS[value], str(value), _("mood {score}").format(score=value)))
        row.addSpacing(6)
        row.addWidget(_swatch(NO_MOOD_COLOUR, "", _("written, no mood set")))
        # TRANSLATORS: the legend of the blue colour in the calendar: a day written with no mood set
        row.addWidget(QLabel(_("no mood")))
        row.addStretch(1)
        self.setAccessibleName(
            _("Calendar colours: mood 1 (red) to 5 (green); blue, written with no mood set")
        )


def _swatch(colour: str, text: str, tip: str) -> QLabel:
    label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
    label.setFixedSize(22, 18)
    label.setStyleSheet(f"background: {colour}; color: #111111; border-radius: 3px; font-weight: bold;")
    label.setToolTip(tip)
    return label
