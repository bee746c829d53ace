"""Dates in forms: Qt's and Python's dates converted, a day editor in the app's one date style, and an optional
date (a check box and a day editor)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from rutjournal.core.i18n import formats

DAY_FORMAT = "ddd d MMM yyyy"  # "Thu 3 Dec 2026", as core.text.day writes a day in English
_CLDR_TO_QT = {"EEEE": "dddd", "E": "ddd", "y": "yyyy"}  # the fields whose letters differ; d, MMM, MMMM agree


def day_format() -> str:
    """Qt's display format for a day, in the language's own order (German "Mi., 3. März 2027"): CLDR's
    pattern, the one core.text.day writes with, in Qt's letters."""
    pattern = formats().get("patterns", {}).get("day")
    if not pattern:
        return DAY_FORMAT
    return re.sub(r"EEEE|E+|y+", lambda found: _CLDR_TO_QT.get(found[0], _CLDR_TO_QT[found[0][0]]), pattern)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def day_edit(name: str, day: dt.date | None = None) -> QDateEdit:
    """A calendar-popup editor for a day that is always given (today unless ``day`` says otherwise); past days
    are as welcome as future ones."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(day_format())
    edit.setAccessibleName(name)
    edit.setDate(qdate(day or dt.date.today()))
    edit.setMinimumWidth(edit.sizeHint().width())  # a squeezed row cuts the year off, never the whole day
    return edit


class DateField(QWidget):
    """An optional date: a check box and a calendar-popup date editor."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(label)
        self.edit = day_edit(label, dt.date.today() + dt.timedelta(days=90))
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit)
        row.addStretch(1)

    def value(self) -> dt.date | None:
        return pydate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(qdate(day))
