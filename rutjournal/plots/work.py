"""The plots of the work itself: hours worked against mood, the weekly hours of tasks kept or freed, and the
progress of the growth goals.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from rutjournal.core.db import Database
from rutjournal.core.trends import (
    FREEING,
    MIN_PAIRS,
    DateRange,
    correlation,
    goal_progress_over_time,
    hours_mood_pairs,
    weekly_hours_by_decision,
)
from rutjournal.core.trends_readings import (
    HOURS_LINE,
    WORK_DAYS,
    correlation_reading,
    decision_reading,
    goals_reading,
    strength,
)
from rutjournal.plots.style import (
    COLOURS,
    GOAL_COLOURS,
    MOOD_COLOURS,
    PlotOptions,
    add_legend,
    as_dates,
    date_axis,
    message,
    prepare,
    style_axes,
)


def draw_hours_vs_mood(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = "Hours worked vs mood"
    pairs = hours_mood_pairs(db, rng)
    corr = correlation(pairs)
    reading = correlation_reading(pairs, corr)
    if len(pairs) < MIN_PAIRS:
        return message(figure, title, reading, theme)
    hours = np.array([h for h, _ in pairs])
    moods = np.array([m for _, m in pairs])
    jitter = np.random.default_rng(0).uniform(-0.15, 0.15, len(pairs))  # moods are whole numbers: spread them
    ax = figure.add_subplot()
    if corr is None:
        style_axes(ax, theme, f"{title}: nothing varied, no link to measure")
    else:
        words = f"{strength(corr.r)} link" if strength(corr.r) != "no" else "no real link"
        style_axes(ax, theme, f"{title}: r = {corr.r:.2f}, {words} ({corr.n} days)".replace("-", "\u2212"))
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
        add_legend(ax, theme, loc="lower left")
    ax.axvline(HOURS_LINE / WORK_DAYS, color=COLOURS["line"], linestyle=":", linewidth=1.2)
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_xlabel("hours worked that day")
    ax.set_ylabel("mood (1–5)")
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.14)
    return reading


def draw_decisions(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = "Weekly hours of tasks: kept vs freed"
    weeks = weekly_hours_by_decision(db, rng)
    reading = decision_reading(weeks)
    if not weeks:
        return message(figure, title, reading, theme)
    ax = figure.add_subplot()
    style_axes(ax, theme, title)
    mondays = as_dates([w.monday for w in weeks])
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
    date_axis(ax, rng)
    add_legend(ax, theme, loc="upper left", ncols=len(shown) + 1)
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.1)
    return reading


def draw_goals(figure: Figure, db: Database, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = "Goal progress"
    tracks = goal_progress_over_time(db, rng)
    reading = goals_reading(tracks)
    if not tracks:
        return message(figure, title, reading, theme)
    ax = figure.add_subplot()
    style_axes(ax, theme, title)
    for i, track in enumerate(tracks):
        days = as_dates([d for d, _ in track.points])
        values = [p * 100 for _, p in track.points]
        name = track.title if len(track.title) <= 26 else track.title[:25].rstrip() + "…"
        ax.step(
            days, values, where="post", linewidth=2, color=GOAL_COLOURS[i % len(GOAL_COLOURS)], label=name
        )
    ax.set_ylim(-3, 105)
    ax.set_ylabel("% done")
    date_axis(ax, rng)
    add_legend(ax, theme, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.subplots_adjust(left=0.07, right=0.7, top=0.9, bottom=0.1)
    return reading
