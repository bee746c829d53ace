"""The Trends section: one matplotlib chart per plot in a scroll area, each with its reading under it.

The page shows at once, with "Drawing charts…" where the charts will be: matplotlib is loaded in the background
(``chart_loader``), then the charts in sight are drawn one per turn of the event loop, the others when scrolled
to, so the window never stops answering for longer than one chart takes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QTimer
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.i18n import N_, _
from rutjournal.core.logsetup import logger
from rutjournal.core.storage.db import Database
from rutjournal.core.trends.readings import range_reading
from rutjournal.core.trends.service import DateRange, entries_after
from rutjournal.render.plots import TITLES, PlotOptions, check_path
from rutjournal.ui.trends.chart_loader import ChartLoader
from rutjournal.ui.trends.plot_panel import PlotPanel

log = logger(__name__)
RANGES = (
    # TRANSLATORS: the date ranges of the Trends charts, in "Show [Last 90 days] with a [7-day mean]"
    (N_("Last 30 days"), 30),
    (N_("Last 90 days"), 90),
    (N_("Last 365 days"), 365),
    (N_("All time"), None),
)
# TRANSLATORS: the rolling means of the Trends charts, in "Show [Last 90 days] with a [7-day mean]"
WINDOWS = ((N_("7-day mean"), 7), (N_("30-day mean"), 30))
NOT_LOADED = N_("The charts could not be drawn: matplotlib did not load. The details are in the log.")


class TrendsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.today = dt.date.today
        self.range_box = QComboBox()
        self.range_box.setAccessibleName(_("Date range"))
        for label, days in RANGES:
            self.range_box.addItem(_(label), days)
        self.range_box.setCurrentIndex(1)
        from rutjournal.ui.shell.preferences import current_settings, select_trend_range

        select_trend_range(self.range_box, current_settings().trend_window_days)  # Settings → Trends open on
        self.window_box = QComboBox()
        self.window_box.setAccessibleName(_("Rolling mean"))
        for label, window in WINDOWS:
            self.window_box.addItem(_(label), window)
        self.range_label = QLabel(wordWrap=True)
        self.range_label.setAccessibleName(_("Range shown"))
        top = QHBoxLayout()
        # TRANSLATORS: the words around two boxes: "Show [Last 90 days] with a [7-day mean]"
        top.addWidget(QLabel(_("Show")))
        top.addWidget(self.range_box)
        # TRANSLATORS: the words around two boxes: "Show [Last 90 days] with a [7-day mean]"
        top.addWidget(QLabel(_("with a")))
        top.addWidget(self.window_box)
        top.addSpacing(12)
        top.addWidget(self.range_label, 1)

        self.panels: dict[str, PlotPanel] = {}
        self.body = QWidget()
        column = QVBoxLayout(self.body)
        for name, title in TITLES.items():
            panel = PlotPanel(name, _(title))
            panel.save_button.clicked.connect(lambda _c=False, n=name: self.ask_save(n))
            self.panels[name] = panel
            column.addWidget(panel)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        self._stale: set[str] = set(self.panels)
        self._charts = False  # the canvases exist (matplotlib is loaded)
        self._queued = False  # a turn of the event loop will draw the next chart in sight
        self._loading = QTimer(self, interval=25)
        self._loading.timeout.connect(self._check_loaded)
        self._width = 0  # the width the charts were laid out for: their legends wrap to it
        self._resized = QTimer(self, singleShot=True, interval=150)
        self._resized.timeout.connect(self._relayout)
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
        """Redraw for the chosen range and rolling mean: the plots in sight now, the others when scrolled to."""
        rng = self.date_range()
        if rng is None or self.db is None:
            return
        self.range_label.setText(range_reading(rng.first, rng.last, entries_after(self.db, self.today())))
        self._stale = set(self.panels)
        self.draw_visible()

    # --- loading matplotlib, then drawing one chart per turn ----------------------------------------------
    def _start_loading(self) -> None:
        if not self._charts and not self._loading.isActive():
            ChartLoader.start()
            self._loading.start()

    def _check_loaded(self) -> None:
        if not ChartLoader.done():
            return
        self._loading.stop()
        self._build_charts()
        self.draw_visible()

    def _build_charts(self) -> bool:
        """Give every panel its canvas (on the GUI thread, matplotlib already loaded); False if it cannot."""
        if self._charts:
            return True
        if ChartLoader.failed():
            for panel in self.panels.values():
                panel.unavailable(_(NOT_LOADED))
            return False
        from rutjournal.ui.trends.charts import new_chart

        for name, panel in self.panels.items():
            panel.attach(*new_chart())
            assert panel.canvas is not None
            panel.canvas.customContextMenuRequested.connect(lambda pos, n=name: self._menu(n, pos))
        self._charts = True
        layout = self.body.layout()
        if layout is not None:
            layout.activate()  # the canvases have their size before the first is drawn
        return True

    def _ensure_charts(self) -> bool:
        """The canvases now, waiting for matplotlib if it is still loading (a save, a test)."""
        if not self._charts:
            ChartLoader.wait()
            self._loading.stop()
        return self._build_charts()

    def draw_visible(self) -> None:
        """Queue the stale charts in sight: one is drawn per turn of the event loop, so a change of range never
        waits for seven renders and the window answers between them."""
        if not self.isVisible() or self.db is None:
            return
        if not self._charts:
            self._start_loading()
            return
        if not self._queued and self._next_visible() is not None:
            self._queued = True
            QTimer.singleShot(0, self._draw_next)

    def _next_visible(self) -> str | None:
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height()
        for name, panel in self.panels.items():
            geometry = panel.geometry()  # in the scrolled body's coordinates
            if name in self._stale and geometry.bottom() >= top and geometry.top() <= bottom:
                return name
        return None

    def _draw_next(self) -> None:
        self._queued = False
        if not self.isVisible():
            return
        name = self._next_visible()
        if name is not None:
            self.draw(name)
            self.draw_visible()

    def draw(self, name: str) -> None:
        """Compute and draw one plot now."""
        rng = self.date_range()
        if rng is None or self.db is None or not self._ensure_charts():
            return
        from rutjournal.core.trends.plot_data import read_plot_data
        from rutjournal.render.plots.drawing import draw_plot

        panel = self.panels[name]
        assert panel.figure is not None and panel.canvas is not None
        panel.show_canvas()
        try:
            reading = draw_plot(name, panel.figure, read_plot_data(self.db, name, rng), rng, self.options())
        except Exception:
            log.exception("could not draw the %s plot", name)
            panel.figure.clear()
            reading = _("This plot could not be drawn; the details are in the log.")
        panel.canvas.draw_idle()  # type: ignore[no-untyped-call]  # rendered in the next turn, on its own
        panel.shown(reading)
        self._width = self.scroll_area.viewport().width()
        self._stale.discard(name)

    def draw_all(self) -> None:
        for name in [n for n in self.panels if n in self._stale]:
            self.draw(name)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.draw_visible()
        QTimer.singleShot(0, self.draw_visible)  # again once the layout has settled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._resized.start()  # once the user stops dragging: a resize is many events
        self.draw_visible()

    def _relayout(self) -> None:
        """Another width: the charts are drawn again for it (their legends wrap to the width), those in sight
        now, the others when scrolled to."""
        if self._width and self.scroll_area.viewport().width() != self._width:
            self._stale = set(self.panels)
            self.draw_visible()

    def changeEvent(self, event: QEvent) -> None:
        """A switch between light and dark redraws the plots in the new colours (they are bitmaps)."""
        super().changeEvent(event)
        palette_events = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_events and self.db is not None and self._drawn_dark != self._dark():
            self._drawn_dark = self._dark()
            self.refresh()

    # --- saving ---------------------------------------------------------------------------------------------
    def _menu(self, name: str, pos: QPoint) -> None:
        panel = self.panels[name]
        assert panel.canvas is not None
        menu = QMenu(self)
        action = QAction(_("Save as PNG or SVG…"), menu)
        action.triggered.connect(lambda _c=False: self.ask_save(name))
        menu.addAction(action)
        menu.exec(panel.canvas.mapToGlobal(pos))

    def ask_save(self, name: str) -> None:
        png, svg = _("PNG image (*.png)"), _("SVG image (*.svg)")
        path, chosen = QFileDialog.getSaveFileName(self, _("Save the plot"), f"{name}.png", f"{png};;{svg}")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".svg" if chosen == svg else ".png")
        self.save(name, target)

    def save(self, name: str, path: Path) -> None:
        """Write the plot as drawn on screen to a .png or .svg file."""
        fmt = check_path(path)
        if name in self._stale or not self._charts:
            self.draw(name)
        figure = self.panels[name].figure
        if figure is None:  # matplotlib did not load: the panel says so
            return
        figure.savefig(path, format=fmt, facecolor=figure.get_facecolor())
