"""What every Trends plot shares: the colours, the light and dark themes, the options, and the helpers that
style an axes, a date axis and a legend the same way, or write the reading in place of a plot with too little data.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from rutjournal.core.db import Database
from rutjournal.core.trends import DateRange, Series

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


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    muted: str
    grid: str
    blank: str  # a day of the year with no mood


LIGHT = Theme(background="#ffffff", text="#222222", muted="#666666", grid="#dddddd", blank="#ececec")
DARK = Theme(background="#1e1f22", text="#e6e6e6", muted="#a0a0a0", grid="#3a3b3f", blank="#2e3034")


@dataclass(frozen=True)
class PlotOptions:
    window: int = 7  # the rolling mean's days: 7 or 30
    dark: bool = False

    @property
    def theme(self) -> Theme:
        return DARK if self.dark else LIGHT


DrawFunction = Callable[[Figure, Database, DateRange, PlotOptions], str]


def prepare(figure: Figure, options: PlotOptions) -> Theme:
    figure.clear()
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


def date_axis(ax: Axes, rng: DateRange) -> None:
    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    first, last, earliest, latest = date2num(  # type: ignore[no-untyped-call]
        [rng.first, rng.last, dt.date.min, dt.date.max]
    )
    # Half a day either side; matplotlib refuses anything outside the years 1 to 9999 an old journal may reach.
    ax.set_xlim(max(float(first) - 0.5, float(earliest)), min(float(last) + 0.5, float(latest)))


def as_dates(days: Sequence[dt.date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def dot_size(rng: DateRange) -> float:
    """Daily points: smaller as the range grows; none past ~400 days, where they only blur into bands."""
    return 0.0 if rng.days > 400 else 6.0 if rng.days > 200 else 14.0


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


def add_legend(ax: Axes, theme: Theme, **kwargs: Any) -> None:
    legend = ax.legend(
        fontsize=9,
        labelcolor=theme.text,
        facecolor=theme.background,
        edgecolor="none",
        framealpha=0.85,
        **kwargs,
    )
    legend.set_zorder(5)
