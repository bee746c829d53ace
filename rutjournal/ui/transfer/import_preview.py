"""The import dialog's preview: what the import would do (or did) in sentences, and the records it leaves out.

Rejected and skipped records are listed whole, each with its place in the file and the reason, in a text box
that wraps and can be copied, so a user can find the line in the file and put it right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from rutjournal.core.transfer.importers.records import Rejected
from rutjournal.ui.widgets.message import show_message

LISTED = 1000  # records listed; past that the list says how many more


class PreviewBox(QGroupBox):
    """The sentences of the preview (or an error in red), and the list of records left out when there are any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("What the import would do", parent)
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.left_out_label = QLabel(wordWrap=True)
        self.left_out = QPlainTextEdit(readOnly=True)
        self.left_out.setObjectName("leftOut")
        self.left_out.setAccessibleName("Records left out, with where they are in the file and why")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.left_out_label)
        layout.addWidget(self.left_out, 1)
        self.show_left_out([], [])

    def show_lines(self, lines: list[str]) -> None:
        show_message(self.summary, "\n".join(lines))

    def show_error(self, text: str) -> None:
        show_message(self.summary, text, error=True)
        self.show_left_out([], [])

    def show_left_out(self, rejected: list[Rejected], skipped: list[Rejected]) -> bool:
        """List the records left out; returns whether there were any."""
        parts = []
        if rejected:
            parts.append(f"{len(rejected):,} rejected (they cannot be used; the rest is still imported)")
        if skipped:
            parts.append(f"{len(skipped):,} skipped on purpose")
        self.left_out_label.setText("Left out: " + "; ".join(parts) + "." if parts else "")
        self.left_out_label.setVisible(bool(parts))
        self.left_out.setVisible(bool(parts))
        listed = [("Rejected", r) for r in rejected] + [("Skipped", r) for r in skipped]
        lines = [f"{kind} · {record.place}: {record.reason}" for kind, record in listed[:LISTED]]
        if len(listed) > LISTED:
            lines.append(f"… and {len(listed) - LISTED:,} more")
        self.left_out.setPlainText("\n".join(lines))
        return bool(listed)
