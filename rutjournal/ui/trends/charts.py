"""The Qt side of a chart: a canvas that only draws. Imported once matplotlib is loaded (``chart_loader``)."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtGui import QWheelEvent

from rutjournal.plots.drawing import new_figure


class ChartCanvas(FigureCanvasQTAgg):
    """No chart zooms or pans, so the wheel is the page's: ignored here, it goes on to the scroll area around the
    charts (matplotlib's canvas would otherwise take every wheel event and the page would not scroll)."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


def new_chart() -> tuple[Figure, ChartCanvas]:
    figure = new_figure()
    return figure, ChartCanvas(figure)  # type: ignore[no-untyped-call]
