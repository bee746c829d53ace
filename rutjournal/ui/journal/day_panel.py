"""The right-hand side of the journal: the calendar, the four 1–5 scores, hours worked and tags.

It holds no data of its own: the journal view puts a day's values in (``show``), reads them back
(``scores_now``), and hears of every change through ``edited``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from rutjournal.core.values import Scores
from rutjournal.ui.journal.entry_calendar import EntryCalendar, MoodLegend
from rutjournal.ui.widgets.score_selector import ScoreSelector
from rutjournal.ui.widgets.tag_edit import TagEdit

SCORE_WORDS = {
    "mood": ("Mood", ("awful", "low", "okay", "good", "great")),
    "energy": ("Energy", ("drained", "tired", "steady", "lively", "full")),
    "challenge": ("Challenge", ("bored", "coasting", "engaged", "pushed", "stretched")),
    "load": ("Load", ("light", "easy", "full", "heavy", "crushing")),
}


class DayPanel(QWidget):
    edited = Signal()  # a score, the hours or the tags changed by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayPanel")
        self.calendar = EntryCalendar()
        self.scores = {name: ScoreSelector(label, words) for name, (label, words) in SCORE_WORDS.items()}
        self.hours = QDoubleSpinBox(minimum=-0.5, maximum=24, singleStep=0.5, decimals=1, suffix=" h")
        self.hours.setSpecialValueText("not set")
        self.hours.setAccessibleName("Hours worked")
        self.hours.setToolTip("Hours worked today, in half hours. Down to 'not set' to leave it blank.")
        self.tags = TagEdit()
        self.manage_tags = QToolButton()
        self.manage_tags.setText("…")
        self.manage_tags.setObjectName("manageTags")
        self.manage_tags.setToolTip("Tags: rename, merge or delete them across the journal")
        self.manage_tags.setAccessibleName("Manage tags")
        tag_row = QHBoxLayout()
        tag_row.setContentsMargins(0, 0, 0, 0)
        tag_row.addWidget(self.tags, 1)
        tag_row.addWidget(self.manage_tags)
        form = QFormLayout()
        form.addRow("Hours worked", self.hours)
        form.addRow("Tags", tag_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.calendar)
        self.legend = MoodLegend()
        layout.addWidget(self.legend)
        layout.addSpacing(8)
        for selector in self.scores.values():
            layout.addWidget(selector)
            selector.value_changed.connect(lambda _v: self.edited.emit())
        layout.addLayout(form)
        layout.addStretch(1)
        self.hours.valueChanged.connect(lambda _v: self.edited.emit())
        self.tags.textEdited.connect(lambda _t: self.edited.emit())
        self.tags.editingFinished.connect(self.edited.emit)

    def show_values(self, scores: Scores, tags: tuple[str, ...] | list[str]) -> None:
        """Put a day's values in without counting it as an edit."""
        for name, selector in self.scores.items():
            selector.set_value(getattr(scores, name))
        self.hours.blockSignals(True)
        self.hours.setValue(-0.5 if scores.hours is None else scores.hours)
        self.hours.blockSignals(False)
        self.tags.set_tags(tags)

    def scores_now(self) -> Scores:
        hours = self.hours.value()
        return Scores(
            mood=self.scores["mood"].value(),
            energy=self.scores["energy"].value(),
            challenge=self.scores["challenge"].value(),
            hours=None if hours < 0 else round(hours * 2) / 2,  # typed 7.3 counts as 7.5: half hours only
            load=self.scores["load"].value(),
        )

    def set_writable(self, writable: bool) -> None:
        for widget in (*self.scores.values(), self.hours, self.tags, self.manage_tags):
            widget.setEnabled(writable)
