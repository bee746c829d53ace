"""What every Trends plot shares: the colours, the helpers that style an axes, a date axis and a legend the
same way, and the words written in place of a plot with too little data.

Layout is matplotlib's constrained layout (``prepare``): the title sits above the axes, the legend below the
tick labels, outside the data, and both are re-placed at every size the window gives the figure, so neither
covers the other nor the data at 900 × 600 or at 200 %.
"""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter

from rutjournal.core.calendar_words import MONTHS, WEEKDAYS
from rutjournal.core.i18n import formats
from rutjournal.core.trends.plot_data import PlotData
from rutjournal.core.trends.service import DateRange, Series
from rutjournal.render.plots.options import PlotOptions, Theme

# Mood 1 (low) → 5 (great), as in ui/score_selector.py: red → green, mid-tones readable on light and dark.
MOOD_COLOURS = {1: "#d9534f", 2: "#f0ad4e", 3: "#e8d44d", 4: "#8cc152", 5: "#37a65a"}
# Okabe–Ito: distinguishable for colour-blind readers, mid-tones that read on white and on near-black.
COLOURS = {
    "mood": "#0072b2",
    "energy": "#e69f00",
    "challenge": "#009e73",
    "hours": "#0072b2",
    "load": "#d55e00",
    "line": "#cc79a7",
    "kept": "#8c8c8c",
    "delegate": "#56b4e9",
    "drop": "#d55e00",
    "decline": "#cc79a7",
    "automate": "#009e73",
}
GOAL_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#8c8c8c", "#f0e442")
SIZE = (9.0, 4.0)  # inches at 100 dpi: 900 × 400 px
DPI = 100

DrawFunction = Callable[[Figure, PlotData, DateRange, PlotOptions], str]


def prepare(figure: Figure, options: PlotOptions) -> Theme:
    figure.clear()
    figure.set_layout_engine("constrained", w_pad=0.08, h_pad=0.06)
    theme = options.theme
    figure.set_facecolor(theme.background)
    return theme


def message(figure: Figure, title: str, text: str, theme: Theme) -> str:
    """Too little data: no axes, the plot's name and the reading in the middle."""
    figure.text(0.5, 0.9, title, ha="center", va="center", fontsize=13, color=theme.text, weight="bold")
    figure.text(
        0.5, 0.5, textwrap.fill(text, 70), ha="center", va="center", fontsize=12, color=theme.muted, wrap=True
    )
    return text


