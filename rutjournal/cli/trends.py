"""The command line of the Trends section: ``report trends [--days N] [--json]`` (the numbers behind the plots)
and ``plot NAME --out FILE.(png|svg) [--days N]`` / ``plot --list`` (the plots themselves).

Reads with plain SQL only: no Qt and no SQLAlchemy on these paths; matplotlib (Agg) only once ``plot`` draws
(``plot --list`` and a refused argument import none of it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable

from rutjournal.core.errors import InvalidInput
from rutjournal.core.paths import AppPaths
from rutjournal.core.values import parse_whole

MAX_DAYS = 36_525  # a hundred years

SECTIONS = (
    ("Mood", "mood"),
    ("Energy", "energy"),
    ("Challenge", "challenge"),
    ("Hours worked", "hours"),
    ("Perceived load", "load"),
    ("Mood by weekday", "weekdays"),
    ("Year in pixels", "year"),
    ("Workload vs mood", "hours_vs_mood"),
    ("Weekly hours by decision", "weekly_hours"),
    ("Goal progress", "goals"),
)


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's commands to ``sub`` and its reports to ``reports``."""
    trends = reports.add_parser(
        "trends", parents=[common], help="the numbers behind the Trends plots, each with its reading"
    )
    trends.add_argument("--days", metavar="N", help="the last N days, today included (default: all time)")
    trends.add_argument("--json", action="store_true", help="print every number as JSON")
    plot = sub.add_parser(
        "plot", parents=[common], help="save one Trends plot as a PNG or SVG image (--list: the plots)"
    )
    plot.add_argument("name", nargs="?", metavar="NAME", help="the plot (see plot --list)")
    plot.add_argument("--out", metavar="FILE", help="the image to write: FILE.png or FILE.svg")
    plot.add_argument("--days", metavar="N", help="the last N days, today included (default: all time)")
    plot.add_argument("--window", metavar="W", help="rolling mean of 7 or 30 days (default 7)")
    plot.add_argument("--list", action="store_true", help="list the plots: name and title, one a line")


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
        print(json.dumps(report, ensure_ascii=False))
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
    lines = [f"Trends from {range_reading(first, last, int(after) if isinstance(after, int) else 0)}", ""]
    for title, key in SECTIONS:
        lines.append(f"{title}: {readings[key]}")
    return "\n".join(lines)


def run_plot(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.render import plots

    if args.list:
        for name, title in plots.TITLES.items():
            print(f"{name}\t{title}")
        return 0
    # Everything is checked before the journal is opened or anything is written.
    if not args.name:
        raise InvalidInput("NAME", "one of " + ", ".join(plots.TITLES) + " (or --list)")
    plots.check_name(args.name)
    if not args.out:
        raise InvalidInput("--out", "a file name ending in .png or .svg")
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
    print(f"{out}: {reading}")
    return 0


def parse_window(text: str | None) -> int:
    if text is None:
        return 7
    if text.strip() not in ("7", "30"):
        raise InvalidInput("--window", "7 or 30", text)
    return int(text)


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"plot": run_plot}
REPORTS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"trends": run_report}
