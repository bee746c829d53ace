"""The right-hand side of the journal: the calendar, the four 1–5 scores, hours worked and tags.

It holds no data of its own: the journal view puts a day's values in (``show``), reads them back
(``scores_now``), and hears of every change through ``edited``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from rutjournal.core.i18n import _, pgettext
from rutjournal.core.values import Scores
from rutjournal.ui.journal.entry_calendar import EntryCalendar, MoodLegend
from rutjournal.ui.widgets.score_selector import ScoreSelector
from rutjournal.ui.widgets.tag_edit import TagEdit


def score_words() -> dict[str, tuple[str, tuple[str, str, str, str, str]]]:
    """The four scores' names and what each of their 1 … 5 means, in the user's language (read when shown)."""
    return {
        "mood": (
            # TRANSLATORS: the score of the day's mood, 1 to 5
            _("Mood"),
            (
                pgettext("mood 1 to 5", "awful"),
                pgettext("mood 1 to 5", "low"),
                pgettext("mood 1 to 5", "okay"),
                pgettext("mood 1 to 5", "good"),
                pgettext("mood 1 to 5", "great"),
            ),
        ),
        "energy": (
            # TRANSLATORS: the score of the day's energy, 1 to 5
            _("Energy"),
            (
                pgettext("energy 1 to 5", "drained"),
                pgettext("energy 1 to 5", "tired"),
                pgettext("energy 1 to 5", "steady"),
                pgettext("energy 1 to 5", "lively"),
                pgettext("energy 1 to 5", "full"),
            ),
        ),
        "challenge": (
            # TRANSLATORS: the score of how challenging the day's work was, 1 to 5
            _("Challenge"),
            (
                pgettext("challenge 1 to 5", "bored"),
                pgettext("challenge 1 to 5", "coasting"),
                pgettext("challenge 1 to 5", "engaged"),
                pgettext("challenge 1 to 5", "pushed"),
                pgettext("challenge 1 to 5", "stretched"),
            ),
        ),
        "load": (
            # TRANSLATORS: the score of the day's perceived workload, 1 to 5
            _("Load"),
            (
                pgettext("load 1 to 5", "light"),
                pgettext("load 1 to 5", "easy"),
                pgettext("load 1 to 5", "full"),
                pgettext("load 1 to 5", "heavy"),
                pgettext("load 1 to 5", "crushing"),
            ),
        ),
    }


class DayPanel(QWidget):
    edited = Signal()  # a score, the hours or the tags changed by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayPanel")
        self.calendar = EntryCalendar()
        self.scores = {name: ScoreSelector(label, words) for name, (label, words) in score_words().items()}
        widest = max(score.label.sizeHint().width() for score in self.scores.values())
        for (
            score
        ) in self.scores.values():  # one column for the four names, as wide as the longest in any language
            score.label.setMinimumWidth(widest)
        # TRANSLATORS: the unit after the hours worked in their box ("7.5 h"), with its space in front
        self.hours = QDoubleSpinBox(minimum=-0.5, maximum=24, singleStep=0.5, decimals=1, suffix=_(" h"))
        # TRANSLATORS: shown in the hours box when no hours are set for the day
        self.hours.setSpecialValueText(_("not set"))
        self.hours.setAccessibleName(_("Hours worked"))
        # TRANSLATORS: 'not set' is the word shown in the box when no hours are set (translated above)
        self.hours.setToolTip(_("Hours worked today, in half hours. Down to 'not set' to leave it blank."))
        self.tags = TagEdit()
        self.manage_tags = QToolButton()
        self.manage_tags.setText("…")
        self.manage_tags.setObjectName("manageTags")
        self.manage_tags.setToolTip(_("Tags: rename, merge or delete them across the journal"))
        self.manage_tags.setAccessibleName(_("Manage tags"))
        tag_row = QHBoxLayout()
        tag_row.setContentsMargins(0, 0, 0, 0)
        tag_row.addWidget(self.tags, 1)
        tag_row.addWidget(self.manage_tags)
        form = QFormLayout()
        form.addRow(_("Hours worked"), self.hours)
        form.addRow(_("Tags"), tag_row)
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