def style_axes(ax: Axes, theme: Theme, title: str | None = None) -> None:
    ax.set_facecolor(theme.background)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_color(theme.muted)
    ax.tick_params(colors=theme.text, labelsize=9)
    ax.grid(True, color=theme.grid, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.xaxis.label.set_color(theme.text)
    ax.yaxis.label.set_color(theme.text)
    if title:
        ax.set_title(title, color=theme.text, fontsize=12, loc="left")


def short_weekdays() -> list[str]:
    """Monday to Sunday in short, in the user's language (CLDR's): "Mon", "Mo.", "lun."."""
    local = formats()
    return list(local["days_short"]) if local else [w[:3] for w in WEEKDAYS]


def short_months() -> list[str]:
    """January to December in short, in the user's language (CLDR's): "Jan", "Jan.", "janv."."""
    local = formats()
    return list(local["months_short"]) if local else [m[:3] for m in MONTHS]


class DayFormatter(Formatter):
    """Date ticks in the app's words, each label whole on its own (no offset text such as "2026-Dec" under the
    axis): "5 Sep" a few days apart, "Oct" months apart, "2027" years apart; the year is added to the first
    tick and to the first tick of each new year ("Sep 2026", "Jan 2027")."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        days: list[dt.date | None] = []
        for value in values:
            try:
                days.append(num2date(value).date())  # type: ignore[no-untyped-call]
            except (ValueError, OverflowError):  # past the years 1 to 9999
                days.append(None)
        known = [d for d in days if d is not None]
        step = min(((b - a).days for a, b in itertools.pairwise(known)), default=1)
        labels: list[str] = []
        year: int | None = None
        for day in days:
            if day is None:
                labels.append("")
                continue
            month = short_months()[day.month - 1]
            if step >= 360:
                label = str(day.year)
            else:
                label = month if step >= 28 else f"{day.day} {month}"
                if day.year != year:
                    label += f" {day.year}"
            year = day.year
            labels.append(label)
        return labels


def date_axis(ax: Axes, rng: DateRange) -> None:
    locator = AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DayFormatter())
    first, last, earliest, latest = date2num(  # type: ignore[no-untyped-call]
        [rng.first, rng.last, dt.date.min, dt.date.max]
    )
    # Half a day either side; matplotlib refuses anything outside the years 1 to 9999 an old journal may reach.
    ax.set_xlim(max(float(first) - 0.5, float(earliest)), min(float(last) + 0.5, float(latest)))


def as_dates(days: Sequence[dt.date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def dot_size(rng: DateRange) -> float:
    """Daily points: smaller as the range grows; none past ~400 days, where they only blur into bands."""
    return 0.0 if rng.days > 400 else 8.0 if rng.days > 200 else 16.0


def series_values(series: Series) -> np.ndarray:
    return np.array([np.nan if v is None else v for _, v in series], dtype=float)


def mean_line(steps: Series) -> tuple[np.ndarray, np.ndarray]:
    """A rolling mean's step function as a line: each step holds until the day before the next, so the line is
    the one a point a day would draw, with two points a step however long the range; a blank step breaks it."""
    days: list[dt.date] = []
    values: list[float] = []
    for i, (day, value) in enumerate(steps):
        y = np.nan if value is None else value
        days.append(day)
        values.append(y)
        if i + 1 < len(steps) and (before := steps[i + 1][0] - dt.timedelta(days=1)) > day:
            days.append(before)
            values.append(y)
    return as_dates(days), np.array(values, dtype=float)


LEGEND_FONT = 9  # points
# In font sizes: handle, gap to the text, between columns (as passed to the legend), and a character's mean width.
HANDLE, HANDLE_PAD, COLUMN_GAP, CHARACTER = 1.8, 0.8, 1.6, 0.62


def legend_columns(labels: Sequence[str], width: float) -> int:
    """The most columns whose entries fit side by side in ``width`` points (matplotlib fills a legend column by
    column, each as wide as its widest entry), so a legend wraps onto more rows instead of running off a narrow
    figure."""
    entries = [LEGEND_FONT * (HANDLE + HANDLE_PAD + CHARACTER * len(label)) for label in labels]
    for ncols in range(len(entries), 1, -1):
        rows = -(-len(entries) // ncols)
        columns = [entries[i : i + rows] for i in range(0, len(entries), rows)]
        needed = sum(max(c) for c in columns) + LEGEND_FONT * COLUMN_GAP * (len(columns) - 1)
        if needed <= width:
            return ncols
    return 1


def add_legend(figure: Figure, theme: Theme, handles: Sequence[Artist] | None = None) -> None:
    """One legend for the figure, below the axes and their tick labels: it never covers the title or the data,
    and wraps onto more rows when the figure is narrow. Without ``handles`` it gathers every labelled artist of
    every axes, in order."""
    if handles is None:
        handles = [h for ax in figure.axes for h in ax.get_legend_handles_labels()[0]]
    labels = [str(h.get_label()) for h in handles]
    width = figure.get_figwidth() * 72 * 0.94  # points, less the figure's margins
    figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=legend_columns(labels, width),
        fontsize=LEGEND_FONT,
        labelcolor=theme.text,
        frameon=False,
        handlelength=HANDLE,
        handletextpad=HANDLE_PAD,
        columnspacing=COLUMN_GAP,
    )
