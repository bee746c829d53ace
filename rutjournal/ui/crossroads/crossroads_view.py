"""The Crossroads section: a monthly check-in, the signals the app reads, and the verdict with its reasons.

The check-in is offered by a banner when the month has none (never a modal nag). The verdict shows every reason
and the rule that produced it. The job-search tracker stays folded away until the user opens it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.crossroads import STAGES, Crossroads
from rutjournal.core.errors import InvalidInput
from rutjournal.ui.message import show_message
from rutjournal.ui.score_selector import ScoreSelector
from rutjournal.ui.theme import status_colour

ARROWS = {"better": "▲ better", "worse": "▼ worse", "steady": "■ steady", "unknown": "· not known yet"}
ARROW_COLOURS = {"better": "good", "worse": "bad", "steady": "muted", "unknown": "muted"}  # theme.STATUS
VERDICT_WORDS = {
    "stay": "Stay — things are moving.",
    "push": "Push — act: ask, delegate, learn.",
    "leave": "Leave — the signals say the room has run out.",
}


def anchor_words(anchors: str) -> tuple[str, str, str, str, str]:
    """'1 = none … 5 = plenty' → five short words for the score buttons' tooltips."""
    low, _, high = anchors.partition("…")
    low = low.split("=", 1)[-1].strip() or "low"
    high = high.split("=", 1)[-1].replace("(reverse-scored)", "").strip() or "high"
    return (low, "2", "3", "4", high)


class CrossroadsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crossroads: Crossroads | None = None
        self.answers: dict[str, ScoreSelector] = {}
        self._build()

    def _build(self) -> None:
        self.banner = QLabel(objectName="checkinBanner", wordWrap=True)
        self.banner.hide()
        self.form_box = QGroupBox("This month's check-in")
        self.form = QVBoxLayout(self.form_box)
        self.note = QLineEdit(placeholderText="Anything else on your mind (optional)")
        self.note.setAccessibleName("Check-in note")
        self.save_button = QPushButton("Save check-in")
        self.last_checkin = QLabel(wordWrap=True)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form_box)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setMinimumWidth(440)

        self.verdict_label = QLabel(objectName="verdict", wordWrap=True)
        self.reasons = QListWidget()
        self.reasons.setAccessibleName("Reasons for the verdict")
        self.reasons.setWordWrap(True)
        self.rule = QLabel(objectName="verdictRule", wordWrap=True)
        self.signals = QTableWidget(0, 3)
        self.signals.setAccessibleName("Signals")
        self.signals.setHorizontalHeaderLabels(["Signal", "Value", "Direction"])
        self.signals.verticalHeader().hide()
        self.signals.horizontalHeader().setStretchLastSection(True)
        self.signals.setColumnWidth(0, 200)
        self.signals.setColumnWidth(1, 260)
        self.signals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.signals.setWordWrap(True)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        verdict_box = QGroupBox("Stay, push or leave?")
        vv = QVBoxLayout(verdict_box)
        vv.addWidget(self.verdict_label)
        vv.addWidget(self.reasons, 1)
        vv.addWidget(self.rule)
        rv.addWidget(verdict_box, 2)
        signals_box = QGroupBox("The signals (hover a row for why it counts)")
        QVBoxLayout(signals_box).addWidget(self.signals)
        rv.addWidget(signals_box, 3)

        self.tracker_button = QPushButton("Open the job-search tracker", checkable=True)
        self.tracker = QGroupBox("Job search")
        tv = QVBoxLayout(self.tracker)
        self.stage_counts = QLabel(wordWrap=True)
        self.applications = QTableWidget(0, 4)
        self.applications.setAccessibleName("Applications")
        self.applications.setHorizontalHeaderLabels(["Company", "Role", "Stage", "Last change"])
        self.applications.horizontalHeader().setStretchLastSection(True)
        self.applications.verticalHeader().hide()
        self.applications.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.company = QLineEdit(placeholderText="company")
        self.company.setAccessibleName("Company")
        self.role = QLineEdit(placeholderText="role")
        self.role.setAccessibleName("Role applied for")
        self.stage = QComboBox()
        self.stage.setAccessibleName("Stage")
        for stage in STAGES:
            self.stage.addItem(stage, stage)
        self.add_application = QPushButton("Add")
        self.move_stage = QPushButton("Move selected to this stage")
        row = QHBoxLayout()
        for w in (self.company, self.role, self.stage, self.add_application, self.move_stage):
            row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
        tv.addWidget(self.stage_counts)
        tv.addWidget(self.applications, 1)
        tv.addLayout(row)
        self.tracker.hide()

        self.message = QLabel(objectName="crossroadsMessage", wordWrap=True)
        columns = QHBoxLayout()
        columns.addWidget(form_scroll, 2)
        columns.addWidget(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.tracker_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tracker, 1)
        layout.addWidget(self.message)

        self.save_button.clicked.connect(self._save)
        self.tracker_button.toggled.connect(self._toggle_tracker)
        self.add_application.clicked.connect(self._add_application)
        self.move_stage.clicked.connect(self._move_stage)

    # --- data ---------------------------------------------------------------------------------------------
    def set_crossroads(self, crossroads: Crossroads) -> None:
        self.crossroads = crossroads
        for question in crossroads.questions():
            label = QLabel(question.text, wordWrap=True)
            selector = ScoreSelector("", anchor_words(question.anchors))
            selector.label.hide()
            selector.setToolTip(question.anchors)
            selector.setAccessibleName(question.text)
            self.form.addWidget(label)
            self.form.addWidget(selector)
            hint = QLabel(question.anchors, objectName="checkinAnchors", wordWrap=True)
            self.form.addWidget(hint)
            self.answers[question.key] = selector
        self.form.addWidget(self.note)
        self.form.addWidget(self.save_button)
        self.form.addWidget(self.last_checkin)
        self.form.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        if self.crossroads is None:
            return
        checkins = self.crossroads.checkins()
        due = self.crossroads.due()
        self.banner.setVisible(due)
        self.banner.setText(
            "A new month: take the two-minute check-in below. It feeds the signals on the right."
            if due
            else ""
        )
        if checkins:
            latest = max(checkins, key=lambda c: c.day)
            self.last_checkin.setText(
                f"Last check-in: {latest.day:%d %B %Y}. Saving again today replaces it."
            )
        else:
            self.last_checkin.setText("No check-in yet.")
        signals = self.crossroads.signals()
        verdict = self.crossroads.verdict(signals)
        self.verdict_label.setText(
            f"<span style='font-size:16pt; font-weight:600'>{VERDICT_WORDS[verdict.verdict]}</span>"
        )
        self.verdict_label.setProperty("verdict", verdict.verdict)
        self.reasons.clear()
        for reason in verdict.reasons:
            self.reasons.addItem(reason)
        self.rule.setText(f"<small>How this verdict is reached: {verdict.rule}</small>")
        self.signals.setRowCount(len(signals))
        for row, signal in enumerate(signals):
            cells = (signal.label, signal.value, ARROWS.get(signal.direction, signal.direction))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(signal.why)
                if column == 2:
                    item.setForeground(status_colour(ARROW_COLOURS.get(signal.direction, "muted")))
                self.signals.setItem(row, column, item)
        self.signals.resizeRowsToContents()
        self._fill_tracker()

    def _fill_tracker(self) -> None:
        assert self.crossroads is not None
        applications = self.crossroads.applications()
        self.applications.setRowCount(len(applications))
        for row, app in enumerate(applications):
            for column, text in enumerate(
                (app.company, app.role, app.stage, app.updated_on.strftime("%d %b %Y"))
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, app.id)
                self.applications.setItem(row, column, item)
        counts = self.crossroads.counts_by_stage()
        shown = ", ".join(f"{stage} {counts.get(stage, 0)}" for stage in STAGES if counts.get(stage, 0))
        self.stage_counts.setText(f"By stage: {shown}." if shown else "No applications yet.")

    # --- actions ------------------------------------------------------------------------------------------
    def _save(self) -> None:
        if self.crossroads is None:
            return
        answers = {key: selector.value() for key, selector in self.answers.items()}
        missing = [key for key, value in answers.items() if value is None]
        if missing:
            self._say(f"Answer every question first ({len(missing)} left).", error=True)
            return
        try:
            self.crossroads.save_checkin(
                dt.date.today(), {k: int(v) for k, v in answers.items() if v}, self.note.text()
            )
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        self.refresh()
        self._say("Check-in saved. The signals and the verdict have been updated.")

    def _toggle_tracker(self, on: bool) -> None:
        self.tracker.setVisible(on)
        self.tracker_button.setText("Close the job-search tracker" if on else "Open the job-search tracker")

    def _add_application(self) -> None:
        if self.crossroads is None:
            return
        try:
            self.crossroads.add_application(
                self.company.text(), self.role.text(), stage=str(self.stage.currentData())
            )
        except InvalidInput as exc:
            self._say(str(exc), error=True)
            return
        self.company.clear()
        self.role.clear()
        self._fill_tracker()

    def _move_stage(self) -> None:
        row = self.applications.currentRow()
        if self.crossroads is None or row < 0:
            self._say("Select an application first.", error=True)
            return
        app_id = int(self.applications.item(row, 0).data(Qt.ItemDataRole.UserRole))
        self.crossroads.update_application(app_id, stage=str(self.stage.currentData()))
        self._fill_tracker()

    def _say(self, text: str, *, error: bool = False) -> None:
        show_message(self.message, text, error=error)
