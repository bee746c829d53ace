"""What each chart draws, read from the sections before any drawing starts: ``render`` takes this and never a
database. ``read_plot_data`` reads only what the named chart needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rutjournal.core.storage.db import Database
from rutjournal.core.trends.calendar import year_pixels
from rutjournal.core.trends.series import DateRange, Series, daily_series_of, hours_mood_pairs
from rutjournal.core.trends.work import (
    GoalTrack,
    WeekHours,
    goal_progress_over_time,
    weekly_hours_by_decision,
)

# The daily series each chart draws, by chart name (the names of render.plots.TITLES).
SERIES_OF = {"mood": ("mood", "energy", "challenge"), "workload": ("hours", "load"), "weekday": ("mood",)}


@dataclass(frozen=True)
class PlotData:
    """The numbers behind one chart; what it does not draw stays empty."""

    series: dict[str, Series] = field(default_factory=dict)  # a daily series by score name
    pairs: list[tuple[float, float]] = field(default_factory=list)  # (hours, mood) of the days with both
    weeks: list[WeekHours] = field(default_factory=list)  # hours kept and freed, week by week
    tracks: list[GoalTrack] = field(default_factory=list)  # each goal's progress over the range
    pixels: dict[dt.date, int | None] = field(default_factory=dict)  # the year's mood, day by day


def read_plot_data(db: Database, name: str, rng: DateRange) -> PlotData:
    """The data the chart ``name`` draws over ``rng``."""
    if name == "year":
        return PlotData(pixels=year_pixels(db, rng.last.year, until=rng.last))
    if name == "hours_vs_mood":
        return PlotData(pairs=hours_mood_pairs(db, rng))
    if name == "decisions":
        return PlotData(weeks=weekly_hours_by_decision(db, rng))
    if name == "goals":
        return PlotData(tracks=goal_progress_over_time(db, rng))
    return PlotData(series=daily_series_of(db, rng, SERIES_OF.get(name, ())))
