"""The command line of the Trends section: ``report trends [--days N] [--json]`` (the numbers behind the plots)
and ``plot NAME --out FILE.(png|svg) [--days N]`` / ``plot --list`` (the plots themselves).

Reads with plain SQL only: no Qt and no SQLAlchemy on these paths; matplotlib (Agg) only once ``plot`` draws
(``plot --list`` and a refused argument import none of it).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from rutjournal.cli.text import json_text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _
from rutjournal.core.paths import AppPaths
from rutjournal.core.values import parse_whole

MAX_DAYS = 36_525  # a hundred years

SECTIONS = (  # each plot's title (translated where it is shown) and its key in the report
    # TRANSLATORS: the titles of the Trends plots, each followed by what its numbers say
    (N_("Mood"), "mood"),
    (N_("Energy"), "energy"),
    (N_("Challenge"), "challenge"),
    (N_("Hours worked"), "hours"),
    (N_("Perceived load"), "load"),
    (N_("Mood by weekday"), "weekdays"),
    (N_("Year in pixels"), "year"),
    (N_("Workload vs mood"), "hours_vs_mood"),
    (N_("Weekly hours by decision"), "weekly_hours"),
    (N_("Goal progress"), "goals"),
)


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's commands to ``sub`` and its reports to ``reports``."""
    trends = reports.add_parser(
        "trends", parents=[common], help=_("the numbers behind the Trends plots, each with its reading")
    )
    trends.add_argument("--days", metavar="N", help=_("the last N days, today included (default: all time)"))
    trends.add_argument("--json", action="store_true", help=_("print every number as JSON"))
    plot = sub.add_parser(
        "plot", parents=[common], help=_("save one Trends plot as a PNG or SVG image (--list: the plots)")
    )
    plot.add_argument("name", nargs="?", metavar="NAME", help=_("the plot (see plot --list)"))
    plot.add_argument("--out", metavar="FILE", help=_("the image to write: FILE.png or FILE.svg"))
    plot.add_argument("--days", metavar="N", help=_("the last N days, today included (default: all time)"))
    plot.add_argument("--window", metavar="W", help=_("rolling mean of 7 or 30 days (default 7)"))
    plot.add_argument("--list", action="store_true", help=_("list the plots: name and title, one a line"))


def parse_days(text: str | None) -> int | None:
    """--days N: from one day to a hundred years (all time is the default, without --days)."""
    return None if text is None else parse_whole("--days", text, 1, MAX_DAYS)


def run_report(args: argparse.Namespace, paths: AppPaths) -> int:
    days = parse_days(args.days)  # bad input: nothing is opened
    from rutjournal.core.storage.db import open_database
    from rutjournal.core.trends.service import trends_report

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        report = trends_report(db, days, dt.date.today())
    finally:
        db.close()
    if args.json:
        print(json_text(report))
        return 0
    print(format_report(report))
    return 0


def format_report(report: dict[str, object]) -> str:
    """The readable form: the range, then each plot's name and its reading."""
    from rutjournal.core.trends.readings import range_reading

    rng = report["range"]
    readings = report["readings"]
    assert isinstance(rng, dict) and isinstance(readings, dict)
    after = report.get("entries_after_today", 0)
    first, last = (dt.date.fromisoformat(str(rng[key])) for key in ("first", "last"))
    shown = range_reading(first, last, int(after) if isinstance(after, int) else 0)
    # TRANSLATORS: {range} is the days the numbers cover, such as "Thu 3 Dec 2026 to Fri 4 Dec 2026 (2 days)"
    lines = [_("Trends from {range}").format(range=shown), ""]
    for title, key in SECTIONS:
        # TRANSLATORS: a plot's title, then what its numbers say
        lines.append(_("{title}: {reading}").format(title=_(title), reading=readings[key]))
    return "\n".join(lines)


def run_plot(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.render import plots

    if args.list:
        for name, title in plots.TITLES.items():
            print(f"{name}\t{_(title)}")
        return 0
    # Everything is checked before the journal is opened or anything is written.
    if not args.name:
        # TRANSLATORS: {names} is the plots' names as they are typed, separated by commas
        raise InvalidInput("NAME", _("one of {names} (or --list)").format(names=", ".join(plots.TITLES)))
    plots.check_name(args.name)
    if not args.out:
        raise InvalidInput("--out", _("a file name ending in .png or .svg"))
    from pathlib import Path

    out = Path(args.out).expanduser()
    plots.check_path(out)
    from rutjournal.core.transfer.exporters.files import check_target

    check_target(out)  # a new file or a regular one, in a folder that exists
    days = parse_days(args.days)
    window = parse_window(args.window)
    from rutjournal.core.storage.db import open_database
    from rutjournal.core.trends.plot_data import read_plot_data
    from rutjournal.core.trends.service import DateRange
    from rutjournal.render.plots.drawing import save_plot

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        today = dt.date.today()
        rng = DateRange.all_time(db, today) if days is None else DateRange.last_days(days, today)
        data = read_plot_data(db, args.name, rng)
        reading = save_plot(
            args.name, data, rng, out, plots.PlotOptions(window=window), record_dir=paths.data_dir
        )
    finally:
        db.close()
    # TRANSLATORS: the image written, then what the plot shows
    print(_("{path}: {reading}").format(path=out, reading=reading))
    return 0


def parse_window(text: str | None) -> int:
    if text is None:
        return 7
    if text.strip() not in ("7", "30"):
        raise InvalidInput("--window", _("7 or 30"), text)
    return int(text)


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"plot": run_plot}
REPORTS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"trends": run_report}
