"""The calendar plots of mood: its mean by weekday (the Monday dread) and the year in pixels, one square a day."""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from rutjournal.core.db import Database
from rutjournal.core.trends import WEEKDAYS, DateRange, daily_series, monday_dread, weekday_means, year_pixels
from rutjournal.core.trends_readings import dread_reading, pixels_reading
from rutjournal.plots.style import MOOD_COLOURS, PlotOptions, add_legend, message, prepare, style_axes


def draw_weekday(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = "Mood by weekday"
    mood = daily_series(db, rng, "mood")
    dread = monday_dread(mood)
    reading = dread_reading(mood, dread)
    if dread is None:
        return message(figure, title, reading, theme)
    means = weekday_means(mood)
    ax = figure.add_subplot()
    style_axes(ax, theme, title)
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
    add_legend(ax, theme, loc="upper right")
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.1)
    return reading


def draw_year(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    year = rng.last.year
    title = f"{year} in pixels: mood each day"
    pixels = year_pixels(db, year)
    reading = pixels_reading(year, pixels)
    if not any(v is not None for v in pixels.values()):
        return message(figure, title, reading, theme)
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
    add_legend(ax, theme, handles=handles, loc="upper center", ncols=6, bbox_to_anchor=(0.5, -0.08))
    figure.subplots_adjust(left=0.05, right=0.99, top=0.92, bottom=0.12)
    return reading
