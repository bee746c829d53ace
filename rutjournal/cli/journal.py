"""The journal's own commands: ``add`` (text and scores to a day), ``show`` (a day) and ``search``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rutjournal.cli.text import json_text
from rutjournal.core import text as words
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _, ngettext, pgettext
from rutjournal.core.journal.store_search import RANK_CAP
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
    add = sub.add_parser(
        "add", parents=[common], help=_("add text and scores to a day's entry (creating it)")
    )
    # TRANSLATORS: today and yesterday are typed in English, as written
    add.add_argument("--date", help=_("YYYY-MM-DD, today or yesterday (default: today)"))
    for name, what in (
        # TRANSLATORS: the scale of a day's mood, 1 to 5
        ("mood", _("1 low … 5 great")),
        # TRANSLATORS: the scale of a day's energy, 1 to 5
        ("energy", _("1 drained … 5 full")),
        # TRANSLATORS: the scale of how much a day challenged you, 1 to 5
        ("challenge", _("1 bored … 5 stretched")),
        # TRANSLATORS: the scale of a day's perceived workload, 1 to 5
        ("load", _("1 light … 5 crushing")),
    ):
        add.add_argument(f"--{name}", metavar="N", help=what)
    add.add_argument("--hours", metavar="H", help=_("hours worked, 0 to 24 in half hours"))
    add.add_argument("--tag", action="append", default=[], metavar="T", help=_("a tag (repeatable)"))
    add.add_argument("--json", action="store_true", help=_("print the entry as JSON"))
    add.add_argument("text", nargs="*", metavar="TEXT", help=_("text to append ('-' reads standard input)"))

    show = sub.add_parser("show", parents=[common], help=_("print a day's entry"))
    # TRANSLATORS: today and yesterday are typed in English, as written
    show.add_argument("date", metavar="DATE", help=_("YYYY-MM-DD, 'today' or 'yesterday'"))
    show.add_argument("--json", action="store_true", help=_("print JSON (null when the day has no entry)"))

    search = sub.add_parser("search", parents=[common], help=_("full-text search over entries and tags"))
    search.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        # TRANSLATORS: AND, OR and NOT are typed in English, as written
        help=_('words, "a phrase", promot* or #tag (FTS5 syntax: AND, OR, NOT)'),
    )
    search.add_argument("--limit", default="20", metavar="N", help=_("at most N results (default 20)"))
    search.add_argument("--json", action="store_true", help=_("print JSON"))
    search.add_argument(
        "--all",
        action="store_true",
        # TRANSLATORS: {count} is how many matches a search ranks without --all (5,000)
        help=_("rank every match (without it: the {count} most recently written)").format(
            count=words.whole(RANK_CAP)
        ),
    )


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
            "TEXT",
            _("UTF-8 text (standard input has a byte that is not, on line {line})").format(
                line=words.whole(line)
            ),
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
        raise InvalidInput("TEXT", _("some text, a score or a tag to add"))
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
    ahead = (after.day - dt.date.today()).days
    if ahead <= 0:
        said = _("added to {day} (entry {id}, new)") if before is None else _("added to {day} (entry {id})")
    elif before is None:
        said = ngettext(
            "added to {day} (entry {id}, new), a day ahead of today ({count} days)",
            "added to {day} (entry {id}, new), a day ahead of today ({count} days)",
            ahead,
        )
    else:
        said = ngettext(
            "added to {day} (entry {id}), a day ahead of today ({count} days)",
            "added to {day} (entry {id}), a day ahead of today ({count} days)",
            ahead,
        )
    said = said.format(day=after.day.isoformat(), id=after.id, count=words.whole(ahead))
    if before is not None:
        replaced = [
            # TRANSLATORS: a score the add changed: "mood 4 replaced by 2"
            _("{score} {old} replaced by {new}").format(
                score=_score_label(name),
                old=_num(getattr(before.scores, name)),
                new=_num(getattr(after.scores, name)),
            )
            for name in (*SCORE_FIELDS, "hours")
            if getattr(before.scores, name) is not None
            and getattr(before.scores, name) != getattr(after.scores, name)
        ]
        if replaced:
            # TRANSLATORS: what an add did, then the scores it replaced, separated by commas
            said = _("{said}; {replaced}").format(said=said, replaced=", ".join(replaced))
    return said


def _score_label(name: str) -> str:
    """A day's score as a label: the name of its option (--mood), in the user's language."""
    labels = {
        "mood": pgettext("a day's score", "mood"),
        "energy": pgettext("a day's score", "energy"),
        "challenge": pgettext("a day's score", "challenge"),
        "hours": pgettext("a day's score", "hours"),
        "load": pgettext("a day's score", "load"),
    }
    return labels.get(name, name)


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
        print(_("No entry on {day}.").format(day=day.isoformat()))
    else:
        s = entry.scores
        shown = [
            # TRANSLATORS: a day's score and its value: "mood 4"
            _("{score} {value}").format(score=_score_label(name), value=_num(getattr(s, name)))
            for name in ("mood", "energy", "challenge", "hours", "load")
        ]
        print(f"{day.isoformat()} ({day:%A})  " + " · ".join(shown))
        if entry.tags:
            print(_("tags: {tags}").format(tags=" ".join(f"#{t}" for t in entry.tags)))
        print()
        print(entry.body)
    return EXIT_OK


def _num(value: float | None) -> str:
    if value is None:
        return words.NOTHING
    return words.number(value, 2)


def _search(args: argparse.Namespace, paths: AppPaths) -> int:
    limit = parse_whole("--limit", args.limit, 1, MAX_SEARCH_RESULTS)
    from rutjournal.core.journal.search import Found, find

    found = Found([])
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
            found = find(conn, " ".join(args.query), limit=limit, every=args.all)
        finally:
            conn.close()
    hits, ranked, matched = found
    if args.json:
        cut = {} if matched is None else {"ranked": ranked, "matched": matched}
        print(
            json_text(
                [
                    {"date": h.day.isoformat(), "snippet": h.snippet_text("", ""), "mood": h.mood, **cut}
                    for h in hits
                ]
            )
        )
    elif not hits:
        print(_("No entries match."))
    else:
        lines = [f"{hit.day.isoformat()}  {hit.snippet_text()}" for hit in hits]
        if ranked is not None and matched is not None:
            # TRANSLATORS: {ranked} (5,000) of {matched} matching entries were ranked, the most recently written;
            # --all is typed as written.
            said = ngettext(
                "Ranked the {ranked} most recently written of {matched} matching entry; --all ranks every one.",
                "Ranked the {ranked} most recently written of {matched} matching entries; --all ranks every one.",
                matched,
            )
            lines.append(said.format(ranked=words.whole(ranked), matched=words.whole(matched)))
        print("\n".join(lines))
    return EXIT_OK


COMMANDS: dict[str, Handler] = {"add": _add, "show": _show, "search": _search}
REPORTS: dict[str, Handler] = {}
