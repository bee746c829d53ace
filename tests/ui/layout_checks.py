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
