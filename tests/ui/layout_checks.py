"""Checks that a widget can be used as it is laid out: shown whole, inside its window, as wide as it needs."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fully_shown(widget: QWidget) -> bool:
    """Shown whole: visible, inside its window, not clipped by a parent, and at least as wide as it needs."""
    window = widget.window()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    inside = window.rect().contains(top_left) and window.rect().contains(
        widget.mapTo(window, widget.rect().bottomRight())
    )
    unclipped = widget.visibleRegion().boundingRect() == widget.rect()
    needed = widget.minimumWidth() or widget.minimumSizeHint().width()  # an explicit minimum is what it needs
    return widget.isVisible() and inside and unclipped and widget.width() >= needed


def cut_short(window: QWidget) -> list[str]:
    """Every visible text of ``window`` given less room than it needs, so that its end is cut off or
    elided: a label that does not wrap, a button, a check box, a tab, an empty box's placeholder. One line each: where, and the text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTabBar

    from tests.ui.pseudo_walk import where

    cut = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if (
            isinstance(widget, QLabel)
            and not widget.wordWrap()
            and widget.pixmap().isNull()
            and widget.text()
        ) or (
            isinstance(widget, QAbstractButton) and widget.text() and type(widget).__name__ != "QToolButton"
        ):
            if widget.sizeHint().width() > widget.width() + 1:
                cut.append(f"{where(widget)}: {widget.text()[:80]!r}")
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            room = (
                widget.width() - 12 - (24 if widget.isClearButtonEnabled() else 0)
            )  # the frame, the clear button
            if widget.fontMetrics().horizontalAdvance(widget.placeholderText()) > room:
                cut.append(f"{where(widget)}: placeholder {widget.placeholderText()[:80]!r}")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                shown = widget.isTabVisible(index)
                if shown and widget.tabRect(index).width() + 1 < widget.tabSizeHint(index).width():
                    cut.append(f"{where(widget)}: tab {widget.tabText(index)[:80]!r}")
    return cut
