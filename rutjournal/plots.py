"""The Trends plots, drawn with matplotlib onto a given ``Figure`` (never pyplot, never Qt).

Each draw function takes ``(figure, db, rng, options)``, draws from the numbers of ``core.trends`` and returns the
plot's reading (``core.trends_readings``). With too little data it draws no axes at all and writes the reading
in the middle of the figure instead, so a handful of days is never dressed up as a trend. Gaps stay gaps: a
missing day is NaN, which breaks the lines.

``save_plot`` renders one plot with the Agg backend to .png or .svg: the command line's path, free of Qt.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from rutjournal.core.db import Database
from rutjournal.core.errors import InvalidInput
from rutjournal.core.trends import (
    FREEING,
    MIN_PAIRS,
    WEEKDAYS,
    DateRange,
    Series,
    correlation,
    daily_series,
    goal_progress_over_time,
    hours_mood_pairs,
    monday_dread,
    present,
    rolling_mean,
    weekday_means,
    weekly_hours_by_decision,
    year_pixels,
)
from rutjournal.core.trends_readings import (
    HOURS_LINE,
    MIN_DAYS,
    WORK_DAYS,
    correlation_reading,
    decision_reading,
    dread_reading,
    goals_reading,
    hours_reading,
    pixels_reading,
    series_reading,
    strength,
)

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
FORMATS = ("png", "svg")


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


# -- shared drawing ------------------------------------------------------------------------------------------
def _prepare(figure: Figure, options: PlotOptions) -> Theme:
    figure.clear()
    theme = options.theme
    figure.set_facecolor(theme.background)
    return theme


def _message(figure: Figure, title: str, text: str, theme: Theme) -> str:
    """Too little data: no axes, the plot's name and the reading in the middle."""
    figure.text(0.5, 0.9, title, ha="center", va="center", fontsize=13, color=theme.text, weight="bold")
    figure.text(
        0.5, 0.5, textwrap.fill(text, 70), ha="center", va="center", fontsize=12, color=theme.muted, wrap=True
    )
    return text


def _style(ax: Axes, theme: Theme, title: str | None = None) -> None:
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


def _date_axis(ax: Axes, rng: DateRange) -> None:
    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    first, last = date2num([rng.first, rng.last])  # type: ignore[no-untyped-call]
    ax.set_xlim(float(first) - 0.5, float(last) + 0.5)


