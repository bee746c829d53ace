"""The calendar plots of mood: its mean by weekday (the Monday dread) and the year in pixels, one square a day."""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from rutjournal.core import text
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.trends.plot_data import PlotData
from rutjournal.core.trends.readings import dread_reading, pixels_reading
from rutjournal.core.trends.rules import MIN_MONDAYS
from rutjournal.core.trends.service import (
    DateRange,
    monday_dread,
    weekday_means,
)
from rutjournal.render.plots.options import PlotOptions
from rutjournal.render.plots.style import (
    MOOD_COLOURS,
    add_legend,
    message,
    prepare,
    short_months,
    short_weekdays,
    style_axes,
)


def draw_weekday(figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    title = _("Mood by weekday")
    mood = data.series["mood"]
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
    few = [m.count < MIN_MONDAYS for m in means]  # a mean of one or two days is not a pattern: shown faint
    for bar, faint in zip(bars, few, strict=True):
        bar.set_alpha(0.35 if faint else 1.0)
    for bar, m in zip(bars, means, strict=True):
        days = ngettext("{count} day", "{count} days", m.count).format(count=text.whole(m.count))
        # TRANSLATORS: over a weekday's bar when no day of it has a mood
        label = f"{text.score(m.mean)}\n{days}" if m.mean is not None else _("no days")
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            max(bar.get_height(), 0) + 0.08,
            label,
            ha="center",
            va="bottom",
            fontsize=9,
            color=theme.text,
            bbox={"facecolor": theme.background, "edgecolor": "none", "pad": 1, "alpha": 0.8},
        )
    ax.axhline(
        dread.other_mean,
        color=theme.muted,
        linestyle=":",
        linewidth=1.2,
        # TRANSLATORS: a legend; {mean} is the mean mood from Tuesday to Friday
        label=_("Tuesday to Friday mean, {mean}").format(mean=text.score(dread.other_mean)),
    )
    ax.set_xticks(range(7), short_weekdays())
    ax.set_ylim(0, 6.2)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(_("mean mood (1–5)"))
    handles = ax.get_legend_handles_labels()[0]
    if any(few):
        handles.append(
            Patch(
                facecolor=theme.muted,
                alpha=0.35,
                # TRANSLATORS: a legend: a weekday's bar is faint when it has fewer days than {count}
                label=_("fewer than {count} days: faint, not a pattern").format(count=MIN_MONDAYS),
            )
        )
    add_legend(figure, theme, handles)
    return reading


def draw_year(figure: Figure, data: PlotData, rng: DateRange, options: PlotOptions) -> str:
    theme = prepare(figure, options)
    year = rng.last.year
    # TRANSLATORS: a plot's title: {year} is a year, each day of it a coloured square
    title = _("{year} in pixels: mood each day").format(year=year)
    pixels = data.pixels  # the days still to come stay empty, not "no mood"
    reading = pixels_reading(year, pixels)
    if not any(v is not None for v in pixels.values()):
        return message(figure, title, reading, theme)
    jan1 = dt.date(year, 1, 1)
    offset = jan1.weekday()
    columns = (offset + (dt.date(year, 12, 31) - jan1).days + 1 + 6) // 7
    grid = np.full((7, columns), np.nan)  # NaN: outside the year, or still to come
    for day, mood in pixels.items():
        index = (day - jan1).days + offset
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
    ax.set_yticks(range(7), short_weekdays())
    months = [dt.date(year, m, 1) for m in range(1, 13)]
    ax.set_xticks(
        [((d - jan1).days + offset) // 7 for d in months], [short_months()[d.month - 1] for d in months]
    )
    ax.set_title(title, color=theme.text, fontsize=12, loc="left")
    # TRANSLATORS: a legend: the lowest and the highest mood of the 1-5 scale
    words = {1: _("1 low"), 5: _("5 great")}
    # TRANSLATORS: a legend: a day with no mood recorded
    handles = [Patch(color=theme.blank, label=_("no mood"))] + [
        Patch(color=c, label=words.get(m, str(m))) for m, c in MOOD_COLOURS.items()
    ]
    add_legend(figure, theme, handles)
    return reading
