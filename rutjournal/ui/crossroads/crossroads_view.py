"""The Crossroads section: the verdict with its reasons and signals, this month's check-in, the check-ins so far,
and the job-search tracker, one tab each so every part has the whole width of a small window.

The check-in is offered by a banner when the month has none (never a modal nag). The verdict shows every reason
and the rule that produced it, and each step it names is a button to the section where you act on it
(``section_wanted``; the window switches). The job-search tracker stays folded away until the user opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.text import whole
from rutjournal.ui.crossroads.checkin_form import CheckinForm
from rutjournal.ui.crossroads.checkin_history import CheckinHistory
from rutjournal.ui.crossroads.tracker_panel import TrackerPanel
from rutjournal.ui.crossroads.verdict_panel import VerdictPanel
from rutjournal.ui.widgets.score_selector import ScoreSelector

VERDICT_TAB, CHECKIN_TAB, HISTORY_TAB, TRACKER_TAB = range(4)


class CrossroadsView(QWidget):
    section_wanted = Signal(str)  # a step named by the verdict: the window shows grow / load / guidance

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crossroads: Crossroads | None = None
        self.banner = QWidget()
        self.banner_text = QLabel(wordWrap=True)
        self.banner_text.setObjectName("checkinBanner")
        self.take_checkin = QPushButton(_("Take this month's check-in"))
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(0, 0, 0, 0)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.take_checkin)
        self.banner.hide()

        self.verdict = VerdictPanel()
        self.form = CheckinForm()
        self.history = CheckinHistory()
        self.tracker = TrackerPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.verdict, _("Verdict and signals"))
        self.tabs.addTab(self.form, _("This month's check-in"))
        self.tabs.addTab(self.history, _("Check-ins so far"))
        self.tabs.addTab(self.tracker, _("Job search"))
        self.tabs.setTabVisible(TRACKER_TAB, False)
        self.tracker_button = QPushButton(_("Open the job-search tracker"))
        self.tracker_button.setCheckable(True)
        self.tabs.setCornerWidget(self.tracker_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        self.take_checkin.clicked.connect(self.show_checkin)
        self.tracker_button.toggled.connect(self._toggle_tracker)
        self.form.saved.connect(self.refresh)
        self.verdict.section_wanted.connect(self._go_to)

    # the form's parts, reached from the section
    @property
    def answers(self) -> dict[str, ScoreSelector]:
        return self.form.answers

    @property
    def save_button(self) -> QPushButton:
        return self.form.save_button

    @property
    def message(self) -> QLabel:
        return self.form.message

    def set_crossroads(self, crossroads: Crossroads) -> None:
        self.crossroads = crossroads
        self.form.set_crossroads(crossroads)
        self.history.set_crossroads(crossroads)
        self.tracker.set_crossroads(crossroads)
        self.refresh()

    def refresh(self) -> None:
        """Read everything again: the banner, the verdict and signals, the form, the check-ins, the tracker."""
        if self.crossroads is None:
            return
        due = self.crossroads.due()
        self.banner.setVisible(due)
        self.banner_text.setText(
            _("A new month: two minutes of check-in feed the signals and the verdict.") if due else ""
        )
        signals, evidence = self.crossroads.read()
        self.verdict.show_verdict(self.crossroads.verdict(signals, evidence), signals)
        self.form.refresh()
        self.history.refresh()
        count = len(self.history.model.rows)
        # TRANSLATORS: the tab of the check-ins saved; {count} is how many there are
        shown = _("Check-ins so far ({count})").format(count=whole(count)) if count else _("Check-ins so far")
        self.tabs.setTabText(HISTORY_TAB, shown)
        self.tabs.setTabToolTip(
            HISTORY_TAB,
            ngettext(
                "{count} check-in saved, each one read only",
                "{count} check-ins saved, each one read only",
                count,
            ).format(count=whole(count)),
        )
        self.tracker.refresh()

    def show_checkin(self) -> None:
        self.tabs.setCurrentIndex(CHECKIN_TAB)
        first = next(iter(self.form.answers.values()), None)
        if first is not None:
            first.group.button(1).setFocus()

    def _go_to(self, section: str) -> None:
        if section == "tracker":
            self.tracker_button.setChecked(True)
            self.tabs.setCurrentIndex(TRACKER_TAB)
        else:
            self.section_wanted.emit(section)

    def _toggle_tracker(self, on: bool) -> None:
        self.tabs.setTabVisible(TRACKER_TAB, on)
        if on:
            self.tabs.setCurrentIndex(TRACKER_TAB)
        self.tracker_button.setText(
            _("Close the job-search tracker") if on else _("Open the job-search tracker")
        )
