"""The command line of the Crossroads section: ``checkin`` (and ``checkin --list``), ``application add`` and
``report crossroads``."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from rutjournal.cli.text import json_text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import N_, _
from rutjournal.core.paths import AppPaths
from rutjournal.core.values import parse_day

if TYPE_CHECKING:
    from rutjournal.core.crossroads.questions import Question
    from rutjournal.core.crossroads.rules import Signal
    from rutjournal.core.crossroads.signals import CheckinView


def add_parsers(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
    reports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add this section's commands to ``sub`` and its reports to ``reports``."""
    checkin = sub.add_parser(
        "checkin",
        parents=[common],
        help=_("the monthly Crossroads check-in: KEY=N for every question, or --list the earlier ones"),
    )
    checkin.add_argument("answers", nargs="*", metavar="KEY=N", help=_("an answer 1-5 to each question"))
    checkin.add_argument("--questions", action="store_true", help=_("list the questions (key and text)"))
    checkin.add_argument("--list", action="store_true", help=_("list the check-ins made, the newest first"))
    checkin.add_argument("--json", action="store_true", help=_("with --list or --questions: print JSON"))
    checkin.add_argument("--date", help=_("YYYY-MM-DD (default: today)"))
    checkin.add_argument("--note", default="", metavar="TEXT", help=_("free text"))
    application = sub.add_parser("application", parents=[common], help=_("the job-search tracker"))
    actions = application.add_subparsers(
        dest="application_command", metavar="ACTION", required=True, parser_class=type(application)
    )
    add = actions.add_parser("add", parents=[common], help=_("add an application (prints its id)"))
    add.add_argument("company", metavar="COMPANY")
    add.add_argument("role", metavar="ROLE")
    add.add_argument(
        "--stage",
        default="idea",
        # TRANSLATORS: the stages as they are typed, in English
        help=_("idea / applied / interview / offer / rejected / withdrawn"),
    )
    add.add_argument("--notes", default="", metavar="TEXT")
    report = reports.add_parser(
        "crossroads",
        parents=[common],
        help=_("the signals and the verdict: stay, push or leave (or too early to say)"),
        description=_(REPORT_JSON),
    )
    report.add_argument("--json", action="store_true")


REPORT_JSON = N_(
    "With --json: every signal's key, label, value (the words shown), direction (better / worse / steady / "
    "unknown), reading (the direction in words), level (judged against a line rather than an earlier value), "
    "why, rules (the rules that read it, in words), and number: the figure the verdict rules read, rounded as "
    "it is shown (scores, means and changes to one decimal, hours to a tenth, shares in whole percent; null "
    "without enough data). Then the steps the verdict names, strongest first (push: find new challenges, "
    "lighten your load, ask for guidance; leave: know when to leave; stay and too early: none), each with its "
    "key, title, section (grow / load / guidance / tracker), reasons, action (what to do, with the app's "
    "numbers) and the signals behind it (key, label, value, number). Then the verdict (too_early / stay / "
    "push / leave) with its headline, reasons, rule, needs (what a full verdict still lacks), since (the day "
    "of the last reading it is compared with: 30 days earlier, recomputed from the data) and changes (what "
    "changed since then, in words); the evidence (days with a mood in the last 90 days, check-ins), whether "
    "a check-in is due, and the applications by stage."
)
WHERE = {  # where a step of the verdict is taken: a section of the app, and the command that shows it
    # TRANSLATORS: where a step of the Crossroads verdict is taken: a section of the app, and its command
    "grow": N_("in Grow (rutjournal report grow)"),
    "load": N_("in Load (rutjournal report load)"),
    "guidance": N_("in Guidance (rutjournal conversation add)"),
    "tracker": N_("in the job-search tracker (rutjournal application add)"),
}


def parse_answers(pairs: list[str]) -> dict[str, int]:
    """'room=3' … → {'room': 3}; a malformed pair raises InvalidInput naming it."""
    answers: dict[str, int] = {}
    for pair in pairs:
        key, sep, number = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InvalidInput("answer", _("KEY=N, such as room=3"), pair)
        try:
            score = int(number)
        except ValueError:
            raise InvalidInput(key, _("a whole number from 1 to 5"), number) from None
        if key in answers:
            raise InvalidInput(key, _("answered once"), pair)
        answers[key] = score
    return answers


