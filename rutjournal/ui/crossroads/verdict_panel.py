"""The verdict — stay, push, leave, or too early to say — with the steps it names (each a button to the section
where you act on it), every reason and the rule behind it, what changed since the last reading, over the
signals it read (hover a signal for why it counts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.crossroads.service import Signal as CrossroadsSignal
from rutjournal.core.crossroads.service import Verdict
from rutjournal.core.crossroads.steps import headline
from rutjournal.core.i18n import N_, _
from rutjournal.ui.crossroads.checkin_history import read_only_table
from rutjournal.ui.crossroads.crossroads_models import SignalsModel

GO_TO = {
    # TRANSLATORS: where a step's button takes you; Grow, Load and Guidance are the app's sections
    "grow": N_("open Grow"),
    "load": N_("open Load"),
    "guidance": N_("open Guidance"),
    "tracker": N_("open the job-search tracker"),
}
HeadingRole = Qt.ItemDataRole.UserRole + 1  # True on a heading line of the reasons


class VerdictPanel(QWidget):
    section_wanted = Signal(str)  # a step's button: grow / load / guidance / tracker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict_label = QLabel(wordWrap=True)
        self.verdict_label.setObjectName("verdict")
        self.steps_bar = QWidget()
        self.steps_row = QHBoxLayout(self.steps_bar)
        self.steps_row.setContentsMargins(0, 0, 0, 0)
        self.step_buttons: list[QPushButton] = []
        self.reasons_model = QStandardItemModel(self)
        self.reasons = QListView()
        self.reasons.setModel(self.reasons_model)
        self.reasons.setAccessibleName(_("Steps and reasons for the verdict"))
        self.reasons.setWordWrap(True)
        self.reasons.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reasons.setResizeMode(QListView.ResizeMode.Adjust)
        self.reasons.setUniformItemSizes(False)
        self.reasons.setSpacing(1)
        self.rule = QLabel(wordWrap=True)
        self.rule.setObjectName("verdictRule")
        self.signals_model = SignalsModel()
        self.signals = read_only_table(_("Signals"))
        self.signals.setModel(self.signals_model)
        header = self.signals.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        verdict_box = QGroupBox(_("Stay, push or leave?"))
        vv = QVBoxLayout(verdict_box)
        vv.addWidget(self.verdict_label)
        vv.addWidget(self.steps_bar)
        vv.addWidget(self.reasons, 1)
        vv.addWidget(self.rule)
        signals_box = QGroupBox(_("The signals (hover a row for why it counts and which rule reads it)"))
        QVBoxLayout(signals_box).addWidget(self.signals)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(verdict_box)
        split.addWidget(signals_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_verdict(self, verdict: Verdict, signals: list[CrossroadsSignal]) -> None:
        words = headline(verdict.verdict, verdict.steps)
        self.verdict_label.setText(f"<span style='font-size:15pt; font-weight:600'>{words}</span>")
        self.verdict_label.setAccessibleName(words)
        self.verdict_label.setProperty("verdict", verdict.verdict)
        self._show_steps(verdict)
        self._show_reasons(verdict)
        # TRANSLATORS: {rule} is the rule that gave the verdict, in words
        self.rule.setText(_("<small>How this verdict is reached: {rule}.</small>").format(rule=verdict.rule))
        self.signals_model.set_rows(signals)
        self.signals.resizeRowsToContents()

    def reason_lines(self) -> list[str]:
        """Every line of the reasons list, headings included, as shown."""
        model = self.reasons_model
        return [model.item(row).text() for row in range(model.rowCount())]

    def _show_steps(self, verdict: Verdict) -> None:
        for button in self.step_buttons:
            self.steps_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = []
        for number, step in enumerate(verdict.steps, 1):
            shown = f"{number}. {step.title}" if len(verdict.steps) > 1 else step.title
            where = _(GO_TO[step.section])
            # TRANSLATORS: a step's button: {step} is the step's title ("1. Lighten your load"), {where} where the
            # button takes you ("open Load")
            button = QPushButton(_("{step}: {where}").format(step=shown, where=where))
            button.setObjectName("stepButton")
            button.setToolTip(step.action)
            button.setAccessibleName(_("{step}: {where}").format(step=step.title, where=where))
            button.clicked.connect(lambda _=False, section=step.section: self.section_wanted.emit(section))
            self.steps_row.insertWidget(len(self.step_buttons), button)
            self.step_buttons.append(button)
        if self.steps_row.count() == len(self.step_buttons):
            self.steps_row.addStretch(1)
        self.steps_bar.setVisible(bool(self.step_buttons))

    def _show_reasons(self, verdict: Verdict) -> None:
        self.reasons_model.clear()
        several = len(verdict.steps) > 1
        for number, step in enumerate(verdict.steps, 1):
            self._heading(f"{number}. {step.title}" if several else step.title)
            for reason in step.reasons:
                self._line(f"– {reason}")
            self._line(f"→ {step.action}", italic=True)
        if verdict.steps:
            self._heading(_("How it adds up"))
        for reason in verdict.reasons:
            self._line(reason)
        if verdict.changes:
            self._heading(_("Since the last reading"))
            for change in verdict.changes:
                self._line(change)

    def _heading(self, text: str) -> None:
        item = QStandardItem(text)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setData(True, HeadingRole)
        item.setEditable(False)
        self.reasons_model.appendRow(item)

    def _line(self, text: str, *, italic: bool = False) -> None:
        item = QStandardItem(text)
        if italic:
            font = QFont(self.font())
            font.setItalic(True)
            item.setFont(font)
        item.setEditable(False)
        self.reasons_model.appendRow(item)
