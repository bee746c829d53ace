"""The command line of the Trends section: ``report trends [--days N] [--json]`` (the numbers behind the plots).

Reads with plain SQL only: no Qt, no matplotlib, no SQLAlchemy on this path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable

from rutjournal.core.errors import InvalidInput
from rutjournal.paths import AppPaths

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


def parse_days(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        days = int(text)
    except ValueError:
        raise InvalidInput("--days", "a whole number of 1 or more", text) from None
    if days < 1:
        raise InvalidInput("--days", "a whole number of 1 or more", text)
    return days


def run_report(args: argparse.Namespace, paths: AppPaths) -> int:
    days = parse_days(args.days)  # bad input: nothing is opened
    from rutjournal.core.db import open_database
    from rutjournal.core.trends import trends_report

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
    rng = report["range"]
    readings = report["readings"]
    assert isinstance(rng, dict) and isinstance(readings, dict)
    lines = [
        f"Trends from {rng['first']} to {rng['last']} ({rng['days']} day{'' if rng['days'] == 1 else 's'})",
        "",
    ]
    for title, key in SECTIONS:
        lines.append(f"{title}: {readings[key]}")
    return "\n".join(lines)


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {}
REPORTS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"trends": run_report}
