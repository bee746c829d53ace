"""The import dialog's preview: what the import would do (or did) in sentences, and the records it leaves out.

Rejected and skipped records are listed whole, each with its place in the file and the reason, in a text box
that wraps and can be copied, so a user can find the line in the file and put it right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from rutjournal.core.i18n import _, ngettext
from rutjournal.core.text import whole
from rutjournal.core.transfer.importers.records import Rejected
from rutjournal.ui.widgets.message import show_message

LISTED = 1000  # records listed; past that the list says how many more


class PreviewBox(QGroupBox):
    """The sentences of the preview (or an error in red), and the list of records left out when there are any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("What the import would do"), parent)
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.left_out_label = QLabel(wordWrap=True)
        self.left_out = QPlainTextEdit(readOnly=True)
        self.left_out.setObjectName("leftOut")
        self.left_out.setAccessibleName(_("Records left out, with where they are in the file and why"))
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
        self.left_out_label.setText(left_out_words(len(rejected), len(skipped)))
        self.left_out_label.setVisible(bool(rejected or skipped))
        self.left_out.setVisible(bool(rejected or skipped))
        # TRANSLATORS: one record an import leaves out: {place} is where it is in the file ("line 5"), {reason} why.
        rejected_line = _("Rejected · {place}: {reason}")
        # TRANSLATORS: one record an import leaves out on purpose: {place} is where it is in the file, {reason} why.
        skipped_line = _("Skipped · {place}: {reason}")
        listed = [(rejected_line, r) for r in rejected] + [(skipped_line, r) for r in skipped]
        lines = [line.format(place=record.place, reason=record.reason) for line, record in listed[:LISTED]]
        if len(listed) > LISTED:
            rest = len(listed) - LISTED
            # TRANSLATORS: the last line of a long list: how many records are not listed.
            lines.append(ngettext("… and {count} more", "… and {count} more", rest).format(count=whole(rest)))
        self.left_out.setPlainText("\n".join(lines))
        return bool(listed)


def left_out_words(rejected: int, skipped: int) -> str:
    """The sentence above the list of records left out ("" when there are none)."""
    # TRANSLATORS: part of "Left out: …": records an import cannot use.
    rejected_words = ngettext(
        "{count} rejected (they cannot be used; the rest is still imported)",
        "{count} rejected (they cannot be used; the rest is still imported)",
        rejected,
    ).format(count=whole(rejected))
    # TRANSLATORS: part of "Left out: …": records an import leaves out by design.
    skipped_words = ngettext("{count} skipped on purpose", "{count} skipped on purpose", skipped).format(
        count=whole(skipped)
    )
    if rejected and skipped:
        # TRANSLATORS: {rejected} is "3 rejected (they cannot be used; …)", {skipped} "2 skipped on purpose".
        return _("Left out: {rejected}; {skipped}.").format(rejected=rejected_words, skipped=skipped_words)
    if rejected or skipped:
        # TRANSLATORS: {what} is "3 rejected (they cannot be used; …)" or "2 skipped on purpose".
        return _("Left out: {what}.").format(what=rejected_words if rejected else skipped_words)
    return ""
