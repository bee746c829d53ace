"""The Trends plots, drawn with matplotlib onto a given ``Figure`` (never pyplot, never Qt).

Each draw function takes ``(figure, db, rng, options)``, draws from the numbers of ``core.trends`` and returns the
plot's reading (``core.trends_readings``). With too little data it draws no axes at all and writes the reading
in the middle of the figure instead, so a handful of days is never dressed up as a trend. Gaps stay gaps: a
missing day is NaN, which breaks the lines.

This package holds the registry of plots by name, used by ``rutjournal plot`` and the Trends view; the plots
themselves live in ``daily`` (over time), ``calendars`` (by weekday, the year in pixels) and ``work`` (hours,
tasks, goals), what they share in ``style``.

``save_plot`` renders one plot with the Agg backend to .png or .svg: the command line's path, free of Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from rutjournal.core.db import Database
from rutjournal.core.errors import InvalidInput
from rutjournal.core.exporters.files import AtomicFiles
from rutjournal.core.trends import DateRange
from rutjournal.plots.calendars import draw_weekday, draw_year
from rutjournal.plots.daily import draw_mood, draw_workload
from rutjournal.plots.style import (
    COLOURS,
    DARK,
    DPI,
    GOAL_COLOURS,
    LIGHT,
    MOOD_COLOURS,
    SIZE,
    DrawFunction,
    PlotOptions,
    Theme,
)
from rutjournal.plots.work import draw_decisions, draw_goals, draw_hours_vs_mood

__all__ = [
    "COLOURS",
    "DARK",
    "DPI",
    "FORMATS",
    "GOAL_COLOURS",
    "LIGHT",
    "MOOD_COLOURS",
    "PLOTS",
    "SIZE",
    "DrawFunction",
    "PlotOptions",
    "Theme",
    "check_name",
    "check_path",
    "draw_decisions",
    "draw_goals",
    "draw_hours_vs_mood",
    "draw_mood",
    "draw_weekday",
    "draw_workload",
    "draw_year",
    "has_data",
    "new_figure",
    "plot_names",
    "save_plot",
]

FORMATS = ("png", "svg")

PLOTS: dict[str, tuple[str, DrawFunction]] = {
    "mood": ("Mood, energy and challenge over time", draw_mood),
    "workload": ("Hours worked and perceived load over time", draw_workload),
    "weekday": ("Mood by weekday (the Monday dread)", draw_weekday),
    "year": ("Year in pixels: mood each day of the year", draw_year),
    "hours_vs_mood": ("Hours worked vs mood, with the correlation", draw_hours_vs_mood),
    "decisions": ("Weekly hours of tasks kept vs freed by decision", draw_decisions),
    "goals": ("Goal progress over time", draw_goals),
}


def has_data(figure: Figure) -> bool:
    """Whether any axes of the figure holds drawn data (lines, markers, bars, images)."""
    return any(
        any(np.size(line.get_xdata()) for line in ax.lines) or ax.collections or ax.patches or ax.images
        for ax in figure.axes
    )


def check_name(name: str) -> DrawFunction:
    if name not in PLOTS:
        raise InvalidInput("NAME", "one of " + ", ".join(PLOTS), name)
    return PLOTS[name][1]


def check_path(path: Path) -> str:
    """The image format named by the file's extension: png or svg."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput("--out", "a file name ending in .png or .svg", path)
    return fmt


def new_figure() -> Figure:
    return Figure(figsize=SIZE, dpi=DPI)


def save_plot(
    name: str, db: Database, rng: DateRange, path: Path | str, options: PlotOptions | None = None
) -> str:
    """Draw one plot with the Agg backend and write it to ``path`` (.png or .svg); returns its reading."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    draw = check_name(name)
    target = Path(path)
    fmt = check_path(target)
    figure = new_figure()
    FigureCanvasAgg(figure)
    reading = draw(figure, db, rng, options or PlotOptions())
    with AtomicFiles(db.path.parent) as files, files.open_binary(target) as out:  # whole, or not at all
        figure.savefig(out, format=fmt, facecolor=figure.get_facecolor())
    return reading


def plot_names() -> Sequence[str]:
    return tuple(PLOTS)