def _dates(days: Sequence[dt.date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def _dot_size(rng: DateRange) -> float:
    """Daily points: smaller as the range grows; none past ~400 days, where they only blur into bands."""
    return 0.0 if rng.days > 400 else 6.0 if rng.days > 200 else 14.0


def _values(series: Series) -> np.ndarray:
    return np.array([np.nan if v is None else v for _, v in series], dtype=float)


def _legend(ax: Axes, theme: Theme, **kwargs: Any) -> None:
    legend = ax.legend(
        fontsize=9,
        labelcolor=theme.text,
        facecolor=theme.background,
        edgecolor="none",
        framealpha=0.85,
        **kwargs,
    )
    legend.set_zorder(5)


def has_data(figure: Figure) -> bool:
    """Whether any axes of the figure holds drawn data (lines, markers, bars, images)."""
    return any(
        any(np.size(line.get_xdata()) for line in ax.lines) or ax.collections or ax.patches or ax.images
        for ax in figure.axes
    )


# -- the plots ---------------------------------------------------------------------------------------------------
def draw_mood(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = _prepare(figure, options)
    title = f"Mood, energy and challenge ({options.window}-day mean)"
    fields = ("mood", "energy", "challenge")
    series = {f: daily_series(db, rng, f) for f in fields}
    readings = [series_reading(f, series[f], rng.first, rng.last) for f in fields]
    reading = " ".join(readings)
    if all(len(present(series[f])) < MIN_DAYS for f in fields):
        return _message(figure, title, readings[0], theme)
    ax = figure.add_subplot()
    _style(ax, theme, title)
    days = _dates([d for d, _ in series["mood"]])
    dots = _dot_size(rng)
    for f in fields:
        if len(present(series[f])) < MIN_DAYS:
            continue
        colour = COLOURS[f]
        if dots:
            ax.scatter(days, _values(series[f]), s=dots, color=colour, alpha=0.25, linewidths=0)
        ax.plot(
            days, _values(rolling_mean(series[f], options.window)), color=colour, linewidth=2, label=f.title()
        )
    ax.set_ylim(0.7, 5.3)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel("score (1–5)")
    _date_axis(ax, rng)
    _legend(ax, theme, loc="lower right", ncols=3, bbox_to_anchor=(1.0, 1.0))
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.1)
    return reading


def draw_workload(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = _prepare(figure, options)
    title = "Hours worked and perceived load"
    hours, load = daily_series(db, rng, "hours"), daily_series(db, rng, "load")
    readings = [hours_reading(hours), series_reading("load", load, rng.first, rng.last)]
    have_hours, have_load = len(present(hours)) >= MIN_DAYS, len(present(load)) >= MIN_DAYS
    if not have_hours and not have_load:
        return _message(figure, title, readings[0], theme)
    days = _dates([d for d, _ in hours])
    dots = _dot_size(rng)
    panels = [p for p, have in (("hours", have_hours), ("load", have_load)) if have]
    axes = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    for ax, panel in zip(axes, panels, strict=True):
        _style(ax, theme)
        series = hours if panel == "hours" else load
        colour = COLOURS[panel]
        if dots:
            ax.scatter(days, _values(series), s=dots, color=colour, alpha=0.3, linewidths=0)
        label = f"{options.window}-day mean"
        ax.plot(days, _values(rolling_mean(series, options.window)), color=colour, linewidth=2, label=label)
        if panel == "hours":
            per_day = HOURS_LINE / WORK_DAYS
            ax.axhline(
                per_day,
                color=COLOURS["line"],
                linestyle="--",
                linewidth=1.5,
                label="40-hour week (8 h a day)",
            )
            top = max([*present(hours), per_day])
            ax.set_ylim(0, top * 1.1 + 0.5)
            ax.set_ylabel("hours a day")
            _legend(ax, theme, loc="upper left", ncols=2)
        else:
            ax.set_ylim(0.7, 5.3)
            ax.set_yticks([1, 3, 5])
            ax.set_ylabel("load (1–5)")
            if not have_hours:
                _legend(ax, theme, loc="upper left")
    axes[0].set_title(title, color=theme.text, fontsize=12, loc="left")
    _date_axis(axes[-1], rng)
    figure.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.1, hspace=0.15)
    return (
        " ".join(r for r, have in zip(readings, (have_hours, have_load), strict=True) if have) or readings[0]
    )


def draw_weekday(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = _prepare(figure, options)
    title = "Mood by weekday"
    mood = daily_series(db, rng, "mood")
    dread = monday_dread(mood)
    reading = dread_reading(mood, dread)
    if dread is None:
        return _message(figure, title, reading, theme)
    means = weekday_means(mood)
    ax = figure.add_subplot()
    _style(ax, theme, title)
    heights = [m.mean or 0.0 for m in means]
    colours = [
        MOOD_COLOURS[max(1, min(5, round(m.mean)))] if m.mean is not None else theme.blank for m in means
    ]
    bars = ax.bar(range(7), heights, color=colours, edgecolor=theme.muted, linewidth=0.6)
    for bar, m in zip(bars, means, strict=True):
        label = f"{m.mean:.1f}\n{m.count} days" if m.mean is not None else "no days"
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            max(bar.get_height(), 0) + 0.08,
            label,
            ha="center",
            va="bottom",
            fontsize=9,
            color=theme.text,
        )
    ax.axhline(
        dread.other_mean,
        color=theme.muted,
        linestyle=":",
        linewidth=1.2,
        label=f"Tue–Fri mean {dread.other_mean:.1f}",
    )
    ax.set_xticks(range(7), [w[:3] for w in WEEKDAYS])
    ax.set_ylim(0, 6.2)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel("mean mood (1–5)")
    _legend(ax, theme, loc="upper right")
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.1)
    return reading


def draw_year(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = _prepare(figure, options)
    year = rng.last.year
    title = f"{year} in pixels: mood each day"
    pixels = year_pixels(db, year)
    reading = pixels_reading(year, pixels)
    if not any(v is not None for v in pixels.values()):
        return _message(figure, title, reading, theme)
    jan1 = dt.date(year, 1, 1)
    offset = jan1.weekday()
    columns = (offset + len(pixels) + 6) // 7
    grid = np.full((7, columns), np.nan)  # NaN: outside the year
    for day, mood in pixels.items():
        index = (day - jan1).days + offset
        if day <= rng.last:  # days still to come stay empty, not "no mood"
            grid[index % 7, index // 7] = 0 if mood is None else mood
    colours = ListedColormap([theme.blank, *MOOD_COLOURS.values()]).with_extremes(bad=(0, 0, 0, 0))
    ax = figure.add_subplot()
    ax.set_facecolor(theme.background)
    ax.imshow(
        np.ma.masked_invalid(grid), cmap=colours, vmin=-0.5, vmax=5.5, aspect="equal", interpolation="nearest"
    )
    # thin gaps between the squares
    ax.set_xticks(np.arange(-0.5, columns, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, 7, 1), minor=True)
    ax.grid(which="minor", color=theme.background, linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.tick_params(which="major", length=0, colors=theme.text, labelsize=9)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_yticks(range(7), [w[:3] for w in WEEKDAYS])
    months = [dt.date(year, m, 1) for m in range(1, 13)]
    ax.set_xticks([((d - jan1).days + offset) // 7 for d in months], [d.strftime("%b") for d in months])
    ax.set_title(title, color=theme.text, fontsize=12, loc="left")
    handles = [Patch(color=theme.blank, label="no mood")] + [
        Patch(color=c, label=str(m)) for m, c in MOOD_COLOURS.items()
    ]
    _legend(ax, theme, handles=handles, loc="upper center", ncols=6, bbox_to_anchor=(0.5, -0.08))
    figure.subplots_adjust(left=0.05, right=0.99, top=0.92, bottom=0.12)
    return reading


def draw_hours_vs_mood(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = _prepare(figure, options)
    title = "Hours worked vs mood"
    pairs = hours_mood_pairs(db, rng)
    corr = correlation(pairs)
    reading = correlation_reading(pairs, corr)
    if len(pairs) < MIN_PAIRS:
        return _message(figure, title, reading, theme)
    hours = np.array([h for h, _ in pairs])
    moods = np.array([m for _, m in pairs])
    jitter = np.random.default_rng(0).uniform(-0.15, 0.15, len(pairs))  # moods are whole numbers: spread them
    ax = figure.add_subplot()
    if corr is None:
        _style(ax, theme, f"{title}: nothing varied, no link to measure")
    else:
        words = f"{strength(corr.r)} link" if strength(corr.r) != "no" else "no real link"
        _style(ax, theme, f"{title}: r = {corr.r:.2f}, {words} ({corr.n} days)".replace("-", "\u2212"))
    colours = [MOOD_COLOURS[max(1, min(5, int(m)))] for m in moods]
    alpha = 0.35 if len(pairs) > 300 else 0.75
    ax.scatter(hours, moods + jitter, s=18, c=colours, alpha=alpha, edgecolors=theme.muted, linewidths=0.3)
    if corr is not None and np.ptp(hours) > 0:
        slope, intercept = np.polyfit(hours, moods, 1)
        xs = np.array([hours.min(), hours.max()])
        ax.plot(
            xs,
            slope * xs + intercept,
            color=theme.text,
            linewidth=1.5,
            linestyle="--",
            label="straight-line fit",
        )
        _legend(ax, theme, loc="lower left")
    ax.axvline(HOURS_LINE / WORK_DAYS, color=COLOURS["line"], linestyle=":", linewidth=1.2)
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_xlabel("hours worked that day")
    ax.set_ylabel("mood (1–5)")
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.14)
    return reading


def draw_decisions(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = _prepare(figure, options)
    title = "Weekly hours of tasks: kept vs freed"
    weeks = weekly_hours_by_decision(db, rng)
    reading = decision_reading(weeks)
    if not weeks:
        return _message(figure, title, reading, theme)
    ax = figure.add_subplot()
    _style(ax, theme, title)
    mondays = _dates([w.monday for w in weeks])
    decisions = sorted(FREEING)
    layers = [np.array([w.kept_hours for w in weeks])] + [
        np.array([w.freed_minutes[d] / 60 for w in weeks]) for d in decisions
    ]
    labels = ["kept"] + [
        {"delegate": "delegated", "drop": "dropped", "decline": "declined", "automate": "automated"}[d]
        for d in decisions
    ]
    colours = [COLOURS["kept"]] + [COLOURS[d] for d in decisions]
    shown = [i for i, layer in enumerate(layers) if i == 0 or layer.any()]
    ax.stackplot(
        mondays,
        *[layers[i] for i in shown],
        labels=[labels[i] for i in shown],
        colors=[colours[i] for i in shown],
        step="post",
        alpha=0.85,
    )
    ax.axhline(HOURS_LINE, color=theme.text, linestyle="--", linewidth=1.2, label="40 hours", zorder=3)
    total = max(float(sum(layer[i] for layer in layers)) for i in range(len(weeks)))
    ax.set_ylim(0, max(total, HOURS_LINE) * 1.15)
    ax.set_ylabel("hours a week")
    _date_axis(ax, rng)
    _legend(ax, theme, loc="upper left", ncols=len(shown) + 1)
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.1)
    return reading


def draw_goals(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = _prepare(figure, options)
    title = "Goal progress"
    tracks = goal_progress_over_time(db, rng)
    reading = goals_reading(tracks)
    if not tracks:
        return _message(figure, title, reading, theme)
    ax = figure.add_subplot()
    _style(ax, theme, title)
    for i, track in enumerate(tracks):
        days = _dates([d for d, _ in track.points])
        values = [p * 100 for _, p in track.points]
        name = track.title if len(track.title) <= 26 else track.title[:25].rstrip() + "…"
        ax.step(
            days, values, where="post", linewidth=2, color=GOAL_COLOURS[i % len(GOAL_COLOURS)], label=name
        )
    ax.set_ylim(-3, 105)
    ax.set_ylabel("% done")
    _date_axis(ax, rng)
    _legend(ax, theme, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.subplots_adjust(left=0.07, right=0.7, top=0.9, bottom=0.1)
    return reading


PLOTS: dict[str, tuple[str, DrawFunction]] = {
    "mood": ("Mood, energy and challenge over time", draw_mood),
    "workload": ("Hours worked and perceived load over time", draw_workload),
    "weekday": ("Mood by weekday (the Monday dread)", draw_weekday),
    "year": ("Year in pixels: mood each day of the year", draw_year),
    "hours_vs_mood": ("Hours worked vs mood, with the correlation", draw_hours_vs_mood),
    "decisions": ("Weekly hours of tasks kept vs freed by decision", draw_decisions),
    "goals": ("Goal progress over time", draw_goals),
}


def check_name(name: str) -> DrawFunction:
    if name not in PLOTS:
        raise InvalidInput("NAME", "one of " + ", ".join(PLOTS), name)
    return PLOTS[name][1]


def check_path(path: Path) -> str:
    """The image format named by the file's extension: png or svg."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput("--out", "a file name ending in .png or .svg", str(path))
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
    figure.savefig(target, format=fmt, facecolor=figure.get_facecolor())
    return reading


def plot_names() -> Sequence[str]:
    return tuple(PLOTS)
