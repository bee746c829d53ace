"""The search results as a Qt list model, and a delegate that draws their highlighted snippets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rutjournal.core.i18n import _
from rutjournal.core.journal.search import SearchHit
from rutjournal.core.text import day, long_day

DayRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day(hit.day)} — {hit.snippet_text('', '')}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{long_day(hit.day)}: {hit.snippet_text('', '')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            # TRANSLATORS: the tooltip of a search result; Enter is the key.
            return _("Open this day (Enter or click)")
        if role == DayRole:
            return hit.day
        if role == HtmlRole:
            return f"<b>{day(hit.day)}</b>&nbsp;&nbsp;{hit.snippet_html()}"
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Paints ``HtmlRole`` as rich text so the matched words show in bold."""

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HtmlRole) or "")
        view = option.widget
        # Wrap at the list's width: the rect a view passes to sizeHint can be stale or empty.
        width = view.viewport().width() if view is not None else option.rect.width()  # type: ignore[attr-defined]
        doc.setTextWidth(max(width - 12, 100))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        ctx.clip = QRectF(0, 0, option.rect.width() - 12, option.rect.height() - 8)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 8)
