"""The Trends plots: their names and titles, and the checks on a plot's name and file, free of matplotlib.

The plots themselves are drawn by ``drawing`` (matplotlib, never pyplot, never Qt) onto a given ``Figure``; this
package's top stays light so that ``rutjournal plot --list``, a bad ``plot`` argument and the Trends view's
first frame cost no matplotlib import. Each draw function takes ``(figure, db, rng, options)``, draws from the
numbers of ``core.trends`` and returns the plot's reading (``core.trends_readings``). With too little data it
draws no axes at all and writes the reading in the middle of the figure instead, so a handful of days is never
dressed up as a trend. Gaps stay gaps: a missing day is NaN, which breaks the lines.

The plots live in ``daily`` (over time), ``calendars`` (by weekday, the year in pixels) and ``work`` (hours,
tasks, goals), what they share in ``style``; ``options`` holds the window and the theme.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _
from rutjournal.core.logsetup import route_records
from rutjournal.render.plots.options import DARK, LIGHT, PlotOptions, Theme

route_records()  # before matplotlib, which logs through logging itself, is imported by the drawing modules

__all__ = [
    "DARK",
    "FORMATS",
    "LIGHT",
    "TITLES",
    "PlotOptions",
    "Theme",
    "check_name",
    "check_path",
    "plot_names",
]

FORMATS = ("png", "svg")

TITLES: dict[str, str] = {  # the plots' names in words, translated where shown: _(TITLES[name])
    "mood": N_("Mood, energy and challenge over time"),
    "workload": N_("Hours worked and perceived load over time"),
    "weekday": N_("Mood by weekday (the Monday dread)"),
    "year": N_("Year in pixels: mood each day of the year"),
    "hours_vs_mood": N_("Hours worked vs mood, with the correlation"),
    "decisions": N_("Weekly hours of tasks kept vs freed by decision"),
    "goals": N_("Goal progress over time"),
}


def check_name(name: str) -> str:
    if name not in TITLES:
        raise InvalidInput("NAME", _("one of {names}").format(names=", ".join(TITLES)), name)
    return name


def check_path(path: Path) -> str:
    """The image format named by the file's extension: png or svg."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput("--out", _("a file name ending in .png or .svg"), path)
    return fmt


def plot_names() -> Sequence[str]:
    return tuple(TITLES)
