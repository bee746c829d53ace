"""Every text a window shows a person, with where it is: for the pseudo-locale test (tests/pseudo.py)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROWS = 40  # of each list or table: enough to see every kind of row the demo journal holds


def where(widget: QWidget) -> str:
    """The widget's class and object names up to its window: "GrowView > QLabel#gapSummary"."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = type(current).__name__ + (f"#{current.objectName()}" if current.objectName() else "")
        parts.append(name)
        if current.isWindow():
            break
        current = current.parentWidget()
    return " > ".join(reversed(parts[:1] + parts[-2:] if len(parts) > 3 else parts))


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible text in ``window``: labels, buttons, titles, tabs, placeholders, tool
    tips, combo box items, list and table cells and headers, read-only documents, menus, charts. Qt's own
    parts (a calendar's month names, a button box's standard buttons) are Qt's translation, not ours."""
    yield where(window), window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or _inside_qt_part(widget):
            continue
        place = where(widget)
        if widget.toolTip():
            yield place + " (tool tip)", widget.toolTip()
        if widget.accessibleName():
            yield place + " (accessible name)", widget.accessibleName()
        yield from ((place, text) for text in _texts_of(widget))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            yield from _menu_texts(action, "menu")
        if window.statusBar().currentMessage():
            yield "status bar", window.statusBar().currentMessage()


def _inside_qt_part(widget: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QCalendarWidget):
            return True
        if isinstance(current, QDialogButtonBox) and isinstance(widget, QAbstractButton):
            return current.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
        current = current.parentWidget()
    return False


def _texts_of(widget: QWidget) -> Iterator[str]:
    if (isinstance(widget, QLabel) and widget.pixmap().isNull()) or isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.text()
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.toPlainText()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
        yield from _model_texts(widget.model())
    elif getattr(widget, "figure", None) is not None and hasattr(widget.figure, "findobj"):  # a chart
        from matplotlib.text import Text

        for artist in widget.figure.findobj(Text):
            if artist.get_visible():
                yield artist.get_text()


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    from PySide6.QtCore import QAbstractListModel, QAbstractTableModel

    flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))  # their columnCount and hasChildren
    columns = (
        1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    )  # are private in Python
    if not parent.isValid():
        for column in range(columns):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(parent), ROWS)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
        first = model.index(row, 0, parent)
        if not flat and model.rowCount(first) > 0:
            yield from _model_texts(model, first)


def _menu_texts(action: QAction, path: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator() or not action.isVisible():
        return
    place = f"{path} > {action.text().replace('&', '')}"
    yield place, action.text()
    if action.toolTip() and action.toolTip().replace("&", "") != action.text().replace("&", ""):
        yield place + " (tool tip)", action.toolTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        for inner in menu.actions():
            yield from _menu_texts(inner, place)
