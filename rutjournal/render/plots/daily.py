"""The daily plots over time: mood, energy and challenge; hours worked and perceived load. Each day is a faint
point and a rolling mean is the line; a missing day is NaN, which breaks the line rather than bridging it.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from rutjournal.core.i18n import N_, _
from rutjournal.core.trends.plot_data import PlotData
from rutjournal.core.trends.readings import hours_reading, series_reading
from rutjournal.core.trends.rules import HOURS_LINE, MIN_DAYS, WORK_DAYS
from rutjournal.core.trends.service import DateRange, Series, present, rolling_mean
from rutjournal.render.plots.options import PlotOptions, Theme
from rutjournal.render.plots.style import (
    COLOURS,
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


def _day_dot(theme: Theme) -> Line2D:
    """The legend's word for the faint points: one for each day with a score."""
    return Line2D(
        [],
        [],
        linestyle="none",
        marker="o",
        markersize=5,
        color=theme.muted,
        alpha=0.8,
        # TRANSLATORS: a legend: the faint dots, one for each day with a score
        label=_("a day's score"),
    )


# The daily scores a legend names, translated where shown: _(NAMES[field]).
NAMES = {"mood": N_("Mood"), "energy": N_("Energy"), "challenge": N_("Challenge")}


def _points_and_mean(
    ax: Axes, series: Series, rng: DateRange, options: PlotOptions, colour: str, label: str
) -> None:
    dots = dot_size(rng)
    if dots:
        days = as_dates([d for d, _ in series])
        ax.scatter(days, series_values(series), s=dots, color=colour, alpha=options.theme.dots, linewidths=0)
    ax.plot(
        *mean_line(rolling_mean(series, options.window, rng.last)), color=colour, linewidth=2, label=label
    )


def draw_mood(figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    # TRANSLATORS: a plot's title; {days} is the number of days of the rolling mean, e.g. "7-day mean"
    title = _("Mood, energy and challenge ({days}-day mean)").format(days=options.window)
    fields = ("mood", "energy", "challenge")
    series = {f: data.series[f] for f in fields}
    readings = [series_reading(f, series[f], rng.first, rng.last) for f in fields]
    reading = " ".join(readings)
    if all(len(present(series[f])) < MIN_DAYS for f in fields):
        return message(figure, title, readings[0], theme)
    ax = figure.add_subplot()
    style_axes(ax, theme, title)
    for f in fields:
        if len(present(series[f])) >= MIN_DAYS:
            _points_and_mean(ax, series[f], rng, options, COLOURS[f], _(NAMES[f]))
    ax.set_ylim(0.7, 5.3)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(_("score (1–5)"))
    date_axis(ax, rng)
    handles = ax.get_legend_handles_labels()[0] + ([_day_dot(theme)] if dot_size(rng) else [])
    add_legend(figure, theme, handles)
    return reading


def draw_workload(figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = _("Hours worked and perceived load")
    hours, load = data.series["hours"], data.series["load"]
    readings = [hours_reading(hours), series_reading("load", load, rng.first, rng.last)]
    have_hours, have_load = len(present(hours)) >= MIN_DAYS, len(present(load)) >= MIN_DAYS
    if not have_hours and not have_load:
        return message(figure, title, readings[0], theme)
    panels = [p for p, have in (("hours", have_hours), ("load", have_load)) if have]
    axes = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    for ax, panel in zip(axes, panels, strict=True):
        style_axes(ax, theme)
        series = hours if panel == "hours" else load
        if panel == "hours":
            # TRANSLATORS: a legend; {days} is the number of days of the rolling mean
            label = _("hours, {days}-day mean").format(days=options.window)
        else:
            label = _("load, {days}-day mean").format(days=options.window)
        _points_and_mean(ax, series, rng, options, COLOURS[panel], label)
        if panel == "hours":
            per_day = HOURS_LINE / WORK_DAYS
            ax.axhline(
                per_day,
                color=COLOURS["line"],
                linestyle="--",
                linewidth=1.5,
                label=_("8 h a day (40-hour week)"),
            )
            top = max([*present(hours), per_day])
            ax.set_ylim(0, top * 1.1 + 0.5)
            ax.set_ylabel(_("hours a day"))
        else:
            ax.set_ylim(0.7, 5.3)
            ax.set_yticks([1, 3, 5])
            ax.set_ylabel(_("load (1–5)"))
    axes[0].set_title(title, color=theme.text, fontsize=12, loc="left")
    date_axis(axes[-1], rng)
    figure.align_ylabels(list(axes))
    handles = [h for ax in axes for h in ax.get_legend_handles_labels()[0]]
    add_legend(figure, theme, handles + ([_day_dot(theme)] if dot_size(rng) else []))
    return (
        " ".join(r for r, have in zip(readings, (have_hours, have_load), strict=True) if have) or readings[0]
    )
