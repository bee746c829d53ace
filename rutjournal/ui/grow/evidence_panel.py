"""The Grow section's Evidence tab: the proof that the gaps are closing, logged as it happens.

It writes through the Grow service by way of the section's ``act`` (which re-reads the whole section after).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.grow import Grow, TargetView
from rutjournal.core.grow_rules import EVIDENCE_KINDS

EVIDENCE_WORDS = {
    "project_shipped": "Project shipped",
    "writing_design": "Writing and design",
    "collaboration_mentoring": "Collaboration and mentoring",
    "beyond_role": "Work beyond the role",
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
        self.items.setAccessibleName("Evidence")
        self.items.setWordWrap(True)
        self.text = QLineEdit(placeholderText="What you did, e.g. led the Q3 migration")
        self.text.setAccessibleName("New evidence")
        self.result = QLineEdit(placeholderText="measurable result (optional)")
        self.result.setAccessibleName("Measurable result")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of evidence")
        for kind in EVIDENCE_KINDS:
            self.kind.addItem(EVIDENCE_WORDS[kind], kind)
        self.gap = QComboBox()
        self.gap.setAccessibleName("Gap it closes")
        self.button = QPushButton("Add evidence")
        ev = QVBoxLayout(self)
        ev.addWidget(self.items, 1)
        for w in (self.text, self.result):
            ev.addWidget(w)
        ev_row = QHBoxLayout()
        for widget in (self.kind, self.gap, self.button):
            ev_row.addWidget(widget)
        ev.addLayout(ev_row)
        self.button.clicked.connect(self._add)
        self.text.returnPressed.connect(self._add)

    def fill(self, target: TargetView | None) -> None:
        """Re-read the evidence, and offer the active target's gaps to tie new evidence to."""
        assert self.grow is not None
        self.gap.clear()
        self.gap.addItem("no particular gap", None)
        for gap in target.gaps if target else ():
            self.gap.addItem(gap.title, gap.id)
        self.items.clear()
        for ev in self.grow.evidence():
            result = f" — {ev.result}" if ev.result else ""
            item = QListWidgetItem(
                f"{ev.day:%d %b %Y} · {EVIDENCE_WORDS.get(ev.kind, ev.kind)}: {ev.text}{result}"
            )
            item.setData(Qt.ItemDataRole.UserRole, ev.id)
            self.items.addItem(item)
        if not self.items.count():
            self.items.addItem("Nothing logged yet. Every shipped piece of work, talk or mentoring counts.")

    def _add(self) -> None:
        grow = self.grow
        if grow is None:
            return
        text, result = self.text.text(), self.result.text().strip() or None
        kind, gap = self.kind.currentData(), self.gap.currentData()
        if self._act(
            lambda: grow.add_evidence(text, kind=kind, result=result, gap_id=gap), "Evidence logged."
        ):
            self.text.clear()
            self.result.clear()
