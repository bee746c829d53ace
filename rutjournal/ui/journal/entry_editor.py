"""The day's text: a plain Markdown editor with a rendered preview (QTextDocument's Markdown) on a toggle; the
preview is made the first time it is asked for, not before the window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QStackedWidget, QTextBrowser, QWidget

from rutjournal.core.i18n import _


class EntryEditor(QStackedWidget):
    text_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("entryText")
        self.editor.setAccessibleName(_("Entry text"))
        self.editor.setPlaceholderText(
            _("Write a few lines about today. Markdown works: **bold**, - lists, # headings.")
        )
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.editor.setTabChangesFocus(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.editor.setFont(font)
        self._preview: QTextBrowser | None = None
        self.addWidget(self.editor)
        self.editor.textChanged.connect(self.text_changed)

    @property
    def preview(self) -> QTextBrowser:
        """The rendered Markdown, made on first use."""
        if self._preview is None:
            self._preview = QTextBrowser()
            self._preview.setAccessibleName(_("Entry preview"))
            self._preview.setOpenExternalLinks(False)
            self._preview.setFont(QFont(self.editor.font()))
            self.addWidget(self._preview)
        return self._preview

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Show stored text; does not count as an edit (no change signal)."""
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        if self.previewing():
            self.preview.setMarkdown(text)

    def cursor_index(self) -> int:
        """The cursor's place in ``text()`` as a Python index (Qt counts UTF-16 units: an emoji is two)."""
        units = self.editor.textCursor().position()
        return len(self.text().encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore"))

    def carry_cursor(self, before: str, index: int) -> None:
        """After the text was replaced (``before`` it was), put the cursor back on the same words, and the
        view where it was."""
        from rutjournal.core.journal.entry_merge import carry_position

        scroll = self.editor.verticalScrollBar().value()
        text = self.text()
        cursor = self.editor.textCursor()
        cursor.setPosition(len(text[: carry_position(before, text, index)].encode("utf-16-le")) // 2)
        self.editor.setTextCursor(cursor)
        self.editor.verticalScrollBar().setValue(scroll)

    def previewing(self) -> bool:
        return self._preview is not None and self.currentWidget() is self._preview

    def set_previewing(self, on: bool) -> None:
        if on:
            self.preview.setMarkdown(self.text())
            self.setCurrentWidget(self.preview)
        else:
            self.setCurrentWidget(self.editor)
            self.editor.setFocus()

    def line_at(self, pos: QPoint | None = None) -> str:
        """What a right-click at ``pos`` is about: the selection when the click falls inside it, else the line
        clicked (not the line the text cursor happens to be on); without ``pos``, the selection or the
        cursor's line."""
        edit = self.editor
        cursor = edit.textCursor()
        text = cursor.selectedText().replace("\u2029", " ").strip()
        if pos is None:
            return text or cursor.block().text().strip()
        clicked = edit.cursorForPosition(pos)
        if text and cursor.selectionStart() <= clicked.position() <= cursor.selectionEnd():
            return text
        return clicked.block().text().strip()
