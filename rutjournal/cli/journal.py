"""The journal's own commands: ``add`` (text and scores to a day), ``show`` (a day) and ``search``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rutjournal.cli.text import json_text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.paths import AppPaths
from rutjournal.core.values import (
    SCORE_FIELDS,
    Scores,
    normalize_tags,
    parse_day,
    parse_hours,
    parse_score,
    parse_whole,
)

if TYPE_CHECKING:
    from rutjournal.core.journal.service import DayEntry

EXIT_OK = 0
MAX_SEARCH_RESULTS = 10_000
Handler = Callable[[argparse.Namespace, AppPaths], int]


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add the journal's commands to ``sub`` (it has no reports of its own)."""
    add = sub.add_parser("add", parents=[common], help="add text and scores to a day's entry (creating it)")
    add.add_argument("--date", help="YYYY-MM-DD, today or yesterday (default: today)")
    for name, what in (
        ("mood", "1 low … 5 great"),
        ("energy", "1 drained … 5 full"),
        ("challenge", "1 bored … 5 stretched"),
        ("load", "1 light … 5 crushing"),
    ):
        add.add_argument(f"--{name}", metavar="N", help=what)
    add.add_argument("--hours", metavar="H", help="hours worked, 0 to 24 in half hours")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    add.add_argument("--json", action="store_true", help="print the entry as JSON")
    add.add_argument("text", nargs="*", metavar="TEXT", help="text to append ('-' reads standard input)")

    show = sub.add_parser("show", parents=[common], help="print a day's entry")
    show.add_argument("date", metavar="DATE", help="YYYY-MM-DD, 'today' or 'yesterday'")
    show.add_argument("--json", action="store_true", help="print JSON (null when the day has no entry)")

    search = sub.add_parser("search", parents=[common], help="full-text search over entries and tags")
    search.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help='words, "a phrase", promot* or #tag (FTS5 syntax: AND, OR, NOT)',
    )
    search.add_argument("--limit", default="20", metavar="N", help="at most N results (default 20)")
    search.add_argument("--json", action="store_true", help="print JSON")


def _day(text: str | None, *, bounded: bool = True) -> dt.date:
    word = "today" if text is None else text.strip().lower()
    if word == "today":
        return dt.date.today()
    if word == "yesterday":
        return dt.date.today() - dt.timedelta(days=1)
    return parse_day(text or "", bounded=bounded)


def _stdin_text() -> str:
    """Standard input as UTF-8 text (read as bytes: a stray byte is bad input, not a crash)."""
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInput(
            "TEXT", f"UTF-8 text (standard input has a byte that is not, on line {line})"
        ) from None


def _add(args: argparse.Namespace, paths: AppPaths) -> int:
    day = _day(args.date)
    values: dict[str, object] = {
        name: parse_score(name, getattr(args, name))
        for name in SCORE_FIELDS
        if getattr(args, name) is not None
    }
    if args.hours is not None:
        values["hours"] = parse_hours(args.hours)
    scores = Scores(**values)  # type: ignore[arg-type]
    text = _stdin_text() if args.text == ["-"] else " ".join(args.text)
    if not text.strip() and not values and not normalize_tags(args.tag):
        raise InvalidInput("TEXT", "some text, a score or a tag to add")
    from rutjournal.core.journal.service import Journal
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        before, entry = Journal(db).append_telling(day, text.strip("\n"), scores, args.tag)
    finally:
        db.close()
    print(json_text(entry.as_dict()) if args.json else _what_add_did(before, entry))
    return EXIT_OK


def _what_add_did(before: DayEntry | None, after: DayEntry) -> str:
    """ "added to 2026-12-03 (entry 12)", with a day ahead of today and every score it replaced named."""
    said = f"added to {after.day.isoformat()} (entry {after.id}{', new' if before is None else ''})"
    if after.day > dt.date.today():
        said += f", a day ahead of today ({(after.day - dt.date.today()).days} days)"
    if before is not None:
        replaced = [
            f"{name} {_num(getattr(before.scores, name))} replaced by {_num(getattr(after.scores, name))}"
            for name in (*SCORE_FIELDS, "hours")
            if getattr(before.scores, name) is not None
            and getattr(before.scores, name) != getattr(after.scores, name)
        ]
        if replaced:
            said += "; " + ", ".join(replaced)
    return said


def _show(args: argparse.Namespace, paths: AppPaths) -> int:
    day = _day(args.date, bounded=False)  # a look-up: days an older journal holds outside the bounds too
    if not paths.database.exists():
        entry = None
    else:
        from rutjournal.core.journal.service import Journal
        from rutjournal.core.storage.db import open_database

        db = open_database(paths.database, backup_dir=paths.backup_dir)
        try:
            entry = Journal(db).get(day)
        finally:
            db.close()
    if args.json:
        print(json_text(entry.as_dict() if entry else None))
    elif entry is None:
        print(f"No entry on {day.isoformat()}.")
    else:
        s = entry.scores
        shown = [
            f"{name} {_num(getattr(s, name))}" for name in ("mood", "energy", "challenge", "hours", "load")
        ]
        print(f"{day.isoformat()} ({day:%A})  " + " · ".join(shown))
        if entry.tags:
            print("tags: " + " ".join(f"#{t}" for t in entry.tags))
        print()
        print(entry.body)
    return EXIT_OK


def _num(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:g}"


def _search(args: argparse.Namespace, paths: AppPaths) -> int:
    limit = parse_whole("--limit", args.limit, 1, MAX_SEARCH_RESULTS)
    from rutjournal.core.journal.search import search

    hits = []
    if not paths.database.exists():
        import sqlite3

        from rutjournal.core.journal.search import check_query

        check_query(
            sqlite3.connect(":memory:"), " ".join(args.query)
        )  # a bad query is bad with no journal too
    else:
        from rutjournal.core.storage.connect import connect_raw, inspect_file

        state = inspect_file(paths.database)
        if not state.is_current:  # an older file: upgrade it the normal way first
            from rutjournal.core.storage.db import open_database

            open_database(paths.database, backup_dir=paths.backup_dir).close()
        conn = connect_raw(paths.database, read_only=state.read_only is not None)
        try:
            hits = search(conn, " ".join(args.query), limit=limit)
        finally:
            conn.close()
    if args.json:
        print(
            json_text(
                [{"date": h.day.isoformat(), "snippet": h.snippet_text("", ""), "mood": h.mood} for h in hits]
            )
        )
    elif not hits:
        print("No entries match.")
    else:
        for hit in hits:
            print(f"{hit.day.isoformat()}  {hit.snippet_text()}")
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"add": _add, "show": _show, "search": _search}
REPORTS: dict[str, Handler] = {}
