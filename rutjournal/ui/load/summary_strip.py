"""The totals of the Load section in large type: what is on your plate, and what your decisions free."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from rutjournal.core.delegability import format_minutes
from rutjournal.core.load import LoadSummary


def _hours(minutes: int) -> str:
    return format_minutes(minutes).replace("/week", "") if minutes else "0 h"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class SummaryStrip(QFrame):
    """Six figures; each says in its tooltip how it is counted."""

    FIGURES = (
        (
            "plate",
            "on your plate each week",
            "Every task's hours, except those handed off, dropped, declined or "
            "automated for good (decision marked done).",
        ),
        (
            "pending",
            "your pending decisions would free",
            "Hours of tasks you decided to delegate, drop, decline or "
            "automate, not yet carried out. Mark them done when they are.",
        ),
        (
            "freed",
            "freed so far",
            "Hours of tasks whose delegate / drop / decline / automate decision is done.",
        ),
        ("core", "on core work", "Hours on tasks in your job description, and their share of your plate."),
        ("meetings", "in meetings", "Hours of tasks of kind 'meeting' still on your plate."),
        ("enjoyed", "on work you enjoy", "Share of your plate's hours on tasks you rated +1 or +2."),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(28)
        self.values: dict[str, QLabel] = {}
        for column, (key, caption, tip) in enumerate(self.FIGURES):
            value = QLabel("–", objectName="summaryValue")
            label = QLabel(caption, objectName="summaryCaption", wordWrap=True)
            for widget in (value, label):
                widget.setToolTip(tip)
            value.setAccessibleName(caption)
            if key in ("pending", "freed"):
                value.setProperty("accent", True)
            grid.addWidget(value, 0, column)
            grid.addWidget(label, 1, column)
            grid.setColumnStretch(column, 1)
            self.values[key] = value

    def show_summary(self, s: LoadSummary) -> None:
        self.values["plate"].setText(_hours(s.on_plate))
        self.values["pending"].setText(_hours(s.pending_free))
        self.values["freed"].setText(_hours(s.freed))
        self.values["core"].setText(f"{_hours(s.core)} · {_share(s.core_share)}")
        self.values["meetings"].setText(_hours(s.meetings))
        self.values["enjoyed"].setText(_share(s.enjoyed_share))
