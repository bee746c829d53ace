"""The plots of the work itself: hours worked against mood, the weekly hours of tasks kept or freed, and the
progress of the growth goals.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from rutjournal.core.choices import FREEING
from rutjournal.core.i18n import N_, _, formats, ngettext
from rutjournal.core.trends.plot_data import PlotData
from rutjournal.core.trends.readings import correlation_reading, decision_reading, goals_reading, strength
from rutjournal.core.trends.rules import HOURS_LINE, PAST, WORK_DAYS
from rutjournal.core.trends.service import (
    MIN_PAIRS,
    DateRange,
    WeekHours,
    correlation,
)
from rutjournal.render.plots.options import PlotOptions
from rutjournal.render.plots.style import (
    COLOURS,
    GOAL_COLOURS,
    MOOD_COLOURS,
    add_legend,
    as_dates,
    date_axis,
    message,
    prepare,
    style_axes,
)

MAX_BARS = (
    160  # weeks (three years): beyond that a bar a week is thinner than a pixel, so the weeks are steps
)


LINKS = {  # a correlation's strength (readings.strength) in a plot's title, translated where shown
    "no": N_("no real link"),
    "weak": N_("weak link"),
    "moderate": N_("moderate link"),
    "strong": N_("strong link"),
}


def _r(r: float) -> str:
    """Pearson's r as a title shows it: two decimals, a true minus sign, the language's decimal sign."""
    shown = f"{r:.2f}".replace("-", "\u2212")
    local = formats()
    return shown.replace(".", local["decimal"]) if local else shown


def draw_hours_vs_mood(figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = _("Hours worked vs mood")
    pairs = data.pairs
    corr = correlation(pairs)
    reading = correlation_reading(pairs, corr)
    if len(pairs) < MIN_PAIRS:
        return message(figure, title, reading, theme)
    hours = np.array([h for h, _ in pairs])
    moods = np.array([m for _, m in pairs])
    jitter = np.random.default_rng(0).uniform(-0.15, 0.15, len(pairs))  # moods are whole numbers: spread them
    ax = figure.add_subplot()
    if corr is None:
        style_axes(ax, theme, _("Hours worked vs mood: nothing varied, no link to measure"))
    else:
        days = ngettext("{count} day", "{count} days", corr.n).format(count=corr.n)
        # TRANSLATORS: a plot's title: {r} is Pearson's correlation, {link} "weak link", {days} "30 days"
        said = _("Hours worked vs mood: r = {r}, {link} ({days})")
        style_axes(ax, theme, said.format(r=_r(corr.r), link=_(LINKS[strength(corr.r)]), days=days))
    colours = [MOOD_COLOURS[max(1, min(5, int(m)))] for m in moods]
    alpha = 0.45 if len(pairs) > 300 else 0.85
    ax.scatter(hours, moods + jitter, s=20, c=colours, alpha=alpha, edgecolors=theme.muted, linewidths=0.3)
    if corr is not None and np.ptp(hours) > 0:
        slope, intercept = np.polyfit(hours, moods, 1)
        xs = np.array([hours.min(), hours.max()])
        ax.plot(
            xs,
            slope * xs + intercept,
            color=theme.text,
            linewidth=1.5,
            linestyle="--",
            # TRANSLATORS: a legend: the straight line fitted through the dots
            label=_("trend (least squares)"),
        )
    ax.axvline(
        HOURS_LINE / WORK_DAYS,
        color=COLOURS["line"],
        linestyle=":",
        linewidth=1.5,
        label=_("8 h a day (40-hour week)"),
    )
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_xlabel(_("hours worked that day (one dot a day)"))
    ax.set_ylabel(_("mood (1–5)"))
    add_legend(figure, theme)
    return reading


def every_week(weeks: list[WeekHours], rng: DateRange) -> list[WeekHours]:
    """The step function of ``weekly_hours_by_decision`` with every ISO week of the range listed: a week that
    is not listed holds the one before it."""
    out: list[WeekHours] = []
    listed = iter(weeks)
    held = next(listed)
    coming = next(listed, None)
    monday = held.monday
    while monday <= rng.last:
        while coming is not None and coming.monday <= monday:
            held, coming = coming, next(listed, None)
        out.append(WeekHours(monday, held.kept_minutes, held.freed_minutes))
        monday += dt.timedelta(days=7)
    return out


def _week_spans(weeks: list[WeekHours], rng: DateRange) -> tuple[np.ndarray, np.ndarray]:
    """Where each week starts and ends on the axis, cut to the range (its first and last weeks may be partial)."""
    last = float(date2num(rng.last)) + 1  # type: ignore[no-untyped-call]
    starts = [float(date2num(max(w.monday, rng.first))) for w in weeks]  # type: ignore[no-untyped-call]
    ends = [*starts[1:], last]
    return np.array(starts), np.array(ends)


def _stack(ax: Axes, weeks: list[WeekHours], rng: DateRange) -> np.ndarray:
    """Kept and freed hours stacked, one bar a week (steps past MAX_BARS weeks); returns the weekly totals."""
    bars = (rng.last - weeks[0].monday).days // 7 + 1 <= MAX_BARS
    if bars:
        weeks = every_week(weeks, rng)
    starts, ends = _week_spans(weeks, rng)
    decisions = sorted(FREEING)
    # TRANSLATORS: a legend: the hours of the tasks kept (not handed off)
    layers = [(_("kept"), COLOURS["kept"], np.array([w.kept_minutes / 60 for w in weeks]))] + [
        (_(PAST[d]), COLOURS[d], np.array([w.freed_minutes[d] / 60 for w in weeks])) for d in decisions
    ]
    bottom = np.zeros(len(weeks))
    for i, (label, colour, hours) in enumerate(layers):
        if i and not hours.any():  # the kept hours (the first layer) are always drawn
            continue
        if bars:
            widths = ends - starts
            ax.bar(
                starts + widths * 0.08,
                hours,
                widths * 0.84,
                bottom=bottom,
                align="edge",
                color=colour,
                label=label,
            )
        else:
            edges = np.append(starts, ends[-1])
            ax.stairs(hours + bottom, edges, baseline=bottom, fill=True, color=colour, label=label)
        bottom = bottom + hours
    return bottom


def draw_decisions(figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = _("Weekly hours of tasks: kept vs freed")
    weeks = data.weeks
    reading = decision_reading(weeks)
    if not weeks:
        return message(figure, title, reading, theme)
    ax = figure.add_subplot()
    style_axes(ax, theme, title)
    totals = _stack(ax, weeks, rng)
    layers = ax.get_legend_handles_labels()[0]
    line = ax.axhline(
        HOURS_LINE, color=theme.text, linestyle="--", linewidth=1.2, label=_("40-hour week"), zorder=3
    )
    ax.set_ylim(0, max(float(totals.max()), HOURS_LINE) * 1.1)
    ax.set_ylabel(_("hours a week"))
    date_axis(ax, rng)
    add_legend(figure, theme, [*layers, line])
    return reading


def draw_goals(figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = _("Goal progress")
    tracks = data.tracks
    reading = goals_reading(tracks)
    if not tracks:
        return message(figure, title, reading, theme)
    ax = figure.add_subplot()
    style_axes(ax, theme, title)
    for i, track in enumerate(tracks):
        days = as_dates([d for d, _ in track.points])
        values = [p * 100 for _, p in track.points]
        name = track.title if len(track.title) <= 40 else track.title[:39].rstrip() + "…"
        ax.step(
            days, values, where="post", linewidth=2, color=GOAL_COLOURS[i % len(GOAL_COLOURS)], label=name
        )
    ax.set_ylim(-3, 105)
    # TRANSLATORS: the axis of a plot of goals' progress
    ax.set_ylabel(_("% done"))
    date_axis(ax, rng)
    add_legend(figure, theme)
    return reading
