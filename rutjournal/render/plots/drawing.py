"""Drawing the Trends plots by name: the registry of draw functions, a check that a figure shows data, and
``save_plot``, which renders one plot with the Agg backend to .png or .svg (the command line's path, free of Qt).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from rutjournal.core.transfer.exporters.files import AtomicFiles
from rutjournal.core.trends.plot_data import PlotData
from rutjournal.core.trends.service import DateRange
from rutjournal.render.plots import TITLES, check_name, check_path
from rutjournal.render.plots.calendars import draw_weekday, draw_year
from rutjournal.render.plots.daily import draw_mood, draw_workload
from rutjournal.render.plots.options import PlotOptions
from rutjournal.render.plots.style import DPI, SIZE, DrawFunction
from rutjournal.render.plots.work import draw_decisions, draw_goals, draw_hours_vs_mood

__all__ = ["PLOTS", "draw_plot", "has_data", "new_figure", "save_plot"]

PLOTS: dict[str, DrawFunction] = {
    "mood": draw_mood,
    "workload": draw_workload,
    "weekday": draw_weekday,
    "year": draw_year,
    "hours_vs_mood": draw_hours_vs_mood,
    "decisions": draw_decisions,
    "goals": draw_goals,
}
assert list(PLOTS) == list(TITLES)


def has_data(figure: Figure) -> bool:
    """Whether any axes of the figure holds drawn data (lines, markers, bars, images)."""
    return any(
        any(np.size(line.get_xdata()) for line in ax.lines) or ax.collections or ax.patches or ax.images
        for ax in figure.axes
    )


def new_figure() -> Figure:
    """A figure laid out by matplotlib's constrained layout: titles, tick labels and legends never overlap,
    whatever size the window gives it."""
    return Figure(figsize=SIZE, dpi=DPI, layout="constrained")


def draw_plot(name: str, figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    """Draw the named plot of ``data`` (``read_plot_data``) onto ``figure``; returns its reading."""
    return PLOTS[check_name(name)](figure, data, rng, options)


def save_plot(
    name: str,
    data: PlotData,
    rng: DateRange,
    path: Path | str,
    options: PlotOptions | None = None,
    *,
    record_dir: Path,
) -> str:
    """Draw one plot with the Agg backend and write it to ``path`` (.png or .svg), whole or not at all (the
    partial file recorded in ``record_dir``, the data folder, until it is in place); returns its reading."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    check_name(name)
    target = Path(path)
    fmt = check_path(target)
    figure = new_figure()
    FigureCanvasAgg(figure)
    reading = draw_plot(name, figure, data, rng, options or PlotOptions())
    with AtomicFiles(record_dir) as files, files.open_binary(target) as out:  # whole, or not at all
        figure.savefig(out, format=fmt, facecolor=figure.get_facecolor())
    return reading
