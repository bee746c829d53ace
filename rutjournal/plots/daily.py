"""The daily plots over time: mood, energy and challenge; hours worked and perceived load. Each day is a faint
point and a rolling mean is the line; a missing day is NaN, which breaks the line rather than bridging it.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from rutjournal.core.db import Database
from rutjournal.core.trends import DateRange, daily_series, present, rolling_mean
from rutjournal.core.trends_readings import HOURS_LINE, MIN_DAYS, WORK_DAYS, hours_reading, series_reading
from rutjournal.plots.style import (
    COLOURS,
    PlotOptions,
    add_legend,
    as_dates,
    date_axis,
    dot_size,
    mean_line,
    message,
    prepare,
    series_values,
    style_axes,
)


def draw_mood(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = f"Mood, energy and challenge ({options.window}-day mean)"
    fields = ("mood", "energy", "challenge")
    series = {f: daily_series(db, rng, f) for f in fields}
    readings = [series_reading(f, series[f], rng.first, rng.last) for f in fields]
    reading = " ".join(readings)
    if all(len(present(series[f])) < MIN_DAYS for f in fields):
        return message(figure, title, readings[0], theme)
    ax = figure.add_subplot()
    style_axes(ax, theme, title)
    days = as_dates([d for d, _ in series["mood"]])
    dots = dot_size(rng)
    for f in fields:
        if len(present(series[f])) < MIN_DAYS:
            continue
        colour = COLOURS[f]
        if dots:
            ax.scatter(days, series_values(series[f]), s=dots, color=colour, alpha=0.25, linewidths=0)
        ax.plot(
            *mean_line(rolling_mean(series[f], options.window, rng.last)),
            color=colour,
            linewidth=2,
            label=f.title(),
        )
    ax.set_ylim(0.7, 5.3)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel("score (1–5)")
    date_axis(ax, rng)
    add_legend(ax, theme, loc="lower right", ncols=3, bbox_to_anchor=(1.0, 1.0))
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.1)
    return reading


def draw_workload(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = "Hours worked and perceived load"
    hours, load = daily_series(db, rng, "hours"), daily_series(db, rng, "load")
    readings = [hours_reading(hours), series_reading("load", load, rng.first, rng.last)]
    have_hours, have_load = len(present(hours)) >= MIN_DAYS, len(present(load)) >= MIN_DAYS
    if not have_hours and not have_load:
        return message(figure, title, readings[0], theme)
    days = as_dates([d for d, _ in hours])
    dots = dot_size(rng)
    panels = [p for p, have in (("hours", have_hours), ("load", have_load)) if have]
    axes = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    for ax, panel in zip(axes, panels, strict=True):
        style_axes(ax, theme)
        series = hours if panel == "hours" else load
        colour = COLOURS[panel]
        if dots:
            ax.scatter(days, series_values(series), s=dots, color=colour, alpha=0.3, linewidths=0)
        label = f"{options.window}-day mean"
        ax.plot(
            *mean_line(rolling_mean(series, options.window, rng.last)), color=colour, linewidth=2, label=label
        )
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
            add_legend(ax, theme, loc="upper left", ncols=2)
        else:
            ax.set_ylim(0.7, 5.3)
            ax.set_yticks([1, 3, 5])
            ax.set_ylabel("load (1–5)")
            if not have_hours:
                add_legend(ax, theme, loc="upper left")
    axes[0].set_title(title, color=theme.text, fontsize=12, loc="left")
    date_axis(axes[-1], rng)
    figure.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.1, hspace=0.15)
    return (
        " ".join(r for r, have in zip(readings, (have_hours, have_load), strict=True) if have) or readings[0]
    )
