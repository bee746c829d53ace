"""List items that wrap their whole text to the list's width, however narrow the pane.

Qt's own word wrap in a list measures an item at one width and draws it at another once spacing or padding
is added, so the last line of a long item was cut off; this delegate measures and draws at the same width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from rutjournal.core.i18n import _

AnyIndex = QModelIndex | QPersistentModelIndex
PAD = 4
FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def unbroken(text: str) -> str:
    """The text as drawn: "3 h/week" is kept on one line (a no-break space, a word joiner after the slash),
    in the words of the user's language (``core.text.hours``)."""
    unit = _("{hours} h/week").replace("{hours}", "")  # " h/week"
    kept = unit.replace(" ", "\u00a0").replace("/", "/\u2060")
    return text.replace(unit, kept) if unit.strip() else text


class WrappedItemDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def _width(self) -> int:
        return max(self.view.viewport().width() - 2 * PAD, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        text = unbroken(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        metrics = option.fontMetrics
        bounds = metrics.boundingRect(QRect(0, 0, self._width(), 1_000_000), FLAGS, text)
        return QSize(self._width() + 2 * PAD, bounds.height() + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = unbroken(opt.text), ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.drawText(opt.rect.adjusted(PAD, PAD, -PAD, -PAD), FLAGS, text)
        painter.restore()