def run_checkin(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.crossroads.questions import check_answers, load_questions

    questions = load_questions()
    if args.questions or args.list:
        flag = "--questions" if args.questions else "--list"
        if args.answers or args.note or args.date or (args.questions and args.list):
            raise InvalidInput(flag, _("given alone (with --json at most: no answers, --date, --note)"))
        return _print_questions(questions, args.json) if args.questions else _print_checkins(paths, args.json)
    if args.json:
        raise InvalidInput("--json", _("given with --list or --questions"))
    day = dt.date.today() if args.date is None else parse_day(args.date, "--date")
    answers = check_answers(questions, parse_answers(args.answers))  # bad input: nothing is opened
    from rutjournal.core.crossroads.service import Crossroads
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        print(Crossroads(db, questions=questions).save_checkin(day, answers, args.note))
    finally:
        db.close()
    return 0


def _print_questions(questions: list[Question], as_json: bool) -> int:
    if as_json:
        rows = [{"key": q.key, "text": q.text, "anchors": q.anchors, "reverse": q.reverse} for q in questions]
        print(json_text(rows))
        return 0
    for q in questions:
        print(f"{q.key}\t{q.text}\t{q.anchors}")
    return 0


def _print_checkins(paths: AppPaths, as_json: bool) -> int:
    """Every check-in, the newest first: its day, score, answers by key and note (a fresh journal: none)."""
    from rutjournal.core.text import day, score

    rows: list[tuple[CheckinView, float | None]] = []
    if paths.database.exists():  # a look-up: a journal that is not there yet is not made for it
        from rutjournal.core.crossroads.service import Crossroads
        from rutjournal.core.storage.db import open_database

        db = open_database(paths.database, backup_dir=paths.backup_dir)
        try:
            crossroads = Crossroads(db)
            rows = [(c, crossroads.score(c)) for c in crossroads.checkins()]
        finally:
            db.close()
    if as_json:
        found = [
            {"id": c.id, "day": c.day.isoformat(), "score": mean, "answers": c.answers, "note": c.note}
            for c, mean in rows
        ]
        print(json_text(found))
        return 0
    if not rows:
        print(_("No check-in yet: rutjournal checkin --questions lists the questions."))
        return 0
    for number, (checkin, mean) in enumerate(rows):
        if number:
            print()
        # TRANSLATORS: a check-in's day and its score out of 5
        print(_("{day}   score {score} / 5").format(day=day(checkin.day), score=score(mean)))
        print("  " + " ".join(f"{key}={value}" for key, value in checkin.answers.items()))
        if checkin.note:
            print("  " + _("note: {note}").format(note=checkin.note))
    return 0


def run_application(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.crossroads.tracker import check_name, check_stage

    company, role, stage = (
        check_name("company", args.company),
        check_name("role", args.role),
        check_stage(args.stage),
    )
    from rutjournal.core.crossroads.service import Crossroads
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        print(Crossroads(db).add_application(company, role, stage=stage, notes=args.notes))
    finally:
        db.close()
    return 0


def run_report(args: argparse.Namespace, paths: AppPaths) -> int:
    from rutjournal.core.crossroads.rules import reading, rules_for
    from rutjournal.core.crossroads.service import Crossroads
    from rutjournal.core.crossroads.steps import headline
    from rutjournal.core.crossroads.tracker import stage_summary
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        crossroads = Crossroads(db)
        signals, evidence = crossroads.read()
        verdict = crossroads.verdict(signals, evidence)
        due = crossroads.due()
        counts = crossroads.counts_by_stage()
    finally:
        db.close()
    words = headline(verdict.verdict, verdict.steps)
    if args.json:
        by_key = {s.key: s for s in signals}
        report = {
            "signals": [
                {
                    "key": s.key,
                    "label": s.label,
                    "value": s.value,
                    "direction": s.direction,
                    "reading": reading(s),
                    "level": s.level,
                    "why": s.why,
                    "rules": rules_for(s.key),
                    "number": s.number,
                }
                for s in signals
            ],
            "steps": [
                {
                    "key": step.key,
                    "title": step.title,
                    "section": step.section,
                    "reasons": step.reasons,
                    "action": step.action,
                    "signals": [
                        {
                            "key": k,
                            "label": by_key[k].label,
                            "value": by_key[k].value,
                            "number": by_key[k].number,
                        }
                        for k in step.signals
                        if k in by_key
                    ],
                }
                for step in verdict.steps
            ],
            "verdict": {
                "verdict": verdict.verdict,
                "headline": words,
                "reasons": verdict.reasons,
                "rule": verdict.rule,
                "needs": verdict.needs,
                "since": None if verdict.since is None else verdict.since.isoformat(),
                "changes": verdict.changes,
            },
            "evidence": {"mood_days": evidence.mood_days, "checkins": evidence.checkins},
            "checkin_due": due,
            "applications": counts,
        }
        print(json_text(report))
        return 0
    print(_("Signals:"))
    for s in signals:
        print(f"  {_mark(s)} {s.label}: {s.value} [{reading(s)}]")
        # TRANSLATORS: why a signal reads as it does
        print("      " + _("why: {why}").format(why=s.why))
    print()
    # TRANSLATORS: {verdict} is STAY, PUSH, LEAVE or TOO EARLY TO SAY; {headline} says why in a few words
    said = _("Verdict: {verdict} — {headline}")
    print(said.format(verdict=_(VERDICT_WORDS[verdict.verdict]), headline=words.split(" — ", 1)[-1]))
    several = len(verdict.steps) > 1
    for number, step in enumerate(verdict.steps, 1):
        # TRANSLATORS: a step the verdict names ("Find new challenges") and where it is taken ("in Grow (…)")
        step_line = _("{number}. {step}, {where}:") if several else _("{step}, {where}:")
        print("  " + step_line.format(number=number, step=step.title, where=_(WHERE[step.section])))
        for reason in step.reasons:
            print(f"     - {reason}")
        print(f"     → {step.action}")
    if verdict.steps:
        print("  " + _("How it adds up:"))
    for reason in verdict.reasons:
        print(f"  - {reason}")
    if verdict.changes:
        print(_("Since the last reading:"))
        for change in verdict.changes:
            print(f"  - {change}")
    print(_("Rule: {rule}").format(rule=verdict.rule))
    if due:
        print()
        print(_("This month's check-in is due: rutjournal checkin --questions"))
    summary = stage_summary(counts)
    if summary:
        print()
        # TRANSLATORS: {summary} is the applications by stage, such as "2 applied, 1 interview"
        print(_("Job search: {summary}.").format(summary=summary))
    return 0


VERDICT_WORDS = {  # the verdict of the Crossroads report, in capitals
    # TRANSLATORS: the Crossroads verdict when there is not enough data yet, in capitals
    "too_early": N_("TOO EARLY TO SAY"),
    # TRANSLATORS: the Crossroads verdict: stay in the job as it is, in capitals
    "stay": N_("STAY"),
    # TRANSLATORS: the Crossroads verdict: push for change where you are, in capitals
    "push": N_("PUSH"),
    # TRANSLATORS: the Crossroads verdict: leave the job, in capitals
    "leave": N_("LEAVE"),
}


def _mark(signal: Signal) -> str:
    """One character before a signal: an arrow for a change, a tick or a cross for a level."""
    if signal.direction == "unknown" or signal.key == "guidance":
        return "?" if signal.number is None else "·"
    if signal.level:
        return {"better": "✓", "worse": "✗"}.get(signal.direction, "·")
    return {"better": "↑", "worse": "↓"}.get(signal.direction, "→")


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {
    "checkin": run_checkin,
    "application": run_application,
}
REPORTS: dict[str, Callable[[argparse.Namespace, AppPaths], int]] = {"crossroads": run_report}
