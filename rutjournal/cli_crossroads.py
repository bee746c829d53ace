"""The command line of the Crossroads section: ``checkin``, ``application add`` and ``report crossroads``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable

from rutjournal.core.errors import InvalidInput
from rutjournal.core.values import parse_day
from rutjournal.paths import AppPaths


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's commands to ``sub`` and its reports to ``reports``."""
    checkin = sub.add_parser(
        "checkin", parents=[common], help="the monthly Crossroads check-in: KEY=N for every question"
    )
    checkin.add_argument("answers", nargs="*", metavar="KEY=N", help="an answer 1-5 to each question")
    checkin.add_argument("--questions", action="store_true", help="list the questions (key and text)")
    checkin.add_argument("--date", help="YYYY-MM-DD (default: today)")
    checkin.add_argument("--note", default="", metavar="TEXT", help="free text")
    application = sub.add_parser("application", parents=[common], help="the job-search tracker")
    actions = application.add_subparsers(
        dest="application_command", metavar="ACTION", required=True, parser_class=type(application)
    )
    add = actions.add_parser("add", parents=[common], help="add an application (prints its id)")
    add.add_argument("company", metavar="COMPANY")
    add.add_argument("role", metavar="ROLE")
    add.add_argument(
        "--stage", default="idea", help="idea / applied / interview / offer / rejected / withdrawn"
    )
    add.add_argument("--notes", default="", metavar="TEXT")
    report = reports.add_parser(
        "crossroads", parents=[common], help="the signals and the verdict: stay, push or leave"
    )
    report.add_argument("--json", action="store_true")


def parse_answers(pairs: list[str]) -> dict[str, int]:
    """'room=3' … → {'room': 3}; a malformed pair raises InvalidInput naming it."""
    answers: dict[str, int] = {}
    for pair in pairs:
        key, sep, number = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InvalidInput("answer", "KEY=N, such as room=3", pair)
        try:
            score = int(number)
        except ValueError:
            raise InvalidInput(key, "a whole number from 1 to 5", number) from None
        if key in answers:
            raise InvalidInput(key, "answered once", pair)
        answers[key] = score
    return answers


def run_checkin(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.crossroads_rules import check_answers, load_questions

    questions = load_questions()
    if args.questions:
        for q in questions:
            print(f"{q.key}\t{q.text}\t{q.anchors}")
        return 0
    day = dt.date.today() if args.date is None else parse_day(args.date, "--date")
    answers = check_answers(questions, parse_answers(args.answers))  # bad input: nothing is opened
    from rutjournal.core.crossroads import Crossroads
    from rutjournal.core.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        print(Crossroads(db, questions=questions).save_checkin(day, answers, args.note))
    finally:
        db.close()
    return 0


def run_application(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.crossroads import check_name, check_stage

    company, role, stage = (
        check_name("company", args.company),
        check_name("role", args.role),
        check_stage(args.stage),
    )
    from rutjournal.core.crossroads import Crossroads
    from rutjournal.core.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        print(Crossroads(db).add_application(company, role, stage=stage, notes=args.notes))
    finally:
        db.close()
    return 0


def run_report(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.crossroads import Crossroads
    from rutjournal.core.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        crossroads = Crossroads(db)
        signals = crossroads.signals()
        verdict = crossroads.verdict(signals)
        due = crossroads.due()
        counts = crossroads.counts_by_stage()
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                {
                    "signals": [
                        {
                            "key": s.key,
                            "label": s.label,
                            "value": s.value,
                            "direction": s.direction,
                            "why": s.why,
                            "number": s.number,
                        }
                        for s in signals
                    ],
                    "verdict": {"verdict": verdict.verdict, "reasons": verdict.reasons, "rule": verdict.rule},
                    "checkin_due": due,
                    "applications": counts,
                },
                ensure_ascii=False,
            )
        )
        return 0
    arrows = {"better": "↑", "worse": "↓", "steady": "→", "unknown": "?"}
    print("Signals:")
    for s in signals:
        print(f"  {arrows[s.direction]} {s.label}: {s.value} [{s.direction}]")
        print(f"      why: {s.why}")
    print(f"\nVerdict: {verdict.verdict.upper()}")
    for reason in verdict.reasons:
        print(f"  - {reason}")
    print(f"Rule: {verdict.rule}")
    if due:
        print("\nThis month's check-in is due: rutjournal checkin --questions")
    if any(counts.values()):
        print("\nApplications: " + ", ".join(f"{stage} {n}" for stage, n in counts.items()))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {
    "checkin": run_checkin,
    "application": run_application,
}
REPORTS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"crossroads": run_report}
