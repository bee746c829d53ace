"""An item delegate that edits a cell by picking from a short list (kind, decision, 1–5 scores…)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rutjournal.core.i18n import _

AnyIndex = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(_("Choose a value"))
        for label, value in self.choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        found = next((i for i, (_l, v) in enumerate(self.choices) if v == current), 0)
        editor.setCurrentIndex(found)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
