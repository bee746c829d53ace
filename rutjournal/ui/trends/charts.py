"""The Qt side of a chart: a canvas that only draws. Imported once matplotlib is loaded (``chart_loader``)."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from rutjournal.render.plots.drawing import new_figure


class ChartCanvas(FigureCanvasQTAgg):
    """No chart zooms or pans, so the wheel is the page's: it is handed to the scroll area around the charts
    (matplotlib's canvas would take every wheel event, and the page would scroll only over its scroll bar)."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        area = self._scroll_area()
        if area is None:
            event.ignore()
            return
        viewport = area.viewport()
        forwarded = QWheelEvent(
            self.mapTo(viewport, event.position()),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, forwarded)
        event.setAccepted(forwarded.isAccepted())

    def _scroll_area(self) -> QAbstractScrollArea | None:
        parent: QWidget | None = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        return parent


def new_chart() -> tuple[Figure, ChartCanvas]:
    figure = new_figure()
    return figure, ChartCanvas(figure)  # type: ignore[no-untyped-call]
