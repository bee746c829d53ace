"""The decision cell drawn as a pill: "Delegate" in amber while it waits, "Delegated · done" in green once
carried out, "Keep" plain, "Undecided" in grey without a pill — so a done task never looks undecided.

The pill's fill is the row's base colour tinted with the tone, opaque, so its text stays readable on a
selected (highlighted) row as on a plain one, in light and in dark.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from rutjournal.ui.load.choice_delegate import ChoiceDelegate
from rutjournal.ui.load.task_model import ToneRole
from rutjournal.ui.shell.theme import status_colour

AnyIndex = QModelIndex | QPersistentModelIndex
PAD_X, PAD_Y, MARGIN = 8, 2, 4
TINT = 0.2  # how much of the tone colour is mixed into the pill's fill


def tone_colour(tone: str, palette: QPalette) -> QColor:
    """The text and border colour of a tone on the current theme."""
    if tone == "plain":
        return palette.color(QPalette.ColorRole.Text)
    return status_colour(tone if tone in ("good", "warn", "bad") else "muted")


def mix(base: QColor, tone: QColor, share: float) -> QColor:
    return QColor(
        round(base.red() + (tone.red() - base.red()) * share),
        round(base.green() + (tone.green() - base.green()) * share),
        round(base.blue() + (tone.blue() - base.blue()) * share),
    )


class DecisionDelegate(ChoiceDelegate):
    """Edits like the other choice cells (a list of decisions); paints its value as a pill."""

    def __init__(self, choices: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(choices, parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        label, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # row, selection
        tone = str(index.data(ToneRole) or "muted")
        colour = tone_colour(tone, opt.palette)
        rect = opt.rect
        metrics = opt.fontMetrics
        painter.save()
        painter.setFont(opt.font)
        if tone == "muted":  # undecided: words, no pill
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
            painter.setPen(opt.palette.color(role))
            text_rect = rect.adjusted(MARGIN + PAD_X, 0, -MARGIN, 0)
        else:
            width = min(metrics.horizontalAdvance(label) + 2 * PAD_X, rect.width() - 2 * MARGIN)
            height = min(metrics.height() + 2 * PAD_Y, rect.height() - 2)
            pill = QRectF(rect.left() + MARGIN, rect.center().y() - height / 2 + 0.5, width, height)
            base = opt.palette.color(QPalette.ColorRole.Base)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(colour)
            painter.setBrush(mix(base, colour, TINT))
            painter.drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2)
            text_rect = pill.toRect().adjusted(PAD_X, 0, -PAD_X // 2, 0)
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * PAD_X + MARGIN, size.height() + 2 * PAD_Y)
