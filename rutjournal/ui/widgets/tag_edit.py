"""A comma-separated tag box that completes the tag being typed from the tags already in the journal.

A tag counts once it is finished — a comma after it, Enter, or the focus moving on — so an autosave while
"mee" is on its way to "meeting" stores neither "mee" nor a tag list that changes under the typing. The
suggestions are ranked: tags that start with what was typed first, the most used first, then tags that
contain it; tags already in the box are not offered again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from rutjournal.core.i18n import _

MAX_SUGGESTIONS = 12
VISIBLE_SUGGESTIONS = 8


class TagEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # TRANSLATORS: example tags in an empty tag box; keep the commas between them.
        self.setPlaceholderText(_("e.g. meeting, 1:1, deadline"))
        self.setAccessibleName(_("Tags"))
        self.setToolTip(_("Tags, separated by commas. Existing tags are suggested as you type."))
        self.ranked: list[str] = []  # every known tag, the most used first
        self.known = QStringListModel(self)
        self.completer_ = QCompleter(self.known, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(VISIBLE_SUGGESTIONS)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert)
        self.textEdited.connect(self._suggest)

    def set_known_tags(self, names: Sequence[str]) -> None:
        """The journal's tags, best first (the most used)."""
        self.ranked = list(names)

    def tags(self, *, finished_only: bool = False) -> list[str]:
        """The tags in the box; with ``finished_only``, without the one still being typed."""
        parts = [part.strip() for part in self.text().split(",")]
        typing = self._typing_index() if finished_only else None
        return [part for i, part in enumerate(parts) if part and i != typing]

    def unfinished(self) -> str | None:
        """The tag being typed (the cursor in it, no comma after it yet, the box focused), if any."""
        index = self._typing_index()
        if index is None:
            return None
        part = self.text().split(",")[index].strip()
        return part or None

    def set_tags(self, names: tuple[str, ...] | list[str], unfinished: str | None = None) -> None:
        """Show ``names``; ``unfinished`` goes back at the end, where the user was typing it."""
        text = ", ".join(names)
        if unfinished:
            text = f"{text}, {unfinished}" if text else unfinished
        self.setText(text)

    def suggestions(self) -> list[str]:
        """What the popup offers for the fragment being typed, best first."""
        fragment = self._current_fragment().lstrip("#").lower()
        if not fragment:
            return []
        taken = set(self.tags(finished_only=True))
        starts = [n for n in self.ranked if n.startswith(fragment) and n not in taken]
        inside = [n for n in self.ranked if fragment in n and not n.startswith(fragment) and n not in taken]
        return (starts + inside)[:MAX_SUGGESTIONS]

    def _typing_index(self) -> int | None:
        if not self.hasFocus():
            return None
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        if after.strip() and not after.lstrip().startswith(","):
            return None  # the cursor sits inside a tag written earlier: that tag is not being typed anew
        if "," in after:
            return None
        return before.count(",")

    def _current_fragment(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _suggest(self) -> None:
        found = self.suggestions()
        self.known.setStringList(found)
        if found:
            self.completer_.complete()
        elif (popup := self.completer_.popup()) is not None:  # made by the completer on first use
            popup.hide()

    def _insert(self, name: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        tail = after.split(",", 1)[1] if "," in after else ""
        new = f"{head}{name}, " + tail.lstrip()
        self.setText(new)
        self.setCursorPosition(len(head) + len(name) + 2)
        self.editingFinished.emit()
