"""The Trends section: one matplotlib canvas per plot in a scroll area, each with its reading under it.

matplotlib is imported here only; the main window imports this module the first time Trends is opened.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.db import Database
from rutjournal.core.trends import DateRange
from rutjournal.plots import DPI, PLOTS, SIZE, PlotOptions, check_path

log = logging.getLogger(__name__)
RANGES = (("Last 30 days", 30), ("Last 90 days", 90), ("Last 365 days", 365), ("All time", None))
WINDOWS = (("7-day mean", 7), ("30-day mean", 30))


class PlotPanel(QWidget):
    """One plot: its canvas, its reading, and a way to save it."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.figure = Figure(figsize=SIZE, dpi=DPI)
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setMinimumHeight(360)
        self.canvas.setAccessibleName(title)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reading = QLabel(wordWrap=True)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reading.setAccessibleName(f"{title}: reading")
        self.save_button = QPushButton("Save as PNG or SVG…")
        self.save_button.setAccessibleName(f"Save {title} as an image")
        row = QHBoxLayout()
        row.addWidget(self.reading, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 12)
        column.addWidget(self.canvas)
        column.addLayout(row)


class TrendsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.today = dt.date.today
        self.range_box = QComboBox()
        self.range_box.setAccessibleName("Date range")
        for label, days in RANGES:
            self.range_box.addItem(label, days)
        self.range_box.setCurrentIndex(1)
        from rutjournal.ui.preferences import current_settings, select_trend_range

        select_trend_range(self.range_box, current_settings().trend_window_days)  # Settings → Trends open on
        self.window_box = QComboBox()
        self.window_box.setAccessibleName("Rolling mean")
        for label, window in WINDOWS:
            self.window_box.addItem(label, window)
        self.range_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("Show"))
        top.addWidget(self.range_box)
        top.addWidget(QLabel("with a"))
        top.addWidget(self.window_box)
        top.addSpacing(12)
        top.addWidget(self.range_label, 1)

        self.panels: dict[str, PlotPanel] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        for name, (title, _draw) in PLOTS.items():
            panel = PlotPanel(name, title)
            panel.save_button.clicked.connect(lambda _c=False, n=name: self.ask_save(n))
            panel.canvas.customContextMenuRequested.connect(lambda pos, n=name: self._menu(n, pos))
            self.panels[name] = panel
            column.addWidget(panel)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        self._stale: set[str] = set()
        self._drawn_dark = self._dark()
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self.draw_visible())
        self.range_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.window_box.currentIndexChanged.connect(lambda _i: self.refresh())

    def set_db(self, db: Database) -> None:
        self.db = db
        self.refresh()

    def date_range(self) -> DateRange | None:
        if self.db is None:
            return None
        days = self.range_box.currentData()
        today = self.today()
        return DateRange.all_time(self.db, today) if days is None else DateRange.last_days(int(days), today)

    def options(self) -> PlotOptions:
        return PlotOptions(window=int(self.window_box.currentData()), dark=self._dark())

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 128

    def refresh(self) -> None:
        """Redraw for the chosen range and rolling mean: the plots on screen now, the others when scrolled to."""
        rng = self.date_range()
        if rng is None or self.db is None:
            return
        self.range_label.setText(
            f"{rng.first.isoformat()} to {rng.last.isoformat()} ({rng.days} day{'s' if rng.days != 1 else ''})"
        )
        self._stale = set(self.panels)
        self.draw_visible()
        QTimer.singleShot(0, self.draw_visible)  # again once the layout has settled

    def draw_visible(self) -> None:
        """Draw the stale plots that can be seen (a change of range must not wait for seven renders)."""
        if not self.isVisible():
            return
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height()
        for name in [n for n in self.panels if n in self._stale]:
            geometry = self.panels[name].geometry()  # in the scrolled body's coordinates
            if geometry.bottom() >= top and geometry.top() <= bottom:
                self.draw(name)

    def draw(self, name: str) -> None:
        """Compute and draw one plot now."""
        rng = self.date_range()
        if rng is None or self.db is None:
            return
        panel = self.panels[name]
        try:
            reading = PLOTS[name][1](panel.figure, self.db, rng, self.options())
        except Exception:
            log.exception("could not draw the %s plot", name)
            panel.figure.clear()
            reading = "This plot could not be drawn; the details are in the log."
        panel.reading.setText(reading)
        panel.canvas.draw_idle()  # type: ignore[no-untyped-call]
        self._stale.discard(name)

    def draw_all(self) -> None:
        for name in list(self._stale):
            self.draw(name)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.draw_visible()
        QTimer.singleShot(0, self.draw_visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.draw_visible()

    def changeEvent(self, event: QEvent) -> None:
        """A switch between light and dark redraws the plots in the new colours (they are bitmaps)."""
        super().changeEvent(event)
        palette_events = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_events and self.db is not None and self._drawn_dark != self._dark():
            self._drawn_dark = self._dark()
            self.refresh()

    def _menu(self, name: str, pos: QPoint) -> None:
        panel = self.panels[name]
        menu = QMenu(self)
        action = QAction("Save as PNG or SVG…", menu)
        action.triggered.connect(lambda _c=False: self.ask_save(name))
        menu.addAction(action)
        menu.exec(panel.canvas.mapToGlobal(pos))

    def ask_save(self, name: str) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save the plot", f"{name}.png", "PNG image (*.png);;SVG image (*.svg)"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".svg" if "svg" in chosen.lower() else ".png")
        self.save(name, target)

    def save(self, name: str, path: Path) -> None:
        """Write the plot as drawn on screen to a .png or .svg file."""
        fmt = check_path(path)
        if name in self._stale:
            self.draw(name)
        figure = self.panels[name].figure
        figure.savefig(path, format=fmt, facecolor=figure.get_facecolor())
