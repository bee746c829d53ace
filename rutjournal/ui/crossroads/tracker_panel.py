"""The light job-search tracker: applications, the count by stage in words, adding one and moving one on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.choices import STAGES
from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.crossroads.tracker import STAGE_LABELS, stage_summary
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.ui.crossroads.checkin_history import read_only_table
from rutjournal.ui.crossroads.crossroads_models import ApplicationsModel, IdRole
from rutjournal.ui.widgets.message import show_message


def stage_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for stage in STAGES:
        box.addItem(_(STAGE_LABELS[stage]), stage)
    return box


class TrackerPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crossroads: Crossroads | None = None
        self.stage_counts = QLabel(wordWrap=True)
        self.model = ApplicationsModel()
        self.applications = read_only_table(_("Applications"))
        self.applications.setModel(self.model)
        header = self.applications.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.company = QLineEdit(placeholderText=_("Company"))
        self.company.setAccessibleName(_("Company"))
        # TRANSLATORS: the job applied for
        self.role = QLineEdit(placeholderText=_("Role"))
        self.role.setAccessibleName(_("Role applied for"))
        self.stage = stage_box(_("Stage of the new application"))
        # TRANSLATORS: a button: add the application typed in
        self.add_application = QPushButton(_("Add"))
        self.add_application.setAccessibleName(_("Add the application"))
        self.move_to = stage_box(_("Stage to move the selected application to"))
        # TRANSLATORS: a button: move the selected application to the stage chosen
        self.move_stage = QPushButton(_("Move"))
        self.move_stage.setAccessibleName(_("Move the selected application to this stage"))
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("crossroadsMessage")

        add_row = QHBoxLayout()
        # TRANSLATORS: in front of the fields of a new job application
        add_row.addWidget(QLabel(_("New:")))
        add_row.addWidget(self.company, 1)
        add_row.addWidget(self.role, 1)
        add_row.addWidget(self.stage)
        add_row.addWidget(self.add_application)
        move_row = QHBoxLayout()
        # TRANSLATORS: followed by a box of the stages and the Move button
        move_row.addWidget(QLabel(_("Move the selected one to")))
        move_row.addWidget(self.move_to)
        move_row.addWidget(self.move_stage)
        move_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage_counts)
        layout.addWidget(self.applications, 1)
        layout.addLayout(move_row)
        layout.addLayout(add_row)
        layout.addWidget(self.message)

        self.add_application.clicked.connect(self._add)
        self.role.returnPressed.connect(self._add)
        self.move_stage.clicked.connect(self._move)

    def set_crossroads(self, crossroads: Crossroads) -> None:
        self.crossroads = crossroads
        self.refresh()

    def refresh(self) -> None:
        if self.crossroads is None:
            return
        chosen = self.selected_id()
        self.model.today = self.crossroads.today()
        rows = self.crossroads.applications()
        self.model.set_rows(rows)
        ids = [a.id for a in rows]
        if chosen in ids:
            self.applications.selectRow(ids.index(chosen))
        summary = stage_summary(self.crossroads.counts_by_stage())
        self.stage_counts.setText(
            # TRANSLATORS: {summary} is the applications by stage: "1 idea, 2 applied, 1 at interview"
            _("So far: {summary}.").format(summary=summary)
            if summary
            else _("No applications yet: add one below.")
        )

    def selected_id(self) -> int | None:
        rows = self.applications.selectionModel().selectedRows()
        return int(rows[0].data(IdRole)) if rows else None

    def _add(self) -> None:
        if self.crossroads is None:
            return
        try:
            self.crossroads.add_application(
                self.company.text(), self.role.text(), stage=str(self.stage.currentData())
            )
        except InvalidInput as exc:
            show_message(self.message, str(exc), error=True)
            return
        self.company.clear()
        self.role.clear()
        show_message(self.message, "")
        self.refresh()

    def _move(self) -> None:
        chosen = self.selected_id()
        if self.crossroads is None or chosen is None:
            show_message(self.message, _("Select an application first."), error=True)
            return
        moved = self.crossroads.update_application(chosen, stage=str(self.move_to.currentData()))
        # TRANSLATORS: {company} is the company applied to, {stage} the stage the application moved to
        done = _("{company} moved to {stage}.").format(
            company=moved.company, stage=_(STAGE_LABELS[moved.stage])
        )
        show_message(self.message, done)
        self.refresh()
