"""A comma-separated tag box that completes the tag being typed from the tags already in the journal."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


class TagEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("e.g. meeting, 1:1, deadline")
        self.setAccessibleName("Tags")
        self.setToolTip("Tags, separated by commas. Existing tags are suggested as you type.")
        self.known = QStringListModel(self)
        self.completer_ = QCompleter(self.known, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert)
        self.textEdited.connect(self._suggest)

    def set_known_tags(self, names: list[str]) -> None:
        self.known.setStringList(names)

    def tags(self) -> list[str]:
        return [part.strip() for part in self.text().split(",") if part.strip()]

    def set_tags(self, names: tuple[str, ...] | list[str]) -> None:
        self.setText(", ".join(names))

    def _current_fragment(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _suggest(self) -> None:
        fragment = self._current_fragment()
        if not fragment:
            self.completer_.popup().hide()
            return
        self.completer_.setCompletionPrefix(fragment.lstrip("#"))
        if self.completer_.completionCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _insert(self, name: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        tail = after.split(",", 1)[1] if "," in after else ""
        new = f"{head}{name}, " + tail.lstrip()
        self.setText(new)
        self.setCursorPosition(len(head) + len(name) + 2)
        self.editingFinished.emit()
