"""The totals of the Load section in large type: what is on your plate, and what your decisions free.

Each figure says in its tooltip how it was counted, with this inventory's numbers (``load_words``); a share
nobody has rated yet is a dash, not 0 %.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from rutjournal.core import text
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.load.service import TaskView, summarize
from rutjournal.core.load.words import summary_explanations


def _hours(minutes: int) -> str:
    return text.minutes_as_hours(minutes)


class SummaryStrip(QFrame):
    """Six figures, each with a short caption under it."""

    # Each figure's caption, under its hours (shown as _(caption)).
    FIGURES = (
        # TRANSLATORS: the captions under the Load section's totals, each under a number of hours ("12 h").
        ("plate", N_("a week on your plate")),
        # TRANSLATORS: hours your decisions will free once they are carried out.
        ("pending", N_("freed once done")),
        # TRANSLATORS: hours freed by decisions carried out.
        ("freed", N_("freed so far")),
        # TRANSLATORS: hours on tasks in your job description.
        ("core", N_("on core work")),
        ("meetings", N_("in meetings")),
        ("enjoyed", N_("on work you enjoy")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(0)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(self.FIGURES):
            value = QLabel(text.NOTHING)
            value.setObjectName("summaryValue")
            label = QLabel(_(caption), wordWrap=True)
            label.setObjectName("summaryCaption")
            value.setAccessibleName(_(caption))
            if key in ("pending", "freed"):
                value.setProperty("accent", True)
            grid.addWidget(value, 0, column)
            grid.addWidget(label, 1, column)
            grid.setColumnStretch(column, 1)
            self.values[key], self.captions[key] = value, label

    def show_summary(self, tasks: Sequence[TaskView]) -> None:
        s = summarize(list(tasks))
        shown = {
            "plate": _hours(s.on_plate),
            "pending": _hours(s.pending_free),
            "freed": _hours(s.freed),
            "core": _hours(s.core),
            "meetings": _hours(s.meetings),
            "enjoyed": text.percent(s.enjoyed_share),
        }
        for key, tip in summary_explanations(tasks).items():
            self.values[key].setText(shown[key])
            self.values[key].setToolTip(tip)
            self.captions[key].setToolTip(tip)
        plate = _("a week on your plate")
        if s.untimed:
            plate = ngettext(
                "a week on your plate (+{count} task without hours)",
                "a week on your plate (+{count} tasks without hours)",
                s.untimed,
            ).format(count=text.whole(s.untimed))
        self.captions["plate"].setText(plate)
        core = _("on core work")
        if s.core_share is not None:
            # TRANSLATORS: hours on tasks in your job description; {share} is their share of all, "40 %".
            core = _("on core work ({share})").format(share=text.percent(s.core_share))
        self.captions["core"].setText(core)
