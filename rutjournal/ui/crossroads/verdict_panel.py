"""The verdict — stay, push, leave, or too early to say — with every reason and the rule behind it, over the
signals it read (hover a signal for why it counts)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.crossroads import Signal, Verdict
from rutjournal.ui.crossroads.checkin_history import read_only_table
from rutjournal.ui.crossroads.crossroads_models import SignalsModel

VERDICT_WORDS = {
    "too_early": "Too early to say — not enough data yet.",
    "stay": "Stay — nothing here says push or leave.",
    "push": "Push — act: ask, delegate, learn.",
    "leave": "Leave — the signals say the room has run out.",
}


class VerdictPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict_label = QLabel(objectName="verdict", wordWrap=True)
        self.reasons_model = QStringListModel()
        self.reasons = QListView()
        self.reasons.setModel(self.reasons_model)
        self.reasons.setAccessibleName("Reasons for the verdict")
        self.reasons.setWordWrap(True)
        self.reasons.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reasons.setResizeMode(QListView.ResizeMode.Adjust)
        self.reasons.setUniformItemSizes(False)
        self.reasons.setSpacing(2)
        self.rule = QLabel(objectName="verdictRule", wordWrap=True)
        self.signals_model = SignalsModel()
        self.signals = read_only_table("Signals")
        self.signals.setModel(self.signals_model)
        header = self.signals.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        verdict_box = QGroupBox("Stay, push or leave?")
        vv = QVBoxLayout(verdict_box)
        vv.addWidget(self.verdict_label)
        vv.addWidget(self.reasons, 1)
        vv.addWidget(self.rule)
        signals_box = QGroupBox("The signals (hover a row for why it counts)")
        QVBoxLayout(signals_box).addWidget(self.signals)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(verdict_box)
        split.addWidget(signals_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_verdict(self, verdict: Verdict, signals: list[Signal]) -> None:
        self.verdict_label.setText(
            f"<span style='font-size:15pt; font-weight:600'>{VERDICT_WORDS[verdict.verdict]}</span>"
        )
        self.verdict_label.setProperty("verdict", verdict.verdict)
        self.reasons_model.setStringList(verdict.reasons)
        self.rule.setText(f"<small>How this verdict is reached: {verdict.rule}.</small>")
        self.signals_model.set_rows(signals)
        self.signals.resizeRowsToContents()
