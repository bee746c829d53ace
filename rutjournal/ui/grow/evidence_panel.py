"""The Grow section's Evidence tab: the proof that the gaps are closing, logged as it happens.

It writes through the Grow service by way of the section's ``act`` (which re-reads the whole section after).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core import text
from rutjournal.core.choices import EVIDENCE_KINDS
from rutjournal.core.grow.service import Grow, TargetView
from rutjournal.core.i18n import N_, _, in_words
from rutjournal.ui.widgets.date_field import day_edit, pydate, qdate

EVIDENCE_WORDS = {  # the kinds of evidence as a list offers them, translated where shown: _(EVIDENCE_WORDS[kind])
    # TRANSLATORS: a kind of evidence of one's work, offered in a list
    "project_shipped": N_("Project shipped"),
    # TRANSLATORS: a kind of evidence of one's work, offered in a list
    "writing_design": N_("Writing and design"),
    # TRANSLATORS: a kind of evidence of one's work, offered in a list
    "collaboration_mentoring": N_("Collaboration and mentoring"),
    # TRANSLATORS: a kind of evidence of one's work, offered in a list
    "beyond_role": N_("Work beyond the role"),
}


class EvidencePanel(QWidget):
    """The list of evidence and the fields that add to it, each piece optionally tied to a gap."""

    def __init__(
        self, act: Callable[[Callable[[], object], str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.grow: Grow | None = None
        self._act = act
        self.items = QListWidget()
        self.items.setAccessibleName(_("Evidence"))
        self.items.setWordWrap(True)
        self.text = QLineEdit(placeholderText=_("What you did, e.g. led the Q3 migration"))
        self.text.setAccessibleName(_("New evidence"))
        self.result = QLineEdit(placeholderText=_("measurable result (optional)"))
        self.result.setAccessibleName(_("Measurable result"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of evidence"))
        for kind in EVIDENCE_KINDS:
            self.kind.addItem(_(EVIDENCE_WORDS[kind]), kind)
        self.gap = QComboBox()
        self.gap.setAccessibleName(_("Gap it closes"))
        self.day = day_edit(_("Date of the accomplishment"))
        self.day.setToolTip(_("When it happened: earlier work counts as much as today's."))
        for combo in (self.kind, self.gap):  # a long gap title widens the box, not the whole tab
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.button = QPushButton(_("Add evidence"))
        ev = QVBoxLayout(self)
        ev.addWidget(self.items, 1)
        for w in (self.text, self.result):
            ev.addWidget(w)
        # TRANSLATORS: a label before the date field: the evidence happened on that day
        for widgets in ((self.kind, self.gap), (QLabel(_("on")), self.day, self.button)):
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget, 0 if isinstance(widget, (QLabel, QPushButton)) else 1)
            ev.addLayout(row)
        self.button.clicked.connect(self._add)
        self.text.returnPressed.connect(self._add)

    def fill(self, target: TargetView | None) -> None:
        """Re-read the evidence, and offer the active target's gaps to tie new evidence to."""
        assert self.grow is not None
        self.gap.clear()
        # TRANSLATORS: in the list of gaps a piece of evidence may close: it closes none of them
        self.gap.addItem(_("no particular gap"), None)
        for gap in target.gaps if target else ():
            self.gap.addItem(gap.title, gap.id)
        self.items.clear()
        for ev in self.grow.evidence():
            result = f" — {ev.result}" if ev.result else ""
            kind = in_words(EVIDENCE_WORDS, ev.kind)
            # TRANSLATORS: a line of the evidence list: "27 Nov · project shipped: Dry run of the deck"
            line = _("{day} · {kind}: {text}").format(day=text.short_day(ev.day), kind=kind, text=ev.text)
            item = QListWidgetItem(line + result)
            item.setToolTip(text.day(ev.day))
            item.setData(Qt.ItemDataRole.UserRole, ev.id)
            self.items.addItem(item)
        if not self.items.count():
            self.items.addItem(
                _("Nothing logged yet. Every shipped piece of work, talk or mentoring counts.")
            )

    def _add(self) -> None:
        grow = self.grow
        if grow is None:
            return
        said, result = self.text.text(), self.result.text().strip() or None
        kind, gap, day = self.kind.currentData(), self.gap.currentData(), pydate(self.day.date())
        if self._act(
            lambda: grow.add_evidence(said, day, kind=kind, result=result, gap_id=gap), _("Evidence logged.")
        ):
            self.text.clear()
            self.result.clear()
            self.day.setDate(qdate(dt.date.today()))
