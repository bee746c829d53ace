"""One Trends chart on the page: "Drawing charts…" until its canvas is drawn, then the canvas, its reading
under it and a way to save it. Free of matplotlib: the canvas is handed in once matplotlib is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.i18n import N_, _

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from rutjournal.ui.trends.charts import ChartCanvas

CHART_HEIGHT = 360
YEAR_SHAPE = (0.27, 190, 320)  # the year's seven rows of squares: height for width, and its bounds
DRAWING = N_("Drawing charts…")


class PlotPanel(QWidget):
    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.title = title
        self.figure: Figure | None = None
        self.canvas: ChartCanvas | None = None
        self.drawn = False  # shown at least once: until then the placeholder stands in its place
        self.placeholder = QWidget()
        # TRANSLATORS: {title} is the chart's title
        self.placeholder.setAccessibleName(_("{title}: Drawing charts…").format(title=title))
        self.waiting = QLabel(_(DRAWING), alignment=Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no end known: the bar moves to say the window is alive
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(240)
        waiting = QVBoxLayout(self.placeholder)
        waiting.addStretch(1)
        waiting.addWidget(self.waiting)
        waiting.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting.addStretch(1)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.placeholder)
        self.holder = QWidget()
        self.holder.setLayout(self.stack)
        self.holder.setFixedHeight(CHART_HEIGHT)  # the canvas never changes height once drawn
        self.reading = QLabel(wordWrap=True)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # TRANSLATORS: the text under a chart that says in words what it shows; {title} is the chart's title
        self.reading.setAccessibleName(_("{title}: reading").format(title=title))
        self.save_button = QPushButton(_("Save as PNG or SVG…"))
        # TRANSLATORS: {title} is the chart's title
        self.save_button.setAccessibleName(_("Save {title} as an image").format(title=title))
        row = QHBoxLayout()
        row.addWidget(self.reading, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 12)
        column.addWidget(self.holder)
        column.addLayout(row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The year in pixels is as tall as its width needs: a fixed height would leave a band of blank space
        above and below its squares in a narrow window, or shrink them in a wide one."""
        super().resizeEvent(event)
        if self.name == "year":
            share, low, high = YEAR_SHAPE
            height = max(low, min(high, round(event.size().width() * share)))
            if height != self.holder.height():
                self.holder.setFixedHeight(height)

    def attach(self, figure: Figure, canvas: ChartCanvas) -> None:
        """Take the chart's canvas; the placeholder stays in front until it is first drawn."""
        self.figure, self.canvas = figure, canvas
        canvas.setAccessibleName(self.title)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.stack.addWidget(canvas)

    def show_canvas(self) -> None:
        """The canvas in front, before it is drawn: shown now, it takes its size now, so the chart is rendered
        once, at that size (a canvas resized after drawing renders again)."""
        if self.canvas is not None:
            self.stack.setCurrentWidget(self.canvas)

    def shown(self, reading: str) -> None:
        self.reading.setText(reading)
        self.drawn = True

    def unavailable(self, reading: str) -> None:
        """matplotlib could not be loaded: say so where the chart would be."""
        self.waiting.setText(reading)
        self.busy.hide()
        self.reading.setText(reading)
